package netview

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/internal/golden"
	"github.com/coauthnet/coauthnet/internal/sample"
	"github.com/coauthnet/coauthnet/io/internal/exporttest"
)

// workedSeries is docs/DESIGN.md §11's four papers at country level.
func workedSeries() *graph.Series {
	one := func(cs ...string) coauthnet.Author {
		var a coauthnet.Author
		for _, c := range cs {
			a.Affiliations = append(a.Affiliations, coauthnet.Affiliation{Country: c})
		}
		return a
	}
	ps := []coauthnet.Paper{
		{ID: "P1", Year: 2019, Authors: []coauthnet.Author{one("CN"), one("CN"), one("US")}},
		{ID: "P2", Year: 2019, Authors: []coauthnet.Author{one("CN"), one("US"), one("DE"), one("DE")}},
		{ID: "P3", Year: 2020, Authors: []coauthnet.Author{one("CN", "SG"), one("US")}},
		{ID: "P4", Year: 2020, Authors: []coauthnet.Author{one("US")}},
	}
	return graph.Yearly(ps, graph.Options{})
}

var (
	sampleOnce   sync.Once
	samplePapers []coauthnet.Paper
	sampleSeries *graph.Series
)

// sampleYears is the embedded demo corpus counted by year.
func sampleYears() *graph.Series {
	sampleOnce.Do(func() {
		samplePapers = sample.Generate(sample.Config{})
		sampleSeries = graph.Yearly(samplePapers, graph.Options{})
	})
	return sampleSeries
}

// sampleInstitutionPapers is the embedded demo corpus.
func sampleInstitutionPapers() []coauthnet.Paper {
	sampleYears()
	return samplePapers
}

// sampleBlocs colours the sample by its planted blocs (sample.Truth).
func sampleBlocs() (map[string]string, []string) {
	tr := sample.GetTruth()
	m := map[string]string{tr.Poles[0]: "focal", tr.Poles[1]: "rival"}
	for _, c := range tr.Partners {
		m[c] = "partner"
	}
	for _, c := range tr.Competitors {
		m[c] = "competitor"
	}
	for _, c := range tr.Hedgers {
		m[c] = "hedger"
	}
	return m, []string{"focal", "rival", "partner", "competitor", "hedger"}
}

// testData is the page data as a reader of the JSON sees it.
type testData struct {
	Level, Counting, GroupTitle string
	Groups                      []groupData
	Nodes                       []struct {
		ID, Name, Country string
		X, Y              float64
	}
	Frames []struct {
		Label  string
		Papers int
		Nodes  [][5]float64
		Edges  [][4]float64
	}
	MaxOutput, MaxWeight float64
	Start                int
}

// pageData extracts the JSON data of a fragment.
func pageData(t *testing.T, frag []byte) *testData {
	t.Helper()
	_, rest, ok := bytes.Cut(frag, []byte(`<script type="application/json" class="nv-data">`))
	js, _, ok2 := bytes.Cut(rest, []byte("</script>"))
	if !ok || !ok2 {
		t.Fatalf("no data element in\n%s", frag)
	}
	var d testData
	if err := json.Unmarshal(js, &d); err != nil {
		t.Fatalf("data: %v\n%s", err, js)
	}
	return &d
}

func TestWorkedExample(t *testing.T) {
	var b bytes.Buffer
	opts := Options{Counting: graph.BiFrac, Groups: map[string]string{"CN": "focal", "US": "rival"}, GroupOrder: []string{"focal", "rival"}, GroupTitle: "bloc"}
	if err := WriteFragment(&b, Years(workedSeries()), opts); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/worked.html", b.Bytes())
	d := pageData(t, b.Bytes())

	// Nodes: the union of both years, in key order.
	var ids []string
	for _, n := range d.Nodes {
		ids = append(ids, n.ID)
	}
	if got := strings.Join(ids, ","); got != "CN,DE,SG,US" {
		t.Errorf("nodes %s, want CN,DE,SG,US", got)
	}
	if d.Nodes[0].Name != "China" {
		t.Errorf("CN name %q", d.Nodes[0].Name)
	}
	if len(d.Frames) != 2 || d.Frames[0].Label != "2019" || d.Frames[1].Label != "2020" || d.Start != 1 {
		t.Fatalf("frames %+v start %d, want 2019, 2020 starting at 2020", d.Frames, d.Start)
	}
	// docs/DESIGN.md §11, 2019: CN papers 2, output 11/12; CN–US bifrac 5/6,
	// full 2; CN–DE bifrac 1/3; DE–US 1/3. 2020: CN–SG has bifrac 0 (one
	// author's dual affiliation) and is not drawn; SG–US 1/2, CN–US 1/2.
	type edge struct{ a, b string }
	wantEdges := []map[edge][2]float64{
		{{"CN", "US"}: {5.0 / 6, 2}, {"CN", "DE"}: {1.0 / 3, 1}, {"DE", "US"}: {1.0 / 3, 1}},
		{{"CN", "US"}: {0.5, 1}, {"SG", "US"}: {0.5, 1}},
	}
	for i, f := range d.Frames {
		got := map[edge][2]float64{}
		for _, e := range f.Edges {
			got[edge{d.Nodes[int(e[0])].ID, d.Nodes[int(e[1])].ID}] = [2]float64{e[2], e[3]}
		}
		if len(got) != len(wantEdges[i]) {
			t.Errorf("%s: edges %v, want %v", f.Label, got, wantEdges[i])
		}
		for k, w := range wantEdges[i] {
			if g, ok := got[k]; !ok || math.Abs(g[0]-w[0]) > 1e-5 || g[1] != w[1] {
				t.Errorf("%s: edge %v = %v, want %v (6 significant digits)", f.Label, k, g, w)
			}
		}
	}
	cn := d.Frames[0].Nodes[0]
	if cn[0] != 0 || cn[1] != 2 || math.Abs(cn[3]-11.0/12) > 1e-5 || cn[4] != 0 {
		t.Errorf("2019 CN = %v, want [0 2 2 11/12 0] (node 0, papers 2, intl 2, output, group focal)", cn)
	}
	// DE has no group: -1.
	if de := d.Frames[0].Nodes[1]; de[0] != 1 || de[4] != -1 {
		t.Errorf("2019 DE = %v, want node 1, group -1", de)
	}
	// Largest output over both years is US in 2020: 1/2 + 1 = 3/2.
	if math.Abs(d.MaxOutput-1.5) > 1e-9 || math.Abs(d.MaxWeight-5.0/6) > 1e-5 {
		t.Errorf("maxOutput %v maxWeight %v, want 1.5 and 5/6", d.MaxOutput, d.MaxWeight)
	}
	if len(d.Groups) != 2 || d.Groups[0] != (groupData{"focal", palette[0]}) || d.Groups[1] != (groupData{"rival", palette[1]}) {
		t.Errorf("groups %v", d.Groups)
	}
}

func TestLabelsEscaped(t *testing.T) {
	// Institution names with quotes, '&', '<', '>' and a backslash: the
	// JSON must not close the script element, and the names must come
	// back unchanged.
	var b bytes.Buffer
	if err := WriteFragment(&b, Years(exporttest.Series()), Options{ID: "inst"}); err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(b.Bytes(), []byte("</script>")); n != 2 {
		t.Errorf("%d </script> in the fragment, want 2 (data and call)", n)
	}
	if bytes.Contains(b.Bytes(), []byte("<Lab>")) {
		t.Error("a raw <Lab> in the page")
	}
	d := pageData(t, b.Bytes())
	got := map[string]bool{}
	for _, n := range d.Nodes {
		got[n.Name] = true
	}
	for _, l := range exporttest.Labels {
		if !got[l] {
			t.Errorf("name %q lost; have %v", l, got)
		}
	}
	if d.Level != "institution" || !strings.Contains(b.String(), `placeholder="Find an institution"`) {
		t.Errorf("level %q or placeholder wrong", d.Level)
	}
}

func TestDeterministic(t *testing.T) {
	frames := Years(sampleYears())
	blocs, order := sampleBlocs()
	write := func(seed uint64) []byte {
		var b bytes.Buffer
		if err := WriteFragment(&b, frames, Options{Seed: seed, Groups: blocs, GroupOrder: order}); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	a, b, c := write(1), write(1), write(2)
	if !bytes.Equal(a, b) {
		t.Error("two runs with seed 1 differ")
	}
	if bytes.Equal(a, c) {
		t.Error("seeds 1 and 2 give the same page: the seed is not used")
	}
	if !bytes.Equal(a, write(0)) {
		t.Error("seed 0 is not seed 1")
	}
}

// TestLayoutSeparatesClusters checks the layout on a planted structure:
// two 5-cliques (weight 10 inside) joined by one weak edge (weight 1),
// and an isolated node. Nodes of a clique must be closer to each other
// than to the other clique, and the isolated node (held by gravity)
// must stay near the drawing rather than flying off, which would shrink
// everything else into a corner.
func TestLayoutSeparatesClusters(t *testing.T) {
	lg := newLayoutGraph(11)
	for c := 0; c < 2; c++ {
		for i := 0; i < 5; i++ {
			for j := i + 1; j < 5; j++ {
				lg.add(5*c+i, 5*c+j, 10)
			}
		}
	}
	lg.add(4, 5, 1)
	pos := positions(lg, 1)
	dist := func(a, b int) float64 { return math.Hypot(pos[a][0]-pos[b][0], pos[a][1]-pos[b][1]) }
	var in, across float64
	var nIn, nAcross int
	for a := 0; a < 10; a++ {
		for b := a + 1; b < 10; b++ {
			if a/5 == b/5 {
				in += dist(a, b)
				nIn++
			} else {
				across += dist(a, b)
				nAcross++
			}
		}
	}
	in, across = in/float64(nIn), across/float64(nAcross)
	if !(in < across/2) {
		t.Errorf("mean distance inside a clique %.1f, across %.1f: want inside < across/2", in, across)
	}
	// The drawing spans [0, extent]; if the isolated node had drifted
	// away, the two cliques would sit within a few percent of it.
	var cx, cy, r float64
	for a := 0; a < 10; a++ {
		cx += pos[a][0] / 10
		cy += pos[a][1] / 10
	}
	for a := 0; a < 10; a++ {
		r = max(r, math.Hypot(pos[a][0]-cx, pos[a][1]-cy))
	}
	if r < 0.1*extent {
		t.Errorf("the cliques span a radius of %.1f of %d: the isolated node drifted away", r, extent)
	}
	t.Logf("inside %.1f across %.1f, radius of the cliques %.1f", in, across, r)
}

// TestLayoutSample checks the layout of the sample's country graph: the
// positions are spread over the drawing (not collapsed into a point,
// as a diverging layout leaves all but one or two nodes), and the pair
// of largest weight (CN–US) is closer than the median pair.
func TestLayoutSample(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the sample")
	}
	d, err := build(Years(sampleYears()), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var pos [][2]float64
	idx := map[string]int{}
	for i, n := range d.Nodes {
		pos = append(pos, [2]float64{n.X.f(), n.Y.f()})
		idx[n.ID] = i
	}
	dist := func(a, b int) float64 { return math.Hypot(pos[a][0]-pos[b][0], pos[a][1]-pos[b][1]) }
	var ds, pairs []float64
	for i := range pos {
		ds = append(ds, math.Hypot(pos[i][0]-extent/2, pos[i][1]-extent/2))
		for j := i + 1; j < len(pos); j++ {
			pairs = append(pairs, dist(i, j))
		}
	}
	slices.Sort(ds)
	slices.Sort(pairs)
	if med := ds[len(ds)/2]; !(med >= 0.1*extent) {
		t.Errorf("median distance to the centre %.1f of %d: collapsed layout", med, extent)
	}
	if cu, med := dist(idx["CN"], idx["US"]), pairs[len(pairs)/2]; !(cu < med) {
		t.Errorf("CN–US at %.1f, median pair at %.1f: the heaviest edge does not pull", cu, med)
	}
}

func TestOptions(t *testing.T) {
	s := sampleYears()
	frames := Periods(s, s.Windows(5, 5))
	var b bytes.Buffer
	if err := WriteFragment(&b, frames, Options{MaxNodes: 10, MinWeight: 3, Start: "2010–2014", ID: "p-1"}); err != nil {
		t.Fatal(err)
	}
	d := pageData(t, b.Bytes())
	if len(d.Nodes) != 10 {
		t.Errorf("%d nodes, want MaxNodes 10", len(d.Nodes))
	}
	// The ten kept are the ten of largest output over the whole span.
	all := s.Range(s.Span())
	out := make([]float64, 0, all.Len())
	for v := 0; v < all.Len(); v++ {
		out = append(out, all.Node(v).Output)
	}
	kept := map[string]bool{}
	for _, n := range d.Nodes {
		kept[n.ID] = true
	}
	for v := 0; v < all.Len(); v++ {
		bigger := 0
		for _, o := range out {
			if o > out[v] {
				bigger++
			}
		}
		if (bigger < 10) != kept[all.Label(v)] {
			t.Errorf("%s (output %.1f, %d larger) kept = %v", all.Label(v), out[v], bigger, kept[all.Label(v)])
		}
	}
	for _, f := range d.Frames {
		for _, e := range f.Edges {
			if e[2] < 3 {
				t.Fatalf("%s: edge %v below MinWeight 3", f.Label, e)
			}
		}
	}
	if d.Frames[d.Start].Label != "2010–2014" || len(d.Frames) != 4 {
		t.Errorf("start %d (%s) of %d frames, want 2010–2014 of 4", d.Start, d.Frames[d.Start].Label, len(d.Frames))
	}
	if !strings.Contains(b.String(), `<label class="nv-period">Period `) {
		t.Error("the slider of periods is not labelled Period")
	}
}

func TestErrors(t *testing.T) {
	w := Years(workedSeries())
	inst := Years(exporttest.Series())
	for _, tt := range []struct {
		name   string
		frames []Frame
		opts   Options
		want   string
	}{
		{"none", nil, Options{}, "no frame"},
		{"nil graph", []Frame{{Label: "x"}}, Options{}, "frame 0 has no graph"},
		{"levels", append(w[:1:1], inst[0]), Options{}, "frame 1 is at level institution"},
		{"id", w, Options{ID: `a"b`}, `id "a\"b"`},
		{"counting", w, Options{Counting: 7}, "unknown counting"},
	} {
		err := WriteFragment(&bytes.Buffer{}, tt.frames, tt.opts)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "netview: ") {
			t.Errorf("%s: error %v, want netview: …%s…", tt.name, err, tt.want)
		}
	}
}

func TestWriteDir(t *testing.T) {
	dir := t.TempDir()
	if err := WriteDir(dir, Years(workedSeries()), Options{Title: "A & B"}); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<title>A &amp; B</title>", `<script src="cytoscape.min.js"></script>`, `<script src="netview.js"></script>`, `<link rel="stylesheet" href="netview.css">`} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	if bytes.Contains(page, []byte("http://")) || bytes.Contains(page, []byte("https://")) {
		t.Error("index.html refers to the network")
	}
	for _, name := range AssetNames {
		if fi, err := os.Stat(filepath.Join(dir, name)); err != nil || fi.Size() == 0 {
			t.Errorf("asset %s: %v", name, err)
		}
	}
	if got := Head("lib"); !strings.Contains(got, `src="lib/cytoscape.min.js"`) {
		t.Errorf("Head(lib) = %s", got)
	}
}

// TestVendoredChecksum pins the vendored cytoscape.js to the file of its
// npm tarball (assets/SOURCES.md).
func TestVendoredChecksum(t *testing.T) {
	b, err := assets.ReadFile("assets/cytoscape.min.js")
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	if got := hex.EncodeToString(sum[:]); got != "71fa9ebec21a7ca2c40cff6aacc30d1f6464e363662ad4b2c197e1adc770cd94" {
		t.Errorf("cytoscape.min.js sha256 %s: not the file of cytoscape 3.35.0 recorded in assets/SOURCES.md", got)
	}
	if !bytes.HasPrefix(b, []byte("/**\n * Copyright (c) 2016-2026, The Cytoscape Consortium.")) {
		t.Error("cytoscape.min.js lost its licence header")
	}
}

// BenchmarkLayout lays out the sample's institution graph (about 370
// institutions), the largest graph a report is likely to show whole.
func BenchmarkLayout(b *testing.B) {
	s := graph.Yearly(sample.Generate(sample.Config{}), graph.Options{Level: graph.Institutions})
	g := s.Range(s.Span())
	lg := newLayoutGraph(g.Len())
	for e := range g.Edges() {
		lg.add(e.From, e.To, e.W[graph.Full])
	}
	for b.Loop() {
		positions(lg, 1)
	}
	b.ReportMetric(float64(g.Len()), "nodes")
	b.ReportMetric(float64(len(lg.edges)), "edges")
}
