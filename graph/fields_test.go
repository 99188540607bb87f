package graph

import (
	"testing"

	"github.com/coauthnet/coauthnet"
)

// A paper counts once in each distinct field, without a field under
// NoField; series come sorted by field.
func TestFieldCounter(t *testing.T) {
	paper := func(id string, fields ...string) *coauthnet.Paper {
		return &coauthnet.Paper{ID: id, Year: 2020, Fields: fields, Authors: []coauthnet.Author{
			{Affiliations: []coauthnet.Affiliation{{Country: "CN"}}}, {Affiliations: []coauthnet.Affiliation{{Country: "US"}}}}}
	}
	fc := NewFieldCounter(Options{})
	for _, p := range []*coauthnet.Paper{paper("1", "Ecology", "Surgery", "Ecology"), paper("2", "Ecology"), paper("3")} {
		fc.Add(p)
	}
	fs := fc.Series()
	if fc.Len() != 3 || len(fs) != 3 {
		t.Fatalf("%d fields, want 3", fc.Len())
	}
	// By hand: Ecology has papers 1 and 2 (1 counted once), Surgery 1,
	// (no field) 3; each paper is one CN–US edge of full weight 1.
	for i, want := range []struct {
		field string
		full  float64
	}{{NoField, 1}, {"Ecology", 2}, {"Surgery", 1}} {
		g := fs[i].Series.Range(Year(2020))
		if got := g.Total(Full); fs[i].Field != want.field || got != want.full {
			t.Errorf("field %d: %s with full weight %g, want %s with %g", i, fs[i].Field, got, want.field, want.full)
		}
	}
	var nilCounter *FieldCounter
	if nilCounter.Len() != 0 {
		t.Error("a nil FieldCounter has fields")
	}
}

func TestParseGroupAndPeriods(t *testing.T) {
	g, err := ParseGroup(" NORDIC = SE, DK,,NO ")
	if err != nil || g.Name != "NORDIC" || len(g.Members) != 3 || g.Members[1] != "DK" {
		t.Errorf("ParseGroup = %+v, %v", g, err)
	}
	if g, _ := ParseGroup("EU27"); len(g.Members) != 27 {
		t.Errorf("ParseGroup(EU27) has %d members", len(g.Members))
	}
	// A list of empty members parses to a group without members, which
	// Options.Validate refuses.
	if g, err := ParseGroup("X= , "); err != nil || len(g.Members) != 0 || (&Options{Groups: []Group{g}}).Validate() == nil {
		t.Errorf("ParseGroup(\"X= , \") = %+v, %v; want no members, refused by Validate", g, err)
	}
	for _, bad := range []string{"NORDIC", "=SE", " =SE"} {
		if _, err := ParseGroup(bad); err == nil {
			t.Errorf("ParseGroup(%q): no error", bad)
		}
	}
	two, err := ParsePeriodPair("2013-2017,2018")
	if err != nil || two != [2]Period{{2013, 2017}, {2018, 2018}} {
		t.Errorf("ParsePeriodPair = %v, %v", two, err)
	}
	for _, bad := range []string{"2013-2017", "2013-2017,", "x,2018"} {
		if _, err := ParsePeriodPair(bad); err == nil {
			t.Errorf("ParsePeriodPair(%q): no error", bad)
		}
	}
}
