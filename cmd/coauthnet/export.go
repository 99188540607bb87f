package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/coauthnet/coauthnet/community"
	"github.com/coauthnet/coauthnet/export"
	"github.com/coauthnet/coauthnet/io/table"
)

// exportFlags are the flags of build beyond the input flags.
type exportFlags struct {
	to, attachList, layout, poles, blocs string

	withBlocs, dynamic bool
	attach             export.Attach
	focal, rival       string            // --poles, with --attach blocs
	user               map[string]string // --blocs FILE
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

// check validates the flags, resolves the format and the dynamic GEXF
// file from the output name (export.ResolveOutput), and the poles and
// bloc file of --attach blocs.
func (x *exportFlags) check(out string, f *inputFlags) error {
	o, err := export.ResolveOutput(out, x.to, f.byYear, f.byField)
	if err != nil {
		return usageError{err.Error()}
	}
	x.to, x.dynamic = o.Format.Name, o.Dynamic
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
	if !x.withBlocs {
		return nil
	}
	if x.focal, x.rival, err = f.poles(x.poles); err != nil {
		return err
	}
	if x.blocs != "" {
		x.user, err = community.ReadBlocFile(x.blocs)
	}
	return err
}

// options are the export options of the flags, with provenance meta.
func (x *exportFlags) options(f *inputFlags, meta []table.Meta, e *env) export.Options {
	return export.Options{Countings: f.countings, Leader: f.opts.Leader, Impact: f.opts.Impact, Attach: x.attach, Measure: f.measures.MeasureOptions, Layout: x.layout != "", Meta: meta,
		Warn: func(msg string) { fmt.Fprintf(e.stderr, "coauthnet: warning: %s\n", msg) }}
}

// create is writeFile as an export.Create: "-" is e.stdout.
func (e *env) create(path string, write func(io.Writer) error) error {
	return writeFile(path, e.stdout, write)
}
