package coauthbeam

import (
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/aggregate"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/internal/sample"
	"github.com/coauthnet/coauthnet/io/jsonl"
	parquetio "github.com/coauthnet/coauthnet/io/parquet"
)

func TestMain(m *testing.M) {
	beam.Init()
	os.Exit(m.Run())
}

func writeJSONL(t *testing.T, path string, ps []coauthnet.Paper, bad string) {
	t.Helper()
	var f io.WriteCloser
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(path, ".gz") {
		fh := f
		gz := gzip.NewWriter(fh)
		defer fh.Close()
		f = gz
	}
	w := jsonl.NewWriter(f)
	for i := range ps {
		if err := w.Write(&ps[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	io.WriteString(f, bad)
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func writeParquet(t *testing.T, path string, ps []coauthnet.Paper) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := parquetio.NewWriter(f)
	for i := range ps {
		if err := w.Write(&ps[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func near(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 1e-12*math.Max(math.Abs(a), math.Abs(b))
}

// TestPipelineEqualsCommand runs the pipeline on prism over 4,000
// generated papers in three files (JSON Lines with a bad line, gzipped
// JSON Lines, Parquet; 500 papers in two files) and compares its aggregate
// with what `coauthnet aggregate` writes for the same files: the same
// flags, inputs (names, sha256, formats, records), counts (records read
// and skipped, duplicates, graph.Stats), labels, years, nodes and edges,
// integers equal and weights to 1e-12 relative. At country level with
// a group, and at institution level.
func TestPipelineEqualsCommand(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "coauthnet")
	build := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-o", bin, "./cmd/coauthnet")
	build.Dir = ".." // the main module, with its own go.mod
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building coauthnet: %v\n%s", err, out)
	}
	ps := sample.Generate(sample.Config{Seed: 42, Papers: 4000})
	if len(ps) < 3500 {
		t.Fatalf("%d papers", len(ps))
	}
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	files := []string{filepath.Join(in, "a.jsonl"), filepath.Join(in, "b.jsonl.gz"), filepath.Join(in, "c.parquet")}
	writeJSONL(t, files[0], ps[:1500], "{\"id\": \"broken\", \"year\": \n")
	writeJSONL(t, files[1], ps[1500:2500], "")
	writeParquet(t, files[2], ps[2000:]) // 500 papers also in b.jsonl.gz

	for _, tc := range []struct {
		name string
		args []string
		opts aggregate.Options
	}{
		{"country", []string{"--group", "NORDIC=SE,DK,NO,FI"}, aggregate.Options{Graph: graph.Options{Groups: []graph.Group{{Name: "NORDIC", Members: []string{"SE", "DK", "NO", "FI"}}}}}},
		{"institution", []string{"--level", "institution", "--country-policy", "prc"}, aggregate.Options{Graph: graph.Options{Level: graph.Institutions}, Policy: coauthnet.PolicyPRC}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := filepath.Join(dir, tc.name+"-cmd.parquet")
			cmd := exec.Command(bin, append(append([]string{"aggregate", "-o", want}, tc.args...), files...)...)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("coauthnet aggregate: %v\n%s", err, out)
			}
			got := filepath.Join(dir, tc.name+"-beam.parquet")
			p, s := beam.NewPipelineWithRoot()
			if err := Build(s, Config{Inputs: []string{filepath.Join(in, "*")}, Out: got, Options: tc.opts}); err != nil {
				t.Fatal(err)
			}
			if _, err := prism.Execute(context.Background(), p); err != nil {
				t.Fatal(err)
			}
			compare(t, got, want)
		})
	}
}

func compare(t *testing.T, gotPath, wantPath string) {
	t.Helper()
	g, err := aggregate.ReadFile(gotPath)
	if err != nil {
		t.Fatal(err)
	}
	w, err := aggregate.ReadFile(wantPath)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(g.Flags) != fmt.Sprint(w.Flags) {
		t.Errorf("flags %v, want %v", g.Flags, w.Flags)
	}
	if fmt.Sprint(g.Inputs) != fmt.Sprint(w.Inputs) {
		t.Errorf("inputs %v, want %v", g.Inputs, w.Inputs)
	}
	for k, v := range w.Counts {
		if g.Counts[k] != v {
			t.Errorf("count %s: %d, want %d", k, g.Counts[k], v)
		}
	}
	for k, v := range g.Counts {
		if _, ok := w.Counts[k]; !ok {
			t.Errorf("count %s: %d, not in coauthnet's", k, v)
		}
	}
	if w.Counts["duplicates"] != 500 || w.Counts["records_skipped"] != 1 {
		t.Errorf("coauthnet counted %d duplicates and %d skipped, want 500 and 1 (as written)", w.Counts["duplicates"], w.Counts["records_skipped"])
	}
	gs, err := g.Series()
	if err != nil {
		t.Fatal(err)
	}
	ws, err := w.Series()
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(gs.Labels()) != fmt.Sprint(ws.Labels()) {
		t.Errorf("labels differ")
	}
	if fmt.Sprint(gs.Years()) != fmt.Sprint(ws.Years()) {
		t.Fatalf("years %v, want %v", gs.Years(), ws.Years())
	}
	edges := 0
	for _, y := range ws.Years() {
		gt, wt := gs.Table(y), ws.Table(y)
		if gt.Papers != wt.Papers || len(gt.Nodes) != len(wt.Nodes) || len(gt.Edges) != len(wt.Edges) {
			t.Fatalf("%d: papers, nodes, edges %d %d %d, want %d %d %d", y, gt.Papers, len(gt.Nodes), len(gt.Edges), wt.Papers, len(wt.Nodes), len(wt.Edges))
		}
		for i, wn := range wt.Nodes {
			gn := gt.Nodes[i]
			if gn.Key != wn.Key || gn.W.Papers != wn.W.Papers || gn.W.Intl != wn.W.Intl || !near(gn.W.Output, wn.W.Output) ||
				!near(gn.W.Domestic, wn.W.Domestic) || !near(gn.W.Lead, wn.W.Lead) || !near(gn.W.LeadIntl, wn.W.LeadIntl) {
				t.Fatalf("%d node %s %+v, want %s %+v", y, gn.Key, gn.W, wn.Key, wn.W)
			}
		}
		for i, we := range wt.Edges {
			ge := gt.Edges[i]
			ok := ge.Source == we.Source && ge.Target == we.Target && near(ge.Lead[0], we.Lead[0]) && near(ge.Lead[1], we.Lead[1]) && ge.W[graph.Full] == we.W[graph.Full]
			for c := range we.W {
				ok = ok && near(ge.W[c], we.W[c])
			}
			if !ok {
				t.Fatalf("%d edge %s-%s %v, want %s-%s %v", y, ge.Source, ge.Target, ge.W, we.Source, we.Target, we.W)
			}
			edges++
		}
	}
	if edges == 0 {
		t.Fatal("no edge compared")
	}
	t.Logf("%d yearly edges, %d nodes, %d papers used: equal", edges, len(gs.Labels()), gs.Stats().Used)
}
