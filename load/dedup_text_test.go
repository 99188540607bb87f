package load

import "testing"

// TestDedupText: the rules' text form round-trips (the zero value is the
// default id,doi) and a bad rule gives ParseDedup's error.
func TestDedupText(t *testing.T) {
	for _, c := range []struct {
		d    Dedup
		text string
	}{{0, "id,doi"}, {DefaultDedup, "id,doi"}, {DedupTitle | DedupID, "id,title"}, {NoDedup, "none"}} {
		b, _ := c.d.MarshalText()
		var d Dedup
		if err := d.UnmarshalText(b); string(b) != c.text || err != nil || d.String() != c.text {
			t.Errorf("%d: marshals as %q (want %q), parses back as %v, %v", c.d, b, c.text, d, err)
		}
	}
	var d Dedup
	if err := d.UnmarshalText([]byte("id,xx")); err == nil || err.Error() != `dedup rule "xx": want id, doi, title or none` {
		t.Errorf("UnmarshalText(id,xx) = %v", err)
	}
	// none is a rule of its own: with another it is refused as such, not
	// as an unknown rule.
	if err := d.UnmarshalText([]byte("none,id")); err == nil || err.Error() != `dedup rules "none,id": none stands alone (no other rule with it)` {
		t.Errorf("UnmarshalText(none,id) = %v", err)
	}
	// Case and spaces do not matter, as for --counting.
	if err := d.UnmarshalText([]byte(" ID , Doi")); err != nil || d != DefaultDedup {
		t.Errorf("UnmarshalText(' ID , Doi') = %v, %v; want id,doi", d, err)
	}
}
