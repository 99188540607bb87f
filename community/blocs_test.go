package community

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/internal/sample"
)

// TestInferBlocsSample: on the embedded sample and four more seeds the
// inferred blocs match the planted ones for at least 90% of the
// classified countries, at most 10% are left unclassified, and the
// detected CN–US peak is the planted year.
func TestInferBlocsSample(t *testing.T) {
	truth := sample.GetTruth()
	want := map[string]string{}
	for _, c := range append(append(append([]string{}, truth.Partners...), truth.Competitors...), truth.Hedgers...) {
		want[c] = truth.Bloc(c)
	}
	for _, seed := range []uint64{1, 2, 3, 4, 5} {
		s := graph.Yearly(sample.Generate(sample.Config{Seed: seed}), graph.Options{})
		b, err := InferBlocs(s, BlocOptions{Focal: "CN", Rival: "US"})
		if err != nil {
			t.Fatal(err)
		}
		if b.Peak != truth.Peak {
			t.Errorf("seed %d: peak %d, planted %d", seed, b.Peak, truth.Peak)
		}
		ok := 0
		for _, a := range b.Assignments {
			if want[a.Node] == a.Bloc {
				ok++
			} else {
				t.Logf("seed %d: %s planted %s, inferred %s (Δ %.2f, confidence %.2f)", seed, a.Node, want[a.Node], a.Bloc, a.LeanEnd-a.LeanStart, a.Confidence)
			}
		}
		n := len(b.Assignments)
		t.Logf("seed %d: window %v, %d of %d right, unclassified %v", seed, b.Window, ok, n, b.Unclassified)
		if float64(ok) < 0.9*float64(n) || len(b.Unclassified) > len(want)/10 {
			t.Errorf("seed %d: %d of %d right, %d unclassified", seed, ok, n, len(b.Unclassified))
		}
	}
}

func TestInferBlocsDegenerate(t *testing.T) {
	one := coauthnet.Paper{ID: "a", Year: 2020, Authors: []coauthnet.Author{{Affiliations: []coauthnet.Affiliation{{Country: "CN"}}}}}
	s := graph.Yearly([]coauthnet.Paper{one}, graph.Options{})
	if _, err := InferBlocs(s, BlocOptions{Focal: "CN", Rival: "US"}); err == nil {
		t.Error("absent pole: no error")
	}
	if _, err := InferBlocs(s, BlocOptions{Focal: "CN", Rival: "CN"}); err == nil {
		t.Error("same poles: no error")
	}
	s = graph.Yearly(sample.Generate(sample.Config{Papers: 3000}), graph.Options{})
	if _, err := InferBlocs(s, BlocOptions{Focal: "CN", Rival: "US", Since: 2024}); err == nil {
		t.Error("one-year window: no error")
	}
}

// TestBifurcationDirection: on the sample, whose blocs are planted to
// separate after 2019, the crossing share falls and the two-bloc
// modularity rises from 2016–2019 to 2021–2024; on a stationary corpus
// (the same collaboration probabilities every year) they change by less
// than the separation does.
func TestBifurcationDirection(t *testing.T) {
	truth := sample.GetTruth()
	bloc := map[string]string{}
	for _, c := range truth.Partners {
		bloc[c] = "partner"
	}
	for _, c := range truth.Competitors {
		bloc[c] = "competitor"
	}
	means := func(ix []Indices, from, to int) (q, cross float64) {
		n := 0.0
		for _, x := range ix {
			if x.Year >= from && x.Year <= to {
				q += x.Modularity
				cross += x.CrossShare
				n++
			}
		}
		return q / n, cross / n
	}
	ix, notes := Bifurcation(graph.Yearly(sample.Generate(sample.Config{}), graph.Options{}), "CN", "US", bloc)
	if len(ix) != 20 || len(notes) != 0 {
		t.Fatalf("%d years, notes %v", len(ix), notes)
	}
	q0, c0 := means(ix, 2016, 2019)
	q1, c1 := means(ix, 2021, 2024)
	t.Logf("sample: modularity %.3f → %.3f, cross share %.3f → %.3f", q0, q1, c0, c1)
	if !(q1 > q0+0.05 && c1 < c0-0.05) {
		t.Errorf("sample does not separate: modularity %.3f → %.3f, cross share %.3f → %.3f", q0, q1, c0, c1)
	}
	for _, x := range ix {
		if x.Modularity < -0.5 || x.Modularity > 1 || math.Abs(x.EI-(2*x.CrossShare-1)) > 1e-12 || !(x.Fiedler >= 0 && x.Fiedler <= 2) {
			t.Errorf("%d: out of range %+v", x.Year, x)
		}
	}
	// Stationary: 20 countries, two nominal sides, same mixing every year.
	rng := rand.New(rand.NewPCG(9, 9))
	codes := coauthnet.Countries()
	var ps []coauthnet.Paper
	for y := 2010; y <= 2020; y++ {
		for i := 0; i < 1500; i++ {
			p := coauthnet.Paper{ID: fmt.Sprint(y, i), Year: y}
			for a := 0; a < 2; a++ {
				p.Authors = append(p.Authors, coauthnet.Author{Affiliations: []coauthnet.Affiliation{{Country: codes[rng.IntN(20)].Code}}})
			}
			ps = append(ps, p)
		}
	}
	side := map[string]string{}
	for i := 1; i < 20; i++ {
		if i%2 == 0 {
			side[codes[i].Code] = "partner"
		} else {
			side[codes[i].Code] = "competitor"
		}
	}
	ix, _ = Bifurcation(graph.Yearly(ps, graph.Options{}), codes[0].Code, codes[1].Code, side)
	q0, c0 = means(ix, 2010, 2013)
	q1, c1 = means(ix, 2017, 2020)
	t.Logf("stationary: modularity %.3f → %.3f, cross share %.3f → %.3f", q0, q1, c0, c1)
	if math.Abs(q1-q0) > 0.02 || math.Abs(c1-c0) > 0.02 {
		t.Errorf("stationary corpus drifts: modularity %.3f → %.3f, cross share %.3f → %.3f", q0, q1, c0, c1)
	}
}

func TestFiedlerTriangle(t *testing.T) {
	// Three countries, one two-author paper per pair: bifrac 1 on every
	// edge, output 1 per node, so intensity 1 on every edge. The
	// normalised Laplacian of a triangle with equal weights has
	// eigenvalues 0, 3/2, 3/2 (I − A/2): Fiedler value 1.5.
	pair := func(id, a, b string) coauthnet.Paper {
		return coauthnet.Paper{ID: id, Year: 2020, Authors: []coauthnet.Author{
			{Affiliations: []coauthnet.Affiliation{{Country: a}}}, {Affiliations: []coauthnet.Affiliation{{Country: b}}}}}
	}
	g := graph.Build([]coauthnet.Paper{pair("1", "AT", "BE"), pair("2", "BE", "CH"), pair("3", "AT", "CH")}, graph.Options{})
	if f := fiedler(g); math.Abs(f-1.5) > 1e-12 {
		t.Errorf("Fiedler = %v, want 1.5", f)
	}
}

func TestBifurcationNotes(t *testing.T) {
	pair := func(id string, y int, a, b string) coauthnet.Paper {
		return coauthnet.Paper{ID: id, Year: y, Authors: []coauthnet.Author{
			{Affiliations: []coauthnet.Affiliation{{Country: a}}}, {Affiliations: []coauthnet.Affiliation{{Country: b}}}}}
	}
	s := graph.Yearly([]coauthnet.Paper{
		pair("1", 2020, "CN", "US"), pair("2", 2020, "CN", "PK"),
		pair("3", 2021, "CN", "CN"), pair("4", 2021, "US", "US"), // no international paper
		pair("5", 2022, "CN", "PK"), // US absent
	}, graph.Options{})
	ix, notes := Bifurcation(s, "CN", "US", map[string]string{"PK": "partner"})
	if len(ix) != 1 || ix[0].Year != 2020 || len(notes) != 2 {
		t.Fatalf("indices %+v, notes %q", ix, notes)
	}
	if !strings.Contains(notes[0], "2021: no collaboration") || !strings.Contains(notes[1], "2022: US has no papers") {
		t.Errorf("notes %q", notes)
	}
	// 2020: CN–US crosses (1), CN–PK within A (1): cross share 1/2.
	if ix[0].CrossShare != 0.5 || ix[0].EI != 0 {
		t.Errorf("2020: %+v", ix[0])
	}
}
