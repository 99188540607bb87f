package mobility

import "testing"

// TestImpactMeasureText: the text form round-trips and a bad name gives
// ParseImpactMeasure's error.
func TestImpactMeasureText(t *testing.T) {
	for m, want := range map[ImpactMeasure]string{CNCI: "cnci", CitesPerPaper: "cites"} {
		b, _ := m.MarshalText()
		var got ImpactMeasure
		if err := got.UnmarshalText(b); string(b) != want || err != nil || got != m {
			t.Errorf("%v: marshals as %q, parses back as %v, %v", m, b, got, err)
		}
	}
	var m ImpactMeasure
	if err := m.UnmarshalText([]byte("foo")); err == nil || err.Error() != `mobility: impact measure "foo": want cnci or cites` {
		t.Errorf("UnmarshalText(foo) = %v", err)
	}
}
