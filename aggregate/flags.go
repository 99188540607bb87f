package aggregate

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
)

// ParseFlags returns the counting options of an aggregate's flags (its
// Flags field; the output of [Options.FlagMap]): level, unknown, years,
// country_policy, groups, max_authors, hyper, lead and field. It is the
// inverse of FlagMap for every option but FieldMap, of which an
// aggregate keeps only a hash (FieldMap is nil), and Impact, which
// aggregates refuse (false). Groups come back sorted by name, members
// sorted, as FlagMap writes them. Its errors name the flag and are not
// prefixed: callers say which aggregate.
func ParseFlags(m map[string]string) (Options, error) {
	var o Options
	var err error
	g := &o.Graph
	if g.Level, err = graph.ParseLevel(m["level"]); err != nil {
		return o, err
	}
	if o.Policy, err = coauthnet.ParseCountryPolicy(m["country_policy"]); err != nil {
		return o, err
	}
	g.KeepUnknown = m["unknown"] == "node"
	if m["years"] != "" {
		if g.Years, err = graph.ParsePeriod(m["years"]); err != nil {
			return o, err
		}
	}
	if g.MaxAuthors, err = strconv.Atoi(m["max_authors"]); err != nil {
		return o, fmt.Errorf("max_authors %q", m["max_authors"])
	}
	g.HyperOnly = m["hyper"] == "only"
	g.Leader = graph.FirstAuthor
	if m["lead"] == "corresponding" {
		g.Leader = graph.CorrespondingAuthor
	}
	o.Field = m["field"]
	if m["groups"] != "" {
		for _, v := range strings.Split(m["groups"], ";") {
			grp, err := graph.ParseGroup(v)
			if err != nil {
				return o, err
			}
			g.Groups = append(g.Groups, grp)
		}
	}
	return o, nil
}

// flagOrder is the order of the flags in FlagSummary.
var flagOrder = []string{"level", "unknown", "years", "country_policy", "groups", "max_authors", "hyper", "lead", "field", "field_map"}

// FlagSummary lists the flags m (an aggregate's Flags) that are not at
// their default, as "level=country years=2010-2020 ...": level always,
// then the others in the order of the package documentation.
func FlagSummary(m map[string]string) string {
	def, _ := Options{}.FlagMap()
	var s []string
	for _, k := range flagOrder {
		if m[k] != def[k] || k == "level" {
			s = append(s, k+"="+m[k])
		}
	}
	return strings.Join(s, " ")
}

// CheckFlags reports whether the aggregate can be analysed with the
// counting options o: every flag of o that is not at its default must
// be the one the aggregate was counted with, since counting flags cannot
// change after counting. Flags at their default stand for "as counted".
// The error names the first flag that differs, in key order; o's own
// error (FlagMap: Impact) is returned as is.
func (a *Aggregate) CheckFlags(o Options) error {
	own, err := o.FlagMap()
	if err != nil {
		return err
	}
	def, _ := Options{}.FlagMap()
	for _, k := range slices.Sorted(maps.Keys(own)) {
		if v := own[k]; v != def[k] && v != a.Flags[k] {
			return fmt.Errorf("the aggregate was counted with %s %q, not %q: counting flags cannot change after counting", k, a.Flags[k], v)
		}
	}
	return nil
}

// Open reads the named aggregates (ReadSeries: merged when several) as
// the input of an analysis asked for with the counting options o, as
// the commands do when given aggregates: o's flags that are not at
// their default must be those the aggregate was counted with
// (CheckFlags). It returns the series, the aggregate, and the options
// the aggregate was counted with (ParseFlags, with the series' level
// and o's Impact), which stand for o in the summary and provenance.
func Open(files []string, o Options) (*graph.Series, *Aggregate, Options, error) {
	s, a, err := ReadSeries(files...)
	if err != nil {
		return nil, nil, o, err
	}
	if err := a.CheckFlags(o); err != nil {
		return nil, nil, o, err
	}
	counted, err := ParseFlags(a.Flags)
	if err != nil {
		return nil, nil, o, fmt.Errorf("the aggregate's flags: %w", err)
	}
	counted.Graph.Impact, counted.Graph.Level = o.Graph.Impact, s.Level()
	return s, a, counted, nil
}
