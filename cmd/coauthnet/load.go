package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/coauthnet/coauthnet/aggregate"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/load"
	"github.com/coauthnet/coauthnet/summary"
)

// loadOptions are the loading options of the input flags: what to read,
// the country policy, fields, progress (aggregate.Count adds what
// counting needs of the records).
func (f *inputFlags) loadOptions(e *env) load.Options {
	o := f.load
	o.Stdin = e.stdin
	if f.progress || e.isTerminal {
		o.Progress = summary.Progress(e.stderr)
	}
	return o
}

// count reads the inputs named by files (or the sample), or the
// aggregates, counts them (aggregate.Count) and prints the summary.
func count(f *inputFlags, files []string, e *env) (*graph.Series, *aggregate.Counted, error) {
	setDoing("reading the inputs")
	rep, err := aggregate.Count(context.Background(), files, aggregate.CountOptions{Load: f.loadOptions(e), Graph: f.opts, ByField: f.byField, KeepCounter: f.keepCounter})
	setDoing("counting") // what the commands do next, until they say otherwise
	if errors.As(err, new(*aggregate.OptionError)) {
		// Options aggregates cannot honour: --by-field, --impact.
		return nil, rep, usageError{strings.TrimPrefix(err.Error(), "aggregate: ")}
	}
	if err != nil {
		return nil, rep, err
	}
	if a := rep.Aggregate; a != nil {
		// The flags the aggregate was counted with stand for the
		// command's in the summary, the provenance and the period of build.
		f.load.Policy, f.load.Field, f.opts = rep.Options.Policy, rep.Options.Field, rep.Options.Graph
		if rep.Stats.Used > 0 {
			fmt.Fprintf(e.stderr, "coauthnet: read %s (%s merged, flags %s)\n", summary.Plural(len(files), "aggregate"), summary.Plural(int(a.Counts["parts"]), "part"), aggregate.FlagSummary(a.Flags))
		}
	}
	switch {
	case rep.Stats.Used == 0 && rep.Aggregate != nil:
		err = errors.New("the aggregate counted no paper")
	case rep.Stats.Used == 0:
		err = errors.New("no paper could be counted (see the summary above)")
	case rep.Aggregate == nil:
		err = strict(f, rep.Summary)
	}
	summary.Write(e.stderr, rep.Summary, rep.Stats, rep.Series, summary.Options{Counting: f.opts, Policy: f.load.Policy, Field: f.load.Field,
		ByField: rep.ByField.Len(), Verbose: f.load.List})
	if err != nil {
		return nil, rep, err
	}
	return rep.Series, rep, nil
}

// strict returns the error of --strict: a skipped record or a warning.
func strict(f *inputFlags, s *load.Summary) error {
	if !f.strict {
		return nil
	}
	return summary.Strict(s)
}
