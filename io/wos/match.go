package wos

import (
	"strings"

	"github.com/coauthnet/coauthnet/io/internal/address"
)

// matcher finds authors by the names used in C1 brackets and RP.
type matcher struct {
	byName map[string][]int
}

func nameKey(s string) string { return address.Normalize(s) }

// newMatcher indexes the n authors of the byline by full name (AF) and
// short name (AU); both lists are in byline order. A list that does not
// have n names (a malformed record) is not used, so every index found is
// below n.
func newMatcher(af, au []string, n int) matcher {
	m := matcher{byName: map[string][]int{}}
	for _, list := range [][]string{af, au} {
		if len(list) != n {
			continue
		}
		for i, n := range list {
			k := nameKey(n)
			if !contains(m.byName[k], i) {
				m.byName[k] = append(m.byName[k], i)
			}
		}
	}
	return m
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// find returns the byline indices of the authors with this name: all of
// them when two authors share it.
func (m matcher) find(name string) []int {
	return m.byName[nameKey(strings.TrimSpace(name))]
}

// abbreviations expands Web of Science abbreviations in institution
// names, for matching them to organisation-enhanced names (C3).
var abbreviations = map[string]string{
	"univ": "university", "inst": "institute", "natl": "national", "acad": "academy",
	"sci": "sciences", "technol": "technology", "ctr": "center", "hosp": "hospital",
	"coll": "college", "res": "research", "med": "medical", "lab": "laboratory",
	"minist": "ministry", "agr": "agricultural", "fed": "federal", "dept": "department",
	"assoc": "association", "int": "international", "polytech": "polytechnic", "chinese": "chinese",
	"state": "state", "engn": "engineering", "hlth": "health", "elect": "electrical",
}

func words(s string) []string {
	var out []string
	for _, w := range strings.Fields(address.Normalize(s)) {
		if e, ok := abbreviations[w]; ok {
			w = e
		}
		switch w {
		case "of", "the", "and", "de", "da", "do", "di", "la":
			continue
		}
		out = append(out, strings.TrimSuffix(w, "s"))
	}
	return out
}

// org is an organisation-enhanced name (C3) with its words, computed
// once per record.
type org struct {
	name  string
	words map[string]bool
}

// newOrgs indexes a record's C3 names.
func newOrgs(names []string) []org {
	out := make([]org, 0, len(names))
	for _, n := range names {
		o := org{name: n, words: map[string]bool{}}
		for _, w := range words(n) {
			o.words[w] = true
		}
		out = append(out, o)
	}
	return out
}

// bestOrg returns the organisation-enhanced name that shares the most
// words with inst, if it shares at least half of inst's words; "" if
// none does. It costs O(words of inst × len(orgs)).
func bestOrg(inst string, orgs []org) string {
	if inst == "" || len(orgs) == 0 {
		return ""
	}
	iw := words(inst)
	if len(iw) == 0 {
		return ""
	}
	best, bestScore := "", 0.0
	for _, o := range orgs {
		shared := 0
		for _, w := range iw {
			if o.words[w] {
				shared++
			}
		}
		// Share of inst's words found, tie-broken by fewer extra words.
		score := float64(shared)/float64(len(iw)) - 0.01*float64(len(o.words)-shared)
		if score > bestScore {
			best, bestScore = o.name, score
		}
	}
	if bestScore < 0.5 {
		return ""
	}
	return best
}
