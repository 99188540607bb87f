package main

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
)

// inputFlags are the flags shared by every command that reads papers.
type inputFlags struct {
	from, level, counting, years, policy, unknown string
	byYear, sample, verbose, progress             bool
	minWeight                                     float64
	groups                                        groupFlag

	// Parsed values.
	opts      graph.Options
	countings []graph.Counting
	pol       coauthnet.CountryPolicy
}

func (f *inputFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.from, "from", "auto", "input `format`: auto (detect by content), jsonl, csv, parquet, wos, scopus or openalex")
	fs.StringVar(&f.level, "level", "country", "node `level`: country or institution")
	fs.StringVar(&f.counting, "counting", "bifrac,full,frac,share", "comma `list` of counting methods; the first is also written as weight")
	fs.StringVar(&f.years, "years", "", "only papers published in `Y1-Y2` (or one year)")
	fs.BoolVar(&f.byYear, "by-year", false, "one graph per year")
	fs.Float64Var(&f.minWeight, "min-weight", 0, "drop edges whose weight (first counting) is below `W`")
	fs.StringVar(&f.policy, "country-policy", "iso", "territories: iso (TW, HK, MO separate), prc (all → CN), prc-sar (HK, MO → CN)")
	fs.StringVar(&f.unknown, "unknown", "drop", "authors without a known node: drop, or node (counted as ZZ)")
	fs.Var(&f.groups, "group", "merge nodes into one: `NAME=A,B,...`, or EU27 (repeatable)")
	fs.BoolVar(&f.sample, "sample", false, "use the embedded demo corpus (20000 papers, 2005-2024) instead of files")
	fs.BoolVar(&f.verbose, "v", false, "list every skipped record and every unmapped or remapped value")
	fs.BoolVar(&f.progress, "progress", false, "print progress lines on stderr even when it is not a terminal")
}

// parse checks the flags and fills the parsed values.
func (f *inputFlags) parse(files []string) error {
	var err error
	if f.from != "auto" && !slices.Contains(formats, f.from) {
		return usagef("--from %q: want auto, %s", f.from, strings.Join(formats, ", "))
	}
	if f.opts.Level, err = graph.ParseLevel(f.level); err != nil {
		return usageError{err.Error()}
	}
	if f.countings, err = graph.ParseCountings(f.counting); err != nil {
		return usageError{err.Error()}
	}
	if f.years != "" {
		if f.opts.Years, err = graph.ParsePeriod(f.years); err != nil {
			return usageError{err.Error()}
		}
	}
	if f.pol, err = coauthnet.ParseCountryPolicy(f.policy); err != nil {
		return usageError{err.Error()}
	}
	switch f.unknown {
	case "drop":
	case "node":
		f.opts.KeepUnknown = true
	default:
		return usagef("--unknown %q: want drop or node", f.unknown)
	}
	f.opts.Groups = f.groups
	if err := f.opts.Validate(); err != nil {
		return usageError{strings.TrimPrefix(err.Error(), "graph: ")}
	}
	if f.sample && len(files) > 0 {
		return usagef("--sample and files %v: give one or the other", files)
	}
	if !f.sample && len(files) == 0 {
		return usagef("no input files (give FILE..., - for standard input, or --sample)")
	}
	return nil
}

// groupFlag collects --group values.
type groupFlag []graph.Group

func (g *groupFlag) String() string {
	var s []string
	for _, x := range *g {
		s = append(s, x.Name)
	}
	return strings.Join(s, ",")
}

func (g *groupFlag) Set(v string) error {
	if v == "EU27" {
		*g = append(*g, graph.EU27)
		return nil
	}
	name, list, ok := strings.Cut(v, "=")
	name = strings.TrimSpace(name)
	if !ok || name == "" || strings.TrimSpace(list) == "" {
		return fmt.Errorf("want NAME=A,B,... or EU27, not %q", v)
	}
	grp := graph.Group{Name: name}
	for _, m := range strings.Split(list, ",") {
		if m = strings.TrimSpace(m); m != "" {
			grp.Members = append(grp.Members, m)
		}
	}
	*g = append(*g, grp)
	return nil
}

// parseCommand parses a command's flags and positional arguments and
// checks the input flags; it returns the input files.
func (f *inputFlags) parseCommand(fs *flag.FlagSet, args []string) ([]string, error) {
	files, err := parseArgs(fs, args)
	if err != nil {
		return nil, err
	}
	return files, f.parse(files)
}

// parseArgs parses flags that may come before, between or after the
// positional arguments, and returns the positional ones.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if err == flag.ErrHelp {
				return nil, err
			}
			return nil, usageError{err.Error()}
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

// newFlagSet returns a flag set whose errors and usage go to w and are
// returned, never printed by flag itself with an exit.
func newFlagSet(name, usage string, w io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are returned and printed once by run
	fs.Usage = func() {
		fmt.Fprintf(w, "Usage: %s\n\nFlags:\n", usage)
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	return fs
}
