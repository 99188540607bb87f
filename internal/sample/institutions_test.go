package sample

import (
	"math"
	"reflect"
	"testing"

	"github.com/coauthnet/coauthnet/graph"
)

func TestInstitutionsDeterministic(t *testing.T) {
	cfg := InstitutionsConfig{Papers: 500, Institutions: 1000}
	a, b := NewInstitutions(cfg), NewInstitutions(cfg)
	for {
		p, ok := a.Next()
		q, _ := b.Next()
		if !reflect.DeepEqual(p, q) {
			t.Fatalf("same seed, different papers: %+v, %+v", p, q)
		}
		if !ok {
			break
		}
	}
}

// TestInstitutionsShape checks the distributions the generator promises:
// every paper has 1..MaxAuthors authors, P(k) ∝ k^−2 (so P(1)/P(2) = 4),
// and first authors' institutions follow Zipf with s = 1 (rank 1 drawn
// 10× as often as rank 10). Tolerances: ±5 binomial standard errors.
func TestInstitutionsShape(t *testing.T) {
	const n = 200_000
	g := NewInstitutions(InstitutionsConfig{Papers: n, Institutions: 50_000})
	kCount := map[int]int{}
	first := map[string]int{}
	for {
		p, ok := g.Next()
		if !ok {
			break
		}
		if err := p.Validate(); err != nil {
			t.Fatal(err)
		}
		k := len(p.Authors)
		if k < 1 || k > 40 {
			t.Fatalf("%d authors", k)
		}
		kCount[k]++
		first[p.Authors[0].Affiliations[0].InstitutionID]++
	}
	// Σ_{k=1}^{40} k^−2 = 1.6202 (π²/6 − tail); P(1) = 0.6172.
	z := 0.0
	for k := 1; k <= 40; k++ {
		z += 1 / float64(k*k)
	}
	for _, k := range []int{1, 2, 10} {
		want := n / (float64(k*k) * z)
		if got := float64(kCount[k]); math.Abs(got-want) > 5*math.Sqrt(want) {
			t.Errorf("papers with %d authors: %v, want %.0f", k, got, want)
		}
	}
	// Zipf: P(r) = r^−1 / H(50000), H(50000) ≈ ln 50000 + 0.5772 = 11.397.
	h := 0.0
	for r := 1; r <= 50_000; r++ {
		h += 1 / float64(r)
	}
	for _, r := range []int{1, 10, 100} {
		want := n / (float64(r) * h)
		got := float64(first[instID(r)])
		if math.Abs(got-want) > 5*math.Sqrt(want) {
			t.Errorf("rank %d first authors: %v, want %.0f", r, got, want)
		}
	}
	t.Logf("%d distinct first-author institutions", len(first))
	if testing.Verbose() {
		s := graph.Yearly(Institutions(InstitutionsConfig{Papers: 30_000, Institutions: 5_000}), graph.Options{Level: graph.Institutions})
		t.Logf("30k papers, 5k institutions: %d nodes, %d edges over the span", s.NumNodes(), s.Range(s.Span()).NumEdges())
	}
}
