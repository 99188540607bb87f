package community

import (
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
	for _, c := range truth.Partners {
		want[c] = "partner"
	}
	for _, c := range truth.Competitors {
		want[c] = "competitor"
	}
	for _, c := range truth.Hedgers {
		want[c] = "hedger"
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
