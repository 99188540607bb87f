package aggregate

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/internal/sample"
)

// part counts papers into an aggregate whose one input is named name.
func part(t *testing.T, papers []coauthnet.Paper, opts graph.Options, name string) *Aggregate {
	t.Helper()
	s := graph.Yearly(papers, opts)
	return &Aggregate{Flags: "level=" + opts.Level.String(), Program: "test", Series: s,
		Summary: Summary{Read: len(papers), Reasons: map[string]int{}, Inputs: []Input{{Name: name, SHA256: fmt.Sprintf("%x", sha256.Sum256([]byte(name))), Format: "jsonl", Records: len(papers)}}}}
}

func encode(t *testing.T, a *Aggregate) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, a); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func decode(t *testing.T, b []byte) *Aggregate {
	t.Helper()
	a, err := Read(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestRoundTrip: Read(Write(a)) has the same series, summary and flags.
func TestRoundTrip(t *testing.T) {
	papers := sample.Generate(sample.Config{Papers: 4000, Seed: 11})
	for _, level := range []graph.Level{graph.Countries, graph.Institutions} {
		a := part(t, papers, graph.Options{Level: level, KeepUnknown: true}, "all")
		a.Summary.Reasons["bad JSON"] = 3
		a.Summary.Skipped, a.Summary.Duplicates = 3, 2
		enc := encode(t, a)
		if !Detect(bytes.NewReader(enc), int64(len(enc))) {
			t.Error("Detect: an aggregate not recognised")
		}
		b := decode(t, enc)
		if b.Flags != a.Flags || b.Program != "test" {
			t.Errorf("flags %q program %q", b.Flags, b.Program)
		}
		if fmt.Sprint(b.Summary) != fmt.Sprint(a.Summary) {
			t.Errorf("summary %+v, want %+v", b.Summary, a.Summary)
		}
		if !equalSeries(t, b.Series, a.Series, 0) {
			t.Errorf("level %v: series differs after a round trip", level)
		}
	}
}

// equalSeries compares two series: same nodes (keys, names, countries),
// years, papers and stats, and every weight within tol relative.
func equalSeries(t *testing.T, got, want *graph.Series, tol float64) bool {
	t.Helper()
	g, w := got.Data(), want.Data()
	if g.Level != w.Level || g.Stats != w.Stats || len(g.Nodes) != len(w.Nodes) || len(g.Years) != len(w.Years) {
		t.Logf("level %v/%v stats %+v/%+v nodes %d/%d years %d/%d", g.Level, w.Level, g.Stats, w.Stats, len(g.Nodes), len(w.Nodes), len(g.Years), len(w.Years))
		return false
	}
	for i := range g.Nodes {
		if g.Nodes[i] != w.Nodes[i] {
			t.Logf("node %d: %+v, want %+v", i, g.Nodes[i], w.Nodes[i])
			return false
		}
	}
	near := func(a, b float64) bool { return math.Abs(a-b) <= tol*math.Max(math.Abs(a), math.Abs(b)) }
	for i := range g.Years {
		gy, wy := g.Years[i], w.Years[i]
		if gy.Year != wy.Year || gy.Papers != wy.Papers || len(gy.Nodes) != len(wy.Nodes) || len(gy.Edges) != len(wy.Edges) {
			t.Logf("year %d/%d: papers %d/%d nodes %d/%d edges %d/%d", gy.Year, wy.Year, gy.Papers, wy.Papers, len(gy.Nodes), len(wy.Nodes), len(gy.Edges), len(wy.Edges))
			return false
		}
		for j := range gy.Nodes {
			a, b := gy.Nodes[j], wy.Nodes[j]
			if a.Node != b.Node || a.W.Papers != b.W.Papers || a.W.Intl != b.W.Intl || !near(a.W.Output, b.W.Output) ||
				!near(a.W.Domestic, b.W.Domestic) || !near(a.W.Lead, b.W.Lead) || !near(a.W.LeadIntl, b.W.LeadIntl) {
				t.Logf("year %d node %d: %+v, want %+v", gy.Year, j, a, b)
				return false
			}
		}
		for j := range gy.Edges {
			a, b := gy.Edges[j], wy.Edges[j]
			ok := a.A == b.A && a.B == b.B && near(a.Lead[0], b.Lead[0]) && near(a.Lead[1], b.Lead[1])
			for c := range a.W {
				ok = ok && near(a.W[c], b.W[c])
			}
			if !ok {
				t.Logf("year %d edge %d: %+v, want %+v", gy.Year, j, a, b)
				return false
			}
		}
	}
	return true
}

// TestMergeEqualsWhole is the property of issue 18: for random shardings
// of a corpus (1 to 16 shards, each paper assigned at random), merging
// the shards' aggregates (written and read back) equals the aggregate of
// the whole corpus, every weight to 1e-12 relative, counts exactly; and
// the merged file's bytes do not depend on the order of the parts.
func TestMergeEqualsWhole(t *testing.T) {
	papers := sample.Generate(sample.Config{Papers: 4000, Seed: 12})
	papers = append(papers, sample.Institutions(sample.InstitutionsConfig{Papers: 2000, Institutions: 800, Seed: 2})...)
	rng := rand.New(rand.NewPCG(18, 18))
	trials := 8
	if testing.Short() {
		trials = 3
	}
	for trial := 0; trial < trials; trial++ {
		level := graph.Level(trial % 2)
		opts := graph.Options{Level: level, KeepUnknown: trial%3 == 0, Leader: graph.Leader(trial % 2)}
		k := 1 + rng.IntN(16)
		shards := make([][]coauthnet.Paper, k)
		for i := range papers {
			s := rng.IntN(k)
			shards[s] = append(shards[s], papers[i])
		}
		var parts []*Aggregate
		for i, sh := range shards {
			if len(sh) == 0 {
				continue
			}
			parts = append(parts, decode(t, encode(t, part(t, sh, opts, fmt.Sprintf("shard-%02d", i)))))
		}
		m, err := Merge(parts)
		if err != nil {
			t.Fatal(err)
		}
		whole := graph.Yearly(papers, opts)
		if !equalSeries(t, m.Series, whole, 1e-12) {
			t.Fatalf("trial %d (%d shards, %v): merge differs from the whole", trial, k, opts.Level)
		}
		if m.Summary.Read != len(papers) || len(m.Summary.Inputs) != len(parts) {
			t.Errorf("summary %+v", m.Summary)
		}
		want := encode(t, m)
		rng.Shuffle(len(parts), func(i, j int) { parts[i], parts[j] = parts[j], parts[i] })
		m2, err := Merge(parts)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(encode(t, m2), want) {
			t.Fatalf("trial %d: merged bytes depend on the order of the parts", trial)
		}
	}
}

func TestMergeRefuses(t *testing.T) {
	papers := sample.Generate(sample.Config{Papers: 500, Seed: 13})
	a := part(t, papers[:250], graph.Options{}, "a")
	b := part(t, papers[250:], graph.Options{}, "b")
	c := part(t, papers[250:], graph.Options{Level: graph.Institutions}, "c")
	if _, err := Merge([]*Aggregate{a, c}); !errors.Is(err, ErrFlags) {
		t.Errorf("different flags: %v", err)
	}
	b2 := part(t, papers[250:], graph.Options{}, "b")
	if _, err := Merge([]*Aggregate{b, a, b2}); !errors.Is(err, ErrOverlap) {
		t.Errorf("same input twice: %v", err)
	}
	if Detect(bytes.NewReader([]byte(`{"id":"x","year":2020}`)), 22) {
		t.Error("Detect: JSON taken for an aggregate")
	}
	if _, err := Read(bytes.NewReader([]byte("PAR1 not parquet")), 16); !errors.Is(err, ErrNotAggregate) {
		t.Errorf("not parquet: %v", err)
	}
	imp := graph.Yearly(papers, graph.Options{Impact: true})
	if err := Write(&bytes.Buffer{}, &Aggregate{Series: imp}); !errors.Is(err, ErrImpact) && imp.Stats().Cited > 0 {
		t.Errorf("impact: %v", err)
	}
}

// FuzzRead: bad input never panics and never yields an aggregate that
// does not make a valid series (Read returns an error instead).
func FuzzRead(f *testing.F) {
	papers := sample.Generate(sample.Config{Papers: 200, Seed: 5})
	s := graph.Yearly(papers, graph.Options{})
	var buf bytes.Buffer
	if err := Write(&buf, &Aggregate{Flags: "level=country", Series: s, Summary: Summary{Reasons: map[string]int{"x": 1}}}); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("PAR1"))
	f.Add(append([]byte("PAR1"), make([]byte, 64)...))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := Read(bytes.NewReader(b), int64(len(b)))
		if err == nil && a.Series == nil {
			t.Fatal("no error and no series")
		}
		Detect(bytes.NewReader(b), int64(len(b)))
	})
}
