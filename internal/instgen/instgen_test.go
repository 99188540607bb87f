package instgen

import (
	"reflect"
	"testing"
)

func TestPapers(t *testing.T) {
	c := Config{Seed: 3, Papers: 2000, Institutions: 500, Regions: 10}
	ps := Papers(c)
	if !reflect.DeepEqual(ps, Papers(c)) {
		t.Fatal("same seed, different corpus")
	}
	if reflect.DeepEqual(ps, Papers(Config{Seed: 4, Papers: 2000, Institutions: 500, Regions: 10})) {
		t.Error("seeds 3 and 4 give the same corpus")
	}
	if len(ps) != 2000 {
		t.Fatalf("%d papers", len(ps))
	}
	sizes := map[string]int{}
	for _, p := range ps {
		if n := len(p.Authors); n < 1 || n > 40 {
			t.Errorf("%s: %d authors, want 1–40", p.ID, n)
		}
		if p.Year < 2010 || p.Year > 2024 {
			t.Errorf("%s: year %d", p.ID, p.Year)
		}
		if err := p.Validate(); err != nil {
			t.Errorf("%s: %v", p.ID, err)
		}
		for _, a := range p.Authors {
			sizes[a.Affiliations[0].InstitutionID]++
		}
	}
	// Zipf: the rank-1 institution is the most frequent and well above a
	// mid-ranked one (weights 1 and 1/100^1 = 0.01).
	if sizes["I0"] < 5*sizes["I99"] {
		t.Errorf("I0 on %d authorships, I99 on %d: not Zipf-like", sizes["I0"], sizes["I99"])
	}
}
