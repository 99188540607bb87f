package sample

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/coauthnet/coauthnet"
)

// Planted corpora for validating bloc inference: a second generator,
// independent of the embedded sample's streams, whose bloc strengths,
// shapes, sizes and peak are parameters, with a stationary mode as the
// null.
//
// # Model
//
// Each year t of [From, To] has N_t papers (Papers in total, growing
// linearly by the factor Growth from the first year to the last). A
// paper's lead country is drawn with probability proportional to its
// size; it is international with probability 0.15 + 0.35/(1 + size/3)
// (small countries collaborate more), and then has one (80%), two (15%)
// or three (5%) partner countries, each drawn with probability
// proportional to size_k · Π_j a(j, k, t) over the countries j already
// on the paper. Every country brings 1 + Geometric(½) authors (at most
// 5), each with one affiliation in that country.
//
// Sizes: the rival pole 25, the focal pole 20 growing by the factor
// PoleGrowth over the span (exponentially), every other country
// log-uniform in [0.3, 6], drawn from the seed. Which country is in which
// bloc is drawn from the seed too.
//
// Affinities a(j, k, t) are 1 except:
//
//   - the poles: 1 + (PeakHeight − 1)·tent(t), tent rising linearly from
//     0 in the first year to 1 in Peak and falling back to 0 in the last;
//   - a partner X: a(X, P) = exp(+PartnerEffect/2 · s(t)), a(X, Q) =
//     exp(−PartnerEffect/2 · s(t)) with s the PartnerShape;
//   - a competitor X: a(X, P) = exp(−CompetitorEffect/2 · s(t)),
//     a(X, Q) = exp(+CompetitorEffect/2 · s(t)) with s the
//     CompetitorShape.
//
// So an effect E is the change of ln(a(X,P)/a(X,Q)) from s = 0 to s = 1;
// what a before/after comparison sees is smaller (the shape is averaged
// over each side, and X's papers with third countries dilute nothing but
// their normalisers are shared), which is what the validation measures.
// On top, every year each country's affinity with each pole is
// multiplied by exp(Shock·z), z standard normal drawn per country, pole
// and year: year-to-year noise beyond the counting of papers, which a
// Poisson interval does not see (default 0.2; negative: none).
// Stationary sets every effect to 0, PeakHeight, PoleGrowth and Growth to
// 1: the same expected probabilities every year (the shocks stay).

// A Shape is how a planted effect unfolds over the span: s(t) in [0, 1].
type Shape int

const (
	Steady    Shape = iota // linear from the first year to the last
	AfterPeak              // 0 up to Peak, then linear to 1 in the last year
	Step                   // 0 up to Peak, 1 after
)

func (s Shape) String() string {
	switch s {
	case Steady:
		return "steady"
	case AfterPeak:
		return "after-peak"
	case Step:
		return "step"
	}
	return fmt.Sprintf("Shape(%d)", int(s))
}

// PlantedConfig parameterises a planted corpus. Zero values take the
// defaults given per field.
type PlantedConfig struct {
	Seed             uint64
	Papers           int     // total; default 300000
	From, To         int     // default 2001–2022
	Peak             int     // year the poles' affinity peaks; default From + 2/3 of the span
	PeakHeight       float64 // poles' affinity at the peak; default 3
	PoleGrowth       float64 // focal pole's size, last year ÷ first; default 2
	Growth           float64 // papers in the last year ÷ first; default 1.5
	Partners         int     // countries per bloc; defaults 9, 9, 10 (30 countries with the poles)
	Competitors      int
	Hedgers          int
	PartnerEffect    float64 // E of the partners (log units); default 1
	CompetitorEffect float64 // E of the competitors; default 1
	PartnerShape     Shape   // default Steady
	CompetitorShape  Shape   // default AfterPeak
	Shock            float64 // sd of the yearly log-normal shocks; default 0.2, < 0: none
	// Stationary: no blocs, no peak, no growth (see the model above).
	Stationary bool
	// ZeroEffects keeps the peak and growth but plants no bloc (the
	// effects are 0): every country is a hedger.
	ZeroEffects bool
}

// plantedCodes are the country codes the planted corpora draw from.
var plantedCodes = []string{"DE", "GB", "JP", "FR", "IN", "KR", "IT", "CA", "AU", "ES", "BR", "RU", "NL", "IR",
	"CH", "SE", "TR", "PL", "TW", "PK", "SA", "EG", "BE", "SG", "DK", "IL", "MX", "ZA", "MY", "NO", "AT", "FI",
	"PT", "TH", "NG", "CL", "AR", "GR", "IE", "NZ", "VN", "ID", "CO", "HU", "CZ", "RO", "KE", "MA", "PH", "UA"}

func (c PlantedConfig) withDefaults() PlantedConfig {
	def := func(x *float64, v float64) {
		if *x == 0 {
			*x = v
		}
	}
	if c.Seed == 0 {
		c.Seed = 1
	}
	if c.Papers <= 0 {
		c.Papers = 300000
	}
	if c.From == 0 {
		c.From = 2001
	}
	if c.To == 0 {
		c.To = 2022
	}
	if c.Peak == 0 {
		c.Peak = c.From + 2*(c.To-c.From)/3
	}
	if c.Partners == 0 && c.Competitors == 0 && c.Hedgers == 0 {
		c.Partners, c.Competitors, c.Hedgers = 9, 9, 10
	}
	def(&c.PeakHeight, 3)
	def(&c.PoleGrowth, 2)
	def(&c.Growth, 1.5)
	def(&c.PartnerEffect, 1)
	def(&c.CompetitorEffect, 1)
	def(&c.Shock, 0.2)
	c.Shock = max(c.Shock, 0)
	if c.ZeroEffects || c.Stationary {
		c.PartnerEffect, c.CompetitorEffect = 0, 0
	}
	if c.Stationary {
		c.PeakHeight, c.PoleGrowth, c.Growth = 1, 1, 1
	}
	return c
}

// A PlantedGenerator yields the papers of a planted corpus in year order.
type PlantedGenerator struct {
	cfg   PlantedConfig
	rng   *rand.PCG
	codes []string  // 0 focal, 1 rival, then the others
	size  []float64 // base sizes
	kind  []int     // 0 pole, 1 partner, 2 competitor, 3 hedger
	truth Truth

	year, left, n int
	sizes, cum    []float64 // this year's sizes and cumulative lead weights
	aff           [][]float64
}

// NewPlanted returns a generator for cfg.
func NewPlanted(cfg PlantedConfig) *PlantedGenerator {
	cfg = cfg.withDefaults()
	g := &PlantedGenerator{cfg: cfg, rng: rand.NewPCG(cfg.Seed, cfg.Seed^0x5851f42d4c957f2d)}
	n := cfg.Partners + cfg.Competitors + cfg.Hedgers
	if n > len(plantedCodes) {
		n = len(plantedCodes)
	}
	// A seeded shuffle of the codes (Fisher–Yates with our own draws).
	pool := append([]string{}, plantedCodes...)
	for i := len(pool) - 1; i > 0; i-- {
		j := g.intn(i + 1)
		pool[i], pool[j] = pool[j], pool[i]
	}
	g.codes = append([]string{"CN", "US"}, pool[:n]...)
	g.size = []float64{20, 25}
	g.kind = []int{0, 0}
	g.truth = Truth{Poles: [2]string{"CN", "US"}, Peak: cfg.Peak}
	if cfg.Stationary {
		g.truth.Peak = 0
	}
	for i, c := range pool[:n] {
		g.size = append(g.size, 0.3*math.Pow(20, g.float())) // log-uniform in [0.3, 6]
		k := 3
		switch {
		case i < cfg.Partners && cfg.PartnerEffect != 0:
			k = 1
		case i >= cfg.Partners && i < cfg.Partners+cfg.Competitors && cfg.CompetitorEffect != 0:
			k = 2
		}
		g.kind = append(g.kind, k)
		switch k {
		case 1:
			g.truth.Partners = append(g.truth.Partners, c)
		case 2:
			g.truth.Competitors = append(g.truth.Competitors, c)
		default:
			g.truth.Hedgers = append(g.truth.Hedgers, c)
		}
	}
	g.aff = make([][]float64, len(g.codes))
	for i := range g.aff {
		g.aff[i] = make([]float64, len(g.codes))
	}
	g.startYear(cfg.From)
	return g
}

// Truth returns the planted structure; Peak is 0 for a stationary corpus.
func (g *PlantedGenerator) Truth() Truth { return g.truth }

// Config returns the configuration with its defaults filled in.
func (g *PlantedGenerator) Config() PlantedConfig { return g.cfg }

func (g *PlantedGenerator) float() float64 { return float64(g.rng.Uint64()>>11) / (1 << 53) }

// normal is a standard normal draw (Box–Muller, computed here so that a
// seed gives the same corpus on every Go version).
func (g *PlantedGenerator) normal() float64 {
	u := 1 - g.float() // (0, 1]
	return math.Sqrt(-2*math.Log(u)) * math.Cos(2*math.Pi*g.float())
}

func (g *PlantedGenerator) intn(n int) int { return int(g.float() * float64(n)) }

func (g *PlantedGenerator) shape(s Shape, y int) float64 {
	c := g.cfg
	switch s {
	case Steady:
		return ramp(y, c.From, c.To)
	case AfterPeak:
		return ramp(y, c.Peak, c.To)
	case Step:
		if y > c.Peak {
			return 1
		}
	}
	return 0
}

func (g *PlantedGenerator) startYear(y int) {
	c := g.cfg
	g.year = y
	span := float64(max(1, c.To-c.From))
	frac := float64(y-c.From) / span
	years := float64(c.To - c.From + 1)
	// N_t grows linearly from n0 to Growth·n0 and sums to Papers.
	n0 := float64(c.Papers) / (years * (1 + c.Growth) / 2)
	g.left = int(math.Round(n0 * (1 + (c.Growth-1)*frac)))
	g.sizes = append(g.sizes[:0], g.size...)
	g.sizes[0] = g.size[0] * math.Pow(c.PoleGrowth, frac)
	g.cum = g.cum[:0]
	acc := 0.0
	for _, s := range g.sizes {
		acc += s
		g.cum = append(g.cum, acc)
	}
	for i := range g.aff {
		for j := range g.aff[i] {
			g.aff[i][j] = 1
		}
	}
	tent := ramp(y, c.From, c.Peak)
	if y > c.Peak {
		tent = 1 - ramp(y, c.Peak, c.To)
	}
	g.aff[0][1] = 1 + (c.PeakHeight-1)*tent
	g.aff[1][0] = g.aff[0][1]
	for i := 2; i < len(g.codes); i++ {
		var l float64 // half the log ratio a(X,P)/a(X,Q)
		switch g.kind[i] {
		case 1:
			l = c.PartnerEffect / 2 * g.shape(c.PartnerShape, y)
		case 2:
			l = -c.CompetitorEffect / 2 * g.shape(c.CompetitorShape, y)
		}
		lp, lq := l+c.Shock*g.normal(), -l+c.Shock*g.normal()
		g.aff[i][0], g.aff[0][i] = math.Exp(lp), math.Exp(lp)
		g.aff[i][1], g.aff[1][i] = math.Exp(lq), math.Exp(lq)
	}
}

func (g *PlantedGenerator) pick(cum []float64) int { return pickCum(cum, g.float()) }

// Next returns the next paper, and false when the corpus is complete.
func (g *PlantedGenerator) Next() (coauthnet.Paper, bool) {
	for g.left <= 0 {
		if g.year >= g.cfg.To {
			return coauthnet.Paper{}, false
		}
		g.startYear(g.year + 1)
	}
	g.left--
	g.n++
	lead := g.pick(g.cum)
	cs := []int{lead}
	if g.float() < 0.15+0.35/(1+g.sizes[lead]/3) {
		m := 1
		if r := g.float(); r > 0.95 {
			m = 3
		} else if r > 0.8 {
			m = 2
		}
		cum := make([]float64, len(g.codes))
		for len(cs) < m+1 {
			acc := 0.0
			for k := range g.codes {
				w := 0.0
				if !inInts(k, cs) {
					w = g.sizes[k]
					for _, j := range cs {
						w *= g.aff[j][k]
					}
				}
				acc += w
				cum[k] = acc
			}
			cs = append(cs, g.pick(cum))
		}
	}
	p := coauthnet.Paper{ID: fmt.Sprintf("P%d-%07d", g.cfg.Seed, g.n), Year: g.year}
	for _, c := range cs {
		na := 1
		for na < 5 && g.float() < 0.5 {
			na++
		}
		for range na {
			p.Authors = append(p.Authors, coauthnet.Author{Affiliations: []coauthnet.Affiliation{{Country: g.codes[c]}}})
		}
	}
	return p, true
}

// GeneratePlanted returns a whole planted corpus and its truth.
func GeneratePlanted(cfg PlantedConfig) ([]coauthnet.Paper, Truth) {
	g := NewPlanted(cfg)
	var ps []coauthnet.Paper
	for {
		p, ok := g.Next()
		if !ok {
			return ps, g.Truth()
		}
		ps = append(ps, p)
	}
}
