package oneline

import "testing"

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"Côte d'Ivoire":        "Côte d'Ivoire",
		"a\tb\nc\r\nd":         "a b c  d",
		"x\u2028y\u0085z\x7f":  "x y z ",
		"bad \xff utf8":        "bad \uFFFD utf8",
		`quotes "stay", ; & <`: `quotes "stay", ; & <`,
	} {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}
