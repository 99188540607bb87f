package orcid

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/coauthnet/coauthnet"
)

// A Stage is a step of a career path.
type Stage int

const (
	UnknownStage Stage = iota
	FirstDegree        // bachelor's level
	Graduate           // master's or doctoral
)

// DegreeStage classifies an education's role title by keywords (case
// and punctuation ignored): bachelor, BSc, BA, BS, BEng, licenciatura,
// undergraduate, 学士 → FirstDegree; master, MSc, MA, MS, MPhil, MEng,
// MBA, PhD, DPhil, doctor, doctorate, 硕士, 博士 → Graduate; anything
// else (including an empty title) → UnknownStage.
func DegreeStage(role string) Stage {
	f := strings.FieldsFunc(strings.ToLower(role), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
	})
	joined := strings.Join(f, "")
	for _, w := range f {
		switch w {
		case "bachelor", "bachelors", "bsc", "ba", "bs", "beng", "licenciatura", "licence", "undergraduate":
			return FirstDegree
		case "master", "masters", "msc", "ma", "ms", "mphil", "meng", "mba", "phd", "dphil", "doctor", "doctorate", "doctoral", "postgraduate":
			return Graduate
		}
	}
	switch {
	case strings.Contains(joined, "学士"):
		return FirstDegree
	case strings.Contains(joined, "硕士"), strings.Contains(joined, "博士"), strings.HasPrefix(joined, "phd"):
		return Graduate
	}
	return UnknownStage
}

// A Path is a career by stage: the countries of the first degree, the
// graduate degree and the employment. "" is unknown.
type Path struct {
	ORCID                         string
	FirstDegree, Graduate, Employ string
}

// String is "CN → US → CN", with "?" for an unknown stage.
func (p Path) String() string {
	q := func(s string) string {
		if s == "" {
			return "?"
		}
		return s
	}
	return q(p.FirstDegree) + " → " + q(p.Graduate) + " → " + q(p.Employ)
}

func before(a, b Affiliation) int {
	return cmp.Or(cmp.Compare(a.Start.Year, b.Start.Year), cmp.Compare(a.Start.Month, b.Start.Month),
		cmp.Compare(a.End.Year, b.End.Year), cmp.Compare(a.PutCode, b.PutCode))
}

// CareerPath returns the stages of rec:
//
//   - first degree: the earliest education whose role is first-degree
//     ([DegreeStage]); without one, the earliest education of unknown
//     stage, if the record has another education after it;
//   - graduate degree: the latest graduate education; without one, the
//     latest education of unknown stage other than the first degree;
//   - employment: the latest employment (by start date; one without a
//     start date only when no other has one).
//
// Educations and employments without a country are skipped. Order by
// start year, then month, end year, put-code.
func CareerPath(rec Record) Path {
	p := Path{ORCID: rec.ORCID}
	var eds []Affiliation
	for _, a := range rec.Educations {
		if a.Country != "" {
			eds = append(eds, a)
		}
	}
	slices.SortStableFunc(eds, before)
	first := -1
	for i, a := range eds {
		if DegreeStage(a.Role) == FirstDegree {
			first = i
			break
		}
	}
	if first < 0 && len(eds) > 1 && DegreeStage(eds[0].Role) == UnknownStage {
		first = 0
	}
	if first >= 0 {
		p.FirstDegree = eds[first].Country
	}
	grad := -1
	for i, a := range eds {
		if DegreeStage(a.Role) == Graduate {
			grad = i
		}
	}
	if grad < 0 {
		for i, a := range eds {
			if i != first && DegreeStage(a.Role) == UnknownStage {
				grad = i
			}
		}
	}
	if grad >= 0 {
		p.Graduate = eds[grad].Country
	}
	var emp []Affiliation
	for _, a := range rec.Employments {
		if a.Country != "" {
			emp = append(emp, a)
		}
	}
	slices.SortStableFunc(emp, before)
	if len(emp) > 0 {
		p.Employ = emp[len(emp)-1].Country
	}
	return p
}

// Papers turns a record into canonical records that package mobility
// reads as a career: one per affiliation and year from its start year to
// its end year (an affiliation without an end runs to the latest year
// of any date in the record; one without a start year is left out),
// each with one author (ORCID rec.ORCID) affiliated with the
// organisation (institution id: the disambiguated id with its source,
// "RINGGOLD:1234"). Paper ids are "orcid:<iD>:<kind>:<put-code>:<year>".
// Affiliations without a country are left out.
func Papers(rec Record) []coauthnet.Paper {
	last := 0
	all := append(slices.Clip(rec.Educations), rec.Employments...)
	for _, a := range all {
		last = max(last, a.Start.Year, a.End.Year)
	}
	var ps []coauthnet.Paper
	for _, a := range all {
		if a.Country == "" || a.Start.Year == 0 {
			continue
		}
		end := a.End.Year
		if end == 0 {
			end = last
		}
		id := ""
		if a.OrgID != "" {
			id = a.OrgIDSource + ":" + a.OrgID
		}
		for y := a.Start.Year; y <= end; y++ {
			ps = append(ps, coauthnet.Paper{
				ID:   fmt.Sprintf("orcid:%s:%s:%s:%d", rec.ORCID, a.Kind, a.PutCode, y),
				Year: y,
				Authors: []coauthnet.Author{{ORCID: rec.ORCID, Affiliations: []coauthnet.Affiliation{
					{Institution: a.Organization, InstitutionID: id, Country: a.Country}}}},
			})
		}
	}
	slices.SortStableFunc(ps, func(a, b coauthnet.Paper) int { return cmp.Compare(a.Year, b.Year) })
	return ps
}

// A PathCount is the number of records with one career path.
type PathCount struct {
	Path  Path // ORCID empty
	Count int
}

// CountPaths counts the career paths, most frequent first (ties in path
// order).
func CountPaths(paths []Path) []PathCount {
	m := map[Path]int{}
	for _, p := range paths {
		p.ORCID = ""
		m[p]++
	}
	out := make([]PathCount, 0, len(m))
	for p, n := range m {
		out = append(out, PathCount{p, n})
	}
	slices.SortFunc(out, func(a, b PathCount) int {
		return cmp.Or(-cmp.Compare(a.Count, b.Count), cmp.Compare(a.Path.FirstDegree, b.Path.FirstDegree),
			cmp.Compare(a.Path.Graduate, b.Path.Graduate), cmp.Compare(a.Path.Employ, b.Path.Employ))
	})
	return out
}
