package duckdb_test

import (
	"database/sql"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet/aggregate"
	"github.com/coauthnet/coauthnet/graph"
)

// partials counts the sample in n shards (paper i in shard i mod n) and
// writes each shard's aggregate into dir.
func partials(t *testing.T, dir string, n int, opts aggregate.Options) {
	t.Helper()
	papers := samplePapers()
	cs := make([]*graph.Counter, n)
	for i := range cs {
		cs[i] = graph.NewCounter(opts.Graph)
	}
	for i := range papers {
		cs[i%n].Add(&papers[i])
	}
	for i, c := range cs {
		a, err := aggregate.FromCounter(c, opts, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := a.WriteFile(filepath.Join(dir, fmt.Sprintf("part-%d.parquet", i))); err != nil {
			t.Fatal(err)
		}
	}
}

func runAggregateRecipe(db *sql.DB, glob string) (map[edgeKey]graph.Weights, error) {
	recipe, err := os.ReadFile("aggregate_edges.sql")
	if err != nil {
		return nil, err
	}
	if _, err := db.Exec("SET VARIABLE parts = ?", glob); err != nil {
		return nil, err
	}
	rows, err := db.Query(string(recipe))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	got := map[edgeKey]graph.Weights{}
	for rows.Next() {
		var k edgeKey
		var full int64
		var w graph.Weights
		var ls, lt float64
		if err := rows.Scan(&k.year, &k.a, &k.b, &full, &w[graph.BiFrac], &w[graph.Frac], &w[graph.Share], &ls, &lt); err != nil {
			return nil, err
		}
		w[graph.Full] = float64(full)
		got[k] = w
	}
	return got, rows.Err()
}

// TestAggregateRecipe sums 5 partial aggregates of the sample with
// aggregate_edges.sql and compares every yearly edge with coauthnet's
// single-pass count of the whole sample (graph.Yearly): the same edges,
// full equal, bifrac, frac and share to 1e-12 relative. Partials counted
// with different flags make the recipe fail.
func TestAggregateRecipe(t *testing.T) {
	dir := t.TempDir()
	partials(t, dir, 5, aggregate.Options{})
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	got, err := runAggregateRecipe(db, filepath.Join(dir, "*.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	s := graph.Yearly(samplePapers(), graph.Options{})
	n := 0
	for _, y := range s.Years() {
		g := s.At(y)
		for e := range g.Edges() {
			n++
			k := edgeKey{y, g.Label(e.From), g.Label(e.To)}
			w, ok := got[k]
			if !ok {
				t.Fatalf("%v: missing in DuckDB's sum", k)
			}
			for c := range w {
				if w[c] != e.W[c] && math.Abs(w[c]-e.W[c]) > 1e-12*math.Abs(e.W[c]) {
					t.Fatalf("%v %s: DuckDB %.17g, coauthnet %.17g", k, graph.Counting(c), w[c], e.W[c])
				}
			}
		}
	}
	if n == 0 || len(got) != n {
		t.Errorf("DuckDB: %d yearly edges, coauthnet %d", len(got), n)
	}

	other := t.TempDir()
	partials(t, other, 1, aggregate.Options{Graph: graph.Options{KeepUnknown: true}})
	b, err := os.ReadFile(filepath.Join(dir, "part-0.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(other, "part-1.parquet"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = runAggregateRecipe(db, filepath.Join(other, "*.parquet"))
	if err == nil || !strings.Contains(err.Error(), "different flags") {
		t.Errorf("partials with different flags: %v", err)
	}
}
