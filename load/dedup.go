package load

import (
	"fmt"
	"hash/maphash"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coauthnet/coauthnet"
)

// Dedup is a set of duplicate rules. A record is a duplicate when a
// record read before it (in this call of [Papers], in any input and any
// format) has the same key under one of the rules; the first copy is
// kept and the later ones are counted in [Summary].Duplicates under the
// first rule, in the order below, that matched. Its text form
// (MarshalText, flags, configuration files) is a comma list of id, doi
// and title, or "none" ([ParseDedup]).
type Dedup uint8

const (
	// DedupID: the same source id (WoS UT, Scopus EID, OpenAlex W id, the
	// canonical record's id), compared exactly after trimming white
	// space. Ids of different sources never coincide (WOS:…, 2-s2.0-…,
	// W…), so one source's paper is found again only by DOI in another.
	DedupID Dedup = 1 << iota
	// DedupDOI: the same DOI, folded to lower case and without a resolver
	// prefix (https://doi.org/, http://dx.doi.org/, doi:). Papers without
	// a DOI are never duplicates by this rule.
	DedupDOI
	// DedupTitle: the same title ([NormTitle]), year and first author's
	// surname ([Surname]), for sources without DOIs. Papers without a
	// title or a first author are never duplicates by this rule. Not in
	// the default: two papers can share a short title, a year and a
	// common surname. With it, [Papers] reads every record whole
	// (see [Options].Need).
	DedupTitle

	// NoDedup keeps every record.
	NoDedup Dedup = 1 << 7
	// DefaultDedup, the meaning of the zero value, is DedupID|DedupDOI.
	DefaultDedup = DedupID | DedupDOI
)

// ParseDedup parses a comma list of rules (id, doi, title), "id,doi"
// being the default, or "none".
func ParseDedup(s string) (Dedup, error) {
	if strings.EqualFold(strings.TrimSpace(s), "none") {
		return NoDedup, nil
	}
	var d Dedup
	for _, r := range strings.Split(s, ",") {
		switch strings.ToLower(strings.TrimSpace(r)) {
		case "id":
			d |= DedupID
		case "doi":
			d |= DedupDOI
		case "title":
			d |= DedupTitle
		case "none":
			return 0, fmt.Errorf("dedup rules %q: none stands alone (no other rule with it)", s)
		default:
			return 0, fmt.Errorf("dedup rule %q: want id, doi, title or none", r)
		}
	}
	return d, nil
}

// String returns the rules as ParseDedup reads them.
func (d Dedup) String() string {
	if d == 0 {
		d = DefaultDedup
	}
	if d&NoDedup != 0 {
		return "none"
	}
	var s []string
	if d&DedupID != 0 {
		s = append(s, "id")
	}
	if d&DedupDOI != 0 {
		s = append(s, "doi")
	}
	if d&DedupTitle != 0 {
		s = append(s, "title")
	}
	return strings.Join(s, ",")
}

// MarshalText returns the rules as [ParseDedup] reads them ("id,doi" for
// the zero value, "none" for [NoDedup]).
func (d Dedup) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText parses a comma list of rules (id, doi, title) or
// "none", as [ParseDedup].
func (d *Dedup) UnmarshalText(b []byte) (err error) {
	*d, err = ParseDedup(string(b))
	return err
}

// RuleName names a rule of [Summary].Duplicates for people: "ID", "DOI",
// "title, year and first author".
func RuleName(rule string) string {
	switch rule {
	case "id", "doi":
		return strings.ToUpper(rule)
	case "title":
		return "title, year and first author"
	}
	return rule
}

// NormDOI folds a DOI for comparison: trimmed, lower case (DOIs are
// case-insensitive, ISO 26324), without a resolver prefix.
func NormDOI(doi string) string {
	d := strings.ToLower(strings.TrimSpace(doi))
	for _, p := range []string{"https://doi.org/", "http://doi.org/", "http://dx.doi.org/", "https://dx.doi.org/", "doi:"} {
		d = strings.TrimPrefix(d, p)
	}
	return strings.TrimSpace(d)
}

// NormTitle folds a title for comparison: lower case, letters and digits
// kept, every run of anything else (punctuation, markup, white space)
// one space, trimmed.
func NormTitle(t string) string {
	var b strings.Builder
	space := false
	for _, r := range t {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(unicode.ToLower(r))
			space = false
		} else {
			space = true
		}
	}
	return b.String()
}

// Surname returns an author name's surname, folded as [NormTitle] does:
// the part before the comma of "Surname, Given" (WoS, Scopus); else the
// words before trailing initials of "Surname I." (Scopus exports without
// "Author full names": "Rahmani A.M.", "Lee K.-C."); else the last word
// of "Given Surname" (OpenAlex).
func Surname(name string) string {
	if s, _, ok := strings.Cut(name, ","); ok {
		return NormTitle(s)
	}
	f := strings.Fields(name)
	if len(f) == 0 {
		return ""
	}
	n := len(f)
	for n > 1 && isInitials(f[n-1]) {
		n--
	}
	if n < len(f) {
		return NormTitle(strings.Join(f[:n], " "))
	}
	return NormTitle(f[len(f)-1])
}

// isInitials reports whether w is only initials, each an upper-case
// letter, perhaps one lower-case letter, and a full stop, perhaps joined
// by hyphens: "J.", "A.M.", "Ch.", "K.-C.".
func isInitials(w string) bool {
	for _, part := range strings.Split(w, "-") {
		if part == "" {
			continue
		}
		for s := part; s != ""; {
			r, n := utf8.DecodeRuneInString(s)
			if !unicode.IsUpper(r) {
				return false
			}
			s = s[n:]
			if r2, n2 := utf8.DecodeRuneInString(s); s != "" && unicode.IsLower(r2) {
				s = s[n2:]
			}
			if !strings.HasPrefix(s, ".") {
				return false
			}
			s = s[1:]
		}
	}
	return strings.Contains(w, ".")
}

// key is a 128-bit hash of a rule's key: two different keys collide with
// probability about n²/2¹²⁹ for n keys (below 10⁻²⁴ for 10⁹ papers).
type key [2]uint64

// deduper remembers the keys seen, and the input of their first copy.
type deduper struct {
	rules  Dedup
	s1, s2 maphash.Seed
	keys   [3]map[key]int32 // by id, DOI, title
}

func newDeduper(d Dedup) *deduper {
	if d == 0 {
		d = DefaultDedup
	}
	if d&NoDedup != 0 {
		return &deduper{rules: NoDedup}
	}
	return &deduper{rules: d, s1: maphash.MakeSeed(), s2: maphash.MakeSeed(),
		keys: [3]map[key]int32{{}, {}, {}}}
}

func (d *deduper) hash(k string) key {
	return key{maphash.String(d.s1, k), maphash.String(d.s2, k)}
}

// seen reports whether p duplicates a record seen before, under which
// rule ("id" or "doi") and in which input the first copy was; otherwise
// it remembers p's keys as read in input in.
func (d *deduper) seen(p *coauthnet.Paper, in int) (rule string, first int, dup bool) {
	if d.rules&NoDedup != 0 {
		return "", 0, false
	}
	var ks [3]key
	var has [3]bool
	if d.rules&DedupID != 0 {
		if id := strings.TrimSpace(p.ID); id != "" {
			ks[0], has[0] = d.hash(id), true
		}
	}
	if d.rules&DedupDOI != 0 {
		if doi := NormDOI(p.DOI); doi != "" {
			ks[1], has[1] = d.hash(doi), true
		}
	}
	if d.rules&DedupTitle != 0 && len(p.Authors) > 0 {
		t, sn := NormTitle(p.Title), Surname(p.Authors[0].Name)
		if t != "" && sn != "" {
			ks[2], has[2] = d.hash(t+"\x00"+strconv.Itoa(p.Year)+"\x00"+sn), true
		}
	}
	names := [3]string{"id", "doi", "title"}
	for i := range ks {
		if has[i] {
			if f, ok := d.keys[i][ks[i]]; ok {
				return names[i], int(f), true
			}
		}
	}
	for i := range ks {
		if has[i] {
			d.keys[i][ks[i]] = int32(in)
		}
	}
	return "", 0, false
}
