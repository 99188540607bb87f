package export

import (
	"fmt"
	"github.com/coauthnet/coauthnet/atomicfile"
	"path/filepath"
	"slices"
	"strings"
)

// An Output is where a series of graphs goes: the [Format] and whether
// the yearly graphs go into one dynamic file.
type Output struct {
	Format *Format
	// Dynamic: the yearly graphs are written as one dynamic GEXF file
	// (WriteDynamic), since byYear was asked of gexf with a path
	// without {year}.
	Dynamic bool
}

// ResolveOutput checks an output path against a format name and the
// split of the graphs, as coauthnet build's -o, --to, --by-year and
// --by-field do, so that a path never silently gets another format
// than its extension says:
//
//   - an extension of path must be one of a format's, with or without
//     a name, so that -o x.xlsx is an error rather than GraphML in a
//     file named .xlsx;
//   - without a name, the extension of path names the format (ByPath);
//     no extension, or "-" (standard output), is graphml;
//   - with a name, the format must exist, and an extension of path that
//     another format has is an error (-o x.graphml --to gexf); a path
//     without extension, or "-", takes the named format;
//   - "-" needs a format that writes to standard output (Format.Stdout);
//   - byYear needs {year} in path (one file per year), except for gexf,
//     which writes every year into one dynamic file without it; {year}
//     without byYear is an error; byField needs {field} and {field}
//     needs byField;
//   - a file path must be one that [atomicfile.Write] can create: its
//     directory exists and takes files (atomicfile.CheckParent), so that
//     a mistyped directory is an error before any input is read.
//
// {year} and {field} do not count as part of the extension. The
// messages name the command's flags (-o, --to, --by-year, --by-field).
func ResolveOutput(path, name string, byYear, byField bool) (Output, error) {
	ext := strings.ToLower(filepath.Ext(strings.ReplaceAll(strings.ReplaceAll(path, "{year}", ""), "{field}", "")))
	byExt := ByPath(path)
	known := path == "-" || ext == "" || slices.Contains(byExt.Exts, ext)
	if name == "" {
		if !known {
			return Output{}, fmt.Errorf("export: -o %s: %s is not the extension of a graph format (%s): end -o with one of them", path, ext, extList())
		}
		name = byExt.Name
	}
	f, ok := Lookup(name)
	if !ok {
		return Output{}, fmt.Errorf("export: --to %q: want %s", name, strings.Join(Names(), ", "))
	}
	if !known {
		return Output{}, fmt.Errorf("export: -o %s with --to %s: %s is not the extension of a graph format; use %s", path, name, ext, strings.Join(f.Exts, " or "))
	}
	if path != "-" && ext != "" && byExt.Name != f.Name {
		return Output{}, fmt.Errorf("export: -o %s with --to %s: the extension %s is %s's; use %s or leave --to out", path, name, ext, byExt.Name, strings.Join(f.Exts, " or "))
	}
	if path == "-" && !f.Stdout {
		return Output{}, fmt.Errorf("export: --to %s writes two files: give -o a file name", name)
	}
	year, field := strings.Contains(path, "{year}"), strings.Contains(path, "{field}")
	if byField != field {
		return Output{}, fmt.Errorf("export: --by-field writes one file per field: -o must contain {field} (and {field} needs --by-field)")
	}
	o := Output{Format: f, Dynamic: byYear && f.Name == "gexf" && !year}
	if byYear && !o.Dynamic && !year {
		return Output{}, fmt.Errorf("export: --by-year writes one file per year: -o must contain {year}, e.g. -o 'graph-{year}.graphml' (or --to gexf for one dynamic file)")
	}
	if !byYear && year {
		return Output{}, fmt.Errorf("export: -o %s contains {year}: add --by-year", path)
	}
	// The directory must take files (atomicfile.CheckParent): said now,
	// not after reading every input. A directory named by {year} or
	// {field} is made by nobody, so it is checked too.
	if path != "-" {
		if err := atomicfile.CheckParent(strings.NewReplacer("{year}", "2000", "{field}", "field").Replace(path)); err != nil {
			return Output{}, fmt.Errorf("export: -o: %w", err)
		}
	}
	return o, nil
}

// extList lists the formats' extensions: "graphml .graphml, ...".
func extList() string {
	var l []string
	for _, n := range Names() {
		f, _ := Lookup(n)
		l = append(l, n+" "+strings.Join(f.Exts, " "))
	}
	return strings.Join(l, ", ")
}
