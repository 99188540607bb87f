package community

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	gonum "gonum.org/v1/gonum/graph"
	gcommunity "gonum.org/v1/gonum/graph/community"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/internal/instgen"
)

type node int64

func (n node) ID() int64 { return int64(n) }

// gonumQ is gonum's community.Q of p on weight c of g.
func gonumQ(g *graph.Graph, p *Partition, c graph.Counting, gamma float64) float64 {
	parts := make([][]gonum.Node, p.Len())
	for v := 0; v < g.Len(); v++ {
		parts[p.Of(v)] = append(parts[p.Of(v)], node(v))
	}
	return gcommunity.Q(g.Weighted(c), parts, gamma)
}

// gonumLouvain is gonum's Louvain (community.Modularize), the
// cross-check of Detect.
func gonumLouvain(g *graph.Graph, c graph.Counting, gamma float64, seed uint64) *Partition {
	reduced := gcommunity.Modularize(g.Weighted(c), gamma, rand.NewPCG(seed, seed))
	labels := make([]int, g.Len())
	for i, cm := range reduced.Communities() {
		for _, nd := range cm {
			labels[nd.ID()] = i
		}
	}
	return FromLabels(g, labels, c)
}

// smallInstitutions is a 4000-paper institution graph of instgen (about
// 2k nodes).
func smallInstitutions(t testing.TB, seed uint64) *graph.Graph {
	t.Helper()
	return graph.Build(instgen.Papers(instgen.Config{Seed: seed, Papers: 4000, Institutions: 3000, Regions: 20}), graph.Options{Level: graph.Institutions})
}

func pair(id, a, b string) coauthnet.Paper {
	return coauthnet.Paper{ID: id, Year: 2020, Authors: []coauthnet.Author{
		{Affiliations: []coauthnet.Affiliation{{Country: a}}},
		{Affiliations: []coauthnet.Affiliation{{Country: b}}}}}
}

// TestTwoTriangles: triangles AT–BE–CH and DE–DK–ES (one paper per
// edge, weight full = 1) joined by CH–DE, and FR alone. By hand, m = 7,
// each triangle has adjacency weight 6 inside and strength 2+2+3 = 7, so
// splitting at the bridge gives Q = 2·(6 − 7²/14)/14 = 5/14, the
// maximum (merging both gives 0; any other split cuts more edges).
func TestTwoTriangles(t *testing.T) {
	ps := []coauthnet.Paper{pair("1", "AT", "BE"), pair("2", "BE", "CH"), pair("3", "AT", "CH"),
		pair("4", "DE", "DK"), pair("5", "DK", "ES"), pair("6", "DE", "ES"), pair("7", "CH", "DE"),
		{ID: "8", Year: 2020, Authors: []coauthnet.Author{{Affiliations: []coauthnet.Affiliation{{Country: "FR"}}}}}}
	g := graph.Build(ps, graph.Options{})
	for _, alg := range []Algorithm{Leiden, LouvainMethod} {
		for seed := uint64(1); seed <= 5; seed++ {
			p := Detect(g, Options{Counting: graph.Full, Algorithm: alg, Seed: seed})
			// Labels: AT BE CH DE DK ES FR; sizes 3, 3, 1 and ties by smallest key.
			if want := []int{0, 0, 0, 1, 1, 1, 2}; !slices.Equal(p.Labels(), want) {
				t.Errorf("%s seed %d: labels %v, want %v", alg, seed, p.Labels(), want)
			}
			if math.Abs(p.Modularity()-5.0/14) > 1e-15 {
				t.Errorf("%s seed %d: Q = %v, want 5/14", alg, seed, p.Modularity())
			}
		}
	}
}

func TestEmptyAndEdgeless(t *testing.T) {
	if p := Detect(graph.Build(nil, graph.Options{}), Options{}); p.Len() != 0 || p.Modularity() != 0 {
		t.Errorf("empty graph: %d communities, Q %v", p.Len(), p.Modularity())
	}
	ps := []coauthnet.Paper{{ID: "1", Year: 2020, Authors: []coauthnet.Author{{Affiliations: []coauthnet.Affiliation{{Country: "FR"}}}}},
		{ID: "2", Year: 2020, Authors: []coauthnet.Author{{Affiliations: []coauthnet.Affiliation{{Country: "DE"}}}}}}
	p := Detect(graph.Build(ps, graph.Options{}), Options{Counting: graph.BiFrac})
	if p.Len() != 2 || p.Modularity() != 0 {
		t.Errorf("two isolated nodes: %d communities, Q %v; want 2 and 0", p.Len(), p.Modularity())
	}
}

// TestModularityIsGonumQ: the modularity Detect reports is gonum's
// community.Q of the partition it returns, for both algorithms, several
// resolutions and weights.
func TestModularityIsGonumQ(t *testing.T) {
	g := smallInstitutions(t, 1)
	ps, _ := planted(6, 0.8)
	cg := graph.Build(ps, graph.Options{})
	for _, gg := range []*graph.Graph{g, cg} {
		for _, alg := range []Algorithm{Leiden, LouvainMethod} {
			for _, c := range []graph.Counting{graph.BiFrac, graph.Full} {
				for _, gamma := range []float64{0.5, 1, 2} {
					p := Detect(gg, Options{Counting: c, Algorithm: alg, Resolution: gamma})
					want := gonumQ(gg, p, c, gamma)
					if math.Abs(p.Modularity()-want) > 1e-12 {
						t.Errorf("%d nodes %s %s γ=%g: Q %v, gonum %v", gg.Len(), alg, c, gamma, p.Modularity(), want)
					}
				}
			}
		}
	}
}

// TestAgainstGonumLouvain: on institution graphs, both algorithms reach
// a modularity at least gonum's Louvain's − 0.01 (gonum is the
// reference implementation this package used before).
func TestAgainstGonumLouvain(t *testing.T) {
	for seed := uint64(1); seed <= 3; seed++ {
		g := smallInstitutions(t, seed)
		ref := gonumLouvain(g, graph.BiFrac, 1, seed).Modularity()
		for _, alg := range []Algorithm{Leiden, LouvainMethod} {
			q := Detect(g, Options{Counting: graph.BiFrac, Algorithm: alg, Seed: seed}).Modularity()
			if q < ref-0.01 {
				t.Errorf("seed %d %s: Q %.4f < gonum Louvain %.4f − 0.01", seed, alg, q, ref)
			}
			t.Logf("seed %d %s: Q %.4f, gonum Louvain %.4f", seed, alg, q, ref)
		}
	}
}

// TestLeidenConnected: Leiden's guarantee (Traag et al. 2019, Theorem
// on γ-connectivity): every community induces a connected subgraph on
// the edges of positive weight.
func TestLeidenConnected(t *testing.T) {
	// The check itself finds a split community: AT and ES (no edge) as one.
	ps := []coauthnet.Paper{pair("1", "AT", "BE"), pair("2", "BE", "ES")}
	g3 := graph.Build(ps, graph.Options{})
	if got := disconnected(g3, FromLabels(g3, []int{0, 1, 0}, graph.Full), graph.Full); got != 0 {
		t.Errorf("{AT, ES}, {BE}: disconnected = %d, want community 0", got)
	}
	for seed := uint64(1); seed <= 3; seed++ {
		g := smallInstitutions(t, seed)
		for _, gamma := range []float64{0.5, 1, 4} {
			p := Detect(g, Options{Counting: graph.BiFrac, Seed: seed, Resolution: gamma})
			if bad := disconnected(g, p, graph.BiFrac); bad >= 0 {
				t.Errorf("seed %d γ=%g: community %d is not connected", seed, gamma, bad)
			}
		}
	}
}

// disconnected returns a community of p that is not connected through
// edges of positive weight c inside it, or −1.
func disconnected(g *graph.Graph, p *Partition, c graph.Counting) int {
	seen := make([]bool, g.Len())
	started := make([]bool, p.Len())
	for s := 0; s < g.Len(); s++ {
		if seen[s] {
			continue
		}
		if started[p.Of(s)] {
			return p.Of(s)
		}
		started[p.Of(s)] = true
		seen[s] = true
		stack := []int{s}
		for len(stack) > 0 {
			u := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for v, w := range g.From(u) {
				if !seen[v] && w[c] > 0 && p.Of(v) == p.Of(u) {
					seen[v] = true
					stack = append(stack, v)
				}
			}
		}
	}
	return -1
}

func TestDetectDeterministic(t *testing.T) {
	g := smallInstitutions(t, 2)
	for _, alg := range []Algorithm{Leiden, LouvainMethod} {
		a := Detect(g, Options{Counting: graph.BiFrac, Algorithm: alg, Seed: 7, Iterations: -1})
		b := Detect(g, Options{Counting: graph.BiFrac, Algorithm: alg, Seed: 7, Iterations: -1})
		if !slices.Equal(a.Labels(), b.Labels()) || a.Modularity() != b.Modularity() {
			t.Errorf("%s: two runs with seed 7 differ", alg)
		}
	}
}

// TestResolution: a larger γ penalises large communities more, so γ = 4
// finds more communities than γ = 1, and γ = 0.25 fewer.
func TestResolution(t *testing.T) {
	g := smallInstitutions(t, 3)
	k := func(gamma float64) int { return Detect(g, Options{Counting: graph.BiFrac, Resolution: gamma}).Len() }
	if lo, mid, hi := k(0.25), k(1), k(4); !(lo < mid && mid < hi) {
		t.Errorf("communities at γ = 0.25, 1, 4: %d, %d, %d; want increasing", lo, mid, hi)
	}
}

// TestMoreIterationsNoWorse: a second run starts from the first run's
// partition and only moves nodes that raise Q.
func TestMoreIterationsNoWorse(t *testing.T) {
	g := smallInstitutions(t, 4)
	one := Detect(g, Options{Counting: graph.BiFrac, Iterations: 1}).Modularity()
	stable := Detect(g, Options{Counting: graph.BiFrac, Iterations: -1}).Modularity()
	if stable < one-1e-12 {
		t.Errorf("until stable Q %.6f < one run %.6f", stable, one)
	}
}

func TestParseAlgorithm(t *testing.T) {
	for s, want := range map[string]Algorithm{"": Leiden, "leiden": Leiden, "louvain": LouvainMethod} {
		if a, err := ParseAlgorithm(s); err != nil || a != want {
			t.Errorf("ParseAlgorithm(%q) = %q, %v", s, a, err)
		}
	}
	if _, err := ParseAlgorithm("infomap"); err == nil {
		t.Error("ParseAlgorithm(infomap): no error")
	}
}
