// Package address turns the affiliation strings of bibliographic exports
// into an institution name and an ISO 3166-1 country code. It is shared
// by every reader, so that "Peoples R China" (Web of Science), "China"
// (Scopus) and "CN" (OpenAlex) are one node.
//
// Country names are looked up in one table: every ISO 3166-1 short, ISO
// and official name (generated from Debian iso-codes, see
// coauthnet.Countries), plus the database spellings in aliases.go
// ("Peoples R China", "U Arab Emirates", "North Ireland", US states with
// ZIP codes, …). Names are compared after [Normalize]. The United
// Kingdom's constituent nations always map to GB. Territories (TW, HK,
// MO) keep their own codes here; the territory policy is applied later
// to every paper, whatever its source (coauthnet.CountryPolicy).
package address

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coauthnet/coauthnet"
)

var names = map[string]string{}

func init() {
	for _, c := range coauthnet.Countries() {
		for _, n := range []string{c.Name, c.ISOName, c.Official, c.Alpha3} {
			names[Normalize(n)] = c.Code
		}
	}
	// Aliases win over ISO names where they differ (none do today; the
	// test checks that every alias maps to a real code).
	for n, code := range aliases {
		names[Normalize(n)] = code
	}
}

// fold maps accented Latin letters to their base letter.
var fold = map[rune]rune{
	'à': 'a', 'á': 'a', 'â': 'a', 'ã': 'a', 'ä': 'a', 'å': 'a', 'ç': 'c', 'è': 'e', 'é': 'e', 'ê': 'e', 'ë': 'e',
	'ì': 'i', 'í': 'i', 'î': 'i', 'ï': 'i', 'ñ': 'n', 'ò': 'o', 'ó': 'o', 'ô': 'o', 'õ': 'o', 'ö': 'o', 'ø': 'o',
	'ù': 'u', 'ú': 'u', 'û': 'u', 'ü': 'u', 'ý': 'y', 'ÿ': 'y', 'ş': 's', 'ș': 's', 'ţ': 't', 'ț': 't', 'ğ': 'g',
	'ı': 'i', 'ł': 'l', 'ő': 'o', 'ű': 'u', 'č': 'c', 'ć': 'c', 'š': 's', 'ž': 'z', 'ř': 'r', 'ě': 'e', 'ů': 'u',
}

// Normalize folds a name for lookup: lower case, accents removed, "&"
// as "and", "St." as "saint", apostrophes dropped, every other run of
// non-letters and non-digits one space, trimmed. "Côte d'Ivoire." →
// "cote divoire"; "Bosnia & Herceg" → "bosnia and herceg".
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			// ASCII fast path: the same rules without the fold table,
			// which holds no ASCII letters.
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
				if c <= 'Z' && c >= 'A' {
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

// LookupCountry returns the ISO code of a country name as written in an
// export ("Peoples R China", "USA", "England", "FL 32611 USA",
// "Korea, Republic of"), and whether it is known.
func LookupCountry(name string) (string, bool) {
	if i := strings.IndexByte(name, '('); i > 0 {
		name = name[:i] // "Grenoble France 38000 (e-mail: x@y.fr)"
	}
	if strings.IndexByte(name, '@') >= 0 {
		// An e-mail address run into the country: "Ireland x1@atu.ie".
		var keep []string
		for _, w := range strings.Fields(name) {
			if !strings.Contains(w, "@") {
				keep = append(keep, w)
			}
		}
		name = strings.Join(keep, " ")
	}
	n := Normalize(name)
	if n == "" {
		return "", false
	}
	if code, ok := names[n]; ok {
		return code, true
	}
	f := strings.Fields(n)
	// Web of Science US addresses end "FL 32611 USA", or in older records
	// "FL 32611" or "FL"; ZIP+4 codes normalise to two numbers.
	if f[len(f)-1] == "usa" {
		return "US", true
	}
	if usState[f[0]] && (len(f) == 1 || (len(f) <= 3 && isZIP(f[1]) && (len(f) == 2 || isZIP4(f[2])))) {
		return "US", true
	}
	// A country after a city, a region or a postcode: "Grenoble France
	// 38000", "Indiana United States", "India 600036". Try the longest
	// run of trailing words (postcodes dropped) that names a country; a
	// single word must be longer than three letters.
	var words []string
	for _, w := range f {
		if !strings.ContainsAny(w, "0123456789") {
			words = append(words, w)
		}
	}
	if code, ok := trailingCountry(words, len(f)); ok {
		return code, true
	}
	// A placeholder after the country: "Johannesburg South Africa xxxx".
	if len(words) > 1 && len(words[len(words)-1]) <= 5 {
		return trailingCountry(words[:len(words)-1], len(f))
	}
	return "", false
}

// trailingCountry finds the longest run of up to four trailing words
// that names a country; one word must be longer than three letters
// unless it is the whole text (all words n).
func trailingCountry(words []string, all int) (string, bool) {
	for k := min(4, len(words)); k >= 1; k-- {
		tail := strings.Join(words[len(words)-k:], " ")
		if code, ok := names[tail]; ok && (k > 1 || len(tail) > 3 || k == all) {
			return code, true
		}
	}
	return "", false
}

func isZIP4(s string) bool {
	if len(s) != 4 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func isZIP(s string) bool {
	if len(s) != 5 && len(s) != 9 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// An Address is a parsed affiliation string.
type Address struct {
	Institution string // first comma-separated field, e.g. "Univ Florida"
	Country     string // ISO code, "" when unknown
	// CountryText is the text the country was read from (the last
	// comma-separated field), for reporting unmapped names.
	CountryText string
}

// Parse splits an affiliation string of the form used by Web of Science
// C1 and Scopus ("Univ Florida, Dept Biol, Gainesville, FL 32611 USA.")
// into its institution and country (the last field). The institution is
// the first field that names one (a word such as Univ, University,
// Institute, Academy, College, Hospital, Center; see institutionWords),
// else the first field: Scopus strings often start with a department. A
// one-field string is taken as an institution unless it is itself a
// country name.
func Parse(s string) Address {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "."))
	if s == "" {
		return Address{}
	}
	parts := strings.Split(s, ",")
	last := strings.TrimSpace(parts[len(parts)-1])
	a := Address{Institution: strings.TrimSpace(parts[0]), CountryText: last}
	for _, p := range parts[:max(1, len(parts)-1)] {
		if isInstitution(p) {
			a.Institution = strings.TrimSpace(p)
			break
		}
	}
	a.Country, _ = LookupCountry(last)
	if len(parts) == 1 && a.Country != "" {
		a.Institution = ""
	}
	return a
}

// institutionWords mark a comma-separated field as an institution name
// (normalised, as whole words).
var institutionWords = map[string]bool{
	"univ": true, "university": true, "universite": true, "universidad": true, "universidade": true,
	"universita": true, "universitat": true, "universiteit": true, "uniwersytet": true,
	"inst": true, "institute": true, "institut": true, "instituto": true, "istituto": true,
	"acad": true, "academy": true, "college": true, "coll": true, "hosp": true, "hospital": true,
	"politecn": true, "politecnico": true, "polytech": true, "polytechnic": true, "ecole": true,
	"cnrs": true, "inserm": true, "csic": true, "nasa": true, "corp": true, "inc": true, "ltd": true,
}

func isInstitution(field string) bool {
	for _, w := range strings.Fields(Normalize(field)) {
		if institutionWords[w] {
			return true
		}
	}
	return false
}
