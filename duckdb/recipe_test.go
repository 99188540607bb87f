package duckdb_test

import (
	"database/sql"
	"math"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/internal/sample"
	"github.com/coauthnet/coauthnet/io/parquet"
)

type edgeKey struct {
	year int
	a, b string
}

// TestBifracRecipe runs bifrac_country_edges.sql on the embedded sample
// written as canonical Parquet and compares every yearly edge with
// coauthnet's own counting (graph.Yearly, default options): the same
// edges, full counts equal, bifrac equal to 1e-12 relative.
func TestBifracRecipe(t *testing.T) {
	papers := samplePapers()
	path := filepath.Join(t.TempDir(), "papers.parquet")
	writeParquet(t, path, papers)

	got := runRecipe(t, path)

	want := map[edgeKey][2]float64{}
	s := graph.Yearly(papers, graph.Options{})
	for _, y := range s.Years() {
		g := s.At(y)
		for e := range g.Edges() {
			k := edgeKey{y, g.Label(e.From), g.Label(e.To)}
			want[k] = [2]float64{e.W[graph.Full], e.W[graph.BiFrac]}
		}
	}
	if len(want) == 0 {
		t.Fatal("coauthnet counted no edge on the sample")
	}
	if len(got) != len(want) {
		t.Errorf("DuckDB: %d yearly edges, coauthnet: %d", len(got), len(want))
	}
	bad := 0
	for k, w := range want {
		g, ok := got[k]
		if !ok {
			t.Errorf("%d %s-%s: missing in DuckDB's result", k.year, k.a, k.b)
			bad++
		} else if g[0] != w[0] || math.Abs(g[1]-w[1]) > 1e-12*math.Max(1, math.Abs(w[1])) {
			t.Errorf("%d %s-%s: DuckDB full %v bifrac %.17g, coauthnet %v %.17g", k.year, k.a, k.b, g[0], g[1], w[0], w[1])
			bad++
		}
		if bad > 10 {
			t.Fatal("too many differences")
		}
	}
}

func samplePapers() []coauthnet.Paper {
	gen := sample.New(sample.Config{})
	var papers []coauthnet.Paper
	for {
		p, ok := gen.Next()
		if !ok {
			return papers
		}
		papers = append(papers, p)
	}
}

func writeParquet(t *testing.T, path string, papers []coauthnet.Paper) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := parquet.NewWriter(f)
	for i := range papers {
		if err := w.Write(&papers[i]); err != nil {
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

func runRecipe(t *testing.T, path string) map[edgeKey][2]float64 {
	t.Helper()
	recipe, err := os.ReadFile("bifrac_country_edges.sql")
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // the variable lives in the connection
	if _, err := db.Exec("SET VARIABLE papers = ?", path); err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query(string(recipe))
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := map[edgeKey][2]float64{}
	for rows.Next() {
		var k edgeKey
		var full int64
		var bifrac float64
		if err := rows.Scan(&k.year, &k.a, &k.b, &full, &bifrac); err != nil {
			t.Fatal(err)
		}
		got[k] = [2]float64{float64(full), bifrac}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return got
}
