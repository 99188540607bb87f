package mobility

import (
	"flag"
	"fmt"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/internal/sample"
)

// score compares the detected moves of one kind with the planted ones:
// a detected move matches a planted one of the same author, origin and
// destination whose year is within one (each planted move is matched at
// most once).
type score struct{ planted, hidden, detected, matched int }

func (s score) recall() float64    { return float64(s.matched) / float64(max(1, s.planted)) }
func (s score) precision() float64 { return float64(s.matched) / float64(max(1, s.detected)) }
func (s score) String() string {
	return fmt.Sprintf("planted %d (%d hidden: fewer than 2 papers at the destination or none at the origin), detected %d, matched %d: recall %.3f, precision %.3f", s.planted, s.hidden, s.detected, s.matched, s.recall(), s.precision())
}

func evaluate(cfg sample.CareersConfig, opts Options) (mig, trav score, r *Result) {
	ps, truth := sample.Careers(cfg)
	return evaluateOn(ps, truth, opts)
}

func evaluateOn(ps []coauthnet.Paper, truth []sample.PlantedCareer, opts Options) (mig, trav score, r *Result) {
	c := NewCareers()
	for i := range ps {
		c.Add(&ps[i])
	}
	r = c.Analyze(opts)
	type key struct{ author, from, to, kind string }
	type want struct {
		year   int
		hidden bool
	}
	planted := map[key][]want{}
	for _, pc := range truth {
		for _, m := range pc.Moves {
			s := &mig
			if m.Kind == "traveller" {
				s = &trav
			}
			// No paper at the destination, or one, which the corpus's
			// misread addresses (Noise) also make, or for a migrant no
			// paper at the origin before the move (gaps): no rule can
			// tell the move. Counted apart, in neither recall nor
			// precision.
			hidden := m.Evidence < 2 || m.Kind == "migrant" && m.FromEvidence == 0
			if hidden {
				s.hidden++
			} else {
				s.planted++
			}
			k := key{m.Author, m.From, m.To, m.Kind}
			planted[k] = append(planted[k], want{m.Observed, hidden})
		}
	}
	for _, m := range r.Moves {
		s := &mig
		if m.Kind == Traveller {
			s = &trav
		}
		k := key{r.Authors[m.Author].Key, r.Nodes[m.From], r.Nodes[m.To], m.Kind.String()}
		ws := planted[k]
		found := -1
		for i, w := range ws {
			if w.year-1 <= m.Year && m.Year <= w.year+1 {
				found = i
				break
			}
		}
		switch {
		case found < 0:
			s.detected++
		case ws[found].hidden:
			planted[k] = append(ws[:found:found], ws[found+1:]...)
		default:
			s.detected++
			s.matched++
			planted[k] = append(ws[:found:found], ws[found+1:]...)
		}
	}
	return mig, trav, r
}

var sweep = flag.Bool("sweep", false, "run TestSweep (about 30 s)")

// TestSweep is how DefaultOptions were chosen (go test ./mobility -run
// Sweep -sweep -v): on the development corpus (sample.CareersConfig
// defaults, seed 1: shares 0.2/0.2, return 0.3, lag 0.4 over 2 years,
// gaps 0.15, 2 papers per active year) it logs recall and precision over
// a grid of Switch × Return × LagYears, then LagCost, Absent, TravelGap
// and MinPapers one at a time around the defaults. Measured (seed 1,
// 3000 authors): the defaults give migrants recall 0.963, precision
// 0.968, travellers 0.952 and 0.938; LagCost 0 (lag papers as costly as
// any) drops migrants to about 0.68; MinPapers 1 drops traveller
// precision to about 0.25 (misread addresses become travel). It fails
// if another setting beats the defaults' migrant F1 by more than 0.01.
func TestSweep(t *testing.T) {
	if !*sweep {
		t.Skip("needs -sweep")
	}
	ps, truth := sample.Careers(sample.CareersConfig{Seed: 1, Authors: 3000})
	f1 := func(s score) float64 { return 2 * s.recall() * s.precision() / (s.recall() + s.precision()) }
	best, def := 0.0, -1.0
	try := func(o Options) {
		mig, trav, _ := evaluateOn(ps, truth, o)
		t.Logf("%+v: migrants %v; travellers %v", o, mig, trav)
		best = max(best, f1(mig))
		if o == DefaultOptions {
			def = f1(mig)
		}
	}
	for _, sw := range []float64{1.5, 2, 2.5, 3} {
		for _, ret := range []float64{0.5, 1, sw} {
			for ly := 1; ly <= 3; ly++ {
				o := DefaultOptions
				o.Switch, o.Return, o.LagYears = sw, ret, ly
				try(o)
			}
		}
	}
	vary := func(f func(*Options)) {
		o := DefaultOptions
		f(&o)
		try(o)
	}
	for _, v := range []float64{0, 0.5} {
		vary(func(o *Options) { o.LagCost = v })
	}
	for _, v := range []float64{0, 1} {
		vary(func(o *Options) { o.Absent = v })
	}
	for _, v := range []int{2, 5, 100} {
		vary(func(o *Options) { o.TravelGap = v })
	}
	for _, v := range []int{1, 3} {
		vary(func(o *Options) { o.MinPapers = v })
	}
	if def < best-0.01 {
		t.Errorf("defaults give migrant F1 %.3f, the best setting %.3f", def, best)
	}
}

// TestPlanted is the acceptance test on corpora the rules were not
// tuned on. The first has other shares (0.3 migrants, 0.1 travellers,
// 0.2 returns), lags (0.5 over 1 year) and gaps (0.1, long 0.1) and 2.5
// papers per active year: migrants must be recovered with recall and
// precision of at least 0.95, travellers 0.90 (year within one). The
// others are harder (fewer papers, more gaps, longer lag than the rules'
// window); their figures, measured with the defaults, are in the
// comments and the floors below them only guard against regressions:
// the rules are weaker there, and the README says so.
func TestPlanted(t *testing.T) {
	cases := []struct {
		cfg                 sample.CareersConfig
		migFloor, travFloor float64
	}{
		{sample.CareersConfig{Seed: 7, Authors: 4000, Migrants: 0.3, Travellers: 0.1, Return: 0.2, Lag: 0.5, LagYears: 1, Gap: 0.1, LongGap: 0.1, Rate: 2.5, Noise: 0.01}, 0.95, 0.90},
		// Measured: migrants recall 0.982, precision 0.934; travellers
		// 0.964 and 0.901.
		{sample.CareersConfig{Seed: 7, Authors: 4000, Migrants: 0.12, Travellers: 0.3, Return: 0.5, Lag: 0.3, LagYears: 2, Gap: 0.25, LongGap: 0.3, Rate: 2.5, Noise: 0.04}, 0.90, 0.85},
		// 1.6 papers per active year, a quarter of the years without
		// papers, half the papers of the first two years after a move
		// with the old address: migrants 0.922 and 0.938, travellers
		// 0.951 and 0.917.
		{sample.CareersConfig{Seed: 7, Authors: 4000, Migrants: 0.12, Travellers: 0.3, Return: 0.5, Lag: 0.5, LagYears: 2, Gap: 0.25, LongGap: 0.3, Rate: 1.6, Noise: 0.04}, 0.88, 0.85},
		// Lag over three years (longer than LagYears 2): migrants 0.957
		// and 0.960; travellers 0.977 and 0.728 (late old-address papers
		// of migrants become travel back to the origin).
		{sample.CareersConfig{Seed: 9, Authors: 4000, Migrants: 0.25, Travellers: 0.15, Return: 0.4, Lag: 0.3, LagYears: 3, Gap: 0.2, LongGap: 0.25, Rate: 3, Noise: 0.03}, 0.90, 0.65},
	}
	for i, c := range cases {
		mig, trav, _ := evaluate(c.cfg, DefaultOptions)
		t.Logf("corpus %d: migrants %v; travellers %v", i, mig, trav)
		if mig.recall() < c.migFloor || mig.precision() < c.migFloor {
			t.Errorf("corpus %d: migrants %v; want ≥ %.2f both", i, mig, c.migFloor)
		}
		if trav.recall() < c.travFloor || trav.precision() < c.travFloor {
			t.Errorf("corpus %d: travellers %v; want ≥ %.2f both", i, trav, c.travFloor)
		}
	}
}
