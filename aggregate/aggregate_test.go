package aggregate

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	pq "github.com/parquet-go/parquet-go"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/internal/sample"
)

// corpus returns n papers of the generator with seed, some institution
// names varied (a second spelling on every fifth affiliation of an
// institution with an id), so that naming institutions by their most
// frequent name is put to the test by sharding.
func corpus(seed uint64, n int) []coauthnet.Paper {
	ps := sample.Generate(sample.Config{Seed: seed, Papers: n})
	k := 0
	for i := range ps {
		for j := range ps[i].Authors {
			for m := range ps[i].Authors[j].Affiliations {
				af := &ps[i].Authors[j].Affiliations[m]
				if af.InstitutionID != "" {
					if k++; k%5 == 0 {
						af.Institution = strings.ToUpper(af.Institution)
					}
				}
			}
		}
	}
	return ps
}

func count(t testing.TB, ps []coauthnet.Paper, opts Options, idx []int) *Aggregate {
	t.Helper()
	c := graph.NewCounter(opts.Graph)
	for _, i := range idx {
		c.Add(&ps[i])
	}
	a, err := FromCounter(c, opts, map[string]int64{"records_read": int64(len(idx))}, []Input{{Name: fmt.Sprintf("part-%d", len(idx)), Read: int64(len(idx))}})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// roundTrip writes a and reads it back: every partial in the tests goes
// through the file format.
func roundTrip(t testing.TB, a *Aggregate) (*Aggregate, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := a.Write(&buf); err != nil {
		t.Fatal(err)
	}
	b, err := Read(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	return b, buf.Bytes()
}

func encode(t testing.TB, a *Aggregate) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := a.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func near(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 1e-12*math.Max(math.Abs(a), math.Abs(b))
}

// equalSeries compares two series year by year: the same years, papers,
// nodes with the same labels, integer weights equal, float weights to
// 1e-12 relative, and the same stats.
func equalSeries(t testing.TB, got, want *graph.Series) {
	t.Helper()
	if got.Stats() != want.Stats() {
		t.Errorf("stats %+v, want %+v", got.Stats(), want.Stats())
	}
	gl, wl := got.Labels(), want.Labels()
	if fmt.Sprint(gl) != fmt.Sprint(wl) {
		t.Errorf("labels differ:\n got %v\nwant %v", gl, wl)
	}
	if fmt.Sprint(got.Years()) != fmt.Sprint(want.Years()) {
		t.Fatalf("years %v, want %v", got.Years(), want.Years())
	}
	bad := 0
	for _, y := range want.Years() {
		g, w := got.Table(y), want.Table(y)
		if g.Papers != w.Papers || len(g.Nodes) != len(w.Nodes) || len(g.Edges) != len(w.Edges) {
			t.Fatalf("%d: %d papers, %d nodes, %d edges; want %d, %d, %d", y, g.Papers, len(g.Nodes), len(g.Edges), w.Papers, len(w.Nodes), len(w.Edges))
		}
		for i, wn := range w.Nodes {
			gn := g.Nodes[i]
			if gn.Key != wn.Key || gn.W.Papers != wn.W.Papers || gn.W.Intl != wn.W.Intl || !near(gn.W.Output, wn.W.Output) ||
				!near(gn.W.Domestic, wn.W.Domestic) || !near(gn.W.Lead, wn.W.Lead) || !near(gn.W.LeadIntl, wn.W.LeadIntl) {
				t.Errorf("%d node %s: %+v, want %s %+v", y, gn.Key, gn.W, wn.Key, wn.W)
				bad++
			}
		}
		for i, we := range w.Edges {
			ge := g.Edges[i]
			ok := ge.Source == we.Source && ge.Target == we.Target && near(ge.Lead[0], we.Lead[0]) && near(ge.Lead[1], we.Lead[1])
			for c := range we.W {
				ok = ok && near(ge.W[c], we.W[c])
			}
			if ge.W[graph.Full] != we.W[graph.Full] {
				ok = false
			}
			if !ok {
				t.Errorf("%d edge %s-%s: %v %v, want %s-%s %v %v", y, ge.Source, ge.Target, ge.W, ge.Lead, we.Source, we.Target, we.W, we.Lead)
				bad++
			}
		}
		if bad > 10 {
			t.Fatal("too many differences")
		}
	}
}

// TestMergeShardings is the exactness property: over random shardings of
// a corpus (1 to 16 shards, each paper assigned to a shard at random),
// the merge of the shards' aggregates equals the aggregate of the whole
// to 1e-12 relative on every weight (integers exactly), and its bytes do
// not depend on the order the partials are given.
// TestWriteTo: WriteTo writes the bytes of Write (encoded apart into
// a buffer) and returns their number; into a writer that fails, the
// error comes back with the bytes it took.
func TestWriteTo(t *testing.T) {
	a := count(t, corpus(3, 200), Options{}, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	want := encode(t, a)
	var buf bytes.Buffer
	n, err := a.WriteTo(&buf)
	if err != nil || n != int64(len(want)) || !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("WriteTo: %d bytes, %v; want the %d bytes of Write", n, err, len(want))
	}
	fw := &failWriter{after: 100}
	if n, err := a.WriteTo(fw); err == nil || n != 100 {
		t.Errorf("into a writer failing after 100 bytes: %d bytes, %v; want 100 and an error", n, err)
	}
}

// failWriter takes after bytes, then fails.
type failWriter struct{ after int }

func (f *failWriter) Write(p []byte) (int, error) {
	n := min(len(p), f.after)
	f.after -= n
	if n < len(p) {
		return n, errors.New("full")
	}
	return n, nil
}

func TestMergeShardings(t *testing.T) {
	ps := corpus(7, 3000)
	all := make([]int, len(ps))
	for i := range all {
		all[i] = i
	}
	rng := rand.New(rand.NewPCG(18, 1))
	for _, level := range []graph.Level{graph.Countries, graph.Institutions} {
		opts := Options{Graph: graph.Options{Level: level, Groups: []graph.Group{{Name: "NORDIC", Members: []string{"SE", "DK", "NO", "FI"}}}}}
		if level == graph.Institutions {
			opts.Graph.Groups = nil
		}
		whole, _ := roundTrip(t, count(t, ps, opts, all))
		want, err := whole.Series()
		if err != nil {
			t.Fatal(err)
		}
		for trial := range 5 {
			k := 1 + rng.IntN(16)
			if trial == 0 {
				k = 16
			}
			shards := make([][]int, k)
			for i := range ps {
				s := rng.IntN(k)
				shards[s] = append(shards[s], i)
			}
			var parts []*Aggregate
			for _, idx := range shards {
				p, _ := roundTrip(t, count(t, ps, opts, idx))
				parts = append(parts, p)
			}
			m, err := Merge(parts...)
			if err != nil {
				t.Fatal(err)
			}
			merged, mb := roundTrip(t, m)
			got, err := merged.Series()
			if err != nil {
				t.Fatal(err)
			}
			t.Run(fmt.Sprintf("%s/%d-shards", level, k), func(t *testing.T) {
				equalSeries(t, got, want)
				if merged.Counts["parts"] != int64(k) || merged.Counts["records_read"] != int64(len(ps)) {
					t.Errorf("parts %d, records_read %d; want %d, %d", merged.Counts["parts"], merged.Counts["records_read"], k, len(ps))
				}
				// The same partials in another order: the same bytes.
				rng.Shuffle(len(parts), func(i, j int) { parts[i], parts[j] = parts[j], parts[i] })
				m2, err := Merge(parts...)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(encode(t, m2), mb) {
					t.Error("merging the partials in another order gives other bytes")
				}
			})
		}
	}
}

// TestMergeOrderIndependentSums checks the summation rule on values
// where floating-point addition is not associative: (1e16 + 1) + -1e16
// is 0 in float64 but 1 the other way; Merge gives the same result for
// every order of three partials.
func TestMergeOrderIndependentSums(t *testing.T) {
	mk := func(v float64) *Aggregate {
		a := &Aggregate{Flags: map[string]string{"level": "country"}, Counts: map[string]int64{}, Nodes: map[string]*Node{"CN": {Name: "China", Country: "CN"}, "US": {Name: "United States", Country: "US"}}}
		e := graph.EdgeRow{Source: "CN", Target: "US"}
		e.W[graph.BiFrac] = v
		e.W[graph.Full] = 1
		a.Years = []graph.YearTable{{Year: 2019, Papers: 1, Nodes: []graph.NodeRow{{Key: "CN", W: graph.NodeWeights{Papers: 1}}, {Key: "US", W: graph.NodeWeights{Papers: 1}}}, Edges: []graph.EdgeRow{e}}}
		return a
	}
	vs := []float64{1e16, 1, -1e16}
	var first []byte
	for _, perm := range [][3]int{{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}} {
		m, err := Merge(mk(vs[perm[0]]), mk(vs[perm[1]]), mk(vs[perm[2]]))
		if err != nil {
			t.Fatal(err)
		}
		b := encode(t, m)
		if first == nil {
			first = b
			// Ascending order: (-1e16 + 1) + 1e16 = 0 in float64
			// (-1e16 + 1 rounds to -1e16: the spacing there is 2).
			if got := m.Years[0].Edges[0].W[graph.BiFrac]; got != 0 {
				t.Errorf("bifrac %v, want 0 (ascending order of summation)", got)
			}
		} else if !bytes.Equal(b, first) {
			t.Errorf("order %v gives other bytes", perm)
		}
	}
}

func TestMergeRefusesDifferentFlags(t *testing.T) {
	ps := corpus(3, 300)
	idx := []int{0, 1, 2, 3, 4, 5}
	a := count(t, ps, Options{}, idx)
	b := count(t, ps, Options{Graph: graph.Options{KeepUnknown: true}}, idx)
	_, err := Merge(a, b)
	if !errors.Is(err, ErrFlags) || !strings.Contains(err.Error(), `unknown "drop", part 2 has "node"`) {
		t.Errorf("merge of --unknown drop and node: %v", err)
	}
	c := count(t, ps, Options{Policy: coauthnet.PolicyPRC}, idx)
	if _, err := Merge(a, c); !errors.Is(err, ErrFlags) || !strings.Contains(err.Error(), "country_policy") {
		t.Errorf("merge of two country policies: %v", err)
	}
	a.Inputs[0].SHA256 = "e3b0c442"
	d := count(t, ps, Options{}, idx)
	d.Inputs[0].SHA256 = "e3b0c442"
	if _, err := Merge(a, d); !errors.Is(err, ErrSameInput) || !strings.Contains(err.Error(), "counted in part 1 and in part 2") {
		t.Errorf("merge of one input counted twice: %v", err)
	}
	if _, err := FromCounter(graph.NewCounter(graph.Options{Impact: true}), Options{Graph: graph.Options{Impact: true}}, nil, nil); err == nil {
		t.Error("an aggregate with --impact was made")
	}
}

func TestReadRefusesOtherSchema(t *testing.T) {
	a := count(t, corpus(3, 200), Options{}, []int{0, 1, 2})
	b := encode(t, a)
	// The schema row is the first: rewrite it through the row type.
	var buf bytes.Buffer
	rows := readRows(t, b)
	rows[0].Value = "2"
	writeRows(t, &buf, rows)
	_, err := Read(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err == nil || !strings.Contains(err.Error(), `schema version "2"`) {
		t.Errorf("schema 2: %v", err)
	}
	// A truncated file: an error, not a panic.
	if _, err := Read(bytes.NewReader(b[:len(b)/2]), int64(len(b)/2)); err == nil {
		t.Error("a truncated aggregate was read")
	}
	if Is(bytes.NewReader(b[:len(b)/2]), int64(len(b)/2)) {
		t.Error("a truncated aggregate is taken for one")
	}
	if !Is(bytes.NewReader(b), int64(len(b))) {
		t.Error("an aggregate is not recognised")
	}
}

// FuzzRead holds Read to its contract: an error, never a panic.
func FuzzRead(f *testing.F) {
	f.Add(encode(f, count(f, corpus(3, 100), Options{}, []int{0, 1, 2, 3})))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := Read(bytes.NewReader(b), int64(len(b)))
		if err == nil {
			if _, err := a.Series(); err != nil {
				return
			}
		}
	})
}

func readRows(t testing.TB, b []byte) []row {
	t.Helper()
	r := pq.NewGenericReader[row](bytes.NewReader(b))
	rows := make([]row, r.NumRows())
	if n, err := r.Read(rows); n != len(rows) && err != nil {
		t.Fatal(err)
	}
	return rows
}

func writeRows(t testing.TB, w *bytes.Buffer, rows []row) {
	t.Helper()
	pw := pq.NewGenericWriter[row](w)
	if _, err := pw.Write(rows); err != nil {
		t.Fatal(err)
	}
	if err := pw.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestSevenWays300k is the acceptance check at scale: 300,000
// generated papers (streamed, never held) split 7 ways by a hash of their
// id, counted per part and merged, give the series of a single pass —
// the same years, nodes and edges, every weight to 1e-12 relative — and
// the graph over all years (what build writes) too, whichever order the
// parts are given. Skipped with -short.
func TestSevenWays300k(t *testing.T) {
	if testing.Short() {
		t.Skip("300,000 papers")
	}
	opts := Options{}
	whole := graph.NewCounter(opts.Graph)
	shards := make([]*graph.Counter, 7)
	for i := range shards {
		shards[i] = graph.NewCounter(opts.Graph)
	}
	gen := sample.New(sample.Config{Seed: 300, Papers: 300_000})
	n := 0
	for {
		p, ok := gen.Next()
		if !ok {
			break
		}
		n++
		whole.Add(&p)
		h := uint64(14695981039346656037) // FNV-1a of the id
		for _, c := range []byte(p.ID) {
			h = (h ^ uint64(c)) * 1099511628211
		}
		shards[h%7].Add(&p)
	}
	if n < 290_000 {
		t.Fatalf("generator gave %d papers, want about 300,000", n)
	}
	wa, err := FromCounter(whole, opts, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := wa.Series()
	var parts []*Aggregate
	for _, c := range shards {
		a, err := FromCounter(c, opts, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		a, _ = roundTrip(t, a)
		parts = append(parts, a)
	}
	var first []byte
	for _, order := range [][]int{{0, 1, 2, 3, 4, 5, 6}, {6, 5, 4, 3, 2, 1, 0}, {3, 0, 6, 1, 5, 2, 4}} {
		ps := make([]*Aggregate, 7)
		for i, j := range order {
			ps[i] = parts[j]
		}
		m, err := Merge(ps...)
		if err != nil {
			t.Fatal(err)
		}
		b := encode(t, m)
		if first == nil {
			first = b
		} else if !bytes.Equal(b, first) {
			t.Errorf("order %v: other bytes", order)
		}
		got, err := m.Series()
		if err != nil {
			t.Fatal(err)
		}
		equalSeries(t, got, want)
		// The graph over all years, as build writes it.
		g, w := got.Range(got.Span()), want.Range(want.Span())
		if g.Len() != w.Len() || g.NumEdges() != w.NumEdges() || g.Papers() != w.Papers() {
			t.Fatalf("all years: %v %d papers, want %v %d", g, g.Papers(), w, w.Papers())
		}
		for i := range w.NumEdges() {
			ge, we := g.Edge(i), w.Edge(i)
			for c := range we.W {
				if ge.From != we.From || ge.To != we.To || !near(ge.W[c], we.W[c]) {
					t.Fatalf("all years edge %d: %+v, want %+v", i, ge, we)
				}
			}
		}
		for v := range w.Len() {
			if g.Label(v) != w.Label(v) || !near(g.Node(v).Output, w.Node(v).Output) || g.Node(v).Papers != w.Node(v).Papers {
				t.Fatalf("all years node %d: %s %+v, want %s %+v", v, g.Label(v), g.Node(v), w.Label(v), w.Node(v))
			}
		}
	}
}
