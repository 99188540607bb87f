package coauthnet

import (
	"strings"
	"testing"
	"unicode"
)

func TestParseCountry(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		// Codes in any case, alpha-3.
		{"CN", "CN"}, {"cn", "CN"}, {" us ", "US"}, {"Gb", "GB"}, {"xk", "XK"}, {"CHN", "CN"}, {"deu", "DE"},
		// English names (ISO short, common and official).
		{"China", "CN"}, {"china", "CN"}, {"United Kingdom", "GB"}, {"United States", "US"},
		{"Türkiye", "TR"}, {"Turkiye", "TR"}, {"Turkey", "TR"}, {"South Korea", "KR"}, {"Korea", "KR"},
		{"Korea, Republic of", "KR"}, {"People's Republic of China", "CN"}, {"Côte d'Ivoire", "CI"},
		{"Cote d'Ivoire", "CI"}, {"Russia", "RU"}, {"Russian Federation", "RU"}, {"Iran", "IR"},
		{"Viet Nam", "VN"}, {"Vietnam", "VN"}, {"Czechia", "CZ"}, {"The Netherlands", "NL"},
		// Database spellings (Web of Science, Scopus).
		{"Peoples R China", "CN"}, {"PEOPLES R CHINA", "CN"}, {"USA", "US"}, {"U.S.A.", "US"}, {"UK", "GB"},
		{"England", "GB"}, {"North Ireland", "GB"}, {"U Arab Emirates", "AE"}, {"Taiwan", "TW"}, {"Hong Kong", "HK"},
		{"Kosovo", "XK"},
	} {
		got, err := ParseCountry(tt.in)
		if got != tt.want || err != nil {
			t.Errorf("ParseCountry(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestParseCountryErrors(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want string // the whole message
	}{
		// Swapped letters count one edit (5 runes: at most 1 edit).
		{"Chnia", `unknown country "Chnia" (did you mean China (CN)?)`},
		// One substitution from china; chile is 2 away, beyond the limit.
		{"Chinz", `unknown country "Chinz" (did you mean China (CN)?)`},
		// 6 runes: up to 2 edits; brazil is 1 swap away, nothing else within 2.
		{"Brazli", `unknown country "Brazli" (did you mean Brazil (BR)?)`},
		// 7 runes (limit 2): austria is 1 swap away, australia 2 (insert l
		// before i, append a): both, the nearer first.
		{"Austrai", `unknown country "Austrai" (did you mean Austria (AT) or Australia (AU)?)`},
		// A prefix of three letters or more: Germany.
		{"Germ", `unknown country "Germ" (did you mean Germany (DE)?)`},
		{"Untied States", `unknown country "Untied States" (did you mean United States (US)?)`},
		{"XX", `unknown country "XX" (want an ISO code such as CN or a name such as China)`},
		{"", `empty country (want an ISO code such as CN or a name such as China)`},
		// No successor state: no guess.
		{"USSR", `unknown country "USSR" (want an ISO code such as CN or a name such as China)`},
	} {
		_, err := ParseCountry(tt.in)
		if err == nil || err.Error() != tt.want {
			t.Errorf("ParseCountry(%q) error\n got %v\nwant %s", tt.in, err, tt.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	// Hand-counted: kitten → sitten → sittin → sitting (3); ü is one rune;
	// chnia → china is one swap; ca → abc is 3 in the restricted
	// (optimal string alignment) distance, not 2 as in the unrestricted
	// Damerau distance.
	for _, tt := range []struct {
		a, b string
		d    int
	}{{"kitten", "sitting", 3}, {"", "abc", 3}, {"abc", "", 3}, {"türkiye", "turkiye", 1}, {"china", "china", 0}, {"chnia", "china", 1}, {"ca", "abc", 3}} {
		if got := editDistance(tt.a, tt.b); got != tt.d {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.d)
		}
	}
}

func TestAliasesAreISO(t *testing.T) {
	for name, code := range countryAliases {
		if _, ok := LookupCountry(code); !ok && code != "XK" {
			t.Errorf("alias %q maps to %q, not an ISO 3166-1 code", name, code)
		}
	}
}

func TestNormalizeName(t *testing.T) {
	for in, want := range map[string]string{
		"Côte d'Ivoire.":      "cote divoire",
		"Bosnia & Herceg":     "bosnia and herceg",
		"  Peoples R  China ": "peoples r china",
		"TÜRKIYE":             "turkiye",
	} {
		got := NormalizeName(in)
		if got != want {
			t.Errorf("NormalizeName(%q) = %q, want %q", in, got, want)
		}
		if again := NormalizeName(got); again != got {
			t.Errorf("NormalizeName is not idempotent on %q: %q", got, again)
		}
	}
	// Every spelling's normal form is non-empty and maps back to its code
	// (or a later spelling with the same normal form, which wins).
	last := map[string]string{}
	for n, code := range CountryNames() {
		k := NormalizeName(n)
		if k == "" {
			t.Errorf("spelling %q normalises to nothing", n)
		}
		last[k] = code
	}
	for k, code := range last {
		if got, err := ParseCountry(k); err != nil || (got != code && !strings.EqualFold(k, got)) {
			t.Errorf("ParseCountry(%q) = %q, %v; want %q", k, got, err, code)
		}
	}
}

// normalizeRunes is NormalizeName as first written, rune by rune through
// the fold table: the ASCII fast path must give the same strings.
func normalizeRunes(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		r = unicode.ToLower(r)
		if f, ok := fold[r]; ok {
			r = f
		}
		switch {
		case r == '\'' || r == '’':
			continue
		case r == '&':
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString("and")
			space = true
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

func FuzzNormalizeName(f *testing.F) {
	for _, s := range []string{"Peoples R China", "Univ. São Paulo & Co", "O'Brien’s  Inst.", "\xff\xfeA", "İstanbul Ünív", "FL 32611 USA"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := NormalizeName(s), normalizeRunes(s); got != want {
			t.Errorf("NormalizeName(%q) = %q, want %q", s, got, want)
		}
	})
}
