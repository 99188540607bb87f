package orcid

import (
	"fmt"
	"testing"
)

func TestDegreeStage(t *testing.T) {
	for role, want := range map[string]Stage{
		"BSc":                     FirstDegree,
		"Bachelor of Engineering": FirstDegree,
		"B.S.":                    UnknownStage, // "b" and "s" apart: not recognised
		"PhD":                     Graduate,
		"Ph.D. candidate":         Graduate, // letters joined start with "phd"
		"PhD student":             Graduate,
		"Master's degree":         Graduate,
		"M.Sc.":                   UnknownStage,
		"博士":                      Graduate,
		"学士":                      FirstDegree,
		"Professor":               UnknownStage,
		"":                        UnknownStage,
	} {
		if got := DegreeStage(role); got != want {
			t.Errorf("DegreeStage(%q) = %v, want %v", role, got, want)
		}
	}
}

// A researcher with a bachelor's in China, a PhD in the US, a postdoc
// in the US and a professorship in China: CN → US → CN.
func TestCareerPath(t *testing.T) {
	rec := Record{ORCID: "0000-0002-1825-0097",
		Educations: []Affiliation{
			{Kind: "education", Role: "PhD", Country: "US", Start: Date{2008, 9, 1}, End: Date{2013, 6, 0}},
			{Kind: "education", Role: "BSc", Country: "CN", Start: Date{2004, 9, 1}, End: Date{2008, 6, 0}},
		},
		Employments: []Affiliation{
			{Kind: "employment", Role: "Professor", Country: "CN", Start: Date{2016, 1, 0}},
			{Kind: "employment", Role: "Postdoc", Country: "US", Start: Date{2013, 7, 0}, End: Date{2015, 12, 0}},
		},
	}
	if p := CareerPath(rec); p.String() != "CN → US → CN" {
		t.Errorf("path %v", p)
	}
	// As papers for package mobility: BSc 2004–2008 (5 years), PhD
	// 2008–2013 (6), postdoc 2013–2015 (3), professor 2016 to the latest
	// year in the record, 2016 (1): 15 papers, the first in 2004.
	ps := Papers(rec)
	if len(ps) != 15 || ps[0].Year != 2004 || ps[len(ps)-1].Year != 2016 || ps[0].Authors[0].ORCID != rec.ORCID {
		t.Errorf("%d papers, %d–%d", len(ps), ps[0].Year, ps[len(ps)-1].Year)
	}
}

// TestSamplePaths is the career-path table of the ORCID samples
// (testdata): their role titles ("education:role-title") name no degree,
// so a record's only education is taken as the graduate one, and of two
// educations of unknown stage the first is the first degree.
func TestSamplePaths(t *testing.T) {
	r, err := Open("testdata")
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	recs, _, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var paths []Path
	for _, rec := range recs {
		paths = append(paths, CareerPath(rec))
	}
	var got []string
	for _, pc := range CountPaths(paths) {
		got = append(got, fmt.Sprintf("%s: %d", pc.Path, pc.Count))
	}
	// activities, record and record-no-city: one AF education, one AF
	// employment; education-3.0: one AF education; educations-3.0: two
	// AS educations; employment-full: AF employment; employments: AS.
	want := "[? → AF → AF: 3 ? → ? → AF: 1 ? → ? → AS: 1 ? → AF → ?: 1 AS → AS → ?: 1]"
	if fmt.Sprint(got) != want {
		t.Errorf("paths %v\nwant %s", got, want)
	}
}
