package metrics

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/internal/sample"
	"github.com/coauthnet/coauthnet/io/graphml"
)

func paper(id string, year int, countries ...[]string) coauthnet.Paper {
	p := coauthnet.Paper{ID: id, Year: year}
	for _, cs := range countries {
		var a coauthnet.Author
		for _, c := range cs {
			a.Affiliations = append(a.Affiliations, coauthnet.Affiliation{Country: c})
		}
		p.Authors = append(p.Authors, a)
	}
	return p
}

func one(c ...string) []string { return c }

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol*math.Max(1, math.Abs(b)) }

func TestPairsWorkedExample(t *testing.T) {
	// docs/DESIGN.md §11, 2019: P1 CN, CN, US; P2 CN, US, DE, DE. m = 2 papers.
	g := graph.Build([]coauthnet.Paper{
		paper("P1", 2019, one("CN"), one("CN"), one("US")),
		paper("P2", 2019, one("CN"), one("US"), one("DE"), one("DE")),
	}, graph.Options{})
	ps := Pairs(g, graph.BiFrac)
	// Edges in order CN-DE, CN-US, DE-US. By hand:
	//   CN-DE: c=1, s=2,1: assoc 2·1/(2·1)=1, Salton 1/√2, Jaccard 1/(2+1−1)=1/2, inclusion 1;
	//          bifrac 1/3; CN strength 5/6+1/3=7/6 → share of DE in CN 2/7, rank 2;
	//          DE strength 1/3+1/3=2/3 → share of CN in DE 1/2, rank 1 (tie with US, CN < US).
	//   CN-US: c=2, s=2,2: assoc 1, Salton 1, Jaccard 1, inclusion 1;
	//          intensity (5/6)/√(11/12·7/12) ≈ 1.1396 (docs/DESIGN.md §11); share 5/7, rank 1.
	want := []Pair{
		{Intensity: (1.0 / 3) / math.Sqrt(11.0/12*0.5), Association: 1, Salton: 1 / math.Sqrt2, Jaccard: 0.5, Inclusion: 1,
			ShareOfSource: 2.0 / 7, ShareOfTarget: 0.5, RankForSource: 2, RankForTarget: 1},
		{Intensity: (5.0 / 6) / math.Sqrt(11.0/12*7.0/12), Association: 1, Salton: 1, Jaccard: 1, Inclusion: 1,
			ShareOfSource: 5.0 / 7, ShareOfTarget: (5.0 / 6) / (5.0/6 + 1.0/3), RankForSource: 1, RankForTarget: 1},
	}
	for i, w := range want {
		got := ps[i]
		for _, f := range [][2]float64{{got.Intensity, w.Intensity}, {got.Association, w.Association}, {got.Salton, w.Salton},
			{got.Jaccard, w.Jaccard}, {got.Inclusion, w.Inclusion}, {got.ShareOfSource, w.ShareOfSource}, {got.ShareOfTarget, w.ShareOfTarget}} {
			if !near(f[0], f[1], 1e-12) {
				t.Errorf("edge %d: got %+v\nwant %+v", i, got, w)
				break
			}
		}
		if got.RankForSource != w.RankForSource || got.RankForTarget != w.RankForTarget {
			t.Errorf("edge %d ranks %d %d, want %d %d", i, got.RankForSource, got.RankForTarget, w.RankForSource, w.RankForTarget)
		}
	}
	if math.Abs(ps[1].Intensity-1.1396) > 5e-5 {
		t.Errorf("I(CN,US) = %v, docs/DESIGN.md says 1.1396", ps[1].Intensity)
	}
}

func TestDegreeStrength(t *testing.T) {
	g := graph.Build([]coauthnet.Paper{
		paper("P1", 2019, one("CN"), one("CN"), one("US")),
		paper("P2", 2019, one("CN"), one("US"), one("DE"), one("DE")),
	}, graph.Options{})
	d, s := Degree(g), Strength(g, graph.Full)
	// CN: DE, US; full CN-DE 1 + CN-US 2 = 3. DE: 1 + 1 = 2. US: 2 + 1 = 3.
	if d[0] != 2 || d[1] != 2 || d[2] != 2 || s[0] != 3 || s[1] != 2 || s[2] != 3 {
		t.Errorf("degree %v strength %v", d, s)
	}
}

// reference is the output of testdata/independent/metrics_nx.py.
type reference struct {
	Networkx    string
	Pagerank    map[string]float64
	Eigenvector map[string]float64
	Betweenness map[string]float64
	Closeness   map[string]float64
	Harmonic    map[string]float64
}

// sampleGraph is the country graph of 2019 of the embedded sample.
func sampleGraph() *graph.Graph {
	return graph.Yearly(sample.Generate(sample.Config{}), graph.Options{}).At(2019)
}

func compare(t *testing.T, g *graph.Graph, ref reference) {
	t.Helper()
	pr := PageRank(g, PageRankOptions{Counting: graph.BiFrac, Tol: 1e-13})
	ev := Eigenvector(g, graph.BiFrac)
	bt := Betweenness(g, graph.BiFrac)
	cl, hm := Closeness(g, graph.BiFrac)
	for _, m := range []struct {
		name string
		got  []float64
		want map[string]float64
	}{{"pagerank", pr, ref.Pagerank}, {"eigenvector", ev, ref.Eigenvector}, {"betweenness", bt, ref.Betweenness},
		{"closeness", cl, ref.Closeness}, {"harmonic", hm, ref.Harmonic}} {
		if len(m.want) != g.Len() {
			t.Fatalf("%s: networkx has %d nodes, graph %d", m.name, len(m.want), g.Len())
		}
		for v := 0; v < g.Len(); v++ {
			if w := m.want[g.Label(v)]; !near(m.got[v], w, 1e-6) {
				t.Errorf("%s %s = %.10g, networkx %s %.10g", m.name, g.Label(v), m.got[v], ref.Networkx, w)
			}
		}
	}
}

// TestNetworkxGolden compares with networkx values recorded in
// testdata/networkx-sample-2019.json by testdata/independent/metrics_nx.py
// (the file records the networkx version). Run with -update-nx and
// python3 + networkx to record them again.
func TestNetworkxGolden(t *testing.T) {
	b, err := os.ReadFile("testdata/networkx-sample-2019.json")
	if err != nil {
		t.Fatal(err)
	}
	var ref reference
	if err := json.Unmarshal(b, &ref); err != nil {
		t.Fatal(err)
	}
	compare(t, sampleGraph(), ref)
}

// TestNetworkxLive runs networkx on the same graphs now, including one
// at institution level (skips without python3 and networkx).
func TestNetworkxLive(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil || exec.Command(py, "-c", "import networkx").Run() != nil {
		t.Skip("python3 with networkx not available")
	}
	s := graph.Yearly(sample.Generate(sample.Config{Papers: 4000, Seed: 8}), graph.Options{Level: graph.Institutions})
	for name, g := range map[string]*graph.Graph{"country-2019": sampleGraph(), "institution-2020": s.At(2020)} {
		t.Run(name, func(t *testing.T) {
			ref := runNetworkx(t, py, g)
			compare(t, g, ref)
			if name == "country-2019" && *updateNX {
				b, _ := json.MarshalIndent(ref, "", " ")
				os.WriteFile("testdata/networkx-sample-2019.json", append(b, '\n'), 0o644)
			}
		})
	}
}

func runNetworkx(t *testing.T, py string, g *graph.Graph) reference {
	t.Helper()
	path := filepath.Join(t.TempDir(), "g.graphml")
	var buf bytes.Buffer
	if err := graphml.Write(&buf, g, graphml.Options{Counting: []graph.Counting{graph.BiFrac}}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, buf.Bytes(), 0o644)
	out, err := exec.Command(py, "../testdata/independent/metrics_nx.py", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	var ref reference
	if err := json.Unmarshal(out, &ref); err != nil {
		t.Fatal(err)
	}
	return ref
}

// TestDeterministic: every centrality gives the same bits on every run.
func TestDeterministic(t *testing.T) {
	g := sampleGraph()
	a := PageRank(g, PageRankOptions{Counting: graph.BiFrac})
	ea, ba := Eigenvector(g, graph.BiFrac), Betweenness(g, graph.BiFrac)
	for i := 0; i < 5; i++ {
		b := PageRank(g, PageRankOptions{Counting: graph.BiFrac})
		eb, bb := Eigenvector(g, graph.BiFrac), Betweenness(g, graph.BiFrac)
		for v := range a {
			if a[v] != b[v] || ea[v] != eb[v] || ba[v] != bb[v] {
				t.Fatalf("run %d differs at %s", i, g.Label(v))
			}
		}
	}
	var sum float64
	for _, x := range a {
		sum += x
	}
	if math.Abs(sum-1) > 1e-12 {
		t.Errorf("Σ PageRank = %v", sum)
	}
}

// TestPivots: Pivots ≥ n is exact; fewer pivots give a seeded, repeatable
// estimate whose ranking of the top node agrees with the exact one on
// the sample (a hub-dominated graph), and leave closeness undefined.
func TestPivots(t *testing.T) {
	g := sampleGraph()
	exact, _, _ := Paths(g, PathOptions{Counting: graph.BiFrac})
	all, _, _ := Paths(g, PathOptions{Counting: graph.BiFrac, Pivots: g.Len()})
	for v := range exact {
		if exact[v] != all[v] {
			t.Fatalf("Pivots = n differs from exact at %s", g.Label(v))
		}
	}
	a, cl, _ := Paths(g, PathOptions{Counting: graph.BiFrac, Pivots: g.Len() / 2, Seed: 3})
	b, _, _ := Paths(g, PathOptions{Counting: graph.BiFrac, Pivots: g.Len() / 2, Seed: 3})
	top := func(x []float64) int {
		best := 0
		for v := range x {
			if x[v] > x[best] {
				best = v
			}
		}
		return best
	}
	for v := range a {
		if a[v] != b[v] {
			t.Fatal("same seed, different estimate")
		}
	}
	if top(a) != top(exact) || !math.IsNaN(cl[0]) {
		t.Errorf("estimate top %s, exact top %s; closeness %v", g.Label(top(a)), g.Label(top(exact)), cl[0])
	}
}
