package community

import (
	"fmt"
	"math"
	"slices"

	"github.com/coauthnet/coauthnet/drift"
	"github.com/coauthnet/coauthnet/graph"
)

// Defaults of [BlocOptions], from docs/blocs-validation.md.
const (
	DefaultAlpha      = 0.1
	DefaultMinEffect  = 0.3
	DefaultMinPapers  = 10
	DefaultCorrection = "bh"
	DefaultPeakSeries = "count"
)

// Bloc labels.
const (
	Partner      = "partner"
	Competitor   = "competitor"
	Hedger       = "hedger"
	Insufficient = "insufficient data"
)

// BlocOptions configure [InferBlocs]. Zero values take the defaults,
// which none of them can mean otherwise (a level or a cell count of 0,
// a split in year 0); MinEffect, for which 0 is a value, is a pointer:
// nil is the default.
type BlocOptions struct {
	Focal, Rival string  // pole keys
	Split        int     // the split year S; 0: the change point of PeakSeries
	PeakSeries   string  // "count" (default) or "intensity"
	Window       int     // years on each side of S; 0: all
	Alpha        float64 // level of the adjusted test; default DefaultAlpha
	// MinEffect is the |Δ| a bloc needs; nil means DefaultMinEffect,
	// new(float64) no minimum (the test alone decides).
	MinEffect  *float64
	MinPapers  int    // papers in each of the four cells; default DefaultMinPapers
	Correction string // "bh" (default) or "holm"
}

// Validate reports options out of range, a zero value standing for its
// default: both poles are required (they have no default) and must
// differ; PeakSeries is "", count or intensity;
// Correction "", bh or holm; Alpha 0 or strictly between 0 and 1;
// MinEffect nil or at least 0 (not NaN); MinPapers and Window not
// negative.
func (o BlocOptions) Validate() error {
	switch {
	case o.Focal == "" && o.Rival == "":
		return fmt.Errorf("community: BlocOptions.Focal and Rival are required: the two poles, node keys such as CN and US")
	case o.Focal == "":
		return fmt.Errorf("community: BlocOptions.Focal is required: the focal pole, a node key such as CN (Rival is %s)", o.Rival)
	case o.Rival == "":
		return fmt.Errorf("community: BlocOptions.Rival is required: the other pole, a node key such as US (Focal is %s)", o.Focal)
	case o.Focal == o.Rival:
		return fmt.Errorf("community: the poles must differ (both %s)", o.Focal)
	case o.PeakSeries != "" && o.PeakSeries != "count" && o.PeakSeries != "intensity":
		return fmt.Errorf("community: peak series %q: want count or intensity", o.PeakSeries)
	case o.Correction != "" && o.Correction != "holm" && o.Correction != "bh":
		return fmt.Errorf("community: correction %q: want bh or holm", o.Correction)
	case o.Alpha != 0 && !(o.Alpha > 0 && o.Alpha < 1):
		return fmt.Errorf("community: alpha %v: want 0 < alpha < 1", o.Alpha)
	case o.MinEffect != nil && !(*o.MinEffect >= 0):
		return fmt.Errorf("community: min effect %v: want 0 or more", *o.MinEffect)
	case o.MinPapers < 0 || o.Window < 0:
		return fmt.Errorf("community: min papers %d, window %d: want 0 or more", o.MinPapers, o.Window)
	}
	return nil
}

// An Assignment is one country's bloc.
type Assignment struct {
	Node, Label string
	Bloc        string  // Partner, Competitor, Hedger or Insufficient
	LeanBefore  float64 // L before the split; NaN without papers with a pole
	LeanAfter   float64
	Delta       float64 // L_after − L_before
	SE          float64 // standard error of Delta
	Low, High   float64 // Delta ± z_{1−Alpha/2}·SE (not adjusted)
	P, PAdj     float64 // two-sided p-value, and after the correction
	Papers      int     // papers of the country in the years used
	MinCell     int     // fewest papers in one of the four cells
}

// Blocs is the result of [InferBlocs].
type Blocs struct {
	Focal, Rival string
	// Split is S; SplitMethod says how it was chosen, in words.
	Split       int
	SplitMethod string
	// Series names the poles' series ("intensity" or "count"); Years and
	// Values are that series, ChangePoint its hinge fit.
	Series      string
	Years       []int
	Values      []float64
	ChangePoint drift.Break
	// Significant is whether Split is a significant change point.
	Significant   bool
	Before, After []int // the years on each side
	Alpha         float64
	MinEffect     float64
	MinPapers     int
	Correction    string
	// Tau2 is τ², the variance of a yearly lean beyond the counting of
	// papers (year-to-year shocks), estimated from the data.
	Tau2        float64
	Assignments []Assignment // by node key
	Warnings    []string
}

// Map returns node key → bloc for the partners and competitors.
func (b *Blocs) Map() map[string]string {
	m := map[string]string{}
	for _, a := range b.Assignments {
		if a.Bloc == Partner || a.Bloc == Competitor {
			m[a.Node] = a.Bloc
		}
	}
	return m
}

// Intensity returns I(a,b) = bifrac(a,b)/sqrt(R_a R_b) in g, or 0 when a
// or b is absent or they have no edge. It is not normalised to 1 for
// "as expected": association strength is (see [InferBlocs]).
func Intensity(g *graph.Graph, a, b string) float64 {
	u, ok1 := g.Index(a)
	v, ok2 := g.Index(b)
	if !ok1 || !ok2 {
		return 0
	}
	w, ok := g.Between(u, v)
	if !ok {
		return 0
	}
	d := math.Sqrt(g.Node(u).Output * g.Node(v).Output)
	if d == 0 {
		return 0
	}
	return w[graph.BiFrac] / d
}

func weight(g *graph.Graph, a, b string, c graph.Counting) float64 {
	u, ok1 := g.Index(a)
	v, ok2 := g.Index(b)
	if !ok1 || !ok2 {
		return 0
	}
	w, _ := g.Between(u, v)
	return w[c]
}

func papersOf(g *graph.Graph, k string) float64 {
	v, ok := g.Index(k)
	if !ok {
		return 0
	}
	return float64(g.Node(v).Papers)
}

// PoleSeries returns the poles' yearly collaboration over the years of
// s: "intensity" I(P,Q) or "count" (bifrac weight).
func PoleSeries(s *graph.Series, focal, rival, series string) (years []int, values []float64, err error) {
	if series != "intensity" && series != "count" {
		return nil, nil, fmt.Errorf("community: peak series %q: want intensity or count", series)
	}
	for y, g := range s.All() {
		years = append(years, y)
		if series == "count" {
			values = append(values, weight(g, focal, rival, graph.BiFrac))
		} else {
			values = append(values, Intensity(g, focal, rival))
		}
	}
	return years, values, nil
}

// InferBlocs classifies every other country of s relative to the poles
// o.Focal (P) and o.Rival (Q) as a partner, a competitor, a hedger or
// "insufficient data", by the change of its lean between the years
// before and after a split year, as follows. It returns an error only for
// invalid options, a Split with no year counted on one side of it, or
// when a pole never appears; short series give warnings and
// "insufficient data", not errors.
//
// # Lean
//
// For poles P (focal) and Q (rival) and a set of years T, the lean of a
// country X is the log ratio of its association strengths with the two
// poles (van Eck & Waltman 2009, doi:10.1002/asi.21075), each pooled
// over T:
//
//	L_T(X) = ln( AS_T(X,P) / AS_T(X,Q) ),   AS_T(X,Y) = m·F_T(X,Y) / (N_T(X)·N_T(Y))
//	       = ln( F_T(X,P) / F_T(X,Q) ) − ln( N_T(P) / N_T(Q) )
//
// with F the papers with both (whole counting) and N a country's papers.
// L > 0: X works with P more, relative to P's and Q's sizes, than with
// Q. It is scale-free: it does not change when the corpus, X or either
// pole grows (m and N_T(X) cancel; the poles' sizes are divided out), so
// a pole growing fast does not make everyone its partner. (The ratio of
// collaboration intensities, F/√(N_X N_Y), would keep half of the poles'
// growth: ln(I(X,P)/I(X,Q)) = L + ½ ln(N_P/N_Q).)
//
// # Split, before and after
//
// The years are split at a year S: "before" is the years ≤ S, "after"
// the years > S, each at most Window years next to S (0: all). S is
// BlocOptions.Split when given; otherwise the change point of the poles'
// yearly collaboration (PeakSeries: "count", the bifrac weight, by
// default, or "intensity") from the one-break hinge fit of
// [drift.ChangePoint]. When
// that change point is not significant (or the series has fewer than 6
// years), S splits the span into halves and [Blocs.SplitMethod] says so.
// A window shorter than asked shrinks to the data with a warning; it is
// never an error.
//
// The two series can put the change in different years: intensity
// divides the count by the poles' outputs, so a fast-growing pole pulls
// its peak earlier. Count is the default because, on the planted corpora
// of docs/blocs-validation.md (whose poles and corpus grow), its change
// point lay closer to the planted peak (mean error 1.1 against 1.4
// years); the output always names the series used.
//
// # Test
//
// Δ = L_after − L_before. Treating papers as independent events, each
// count is Poisson and, by the delta method, the variance of a log count
// is 1/count (Woolf's interval for a log odds ratio,
// doi:10.1111/j.1469-1809.1955.tb01348.x). Real series also move from
// year to year beyond the counting (a funding round, a conference), so a
// variance τ² of the yearly lean is added: τ² is estimated from the data,
// by the moment estimator of DerSimonian & Laird (1986,
// doi:10.1016/0197-2456(86)90046-2) applied to the yearly leans of the
// countries with enough papers about a weighted line on each side (the
// line keeps a steady trend from passing for noise), pooled over
// countries. With F_y a year's count and F its side's total,
//
//	SE(Δ)² = Σ 1/F  (four cells: X–P, X–Q, before, after)
//	       + Σ 1/N  (four cells: P, Q, before, after)
//	       + τ²/2 · Σ_sides ( Σ_y (F_y(X,P)/F(X,P))² + Σ_y (F_y(X,Q)/F(X,Q))² )
//
// The interval is Δ ± z·SE and the two-sided p-value that of z = Δ/SE.
// This analytic interval is used rather than a bootstrap because
// classifying 30 or more countries under a multiplicity correction needs
// p-values near 10⁻³, which a few hundred resamples cannot resolve, and
// because the series keeps per-year counts, not papers. It is
// approximate (normal, large counts), not exact: the minimum papers per
// cell below keeps it to counts where the validation found it calibrated.
// Papers with X, P and Q together count in both cells, which only makes
// the interval wider.
//
// # Blocs
//
// The p-values of all countries with enough data are adjusted for
// multiplicity (Correction: "bh", Benjamini & Hochberg 1995,
// doi:10.1111/j.2517-6161.1995.tb02031.x, controls the expected share of
// false blocs among those declared, the default; "holm", Holm 1979,
// Scand. J. Statist. 6:65–70, the chance of any false bloc). Then
//
//	partner     p_adj < Alpha and Δ ≥ +MinEffect
//	competitor  p_adj < Alpha and Δ ≤ −MinEffect
//	hedger      otherwise
//
// and a country is "insufficient data" when one of its four cells has
// fewer than MinPapers papers. The defaults of Alpha, MinEffect,
// MinPapers and Correction come from the sweep over planted corpora in
// docs/blocs-validation.md, not from the embedded sample.
//
// Cost: O(years · countries) after the series is built.
func InferBlocs(s *graph.Series, o BlocOptions) (*Blocs, error) {
	if err := o.Validate(); err != nil {
		return nil, err
	}
	if o.PeakSeries == "" {
		o.PeakSeries = DefaultPeakSeries
	}
	if o.Alpha == 0 {
		o.Alpha = DefaultAlpha
	}
	minEffect := DefaultMinEffect
	if o.MinEffect != nil {
		minEffect = *o.MinEffect
	}
	o.MinEffect = &minEffect
	if o.MinPapers == 0 {
		o.MinPapers = DefaultMinPapers
	}
	if o.Correction == "" {
		o.Correction = DefaultCorrection
	}
	years, values, err := PoleSeries(s, o.Focal, o.Rival, o.PeakSeries)
	if err != nil {
		return nil, err
	}
	var nP, nQ float64
	for _, g := range s.All() {
		nP += papersOf(g, o.Focal)
		nQ += papersOf(g, o.Rival)
	}
	if nP == 0 || nQ == 0 {
		missing := o.Focal
		if nP > 0 {
			missing = o.Rival
		}
		for _, g := range s.All() {
			if _, ok := g.Index(missing); ok {
				return nil, fmt.Errorf("community: pole %s has no papers in %v", missing, s.Span())
			}
		}
		return nil, fmt.Errorf("community: pole %s has no papers in %v (no node has that key: nodes are keys such as CN; graph.Options.Node turns a name into its key)", missing, s.Span())
	}
	res := &Blocs{Focal: o.Focal, Rival: o.Rival, Series: o.PeakSeries, Years: years, Values: values,
		Alpha: o.Alpha, MinEffect: minEffect, MinPapers: o.MinPapers, Correction: o.Correction}
	if o.Split != 0 && (len(years) < 2 || o.Split < years[0] || o.Split >= years[len(years)-1]) {
		if len(years) < 2 {
			return nil, fmt.Errorf("community: split %d: the years counted are %v, one year: a split needs years on both sides; leave Split 0", o.Split, s.Span())
		}
		side := "after"
		if o.Split < years[0] {
			side = "up to"
		}
		return nil, fmt.Errorf("community: split %d leaves no year %s it: the years counted are %d–%d, so the split (the last year before the change) must be %d to %d", o.Split, side, years[0], years[len(years)-1], years[0], years[len(years)-1]-1)
	}
	res.ChangePoint = drift.ChangePoint(values)
	warn := func(format string, a ...any) { res.Warnings = append(res.Warnings, fmt.Sprintf(format, a...)) }

	// The split.
	halves := func(why string) {
		if len(years) < 2 {
			res.Split = 0
			res.SplitMethod = why + "; fewer than two years: no split"
			return
		}
		res.Split = years[len(years)/2-1]
		res.SplitMethod = fmt.Sprintf("%s; first half (%s) against second half (%s)", why,
			yearSpan(years[0], res.Split), yearSpan(years[len(years)/2], years[len(years)-1]))
	}
	cp := res.ChangePoint
	switch {
	case o.Split != 0 && len(years) > 0 && o.Split >= years[0] && o.Split < years[len(years)-1]:
		res.Split = o.Split
		res.SplitMethod = fmt.Sprintf("split %d given", o.Split)
	case cp.Why == drift.Short:
		halves(fmt.Sprintf("the %s series of %s–%s has %d years, too few for a change point (at least %d)", o.PeakSeries, o.Focal, o.Rival, len(years), drift.MinPeriods))
	case cp.Why == drift.Zero:
		halves(fmt.Sprintf("%s and %s have no paper together in %d–%d: no change point can be fitted", o.Focal, o.Rival, years[0], years[len(years)-1]))
	case !cp.OK:
		halves(fmt.Sprintf("the %s series of %s–%s is %s: no change point can be fitted", o.PeakSeries, o.Focal, o.Rival, cp.Why))
	case !cp.Significant:
		halves(fmt.Sprintf("no significant change point in the %s series of %s–%s (hinge fit, best %d, F = %.1f < %d)",
			o.PeakSeries, o.Focal, o.Rival, years[cp.Index], cp.F, drift.Significant))
	default:
		res.Split, res.Significant = years[cp.Index], true
		res.SplitMethod = fmt.Sprintf("change point of the %s series of %s–%s (hinge fit, F = %.1f ≥ %d; slope %.3g before, %.3g after; its highest year is %d)",
			o.PeakSeries, o.Focal, o.Rival, cp.F, drift.Significant, cp.SlopeBefore, cp.SlopeAfter, years[cp.Peak])
	}
	for _, y := range years {
		if res.Split != 0 && y <= res.Split {
			res.Before = append(res.Before, y)
		} else if res.Split != 0 {
			res.After = append(res.After, y)
		}
	}
	if o.Window > 0 {
		if len(res.Before) < o.Window {
			warn("%d year(s) up to %d, fewer than the window of %d: the window shrinks to them", len(res.Before), res.Split, o.Window)
		} else {
			res.Before = res.Before[len(res.Before)-o.Window:]
		}
		if len(res.After) < o.Window {
			warn("%d year(s) after %d, fewer than the window of %d: the window shrinks to them", len(res.After), res.Split, o.Window)
		} else {
			res.After = res.After[:o.Window]
		}
	}

	// Cells, and the yearly counts behind them.
	type cells struct {
		fp, fq [2]float64   // X–P, X–Q papers; [0] before, [1] after
		yp, yq [2][]float64 // the same per year of the side
		papers int
	}
	by := map[string]*cells{}
	labels := map[string]string{}
	var poles [2][2]float64    // N(P), N(Q) by side
	var polesY [2][2][]float64 // the same per year
	sides := [2][]int{res.Before, res.After}
	for side, ys := range sides {
		for j, y := range ys {
			g := s.At(y)
			nP, nQ := papersOf(g, o.Focal), papersOf(g, o.Rival)
			poles[side][0] += nP
			poles[side][1] += nQ
			polesY[side][0] = append(polesY[side][0], nP)
			polesY[side][1] = append(polesY[side][1], nQ)
			for v := 0; v < g.Len(); v++ {
				k := g.Label(v)
				if k == o.Focal || k == o.Rival {
					continue
				}
				c := by[k]
				if c == nil {
					c = &cells{}
					for sd := range 2 {
						c.yp[sd] = make([]float64, len(sides[sd]))
						c.yq[sd] = make([]float64, len(sides[sd]))
					}
					by[k] = c
					labels[k] = g.Name(v)
				}
				fp, fq := weight(g, k, o.Focal, graph.Full), weight(g, k, o.Rival, graph.Full)
				c.fp[side] += fp
				c.fq[side] += fq
				c.yp[side][j], c.yq[side][j] = fp, fq
				c.papers += g.Node(v).Papers
			}
		}
	}
	keys := make([]string, 0, len(by))
	for k := range by {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	// τ²: pooled over the countries with enough papers.
	var sumQ, sumC float64
	for _, k := range keys {
		c := by[k]
		if min(c.fp[0], c.fq[0], c.fp[1], c.fq[1]) < float64(o.MinPapers) {
			continue
		}
		for side := range 2 {
			q, df, cc := shockMoments(sides[side], c.yp[side], c.yq[side], polesY[side][0], polesY[side][1])
			sumQ += q - df
			sumC += cc
		}
	}
	if sumC > 0 {
		res.Tau2 = max(0, sumQ/sumC)
	}
	z := normalQuantile(1 - o.Alpha/2)
	for _, k := range keys {
		c := by[k]
		a := Assignment{Node: k, Label: labels[k], Bloc: Insufficient, Papers: c.papers,
			LeanBefore: math.NaN(), LeanAfter: math.NaN(), Delta: math.NaN(), SE: math.NaN(),
			Low: math.NaN(), High: math.NaN(), P: math.NaN(), PAdj: math.NaN()}
		a.MinCell = int(min(c.fp[0], c.fq[0], c.fp[1], c.fq[1]))
		lean := func(side int) float64 {
			if c.fp[side] == 0 || c.fq[side] == 0 || poles[side][0] == 0 || poles[side][1] == 0 {
				return math.NaN()
			}
			return math.Log(c.fp[side]/c.fq[side]) - math.Log(poles[side][0]/poles[side][1])
		}
		a.LeanBefore, a.LeanAfter = lean(0), lean(1)
		if !math.IsNaN(a.LeanBefore) && !math.IsNaN(a.LeanAfter) {
			a.Delta = a.LeanAfter - a.LeanBefore
			v := 0.0
			for side := range 2 {
				v += 1/c.fp[side] + 1/c.fq[side] + 1/poles[side][0] + 1/poles[side][1]
				v += res.Tau2 / 2 * (sumSq(c.yp[side], c.fp[side]) + sumSq(c.yq[side], c.fq[side]))
			}
			a.SE = math.Sqrt(v)
			a.Low, a.High = a.Delta-z*a.SE, a.Delta+z*a.SE
			a.P = math.Erfc(math.Abs(a.Delta/a.SE) / math.Sqrt2)
		}
		res.Assignments = append(res.Assignments, a)
	}
	classify(res.Assignments, o)
	n := 0
	for _, a := range res.Assignments {
		if a.Bloc == Insufficient {
			n++
		}
	}
	if n > 0 {
		nodes := "countries"
		if s.Level() == graph.Institutions {
			nodes = "institutions"
		}
		warn("%d of %d %s have fewer than %d papers with a pole on one side of %d: insufficient data", n, len(res.Assignments), nodes, o.MinPapers, res.Split)
	}
	return res, nil
}

// classify sets Bloc and PAdj of every assignment from Delta, P and
// MinCell under o, whose defaults are set (the rule of the InferBlocs
// doc comment).
func classify(as []Assignment, o BlocOptions) {
	var tested []int
	for i := range as {
		a := &as[i]
		a.Bloc, a.PAdj = Insufficient, math.NaN()
		if !math.IsNaN(a.P) && a.MinCell >= o.MinPapers {
			tested = append(tested, i)
		}
	}
	ps := make([]float64, len(tested))
	for i, j := range tested {
		ps[i] = as[j].P
	}
	adj := Holm(ps)
	if o.Correction == "bh" {
		adj = BenjaminiHochberg(ps)
	}
	for i, j := range tested {
		a := &as[j]
		a.PAdj = adj[i]
		a.Bloc = Hedger
		switch {
		case a.PAdj < o.Alpha && a.Delta >= *o.MinEffect:
			a.Bloc = Partner
		case a.PAdj < o.Alpha && a.Delta <= -*o.MinEffect:
			a.Bloc = Competitor
		}
	}
}

// sumSq returns Σ (x_i/total)², the sum of squared shares of the years.
func sumSq(x []float64, total float64) float64 {
	if total == 0 {
		return 0
	}
	var s float64
	for _, v := range x {
		s += (v / total) * (v / total)
	}
	return s
}

// shockMoments returns, for one country and one side, the weighted
// residual sum of squares Q of its yearly leans r_y about a weighted
// least-squares line in the year (a constant with two years), its
// degrees of freedom, and the factor c with E[Q] = df + τ²·c
// (DerSimonian & Laird 1986, doi:10.1016/0197-2456(86)90046-2, in its
// meta-regression form: c = tr W − tr((XᵀWX)⁻¹ XᵀW²X)). Years without a
// paper with one of the poles are left out; fewer than two years give
// zeros.
func shockMoments(years []int, fp, fq, nP, nQ []float64) (q, df, c float64) {
	var t, r, w []float64
	for j := range years {
		if fp[j] == 0 || fq[j] == 0 || nP[j] == 0 || nQ[j] == 0 {
			continue
		}
		t = append(t, float64(years[j]))
		r = append(r, math.Log(fp[j]/fq[j])-math.Log(nP[j]/nQ[j]))
		w = append(w, 1/(1/fp[j]+1/fq[j]+1/nP[j]+1/nQ[j]))
	}
	m := len(t)
	if m < 2 {
		return 0, 0, 0
	}
	var s0, s1, s2, sr, str, w2, w2t, w2tt float64
	for i := range t {
		s0 += w[i]
		s1 += w[i] * t[i]
		s2 += w[i] * t[i] * t[i]
		sr += w[i] * r[i]
		str += w[i] * t[i] * r[i]
		w2 += w[i] * w[i]
		w2t += w[i] * w[i] * t[i]
		w2tt += w[i] * w[i] * t[i] * t[i]
	}
	if m == 2 {
		mean := sr / s0
		for i := range t {
			q += w[i] * (r[i] - mean) * (r[i] - mean)
		}
		return q, 1, s0 - w2/s0
	}
	det := s0*s2 - s1*s1
	if det <= 0 {
		return 0, 0, 0
	}
	b := (s0*str - s1*sr) / det
	a := (sr - b*s1) / s0
	for i := range t {
		e := r[i] - a - b*t[i]
		q += w[i] * e * e
	}
	// tr((XᵀWX)⁻¹ XᵀW²X) with XᵀWX = [s0 s1; s1 s2], XᵀW²X = [w2 w2t; w2t w2tt].
	tr := (s2*w2 - 2*s1*w2t + s0*w2tt) / det
	return q, float64(m - 2), s0 - tr
}

// Holm returns Holm's step-down adjusted p-values (Holm 1979,
// Scand. J. Statist. 6:65–70): sorted ascending, p_(i)·(m − i + 1),
// made monotone and capped at 1. O(m log m).
func Holm(p []float64) []float64 {
	m := len(p)
	idx := order(p)
	out := make([]float64, m)
	run := 0.0
	for r, i := range idx {
		run = max(run, min(1, p[i]*float64(m-r)))
		out[i] = run
	}
	return out
}

// BenjaminiHochberg returns the Benjamini–Hochberg adjusted p-values
// (doi:10.1111/j.2517-6161.1995.tb02031.x): p_(i)·m/i, made monotone
// from the largest down and capped at 1. O(m log m).
func BenjaminiHochberg(p []float64) []float64 {
	m := len(p)
	idx := order(p)
	out := make([]float64, m)
	run := 1.0
	for r := m - 1; r >= 0; r-- {
		i := idx[r]
		run = min(run, p[i]*float64(m)/float64(r+1))
		out[i] = run
	}
	return out
}

func order(p []float64) []int {
	idx := make([]int, len(p))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case p[a] < p[b]:
			return -1
		case p[a] > p[b]:
			return 1
		}
		return 0
	})
	return idx
}

// normalQuantile is the standard normal quantile, Φ⁻¹(q) = −√2·erfcinv(2q).
func normalQuantile(q float64) float64 { return -math.Sqrt2 * math.Erfcinv(2*q) }

// yearSpan is "2005–2019", or "2019" for one year.
func yearSpan(from, to int) string {
	if from == to {
		return fmt.Sprint(from)
	}
	return fmt.Sprintf("%d–%d", from, to)
}
