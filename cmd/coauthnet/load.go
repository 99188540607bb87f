package main

import (
	"context"
	"errors"
	"io"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/load"
	"github.com/coauthnet/coauthnet/summary"
)

// A loaded is everything the run read, used and skipped: the loading
// summary and what counting adds.
type loaded struct {
	*load.Summary
	stats   graph.Stats
	byField *graph.FieldCounter // with --by-field
	counter *graph.Counter      // with inputFlags.keepCounter (coauthnet aggregate)
}

// loadOptions are the loading options of the input flags: what counting
// needs of the records, the country policy, fields.
func (f *inputFlags) loadOptions(e *env) load.Options {
	o := f.load
	o.Need, o.Extra, o.Stdin = load.Institutions, f.needsAll(), e.stdin
	if f.opts.Level == graph.Countries {
		o.Need = load.Countries
	}
	if f.progress || e.isTerminal {
		o.Progress = summary.Progress(e.stderr)
	}
	return o
}

// count reads the inputs named by files (or the sample), counts them
// and prints the summary.
func count(f *inputFlags, files []string, e *env) (*graph.Series, *loaded, error) {
	if s, rep, ok, err := loadAggregate(f, files, e); ok { // aggregate.go
		if err == nil {
			rep.print(f, e.stderr, s)
		}
		return s, rep, err
	}
	counter := graph.NewCounter(f.opts)
	rep := &loaded{}
	if f.byField {
		rep.byField = graph.NewFieldCounter(f.opts)
	}
	sink := func(p *coauthnet.Paper) error {
		counter.Add(p)
		if rep.byField != nil {
			rep.byField.Add(p)
		}
		return nil
	}
	setDoing("reading the inputs")
	sum, err := load.Papers(context.Background(), files, f.loadOptions(e), sink)
	setDoing("counting")
	rep.Summary = sum
	if err != nil {
		return nil, rep, err
	}
	var s *graph.Series
	if f.keepCounter {
		s, rep.counter = counter.Series(), counter
	} else {
		s = counter.Finish() // the series has what the counter held: let it go
	}
	rep.stats = s.Stats() // the counter's, with what Series adds (ZeroBaseline)
	if rep.stats.Used == 0 {
		err = errors.New("no paper could be counted (see the summary above)")
	} else {
		err = strict(f, sum)
	}
	rep.print(f, e.stderr, s)
	if err != nil {
		return nil, rep, err
	}
	return s, rep, nil
}

// years is --years as the summary names it ("" for every year).
func years(p graph.Period) string {
	b, _ := p.MarshalText()
	return string(b)
}

// strict returns the error of --strict: a skipped record or a warning.
func strict(f *inputFlags, s *load.Summary) error {
	if !f.strict {
		return nil
	}
	return summary.Strict(s)
}

// print writes the summary to w.
func (r *loaded) print(f *inputFlags, w io.Writer, s *graph.Series) {
	summary.Write(w, r.Summary, r.stats, s, summary.Options{Years: years(f.opts.Years), Counting: f.opts, Policy: f.load.Policy, Field: f.load.Field,
		ByField: r.byField.Len(), Verbose: f.load.List})
}
