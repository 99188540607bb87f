package graph

import (
	"encoding"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestTextRoundTrip: every option's text form parses back to the same
// value, and MarshalText gives the words the command and its -h use.
func TestTextRoundTrip(t *testing.T) {
	for _, c := range []struct {
		v    encoding.TextMarshaler
		text string
		new  func() encoding.TextUnmarshaler
	}{
		{Countries, "country", func() encoding.TextUnmarshaler { return new(Level) }},
		{Institutions, "institution", func() encoding.TextUnmarshaler { return new(Level) }},
		{BiFrac, "bifrac", func() encoding.TextUnmarshaler { return new(Counting) }},
		{Share, "share", func() encoding.TextUnmarshaler { return new(Counting) }},
		{CountingList(Countings), "bifrac,full,frac,share", func() encoding.TextUnmarshaler { return new(CountingList) }},
		{CountingList{Frac, BiFrac}, "frac,bifrac", func() encoding.TextUnmarshaler { return new(CountingList) }},
		{FirstAuthor, "first", func() encoding.TextUnmarshaler { return new(Leader) }},
		{CorrespondingAuthor, "corresponding", func() encoding.TextUnmarshaler { return new(Leader) }},
		{Year(2019), "2019", func() encoding.TextUnmarshaler { return new(Period) }},
		{Period{2013, 2017}, "2013-2017", func() encoding.TextUnmarshaler { return new(Period) }},
		{Period{}, "", func() encoding.TextUnmarshaler { return new(Period) }},
		{UnknownNodes(false), "drop", func() encoding.TextUnmarshaler { return new(UnknownNodes) }},
		{UnknownNodes(true), "node", func() encoding.TextUnmarshaler { return new(UnknownNodes) }},
		{HyperPapers(false), "", func() encoding.TextUnmarshaler { return new(HyperPapers) }},
		{HyperPapers(true), "only", func() encoding.TextUnmarshaler { return new(HyperPapers) }},
		{PeriodPair{{2013, 2017}, {2018, 2022}}, "2013-2017,2018-2022", func() encoding.TextUnmarshaler { return new(PeriodPair) }},
		{PeriodPair{Year(2019), Year(2020)}, "2019,2020", func() encoding.TextUnmarshaler { return new(PeriodPair) }},
		{PeriodPair{}, "", func() encoding.TextUnmarshaler { return new(PeriodPair) }},
	} {
		b, err := c.v.MarshalText()
		if err != nil || string(b) != c.text {
			t.Errorf("%#v.MarshalText() = %q, %v; want %q", c.v, b, err, c.text)
		}
		p := c.new()
		if err := p.UnmarshalText(b); err != nil {
			t.Errorf("UnmarshalText(%q): %v", b, err)
			continue
		}
		if again, _ := p.(encoding.TextMarshaler).MarshalText(); string(again) != c.text {
			t.Errorf("UnmarshalText(%q) marshals back as %q", b, again)
		}
	}
}

// TestTextErrors: a bad value gives the error the Parse functions (and
// before them the command) gave, word for word.
func TestTextErrors(t *testing.T) {
	for _, c := range []struct {
		p    encoding.TextUnmarshaler
		in   string
		want string
	}{
		{new(Level), "foo", `unknown level "foo" (want country or institution)`},
		{new(Level), "countries", `unknown level "countries" (want country or institution)`},
		{new(Counting), "bogus", `unknown counting "bogus" (want full, bifrac, frac or share)`},
		{new(CountingList), "bifrac,bogus", `unknown counting "bogus" (want full, bifrac, frac or share)`},
		{new(CountingList), "full,full", `counting "full" given twice`},
		{new(Period), "2020-2010", `bad year range "2020-2010": start after end`},
		{new(Period), "abc", `bad year range "abc" (want 2019 or 2005-2024)`},
		{new(Leader), "last", `leader "last": want first or corresponding`},
		{new(UnknownNodes), "maybe", `unknown nodes "maybe": want drop or node`},
		{new(PeriodPair), "2013", `periods "2013": want two periods such as 2013-2017,2018-2022`},
		{new(PeriodPair), "2013-2017,x", `periods "2013-2017,x": want two periods such as 2013-2017,2018-2022`},
		{new(HyperPapers), "all", `hyper "all": want only (and --max-authors N for the threshold)`},
	} {
		if err := c.p.UnmarshalText([]byte(c.in)); err == nil || err.Error() != c.want {
			t.Errorf("%T.UnmarshalText(%q) = %v; want %q", c.p, c.in, err, c.want)
		}
	}
}

// TestPeriodPairPair: nil for no pair, else the two periods.
func TestPeriodPairPair(t *testing.T) {
	var none PeriodPair
	if none.Pair() != nil {
		t.Error("PeriodPair{}.Pair() is not nil")
	}
	two := PeriodPair{{2013, 2017}, {2018, 2022}}
	if p := two.Pair(); p == nil || *p != [2]Period(two) {
		t.Errorf("Pair() = %v, want %v", p, two)
	}
}

// TestOptionsFromJSON: a configuration file names the options in the
// command's words (the text forms).
func TestOptionsFromJSON(t *testing.T) {
	var cfg struct {
		Level     Level
		Years     Period
		Leader    Leader
		Countings CountingList
		Unknown   UnknownNodes
	}
	err := json.Unmarshal([]byte(`{"Level":"institution","Years":"2013-2017","Leader":"corresponding","Countings":"frac,full","Unknown":"node"}`), &cfg)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Level != Institutions || cfg.Years != (Period{2013, 2017}) || cfg.Leader != CorrespondingAuthor || !slices.Equal(cfg.Countings, CountingList{Frac, Full}) || !bool(cfg.Unknown) {
		t.Errorf("decoded %+v", cfg)
	}
	if err := json.Unmarshal([]byte(`{"Level":"region"}`), &cfg); err == nil {
		t.Error("level region: no error")
	}
}

// TestNodeNames: nodes named as people write them, groups by name in any
// case, ZZ only with KeepUnknown, institution keys as given.
func TestNodeNames(t *testing.T) {
	o := Options{Groups: []Group{{Name: "Nordic", Members: []string{"Sweden", "dk"}}}}
	for in, want := range map[string]string{"us": "US", " Peoples R China ": "CN", "USA": "US", "NORDIC": "Nordic"} {
		if got, err := o.Node(in); err != nil || got != want {
			t.Errorf("Node(%q) = %q, %v; want %s", in, got, err, want)
		}
	}
	if _, err := o.Node("ZZ"); err == nil {
		t.Error("Node(ZZ) without KeepUnknown: no error")
	}
	o.KeepUnknown = true
	if got, err := o.Node("zz"); err != nil || got != "ZZ" {
		t.Errorf("Node(zz) with KeepUnknown = %q, %v", got, err)
	}
	if _, err := o.Node("Chnia"); err == nil || err.Error() != `unknown country "Chnia" (did you mean China (CN)?)` {
		t.Errorf("Node(Chnia): %v", err)
	}
	if _, err := o.Node(" "); err == nil {
		t.Error("Node(blank): no error")
	}
	if got, _ := (&Options{Level: Institutions}).Node(" CN:tsinghua "); got != "CN:tsinghua" {
		t.Errorf("institution key %q", got)
	}
	// At institution level a country is not a node: an error that says
	// so (CN was taken as a key before, and the report then said "CN has
	// no papers"). Groups and ZZ (with KeepUnknown) are nodes at either
	// level; three letters are a key (ETH: an acronym, and Ethiopia's
	// alpha-3 code).
	inst := Options{Level: Institutions, KeepUnknown: true, Groups: []Group{{Name: "CN", Members: []string{"CN:univ a", "CN:univ b"}}}}
	for in, want := range map[string]string{
		"US":                  "US is a country; at institution level a node is an institution key: an institution id such as https://ror.org/03cve4549, or COUNTRY:name such as CN:tsinghua univ",
		"China":               "China (CN) is a country; at institution level a node is an institution key: an institution id such as https://ror.org/03cve4549, or COUNTRY:name such as CN:tsinghua univ",
		"cn":                  "", // the group
		"zz":                  "", // the unknown node
		"ETH":                 "",
		"Tsinghua University": "",
	} {
		got, err := inst.Node(in)
		switch {
		case want == "" && err != nil:
			t.Errorf("institution level: Node(%q): %v", in, err)
		case want != "" && (err == nil || err.Error() != want):
			t.Errorf("institution level: Node(%q) = %q, %v; want the error %q", in, got, err, want)
		}
	}
	if got, _ := inst.Node("cn"); got != "CN" {
		t.Errorf("institution level: Node(cn) = %q, want the group CN", got)
	}
	if _, _, err := inst.Poles("US,https://ror.org/0CN0001"); err == nil || !strings.HasPrefix(err.Error(), `poles "US,https://ror.org/0CN0001": US is a country;`) {
		t.Errorf("institution level: Poles(US,…): %v", err)
	}
	if p, q, err := o.Poles("China,usa"); p != "CN" || q != "US" || err != nil {
		t.Errorf("Poles(China,usa) = %s, %s, %v", p, q, err)
	}
	for in, want := range map[string]string{
		"CN":       `poles "CN": want two nodes, e.g. CN,US or China,USA`,
		"CN,US,JP": `poles "CN,US,JP": want two nodes, e.g. CN,US or China,USA`,
		"CN,China": `poles "CN,China": the two poles are the same node CN`,
		"CN,XX":    `poles "CN,XX": unknown country "XX" (want an ISO code such as CN or a name such as China)`,
	} {
		if _, _, err := o.Poles(in); err == nil || err.Error() != want {
			t.Errorf("Poles(%q) = %v; want %q", in, err, want)
		}
	}
	if err := o.ResolveGroups(); err != nil || !slices.Equal(o.Groups[0].Members, []string{"SE", "DK"}) {
		t.Errorf("ResolveGroups: %v, %v", o.Groups, err)
	}
	bad := Options{Groups: []Group{{Name: "FOO", Members: []string{"XX"}}}}
	if err := bad.ResolveGroups(); err == nil || err.Error() != `group FOO: unknown country "XX" (want an ISO code such as CN or a name such as China)` {
		t.Errorf("ResolveGroups FOO=XX: %v", err)
	}
}

// TestLevelCaseAndSpace: level names are read as --counting's are, in
// any case and with spaces around.
func TestLevelCaseAndSpace(t *testing.T) {
	for in, want := range map[string]Level{"Country": Countries, " INSTITUTION ": Institutions, "institution": Institutions} {
		var l Level
		if err := l.UnmarshalText([]byte(in)); err != nil || l != want {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", in, l, err, want)
		}
	}
}

// TestPeriodStringMarshalText: String and MarshalText give the same text
// for every Period, "" for the zero Period (every year), as the type's
// doc says; before, String gave "0" for it.
func TestPeriodStringMarshalText(t *testing.T) {
	for _, c := range []struct {
		p    Period
		want string
	}{
		{Period{}, ""},
		{Year(2019), "2019"},
		{Period{2013, 2017}, "2013-2017"},
		{Year(0), ""}, // the year 0 is the zero Period
	} {
		b, err := c.p.MarshalText()
		if s := c.p.String(); s != c.want || err != nil || string(b) != c.want {
			t.Errorf("%#v: String() = %q, MarshalText() = %q, %v; want %q for both", c.p, s, b, err, c.want)
		}
	}
}

// TestPolePair: the three ways of giving two poles, and their errors;
// the focal pole comes first. Expected pairs follow the doc comment of
// PolePair: poles alone keep their order, focal picks one of them,
// focal and rival are taken one by one, what is not given stays "".
func TestPolePair(t *testing.T) {
	o := &Options{}
	for _, c := range []struct {
		poles, focal, rival string
		p, q, err           string
	}{
		{"CN,US", "", "", "CN", "US", ""},
		{"China,usa", "US", "", "US", "CN", ""},
		{"CN,US", "china", "", "CN", "US", ""},
		{"", "China", "USA", "CN", "US", ""},
		{"", "CN", "", "CN", "", ""},
		{"", "", "US", "", "US", ""},
		{"", "", "", "", "", ""},
		{"CN,US", "DE", "", "", "", "focal DE is not one of the poles CN,US"},
		{"CN,US", "", "DE", "", "", "rival goes with focal, instead of poles"},
		{"CN,US", "CN", "US", "", "", "rival goes with focal, instead of poles"},
		{"", "CN", "China", "", "", "focal and rival are the same node CN"},
		{"", "XX", "", "", "", `focal: unknown country "XX" (want an ISO code such as CN or a name such as China)`},
		{"CN", "", "", "", "", `poles "CN": want two nodes, e.g. CN,US or China,USA`},
	} {
		p, q, err := o.PolePair(c.poles, c.focal, c.rival)
		if msg := fmt.Sprint(err); err != nil && msg != c.err || err == nil && c.err != "" || p != c.p || q != c.q {
			t.Errorf("PolePair(%q, %q, %q) = %q, %q, %v; want %q, %q, %q", c.poles, c.focal, c.rival, p, q, err, c.p, c.q, c.err)
		}
	}
}
