// Package address turns the affiliation strings of bibliographic exports
// into an institution name and an ISO 3166-1 country code. It is shared
// by every reader, so that "Peoples R China" (Web of Science), "China"
// (Scopus) and "CN" (OpenAlex) are one node.
//
// Country names are looked up in one table, coauthnet.CountryNames:
// every ISO 3166-1 short, ISO and official name (generated from Debian
// iso-codes) plus the database spellings ("Peoples R China", "U Arab
// Emirates", "North Ireland", …) of the root package's
// country_names.go; this package adds US states with ZIP codes and
// countries after cities and postcodes. Names are compared after
// [Normalize]. The United
// Kingdom's constituent nations always map to GB. Territories (TW, HK,
// MO) keep their own codes here; the territory policy is applied later
// to every paper, whatever its source (coauthnet.CountryPolicy).
package address

import (
	"strings"

	"github.com/coauthnet/coauthnet"
)

var names = map[string]string{}

func init() {
	for n, code := range coauthnet.CountryNames() {
		names[Normalize(n)] = code
	}
}

// Normalize folds a name for lookup: coauthnet.NormalizeName. "Côte
// d'Ivoire." → "cote divoire"; "Bosnia & Herceg" → "bosnia and herceg".
func Normalize(s string) string { return coauthnet.NormalizeName(s) }

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

// usState are the two-letter codes of US states, DC and territories
// that Web of Science writes before a ZIP code (lower case).
var usState = map[string]bool{}

func init() {
	for _, s := range []string{
		"al", "ak", "az", "ar", "ca", "co", "ct", "de", "fl", "ga", "hi", "id", "il", "in", "ia",
		"ks", "ky", "la", "me", "md", "ma", "mi", "mn", "ms", "mo", "mt", "ne", "nv", "nh", "nj",
		"nm", "ny", "nc", "nd", "oh", "ok", "or", "pa", "ri", "sc", "sd", "tn", "tx", "ut", "vt",
		"va", "wa", "wv", "wi", "wy", "dc",
	} {
		usState[s] = true
	}
}
