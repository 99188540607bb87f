package mobility

import (
	"fmt"
	"math"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
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
// each with DefaultOptions (Switch 2.5, Return 1, LagYears 2, LagCost
// 0.25, Absent 0.5, MinPapers 2, TravelGap 3), worked by hand: the cost
// of a segmentation is Σ papers without the home (lag papers 0.25) + 0.5
// per active year without the home (lag years 0.125) + 2.5 per change
// (1 back to the origin).
var handCareers = []career{
	// Stayer with a gap of four years: one spell (gaps are not active
	// years).
	{"A1", []string{"2000:CN", "2001:CN", "2003:CN", "2008:CN"}, 1},
	// Migrant CN→US with publication lag: CN papers in 2005 and 2006
	// after the first US paper (2005). Staying CN costs 6 US papers + 3
	// years without CN (2007–09) = 7.5; moving in 2005 costs 2.5 + 2 lag
	// papers × 0.25 = 3; moving in 2006 or later costs more (the 2005 US
	// paper) → migrant 2005, CN seen until 2006 (overlap 1).
	{"A2", []string{"2000:CN", "2001:CN", "2002:CN", "2003:CN", "2004:CN", "2005:US", "2005:CN", "2006:CN", "2006:US", "2007:US", "2008:US", "2009:US", "2009:US"}, 10},
	// Traveller DE→GB: DE every year, GB papers in 2003, 2004 (dual) and
	// 2007 (alone): staying DE costs 1, any change ≥ 2.5 → one home;
	// GB papers 2003, 2004, 2007 are 3 travel papers in one run (gaps <
	// TravelGap 3) → traveller, dated 2003.
	{"A3", []string{"2000:DE", "2001:DE", "2002:DE", "2003:DE+GB", "2004:DE+GB", "2005:DE", "2006:DE", "2007:GB", "2007:DE", "2008:DE", "2009:DE", "2010:DE"}, 3},
	// Return migrant: CN 2000–2003, US 2004–2009, CN 2010–2014. Staying
	// CN costs 6 + 6 × 0.5 = 9; CN→US 2004 then US→CN 2010 costs 2.5 + 1
	// (back to the origin) = 3.5 → two migrations, the second a return
	// with prior ties.
	{"A4", []string{"2000:CN", "2001:CN", "2002:CN", "2003:CN", "2004:US", "2005:US", "2006:US", "2007:US", "2008:US", "2009:US", "2010:CN", "2011:CN", "2012:CN", "2013:CN", "2014:CN"}, 5},
	// One IT paper in an FR career: staying FR costs 1.5 (the paper and
	// its year), a change 2.5 + 1 → stayer; 1 IT paper < MinPapers → no
	// travel.
	{"A5", []string{"2000:FR", "2001:FR", "2002:FR", "2005:IT", "2006:FR", "2007:FR"}, 0},
	// Migrant BR→PT across a four-year gap without papers (gaps are not
	// active years): staying costs 3 + 1.5, moving 2.5 → PT 2007.
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
		// A2: 5 CN papers in the CN home period 2000–2004; 6 US papers
		// from 2005; CN still seen in 2006 (overlap 1). Impact: the 5
		// papers before 2005, 10 citations each.
		"A2 CN→US 2005 migrant from=5 to=6 overlap=1 return=false prior=false impact=10/5",
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

// TestValidate: DefaultOptions pass; each rule out of its range fails.
func TestValidate(t *testing.T) {
	if err := DefaultOptions.Validate(); err != nil {
		t.Errorf("DefaultOptions: %v", err)
	}
	for name, change := range map[string]func(*Options){
		"MinPapers 0": func(o *Options) { o.MinPapers = 0 },
		"TravelGap 0": func(o *Options) { o.TravelGap = 0 },
		"Switch 0":    func(o *Options) { o.Switch = 0 },
		"Return -1":   func(o *Options) { o.Return = -1 },
		"LagCost 1.5": func(o *Options) { o.LagCost = 1.5 },
		"LagCost NaN": func(o *Options) { o.LagCost = math.NaN() },
		"Absent -0.1": func(o *Options) { o.Absent = -0.1 },
		"LagYears -1": func(o *Options) { o.LagYears = -1 },
	} {
		o := DefaultOptions
		change(&o)
		if o.Validate() == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestGraphLevel: Options.Level takes graph's levels (Level is
// graph.Level). One author at two institutions of one country, four
// years each (ids I1 and I2, both CN): at graph.Countries a stayer (one
// node, no move); at graph.Institutions a migrant I1→I2 in 2004 (staying
// at I1 costs 4 papers + 4 years × 0.5 = 6 > the Switch 2.5 of a change,
// as A6 of handCareers across countries).
func TestGraphLevel(t *testing.T) {
	var ps []coauthnet.Paper
	for y := 2000; y < 2008; y++ {
		inst := "I1"
		if y >= 2004 {
			inst = "I2"
		}
		ps = append(ps, coauthnet.Paper{ID: fmt.Sprint(y), Year: y, Authors: []coauthnet.Author{
			{ID: "A", Affiliations: []coauthnet.Affiliation{{Country: "CN", InstitutionID: inst}}}}})
	}
	for _, c := range []struct {
		level graph.Level
		class Class
		moves string
	}{
		{graph.Countries, Stayer, ""},
		{graph.Institutions, MigrantClass, "I1→I2 2004"},
	} {
		cs := NewCareers()
		for i := range ps {
			cs.Add(&ps[i])
		}
		o := DefaultOptions
		o.Level = c.level
		r := cs.Analyze(o)
		moves := ""
		for _, m := range r.Moves {
			moves += fmt.Sprintf("%s→%s %d", r.Nodes[m.From], r.Nodes[m.To], m.Year)
		}
		if len(r.Authors) != 1 || r.Authors[0].Class != c.class || moves != c.moves {
			t.Errorf("level %v: %d authors, class %v, moves %q; want 1, %v, %q", c.level, len(r.Authors), r.Authors[0].Class, moves, c.class, c.moves)
		}
	}
}
