package load

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// A file is one input to read: a name given, or a file found in a
// directory or by a glob pattern (found).
type file struct {
	name  string
	inDir bool
}

// expand turns the names given into the files to read, in order: "-"
// and plain files as given; a directory as its regular files, recursively,
// in lexical path order, leaving out names starting with "." (hidden
// files and directories); a name that does not exist and contains a glob
// metacharacter (* ? [) as its matches in lexical order, each expanded in
// turn. A name that does not exist otherwise is kept, so that opening it
// reports the error.
func expand(names []string) ([]file, error) {
	var out []file
	for _, name := range names {
		if name == "-" {
			out = append(out, file{name: name})
			continue
		}
		fi, err := os.Stat(name)
		switch {
		case err == nil && fi.IsDir():
			fs, err := walk(name)
			if err != nil {
				return nil, err
			}
			out = append(out, fs...)
		case err == nil || !strings.ContainsAny(name, "*?["):
			out = append(out, file{name: name})
		default:
			matches, err := filepath.Glob(name)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			if len(matches) == 0 {
				return nil, fmt.Errorf("%s: no file matches", name)
			}
			for _, m := range matches {
				if fi, err := os.Stat(m); err == nil && fi.IsDir() {
					fs, err := walk(m)
					if err != nil {
						return nil, err
					}
					out = append(out, fs...)
					continue
				}
				out = append(out, file{name: m, inDir: true})
			}
		}
	}
	return out, nil
}

// walk lists the regular files under dir in lexical order, without
// hidden names.
func walk(dir string) ([]file, error) {
	var out []file
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			out = append(out, file{name: path, inDir: true})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: directory without files", dir)
	}
	return out, nil
}

// documentation reports whether the file name is that of documentation
// kept beside bibliographic exports rather than an export: an extension
// of a document format (.md, .markdown, .rst, .adoc, .html, .htm, .pdf,
// .cff), or a base name, before its first dot and in any case, of
// README, LICENSE, LICENCE, COPYING, NOTICE, AUTHORS, CHANGELOG, SOURCES
// or CITATION. It is asked only of files whose format [Detect] cannot
// tell, so an export named sources.txt is still read.
func documentation(name string) bool {
	base := strings.ToLower(filepath.Base(name))
	if slices.Contains([]string{".md", ".markdown", ".rst", ".adoc", ".html", ".htm", ".pdf", ".cff"}, filepath.Ext(base)) {
		return true
	}
	stem, _, _ := strings.Cut(base, ".")
	return slices.Contains([]string{"readme", "license", "licence", "copying", "notice", "authors", "changelog", "sources", "citation"}, stem)
}
