package sample

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/coauthnet/coauthnet"
)

// InstitutionsConfig sets an institution-scale corpus: many
// institutions of Zipf-distributed sizes, 1 to MaxAuthors authors a
// paper. It exists for benchmarks of institution-level counting and
// analysis (BENCHMARKS.md); it plants no structure beyond its size
// distributions.
type InstitutionsConfig struct {
	Seed         uint64  // default 1
	Papers       int     // exact number of papers; default 300000
	Institutions int     // default 50000
	MaxAuthors   int     // default 40
	Zipf         float64 // exponent s of the institution sizes; default 1
	From, To     int     // years; default 2005–2024
}

// An InstitutionsGenerator yields the papers of an [InstitutionsConfig]
// one at a time, in a deterministic order.
//
// Model, per paper: the year is uniform over From..To; the number of
// authors k is drawn with P(k) ∝ k^−2 on 1..MaxAuthors (mean ≈ 2.6 at
// 40, with a tail of large teams); the first author's institution is
// drawn with P(rank r) ∝ r^−s (Zipf, so institution r has about
// 1/r^s of the largest one's authorships); each further author is at
// the institution of an earlier author of the paper with probability
// 1/2 (groups), else at a new Zipf draw. Institution r is in country
// countries[(r·7919) mod 38] of the sample's country table, has the
// identifier "https://ror.org/i<r>" and the name "Institution <r>"; one
// in 20 authors has a second affiliation (a new draw).
type InstitutionsGenerator struct {
	cfg  InstitutionsConfig
	rng  *rand.PCG
	cum  []float64 // Zipf cumulative weights of ranks 1..Institutions
	kCum []float64 // cumulative P(k) for k = 1..MaxAuthors
	n    int
	inst []int // institutions of the current paper's authors
}

// NewInstitutions returns a generator for cfg.
func NewInstitutions(cfg InstitutionsConfig) *InstitutionsGenerator {
	if cfg.Seed == 0 {
		cfg.Seed = 1
	}
	if cfg.Papers <= 0 {
		cfg.Papers = 300_000
	}
	if cfg.Institutions <= 0 {
		cfg.Institutions = 50_000
	}
	if cfg.MaxAuthors <= 0 {
		cfg.MaxAuthors = 40
	}
	if cfg.Zipf <= 0 {
		cfg.Zipf = 1
	}
	if cfg.From == 0 {
		cfg.From = 2005
	}
	if cfg.To == 0 {
		cfg.To = 2024
	}
	g := &InstitutionsGenerator{cfg: cfg, rng: rand.NewPCG(cfg.Seed, cfg.Seed^0x2545f4914f6cdd1d)}
	sum := 0.0
	for r := 1; r <= cfg.Institutions; r++ {
		sum += math.Pow(float64(r), -cfg.Zipf)
		g.cum = append(g.cum, sum)
	}
	sum = 0
	for k := 1; k <= cfg.MaxAuthors; k++ {
		sum += 1 / float64(k*k)
		g.kCum = append(g.kCum, sum)
	}
	return g
}

func (g *InstitutionsGenerator) float() float64 { return float64(g.rng.Uint64()>>11) / (1 << 53) }

// draw returns an index into cum with probability proportional to its
// increment.
func (g *InstitutionsGenerator) draw(cum []float64) int {
	u := g.float() * cum[len(cum)-1]
	i, _ := slices.BinarySearch(cum, u)
	return min(i, len(cum)-1)
}

func (g *InstitutionsGenerator) affiliation(r int) coauthnet.Affiliation {
	return coauthnet.Affiliation{
		Institution:   fmt.Sprintf("Institution %d", r+1),
		InstitutionID: instID(r + 1),
		Country:       countries[(r*7919)%len(countries)].code,
	}
}

// Next returns the next paper, or false after the last.
func (g *InstitutionsGenerator) Next() (coauthnet.Paper, bool) {
	if g.n >= g.cfg.Papers {
		return coauthnet.Paper{}, false
	}
	g.n++
	years := g.cfg.To - g.cfg.From + 1
	p := coauthnet.Paper{
		ID:   fmt.Sprintf("I%d", g.n),
		Year: g.cfg.From + min(int(g.float()*float64(years)), years-1),
	}
	k := 1 + g.draw(g.kCum)
	g.inst = g.inst[:0]
	for i := 0; i < k; i++ {
		var r int
		if i > 0 && g.float() < 0.5 {
			r = g.inst[min(int(g.float()*float64(len(g.inst))), len(g.inst)-1)]
		} else {
			r = g.draw(g.cum)
		}
		g.inst = append(g.inst, r)
		a := coauthnet.Author{Name: fmt.Sprintf("Author %d-%d", g.n, i+1)}
		a.Affiliations = []coauthnet.Affiliation{g.affiliation(r)}
		if g.float() < 0.05 {
			a.Affiliations = append(a.Affiliations, g.affiliation(g.draw(g.cum)))
		}
		p.Authors = append(p.Authors, a)
	}
	return p, true
}

// Institutions returns a whole institution-scale corpus.
func Institutions(cfg InstitutionsConfig) []coauthnet.Paper {
	g := NewInstitutions(cfg)
	var ps []coauthnet.Paper
	for {
		p, ok := g.Next()
		if !ok {
			return ps
		}
		ps = append(ps, p)
	}
}

func instID(r int) string { return fmt.Sprintf("https://ror.org/i%d", r) }
