package graph

import (
	"math"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/internal/sample"
)

func edgeOf(t *testing.T, g *Graph, a, b string) Edge {
	t.Helper()
	u, ok1 := g.Index(a)
	v, ok2 := g.Index(b)
	if !ok1 || !ok2 {
		t.Fatalf("no node %s or %s", a, b)
	}
	for e := range g.Edges() {
		if e.From == min(u, v) && e.To == max(u, v) {
			if u > v { // report Lead in the order asked
				e.Lead[0], e.Lead[1] = e.Lead[1], e.Lead[0]
			}
			return e
		}
	}
	t.Fatalf("no edge %s-%s", a, b)
	return Edge{}
}

func nodeOf(t *testing.T, g *Graph, a string) NodeWeights {
	t.Helper()
	v, ok := g.Index(a)
	if !ok {
		t.Fatalf("no node %s", a)
	}
	return g.Node(v)
}

// TestLeadFirstAuthor checks leadership on docs/DESIGN.md §11 by hand.
//
//	P1 (2019) CN, CN, US: first author CN → CN leads 1; CN–US led by CN.
//	P2 (2019) CN, US, DE, DE: first author CN → CN leads 1; CN–US and
//	  CN–DE led by CN; DE–US led by neither (a third node leads).
//	P3 (2020) author 1 CN and SG (dual), author 2 US: CN and SG lead 1/2
//	  each; CN–US led 1/2 by CN; SG–US 1/2 by SG; CN–SG 1/2 by each.
//	P4 (2020) US alone: US leads 1, not an international paper.
func TestLeadFirstAuthor(t *testing.T) {
	s := Yearly(workedExample(), Options{})
	g19, g20 := s.At(2019), s.At(2020)
	for _, c := range []struct {
		g          *Graph
		node       string
		lead, intl float64
	}{
		{g19, "CN", 2, 2}, {g19, "US", 0, 0}, {g19, "DE", 0, 0},
		{g20, "CN", 0.5, 0.5}, {g20, "SG", 0.5, 0.5}, {g20, "US", 1, 0},
	} {
		if nw := nodeOf(t, c.g, c.node); nw.Lead != c.lead || nw.LeadIntl != c.intl {
			t.Errorf("%v %s: lead %v intl %v, want %v %v", c.g.Period(), c.node, nw.Lead, nw.LeadIntl, c.lead, c.intl)
		}
	}
	for _, c := range []struct {
		g    *Graph
		a, b string
		lead [2]float64
	}{
		{g19, "CN", "US", [2]float64{2, 0}}, {g19, "CN", "DE", [2]float64{1, 0}}, {g19, "DE", "US", [2]float64{0, 0}},
		{g20, "CN", "US", [2]float64{0.5, 0}}, {g20, "SG", "US", [2]float64{0.5, 0}}, {g20, "CN", "SG", [2]float64{0.5, 0.5}},
	} {
		if e := edgeOf(t, c.g, c.a, c.b); e.Lead != c.lead {
			t.Errorf("%v %s-%s: lead %v, want %v", c.g.Period(), c.a, c.b, e.Lead, c.lead)
		}
	}
	// Over both years the weights add up.
	if e := edgeOf(t, s.Range(s.Span()), "US", "CN"); e.Lead != [2]float64{0, 2.5} {
		t.Errorf("2019-2020 US-CN lead %v, want [0 2.5]", e.Lead)
	}
	if st := s.Stats(); st.NoLeader != 0 {
		t.Errorf("NoLeader = %d", st.NoLeader)
	}
}

// TestLeadCorresponding: the corresponding author leads; a paper with
// none leads nowhere and is counted in NoLeader.
func TestLeadCorresponding(t *testing.T) {
	ps := workedExample()
	ps[1].Authors[1].Corresponding = true // P2: the US author
	s := Yearly(ps, Options{Leader: CorrespondingAuthor})
	g := s.At(2019)
	// Only P2 has a corresponding author: US leads 1; CN–US led by US,
	// DE–US by US, CN–DE by neither.
	if nw := nodeOf(t, g, "US"); nw.Lead != 1 || nw.LeadIntl != 1 {
		t.Errorf("US lead %v %v, want 1 1", nw.Lead, nw.LeadIntl)
	}
	if nw := nodeOf(t, g, "CN"); nw.Lead != 0 {
		t.Errorf("CN lead %v, want 0", nw.Lead)
	}
	if e := edgeOf(t, g, "CN", "US"); e.Lead != [2]float64{0, 1} {
		t.Errorf("CN-US lead %v, want [0 1]", e.Lead)
	}
	if st := s.Stats(); st.NoLeader != 3 {
		t.Errorf("NoLeader = %d, want 3 (P1, P3, P4)", st.NoLeader)
	}
}

// TestLeadConserved: every paper with a known leader adds exactly 1 to
// the nodes' Lead, and an edge's two sides never lead more than its
// papers (generated papers, many with dual affiliations).
func TestLeadConserved(t *testing.T) {
	ps := sample.Generate(sample.Config{Papers: 3000, Seed: 3})
	for _, lvl := range []Level{Countries, Institutions} {
		s := Yearly(ps, Options{Level: lvl})
		g := s.Range(s.Span())
		total := 0.0
		for v := 0; v < g.Len(); v++ {
			total += g.Node(v).Lead
		}
		st := s.Stats()
		if want := float64(st.Used - st.NoLeader); math.Abs(total-want) > 1e-9 {
			t.Errorf("%v: Σ lead = %v, want papers with a leader %v", lvl, total, want)
		}
		for e := range g.Edges() {
			if e.Lead[0]+e.Lead[1] > e.W[Full]+1e-9 || e.Lead[0] < 0 || e.Lead[1] < 0 {
				t.Fatalf("%v edge %s-%s: lead %v for %v papers", lvl, g.Label(e.From), g.Label(e.To), e.Lead, e.W[Full])
			}
		}
	}
}

// TestMaxAuthors: a paper with 101 authors is left out by MaxAuthors 100
// and is the only one counted with HyperOnly.
func TestMaxAuthors(t *testing.T) {
	big := coauthnet.Paper{ID: "H", Year: 2019}
	for i := range 101 {
		c := "CH"
		if i%2 == 1 {
			c = "US"
		}
		big.Authors = append(big.Authors, coauthnet.Author{Affiliations: []coauthnet.Affiliation{{Country: c}}})
	}
	ps := append(workedExample(), big)
	s := Yearly(ps, Options{MaxAuthors: 100})
	st := s.Stats()
	if st.Hyper != 1 || st.ByAuthorCount != 1 || st.Used != 4 {
		t.Errorf("MaxAuthors 100: hyper %d left out %d used %d, want 1 1 4", st.Hyper, st.ByAuthorCount, st.Used)
	}
	if _, ok := s.At(2019).Index("CH"); ok {
		t.Error("the hyper-authored paper's CH is in the graph")
	}
	s = Yearly(ps, Options{MaxAuthors: 100, HyperOnly: true})
	st = s.Stats()
	if st.Hyper != 1 || st.ByAuthorCount != 4 || st.Used != 1 {
		t.Errorf("HyperOnly: hyper %d left out %d used %d, want 1 4 1", st.Hyper, st.ByAuthorCount, st.Used)
	}
	// 51 CH and 50 US authors: full 1 on CH–US.
	if e := edgeOf(t, s.At(2019), "CH", "US"); e.W[Full] != 1 {
		t.Errorf("CH-US full %v", e.W[Full])
	}
	// 100 authors is not hyper-authored.
	big.Authors = big.Authors[:100]
	if st := Yearly([]coauthnet.Paper{big}, Options{MaxAuthors: 100}).Stats(); st.Hyper != 0 || st.Used != 1 {
		t.Errorf("100 authors: hyper %d used %d, want 0 1", st.Hyper, st.Used)
	}
	// Without MaxAuthors everything is counted and Hyper uses 100.
	if st := Yearly(ps, Options{}).Stats(); st.Hyper != 1 || st.Used != 5 {
		t.Errorf("no limit: hyper %d used %d, want 1 5", st.Hyper, st.Used)
	}
	o := Options{HyperOnly: true}
	if o.Validate() == nil {
		t.Error("HyperOnly without MaxAuthors validates")
	}
}

func cites(n int) *int { return &n }

// TestImpact checks normalised citation impact by hand.
//
//	A (2019, Chem, 10 citations): CN, US
//	B (2019, Chem,  2 citations): CN
//	C (2019, Phys,  4 citations): US, DE   — the only Phys paper of 2019
//	D (2019, Chem, Phys, 6 citations): CN, DE
//	E (2019, Chem, no citation count): CN, US — left out of impact
//	F (2020, Chem, 0 citations): CN — a field-year never cited
//
// Baselines 2019: Chem = (10 + 2 + 6)/3 = 6; Phys = (4 + 6)/2 = 5.
// Ratios: A 10/6; B 2/6; C 4/5; D (6/6 + 6/5)/2 = 1.1; F 1 (mean 0).
// Node CN 2019: A, B, D → (10/6 + 2/6 + 1.1)/3; N 3 (E has no count).
// Edge CN–US 2019: A only → 10/6, N 1. Edge DE–US: C → 0.8.
func TestImpact(t *testing.T) {
	mk := func(id string, year int, fields []string, c *int, countries ...string) coauthnet.Paper {
		p := paper(id, year)
		for _, cc := range countries {
			p.Authors = append(p.Authors, coauthnet.Author{Affiliations: []coauthnet.Affiliation{{Country: cc}}})
		}
		p.Fields, p.Citations = fields, c
		return p
	}
	chem, phys := []string{"Chem"}, []string{"Phys"}
	ps := []coauthnet.Paper{
		mk("A", 2019, chem, cites(10), "CN", "US"),
		mk("B", 2019, chem, cites(2), "CN"),
		mk("C", 2019, phys, cites(4), "US", "DE"),
		mk("D", 2019, []string{"Chem", "Phys"}, cites(6), "CN", "DE"),
		mk("E", 2019, chem, nil, "CN", "US"),
		mk("F", 2020, chem, cites(0), "CN"),
	}
	c := NewCounter(Options{Impact: true})
	for i := range ps {
		c.Add(&ps[i])
	}
	if m, n := c.Baseline("Chem", 2019); m != 6 || n != 3 {
		t.Errorf("Chem 2019 baseline %v over %d, want 6 over 3", m, n)
	}
	if m, n := c.Baseline("Phys", 2019); m != 5 || n != 2 {
		t.Errorf("Phys 2019 baseline %v over %d, want 5 over 2", m, n)
	}
	s := c.Series()
	g := s.At(2019)
	check := func(what string, got Impact, sum float64, n int) {
		t.Helper()
		if got.N != n || math.Abs(got.Sum-sum) > 1e-12 {
			t.Errorf("%s: impact %+v, want sum %v over %d", what, got, sum, n)
		}
	}
	check("CN", nodeOf(t, g, "CN").Impact, 10.0/6+2.0/6+1.1, 3)
	check("US", nodeOf(t, g, "US").Impact, 10.0/6+0.8, 2)
	check("DE", nodeOf(t, g, "DE").Impact, 0.8+1.1, 2)
	check("CN-US", edgeOf(t, g, "CN", "US").Impact, 10.0/6, 1)
	check("DE-US", edgeOf(t, g, "DE", "US").Impact, 0.8, 1)
	check("CN-DE", edgeOf(t, g, "CN", "DE").Impact, 1.1, 1)
	check("CN 2020", nodeOf(t, s.At(2020), "CN").Impact, 1, 1)
	if got := nodeOf(t, g, "CN").Impact.Mean(); math.Abs(got-(10.0/6+2.0/6+1.1)/3) > 1e-12 {
		t.Errorf("CN mean %v", got)
	}
	st := s.Stats()
	if st.Cited != 5 || st.ZeroBaseline != 1 {
		t.Errorf("cited %d zero-baseline %d, want 5 1", st.Cited, st.ZeroBaseline)
	}
	if !math.IsNaN((Impact{}).Mean()) {
		t.Error("mean of no papers is not NaN")
	}
	// Without Options.Impact nothing is computed.
	if nw := nodeOf(t, Yearly(ps, Options{}).At(2019), "CN"); nw.Impact != (Impact{}) {
		t.Errorf("impact without Options.Impact: %+v", nw.Impact)
	}
}

// TestImpactConserved: with one field per paper and every country merged
// into one group (one node per paper), the node's impact sums to the
// number of cited papers in each year — the normalisation's mean is 1
// in every field-year by construction.
func TestImpactConserved(t *testing.T) {
	ps := sample.Generate(sample.Config{Papers: 3000, Seed: 3})
	fields := []string{"Chem", "Phys", "Bio"}
	all := map[string]bool{}
	for i := range ps {
		ps[i].Fields = []string{fields[i%3]}
		if i%7 != 0 { // some papers without a count
			ps[i].Citations = cites((i * 37) % 50)
		}
		for _, a := range ps[i].Authors {
			for _, af := range a.Affiliations {
				if af.Country != "" {
					all[af.Country] = true
				}
			}
		}
	}
	var members []string
	for c := range all {
		members = append(members, c)
	}
	s := Yearly(ps, Options{Impact: true, Groups: []Group{{Name: "ALL", Members: members}}})
	for y, g := range s.All() {
		nw := nodeOf(t, g, "ALL")
		if math.Abs(nw.Impact.Sum-float64(nw.Impact.N)) > 1e-9 {
			t.Errorf("%d: Σ impact %v over %d cited papers, want equal", y, nw.Impact.Sum, nw.Impact.N)
		}
	}
}
