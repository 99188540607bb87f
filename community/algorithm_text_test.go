package community

import "testing"

// TestAlgorithmText: the text form round-trips ("" marshals as leiden, the
// meaning of the zero value) and a bad name gives ParseAlgorithm's error.
func TestAlgorithmText(t *testing.T) {
	for a, want := range map[Algorithm]string{"": "leiden", Leiden: "leiden", LouvainMethod: "louvain"} {
		b, _ := a.MarshalText()
		var got Algorithm
		if err := got.UnmarshalText(b); string(b) != want || err != nil || string(got) != want {
			t.Errorf("%q: marshals as %q, parses back as %q, %v", a, b, got, err)
		}
	}
	var a Algorithm
	if err := a.UnmarshalText([]byte("infomap")); err == nil || err.Error() != `community: unknown algorithm "infomap": want leiden or louvain` {
		t.Errorf("UnmarshalText(infomap) = %v", err)
	}
}
