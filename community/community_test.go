package community

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/graphml"
	"github.com/coauthnet/coauthnet/io/table"
)

func TestCompare(t *testing.T) {
	// Identical up to renaming: NMI 1, ARI 1.
	if nmi, ari := Compare([]int{0, 0, 1, 1, 2}, []int{5, 5, 3, 3, 9}); math.Abs(nmi-1) > 1e-12 || math.Abs(ari-1) > 1e-12 {
		t.Errorf("renamed: nmi %v ari %v", nmi, ari)
	}
	// a = {0,0,1,1}, b = {0,1,0,1}: independent. MI = 0 → NMI 0.
	// ARI by hand: every cell 1 → Σ C(n_ij,2) = 0; Σ C(a,2) = Σ C(b,2) = 2;
	// C(4,2) = 6; expected = 2·2/6 = 2/3; max = 2; ARI = (0 − 2/3)/(2 − 2/3) = −1/2.
	nmi, ari := Compare([]int{0, 0, 1, 1}, []int{0, 1, 0, 1})
	if math.Abs(nmi) > 1e-12 || math.Abs(ari+0.5) > 1e-12 {
		t.Errorf("independent: nmi %v ari %v, want 0 and −0.5", nmi, ari)
	}
}

// planted returns papers among three blocs of ten countries: each paper
// joins 2–3 countries, all from one bloc with probability within.
func planted(seed uint64, within float64) ([]coauthnet.Paper, map[string]int) {
	rng := rand.New(rand.NewPCG(seed, seed))
	codes := coauthnet.Countries()
	bloc := map[string]int{}
	var members [3][]string
	for i := 0; i < 30; i++ {
		c := codes[i*7%len(codes)].Code
		bloc[c] = i % 3
		members[i%3] = append(members[i%3], c)
	}
	var ps []coauthnet.Paper
	for i := 0; i < 3000; i++ {
		b := rng.IntN(3)
		p := coauthnet.Paper{ID: fmt.Sprint(i), Year: 2020}
		for a := 0; a < 2+rng.IntN(2); a++ {
			bb := b
			if rng.Float64() > within {
				bb = rng.IntN(3)
			}
			c := members[bb][rng.IntN(10)]
			p.Authors = append(p.Authors, coauthnet.Author{Affiliations: []coauthnet.Affiliation{{Country: c}}})
		}
		ps = append(ps, p)
	}
	return ps, bloc
}

func TestDetectRecoversPlanted(t *testing.T) {
	for _, alg := range []Algorithm{Leiden, LouvainMethod} {
		for _, seed := range []uint64{1, 2, 3} {
			ps, bloc := planted(seed, 0.95)
			g := graph.Build(ps, graph.Options{})
			p := Detect(g, Options{Counting: graph.BiFrac, Algorithm: alg, Seed: seed})
			var truth []int
			for v := 0; v < g.Len(); v++ {
				truth = append(truth, bloc[g.Label(v)])
			}
			_, ari := Compare(truth, p.Labels())
			if ari < 0.95 {
				t.Errorf("%s seed %d: ARI %.3f with the planted blocs (k=%d, Q=%.3f)", alg, seed, ari, p.Len(), p.Modularity())
			}
			if q := p.Modularity(); q < -0.5 || q > 1 {
				t.Errorf("modularity %v outside [−1/2, 1]", q)
			}
			again := Detect(g, Options{Counting: graph.BiFrac, Algorithm: alg, Seed: seed})
			if !slices.Equal(again.Labels(), p.Labels()) || again.Modularity() != p.Modularity() {
				t.Errorf("%s seed %d: two runs differ", alg, seed)
			}
		}
	}
}

func TestNumbering(t *testing.T) {
	ps, _ := planted(4, 0.95)
	g := graph.Build(ps, graph.Options{})
	p := Detect(g, Options{Counting: graph.BiFrac})
	sizes := make([]int, p.Len())
	for v := 0; v < g.Len(); v++ {
		sizes[p.Of(v)]++
	}
	for i := 1; i < len(sizes); i++ {
		if sizes[i] > sizes[i-1] {
			t.Errorf("community sizes not decreasing: %v", sizes)
		}
	}
}

// TestModularityNetworkx: Q of the Louvain partition equals networkx's
// community.modularity on the same weighted graph (skips without
// python3 + networkx).
func TestModularityNetworkx(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil || exec.Command(py, "-c", "import networkx").Run() != nil {
		t.Skip("python3 with networkx not available")
	}
	ps, _ := planted(5, 0.8)
	g := graph.Build(ps, graph.Options{})
	p := Detect(g, Options{Counting: graph.BiFrac})
	path := filepath.Join(t.TempDir(), "g.graphml")
	f, _ := os.Create(path)
	graphml.Write(f, g, graphml.Options{Counting: []graph.Counting{graph.BiFrac}, Nodes: []graphml.Column{table.Ints("community", p.Labels())}})
	f.Close()
	script := `
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
parts = {}
for n, d in g.nodes(data=True):
    parts.setdefault(d["community"], set()).add(n)
print(json.dumps({"q": nx.community.modularity(g, parts.values(), weight="weight"), "version": nx.__version__}))
`
	out, err := exec.Command(py, "-c", script, path).Output()
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Q       float64
		Version string
	}
	json.Unmarshal(out, &r)
	if math.Abs(r.Q-p.Modularity()) > 1e-9 {
		t.Errorf("Q = %v, networkx %s %v", p.Modularity(), r.Version, r.Q)
	}
}

func TestCarry(t *testing.T) {
	// Period 1: {AT, BE} = 0, {CH, DE} = 1. Period 2: Louvain numbers by
	// size: {CH, DE, FR} = 0, {AT, BE} = 1, {GR} = 2 (isolated). Carried:
	// {CH, DE, FR} keeps 1, {AT, BE} keeps 0, {GR} is new: 2.
	mk := func(pairs ...[2]string) *graph.Graph {
		var ps []coauthnet.Paper
		for i, p := range pairs {
			for k := 0; k < 5; k++ {
				ps = append(ps, coauthnet.Paper{ID: fmt.Sprint(i, k), Year: 2020, Authors: []coauthnet.Author{
					{Affiliations: []coauthnet.Affiliation{{Country: p[0]}}}, {Affiliations: []coauthnet.Affiliation{{Country: p[1]}}}}})
			}
		}
		return graph.Build(ps, graph.Options{})
	}
	g1 := mk([2]string{"AT", "BE"}, [2]string{"CH", "DE"})
	g2 := mk([2]string{"AT", "BE"}, [2]string{"CH", "DE"}, [2]string{"DE", "FR"}, [2]string{"CH", "FR"}, [2]string{"GR", "GR"})
	p1 := FromLabels(g1, []int{0, 0, 1, 1}, graph.Full)
	p2 := Detect(g2, Options{Counting: graph.Full})
	ids := Carry(g1, p1.Labels(), g2, p2)
	want := map[string]int{"AT": 0, "BE": 0, "CH": 1, "DE": 1, "FR": 1, "GR": 2}
	for v := 0; v < g2.Len(); v++ {
		if ids[v] != want[g2.Label(v)] {
			t.Errorf("%s carried id %d, want %d (Louvain %d)", g2.Label(v), ids[v], want[g2.Label(v)], p2.Of(v))
		}
	}
}
