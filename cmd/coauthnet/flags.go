package main

import (
	"encoding"
	"flag"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strings"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/aggregate"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/load"
)

// inputFlags are the flags shared by every command that reads papers.
// Most are bound straight to the library's options (flag.TextVar: the
// option types parse their own text).
type inputFlags struct {
	opts                      graph.Options      // --level, --years, --lead, --unknown, --group, --max-authors, --impact
	load                      load.Options       // --from, --country-policy, --dedup, --field, -v, --sample
	countings                 graph.CountingList // --counting
	fieldMapFile              string
	byYear, byField, progress bool
	strict                    bool
	minWeight                 float64
	keepCounter               bool         // count keeps the Counter (coauthnet aggregate)
	measures                  measureFlags // registered by the commands that write node tables
}

func (f *inputFlags) register(fs *flag.FlagSet) {
	// The flags that do not apply to the command (notFor) stay out of its
	// flag set: its -h does not list them, and given, they are an error
	// that says why (undefined).
	all := flag.NewFlagSet(fs.Name(), flag.ContinueOnError)
	f.countings = graph.Countings
	f.load.Format = "auto"
	all.StringVar(&f.load.Format, "from", "auto", "input `format`: auto (detect by content), jsonl, csv, parquet, wos, scopus, openalex, or aggregate (a coauthnet aggregate; detected)")
	all.TextVar(&f.opts.Level, "level", graph.Countries, "node `level`: country or institution")
	all.TextVar(&f.countings, "counting", f.countings, "comma `list` of counting methods; the first is also written as weight")
	all.TextVar(&f.opts.Years, "years", graph.Period{}, "only papers published in `Y1-Y2` (or one year)")
	all.BoolVar(&f.byYear, "by-year", false, "one graph per year")
	all.Float64Var(&f.minWeight, "min-weight", 0, "drop edges whose weight (first counting) is below `W`")
	all.TextVar(&f.load.Policy, "country-policy", coauthnet.PolicyISO, "territory `policy`: iso (TW, HK, MO separate), prc (all → CN), prc-sar (HK, MO → CN)")
	all.TextVar((*graph.UnknownNodes)(&f.opts.KeepUnknown), "unknown", graph.UnknownNodes(false), "`policy` for authors without a known node: drop, or node (counted as ZZ)")
	all.Var((*graph.GroupList)(&f.opts.Groups), "group", "merge nodes into one: `NAME=A,B,...`, or EU27 (repeatable)")
	all.BoolVar(&f.load.Sample, "sample", false, "use the embedded demo corpus (20000 papers, 2005-2024) instead of files")
	all.BoolVar(&f.load.List, "v", false, "list every skipped record and every unmapped or remapped value")
	all.BoolVar(&f.progress, "progress", false, "print progress lines on stderr even when it is not a terminal")
	all.StringVar(&f.load.Field, "field", "", "only papers in field `NAME` (after --field-map; case does not matter)")
	all.BoolVar(&f.byField, "by-field", false, "one graph or table per field (a paper in two fields counts in both)")
	all.StringVar(&f.fieldMapFile, "field-map", "", "CSV `file` with columns category,field rolling source categories up to fields")
	all.IntVar(&f.opts.MaxAuthors, "max-authors", 0, "leave out papers with more than `N` authors (hyper-authored)")
	all.TextVar((*graph.HyperPapers)(&f.opts.HyperOnly), "hyper", graph.HyperPapers(false), "`only`: analyse only the hyper-authored papers (more than --max-authors, default 100)")
	all.TextVar(&f.opts.Leader, "lead", graph.FirstAuthor, "`leader` of a paper: first (author) or corresponding (author)")
	all.TextVar(&f.load.Dedup, "dedup", load.DefaultDedup, "duplicate `rules`: id (same source id), doi (same DOI), title (same title, year and first author), comma-separated, or none; the first copy read is kept")
	all.BoolVar(&f.strict, "strict", false, "exit 1 when a record is skipped or a warning is printed (low country coverage, files not read)")
	all.BoolVar(&f.opts.Impact, "impact", false, "normalised citation impact per node and edge (needs citation counts)")
	all.VisitAll(func(fl *flag.Flag) {
		if !slices.Contains(notFor[fl.Name], fs.Name()) {
			fs.Var(fl.Value, fl.Name, fl.Usage)
		}
	})
}

// parse checks the input flags, the options with their own Validate
// (aggregate.CountOptions), given the command's flag set fs and files.
func (f *inputFlags) parse(fs *flag.FlagSet, files []string) error {
	var err error
	if err := f.opts.ResolveGroups(); err != nil {
		return usagef("--%s", userMessage(err)) // "group NAME: ..."
	}
	if f.opts.MaxAuthors < 0 || isSet(fs, "max-authors") && f.opts.MaxAuthors < 1 {
		return usagef("--max-authors %d: want at least 1 author", f.opts.MaxAuthors)
	}
	if !(f.minWeight >= 0) || math.IsInf(f.minWeight, 0) {
		return usagef("--min-weight %g: want a weight of 0 or more", f.minWeight)
	}
	if f.opts.HyperOnly && f.opts.MaxAuthors == 0 {
		f.opts.MaxAuthors = graph.HyperAuthors
	}
	// --from, --field with --by-field, and graph's options.
	if err := (aggregate.CountOptions{Load: f.load, Graph: f.opts, ByField: f.byField}).Validate(); err != nil {
		return usageError{strings.TrimPrefix(userMessage(err), "aggregate: ")}
	}
	if err := f.measures.Validate(); err != nil {
		return usageError{userMessage(err)}
	}
	if f.load.FieldMap, err = load.ReadFieldMap(f.fieldMapFile); err != nil {
		return err
	}
	if f.load.Sample && len(files) > 0 {
		return usagef("--sample and files %v: give one or the other", files)
	}
	if !f.load.Sample && len(files) == 0 {
		return usagef("no input files (give FILE..., - for standard input, or --sample)")
	}
	return nil
}

// notFor lists, for input flags, the commands they do not apply to:
// those commands do not define them (register), so that a flag given to
// one of them is a usage error that says why (undefined), not silently
// ignored.
var notFor = map[string][]string{
	"by-year":        {"blocs", "drift", "report", "convert", "aggregate", "split"},
	"min-weight":     {"nodes", "communities", "blocs", "drift", "mobility", "convert", "aggregate", "split"},
	"impact":         {"communities", "blocs", "drift", "convert", "split"},
	"lead":           {"communities", "blocs", "drift", "mobility", "convert", "split"},
	"level":          {"convert", "split"},
	"counting":       {"convert", "split"},
	"years":          {"convert", "split"},
	"country-policy": {"convert", "split"},
	"unknown":        {"convert", "split"},
	"group":          {"convert", "split"},
	"max-authors":    {"convert", "split"},
	"hyper":          {"convert", "split"},
	"by-field":       {"communities", "blocs", "drift", "report", "mobility", "convert", "aggregate", "split"},
}

// why says why a flag does not apply to a command.
func why(flagName, cmd string) string {
	switch {
	case cmd == "convert" || cmd == "split":
		return cmd + " writes the records as read, before any counting"
	case cmd == "aggregate" && flagName == "by-field":
		return "aggregate one field at a time (--field NAME)"
	case cmd == "aggregate":
		return "aggregate keeps every year and every edge; prune or split later"
	case flagName == "by-year":
		return cmd + " always works year by year"
	case flagName == "min-weight":
		return cmd + " does not prune edges (build, edges and report do)"
	case flagName == "by-field":
		return "build, nodes and edges split by field"
	}
	return cmd + " has no column for it (build, nodes, edges and report do)"
}

// isSet reports whether flag name was given on the command line.
func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(fl *flag.Flag) { set = set || fl.Name == name })
	return set
}

// parseCommand parses a command's flags and positional arguments and
// checks the input flags; it returns the input files.
func (f *inputFlags) parseCommand(fs *flag.FlagSet, args []string) ([]string, error) {
	files, err := parseArgs(fs, args)
	if err != nil {
		return nil, err
	}
	if err := f.parse(fs, files); err != nil {
		return nil, err
	}
	// One node named by a flag: countries as people write them.
	for _, name := range []string{"focal", "rival"} {
		if fl := fs.Lookup(name); fl != nil && fl.Value.String() != "" {
			v, err := f.opts.Node(fl.Value.String())
			if err != nil {
				return nil, usagef("--%s: %s", name, userMessage(err))
			}
			fl.Value.Set(v)
		}
	}
	return files, nil
}

// parseArgs parses flags that may come before, between or after the
// positional arguments, and returns the positional ones.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	// flag calls Usage on every error too: the usage is printed for -h
	// only, a bad flag is one line (run).
	usage := fs.Usage
	fs.Usage = func() {}
	defer func() { fs.Usage = usage }()
	var pos []string
	for {
		if err := fs.Parse(args); err == flag.ErrHelp {
			usage()
			return nil, err
		} else if err != nil {
			return nil, usageError{optionError(fs, err.Error())}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
		if pos[len(pos)-1] == "--" {
			pos = append(pos[:len(pos)-1], args...)
			return pos, nil
		}
	}
}

// badText matches flag's message for a bad value.
var badText = regexp.MustCompile(`^invalid value ".*" for flag -([^:]+): (.*)$`)

// optionError is msg, flag's message for a command line that does not
// parse, without flag's preamble when the value was a library option's
// (flag.TextVar): the option's own error names the value. A flag that
// fs does not define is explained (undefined).
func optionError(fs *flag.FlagSet, msg string) string {
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		return undefined(fs, name)
	}
	m := badText.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	if g, ok := fs.Lookup(m[1]).Value.(flag.Getter); ok {
		if _, ok := g.Get().(encoding.TextUnmarshaler); ok {
			return m[2]
		}
	}
	return msg
}

// undefined explains --name, a flag that command fs does not define:
// why, for an input flag that does not apply to it (notFor); else the
// commands that take it (their -h lists it); else the flags of fs
// nearest to it by the rule of coauthnet.ParseCountry's suggestions
// (coauthnet.Nearest); else that it is unknown.
func undefined(fs *flag.FlagSet, name string) string {
	if slices.Contains(notFor[name], fs.Name()) {
		return fmt.Sprintf("--%s does not apply to %s: %s", name, fs.Name(), why(name, fs.Name()))
	}
	var takers, own []string
	listed := regexp.MustCompile(`(?m)^  -` + regexp.QuoteMeta(name) + `\s`)
	for _, c := range commands {
		args := []string{"-h"}
		if c.name == "fetch" {
			args = []string{"openalex", "-h"} // the flags of fetch are its source's
		}
		var usage strings.Builder
		c.run(args, &env{stdout: io.Discard, stderr: &usage})
		if listed.MatchString(usage.String()) {
			takers = append(takers, c.name)
		}
	}
	if len(takers) > 0 {
		return fmt.Sprintf("--%s does not apply to %s: it is a flag of %s", name, fs.Name(), strings.Join(takers, ", "))
	}
	fs.VisitAll(func(fl *flag.Flag) { own = append(own, fl.Name) })
	// A one- or two-letter name is near every short flag: no guess.
	if near := coauthnet.Nearest(name, own, 3); len(name) > 2 && len(near) > 0 {
		for i := range near {
			near[i] = dashed(near[i])
		}
		return fmt.Sprintf("unknown flag %s (did you mean %s?)", dashed(name), strings.Join(near, " or "))
	}
	return "unknown flag " + dashed(name)
}

// dashed is a flag's name as the README writes it: -o, --counting.
func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// newFlagSet returns a flag set whose errors are returned, never printed
// by flag itself with an exit, and whose Usage (-h) goes to w.
func newFlagSet(name, usage string, w io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are returned and printed once by run
	fs.Usage = func() {
		fmt.Fprintf(w, "Usage: %s\n\nFlags:\n", usage)
		fs.SetOutput(w)
		fs.PrintDefaults()
	}
	return fs
}
