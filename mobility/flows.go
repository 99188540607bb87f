package mobility

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// A Flow is the moves from one node to another in one year.
type Flow struct {
	Year                 int
	From, To             int // node indices
	Migrants, Travellers int
}

// Flows returns the moves summed per year and arc, by year then from
// then to (node label order).
func (r *Result) Flows() []Flow {
	type key struct{ y, f, t int }
	m := map[key]*Flow{}
	for _, mv := range r.Moves {
		k := key{mv.Year, mv.From, mv.To}
		f := m[k]
		if f == nil {
			f = &Flow{Year: mv.Year, From: mv.From, To: mv.To}
			m[k] = f
		}
		if mv.Kind == Migrant {
			f.Migrants++
		} else {
			f.Travellers++
		}
	}
	out := make([]Flow, 0, len(m))
	for _, f := range m {
		out = append(out, *f)
	}
	slices.SortFunc(out, func(a, b Flow) int {
		return cmp.Or(cmp.Compare(a.Year, b.Year), cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
	})
	return out
}

// A NodeFlow is one node's migrations in one year. Year 0 is the total
// over all years.
type NodeFlow struct {
	Year, Node int
	// Out and In count migrations from and to the node; Net = In − Out.
	Out, In, Net int
	// Returns are the migrations in of authors whose origin is the node;
	// Prior those of authors observed at the node before (returns
	// included); New = In − Prior, authors without prior ties.
	Returns, Prior, New int
	// TravelOut and TravelIn count travel from and to the node.
	TravelOut, TravelIn int
}

// ReturneeShare is Returns / In (NaN when In is 0).
func (n NodeFlow) ReturneeShare() float64 { return ratio(n.Returns, n.In) }

// NewShare is New / In (NaN when In is 0).
func (n NodeFlow) NewShare() float64 { return ratio(n.New, n.In) }

func ratio(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}

// NodeFlows returns per node and year (and year 0 for all years) the
// outflow, inflow, net flow, returns and inflow with prior ties, for
// nodes with any move, by year then node.
func (r *Result) NodeFlows() []NodeFlow {
	type key struct{ y, n int }
	m := map[key]*NodeFlow{}
	get := func(y, n int) *NodeFlow {
		k := key{y, n}
		if m[k] == nil {
			m[k] = &NodeFlow{Year: y, Node: n}
		}
		return m[k]
	}
	for _, mv := range r.Moves {
		for _, y := range []int{0, mv.Year} {
			from, to := get(y, mv.From), get(y, mv.To)
			if mv.Kind == Traveller {
				from.TravelOut++
				to.TravelIn++
				continue
			}
			from.Out++
			to.In++
			if mv.Return {
				to.Returns++
			}
			if mv.Prior {
				to.Prior++
			}
		}
	}
	out := make([]NodeFlow, 0, len(m))
	for _, n := range m {
		n.Net = n.In - n.Out
		n.New = n.In - n.Prior
		out = append(out, *n)
	}
	slices.SortFunc(out, func(a, b NodeFlow) int {
		return cmp.Or(cmp.Compare(a.Year, b.Year), cmp.Compare(a.Node, b.Node))
	})
	return out
}

// A Retention is what became of the authors of one origin.
type Retention struct {
	Node int
	// Authors is the number of careers with this origin; Stayers,
	// Travellers and Migrants split them by class; Retained are those
	// whose last home is the origin (stayers, travellers, and migrants
	// who returned); Returned the migrants among them.
	Authors, Stayers, Travellers, Migrants, Retained, Returned int
}

// Rate is Retained / Authors.
func (t Retention) Rate() float64 { return ratio(t.Retained, t.Authors) }

// Retention returns per origin node the classes of its authors and the
// share still there at the end of their careers, by node.
func (r *Result) Retention() []Retention {
	m := map[int]*Retention{}
	for _, a := range r.Authors {
		t := m[a.Origin]
		if t == nil {
			t = &Retention{Node: a.Origin}
			m[a.Origin] = t
		}
		t.Authors++
		switch a.Class {
		case Stayer:
			t.Stayers++
		case TravellerClass:
			t.Travellers++
		case MigrantClass:
			t.Migrants++
		}
		if a.Last == a.Origin {
			t.Retained++
			if a.Class == MigrantClass {
				t.Returned++
			}
		}
	}
	out := make([]Retention, 0, len(m))
	for _, t := range m {
		out = append(out, *t)
	}
	slices.SortFunc(out, func(a, b Retention) int { return cmp.Compare(a.Node, b.Node) })
	return out
}

// An ImpactMeasure says which pre-move impact of a Move quantiles use.
// Its text form is "cnci" or "cites".
type ImpactMeasure int

const (
	// CNCI is Move.CNCI, citations normalised by field and year.
	CNCI ImpactMeasure = iota
	// CitesPerPaper is Move.Impact, raw citations per paper.
	CitesPerPaper
)

func (m ImpactMeasure) String() string {
	if m == CitesPerPaper {
		return "cites"
	}
	return "cnci"
}

// ParseImpactMeasure parses "cnci" ([CNCI]) or "cites" ([CitesPerPaper]).
func ParseImpactMeasure(s string) (ImpactMeasure, error) {
	switch s {
	case "cnci":
		return CNCI, nil
	case "cites":
		return CitesPerPaper, nil
	}
	return 0, fmt.Errorf("mobility: impact measure %q: want cnci or cites", s)
}

// MarshalText returns "cnci" or "cites".
func (m ImpactMeasure) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText parses "cnci" or "cites", as [ParseImpactMeasure].
func (m *ImpactMeasure) UnmarshalText(b []byte) (err error) {
	*m, err = ParseImpactMeasure(string(b))
	return err
}

// Of returns the measure of mv.
func (m ImpactMeasure) Of(mv Move) float64 {
	if m == CitesPerPaper {
		return mv.Impact
	}
	return mv.CNCI
}

// Quantiles are the cut points of an impact distribution: Of(x) is 1
// for x below Cuts[0], j+1 for Cuts[j−1] ≤ x < Cuts[j], and len(Cuts)+1
// from the last cut on; 0 for NaN (impact unknown). Class(mv) is the
// class of a move by Measure.
type Quantiles struct {
	Measure ImpactMeasure
	Cuts    []float64
}

// Class returns the class of mv's impact by q.Measure.
func (q Quantiles) Class(mv Move) int { return q.Of(q.Measure.Of(mv)) }

// Len is the number of quantile classes.
func (q Quantiles) Len() int { return len(q.Cuts) + 1 }

// Of returns the quantile class of x, 1..Len(), or 0 for NaN.
func (q Quantiles) Of(x float64) int {
	if math.IsNaN(x) {
		return 0
	}
	n, _ := slices.BinarySearch(q.Cuts, x)
	for n < len(q.Cuts) && q.Cuts[n] <= x {
		n++
	}
	return n + 1
}

// ImpactQuantiles returns the cut points that split the migrations with
// a known pre-move impact (measured by by) into n classes of (nearly) equal size: cut j
// is the impact of the migration at rank ⌊j·m/n⌋ (from 0) of the m
// sorted ones; ties fall in the upper class, and a cut that equals the
// smallest impact or the previous cut is dropped, so no class is empty
// and there may be fewer than n. It panics if n < 1.
func (r *Result) ImpactQuantiles(n int, by ImpactMeasure) Quantiles {
	if n < 1 {
		panic("mobility: ImpactQuantiles needs n ≥ 1")
	}
	var xs []float64
	for _, m := range r.Moves {
		if x := by.Of(m); m.Kind == Migrant && !math.IsNaN(x) {
			xs = append(xs, x)
		}
	}
	slices.Sort(xs)
	q := Quantiles{Measure: by}
	for j := 1; j < n && len(xs) > 0; j++ {
		c := xs[j*len(xs)/n]
		if c > xs[0] && (len(q.Cuts) == 0 || c > q.Cuts[len(q.Cuts)-1]) {
			q.Cuts = append(q.Cuts, c)
		}
	}
	return q
}

// An ImpactFlow counts migrations from one node to another by the
// quantile class of the movers' pre-move impact (0: unknown).
type ImpactFlow struct {
	Quantile int
	From, To int
	Migrants int
	// Impact is the mean pre-move impact (by the quantiles' measure) of
	// these migrations (NaN for quantile 0).
	Impact float64
}

// ImpactFlows returns the migrations per impact class and arc, by class
// then from then to.
func (r *Result) ImpactFlows(q Quantiles) []ImpactFlow {
	type key struct{ q, f, t int }
	m := map[key]*ImpactFlow{}
	sum := map[key]float64{}
	for _, mv := range r.Moves {
		if mv.Kind != Migrant {
			continue
		}
		k := key{q.Class(mv), mv.From, mv.To}
		if m[k] == nil {
			m[k] = &ImpactFlow{Quantile: k.q, From: mv.From, To: mv.To}
		}
		m[k].Migrants++
		sum[k] += q.Measure.Of(mv)
	}
	out := make([]ImpactFlow, 0, len(m))
	for k, f := range m {
		f.Impact = sum[k] / float64(f.Migrants)
		out = append(out, *f)
	}
	slices.SortFunc(out, func(a, b ImpactFlow) int {
		return cmp.Or(cmp.Compare(a.Quantile, b.Quantile), cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
	})
	return out
}

// A FocalRow is the migrations between a focal node and one partner in
// one year and impact class.
type FocalRow struct {
	Year     int
	Partner  string
	Quantile int // 0: impact unknown
	// Inflow counts migrations partner → focal, Outflow focal → partner;
	// Returns the inflow of authors whose origin is the focal node.
	Inflow, Outflow, Returns int
}

// Focal returns the focal node's inflow and outflow of migrants by
// partner, year and impact class of q (what a report's mobility section
// plots: who comes and goes, when, and how cited they were before), by
// year, partner, class. A focal label not in r.Nodes gives nil.
func (r *Result) Focal(focal string, q Quantiles) []FocalRow {
	f, ok := slices.BinarySearch(r.Nodes, focal)
	if !ok {
		return nil
	}
	type key struct {
		y int
		p string
		q int
	}
	m := map[key]*FocalRow{}
	for _, mv := range r.Moves {
		if mv.Kind != Migrant || mv.From != f && mv.To != f {
			continue
		}
		partner := mv.From
		if partner == f {
			partner = mv.To
		}
		k := key{mv.Year, r.Nodes[partner], q.Class(mv)}
		row := m[k]
		if row == nil {
			row = &FocalRow{Year: k.y, Partner: k.p, Quantile: k.q}
			m[k] = row
		}
		if mv.To == f {
			row.Inflow++
			if mv.Return {
				row.Returns++
			}
		} else {
			row.Outflow++
		}
	}
	out := make([]FocalRow, 0, len(m))
	for _, row := range m {
		out = append(out, *row)
	}
	slices.SortFunc(out, func(a, b FocalRow) int {
		return cmp.Or(cmp.Compare(a.Year, b.Year), cmp.Compare(a.Partner, b.Partner), cmp.Compare(a.Quantile, b.Quantile))
	})
	return out
}
