package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/coauthnet/coauthnet/community"
	"github.com/coauthnet/coauthnet/export"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/table"
)

// exportFlags are the flags of build beyond the input flags.
type exportFlags struct {
	to, attachList, layout, poles, blocs string

	withBlocs bool
	attach    export.Attach
}

func (x *exportFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&x.to, "to", "", "output `format`: "+strings.Join(export.Names(), ", ")+" (default: from the -o extension, else graphml)")
	fs.StringVar(&x.attachList, "attach", "", "node attributes to add, a comma `list` of centrality, communities, blocs")
	fs.StringVar(&x.layout, "layout", "", "compute node positions: eades (seeded force-directed layout) for gexf, pajek and vosviewer")
	fs.Uint64Var(&x.attach.Seed, "seed", 1, "seed of the community detection (--attach communities), the bloc bootstrap and --layout")
	fs.Float64Var(&x.attach.Resolution, "resolution", 1, "resolution γ of --attach communities")
	fs.TextVar(&x.attach.Algorithm, "algorithm", community.Leiden, "community detection `method`: leiden or louvain")
	fs.StringVar(&x.poles, "poles", "", "with --attach blocs: the two poles `P,Q`, the first focal")
	fs.StringVar(&x.blocs, "blocs", "", "with --attach blocs: a bloc `file` instead of inferred blocs")
}

// extList lists the formats' extensions: ".graphml (graphml), ...".
func extList() string {
	var l []string
	for _, n := range export.Names() {
		f, _ := export.Lookup(n)
		l = append(l, n+" "+strings.Join(f.Exts, " "))
	}
	return strings.Join(l, ", ")
}

// check validates the flags and fills in the format from the output
// name.
func (x *exportFlags) check(out string) error {
	// The -o extension names the format or must match --to: -o x.xlsx
	// must not silently write GraphML. No extension (or -) is GraphML.
	ext := strings.ToLower(filepath.Ext(strings.ReplaceAll(strings.ReplaceAll(out, "{year}", ""), "{field}", "")))
	byExt := export.ByPath(out)
	known := out == "-" || ext == "" || slices.Contains(byExt.Exts, ext)
	if x.to == "" {
		if !known {
			return usagef("-o %s: %s is not the extension of a graph format (%s); give --to FORMAT", out, ext, extList())
		}
		x.to = byExt.Name
	}
	format, ok := export.Lookup(x.to)
	if !ok {
		return usagef("--to %q: want %s", x.to, strings.Join(export.Names(), ", "))
	}
	if known && out != "-" && ext != "" && byExt.Name != format.Name {
		return usagef("-o %s with --to %s: the extension %s is %s's; use %s or leave --to out", out, x.to, ext, byExt.Name, strings.Join(format.Exts, " or "))
	}
	if out == "-" && !format.Stdout {
		return usagef("--to %s writes two files: give -o a file name", x.to)
	}
	var err error
	if x.withBlocs, err = x.attach.Parse(x.attachList); err != nil {
		return usagef("--attach %s", strings.TrimPrefix(err.Error(), "export: attachment "))
	}
	if x.withBlocs != (x.poles != "") {
		return usagef("--attach blocs and --poles P,Q go together")
	}
	if x.blocs != "" && !x.withBlocs {
		return usagef("--blocs FILE needs --attach blocs")
	}
	if x.layout != "" && x.layout != "eades" {
		return usagef("--layout %q: want eades", x.layout)
	}
	return nil
}

// blocsOf classifies every node of s for --attach blocs
// (export.PoleBlocs).
func (x *exportFlags) blocsOf(f *inputFlags, s *graph.Series) error {
	p, q, err := f.poles(x.poles)
	if err != nil {
		return err
	}
	var user map[string]string
	if x.blocs != "" {
		if user, err = community.ReadBlocFile(x.blocs); err != nil {
			return err
		}
	}
	x.attach.Bloc, err = export.PoleBlocs(s, p, q, user)
	return err
}

// options are the export options of the flags, with provenance meta.
func (x *exportFlags) options(f *inputFlags, meta []table.Meta, e *env) export.Options {
	return export.Options{Countings: f.countings, Leader: f.opts.Leader, Impact: f.opts.Impact, Attach: x.attach, Measure: f.measures.options(), Layout: x.layout != "", Meta: meta,
		Warn: func(msg string) { fmt.Fprintf(e.stderr, "coauthnet: warning: %s\n", msg) }}
}

// export writes g in format x.to to the files for path.
func (x *exportFlags) export(f *inputFlags, g *graph.Graph, path string, meta []table.Meta, e *env) ([]string, error) {
	return export.WriteGraph(x.to, g, path, x.options(f, meta, e), e.create)
}

// exportDynamic writes the yearly graphs gs as one dynamic GEXF file.
func (x *exportFlags) exportDynamic(f *inputFlags, s *graph.Series, gs []*graph.Graph, path string, meta []table.Meta, e *env) error {
	return export.WriteDynamic(s, gs, path, x.options(f, meta, e), e.create)
}

// create is writeFile as an export.Create: "-" is e.stdout.
func (e *env) create(path string, write func(io.Writer) error) error {
	return writeFile(path, e.stdout, write)
}
