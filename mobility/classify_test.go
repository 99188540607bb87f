package mobility

import (
	"fmt"
	"testing"

	"github.com/coauthnet/coauthnet"
)

// career is a list of "year:CC[+CC]" papers of one author, each with the
// given citations.
type career struct {
	key    string
	papers []string
	cites  int
}

func papersOf(cs []career) []coauthnet.Paper {
	var ps []coauthnet.Paper
	for _, c := range cs {
		for i, s := range c.papers {
			var y int
			var cc string
			fmt.Sscanf(s, "%d:%s", &y, &cc)
			a := coauthnet.Author{ID: c.key}
			for j := 0; j+2 <= len(cc); j += 3 {
				a.Affiliations = append(a.Affiliations, coauthnet.Affiliation{Country: cc[j : j+2], Institution: "Inst " + cc[j:j+2]})
			}
			n := c.cites
			ps = append(ps, coauthnet.Paper{ID: fmt.Sprintf("%s-%d", c.key, i), Year: y, Citations: &n,
				Authors: []coauthnet.Author{a, {Name: "No Id", Affiliations: []coauthnet.Affiliation{{Country: "CN"}}}}})
		}
	}
	return ps
}

// The careers below, and what the rules of the package doc give for
// each with DefaultOptions (Break 3, MinPapers 2), worked by hand.
var handCareers = []career{
	// Stayer with a gap of four years: one spell (gaps are not active
	// years).
	{"A1", []string{"2000:CN", "2001:CN", "2003:CN", "2008:CN"}, 1},
	// Migrant CN→US with publication lag: CN papers in 2005 and 2006
	// after the first US paper (2005). CN's spell ends 2006, US's runs
	// 2005–2009 with 4 papers after 2006 → migrant 2005, overlap 1.
	{"A2", []string{"2000:CN", "2001:CN", "2002:CN", "2003:CN", "2004:CN", "2005:US", "2005:CN", "2006:CN", "2006:US", "2007:US", "2008:US", "2009:US", "2009:US"}, 10},
	// Traveller DE→GB: DE every year, GB papers in 2003, 2004 (dual) and
	// 2007: GB's spell (2003–2007, 3 papers) ends before DE's, so no
	// migration; 3 travel papers ≥ 2 → traveller, dated 2003.
	{"A3", []string{"2000:DE", "2001:DE", "2002:DE", "2003:DE+GB", "2004:DE+GB", "2005:DE", "2006:DE", "2007:GB", "2007:DE", "2008:DE", "2009:DE", "2010:DE"}, 3},
	// Return migrant: CN 2000–2003, US 2004–2009, CN 2010–2014. CN is
	// missing from six active years (2004–2009 ≥ Break 3): two CN spells.
	// CN→US 2004 (US tail 6 ≥ 2); US→CN 2010 (return, prior ties).
	{"A4", []string{"2000:CN", "2001:CN", "2002:CN", "2003:CN", "2004:US", "2005:US", "2006:US", "2007:US", "2008:US", "2009:US", "2010:CN", "2011:CN", "2012:CN", "2013:CN", "2014:CN"}, 5},
	// One IT paper in an FR career: incidental (1 < MinPapers) → stayer.
	{"A5", []string{"2000:FR", "2001:FR", "2002:FR", "2005:IT", "2006:FR", "2007:FR"}, 0},
	// Migrant BR→PT across a four-year gap without papers: PT 2007.
	{"A6", []string{"2000:BR", "2001:BR", "2002:BR", "2007:PT", "2008:PT", "2009:PT"}, 7},
	// One paper: a stayer without evidence of anything.
	{"A7", []string{"2010:JP"}, 0},
}

func TestHandCareers(t *testing.T) {
	c := NewCareers()
	ps := papersOf(handCareers)
	for i := range ps {
		c.Add(&ps[i])
	}
	r := c.Analyze(DefaultOptions)
	if r.Stats.NoID != len(ps) || r.Stats.Authors != 7 {
		t.Errorf("stats %+v: want NoID %d (one per paper), 7 authors", r.Stats, len(ps))
	}
	wantClass := []Class{Stayer, MigrantClass, TravellerClass, MigrantClass, Stayer, MigrantClass, Stayer}
	for i, a := range r.Authors {
		if a.Key != handCareers[i].key || a.Class != wantClass[i] {
			t.Errorf("author %s: class %v, want %s %v", a.Key, a.Class, handCareers[i].key, wantClass[i])
		}
	}
	var got []string
	for _, m := range r.Moves {
		got = append(got, fmt.Sprintf("%s %s→%s %d %v from=%d to=%d overlap=%d return=%v prior=%v impact=%v/%d",
			r.Authors[m.Author].Key, r.Nodes[m.From], r.Nodes[m.To], m.Year, m.Kind, m.FromPapers, m.ToPapers, m.Overlap, m.Return, m.Prior, m.Impact, m.Cited))
	}
	want := []string{
		// A2: 6 CN papers in the spell 2000–2006 (5 + the lag papers of
		// 2005 and 2006: 7); US spell 2005–2009: 6 papers. Impact: the 5
		// papers before 2005, 10 citations each.
		"A2 CN→US 2005 migrant from=7 to=6 overlap=1 return=false prior=false impact=10/5",
		// A3: DE papers 2000–2010: 11; GB travel papers 3; 3 papers
		// before 2003 with 3 citations each.
		"A3 DE→GB 2003 traveller from=11 to=3 overlap=0 return=false prior=false impact=3/3",
		"A4 CN→US 2004 migrant from=4 to=6 overlap=0 return=false prior=false impact=5/4",
		"A4 US→CN 2010 migrant from=6 to=5 overlap=0 return=true prior=true impact=5/10",
		"A6 BR→PT 2007 migrant from=3 to=3 overlap=0 return=false prior=false impact=7/3",
	}
	if len(got) != len(want) {
		t.Fatalf("moves:\n%q\nwant\n%q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("move %d:\n got %s\nwant %s", i, got[i], want[i])
		}
	}
}
