package coauthnet

import (
	"slices"
	"testing"
)

// TestNearest: the "did you mean" rule of ParseCountry on other names.
// Distances hand-counted (optimal string alignment, as in
// TestEditDistance); the limit is max(1, runes/3).
func TestNearest(t *testing.T) {
	flags := []string{"by-year", "counting", "country-policy", "level", "min-weight", "max-authors"}
	for _, tt := range []struct {
		s     string
		names []string
		k     int
		want  []string
	}{
		// countng: 7 runes, limit 2; counting is 1 insertion away,
		// country-policy 8 or more, the rest further.
		{"countng", flags, 3, []string{"counting"}},
		// levle: 5 runes, limit 1; level is one swap away.
		{"levle", flags, 3, []string{"level"}},
		// austrai: limit 2; australia is 2 away (insert l, append a),
		// austria 1 (a swap): the nearer first, whatever the order given.
		{"austrai", []string{"australia", "austria"}, 3, []string{"austria", "australia"}},
		// germ: 4 runes, limit 1; german (2 edits) and germany (3) start
		// with it and count as the limit, term is 1 substitution: all at
		// distance 1, so in the order given, cut to k = 2.
		{"germ", []string{"german", "germany", "term"}, 2, []string{"german", "germany"}},
		// ab: 2 runes, limit 1, too short for the prefix rule: abcdef is
		// 4 away, so nothing.
		{"ab", []string{"abcdef"}, 3, nil},
		{"weight", flags, 3, nil}, // min-weight is 4 away (limit 2)
	} {
		if got := Nearest(tt.s, tt.names, tt.k); !slices.Equal(got, tt.want) {
			t.Errorf("Nearest(%q, %q, %d) = %q, want %q", tt.s, tt.names, tt.k, got, tt.want)
		}
	}
}
