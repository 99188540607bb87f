package coauthnet

import (
	"errors"
	"fmt"
)

// A Paper is one bibliographic record.
//
// Its JSON form is the canonical record of the module (one per line in
// JSONL files):
//
//	{"id":"W2963","year":2019,"fields":["Materials Science"],
//	 "authors":[{"name":"Li, X","id":"A1","affiliations":[
//	   {"institution":"Tsinghua University","institution_id":"https://ror.org/03cve4549","country":"CN"}]}]}
type Paper struct {
	// ID identifies the paper in its source (WoS UT, Scopus EID,
	// OpenAlex W id, or any string for canonical records).
	ID string `json:"id"`
	// DOI is optional; it finds the same paper in two sources.
	DOI string `json:"doi,omitempty"`
	// Title is optional; with the year and the first author's surname it
	// finds the same paper in sources without DOIs (load's title rule).
	// Every reader fills it when the source has one.
	Title string `json:"title,omitempty"`
	// Year is the publication year.
	Year int `json:"year"`
	// Fields are subject categories as given by the source.
	Fields []string `json:"fields,omitempty"`
	// Citations is the times-cited count when the source has one;
	// nil means unknown, which is not zero.
	Citations *int `json:"citations,omitempty"`
	// Authors are in byline order: Authors[0] is the first author.
	Authors []Author `json:"authors"`
}

// An Author is one name on a byline.
type Author struct {
	Name  string `json:"name,omitempty"`
	ID    string `json:"id,omitempty"`
	ORCID string `json:"orcid,omitempty"`
	// Corresponding is true for the reprint or corresponding author.
	Corresponding bool `json:"corresponding,omitempty"`
	// Affiliations may be empty (unknown) or several (dual appointments).
	Affiliations []Affiliation `json:"affiliations,omitempty"`
}

// An Affiliation is an institution and its country. Any of the three
// fields may be empty.
type Affiliation struct {
	Institution   string `json:"institution,omitempty"`
	InstitutionID string `json:"institution_id,omitempty"`
	// Country is an ISO 3166-1 alpha-2 code in upper case, or empty when
	// unknown. The code ZZ (user-assigned in ISO 3166) stands for an
	// explicit unknown node; see [Unknown].
	Country string `json:"country,omitempty"`
}

// Unknown is the country code of the explicit "unknown" node that counting
// can keep for authors without any known node. ZZ is reserved for user
// assignment by ISO 3166-1 and is never a real country.
const Unknown = "ZZ"

// Errors reported by [Paper.Validate].
var (
	ErrNoID       = errors.New("no id")
	ErrNoYear     = errors.New("no year")
	ErrBadCountry = errors.New("country is not an ISO 3166-1 alpha-2 code")
)

// MinYear and MaxYear bound the publication years [Paper.Validate] accepts.
const (
	MinYear = 1000
	MaxYear = 2999
)

// Validate reports whether p can be counted: it has an ID, a year between
// [MinYear] and [MaxYear], and every non-empty country is two upper-case
// ASCII letters. An unknown code such as "XK" is valid (codes are not
// checked against the ISO list here: that is the readers' and the country
// policy's job); "cn" or "China" are not.
func (p *Paper) Validate() error {
	if p.ID == "" {
		return ErrNoID
	}
	if p.Year < MinYear || p.Year > MaxYear {
		if p.Year == 0 {
			return ErrNoYear
		}
		return fmt.Errorf("year %d out of range %d-%d", p.Year, MinYear, MaxYear)
	}
	for i := range p.Authors {
		for _, af := range p.Authors[i].Affiliations {
			if af.Country != "" && !isCode(af.Country) {
				return fmt.Errorf("author %d: %w: %q", i+1, ErrBadCountry, af.Country)
			}
		}
	}
	return nil
}

func isCode(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}
