package sample

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/coauthnet/coauthnet"
)

// CareersConfig sets a corpus of planted careers. Zero fields take the
// defaults in brackets (the development setting of package mobility's
// rules; its acceptance test uses other values).
//
// Each author has an id ("P000001"), a first year, a career of 6–25
// calendar years ending no later than To, an origin country (weighted
// like the world's output: US, CN, DE, GB, JP, … 20 countries) and one
// institution per country it works in. In every year of the career the
// author is absent with probability Gap (no papers: a gap), else writes
// 1 + Poisson(Rate − 1) papers. Once per career, with probability
// LongGap, a run of 2–4 years without papers starts at a random year.
//
//   - Stayers publish every paper from the origin.
//   - Migrants move once (a share Return of them move back to the origin
//     3–8 years later) in year t to another country: papers before t are
//     at the origin, papers from t on at the destination, except that
//     each paper of years t … t+LagYears−1 carries the old address alone
//     with probability Lag (publication lag).
//   - Travellers keep the origin and hold a second affiliation in
//     another country for 2–6 years from year v: each paper of those
//     years carries it with probability 0.7, together with the origin
//     (probability 0.8) or alone.
//
// Every paper also carries, with probability Noise, an extra random
// foreign affiliation (a misread address), and 0–3 co-authors without an
// id. Citations: the author's quality q (log-normal, median 5) times a
// log-normal factor per paper. The destination of a migrant is drawn by
// the countries' weights, CN's multiplied by 2 − 1.5·u where u is the
// author's quality quantile (0 lowest, 1 highest): CN attracts lower-
// impact migrants more.
//
// With AuthorsPerPaper k > 1, the author-papers of one year are packed
// k at a time into shared papers (each author keeps its own
// affiliations), so that a benchmark corpus has about as many papers as
// authors.
type CareersConfig struct {
	Seed                 uint64
	Authors              int     // [5000]
	From, To             int     // [2000, 2024]
	Migrants, Travellers float64 // shares of authors [0.2, 0.2]; the rest stay
	Return               float64 // share of migrants who return [0.3]
	Lag                  float64 // probability of an old address in the lag years [0.4]
	LagYears             int     // [2]
	Gap                  float64 // probability of a year without papers [0.15]
	LongGap              float64 // probability of one 2–4-year gap [0.2]
	Rate                 float64 // mean papers per active year, ≥ 1 [2]
	Noise                float64 // probability of a spurious foreign affiliation [0.02]
	AuthorsPerPaper      int     // [1]
}

// A PlantedMove is a move the generator made.
type PlantedMove struct {
	Author   string
	From, To string
	Year     int    // the year of the move (migrant) or of the second affiliation (traveller)
	Kind     string // "migrant" or "traveller"
	// Observed is the first year from Year on with a paper at To (0:
	// none: gaps and lag hid the move, or the travel left no paper);
	// Evidence the number of such papers (until the next move);
	// FromEvidence the papers at From before Year (since the previous
	// move).
	Observed, Evidence, FromEvidence int
}

// A PlantedCareer is an author's truth.
type PlantedCareer struct {
	Author  string
	Class   string // "stayer", "migrant" or "traveller"
	Origin  string
	Quality float64
	Moves   []PlantedMove
}

var careerCountries = []struct {
	code string
	w    float64
}{
	{"US", 20}, {"CN", 18}, {"DE", 7}, {"GB", 7}, {"JP", 6}, {"FR", 5}, {"IN", 5}, {"IT", 4},
	{"CA", 4}, {"KR", 4}, {"AU", 3.5}, {"ES", 3.5}, {"BR", 3}, {"NL", 2.5}, {"CH", 2},
	{"SE", 2}, {"IR", 2}, {"PL", 2}, {"SG", 1.5}, {"ZA", 1},
}

type careerRand struct{ r *rand.PCG }

func (c careerRand) float() float64 { return float64(c.r.Uint64()>>11) / (1 << 53) }
func (c careerRand) intn(n int) int { return int(c.float() * float64(n)) }
func (c careerRand) between(a, b int) int {
	if b < a {
		return a
	}
	return a + c.intn(b-a+1)
}

// poisson draws by inversion (Knuth), fine for the small means used.
func (c careerRand) poisson(mean float64) int {
	l, k, p := math.Exp(-mean), 0, 1.0
	for {
		p *= c.float()
		if p <= l {
			return k
		}
		k++
	}
}

// normal draws a standard normal (Box–Muller).
func (c careerRand) normal() float64 {
	u := 1 - c.float()
	return math.Sqrt(-2*math.Log(u)) * math.Cos(2*math.Pi*c.float())
}

func (c careerRand) country(except string, cnBoost float64) string {
	var total float64
	for _, cc := range careerCountries {
		if cc.code != except {
			w := cc.w
			if cc.code == "CN" {
				w *= cnBoost
			}
			total += w
		}
	}
	x := c.float() * total
	for _, cc := range careerCountries {
		if cc.code == except {
			continue
		}
		w := cc.w
		if cc.code == "CN" {
			w *= cnBoost
		}
		if x < w {
			return cc.code
		}
		x -= w
	}
	return careerCountries[len(careerCountries)-1].code
}

func (cfg *CareersConfig) defaults() {
	if cfg.Seed == 0 {
		cfg.Seed = 1
	}
	if cfg.Authors <= 0 {
		cfg.Authors = 5000
	}
	if cfg.From == 0 {
		cfg.From = 2000
	}
	if cfg.To == 0 {
		cfg.To = 2024
	}
	if cfg.Migrants == 0 && cfg.Travellers == 0 {
		cfg.Migrants, cfg.Travellers = 0.2, 0.2
	}
	if cfg.Return == 0 {
		cfg.Return = 0.3
	}
	if cfg.Lag == 0 {
		cfg.Lag = 0.4
	}
	if cfg.LagYears == 0 {
		cfg.LagYears = 2
	}
	if cfg.Gap == 0 {
		cfg.Gap = 0.15
	}
	if cfg.LongGap == 0 {
		cfg.LongGap = 0.2
	}
	if cfg.Rate < 1 {
		cfg.Rate = 2
	}
	if cfg.Noise == 0 {
		cfg.Noise = 0.02
	}
	if cfg.AuthorsPerPaper < 1 {
		cfg.AuthorsPerPaper = 1
	}
}

// slot is one author on one paper.
type slot struct {
	year   int
	author coauthnet.Author
	cites  int
}

// Careers generates the corpus of cfg: papers in year order and the
// planted truth, one career per author in id order. The same cfg gives
// the same corpus.
func Careers(cfg CareersConfig) ([]coauthnet.Paper, []PlantedCareer) {
	cfg.defaults()
	rng := careerRand{rand.NewPCG(cfg.Seed, cfg.Seed^0x5851f42d4c957f2d)}
	var slots []slot
	truth := make([]PlantedCareer, 0, cfg.Authors)
	for ai := 0; ai < cfg.Authors; ai++ {
		id := fmt.Sprintf("P%06d", ai+1)
		span := cfg.To - cfg.From
		length := rng.between(6, min(25, span))
		start := cfg.From + rng.intn(span-length+2)
		end := min(cfg.To, start+length-1)
		origin := rng.country("", 1)
		z := rng.normal()
		pc := PlantedCareer{Author: id, Class: "stayer", Origin: origin, Quality: 5 * math.Exp(z)}
		u := 0.5 * (1 + math.Erf(z/math.Sqrt2)) // quality quantile
		inst := map[string]coauthnet.Affiliation{}
		aff := func(c string) coauthnet.Affiliation {
			a, ok := inst[c]
			if !ok {
				k := rng.intn(10) + 1
				a = coauthnet.Affiliation{Institution: fmt.Sprintf("Univ %s %d", c, k), InstitutionID: fmt.Sprintf("I%s%02d", c, k), Country: c}
				inst[c] = a
			}
			return a
		}
		aff(origin)
		// Residence per year: home country, lag country, second country.
		home := make([]string, end-start+1)
		lagFrom := make([]string, len(home))
		second := make([]string, len(home))
		for i := range home {
			home[i] = origin
		}
		x := rng.float()
		switch {
		case x < cfg.Migrants && end-start < 4+cfg.LagYears:
			// Too short a career for a move and its evidence: a stayer.
		case x < cfg.Migrants:
			t := rng.between(start+2, end-cfg.LagYears-2)
			dest := rng.country(origin, 2-1.5*u)
			pc.Class = "migrant"
			pc.Moves = append(pc.Moves, PlantedMove{Author: id, From: origin, To: dest, Year: t, Kind: "migrant"})
			for y := t; y <= end; y++ {
				home[y-start] = dest
				if y < t+cfg.LagYears {
					lagFrom[y-start] = origin
				}
			}
			if rng.float() < cfg.Return {
				t2 := t + rng.between(3, 8)
				if t2 <= end-cfg.LagYears-2 {
					pc.Moves = append(pc.Moves, PlantedMove{Author: id, From: dest, To: origin, Year: t2, Kind: "migrant"})
					for y := t2; y <= end; y++ {
						home[y-start] = origin
						lagFrom[y-start] = ""
						if y < t2+cfg.LagYears {
							lagFrom[y-start] = dest
						}
					}
				}
			}
		case x < cfg.Migrants+cfg.Travellers:
			v := rng.between(start, end-1)
			dest := rng.country(origin, 1)
			pc.Class = "traveller"
			pc.Moves = append(pc.Moves, PlantedMove{Author: id, From: origin, To: dest, Year: v, Kind: "traveller"})
			for y := v; y <= min(end, v+rng.between(1, 5)); y++ {
				second[y-start] = dest
			}
		}
		longGap := -1
		if rng.float() < cfg.LongGap {
			longGap = rng.between(start, end)
		}
		gapLen := rng.between(2, 4)
		for y := start; y <= end; y++ {
			i := y - start
			if longGap >= 0 && y >= longGap && y < longGap+gapLen || rng.float() < cfg.Gap {
				continue
			}
			n := 1 + rng.poisson(cfg.Rate-1)
			for p := 0; p < n; p++ {
				a := coauthnet.Author{ID: id, Name: "Author " + id}
				switch {
				case lagFrom[i] != "" && rng.float() < cfg.Lag:
					a.Affiliations = append(a.Affiliations, aff(lagFrom[i]))
				case second[i] != "" && rng.float() < 0.7:
					if rng.float() < 0.8 {
						a.Affiliations = append(a.Affiliations, aff(home[i]))
					}
					a.Affiliations = append(a.Affiliations, aff(second[i]))
				default:
					a.Affiliations = append(a.Affiliations, aff(home[i]))
				}
				if rng.float() < cfg.Noise {
					c := rng.country(home[i], 1)
					a.Affiliations = append(a.Affiliations, coauthnet.Affiliation{Institution: "Misread " + c, Country: c})
				}
				for mi := range pc.Moves {
					m := &pc.Moves[mi]
					if y >= m.Year && (mi+1 == len(pc.Moves) || y < pc.Moves[mi+1].Year) &&
						slices.ContainsFunc(a.Affiliations, func(af coauthnet.Affiliation) bool { return af.InstitutionID != "" && af.Country == m.To }) {
						if m.Observed == 0 {
							m.Observed = y
						}
						m.Evidence++
					}
					if y < m.Year && (mi == 0 || y >= pc.Moves[mi-1].Year) &&
						slices.ContainsFunc(a.Affiliations, func(af coauthnet.Affiliation) bool { return af.InstitutionID != "" && af.Country == m.From }) {
						m.FromEvidence++
					}
				}
				cites := int(math.Round(pc.Quality * math.Exp(0.5*rng.normal())))
				slots = append(slots, slot{year: y, author: a, cites: cites})
			}
		}
		truth = append(truth, pc)
	}
	slices.SortStableFunc(slots, func(a, b slot) int { return cmp.Compare(a.year, b.year) })
	var papers []coauthnet.Paper
	k := cfg.AuthorsPerPaper
	for i := 0; i < len(slots); {
		j := i + 1
		for j < len(slots) && j-i < k && slots[j].year == slots[i].year {
			j++
		}
		p := coauthnet.Paper{ID: fmt.Sprintf("W%07d", len(papers)+1), Year: slots[i].year}
		c := 0
		for _, s := range slots[i:j] {
			p.Authors = append(p.Authors, s.author)
			c = max(c, s.cites)
		}
		for n := rng.intn(4); n > 0; n-- {
			p.Authors = append(p.Authors, coauthnet.Author{Name: "Coauthor", Affiliations: []coauthnet.Affiliation{{Country: rng.country("", 1)}}})
		}
		p.Citations = &c
		papers = append(papers, p)
		i = j
	}
	return papers, truth
}
