package graph

import (
	"cmp"
	"fmt"
	"slices"
)

// A Label names one node of a [Series]: its key, display name and
// country (see [Graph.Label], [Graph.Name], [Graph.Country]).
type Label struct {
	Key, Name, Country string
}

// A YearTable holds the weights of one publication year in plain form:
// what [Assemble] makes a [Series] from, and what [Series.Table] returns.
type YearTable struct {
	Year   int
	Papers int // papers counted in the year
	Nodes  []NodeRow
	Edges  []EdgeRow
}

// A NodeRow is the weights of one node in one year.
type NodeRow struct {
	Key string
	W   NodeWeights
}

// An EdgeRow is the weights of one edge in one year. Lead[0] belongs to
// Source and Lead[1] to Target, whichever key is smaller.
type EdgeRow struct {
	Source, Target string
	W              Weights
	Lead           [2]float64
	Impact         Impact
}

// Assemble makes a Series from weights summed elsewhere — partial
// aggregates of shards of a corpus added up, a distributed count — so
// that every analysis runs on them as on a Series from a [Counter].
// Weights are taken as given; nothing is recomputed. labels name every
// node that appears in years (more are allowed and kept). A node with
// Papers 0 in a year is left out of that year.
//
// It reports a key labelled twice, a year given twice, a node or edge
// given twice in a year, an edge joining a node to itself, and a node or
// edge key without a label.
//
// Cost: O(N log N + E log E) for N labels and E (year, edge) pairs.
func Assemble(level Level, stats Stats, labels []Label, years []YearTable) (*Series, error) {
	s := &Series{level: level, stats: stats}
	ls := slices.Clone(labels)
	slices.SortFunc(ls, func(a, b Label) int { return cmp.Compare(a.Key, b.Key) })
	id := make(map[string]int32, len(ls))
	for i, l := range ls {
		if i > 0 && ls[i-1].Key == l.Key {
			return nil, fmt.Errorf("graph: node %q labelled twice", l.Key)
		}
		id[l.Key] = int32(i)
		s.keys = append(s.keys, l.Key)
		s.names = append(s.names, l.Name)
		s.countries = append(s.countries, l.Country)
	}
	seenYear := map[int]bool{}
	for _, yt := range years {
		if seenYear[yt.Year] {
			return nil, fmt.Errorf("graph: year %d given twice", yt.Year)
		}
		seenYear[yt.Year] = true
		yd := yearData{year: yt.Year, papers: yt.Papers}
		for _, n := range yt.Nodes {
			i, ok := id[n.Key]
			if !ok {
				return nil, fmt.Errorf("graph: year %d: node %q has no label", yt.Year, n.Key)
			}
			if n.W.Papers > 0 {
				yd.nodes = append(yd.nodes, nodeEntry{id: i, w: n.W})
			}
		}
		slices.SortFunc(yd.nodes, func(a, b nodeEntry) int { return cmp.Compare(a.id, b.id) })
		for i := 1; i < len(yd.nodes); i++ {
			if yd.nodes[i].id == yd.nodes[i-1].id {
				return nil, fmt.Errorf("graph: year %d: node %q given twice", yt.Year, s.keys[yd.nodes[i].id])
			}
		}
		hasImpact := false
		for _, e := range yt.Edges {
			if e.Impact != (Impact{}) {
				hasImpact = true
			}
		}
		for _, e := range yt.Edges {
			a, okA := id[e.Source]
			b, okB := id[e.Target]
			if !okA || !okB {
				return nil, fmt.Errorf("graph: year %d: edge %s-%s: node without a label", yt.Year, e.Source, e.Target)
			}
			if a == b {
				return nil, fmt.Errorf("graph: year %d: edge joins %s to itself", yt.Year, e.Source)
			}
			lead := e.Lead
			if a > b {
				a, b = b, a
				lead[0], lead[1] = lead[1], lead[0]
			}
			yd.edges = append(yd.edges, edgeEntry{a: a, b: b, w: e.W, lead: lead})
			if hasImpact {
				yd.impact = append(yd.impact, e.Impact)
			}
		}
		yd.edges, yd.impact = sortEdges(yd.edges, yd.impact)
		for i := 1; i < len(yd.edges); i++ {
			if compareEdgeEntry(yd.edges[i], yd.edges[i-1]) == 0 {
				return nil, fmt.Errorf("graph: year %d: edge %s-%s given twice", yt.Year, s.keys[yd.edges[i].a], s.keys[yd.edges[i].b])
			}
		}
		s.years = append(s.years, yd)
	}
	slices.SortFunc(s.years, func(a, b yearData) int { return cmp.Compare(a.year, b.year) })
	return s, nil
}

// Labels returns the label of every node of the series, in key order.
func (s *Series) Labels() []Label {
	ls := make([]Label, len(s.keys))
	for i := range ls {
		ls[i] = Label{s.keys[i], s.names[i], s.countries[i]}
	}
	return ls
}

// Table returns the weights of year y in plain form, nodes and edges in
// key order, the inverse of [Assemble]; its Papers is 0 and it has no
// rows when nothing was counted in y.
func (s *Series) Table(y int) YearTable {
	i, ok := slices.BinarySearchFunc(s.years, y, func(yd yearData, y int) int { return cmp.Compare(yd.year, y) })
	if !ok {
		return YearTable{Year: y}
	}
	yd := &s.years[i]
	t := YearTable{Year: y, Papers: yd.papers, Nodes: make([]NodeRow, len(yd.nodes)), Edges: make([]EdgeRow, len(yd.edges))}
	for j, n := range yd.nodes {
		t.Nodes[j] = NodeRow{Key: s.keys[n.id], W: n.w}
	}
	for j, e := range yd.edges {
		t.Edges[j] = EdgeRow{Source: s.keys[e.a], Target: s.keys[e.b], W: e.w, Lead: e.lead}
		if yd.impact != nil {
			t.Edges[j].Impact = yd.impact[j]
		}
	}
	return t
}

// LabelCounts returns how often each institution name and country was
// seen on the affiliations of the node with key (at level
// [Institutions]; nil maps for countries, groups and ZZ). The Series
// names such a node by the most frequent of each (see [MostFrequent]);
// keeping the counts lets shards of a corpus be named as the whole is.
func (c *Counter) LabelCounts(key string) (names, countries map[string]int) {
	id, _, _ := c.ids.find(key)
	if id < 0 {
		return nil, nil
	}
	ni := &c.nodes[id]
	return ni.names.counts(), ni.country.counts()
}

// counts returns the tally as a map, nil when nothing was counted.
func (t *tally) counts() map[string]int {
	switch {
	case t.more != nil:
		return t.more
	case t.n > 0:
		return map[string]int{t.first: t.n}
	}
	return nil
}

// MostFrequent returns the key of m with the largest count, the smallest
// key on ties, or "" for an empty map: the rule by which a Series names
// an institution from its [Counter.LabelCounts].
func MostFrequent(m map[string]int) string { return mostFrequent(m) }
