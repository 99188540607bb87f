package main

import (
	"context"
	"errors"
	"fmt"
	"github.com/coauthnet/coauthnet/summary"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/load"
)

// A loaded is everything the run read, used and skipped: the loading
// summary and what counting adds.
type loaded struct {
	*load.Summary
	stats   graph.Stats
	byField map[string]*graph.Counter // with --by-field
	counter *graph.Counter            // with inputFlags.keepCounter (coauthnet aggregate)
}

// noField is the part of --by-field for papers without a field.
const noField = "(no field)"

// A part is the series of one field with --by-field.
type part struct {
	field string
	s     *graph.Series
}

// parts returns the series of each field with --by-field, by field name.
func (r *loaded) parts() []part {
	var ps []part
	for _, k := range slices.Sorted(maps.Keys(r.byField)) {
		ps = append(ps, part{k, r.byField[k].Series()})
	}
	return ps
}

// loadOptions are the loading options of the input flags: what counting
// needs of the records, the country policy, fields.
func (f *inputFlags) loadOptions(e *env) load.Options {
	need := load.Institutions
	if f.opts.Level == graph.Countries {
		need = load.Countries
	}
	o := load.Options{
		Format:   f.from,
		Policy:   f.pol,
		Dedup:    f.dedupRules,
		Need:     need,
		Extra:    f.needsAll(),
		FieldMap: f.fieldMap,
		Field:    f.field,
		List:     f.verbose,
		Sample:   f.sample,
		Stdin:    e.stdin,
	}
	if f.progress || e.isTerminal {
		var last time.Time
		o.Progress = func(records int, bytes int64) {
			now := time.Now()
			if last.IsZero() {
				last = now
				return
			}
			if now.Sub(last) >= time.Second {
				last = now
				fmt.Fprintf(e.stderr, "coauthnet: %d records, %.0f MB read\n", records, float64(bytes)/1e6)
			}
		}
	}
	return o
}

// count reads the inputs named by files (or the sample) and counts them.
func count(f *inputFlags, files []string, e *env) (*graph.Series, *loaded, error) {
	if s, rep, ok, err := loadAggregate(f, files, e); ok { // aggregate.go
		return s, rep, err
	}
	counter := graph.NewCounter(f.opts)
	rep := &loaded{}
	if f.byField {
		rep.byField = map[string]*graph.Counter{}
	}
	sink := func(p *coauthnet.Paper) error {
		counter.Add(p)
		if rep.byField != nil {
			fs := p.Fields
			if len(fs) == 0 {
				fs = []string{noField}
			}
			for i, fld := range fs {
				if slices.Contains(fs[:i], fld) {
					continue
				}
				c := rep.byField[fld]
				if c == nil {
					c = graph.NewCounter(f.opts)
					rep.byField[strings.Clone(fld)] = c
				}
				c.Add(p)
			}
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
		rep.print(f, e.stderr, s)
		return nil, rep, errors.New("no paper could be counted (see the summary above)")
	}
	if err := strict(f, sum); err != nil {
		rep.print(f, e.stderr, s)
		return nil, rep, err
	}
	return s, rep, nil
}

// strict returns the error of --strict: a skipped record or a warning.
func strict(f *inputFlags, s *load.Summary) error {
	if !f.strict {
		return nil
	}
	if w := len(s.Warnings()); s.Skipped > 0 || w > 0 {
		return fmt.Errorf("--strict: %s skipped, %s (see the summary above)", summary.Plural(s.Skipped, "record"), summary.Plural(w, "warning"))
	}
	return nil
}

// print writes the summary to w.
func (r *loaded) print(f *inputFlags, w io.Writer, s *graph.Series) {
	summary.Write(w, r.Summary, r.stats, s, summary.Options{Years: f.years, Counting: f.opts, Policy: f.pol, Field: f.field,
		ByField: len(r.byField), Verbose: f.verbose})
}
