package aggregate

import (
	"strings"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/load"
)

// countMaps pairs the count-row prefixes with the maps of a
// load.Summary they hold.
func countMaps(s *load.Summary) map[string]map[string]int {
	return map[string]map[string]int{"skipped: ": s.Reasons, "policy: ": s.Remapped,
		"unmapped_country: ": s.Unmapped, "not_iso: ": s.NotISO, "unmapped_field: ": s.UnmappedFields}
}

// Counts returns the counts of a loading summary as an aggregate records
// them (see the package documentation): records_read, records_skipped,
// duplicates (all rules together), not_in_field, and one count per
// skip reason ("skipped: REASON"), policy change ("policy: FROM→TO"),
// unmapped country, non-ISO code and unmapped field category.
func Counts(s *load.Summary) map[string]int64 {
	m := map[string]int64{
		"records_read":    int64(s.Read),
		"records_skipped": int64(s.Skipped),
		"duplicates":      int64(s.Duplicated()),
		"not_in_field":    int64(s.NotInField),
	}
	for prefix, c := range countMaps(s) {
		for k, v := range c {
			m[prefix+k] += int64(v)
		}
	}
	return m
}

// Inputs returns the inputs of a loading summary as an aggregate records
// them. The embedded sample, which has no sha256, is named by its format.
func Inputs(s *load.Summary) []Input {
	var in []Input
	for _, x := range s.Inputs {
		name := x.Name
		if x.SHA256 == "" { // the sample describes itself
			name = x.Format
		}
		in = append(in, Input{Name: name, SHA256: x.SHA256, Format: x.Format, Read: int64(x.Read), Skipped: int64(x.Skipped)})
	}
	return in
}

// FromSummary makes the aggregate of what c counted with opts, with the
// counts and inputs of the loading summary s that fed c: FromCounter(c,
// opts, Counts(s), Inputs(s)).
func FromSummary(c *graph.Counter, opts Options, s *load.Summary) (*Aggregate, error) {
	return FromCounter(c, opts, Counts(s), Inputs(s))
}

// Summary returns the loading summary that a count of the aggregate's
// papers would have printed, from its counts and inputs: the inverse of
// [Counts] and [Inputs], except that duplicates, recorded as one number,
// come back under the single rule "id or doi (counted into the
// aggregate)", and that what an aggregate does not record (skip
// messages, files not read, bytes, time) is empty.
func (a *Aggregate) Summary() *load.Summary {
	s := &load.Summary{
		Read: int(a.Counts["records_read"]), Skipped: int(a.Counts["records_skipped"]), NotInField: int(a.Counts["not_in_field"]),
		Reasons: map[string]int{}, Remapped: map[string]int{}, Unmapped: map[string]int{}, NotISO: map[string]int{},
		UnmappedFields: map[string]int{}, Duplicates: map[string]int{},
	}
	if n := int(a.Counts["duplicates"]); n > 0 {
		s.Duplicates["id or doi (counted into the aggregate)"] = n
	}
	maps := countMaps(s)
	for k, v := range a.Counts {
		for prefix, m := range maps {
			if rest, ok := strings.CutPrefix(k, prefix); ok {
				m[rest] += int(v)
			}
		}
	}
	for _, in := range a.Inputs {
		s.Inputs = append(s.Inputs, load.Input{Name: in.Name, SHA256: in.SHA256, Format: in.Format, Read: int(in.Read), Skipped: int(in.Skipped)})
	}
	return s
}
