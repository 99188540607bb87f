package graph

import (
	"fmt"
	"iter"
)

// SeriesData is a [Series] as plain data: what a file format of counted
// weights (the aggregate package) writes and reads back. Nodes are
// indexed by their position in Nodes, which is sorted by key.
type SeriesData struct {
	Level Level
	Stats Stats
	Nodes []NodeInfo
	Years []YearData // ascending by year
}

// NodeInfo is a node of a series: its key, display name and country
// (ISO code, or "" for groups, ZZ and institutions of unknown country).
type NodeInfo struct {
	Key, Name, Country string
}

// YearData holds the weights counted in one year.
type YearData struct {
	Year   int
	Papers int        // papers counted in the year
	Nodes  []YearNode // ascending by Node
	Edges  []YearEdge // ascending by (A, B), A < B
}

// YearNode is the weights of node Node (an index into SeriesData.Nodes)
// in one year.
type YearNode struct {
	Node int32
	W    NodeWeights
}

// YearEdge is the weights of the edge A–B (indices into
// SeriesData.Nodes, A < B) in one year; Lead[0] is the weight led by
// A, Lead[1] by B; Impact is set when counted with Options.Impact.
type YearEdge struct {
	A, B   int32
	W      Weights
	Lead   [2]float64
	Impact Impact
}

// Data returns the series as plain data. It shares no memory with s.
func (s *Series) Data() SeriesData {
	d := SeriesData{Level: s.level, Stats: s.stats, Nodes: s.NodeInfos()}
	for y := range s.YearsData() {
		d.Years = append(d.Years, y)
	}
	return d
}

// NodeInfos returns the nodes of the series, by index (ascending keys).
func (s *Series) NodeInfos() []NodeInfo {
	nodes := make([]NodeInfo, len(s.keys))
	for i := range s.keys {
		nodes[i] = NodeInfo{Key: s.keys[i], Name: s.names[i], Country: s.countries[i]}
	}
	return nodes
}

// YearsData yields the years of the series as plain data, ascending,
// each made when it is yielded: a writer that goes year by year holds
// one year's copy at a time.
func (s *Series) YearsData() iter.Seq[YearData] {
	return func(yield func(YearData) bool) {
		for _, yd := range s.years {
			y := YearData{Year: yd.year, Papers: yd.papers, Nodes: make([]YearNode, len(yd.nodes)), Edges: make([]YearEdge, len(yd.edges))}
			for i, ne := range yd.nodes {
				y.Nodes[i] = YearNode{Node: ne.id, W: ne.w}
			}
			for i, ee := range yd.edges {
				y.Edges[i] = YearEdge{A: ee.a, B: ee.b, W: ee.w, Lead: ee.lead}
				if yd.impact != nil {
					y.Edges[i].Impact = yd.impact[i]
				}
			}
			if !yield(y) {
				return
			}
		}
	}
}

// NewSeries makes a Series of d, which it checks: node keys unique and
// ascending, years ascending and unique, node and edge indices in range
// and ascending, A < B. Edge impact is kept when d.Stats.Cited > 0.
//
// Cost: O(N + E) for N nodes and E (year, edge) pairs.
func NewSeries(d SeriesData) (*Series, error) {
	s := &Series{level: d.Level, stats: d.Stats}
	n := len(d.Nodes)
	for i, ni := range d.Nodes {
		if i > 0 && ni.Key <= d.Nodes[i-1].Key {
			return nil, fmt.Errorf("graph: series node keys not ascending at %d (%q after %q)", i, ni.Key, d.Nodes[i-1].Key)
		}
		s.keys = append(s.keys, ni.Key)
		s.names = append(s.names, ni.Name)
		s.countries = append(s.countries, ni.Country)
	}
	impact := d.Stats.Cited > 0
	for i, y := range d.Years {
		if i > 0 && y.Year <= d.Years[i-1].Year {
			return nil, fmt.Errorf("graph: series years not ascending (%d after %d)", y.Year, d.Years[i-1].Year)
		}
		yd := yearData{year: y.Year, papers: y.Papers, nodes: make([]nodeEntry, len(y.Nodes)), edges: make([]edgeEntry, len(y.Edges))}
		for j, yn := range y.Nodes {
			if yn.Node < 0 || int(yn.Node) >= n || j > 0 && yn.Node <= y.Nodes[j-1].Node {
				return nil, fmt.Errorf("graph: year %d: node index %d out of range or order", y.Year, yn.Node)
			}
			yd.nodes[j] = nodeEntry{id: yn.Node, w: yn.W}
		}
		if impact {
			yd.impact = make([]Impact, len(y.Edges))
		}
		for j, ye := range y.Edges {
			if ye.A < 0 || ye.A >= ye.B || int(ye.B) >= n {
				return nil, fmt.Errorf("graph: year %d: edge %d–%d out of range", y.Year, ye.A, ye.B)
			}
			yd.edges[j] = edgeEntry{a: ye.A, b: ye.B, w: ye.W, lead: ye.Lead}
			if j > 0 && compareEdgeEntry(yd.edges[j-1], yd.edges[j]) >= 0 {
				return nil, fmt.Errorf("graph: year %d: edges not ascending at %d–%d", y.Year, ye.A, ye.B)
			}
			if impact {
				yd.impact[j] = ye.Impact
			}
		}
		s.years = append(s.years, yd)
	}
	return s, nil
}
