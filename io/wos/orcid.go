package wos

import (
	"strings"

	"github.com/coauthnet/coauthnet"
)

// setORCIDs fills Author.ORCID from OI ("Name/0000-0002-1825-0097;
// Name/…", continuation lines joined). OI names are the researchers'
// profile names, which often differ from the byline ("Bruna, Emilio"
// for AF "Bruna, Emilio M."). An entry is used when its identifier is a
// well-formed ORCID iD (four groups of four digits, the last character a
// digit or X) and its name finds exactly one author of this record's
// byline: by the matcher of C1 and RP, else by family name (before the
// comma) and first initial. Other entries are ignored, never guessed.
func setORCIDs(authors []coauthnet.Author, oi string, m matcher) {
	for _, e := range splitSemi(oi) {
		i := strings.LastIndexByte(e, '/')
		if i < 0 {
			continue
		}
		id := strings.TrimSpace(e[i+1:])
		if !isORCID(id) {
			continue
		}
		found := m.find(e[:i])
		if len(found) == 0 {
			found = byInitial(authors, e[:i])
		}
		if len(found) == 1 && found[0] < len(authors) {
			authors[found[0]].ORCID = id
		}
	}
}

// byInitial returns the authors whose name has the family name and
// first initial of name ("Family, Given").
func byInitial(authors []coauthnet.Author, name string) []int {
	k := initialKey(name)
	if k == "" {
		return nil
	}
	var out []int
	for i := range authors {
		if initialKey(authors[i].Name) == k {
			out = append(out, i)
		}
	}
	return out
}

// initialKey is "family|i": the normalised text before the comma and the
// first letter of the normalised text after it; "" without a comma or
// given name.
func initialKey(name string) string {
	fam, given, ok := strings.Cut(name, ",")
	fam, given = nameKey(fam), nameKey(given)
	if !ok || fam == "" || given == "" {
		return ""
	}
	r := []rune(given)
	return fam + "|" + string(r[0])
}

// isORCID reports whether s has the form of an ORCID iD:
// dddd-dddd-dddd-dddX, X a digit or 'X'. The checksum is not verified.
func isORCID(s string) bool {
	if len(s) != 19 {
		return false
	}
	for i := 0; i < 19; i++ {
		c := s[i]
		switch {
		case i%5 == 4:
			if c != '-' {
				return false
			}
		case i == 18 && c == 'X':
		case c < '0' || c > '9':
			return false
		}
	}
	return true
}
