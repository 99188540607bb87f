package graph

import (
	"math"
	"sync"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/internal/sample"
)

// TestConservationPerPaper counts each generated paper alone and checks
// what each method conserves (package doc). With n authors with a known
// node, k distinct nodes, and P(A,B) summing over ordered pairs of
// different authors, Σ_{A,B} P(A,B) = n(n−1) = 2·Σ_{A<B} P(A,B) + Σ_A P(A,A),
// and Domestic_A = P(A,A)/(n(n−1)). Hence, for n ≥ 2:
//
//	Σ bifrac + Σ domestic = 1
//	Σ frac + Σ domestic·n/2 = n/2      (the self-pairs' frac is P(A,A)/(2(n−1)))
//	frac = bifrac·n/2 on every edge
//
// and always Σ output = 1, Σ full = k(k−1)/2, Σ share = k−1.
func TestConservationPerPaper(t *testing.T) {
	papers := sample.Generate(sample.Config{Papers: 3000, Seed: 3})
	for _, level := range []Level{Countries, Institutions} {
		checked := 0
		for i := range papers {
			p := &papers[i]
			s := Yearly([]coauthnet.Paper{*p}, Options{Level: level, KeepUnknown: i%2 == 0})
			if s.Stats().Used == 0 {
				continue
			}
			g := s.At(p.Year)
			n := authorsWithNode(p, level, i%2 == 0)
			k := g.Len()
			var bifrac, frac, full, share, domestic, output float64
			for e := range g.Edges() {
				bifrac += e.W[BiFrac]
				frac += e.W[Frac]
				full += e.W[Full]
				share += e.W[Share]
			}
			for v := 0; v < k; v++ {
				domestic += g.Node(v).Domestic
				output += g.Node(v).Output
			}
			fail := func(what string, got, want float64) {
				if math.Abs(got-want) > 1e-9*math.Max(1, want) {
					t.Errorf("%s %s: %s = %v, want %v (n=%d k=%d)", level, p.ID, what, got, want, n, k)
				}
			}
			fail("Σ output", output, 1)
			fail("Σ full", full, float64(k*(k-1)/2))
			fail("Σ share", share, float64(k-1))
			if n >= 2 {
				fail("Σ bifrac + Σ domestic", bifrac+domestic, 1)
				fail("Σ frac + self", frac+domestic*float64(n)/2, float64(n)/2)
				// frac = bifrac·n/2 edge by edge.
				for e := range g.Edges() {
					fail("frac/bifrac", e.W[Frac], e.W[BiFrac]*float64(n)/2)
				}
			} else if bifrac != 0 || frac != 0 {
				t.Errorf("%s: n=1 but bifrac %v frac %v", p.ID, bifrac, frac)
			}
			checked++
		}
		if checked < 2500 {
			t.Errorf("%s: only %d papers checked", level, checked)
		}
	}
}

// authorsWithNode is n_p computed directly from the record.
func authorsWithNode(p *coauthnet.Paper, level Level, keep bool) int {
	n := 0
	for _, a := range p.Authors {
		known := false
		for _, af := range a.Affiliations {
			switch level {
			case Countries:
				known = known || af.Country != ""
			case Institutions:
				known = known || af.InstitutionID != "" || af.Institution != ""
			}
		}
		if known || keep {
			n++
		}
	}
	return n
}

func TestSymmetricAndSorted(t *testing.T) {
	g := Build(sample.Generate(sample.Config{Papers: 2000}), Options{Level: Institutions})
	for u := 0; u < g.Len(); u++ {
		if u > 0 && g.Label(u-1) >= g.Label(u) {
			t.Fatalf("labels not sorted at %d: %q %q", u, g.Label(u-1), g.Label(u))
		}
		prev := -1
		for v, w := range g.From(u) {
			if v <= prev {
				t.Fatalf("neighbours of %d not ascending", u)
			}
			prev = v
			back, ok := g.Between(v, u)
			if !ok || back != w {
				t.Fatalf("edge %d-%d not symmetric", u, v)
			}
		}
	}
	n := 0
	for u := 0; u < g.Len(); u++ {
		n += g.Degree(u)
	}
	if n != 2*g.NumEdges() {
		t.Errorf("Σ degree %d != 2 × %d edges", n, g.NumEdges())
	}
}

// TestYearlyEqualsBuild: Yearly(papers).At(y) is Build(papers of year y),
// and Range(all) is Build(all), to the last bit (same addition order
// within a year; across years the sums are compared with a tolerance).
func TestYearlyEqualsBuild(t *testing.T) {
	papers := sample.Generate(sample.Config{Papers: 4000, Seed: 5})
	s := Yearly(papers, Options{})
	for _, y := range []int{2005, 2014, 2019, 2024} {
		var only []coauthnet.Paper
		for _, p := range papers {
			if p.Year == y {
				only = append(only, p)
			}
		}
		equalGraphs(t, s.At(y), Build(only, Options{}), 0)
	}
	equalGraphs(t, s.Range(s.Span()), Build(papers, Options{}), 0)
	// Range(a..b) = Σ At(y), checked on one edge set with tolerance.
	r := s.Range(Period{2010, 2015})
	for e := range r.Edges() {
		var sum Weights
		for y := 2010; y <= 2015; y++ {
			g := s.At(y)
			u, ok1 := g.Index(r.Label(e.From))
			v, ok2 := g.Index(r.Label(e.To))
			if w, ok := g.Between(u, v); ok1 && ok2 && ok {
				for c := range sum {
					sum[c] += w[c]
				}
			}
		}
		for c := range sum {
			if math.Abs(sum[c]-e.W[c]) > 1e-9*math.Max(1, sum[c]) {
				t.Errorf("%s-%s %s: range %v, Σ years %v", r.Label(e.From), r.Label(e.To), Counting(c), e.W[c], sum[c])
			}
		}
	}
}

func equalGraphs(t *testing.T, a, b *Graph, tol float64) {
	t.Helper()
	if a.Len() != b.Len() || a.NumEdges() != b.NumEdges() {
		t.Fatalf("%v vs %v", a, b)
	}
	for v := 0; v < a.Len(); v++ {
		if a.Label(v) != b.Label(v) || a.Node(v) != b.Node(v) {
			t.Fatalf("node %d: %s %+v vs %s %+v", v, a.Label(v), a.Node(v), b.Label(v), b.Node(v))
		}
	}
	for i := 0; i < a.NumEdges(); i++ {
		if a.Edge(i) != b.Edge(i) {
			t.Fatalf("edge %d: %+v vs %+v", i, a.Edge(i), b.Edge(i))
		}
	}
}

// TestGroupIsSumOfMembers: merging a group G gives, for every outside
// node B, bifrac(G,B) = Σ_{A∈G} bifrac(A,B) and the same for frac (both
// are bilinear in the author weights, package doc); output and domestic
// of G are Σ output_A and Σ domestic_A + Σ_{A<A' in G} bifrac(A,A').
// Full and share are not sums: full(G,B) ≤ Σ full(A,B).
func TestGroupIsSumOfMembers(t *testing.T) {
	papers := sample.Generate(sample.Config{Papers: 4000, Seed: 9})
	grp := Group{Name: "BLOC", Members: []string{"PK", "SA", "IR", "RU", "EG"}}
	plain := Build(papers, Options{})
	merged := Build(papers, Options{Groups: []Group{grp}})
	gi, ok := merged.Index("BLOC")
	if !ok {
		t.Fatal("no BLOC node")
	}
	member := map[string]bool{}
	for _, m := range grp.Members {
		member[m] = true
	}
	var wantOut, wantDom float64
	for v := 0; v < plain.Len(); v++ {
		if member[plain.Label(v)] {
			wantOut += plain.Node(v).Output
			wantDom += plain.Node(v).Domestic
			for u, w := range plain.From(v) {
				if member[plain.Label(u)] && u > v {
					wantDom += w[BiFrac]
				}
			}
		}
	}
	near := func(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }
	if got := merged.Node(gi); !near(got.Output, wantOut) || !near(got.Domestic, wantDom) {
		t.Errorf("BLOC output %v domestic %v, want %v %v", got.Output, got.Domestic, wantOut, wantDom)
	}
	for b := 0; b < merged.Len(); b++ {
		if b == gi {
			continue
		}
		pb, _ := plain.Index(merged.Label(b))
		var sum Weights
		for a := 0; a < plain.Len(); a++ {
			if member[plain.Label(a)] {
				if w, ok := plain.Between(a, pb); ok {
					for c := range sum {
						sum[c] += w[c]
					}
				}
			}
		}
		got, _ := merged.Between(gi, b)
		if !near(got[BiFrac], sum[BiFrac]) || !near(got[Frac], sum[Frac]) {
			t.Errorf("BLOC-%s bifrac %v frac %v, Σ members %v %v", merged.Label(b), got[BiFrac], got[Frac], sum[BiFrac], sum[Frac])
		}
		if got[Full] > sum[Full] {
			t.Errorf("BLOC-%s full %v > Σ members %v", merged.Label(b), got[Full], sum[Full])
		}
	}
}

func TestPrune(t *testing.T) {
	g := Build(workedExample(), Options{})
	p := g.Prune(BiFrac, 0.5)
	// 2019+2020 bifrac: CN-US 4/3, CN-DE 1/3, DE-US 1/3, SG-US 1/2, CN-SG 0.
	if p.NumEdges() != 2 || p.Len() != g.Len() {
		t.Errorf("pruned %v, want 4 nodes and 2 edges (CN-US, SG-US)", p)
	}
	for e := range p.Edges() {
		if e.W[BiFrac] < 0.5 {
			t.Errorf("kept %s-%s with %v", p.Label(e.From), p.Label(e.To), e.W[BiFrac])
		}
	}
}

// TestAdjacencyOnFirstUseConcurrent: the key index and adjacency are
// built on first use; goroutines that use a fresh graph at once all see
// them complete (run with -race to check the synchronisation).
func TestAdjacencyOnFirstUseConcurrent(t *testing.T) {
	g := Build(sample.Generate(sample.Config{Papers: 500}), Options{Level: Institutions})
	var wg sync.WaitGroup
	degrees := make([]int, 4)
	for w := range degrees {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for u := range g.Len() {
				if v, ok := g.Index(g.Label(u)); !ok || v != u {
					t.Errorf("Index(%q) = %d, %v", g.Label(u), v, ok)
				}
				degrees[w] += g.Degree(u)
			}
		}()
	}
	wg.Wait()
	for w, d := range degrees {
		if d != 2*g.NumEdges() {
			t.Errorf("goroutine %d: Σ degree %d, want %d", w, d, 2*g.NumEdges())
		}
	}
}
