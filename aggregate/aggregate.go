package aggregate

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
)

// Schema is the version of the file format written by this package.
const Schema = "1"

// ErrFlags is returned by Merge for partials counted with different flags.
var ErrFlags = errors.New("aggregate: partials counted with different flags")

// ErrSameInput is returned by Merge for partials that counted the same
// input file: its papers would count twice.
var ErrSameInput = errors.New("aggregate: the same input in two partials")

// An Aggregate is a partial (or merged) count: per-year node and edge
// weights, node labels, summary counts, provenance and the flags it was
// counted with.
type Aggregate struct {
	// Flags are the counting flags ("level", "years", ...; see the package
	// documentation), compared by Merge.
	Flags map[string]string
	// Inputs are the files counted, sorted by name, sha256, format.
	Inputs []Input
	// Counts are additive counts of the run: records read, skipped by
	// reason, duplicates, graph.Stats as "stats.NAME" (see the package
	// documentation).
	Counts map[string]int64
	// Nodes labels every node key.
	Nodes map[string]*Node
	// Years holds the weights of each year counted, ascending.
	Years []graph.YearTable
}

// An Input is one file counted into an aggregate.
type Input struct {
	Name, SHA256, Format string
	Read, Skipped        int64 // records read (including skipped), skipped
}

// A Node is the label of a node. An institution is named by the most
// frequent of the names and countries seen on its affiliations (ties:
// the smallest), so that a merged aggregate names it as a single pass
// over the whole corpus does; other nodes (countries, groups, ZZ) have a
// fixed name and country.
type Node struct {
	Name, Country    string
	Tallied          bool // an institution: Names and Countries decide
	Names, Countries map[string]int
}

// Options are the flags of a count that do not belong to graph.Options
// but change what is counted.
type Options struct {
	Graph    graph.Options
	Policy   coauthnet.CountryPolicy
	Field    string            // only papers in this field (folded), or ""
	FieldMap map[string]string // category → field, or nil
}

// FlagMap returns the flags as written in the aggregate's meta rows. It
// refuses options whose counts are not additive (Impact).
func (o Options) FlagMap() (map[string]string, error) {
	g := o.Graph
	if g.Impact {
		return nil, errors.New("aggregate: normalised citation impact (--impact) needs the whole corpus's baseline and cannot be aggregated in parts")
	}
	m := map[string]string{
		"level":          g.Level.String(),
		"unknown":        "drop",
		"years":          "",
		"country_policy": o.Policy.String(),
		"max_authors":    strconv.Itoa(g.MaxAuthors),
		"hyper":          "",
		"lead":           g.Leader.String(),
		"field":          o.Field,
		"field_map":      "",
	}
	if g.KeepUnknown {
		m["unknown"] = "node"
	}
	if g.Years != (graph.Period{}) {
		m["years"] = g.Years.String()
	}
	if g.HyperOnly {
		m["hyper"] = "only"
	}
	var gs []string
	for _, gr := range g.Groups {
		ms := slices.Clone(gr.Members)
		slices.Sort(ms)
		gs = append(gs, gr.Name+"="+strings.Join(ms, ","))
	}
	slices.Sort(gs)
	m["groups"] = strings.Join(gs, ";")
	if o.FieldMap != nil {
		h := sha256.New()
		for _, k := range slices.Sorted(maps.Keys(o.FieldMap)) {
			fmt.Fprintf(h, "%s\x00%s\n", k, o.FieldMap[k])
		}
		m["field_map"] = hex.EncodeToString(h.Sum(nil))
	}
	return m, nil
}

// FromCounter makes the aggregate of what c counted with opts (which
// must be the options c was made with), with the run's counts (records
// read, skipped by reason, ...; graph.Stats and parts are added) and
// inputs.
func FromCounter(c *graph.Counter, opts Options, counts map[string]int64, inputs []Input) (*Aggregate, error) {
	flags, err := opts.FlagMap()
	if err != nil {
		return nil, err
	}
	s := c.Series()
	a := &Aggregate{
		Flags:  flags,
		Inputs: slices.Clone(inputs),
		Counts: map[string]int64{},
		Nodes:  map[string]*Node{},
	}
	for k, v := range counts {
		if v != 0 {
			a.Counts[k] = v
		}
	}
	putStats(a.Counts, s.Stats())
	a.Counts["parts"] = 1
	sortInputs(a.Inputs)
	for _, l := range s.Labels() {
		n := &Node{Name: l.Name, Country: l.Country}
		if names, countries := c.LabelCounts(l.Key); names != nil {
			n.Tallied = true
			n.Names, n.Countries = maps.Clone(names), maps.Clone(countries)
		}
		a.Nodes[l.Key] = n
	}
	for _, y := range s.Years() {
		a.Years = append(a.Years, s.Table(y))
	}
	return a, nil
}

// statFields names the fields of graph.Stats in count rows.
var statFields = []struct {
	name string
	f    func(*graph.Stats) *int
}{
	{"papers", func(s *graph.Stats) *int { return &s.Papers }},
	{"out_of_years", func(s *graph.Stats) *int { return &s.OutOfYears }},
	{"no_known_node", func(s *graph.Stats) *int { return &s.NoKnownNode }},
	{"used", func(s *graph.Stats) *int { return &s.Used }},
	{"authors", func(s *graph.Stats) *int { return &s.Authors }},
	{"authors_unknown", func(s *graph.Stats) *int { return &s.AuthorsUnknown }},
	{"grouped", func(s *graph.Stats) *int { return &s.Grouped }},
	{"hyper", func(s *graph.Stats) *int { return &s.Hyper }},
	{"by_author_count", func(s *graph.Stats) *int { return &s.ByAuthorCount }},
	{"no_leader", func(s *graph.Stats) *int { return &s.NoLeader }},
	{"cited", func(s *graph.Stats) *int { return &s.Cited }},
	{"zero_baseline", func(s *graph.Stats) *int { return &s.ZeroBaseline }},
}

func putStats(m map[string]int64, st graph.Stats) {
	for _, f := range statFields {
		if v := *f.f(&st); v != 0 {
			m["stats."+f.name] = int64(v)
		} else {
			delete(m, "stats."+f.name)
		}
	}
}

// Stats returns the graph.Stats of the count.
func (a *Aggregate) Stats() graph.Stats {
	var st graph.Stats
	for _, f := range statFields {
		*f.f(&st) = int(a.Counts["stats."+f.name])
	}
	return st
}

// Level returns the level of the nodes (flag "level").
func (a *Aggregate) Level() (graph.Level, error) {
	return graph.ParseLevel(a.Flags["level"])
}

// Series returns the per-year weights as a graph.Series, on which every
// analysis runs as on a count of the papers. Institutions are named by
// their tallies exactly as graph.Counter names them.
func (a *Aggregate) Series() (*graph.Series, error) {
	level, err := a.Level()
	if err != nil {
		return nil, fmt.Errorf("aggregate: flag level: %w", err)
	}
	labels := make([]graph.Label, 0, len(a.Nodes))
	for k, n := range a.Nodes {
		l := graph.Label{Key: k, Name: n.Name, Country: n.Country}
		if n.Tallied {
			l.Name, l.Country = graph.MostFrequent(n.Names), graph.MostFrequent(n.Countries)
			if l.Name == "" {
				l.Name = k
			}
		}
		labels = append(labels, l)
	}
	s, err := graph.Assemble(level, a.Stats(), labels, a.Years)
	if err != nil {
		return nil, fmt.Errorf("aggregate: %w", err)
	}
	return s, nil
}

func sortInputs(in []Input) {
	slices.SortFunc(in, func(x, y Input) int {
		return cmp.Or(cmp.Compare(x.Name, y.Name), cmp.Compare(x.SHA256, y.SHA256), cmp.Compare(x.Format, y.Format),
			cmp.Compare(x.Read, y.Read), cmp.Compare(x.Skipped, y.Skipped))
	})
}

// Merge adds partial aggregates into one. It refuses partials counted
// with different flags (ErrFlags, naming the first flag that differs),
// two partials that counted the same input file (ErrSameInput: the same
// sha256) and nodes labelled differently by two partials. It cannot see
// the same paper in two different files. Integers add exactly;
// each floating-point weight is summed over the partials in ascending
// order of value, so the result, and the bytes written, do not depend on
// the order of parts (see the package documentation).
//
// Cost: O(R log R) for R rows over all parts; memory holds every part.
func Merge(parts ...*Aggregate) (*Aggregate, error) {
	if len(parts) == 0 {
		return nil, errors.New("aggregate: nothing to merge")
	}
	first := parts[0]
	out := &Aggregate{Flags: maps.Clone(first.Flags), Counts: map[string]int64{}, Nodes: map[string]*Node{}}
	for i, p := range parts {
		for _, k := range slices.Sorted(maps.Keys(unionKeys(first.Flags, p.Flags))) {
			if first.Flags[k] != p.Flags[k] {
				return nil, fmt.Errorf("%w: part 1 has %s %q, part %d has %q", ErrFlags, k, first.Flags[k], i+1, p.Flags[k])
			}
		}
	}
	inPart := map[string]int{} // input sha256 → 1 + the part that counted it
	for i, p := range parts {
		for _, in := range p.Inputs {
			if in.SHA256 == "" {
				continue
			}
			if j, ok := inPart[in.SHA256]; ok && j != i+1 {
				return nil, fmt.Errorf("%w: %s (sha256 %s) was counted in part %d and in part %d", ErrSameInput, in.Name, in.SHA256, j, i+1)
			}
			inPart[in.SHA256] = i + 1
		}
		out.Inputs = append(out.Inputs, p.Inputs...)
		for k, v := range p.Counts {
			out.Counts[k] += v
		}
		for k, n := range p.Nodes {
			o := out.Nodes[k]
			if o == nil {
				o = &Node{Name: n.Name, Country: n.Country, Tallied: n.Tallied}
				if n.Tallied {
					o.Names, o.Countries = map[string]int{}, map[string]int{}
				}
				out.Nodes[k] = o
			}
			if o.Tallied != n.Tallied || (!n.Tallied && (o.Name != n.Name || o.Country != n.Country)) {
				return nil, fmt.Errorf("aggregate: node %q labelled differently by part %d", k, i+1)
			}
			for s, c := range n.Names {
				o.Names[s] += c
			}
			for s, c := range n.Countries {
				o.Countries[s] += c
			}
		}
	}
	sortInputs(out.Inputs)
	for k, n := range out.Nodes {
		if n.Tallied {
			n.Name, n.Country = graph.MostFrequent(n.Names), graph.MostFrequent(n.Countries)
			if n.Name == "" {
				n.Name = k
			}
		}
	}

	type edgeKey struct{ a, b string }
	years := map[int]*struct {
		papers int
		nodes  map[string][]graph.NodeWeights
		edges  map[edgeKey][]graph.EdgeRow
	}{}
	for _, p := range parts {
		for _, yt := range p.Years {
			y := years[yt.Year]
			if y == nil {
				y = &struct {
					papers int
					nodes  map[string][]graph.NodeWeights
					edges  map[edgeKey][]graph.EdgeRow
				}{nodes: map[string][]graph.NodeWeights{}, edges: map[edgeKey][]graph.EdgeRow{}}
				years[yt.Year] = y
			}
			y.papers += yt.Papers
			for _, n := range yt.Nodes {
				y.nodes[n.Key] = append(y.nodes[n.Key], n.W)
			}
			for _, e := range yt.Edges {
				if e.Source > e.Target {
					e.Source, e.Target = e.Target, e.Source
					e.Lead[0], e.Lead[1] = e.Lead[1], e.Lead[0]
				}
				k := edgeKey{e.Source, e.Target}
				y.edges[k] = append(y.edges[k], e)
			}
		}
	}
	var vals []float64
	sum := func(n int, f func(i int) float64) float64 {
		vals = vals[:0]
		for i := range n {
			vals = append(vals, f(i))
		}
		slices.Sort(vals)
		var s float64
		for _, v := range vals {
			s += v
		}
		return s
	}
	for _, yr := range slices.Sorted(maps.Keys(years)) {
		y := years[yr]
		yt := graph.YearTable{Year: yr, Papers: y.papers}
		for _, k := range slices.Sorted(maps.Keys(y.nodes)) {
			ws := y.nodes[k]
			var w graph.NodeWeights
			for _, x := range ws {
				w.Papers += x.Papers
				w.Intl += x.Intl
				w.Impact.N += x.Impact.N
			}
			w.Output = sum(len(ws), func(i int) float64 { return ws[i].Output })
			w.Domestic = sum(len(ws), func(i int) float64 { return ws[i].Domestic })
			w.Lead = sum(len(ws), func(i int) float64 { return ws[i].Lead })
			w.LeadIntl = sum(len(ws), func(i int) float64 { return ws[i].LeadIntl })
			w.Impact.Sum = sum(len(ws), func(i int) float64 { return ws[i].Impact.Sum })
			yt.Nodes = append(yt.Nodes, graph.NodeRow{Key: k, W: w})
		}
		eks := slices.SortedFunc(maps.Keys(y.edges), func(x, z edgeKey) int {
			return cmp.Or(cmp.Compare(x.a, z.a), cmp.Compare(x.b, z.b))
		})
		for _, k := range eks {
			es := y.edges[k]
			e := graph.EdgeRow{Source: k.a, Target: k.b}
			for c := range e.W {
				e.W[c] = sum(len(es), func(i int) float64 { return es[i].W[c] })
			}
			for j := range 2 {
				e.Lead[j] = sum(len(es), func(i int) float64 { return es[i].Lead[j] })
			}
			yt.Edges = append(yt.Edges, e)
		}
		out.Years = append(out.Years, yt)
	}
	return out, nil
}

func unionKeys(a, b map[string]string) map[string]bool {
	m := map[string]bool{}
	for k := range a {
		m[k] = true
	}
	for k := range b {
		m[k] = true
	}
	return m
}
