// Package sample generates the embedded demo corpus of coauthnet: a
// deterministic, seeded set of papers whose planted structure is known,
// so that analyses can be checked against it. The same generator, at any
// size, feeds the benchmarks.
//
// # Planted structure (see [Truth])
//
// About 38 countries publish each year from 2005 to 2024; China's share
// of lead authorship grows from 12% to about 30%. Each paper has a lead
// country; it is international with a probability that is higher for
// small countries, and then draws one to three partner countries with
// probability proportional to size × affinity. On top of this background,
// planted bilateral streams concentrate each effect on enough papers to
// be recoverable from a 20000-paper corpus (a fraction of each year's
// papers, see streams): CN–US 2% of papers in 2005 rising to 8% in 2017,
// 9% in 2018, 15% in 2019, 8% in 2020, then 7% falling to 3% in 2024;
// after the peak year 2019, CN with a partner rises from 3% to 12% and US
// with a partner falls from 4% to 0.4%, CN with a competitor falls from
// 6% to 0.4% and US with a competitor rises from 4% to 12%; CN with a
// hedger and US with a hedger stay at 10% each throughout. The test
// TestPlantRecoverable shows that the simplest rule recovers the blocs:
// the change of ln(I(X,CN)/I(X,US)) from 2016–2019 to 2021–2024 is above
// +1 for partners, below −1 for competitors and between for hedgers. The
// background affinities point the same way:
//
//   - The poles CN and US: affinity rises linearly from 1 in 2005 to 2.5
//     in 2017, then 3.2 in 2018, 4.5 at the peak year 2019, 3 in 2020,
//     and falls from 2.4 in 2021 to 0.8 in 2024, so their collaboration,
//     counted and as intensity, peaks in 2019 by a margin larger than the
//     year-to-year noise.
//   - Partners of CN (PK, SA, IR, RU, EG): affinity with CN rises from 1
//     in 2010 to 15 in 2024; with US it falls from 1 to 0.2.
//   - Competitors (JP, GB, AU, CA, KR, NL, SE): affinity with CN is 1
//     until 2019 and falls to 0.15 by 2024; with US it rises from 1 to 3
//     after 2019.
//   - Hedgers: every other country, affinity 1 with both poles.
//
// Also planted, to exercise the counting: hyper-authored papers (0.3%,
// 200–800 authors from 15–35 countries), dual affiliations (5% of
// authors, a third of them in a second country), affiliations without a
// country (2%), authors without any affiliation (1%), and institutions
// without an identifier (one in five, keyed by name and country).
//
// A second generator, [NewPlanted], makes corpora whose blocs (their
// strength, shape and size), peak year and growth are parameters, with a
// stationary mode as the null: the validation corpora of the bloc rule
// (docs/blocs-validation.md).
//
// The random source is PCG (math/rand/v2, a specified algorithm) with
// derived values computed here, not by library helpers, so a seed gives
// the same corpus on every Go version.
package sample

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/coauthnet/coauthnet"
)

// Config sets the size and seed of a corpus. The zero value is the
// embedded sample: seed 1, 20000 papers, 2005–2024.
type Config struct {
	Seed   uint64
	Papers int // approximate total; default 20000
	From   int // first year; default 2005
	To     int // last year; default 2024
}

// Truth is the planted structure of every generated corpus.
type Truth struct {
	Poles       [2]string // the focal pole first
	Peak        int       // year the pole pair's affinity peaks
	Partners    []string  // deepen ties with Poles[0], retreat from Poles[1]
	Competitors []string  // retreat from Poles[0] after Peak, deepen with Poles[1]
	Hedgers     []string  // neither
}

type country struct {
	code string
	size float64 // relative output (CN grows, see size)
}

var countries = []country{
	{"US", 25}, {"CN", 0}, {"DE", 7}, {"GB", 7}, {"JP", 6}, {"FR", 5}, {"IN", 5},
	{"KR", 4}, {"IT", 4}, {"CA", 4}, {"AU", 3.5}, {"ES", 3}, {"BR", 3}, {"RU", 3},
	{"NL", 2.5}, {"IR", 2.5}, {"CH", 2}, {"SE", 2}, {"TR", 2}, {"PL", 2}, {"TW", 2},
	{"PK", 2.5}, {"SA", 2.5}, {"EG", 2}, {"BE", 1.5}, {"SG", 1.2}, {"DK", 1.2},
	{"HK", 1}, {"IL", 1}, {"MX", 1}, {"ZA", 1}, {"MY", 1}, {"NO", 1}, {"AT", 1},
	{"FI", 1}, {"PT", 1}, {"TH", 0.8}, {"NG", 0.8},
}

var (
	partners    = []string{"PK", "SA", "IR", "RU", "EG"}
	competitors = []string{"JP", "GB", "AU", "CA", "KR", "NL", "SE"}
	fields      = []string{"Chemistry", "Physics", "Computer Science", "Materials Science", "Engineering", "Medicine", "Biology", "Mathematics"}
	surnames    = []string{"Li", "Wang", "Smith", "Zhang", "Kim", "Müller", "Garcia", "Khan", "Ali", "Ivanov", "Tanaka", "Rossi", "Silva", "Cohen", "O'Brien", "Nguyen", "Kumar", "Chen", "Ahmed", "Johnson"}
)

const peak = 2019

// GetTruth returns the planted structure.
func GetTruth() Truth {
	t := Truth{Poles: [2]string{"CN", "US"}, Peak: peak, Partners: partners, Competitors: competitors}
	for _, c := range countries {
		if c.code != "CN" && c.code != "US" && !in(c.code, partners) && !in(c.code, competitors) {
			t.Hedgers = append(t.Hedgers, c.code)
		}
	}
	return t
}

func in(s string, list []string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ramp is 0 before a, 1 after b, linear between.
func ramp(y, a, b int) float64 {
	switch {
	case y <= a:
		return 0
	case y >= b:
		return 1
	}
	return float64(y-a) / float64(b-a)
}

// affinity is the planted multiplier of the pair (a, b) in year y.
func affinity(a, b string, y int) float64 {
	if a > b {
		a, b = b, a
	}
	if a == "CN" && b == "US" {
		switch {
		case y <= 2017:
			return 1 + 1.5*ramp(y, 2005, 2017)
		case y == 2018:
			return 3.2
		case y == peak:
			return 4.5
		case y == 2020:
			return 3
		}
		return 2.4 - 1.6*ramp(y, 2021, 2024)
	}
	other := ""
	pole := ""
	switch {
	case a == "CN" || a == "US":
		pole, other = a, b
	case b == "CN" || b == "US":
		pole, other = b, a
	default:
		return 1
	}
	switch {
	case in(other, partners):
		if pole == "CN" {
			return 1 + 14*ramp(y, 2010, 2024)
		}
		return 1 - 0.8*ramp(y, 2010, 2024)
	case in(other, competitors):
		if pole == "CN" {
			return 1 - 0.85*ramp(y, peak, 2024)
		}
		return 1 + 2*ramp(y, peak, 2024)
	}
	return 1
}

// A Generator yields the papers of a corpus one at a time, in year order.
type Generator struct {
	cfg   Config
	rng   *rand.PCG
	year  int
	left  int // papers left in year
	total int // papers per year at the middle year
	n     int // papers made
	insts [][]institution
	cum   []float64 // cumulative lead weights of the current year
	codes []string
}

type institution struct {
	name, id string
}

// New returns a generator for cfg.
func New(cfg Config) *Generator {
	if cfg.Seed == 0 {
		cfg.Seed = 1
	}
	if cfg.Papers <= 0 {
		cfg.Papers = 20000
	}
	if cfg.From == 0 {
		cfg.From = 2005
	}
	if cfg.To == 0 {
		cfg.To = 2024
	}
	g := &Generator{cfg: cfg, rng: rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15)}
	years := cfg.To - cfg.From + 1
	g.total = max(1, cfg.Papers/years)
	for ci, c := range countries {
		g.codes = append(g.codes, c.code)
		size := c.size
		if c.code == "CN" {
			size = 20
		}
		k := int(math.Round(3 * math.Sqrt(size)))
		var list []institution
		for j := 1; j <= k; j++ {
			inst := institution{name: fmt.Sprintf("Univ %s %d", coauthnet.CountryName(c.code), j)}
			if (ci+j)%5 != 0 { // one in five without an identifier
				inst.id = fmt.Sprintf("https://ror.org/0%s%04d", c.code, j)
			}
			list = append(list, inst)
		}
		g.insts = append(g.insts, list)
	}
	g.startYear(cfg.From)
	return g
}

// Truth returns the planted structure.
func (g *Generator) Truth() Truth { return GetTruth() }

func (g *Generator) startYear(y int) {
	g.year = y
	// Output grows 60% → 140% of the mean over the years.
	span := max(1, g.cfg.To-g.cfg.From)
	f := 0.6 + 0.8*float64(y-g.cfg.From)/float64(span)
	g.left = int(math.Round(float64(g.total) * f))
	g.cum = g.cum[:0]
	var acc float64
	for _, c := range countries {
		acc += g.size(c, y)
		g.cum = append(g.cum, acc)
	}
}

// size is the lead weight of c in year y; CN grows from 12 to 45.
func (g *Generator) size(c country, y int) float64 {
	if c.code == "CN" {
		return 12 + 33*ramp(y, g.cfg.From, g.cfg.To)
	}
	return c.size
}

func (g *Generator) float() float64 { return float64(g.rng.Uint64()>>11) / (1 << 53) }

func (g *Generator) intn(n int) int { return int(g.float() * float64(n)) }

func (g *Generator) pick(cum []float64) int { return pickCum(cum, g.float()) }

// pickCum returns the index that u (uniform in [0, 1)) falls on in the
// cumulative weights cum: the first i with cum[i] > u·cum[last], or the
// last index.
func pickCum(cum []float64, u float64) int {
	x := u * cum[len(cum)-1]
	lo, hi := 0, len(cum)-1
	for lo < hi {
		m := (lo + hi) / 2
		if cum[m] > x {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}

// Next returns the next paper, and false when the corpus is complete.
func (g *Generator) Next() (coauthnet.Paper, bool) {
	for g.left <= 0 {
		if g.year >= g.cfg.To {
			return coauthnet.Paper{}, false
		}
		g.startYear(g.year + 1)
	}
	g.left--
	g.n++
	if g.float() < 0.003 {
		return g.hyper(), true
	}
	cs := g.planted()
	if cs == nil {
		cs = g.background()
	}
	// Authors: 1 + geometric, mean about 5, at least one per country.
	na := 1
	for na < 30 && g.float() < 0.78 {
		na++
	}
	na = max(na, len(cs))
	p := g.paper()
	for i := 0; i < na; i++ {
		ci := cs[0]
		if i < len(cs) {
			ci = cs[i]
		} else if g.float() < 0.4 {
			ci = cs[g.intn(len(cs))]
		}
		p.Authors = append(p.Authors, g.author(ci, cs, i == 0))
	}
	return p, true
}

// streams are the planted bilateral streams: the probability that a
// paper of year y is a CN–US paper, a CN–partner, US–partner,
// CN–competitor, US–competitor, CN–hedger or US–hedger paper.
func streams(y int) (cnus, cnPartner, usPartner, cnComp, usComp, cnHedger, usHedger float64) {
	switch {
	case y <= 2017:
		cnus = 0.02 + 0.06*ramp(y, 2005, 2017)
	case y == 2018:
		cnus = 0.09
	case y == peak:
		cnus = 0.15
	case y == 2020:
		cnus = 0.08
	default:
		cnus = 0.07 - 0.04*ramp(y, 2021, 2024)
	}
	after := ramp(y, peak, 2024)
	cnPartner = 0.02 + 0.01*ramp(y, 2010, peak) + 0.09*after
	usPartner = 0.04 - 0.036*after
	cnComp = 0.06 - 0.056*after
	usComp = 0.04 + 0.08*after
	cnHedger, usHedger = 0.10, 0.10
	return
}

// planted returns the countries of a planted bilateral paper (lead
// first), or nil for a background paper.
func (g *Generator) planted() []int {
	cnus, cnPartner, usPartner, cnComp, usComp, cnHedger, usHedger := streams(g.year)
	truth := GetTruth()
	x := g.float()
	pair := func(a string, b []string) []int {
		ia, ib := g.index(a), g.index(b[g.intn(len(b))])
		if g.float() < 0.5 {
			return []int{ia, ib}
		}
		return []int{ib, ia}
	}
	for _, st := range []struct {
		p     float64
		pole  string
		other []string
	}{
		{cnus, "CN", []string{"US"}},
		{cnPartner, "CN", partners},
		{usPartner, "US", partners},
		{cnComp, "CN", competitors},
		{usComp, "US", competitors},
		{cnHedger, "CN", truth.Hedgers},
		{usHedger, "US", truth.Hedgers},
	} {
		if x < st.p {
			return pair(st.pole, st.other)
		}
		x -= st.p
	}
	return nil
}

func (g *Generator) index(code string) int {
	for i, c := range countries {
		if c.code == code {
			return i
		}
	}
	panic("sample: unknown country " + code)
}

// background returns the countries of a paper of the background model:
// a lead country by size, international with a probability that is
// higher for small countries, partners by size × affinity.
func (g *Generator) background() []int {
	lead := g.pick(g.cum)
	cs := []int{lead}
	size := g.size(countries[lead], g.year)
	if g.float() < 0.2+0.3/(1+size/4) {
		m := 1
		if r := g.float(); r > 0.95 {
			m = 3
		} else if r > 0.8 {
			m = 2
		}
		for len(cs) < m+1 {
			cum := make([]float64, len(countries))
			var acc float64
			for i, c := range countries {
				w := 0.0
				if !inInts(i, cs) {
					w = g.size(c, g.year)
					for _, j := range cs {
						w *= affinity(countries[j].code, c.code, g.year)
					}
				}
				acc += w
				cum[i] = acc
			}
			cs = append(cs, g.pick(cum))
		}
	}
	return cs
}

func inInts(x int, xs []int) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

func (g *Generator) paper() coauthnet.Paper {
	p := coauthnet.Paper{
		ID:     fmt.Sprintf("S%d-%07d", g.cfg.Seed, g.n),
		DOI:    fmt.Sprintf("10.5555/sample.%d.%d", g.cfg.Seed, g.n),
		Year:   g.year,
		Fields: []string{fields[g.intn(len(fields))]},
	}
	if g.float() < 0.9 {
		c := int(-math.Log(1-g.float()) * float64(2+g.cfg.To-g.year) * 1.5)
		p.Citations = &c
	}
	return p
}

func (g *Generator) author(ci int, cs []int, first bool) coauthnet.Author {
	a := coauthnet.Author{
		Name:          fmt.Sprintf("%s, %c", surnames[g.intn(len(surnames))], 'A'+rune(g.intn(26))),
		ID:            fmt.Sprintf("A%d", g.intn(5_000_000)),
		Corresponding: first,
	}
	if g.float() < 0.01 {
		return a // no affiliation at all
	}
	a.Affiliations = append(a.Affiliations, g.affiliation(ci))
	if g.float() < 0.05 {
		second := ci
		if g.float() < 0.33 {
			second = g.pick(g.cum)
		}
		a.Affiliations = append(a.Affiliations, g.affiliation(second))
	}
	return a
}

func (g *Generator) affiliation(ci int) coauthnet.Affiliation {
	list := g.insts[ci]
	// Zipf-like: the first institutions of a country are the biggest.
	j := int(float64(len(list)) * g.float() * g.float())
	inst := list[j]
	af := coauthnet.Affiliation{Institution: inst.name, InstitutionID: inst.id, Country: countries[ci].code}
	if g.float() < 0.02 {
		af.Country = ""
		af.InstitutionID = ""
	}
	return af
}

// hyper makes a hyper-authored consortium paper.
func (g *Generator) hyper() coauthnet.Paper {
	p := g.paper()
	p.Fields = []string{"Physics"}
	k := 15 + g.intn(21)
	var cs []int
	for len(cs) < k {
		if c := g.pick(g.cum); !inInts(c, cs) {
			cs = append(cs, c)
		}
	}
	na := 200 + g.intn(601)
	for i := 0; i < na; i++ {
		p.Authors = append(p.Authors, g.author(cs[i%len(cs)], cs, i == 0))
	}
	return p
}

// Generate returns a whole corpus.
func Generate(cfg Config) []coauthnet.Paper {
	g := New(cfg)
	var ps []coauthnet.Paper
	for {
		p, ok := g.Next()
		if !ok {
			return ps
		}
		ps = append(ps, p)
	}
}

// Bloc returns the planted bloc of a country code: "partner",
// "competitor", "hedger", or "" for the poles and unknown codes.
func (t Truth) Bloc(code string) string {
	switch {
	case in(code, t.Partners):
		return "partner"
	case in(code, t.Competitors):
		return "competitor"
	case in(code, t.Hedgers):
		return "hedger"
	}
	return ""
}
