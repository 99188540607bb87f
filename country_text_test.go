package coauthnet

import "testing"

// TestCountryPolicyText: the policy's text form round-trips and a bad
// name gives ParseCountryPolicy's error.
func TestCountryPolicyText(t *testing.T) {
	for _, p := range []CountryPolicy{PolicyISO, PolicyPRC, PolicyPRCSAR} {
		b, _ := p.MarshalText()
		var q CountryPolicy
		if err := q.UnmarshalText(b); err != nil || q != p {
			t.Errorf("%v: marshals as %q, parses back as %v, %v", p, b, q, err)
		}
	}
	if b, _ := PolicyPRCSAR.MarshalText(); string(b) != "prc-sar" {
		t.Errorf("PolicyPRCSAR marshals as %q", b)
	}
	var q CountryPolicy
	if err := q.UnmarshalText([]byte("x")); err == nil || err.Error() != `unknown country policy "x" (want iso, prc or prc-sar)` {
		t.Errorf("UnmarshalText(x) = %v", err)
	}
}
