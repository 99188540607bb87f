package main

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	pq "github.com/parquet-go/parquet-go"
	"gonum.org/v1/gonum/graph/formats/gexf12"

	"github.com/coauthnet/coauthnet/internal/golden"
)

var exportExts = map[string]string{"graphml": ".graphml", "gexf": ".gexf", "pajek": ".net", "vosviewer": ".txt", "dot": ".dot", "csv": ".csv", "parquet": ".parquet"}

// TestExportGolden writes the worked example (docs/DESIGN.md §11, 2019-2020)
// in every format, the format chosen by the -o extension, with every
// analysis attached, and compares every file with its golden copy.
func TestExportGolden(t *testing.T) {
	for format, ext := range exportExts {
		dir := t.TempDir()
		args := []string{"build", "--attach", "centrality,communities", "-o", filepath.Join(dir, "worked"+ext), "testdata/worked.jsonl"}
		if format == "gexf" || format == "pajek" || format == "vosviewer" {
			args = append(args[:1], append([]string{"--layout", "eades"}, args[1:]...)...)
		}
		code, _, stderr := runCmd(t, "", args...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, stderr)
		}
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		want := map[string]int{"vosviewer": 2, "csv": 2, "parquet": 2, "pajek": 2}[format]
		if want == 0 {
			want = 1
		}
		if len(files) != want {
			t.Errorf("%s wrote %v, want %d files", format, files, want)
		}
		for _, f := range files {
			if format == "parquet" {
				continue // binary: checked by TestExportTables
			}
			golden.Check(t, "testdata/export/"+filepath.Base(f), mustRead(t, f))
		}
	}
}

// TestExportDeterministic writes the sample in every format with every
// analysis attached under GOMAXPROCS 1 and 4: the bytes must not change.
func TestExportDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	for format, ext := range exportExts {
		var runs []map[string][]byte
		for _, procs := range []int{1, 4} {
			dir := t.TempDir()
			old := runtime.GOMAXPROCS(procs)
			code, _, stderr := runCmd(t, "", "build", "--sample", "--attach", "centrality,communities,blocs", "--poles", "CN,US",
				"--layout", "eades", "-o", filepath.Join(dir, "s"+ext))
			runtime.GOMAXPROCS(old)
			if code != 0 {
				t.Fatalf("%s: exit %d: %s", format, code, stderr)
			}
			files, _ := filepath.Glob(filepath.Join(dir, "*"))
			m := map[string][]byte{}
			for _, f := range files {
				m[filepath.Base(f)] = mustRead(t, f)
			}
			runs = append(runs, m)
		}
		if len(runs[0]) == 0 || len(runs[0]) != len(runs[1]) {
			t.Fatalf("%s: files %d and %d", format, len(runs[0]), len(runs[1]))
		}
		for name, b := range runs[0] {
			if !bytes.Equal(b, runs[1][name]) {
				t.Errorf("%s: %s differs between GOMAXPROCS 1 and 4", format, name)
			}
		}
	}
}

// TestDynamicGEXFSample: with --by-year, --to gexf writes one dynamic
// graph whose attribute values cover every year of the sample.
func TestDynamicGEXFSample(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.gexf")
	code, _, stderr := runCmd(t, "", "build", "--sample", "--by-year", "--attach", "communities", "-o", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var d gexf12.Content
	if err := xml.Unmarshal(mustRead(t, path), &d); err != nil {
		t.Fatal(err)
	}
	if d.Graph.Mode != "dynamic" || d.Graph.Start != "2005" || d.Graph.End != "2024" {
		t.Errorf("graph %s %s-%s, want dynamic 2005-2024", d.Graph.Mode, d.Graph.Start, d.Graph.End)
	}
	years := map[string]int{}
	for _, n := range d.Graph.Nodes.Nodes {
		for _, a := range n.AttValues.AttValues {
			if a.For == "community" {
				years[a.Start]++
			}
		}
	}
	for y := 2005; y <= 2024; y++ {
		if years[strconv.Itoa(y)] == 0 {
			t.Errorf("no community values for %d", y)
		}
	}
	// CN is in every year of the sample: one spell 2005-2024.
	for _, n := range d.Graph.Nodes.Nodes {
		if n.ID == "CN" && (len(n.Spells.Spells) != 1 || n.Spells.Spells[0].Start != "2005" || n.Spells.Spells[0].End != "2024") {
			t.Errorf("CN spells %+v", n.Spells.Spells)
		}
	}
}

func readTSV(t *testing.T, path string) [][]string {
	r := csv.NewReader(bytes.NewReader(mustRead(t, path)))
	r.Comma = '\t'
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestVOSviewerLouvain: the cluster column of the VOSviewer map is the
// Louvain partition that coauthnet communities reports for the same
// year, resolution and seed.
func TestVOSviewerLouvain(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := runCmd(t, "", "build", "--sample", "--years", "2022", "--attach", "communities", "--seed", "3", "-o", filepath.Join(dir, "s.txt"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	code, out, stderr := runCmd(t, "", "communities", "--sample", "--years", "2022", "--seed", "3")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	comm := map[string]string{} // label → community
	rows, _ := csv.NewReader(strings.NewReader(out)).ReadAll()
	for _, r := range rows[1:] {
		comm[r[2]] = r[3]
	}
	m := readTSV(t, filepath.Join(dir, "s-map.txt"))
	col := slices.Index(m[0], "cluster")
	if col < 0 {
		t.Fatalf("no cluster column in %v", m[0])
	}
	clusters := map[string]bool{}
	for _, r := range m[1:] {
		if comm[r[1]] != r[col] {
			t.Errorf("%s: cluster %s, communities says %s", r[1], r[col], comm[r[1]])
		}
		clusters[r[col]] = true
	}
	if len(clusters) < 2 {
		t.Errorf("%d clusters in 2022; the sample plants two camps", len(clusters))
	}
	nw := readTSV(t, filepath.Join(dir, "s-network.txt"))
	for _, r := range nw {
		if len(r) != 3 {
			t.Fatalf("network line %v", r)
		}
		if s, err := strconv.ParseFloat(r[2], 64); err != nil || !(s > 0) {
			t.Errorf("strength %q", r[2])
		}
	}
}

// TestExportTables: the CSV and Parquet tables of build have the columns
// of coauthnet nodes and edges (plus the attached ones) and the same
// values.
func TestExportTables(t *testing.T) {
	dir := t.TempDir()
	for _, ext := range []string{".csv", ".parquet"} {
		code, _, stderr := runCmd(t, "", "build", "--years", "2019", "--attach", "communities", "-o", filepath.Join(dir, "w"+ext), "testdata/worked.jsonl")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
	}
	for _, kind := range []string{"nodes", "edges"} {
		_, out, _ := runCmd(t, "", kind, "--years", "2019", "--precision", "0", "testdata/worked.jsonl") // every digit, as GraphML
		want, _ := csv.NewReader(strings.NewReader(out)).ReadAll()
		got, err := csv.NewReader(bytes.NewReader(mustRead(t, filepath.Join(dir, "w-"+kind+".csv")))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %d rows, want %d", kind, len(got), len(want))
		}
		for i := range want {
			if !slices.Equal(got[i][:len(want[i])], want[i]) {
				t.Errorf("%s row %d: %v, want %v", kind, i, got[i], want[i])
			}
		}
		if kind == "nodes" && got[0][len(got[0])-1] != "community" {
			t.Errorf("nodes table lacks the attached community column: %v", got[0])
		}
		// Parquet: same columns, same values (text of the CSV parsed back).
		b := mustRead(t, filepath.Join(dir, "w-"+kind+".parquet"))
		f, err := pq.OpenFile(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, fl := range f.Schema().Fields() {
			names = append(names, fl.Name())
		}
		if !slices.Equal(names, got[0]) {
			t.Errorf("%s parquet columns %v, want %v", kind, names, got[0])
		}
		if v, _ := f.Lookup("records_read"); v != "4" {
			t.Errorf("%s parquet provenance records_read = %q, want 4", kind, v)
		}
		rows := make([]pq.Row, len(got))
		n, _ := pq.NewReader(f).ReadRows(rows)
		if n != len(got)-1 {
			t.Fatalf("%s parquet: %d rows, want %d", kind, n, len(got)-1)
		}
		for i, row := range rows[:n] {
			for j, v := range row {
				cellText := got[i+1][j]
				var s string
				switch {
				case v.IsNull():
				case v.Kind() == pq.Double:
					s = strconv.FormatFloat(v.Double(), 'g', -1, 64)
				case v.Kind() == pq.Int64:
					s = strconv.FormatInt(v.Int64(), 10)
				default:
					s = v.String()
				}
				if s != cellText {
					t.Errorf("%s parquet row %d %s = %q, CSV %q", kind, i, names[j], s, cellText)
				}
			}
		}
	}
}

func TestExportUsage(t *testing.T) {
	for _, args := range [][]string{
		{"build", "--sample", "--to", "svg"},
		{"build", "--sample", "--to", "csv"}, // two files to standard output
		{"build", "--sample", "--attach", "blocs"},
		{"build", "--sample", "--attach", "pagerank"},
		{"build", "--sample", "--blocs", "testdata/x.json"},
		{"build", "--sample", "--layout", "circle"},
		{"build", "--sample", "--by-year", "-o", "x.graphml"},
	} {
		if code, _, stderr := runCmd(t, "", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, stderr)
		}
	}
}

func TestMain(m *testing.M) {
	os.Exit(m.Run())
}

// TestAttachCentralityMeasures: --measures chooses the centralities
// --attach centrality writes into graph formats too (it used to write
// every measure whatever --measures said).
func TestAttachCentralityMeasures(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.graphml")
	code, _, stderr := runCmd(t, "", "build", "--sample", "--years", "2019", "--attach", "centrality", "--measures", "pagerank,degree", "-o", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{"degree": true, "pagerank": true, "strength": false, "betweenness": false, "eigenvector": false} {
		if got := strings.Contains(string(b), `attr.name="`+name+`"`); got != want {
			t.Errorf("column %s written %v, want %v", name, got, want)
		}
	}
}

// TestAttachBlocsChecksFirst: build --attach blocs checks its poles and
// reads its bloc file before reading the inputs, as blocs does: a bad
// --poles or an unreadable --blocs file is the one line of stderr, with
// no summary of a corpus read for nothing.
func TestAttachBlocsChecksFirst(t *testing.T) {
	out := filepath.Join(t.TempDir(), "b.graphml")
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--poles", "CN"}, 2, `--poles "CN": want two nodes`},
		{[]string{"--poles", "CN,CN"}, 2, "the two poles are the same node CN"},
		{[]string{"--poles", "CN,US", "--blocs", "nonexistent.json"}, 1, "nonexistent.json"},
	} {
		args := append([]string{"build", "--sample", "--attach", "blocs", "-o", out}, c.args...)
		code, _, stderr := runCmd(t, "", args...)
		if code != c.code || !strings.Contains(stderr, c.want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%q: exit %d, stderr %q; want exit %d and one line with %q", c.args, code, stderr, c.code, c.want)
		}
	}
}
