package metrics

import "testing"

// TestMeasuresText: a set's text form round-trips in column order;
// "default" and "all" are read; a bad name gives ParseMeasures' error.
func TestMeasuresText(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string
	}{
		{"default", "degree,strength,eigenvector,pagerank"},
		{"all", "degree,strength,betweenness,closeness,harmonic,eigenvector,pagerank"},
		{"pagerank,harmonic", "harmonic,pagerank"},
	} {
		var s Measures
		if err := s.UnmarshalText([]byte(c.in)); err != nil {
			t.Fatal(err)
		}
		b, _ := s.MarshalText()
		var again Measures
		if string(b) != c.want || again.UnmarshalText(b) != nil || again != s {
			t.Errorf("%q: marshals as %q (want %q), parses back as %v", c.in, b, c.want, again)
		}
	}
	var s Measures
	want := `metrics: unknown measure "katz": want degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank, all or default`
	if err := s.UnmarshalText([]byte("pagerank,katz")); err == nil || err.Error() != want {
		t.Errorf("UnmarshalText(pagerank,katz) = %v", err)
	}
}
