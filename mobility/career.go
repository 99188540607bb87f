package mobility

import (
	"slices"
	"strings"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
)

// A Level says which node of an affiliation a career follows. It is
// graph's Level, so that the level of a graph and of careers is one
// value (graph.Options.Level can be set as Options.Level).
type Level = graph.Level

// The levels, as in package graph.
const (
	Countries    = graph.Countries
	Institutions = graph.Institutions
)

// Stats count what [Careers.Add] saw.
type Stats struct {
	Papers      int // papers added
	AuthorSlots int // authors on bylines
	NoID        int // authors without Author.ID or ORCID: left out
	NoNode      int // authors with an identifier but no country on the paper (country level)
	NoInst      int // same without an institution (institution level)
	Authors     int // distinct author keys
}

// obs is one author observed at one affiliation of one paper.
type obs struct {
	author int32
	paper  int32
	year   int32
	cites  int32 // -1: unknown
	node   int32 // country index
	inst   int32 // institution index, -1 none
}

// Careers collects the observations of every author with an identifier.
// Add papers, then call [Careers.Analyze]. Not safe for concurrent use.
type Careers struct {
	obs       []obs
	keys      []string
	ids       map[string]int32
	countries []string
	cidx      map[string]int32
	insts     []string
	iidx      map[string]int32
	papers    int32
	stats     Stats
	// Per paper: its field ids (pfields[pstart[i]:pstart[i+1]]), for the
	// field-normalised impact; field 0 is "no field".
	pstart  []int32
	pfields []int32
	fields  []string
	fidx    map[string]int32
	// Σ citations and number of cited papers per (year, field).
	base map[[2]int32][2]float64
}

// NewCareers returns an empty collection.
func NewCareers() *Careers {
	return &Careers{ids: map[string]int32{}, cidx: map[string]int32{}, iidx: map[string]int32{},
		pstart: []int32{0}, fields: []string{""}, fidx: map[string]int32{"": 0}, base: map[[2]int32][2]float64{}}
}

// Stats returns the counts so far.
func (c *Careers) Stats() Stats {
	s := c.stats
	s.Authors = len(c.keys)
	return s
}

// Key returns the author key of a: its ID, else "orcid:" and its ORCID,
// else "".
func Key(a *coauthnet.Author) string {
	if a.ID != "" {
		return a.ID
	}
	if a.ORCID != "" {
		return "orcid:" + a.ORCID
	}
	return ""
}

func intern(m map[string]int32, list *[]string, s string) int32 {
	if i, ok := m[s]; ok {
		return i
	}
	i := int32(len(*list))
	s = strings.Clone(s)
	*list = append(*list, s)
	m[s] = i
	return i
}

// Add records the authors of p. An author listed twice on p counts once
// per node. Every paper with a citation count, with or without authors
// with an identifier, enters the field-year baselines of the
// normalised impact (Move.CNCI).
func (c *Careers) Add(p *coauthnet.Paper) {
	c.stats.Papers++
	pi := c.papers
	c.papers++
	cites := int32(-1)
	if p.Citations != nil && *p.Citations >= 0 {
		cites = int32(min(*p.Citations, 1<<31-1))
	}
	first := len(c.pfields)
	for _, f := range p.Fields {
		fi := intern(c.fidx, &c.fields, f)
		if !slices.Contains(c.pfields[first:], fi) {
			c.pfields = append(c.pfields, fi)
		}
	}
	if len(c.pfields) == first {
		c.pfields = append(c.pfields, 0)
	}
	c.pstart = append(c.pstart, int32(len(c.pfields)))
	if cites >= 0 {
		for _, fi := range c.pfields[first:] {
			k := [2]int32{int32(p.Year), fi}
			b := c.base[k]
			c.base[k] = [2]float64{b[0] + float64(cites), b[1] + 1}
		}
	}
	for i := range p.Authors {
		a := &p.Authors[i]
		c.stats.AuthorSlots++
		k := Key(a)
		if k == "" {
			c.stats.NoID++
			continue
		}
		ai := intern(c.ids, &c.keys, k)
		country, inst := false, false
		for _, af := range a.Affiliations {
			if af.Country == "" {
				continue
			}
			o := obs{author: ai, paper: pi, year: int32(p.Year), cites: cites, node: intern(c.cidx, &c.countries, af.Country), inst: -1}
			country = true
			ik := af.InstitutionID
			if ik == "" && af.Institution != "" {
				ik = graph.InstitutionKey(af.Institution, af.Country)
			}
			if ik != "" {
				o.inst = intern(c.iidx, &c.insts, ik)
				inst = true
			}
			c.obs = append(c.obs, o)
		}
		if !country {
			c.stats.NoNode++
		}
		if !inst {
			c.stats.NoInst++
		}
	}
}
