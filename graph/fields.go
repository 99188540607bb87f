package graph

import (
	"maps"
	"slices"
	"strings"

	"github.com/coauthnet/coauthnet"
)

// NoField is the field of the papers without one (Paper.Fields empty)
// in a [FieldCounter].
const NoField = "(no field)"

// A FieldCounter counts papers into one [Counter] per field: a paper
// counts once in each of its distinct fields (Paper.Fields, after any
// field map; a paper in two fields counts in both), and a paper without
// a field under [NoField]. It is what `coauthnet build --by-field`
// counts. Like a Counter, it is not safe for concurrent use.
type FieldCounter struct {
	opts   Options
	fields map[string]*Counter
}

// NewFieldCounter returns an empty FieldCounter whose counters count
// with opts.
func NewFieldCounter(opts Options) *FieldCounter {
	return &FieldCounter{opts: opts, fields: map[string]*Counter{}}
}

// Add counts p in each of its distinct fields.
func (fc *FieldCounter) Add(p *coauthnet.Paper) {
	fs := p.Fields
	if len(fs) == 0 {
		fs = []string{NoField}
	}
	for i, f := range fs {
		if slices.Contains(fs[:i], f) {
			continue
		}
		c := fc.fields[f]
		if c == nil {
			c = NewCounter(fc.opts)
			fc.fields[strings.Clone(f)] = c
		}
		c.Add(p)
	}
}

// Len returns the number of fields seen (0 for a nil FieldCounter).
func (fc *FieldCounter) Len() int {
	if fc == nil {
		return 0
	}
	return len(fc.fields)
}

// A FieldSeries is the series of one field of a [FieldCounter].
type FieldSeries struct {
	Field  string
	Series *Series
}

// Series returns the series of every field, sorted by field name.
func (fc *FieldCounter) Series() []FieldSeries {
	var fs []FieldSeries
	for _, k := range slices.Sorted(maps.Keys(fc.fields)) {
		fs = append(fs, FieldSeries{k, fc.fields[k].Series()})
	}
	return fs
}
