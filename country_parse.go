package coauthnet

import (
	"fmt"
	"iter"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// CountryNames yields every spelling of a country that coauthnet
// recognises, with its code: for each ISO 3166-1 country its short,
// ISO and official names and its alpha-3 code, then the database
// spellings ("Peoples R China", "USA", "England", "U Arab Emirates",
// "Turkiye", …). A spelling may come twice; the later one wins. Compare
// names after [NormalizeName].
func CountryNames() iter.Seq2[string, string] {
	return func(yield func(string, string) bool) {
		for _, c := range isoCountries {
			for _, n := range []string{c.Name, c.ISOName, c.Official, c.Alpha3} {
				if !yield(n, c.Code) {
					return
				}
			}
		}
		// Sorted, so that the order (and which spelling wins a tie) is
		// the same on every run.
		names := make([]string, 0, len(countryAliases))
		for n := range countryAliases {
			names = append(names, n)
		}
		slices.Sort(names)
		for _, n := range names {
			if !yield(n, countryAliases[n]) {
				return
			}
		}
	}
}

// fold maps accented Latin letters to their base letter.
var fold = map[rune]rune{
	'à': 'a', 'á': 'a', 'â': 'a', 'ã': 'a', 'ä': 'a', 'å': 'a', 'ç': 'c', 'è': 'e', 'é': 'e', 'ê': 'e', 'ë': 'e',
	'ì': 'i', 'í': 'i', 'î': 'i', 'ï': 'i', 'ñ': 'n', 'ò': 'o', 'ó': 'o', 'ô': 'o', 'õ': 'o', 'ö': 'o', 'ø': 'o',
	'ù': 'u', 'ú': 'u', 'û': 'u', 'ü': 'u', 'ý': 'y', 'ÿ': 'y', 'ş': 's', 'ș': 's', 'ţ': 't', 'ț': 't', 'ğ': 'g',
	'ı': 'i', 'ł': 'l', 'ő': 'o', 'ű': 'u', 'č': 'c', 'ć': 'c', 'š': 's', 'ž': 'z', 'ř': 'r', 'ě': 'e', 'ů': 'u',
}

// NormalizeName folds a name for comparison: lower case, accents
// removed, "&" as "and", apostrophes dropped, every other run of
// non-letters and non-digits one space, trimmed. "Côte d'Ivoire." →
// "cote divoire"; "Bosnia & Herceg" → "bosnia and herceg". It is
// idempotent.
func NormalizeName(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			// ASCII fast path: the same rules without the fold table,
			// which holds no ASCII letters (FuzzNormalizeName holds it to
			// the rune-by-rune form).
			i++
			switch {
			case c == '\'':
				continue
			case c == '&':
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.WriteString("and")
				space = true
			case 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				if space && b.Len() > 0 {
					b.WriteByte(' ')
				}
				space = false
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b.WriteByte(c)
			default:
				space = true
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		r = unicode.ToLower(r)
		if f, ok := fold[r]; ok {
			r = f
		}
		switch {
		case r == '’':
			continue
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

// countryByName maps every normalised spelling of CountryNames to its
// code.
var countryByName = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for n, code := range CountryNames() {
		m[NormalizeName(n)] = code
	}
	return m
})

// ParseCountry returns the ISO 3166-1 alpha-2 code of a country as a
// person or a database writes it: a code in any case ("cn", "US"), an
// alpha-3 code ("CHN"), an English name ("China", "United Kingdom",
// "Türkiye" or "Turkey", "South Korea" or "Korea") or a database
// spelling ("Peoples R China", "USA", "UK", "England", "U Arab
// Emirates"). Names are compared after [NormalizeName], so case, accents
// and punctuation do not matter. XK (Kosovo, a user-assigned code in
// wide use) is accepted.
//
// Anything else is an error that names up to three near matches, by
// edit distance: ParseCountry("Chnia") fails with
// `unknown country "Chnia" (did you mean China (CN)?)`. It does not
// parse addresses; see io/internal/address for "Beijing, Peoples R
// China".
func ParseCountry(s string) (string, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return "", fmt.Errorf("empty country (want an ISO code such as CN or a name such as China)")
	}
	if len(t) == 2 {
		up := strings.ToUpper(t)
		if _, ok := LookupCountry(up); ok || up == "XK" {
			return up, nil
		}
	}
	n := NormalizeName(t)
	if code, ok := countryByName()[n]; ok {
		return code, nil
	}
	near := nearCountries(n, 3)
	if len(near) == 0 {
		return "", fmt.Errorf("unknown country %q (want an ISO code such as CN or a name such as China)", s)
	}
	return "", fmt.Errorf("unknown country %q (did you mean %s?)", s, orList(near))
}

// nearCountries returns up to k countries, as "Name (CODE)", whose
// spellings are nearest to the normalised text n: the smallest edit
// distance first, at most max(1, len(n)/3) edits; or, failing that,
// those with a spelling that starts with n (three letters or more).
func nearCountries(n string, k int) []string {
	best := map[string]int{} // code → smallest distance
	for name, code := range countryByName() {
		d, ok := nearness(n, name)
		if !ok {
			continue
		}
		if old, ok := best[code]; !ok || d < old {
			best[code] = d
		}
	}
	codes := make([]string, 0, len(best))
	for c := range best {
		codes = append(codes, c)
	}
	slices.SortFunc(codes, func(a, b string) int {
		if best[a] != best[b] {
			return best[a] - best[b]
		}
		return strings.Compare(a, b)
	})
	if len(codes) > k {
		codes = codes[:k]
	}
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = CountryName(c) + " (" + c + ")"
	}
	return out
}

// nearness is the rule of the suggestions of [ParseCountry] and
// [Nearest]: the edit distance d of name from s, and whether name is
// near s: at most max(1, len(s)/3) edits, or a name that starts with s
// (three letters or more: "germ" → Germany), which counts as that limit.
func nearness(s, name string) (d int, near bool) {
	limit := max(1, len([]rune(s))/3)
	d = editDistance(s, name)
	if len([]rune(s)) >= 3 && strings.HasPrefix(name, s) {
		d = min(d, limit)
	}
	return d, d <= limit
}

// Nearest returns up to k of names that are near s by the rule that
// picks [ParseCountry]'s "did you mean" countries (edit distance, at
// most max(1, len(s)/3) edits, or a prefix of three letters or more),
// the nearest first and, at equal distance, in the order of names. It
// compares s and names as given (no [NormalizeName]): it is for other
// vocabularies, such as the command's flag names ("countng" → counting).
// O(len(names)·len(s)·len(name)).
func Nearest(s string, names []string, k int) []string {
	var near []string
	dist := map[string]int{}
	for _, name := range names {
		if d, ok := nearness(s, name); ok {
			near, dist[name] = append(near, name), d
		}
	}
	slices.SortStableFunc(near, func(a, b string) int { return dist[a] - dist[b] })
	return near[:min(k, len(near))]
}

func orList(s []string) string {
	switch len(s) {
	case 1:
		return s[0]
	case 2:
		return s[0] + " or " + s[1]
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

// editDistance is the optimal string alignment distance between a and b,
// in runes: the fewest insertions, deletions, substitutions and swaps
// of two adjacent letters that turn a into b (Levenshtein distance with
// transpositions, as in Damerau 1964, doi:10.1145/363958.363994: the
// commonest typing errors each count 1, so "Chnia" is 1 from "China").
// O(len(a)·len(b)) time and memory.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
