package main

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet/internal/golden"
	"github.com/coauthnet/coauthnet/internal/sample"
	"github.com/coauthnet/coauthnet/io/jsonl"
)

// runCmd runs the command in-process and returns its exit status,
// standard output and standard error.
func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestBuildWorkedGolden(t *testing.T) {
	// docs/DESIGN.md §11, 2019: the GraphML must carry the numbers of the
	// worked example (checked in graph's tests) and the provenance.
	code, out, stderr := runCmd(t, "", "build", "--years", "2019", "testdata/worked.jsonl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	golden.Check(t, "testdata/build-worked-2019.graphml", []byte(out))
	golden.Check(t, "testdata/build-worked-2019.stderr", []byte(stderr))
}

func TestBuildByYear(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := runCmd(t, "", "build", "--by-year", "-o", filepath.Join(dir, "w-{year}.graphml"), "testdata/worked.jsonl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, y := range []string{"2019", "2020"} {
		b, err := os.ReadFile(filepath.Join(dir, "w-"+y+".graphml"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b, []byte(`<data key="years">`+y+`</data>`)) {
			t.Errorf("w-%s.graphml is not the graph of %s", y, y)
		}
	}
	// 2020: CN–SG exists with bifrac 0 (one author's dual affiliation).
	b, _ := os.ReadFile(filepath.Join(dir, "w-2020.graphml"))
	if !bytes.Contains(b, []byte("<edge source=\"CN\" target=\"SG\">\n      <data key=\"weight\">0</data>")) {
		t.Errorf("2020 lacks the CN-SG edge with weight 0:\n%s", b)
	}
}

func TestBadRecordsReported(t *testing.T) {
	code, out, stderr := runCmd(t, "", "build", "-v", "--country-policy", "prc", "testdata/bad.jsonl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	golden.Check(t, "testdata/bad.stderr", []byte(stderr))
	// ok1 (CN–US) and ok2 (TW→CN under prc, XK; C has no country) are
	// counted; nocountry is read but has no known country.
	if !strings.Contains(out, `<data key="records_read">9</data>`) || !strings.Contains(out, `<data key="records_used">2</data>`) || !strings.Contains(out, `<data key="records_skipped">6</data>`) {
		t.Errorf("provenance counts wrong:\n%s", out)
	}
	if !strings.Contains(out, `<edge source="CN" target="XK">`) {
		t.Errorf("TW was not counted as CN under --country-policy prc")
	}
}

func TestFatalInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, b, 0o644)
		return p
	}
	var u16 bytes.Buffer
	for _, r := range `{"id":"a","year":2019,"authors":[]}` + "\n" {
		u16.WriteByte(byte(r))
		u16.WriteByte(0)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	w := jsonl.NewWriter(zw)
	for _, p := range sample.Generate(sample.Config{Papers: 500}) {
		w.Write(&p)
	}
	w.Flush()
	zw.Close()
	tests := []struct{ name, path, want string }{
		{"utf16", write("u16.jsonl", u16.Bytes()), "UTF-16"},
		{"binary", write("bin.jsonl", []byte("\x7fELF\x02\x01\x01\x00\x00\x00")), "binary"},
		{"csv", write("papers.csv", []byte("id,year,country\nW1,2019,CN\n")), "not a format coauthnet reads: a CSV file whose columns are neither"},
		{"truncated-gzip", write("trunc.jsonl.gz", gz.Bytes()[:gz.Len()/2]), "compressed file cut short (the gzip data"},
		{"missing", filepath.Join(dir, "nope.jsonl"), "no such file"},
		{"empty", write("empty.jsonl", nil), "no paper could be counted"},
		// A directory is read recursively (load.Papers); one without any
		// file is an error.
		{"directory", func() string { d := filepath.Join(dir, "sub"); os.Mkdir(d, 0o755); return d }(), "directory without files"},
	}
	// With --from jsonl, a file that is not JSON Lines is an error of the
	// JSON Lines reader.
	tests = append(tests, struct{ name, path, want string }{"csv-as-jsonl", filepath.Join(dir, "papers.csv"), "not JSON Lines"})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := []string{"build", tt.path}
			if tt.name == "csv-as-jsonl" {
				args = []string{"build", "--from", "jsonl", tt.path}
			}
			code, out, stderr := runCmd(t, "", args...)
			if code != 1 {
				t.Errorf("exit %d, want 1; stderr:\n%s", code, stderr)
			}
			if out != "" {
				t.Errorf("wrote output on error: %.80q", out)
			}
			last := strings.TrimSpace(stderr)
			if i := strings.LastIndex(last, "\n"); i >= 0 {
				last = last[i+1:]
			}
			if !strings.Contains(last, tt.want) || !strings.HasPrefix(last, "coauthnet build: ") {
				t.Errorf("last stderr line %q, want it to contain %q", last, tt.want)
			}
			if tt.name != "empty" && tt.name != "missing" && tt.name != "directory" && !strings.Contains(last, filepath.Base(tt.path)) {
				t.Errorf("error %q does not name the file", last)
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	tests := [][]string{
		{},
		{"frobnicate"},
		{"build"},
		{"build", "--nope", "--sample"},
		{"build", "--sample", "--by-year"},
		{"build", "--sample", "-o", "x-{year}.graphml"},
		{"build", "--sample", "--from", "bogus"},
		{"build", "--sample", "--counting", "bifrac,bogus"},
		{"build", "--sample", "--years", "2020-2010"},
		{"build", "--sample", "--group", "X=DE,FR", "--group", "EU27"},
		{"build", "--sample", "testdata/worked.jsonl"},
	}
	for _, args := range tests {
		code, out, stderr := runCmd(t, "", args...)
		if code != 2 || out != "" || stderr == "" {
			t.Errorf("%q: exit %d, stdout %d bytes, stderr %q; want exit 2 with a message", args, code, len(out), stderr)
		}
	}
	if code, _, _ := runCmd(t, "", "build", "-h"); code != 0 {
		t.Errorf("build -h: exit %d, want 0", code)
	}
}

func TestStdinAndInterleavedFlags(t *testing.T) {
	in, _ := os.ReadFile("testdata/worked.jsonl")
	code, out, stderr := runCmd(t, string(in), "build", "-", "--years", "2019")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want, _ := os.ReadFile("testdata/build-worked-2019.graphml")
	// Same graph as from the file; only the inputs line differs.
	if withoutInputs(out) != withoutInputs(string(want)) {
		t.Errorf("stdin output differs from file output")
	}
}

// TestDeterministic: same input and flags, same bytes, whatever the
// number of cores decoding.
func TestDeterministic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s.jsonl")
	writeSample(t, path, sample.Config{Papers: 20000})
	var outs []string
	for _, procs := range []int{1, 2, 4, 1} {
		old := runtime.GOMAXPROCS(procs)
		code, out, stderr := runCmd(t, "", "build", "--level", "institution", path)
		runtime.GOMAXPROCS(old)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		outs = append(outs, out)
	}
	for i := 1; i < len(outs); i++ {
		if outs[i] != outs[0] {
			t.Errorf("run %d differs from run 0", i)
		}
	}
	_, a, _ := runCmd(t, "", "build", "--sample")
	_, b, _ := runCmd(t, "", "build", "--sample")
	if a != b || len(a) < 1000 {
		t.Errorf("build --sample not deterministic (%d vs %d bytes)", len(a), len(b))
	}
}

func writeSample(t testing.TB, path string, cfg sample.Config) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := jsonl.NewWriter(f)
	g := sample.New(cfg)
	for {
		p, ok := g.Next()
		if !ok {
			break
		}
		w.Write(&p)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// gml is a minimal GraphML decoder, independent of io/graphml.
type gml struct {
	Graph struct {
		Data  []gdata `xml:"data"`
		Nodes []struct {
			ID   string  `xml:"id,attr"`
			Data []gdata `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			Source string  `xml:"source,attr"`
			Target string  `xml:"target,attr"`
			Data   []gdata `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

type gdata struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

func values(ds []gdata) map[string]float64 {
	m := map[string]float64{}
	for _, d := range ds {
		if f, err := strconv.ParseFloat(d.Value, 64); err == nil {
			m[d.Key] = f
		}
	}
	return m
}

// TestIndependentImplementation compares `coauthnet build` with
// testdata/independent/count.py, a Python implementation of docs/DESIGN.md §3
// written from the text. Every node and edge weight must agree to 1e-9
// relative. Skips without python3.
func TestIndependentImplementation(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not available")
	}
	dir := t.TempDir()
	small := filepath.Join(dir, "small.jsonl")
	writeSample(t, small, sample.Config{Papers: 3000, Seed: 11})
	big := filepath.Join(dir, "big.jsonl")
	writeSample(t, big, sample.Config{Papers: 20000, Seed: 12})
	tests := []struct {
		file, level, years, method, unknown string
	}{
		{small, "country", "2019", "pairs", "drop"},      // the definition, O(n²)
		{small, "institution", "2019", "pairs", "drop"},  // institution keys
		{small, "country", "2010-2012", "pairs", "node"}, // ZZ kept
		{big, "country", "2019", "formula", "drop"},      // the check
		{big, "institution", "2019", "formula", "drop"},
	}
	for _, tt := range tests {
		name := filepath.Base(tt.file) + "/" + tt.level + "/" + tt.years + "/" + tt.method + "/" + tt.unknown
		t.Run(name, func(t *testing.T) {
			out, err := exec.Command(py, "../../testdata/independent/count.py", tt.file, "--level", tt.level, "--years", tt.years, "--method", tt.method, "--unknown", tt.unknown).Output()
			if err != nil {
				t.Fatal(err)
			}
			var ref struct {
				Used  int
				Nodes map[string]map[string]float64
				Edges map[string]map[string]float64
			}
			if err := json.Unmarshal(out, &ref); err != nil {
				t.Fatal(err)
			}
			code, gout, stderr := runCmd(t, "", "build", "--from", "jsonl", "--level", tt.level, "--years", tt.years, "--unknown", tt.unknown, tt.file)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var g gml
			if err := xml.Unmarshal([]byte(gout), &g); err != nil {
				t.Fatal(err)
			}
			if len(g.Graph.Nodes) != len(ref.Nodes) || len(g.Graph.Edges) != len(ref.Edges) {
				t.Fatalf("%d nodes %d edges, python %d %d", len(g.Graph.Nodes), len(g.Graph.Edges), len(ref.Nodes), len(ref.Edges))
			}
			check := func(what string, got map[string]float64, want map[string]float64) {
				for k, w := range want {
					if d := math.Abs(got[k] - w); d > 1e-9*math.Max(1, math.Abs(w)) {
						t.Errorf("%s %s = %v, python %v", what, k, got[k], w)
					}
				}
			}
			for _, n := range g.Graph.Nodes {
				want, ok := ref.Nodes[n.ID]
				if !ok {
					t.Fatalf("node %s not in python output", n.ID)
				}
				check("node "+n.ID, values(n.Data), want)
			}
			for _, e := range g.Graph.Edges {
				want, ok := ref.Edges[e.Source+"|"+e.Target]
				if !ok {
					t.Fatalf("edge %s-%s not in python output", e.Source, e.Target)
				}
				check("edge "+e.Source+"-"+e.Target, values(e.Data), want)
			}
			t.Logf("%d nodes, %d edges, %d papers agree", len(g.Graph.Nodes), len(g.Graph.Edges), ref.Used)
		})
	}
}

// TestConvertThenBuild: build on what convert wrote gives the same graph
// as build on the original, for every output format (the provenance
// lines naming inputs differ and are left out of the comparison).
func TestConvertThenBuild(t *testing.T) {
	dir := t.TempDir()
	orig := filepath.Join(dir, "orig.jsonl")
	writeSample(t, orig, sample.Config{Papers: 3000, Seed: 21})
	_, want, stderr := runCmd(t, "", "build", "--level", "institution", orig)
	if want == "" {
		t.Fatal(stderr)
	}
	for _, to := range []string{"jsonl", "csv", "parquet"} {
		out := filepath.Join(dir, "conv."+to)
		if code, _, stderr := runCmd(t, "", "convert", "--to", to, "-o", out, orig); code != 0 {
			t.Fatalf("convert --to %s: exit %d: %s", to, code, stderr)
		}
		code, got, stderr := runCmd(t, "", "build", "--level", "institution", out)
		if code != 0 {
			t.Fatalf("build %s: exit %d: %s", to, code, stderr)
		}
		if withoutInputs(got) != withoutInputs(want) {
			t.Errorf("build after convert --to %s differs from build on the original", to)
		}
	}
}

// TestRealExports builds from every real export under testdata-real in
// one run: formats are detected, nothing is skipped, the plain-text and
// UTF-16 tab-delimited copies of the same 50 Web of Science records are
// counted once (by DOI). Skips when testdata-real is absent.
func TestRealExports(t *testing.T) {
	const real = "../../../shared/testdata-real"
	files := []string{
		"wos-plain-c3-brunalab/savedrecs.txt",
		"wos-tab-scientopy/wos_2026_04_02_1000.txt",
		"wos-wosfile/wos_plaintext.txt",
		"wos-wosfile/wos_tab_delimited_win_utf16.txt",
		"scopus-csv-scientopy/scopus.csv",
		"openalex-jsonl-openalexpro/jsonl",
	}
	args := []string{"build", "-v"}
	for _, f := range files {
		p := filepath.Join(real, f)
		if _, err := os.Stat(p); err != nil {
			t.Skipf("real test data not available: %v", err)
		}
		args = append(args, p)
	}
	code, out, stderr := runCmd(t, "", args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// 102 + 1000 + 50 + 50 + 921 + 200 records (SOURCES.md).
	if !strings.Contains(stderr, "read 2323 records") || !strings.Contains(stderr, ", 0 skipped") {
		t.Errorf("summary:\n%s", stderr)
	}
	for _, want := range []string{"format wos, sha256", "format scopus", "format openalex"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("summary lacks %q", want)
		}
	}
	// The 50 records of wos_tab_delimited_win_utf16.txt are those of
	// wos_plaintext.txt (same UT; 3 of them have no DOI, so --dedup doi
	// alone finds 47 + 4 = 51); 4 Scopus records have a DOI read before:
	// 2 in the WoS tab-delimited file, 2 earlier in scopus.csv itself
	// (different EIDs). Listed by -v, checked by hand.
	if !strings.Contains(stderr, "54 records dropped as duplicates (50 with the same ID, 4 with the same DOI)") {
		t.Errorf("duplicates not reported as 50 by id + 4 by DOI:\n%s", stderr)
	}
	if !strings.Contains(out, `<node id="US">`) || !strings.Contains(out, `<node id="BR">`) {
		t.Errorf("graph lacks US or BR")
	}
}

func TestTablesGolden(t *testing.T) {
	for _, tt := range []struct{ name string }{{"nodes"}, {"edges"}} {
		for _, format := range []string{"csv", "json"} {
			args := []string{tt.name, "--years", "2019", "--format", format, "testdata/worked.jsonl"}
			if tt.name == "nodes" {
				args = append(args, "--measures", "all") // the default leaves out the path measures
			}
			code, out, stderr := runCmd(t, "", args...)
			if code != 0 {
				t.Fatalf("%s: exit %d: %s", tt.name, code, stderr)
			}
			golden.Check(t, "testdata/"+tt.name+"-worked-2019."+format, []byte(out))
		}
	}
	// --focal US: every row has US as source, partners by rank.
	code, out, _ := runCmd(t, "", "edges", "--years", "2019", "--focal", "US", "testdata/worked.jsonl")
	if code != 0 {
		t.Fatal(out)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	// US partners 2019 by bifrac: CN 5/6, DE 1/3.
	if len(lines) != 3 || !strings.HasPrefix(lines[1], "2019,US,CN,") || !strings.HasPrefix(lines[2], "2019,US,DE,") {
		t.Errorf("--focal US:\n%s", out)
	}
	// Fiji is a country without papers in worked.jsonl; XX is no country
	// (a usage error, exit 2).
	if code, _, stderr := runCmd(t, "", "edges", "--focal", "Fiji", "testdata/worked.jsonl"); code != 1 || !strings.Contains(stderr, "no such node") {
		t.Errorf("absent focal: exit %d %s", code, stderr)
	}
	if code, _, stderr := runCmd(t, "", "edges", "--focal", "XX", "testdata/worked.jsonl"); code != 2 || !strings.Contains(stderr, "unknown country") {
		t.Errorf("unknown focal: exit %d %s", code, stderr)
	}
}

// TestEdgesRecomputed recomputes intensity, association strength,
// Salton, Jaccard and inclusion from the GraphML that build writes for
// the same input (node papers and output, edge full and bifrac, papers
// used from the provenance) and compares with the edges table.
func TestEdgesRecomputed(t *testing.T) {
	_, gout, _ := runCmd(t, "", "build", "--sample", "--years", "2019")
	_, eout, _ := runCmd(t, "", "edges", "--sample", "--years", "2019", "--precision", "0") // every digit, to recompute
	var g gml
	if err := xml.Unmarshal([]byte(gout), &g); err != nil {
		t.Fatal(err)
	}
	m := values(g.Graph.Data)["records_used"]
	nodes := map[string]map[string]float64{}
	for _, n := range g.Graph.Nodes {
		nodes[n.ID] = values(n.Data)
	}
	rows, err := csv.NewReader(strings.NewReader(eout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	if len(rows)-1 != len(g.Graph.Edges) {
		t.Fatalf("%d edge rows, %d GraphML edges", len(rows)-1, len(g.Graph.Edges))
	}
	for i, e := range g.Graph.Edges {
		w := values(e.Data)
		a, b := nodes[e.Source], nodes[e.Target]
		c := w["full"]
		want := map[string]float64{
			"intensity":   w["bifrac"] / math.Sqrt(a["output"]*b["output"]),
			"association": m * c / (a["papers"] * b["papers"]),
			"salton":      c / math.Sqrt(a["papers"]*b["papers"]),
			"jaccard":     c / (a["papers"] + b["papers"] - c),
			"inclusion":   c / math.Min(a["papers"], b["papers"]),
		}
		row := rows[i+1]
		if row[col["source"]] != e.Source || row[col["target"]] != e.Target {
			t.Fatalf("row %d is %s-%s, GraphML edge %s-%s", i, row[1], row[2], e.Source, e.Target)
		}
		for k, v := range want {
			got, _ := strconv.ParseFloat(row[col[k]], 64)
			if math.Abs(got-v) > 1e-12*math.Max(1, v) {
				t.Errorf("%s-%s %s = %v, recomputed %v", e.Source, e.Target, k, got, v)
			}
		}
	}
}

// TestSampleTimelines is the metrics issue's must-show on the embedded
// sample: with --focal CN --by-year --base-year 2005, the CN–US index
// peaks in the planted year (sample.GetTruth().Peak) and every planted
// partner ranks higher among CN's partners in 2024 than in 2005; with
// --periods, the partners grow more than the competitors.
func TestSampleTimelines(t *testing.T) {
	truth := sample.GetTruth()
	code, out, stderr := runCmd(t, "", "edges", "--sample", "--focal", "CN", "--by-year", "--base-year", "2005")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	rows, _ := csv.NewReader(strings.NewReader(out)).ReadAll()
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	num := func(r []string, c string) float64 { f, _ := strconv.ParseFloat(r[col[c]], 64); return f }
	peak, best := "", 0.0
	rank := map[string]map[string]float64{}
	for _, r := range rows[1:] {
		if r[col["target"]] == "US" && num(r, "intensity_index") > best {
			peak, best = r[col["period"]], num(r, "intensity_index")
		}
		if rank[r[col["target"]]] == nil {
			rank[r[col["target"]]] = map[string]float64{}
		}
		rank[r[col["target"]]][r[col["period"]]] = num(r, "rank_for_source")
	}
	if peak != strconv.Itoa(truth.Peak) {
		t.Errorf("CN-US intensity index peaks in %s, planted %d", peak, truth.Peak)
	}
	for _, p := range truth.Partners {
		if r05, r24 := rank[p]["2005"], rank[p]["2024"]; r24 == 0 || (r05 != 0 && r24 >= r05) {
			t.Errorf("partner %s: rank %v in 2005, %v in 2024; want a rise", p, r05, r24)
		}
	}
	_, out, _ = runCmd(t, "", "edges", "--sample", "--focal", "CN", "--periods", "2013-2017,2018-2022")
	rows, _ = csv.NewReader(strings.NewReader(out)).ReadAll()
	col = map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	growth := map[string]float64{}
	for _, r := range rows[1:] {
		growth[r[col["target"]]] = num(r, "growth")
	}
	mean := func(xs []string) float64 {
		var s float64
		for _, x := range xs {
			s += growth[x]
		}
		return s / float64(len(xs))
	}
	if gp, gc := mean(truth.Partners), mean(truth.Competitors); gp <= gc {
		t.Errorf("growth 2013-17 → 2018-22: partners %.2f, competitors %.2f; want partners higher", gp, gc)
	}
}

func TestBackbone(t *testing.T) {
	// The sample's 2019 country graph is connected: the tree has n−1 edges.
	code, out, stderr := runCmd(t, "", "build", "--sample", "--years", "2019", "--backbone", "mst")
	if code != 0 {
		t.Fatal(stderr)
	}
	if n, e := strings.Count(out, "<node "), strings.Count(out, "<edge "); e != n-1 || !strings.Contains(out, `<data key="backbone">mst</data>`) {
		t.Errorf("mst: %d nodes, %d edges", n, e)
	}
	_, again, _ := runCmd(t, "", "build", "--sample", "--years", "2019", "--backbone", "mst")
	if again != out {
		t.Error("mst output differs between runs")
	}
	code, out, _ = runCmd(t, "", "build", "--sample", "--years", "2019", "--backbone", "disparity", "--alpha", "0.01")
	if code != 0 || !strings.Contains(out, `alpha=0.01`) {
		t.Errorf("disparity: exit %d", code)
	}
	if code, _, _ := runCmd(t, "", "build", "--sample", "--backbone", "tree"); code != 2 {
		t.Errorf("--backbone tree: exit %d, want 2", code)
	}
}

func TestCommunities(t *testing.T) {
	code, out, stderr := runCmd(t, "", "communities", "--sample", "--by-year", "--years", "2018-2020", "--format", "json")
	if code != 0 {
		t.Fatal(stderr)
	}
	var doc struct {
		Seed    string
		Periods []struct {
			Period      string
			Communities int
			Modularity  float64
			NMIPrev     *float64 `json:"nmi_prev"`
		}
		Rows []struct {
			Period, Node string
			Community    int
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%.300s", err, out)
	}
	if len(doc.Periods) != 3 || doc.Periods[0].NMIPrev != nil || doc.Periods[1].NMIPrev == nil || doc.Seed != "1" {
		t.Errorf("periods %+v", doc.Periods)
	}
	for _, p := range doc.Periods {
		if p.Modularity < -0.5 || p.Modularity > 1 || p.Communities < 1 {
			t.Errorf("period %+v", p)
		}
	}
	if len(doc.Rows) < 3*30 {
		t.Errorf("%d rows", len(doc.Rows))
	}
	_, again, _ := runCmd(t, "", "communities", "--sample", "--by-year", "--years", "2018-2020", "--format", "json")
	if again != out {
		t.Error("same seed, different output")
	}
}

// withoutInputs drops the GraphML lines naming the inputs, which differ
// between runs on different files with the same papers.
func withoutInputs(s string) string {
	var keep []string
	for _, l := range strings.Split(s, "\n") {
		if !strings.Contains(l, `key="inputs"`) {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

// TestBlocsCommand: on the sample the split is the planted peak 2019
// (a significant change point of the count series, named in the output),
// at least 90% of the 36 countries are in their planted bloc, and every
// year has indices with intervals; a user bloc file overrides the bloc
// but keeps the inferred one beside it; a stationary corpus exits 0.
func TestBlocsCommand(t *testing.T) {
	code, out, stderr := runCmd(t, "", "blocs", "--sample", "--poles", "CN,US", "--format", "json", "--bootstrap", "50")
	if code != 0 {
		t.Fatal(stderr)
	}
	var doc struct {
		Poles       []string
		Focal       string
		Split       int
		SplitMethod string `json:"split_method"`
		Series      string
		Significant bool
		Before      []int
		After       []int
		Blocs       []struct {
			Node, Bloc string
			Delta      *float64
			PAdj       *float64 `json:"p_adj"`
		}
		Indices []struct {
			Year          int
			Modularity    float64
			ModularityLow float64 `json:"modularity_low"`
			CrossShare    float64 `json:"cross_share"`
		}
		Trends []struct{ Index, Verdict string }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%.400s", err, out)
	}
	if doc.Focal != "CN" || doc.Split != 2019 || !doc.Significant || doc.Series != "count" || !strings.Contains(doc.SplitMethod, "change point of the count series") ||
		len(doc.Before) != 15 || len(doc.After) != 5 || len(doc.Blocs) != 36 || len(doc.Indices) != 20 || len(doc.Trends) != 6 {
		t.Errorf("focal %s split %d (%s, %s), before %v after %v, %d blocs, %d indices", doc.Focal, doc.Split, doc.Series, doc.SplitMethod, doc.Before, doc.After, len(doc.Blocs), len(doc.Indices))
	}
	truth := sample.GetTruth()
	right := 0
	for _, b := range doc.Blocs {
		if truth.Bloc(b.Node) == b.Bloc {
			right++
		}
	}
	if right < 33 {
		t.Errorf("%d of 36 in their planted bloc", right)
	}
	if doc.Trends[0].Verdict != "rising" || doc.Trends[1].Verdict != "falling" {
		t.Errorf("trends %+v", doc.Trends)
	}
	// The ASPI grouping from a file: RU, PK, IR partners (BY is not in
	// the sample), JP, GB competitors; the inferred bloc is kept in the
	// last column.
	code, out, stderr = runCmd(t, "", "blocs", "--sample", "--poles", "CN,US", "--blocs", "../../testdata/blocs-aspi.json", "--bootstrap", "20")
	if code != 0 {
		t.Fatal(stderr)
	}
	for _, want := range []string{"\nRU,Russian Federation,partner,", "\nJP,Japan,competitor,", "\nDE,Germany,hedger,"} {
		if !strings.Contains(out, want) {
			t.Errorf("user blocs: no line %q", strings.TrimSpace(want))
		}
	}
	if !strings.HasSuffix(strings.SplitN(out[strings.Index(out, "\nGB,"):], "\n", 3)[1], ",competitor") {
		t.Errorf("inferred bloc not in the last column")
	}
	if code, _, stderr := runCmd(t, "", "blocs", "--sample", "--poles", "CN,FJ"); code != 1 || !strings.Contains(stderr, "FJ has no papers") {
		t.Errorf("absent pole: exit %d %s", code, stderr)
	}
	if code, _, _ := runCmd(t, "", "blocs", "--sample", "--poles", "CN"); code != 2 {
		t.Errorf("one pole: exit %d, want 2", code)
	}
	code, out, _ = runCmd(t, "", "blocs", "--sample", "--poles", "CN,US", "--indices", "--bootstrap", "20")
	if code != 0 || !strings.HasPrefix(out, "year,modularity,modularity_low,modularity_high,cross_share,") || !strings.Contains(out, "\n2005,") {
		t.Errorf("--indices: %.120s", out)
	}
	// A split in the last year leaves nothing after it: an error naming
	// the span (it used to fall back to the halves with a warning, exit 0).
	code, _, stderr = runCmd(t, "", "blocs", "--sample", "--poles", "CN,US", "--split", "2024", "--bootstrap", "20")
	if code != 1 || !strings.Contains(stderr, "split 2024 leaves no year after it: the years counted are 2005–2024") {
		t.Errorf("--split 2024: exit %d\n%s", code, stderr)
	}
}

// TestDriftSample is the drift issue's must-show on the sample: the
// CN–US edge peaks in the planted year with a significant change point
// within a year of it, and, comparing 2005–09 with 2020–24, every planted
// partner of CN is among its 8 largest rank risers.
func TestDriftSample(t *testing.T) {
	truth := sample.GetTruth()
	code, out, stderr := runCmd(t, "", "drift", "--sample", "--focal", "CN", "--format", "json")
	if code != 0 {
		t.Fatal(stderr)
	}
	var doc struct {
		Steps []struct{ From, To string }
		Edges []struct {
			Source, Target string
			PeakYear       string  `json:"peak_year"`
			ChangePoint    *string `json:"change_point"`
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Steps) != 19 {
		t.Errorf("%d steps, want 19 (2005→2024)", len(doc.Steps))
	}
	found := false
	for _, e := range doc.Edges {
		if e.Target != "US" {
			continue
		}
		found = true
		cp, _ := strconv.Atoi(*e.ChangePoint)
		if e.PeakYear != strconv.Itoa(truth.Peak) || cp < truth.Peak-1 || cp > truth.Peak+1 {
			t.Errorf("CN-US: peak %s, change point %v", e.PeakYear, *e.ChangePoint)
		}
	}
	if !found {
		t.Fatal("no CN-US edge")
	}
	code, out, _ = runCmd(t, "", "drift", "--sample", "--focal", "CN", "--window", "5", "--step", "5", "--table", "nodes")
	rows, _ := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || len(rows) < 9 {
		t.Fatalf("exit %d: %s", code, out)
	}
	risers := map[string]bool{}
	for _, r := range rows[1:9] {
		risers[r[0]] = true
	}
	for _, p := range truth.Partners {
		if !risers[p] {
			t.Errorf("partner %s not among the top 8 risers %v", p, risers)
		}
	}
}

// TestReport: report --sample writes a page whose every link exists,
// plots with a title, axis labels and a legend, and (when headless
// Chromium is installed) a page that renders.
func TestReport(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := runCmd(t, "", "report", "--sample", "-o", dir)
	if code != 0 {
		t.Fatal(stderr)
	}
	page, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	links := regexp.MustCompile(`(?:src|href)="([^"]+)"`).FindAllStringSubmatch(string(page), -1)
	if len(links) < 10 {
		t.Errorf("only %d links", len(links))
	}
	for _, l := range links {
		if _, err := os.Stat(filepath.Join(dir, l[1])); err != nil {
			t.Errorf("index.html links %s: %v", l[1], err)
		}
	}
	for y := 2005; y <= 2024; y++ {
		if _, err := os.Stat(filepath.Join(dir, fmt.Sprintf("graph-%d.graphml", y))); err != nil {
			t.Error(err)
		}
	}
	for name, legend := range map[string]string{"partners-intensity": "United States", "partners-index": "United States", "partners-share": "United States", "blocs": "partners", "bifurcation": "modularity"} {
		svg, err := os.ReadFile(filepath.Join(dir, name+".svg"))
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"publication year", legend, "<text"} {
			if !strings.Contains(string(svg), want) {
				t.Errorf("%s.svg lacks %q", name, want)
			}
		}
		if fi, err := os.Stat(filepath.Join(dir, name+".png")); err != nil || fi.Size() < 10000 {
			t.Errorf("%s.png: %v", name, err)
		}
	}
	for _, want := range []string{"<h2>Provenance</h2>", "bifrac", "Split year 2019", "<table>", "table{border-collapse", "Who leads China's papers with each partner", "Poles (not given): China (CN) and United States (US)", "netview.js"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("index.html lacks %q", want)
		}
	}
}

// TestReportRenders renders the report page in headless Chromium (skips
// when it is not installed; CI does not install it). Set
// COAUTHNET_KEEP_SCREENSHOT=path to keep the screenshot and look at it.
func TestReportRenders(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium not installed: the page was not rendered")
	}
	dir := t.TempDir()
	if code, _, stderr := runCmd(t, "", "report", "--sample", "-o", dir); code != 0 {
		t.Fatal(stderr)
	}
	shot := filepath.Join(dir, "screenshot.png")
	cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir="+t.TempDir(),
		"--window-size=1100,3000", "--screenshot="+shot, "file://"+filepath.Join(dir, "index.html"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	if fi, err := os.Stat(shot); err != nil || fi.Size() < 50000 {
		t.Errorf("screenshot: %v", err)
	}
	if os.Getenv("COAUTHNET_KEEP_SCREENSHOT") != "" {
		os.WriteFile(os.Getenv("COAUTHNET_KEEP_SCREENSHOT"), mustRead(t, shot), 0o644)
	}
}

func mustRead(t *testing.T, path string) []byte {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
