package community

import (
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"

	"github.com/coauthnet/coauthnet/drift"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/internal/sample"
)

// The validation of docs/blocs-validation.md. The full sweep runs with
//
//	go test ./community -run TestBlocsSweep -blocs.sweep -timeout 60m -v
//
// and writes its tables and plot with -blocs.out DIR (relative to the
// package directory: -blocs.out ../docs for the repository's docs).
var (
	sweepFlag = flag.Bool("blocs.sweep", false, "run the full bloc validation sweep (minutes)")
	sweepOut  = flag.String("blocs.out", "", "directory for the sweep's table (blocs-validation.md fragment) and plot")
)

// plantedSeries builds the yearly country series of a planted corpus
// without holding its papers.
func plantedSeries(cfg sample.PlantedConfig) (*graph.Series, sample.Truth, sample.PlantedConfig) {
	g := sample.NewPlanted(cfg)
	c := graph.NewCounter(graph.Options{})
	for {
		p, ok := g.Next()
		if !ok {
			break
		}
		c.Add(&p)
	}
	return c.Series(), g.Truth(), g.Config()
}

// A tally scores a classification against the truth, as shares of the
// non-pole countries.
type tally struct {
	right     float64 // in the planted bloc ("insufficient data" is wrong)
	falseBloc float64 // put in a bloc (partner or competitor) they were not planted in
	quiet     float64 // hedgers or insufficient data
	declared  float64 // put in a bloc
}

func score(b *Blocs, truth sample.Truth) tally {
	var t tally
	n := 0.0
	for _, a := range b.Assignments {
		want := truth.Bloc(a.Node)
		if want == "" {
			continue
		}
		n++
		if a.Bloc == want {
			t.right++
		}
		if a.Bloc == Partner || a.Bloc == Competitor {
			t.declared++
			if a.Bloc != want {
				t.falseBloc++
			}
		}
		if a.Bloc == Hedger || a.Bloc == Insufficient {
			t.quiet++
		}
	}
	return tally{t.right / n, t.falseBloc / n, t.quiet / n, t.declared / n}
}

// TestPlantedRecovery is the first check, in CI: corpora of
// 300,000 papers and 30 countries whose blocs differ from the sample's
// in strength and shape (partners deepening steadily over the whole
// span with effect 1.6, competitors retreating only after the peak with
// effect 1.2, which the rule sees as shifts of about +0.8 and −0.6),
// with yearly shocks, on five seeds: on each at least 85% of the
// countries in their planted bloc (the goal is 95%), the change point
// within two years of the planted peak, and indices for every year, in
// which the blocs separate beyond the noise.
func TestPlantedRecovery(t *testing.T) {
	var sum float64
	for seed := uint64(11); seed <= 15; seed++ {
		s, truth, cfg := plantedSeries(sample.PlantedConfig{Seed: seed, PartnerEffect: 1.6, CompetitorEffect: 1.2,
			PartnerShape: sample.Steady, CompetitorShape: sample.AfterPeak})
		b, err := InferBlocs(s, BlocOptions{Focal: "CN", Rival: "US"})
		if err != nil {
			t.Fatal(err)
		}
		sc := score(b, truth)
		sum += sc.right
		t.Logf("seed %d: %s; %.0f%% right, %.0f%% in a false bloc; warnings %q", seed, b.SplitMethod, 100*sc.right, 100*sc.falseBloc, b.Warnings)
		for _, a := range b.Assignments {
			if a.Bloc != truth.Bloc(a.Node) {
				t.Logf("seed %d: %s planted %s, inferred %s (Δ %+.2f [%+.2f, %+.2f], p_adj %.2g, min cell %d)", seed, a.Node, truth.Bloc(a.Node), a.Bloc, a.Delta, a.Low, a.High, a.PAdj, a.MinCell)
			}
		}
		if sc.right < 0.85 {
			t.Errorf("seed %d: %.0f%% of countries in their planted bloc, want at least 85%%", seed, 100*sc.right)
		}
		if !b.Significant || math.Abs(float64(b.Split-truth.Peak)) > 2 {
			t.Errorf("seed %d: split %d (significant %v), planted peak %d", seed, b.Split, b.Significant, truth.Peak)
		}
		r := BifurcationCI(s, "CN", "US", b.Map(), BifurcationOptions{Bootstrap: 50, Split: b.Split})
		if len(r.Years) != cfg.To-cfg.From+1 || len(r.Notes) != 0 {
			t.Errorf("seed %d: indices for %d of %d years, notes %q", seed, len(r.Years), cfg.To-cfg.From+1, r.Notes)
		}
		// The planted blocs separate after the peak: modularity must rise
		// and the cross share fall, beyond the noise.
		if r.Trends[0].Verdict != "rising" || r.Trends[1].Verdict != "falling" {
			t.Errorf("seed %d: modularity %s, cross share %s; want rising and falling", seed, r.Trends[0].Verdict, r.Trends[1].Verdict)
		}
	}
	t.Logf("mean over five seeds: %.1f%% in the planted bloc", 100*sum/5)
}

// TestPlantedStationary is the null check, in CI: on stationary
// corpora (300,000 papers, 30 countries, the same expected probabilities
// every year, yearly shocks; three seeds) at least 90% of the countries
// are hedgers or have insufficient data under either peak series, the
// poles' series has no significant change point (so the halves are
// compared, and said so).
func TestPlantedStationary(t *testing.T) {
	for seed := uint64(12); seed <= 14; seed++ {
		s, truth, _ := plantedSeries(sample.PlantedConfig{Seed: seed, Stationary: true})
		for _, series := range []string{"count", "intensity"} {
			b, err := InferBlocs(s, BlocOptions{Focal: "CN", Rival: "US", PeakSeries: series})
			if err != nil {
				t.Fatal(err)
			}
			sc := score(b, truth)
			t.Logf("seed %d: %s: %.0f%% hedgers or insufficient data", seed, b.SplitMethod, 100*sc.quiet)
			if sc.quiet < 0.9 {
				t.Errorf("seed %d, %s: %.0f%% hedgers or insufficient data, want 90%%", seed, series, 100*sc.quiet)
			}
			if b.Significant || !strings.Contains(b.SplitMethod, "no significant change point") {
				t.Errorf("seed %d, %s: %s", seed, series, b.SplitMethod)
			}
		}
	}
}

// TestBifurcationNull: on 20 stationary corpora (60,000 papers each),
// with a nominal split of the countries into partners, competitors and
// hedgers, the trends of modularity, cross share and E–I are flat within
// noise on at least 17: the 95% interval should flag about one corpus in
// 20 (these three indices move together), and 4 or more of 20 would have
// probability 1.6% if it did. Measured: 1 of 20.
func TestBifurcationNull(t *testing.T) {
	flagged := 0
	for seed := uint64(100); seed < 120; seed++ {
		s, truth, _ := plantedSeries(sample.PlantedConfig{Seed: seed, Stationary: true, Papers: 60000})
		nominal := map[string]string{}
		for i, c := range truth.Hedgers {
			nominal[c] = []string{Partner, Competitor, Hedger}[i%3]
		}
		r := BifurcationCI(s, "CN", "US", nominal, BifurcationOptions{Bootstrap: 20})
		for _, tr := range r.Trends[:3] {
			if tr.Verdict != "flat within noise" {
				t.Logf("seed %d: %s %.3f → %.3f [%+.3f, %+.3f] %s", seed, tr.Index, tr.Before, tr.After, tr.Low, tr.High, tr.Verdict)
				flagged++
				break
			}
		}
	}
	if flagged > 3 {
		t.Errorf("%d of 20 stationary corpora show a trend", flagged)
	}
}

// A sweepRun is one planted corpus with the raw (unclassified) results
// under each peak series.
type sweepRun struct {
	kind   string // "effect", "zero" (peak and growth, no blocs), "stationary"
	papers int
	effect float64
	shape  string
	truth  sample.Truth
	blocs  map[string]*Blocs
}

type params struct {
	alpha, minEffect float64
	minPapers        int
	correction       string
}

func (p params) opts() BlocOptions {
	minEffect := max(p.minEffect, 0)
	return BlocOptions{Alpha: p.alpha, MinEffect: &minEffect, MinPapers: p.minPapers, Correction: p.correction}
}

// rescore reclassifies a run's countries under p and scores them.
func rescore(r *sweepRun, series string, p params) tally {
	b := *r.blocs[series]
	b.Assignments = slices.Clone(b.Assignments)
	classify(b.Assignments, p.opts())
	return score(&b, r.truth)
}

// TestBlocsSweep is the validation sweep of docs/blocs-validation.md
// (behind -blocs.sweep): planted corpora over effect sizes, shapes and
// corpus sizes, and null corpora, from which the defaults are derived.
func TestBlocsSweep(t *testing.T) {
	if !*sweepFlag {
		t.Skip("the validation sweep runs with -blocs.sweep")
	}
	sizes := []int{30000, 100000, 300000}
	effects := []float64{0.25, 0.5, 0.75, 1, 1.5, 2, 3}
	shapes := []struct {
		name   string
		p, c   sample.Shape
		seed0  uint64
		scaleC float64
	}{
		{"partners steady, competitors after the peak", sample.Steady, sample.AfterPeak, 1000, 1},
		{"both a step at the peak", sample.Step, sample.Step, 2000, 1},
	}
	const seeds, nullSeeds = 5, 10
	var runs []*sweepRun
	infer := func(r *sweepRun, s *graph.Series) {
		r.blocs = map[string]*Blocs{}
		for _, series := range []string{"intensity", "count"} {
			b, err := InferBlocs(s, BlocOptions{Focal: "CN", Rival: "US", PeakSeries: series})
			if err != nil {
				t.Fatal(err)
			}
			r.blocs[series] = b
		}
		runs = append(runs, r)
	}
	for _, n := range sizes {
		for si, sh := range shapes {
			for _, e := range effects {
				for k := range seeds {
					seed := sh.seed0 + uint64(100*si) + uint64(k) + uint64(10*e) + uint64(n/1000)*7
					s, truth, _ := plantedSeries(sample.PlantedConfig{Seed: seed, Papers: n, PartnerEffect: e, CompetitorEffect: e,
						PartnerShape: sh.p, CompetitorShape: sh.c})
					infer(&sweepRun{kind: "effect", papers: n, effect: e, shape: sh.name, truth: truth}, s)
				}
			}
		}
		for k := range nullSeeds {
			s, truth, _ := plantedSeries(sample.PlantedConfig{Seed: 5000 + uint64(k) + uint64(n), Papers: n, Stationary: true})
			infer(&sweepRun{kind: "stationary", papers: n, truth: truth}, s)
			s, truth, _ = plantedSeries(sample.PlantedConfig{Seed: 7000 + uint64(k) + uint64(n), Papers: n, ZeroEffects: true})
			infer(&sweepRun{kind: "zero", papers: n, truth: truth}, s)
		}
		t.Logf("%d papers done", n)
	}
	var md strings.Builder
	fmt.Fprintf(&md, "Corpora: %d planted (%d sizes × %d shapes × %d effects × %d seeds), %d null (%d stationary and %d with the peak and growth but no blocs per size).\n\n",
		len(sizes)*len(shapes)*len(effects)*seeds, len(sizes), len(shapes), len(effects), seeds, 2*nullSeeds*len(sizes), nullSeeds, nullSeeds)

	// 1. Peak series: the change point's distance from the planted peak.
	fmt.Fprintf(&md, "### Split year: change point of the poles' series\n\nError = |split − planted peak| on the corpora with a peak; significance is F ≥ %d of the hinge fit (drift package).\n\n| series | mean abs. error (years) | within 1 year | significant on stationary corpora (largest F) | significant on planted corpora |\n|---|---|---|---|---|\n", drift.Significant)
	bestSeries, bestErr := "", math.Inf(1)
	for _, series := range []string{"intensity", "count"} {
		var errSum, within, nPeak, sigNull, nNull, sigPlanted, maxF float64
		for _, r := range runs {
			b := r.blocs[series]
			switch r.kind {
			case "stationary":
				nNull++
				maxF = max(maxF, b.ChangePoint.F)
				if b.Significant {
					sigNull++
				}
			default:
				nPeak++
				if b.Significant {
					sigPlanted++
				}
				d := math.Abs(float64(b.Split - r.truth.Peak))
				errSum += d
				if d <= 1 {
					within++
				}
			}
		}
		fmt.Fprintf(&md, "| %s | %.2f | %.0f%% | %.0f of %.0f (%.1f) | %.0f%% |\n", series, errSum/nPeak, 100*within/nPeak, sigNull, nNull, maxF, 100*sigPlanted/nPeak)
		if errSum/nPeak < bestErr {
			bestSeries, bestErr = series, errSum/nPeak
		}
	}
	fmt.Fprintf(&md, "\nChosen: **%s** (smaller mean error).\n\n", bestSeries)

	// 2. Calibration of the unadjusted test on the nulls, by the
	// smallest cell.
	bands := [][2]int{{1, 5}, {5, 10}, {10, 20}, {20, 30}, {30, 50}, {50, 100}, {100, 1 << 30}}
	bandName := func(bd [2]int) string {
		if bd[1] > 1<<29 {
			return fmt.Sprintf("%d or more", bd[0])
		}
		return fmt.Sprintf("%d–%d", bd[0], bd[1]-1)
	}
	md.WriteString("### Calibration: the unadjusted 5% test on the null corpora, by the smallest of the four cells\n\n| smallest cell | countries | rejected at 5% |\n|---|---|---|\n")
	for _, bd := range bands {
		var n, rej float64
		for _, r := range runs {
			if r.kind == "effect" {
				continue
			}
			for _, a := range r.blocs[bestSeries].Assignments {
				if !math.IsNaN(a.P) && a.MinCell >= bd[0] && a.MinCell < bd[1] {
					n++
					if a.P < 0.05 {
						rej++
					}
				}
			}
		}
		fmt.Fprintf(&md, "| %s | %.0f | %.1f%% |\n", bandName(bd), n, 100*rej/max(n, 1))
	}
	md.WriteString("\nThe interval is not too narrow at any cell size (with τ² it is rather conservative for small cells), so the minimum number of papers is set by power, below.\n\n")
	minPapers := 1 // while alpha, minimum effect and correction are chosen

	// 3. Alpha, minimum effect, correction: the best mean recovery
	// subject to at most 1% of the null corpora's countries in a bloc.
	md.WriteString("### Level, minimum effect and correction\n\nFor each setting (every country with a paper in each cell tested): mean recovery over all planted corpora; the share of the null corpora's countries put in a bloc; the share of the planted corpora's countries put in a bloc they were not planted in; and the share of all declared blocs (planted and null corpora) that are false:\n\n| correction | alpha | min effect | recovery | false bloc (null) | false bloc (planted) | false among declared |\n|---|---|---|---|---|---|---|\n")
	var best params
	bestRec := -1.0
	for _, corr := range []string{"holm", "bh"} {
		for _, alpha := range []float64{0.01, 0.05, 0.1} {
			for _, me := range []float64{0.5, 0.4, 0.3, 0.2, 0.1, 0} {
				p := params{alpha: alpha, minEffect: me, minPapers: minPapers, correction: corr}
				var rec, nrec, fbNull, nNull, fbPl, decl, falseDecl float64
				for _, r := range runs {
					sc := rescore(r, bestSeries, p)
					decl += sc.declared
					falseDecl += sc.falseBloc
					if r.kind == "effect" {
						rec += sc.right
						fbPl += sc.falseBloc
						nrec++
					} else {
						fbNull += sc.falseBloc
						nNull++
					}
				}
				fdr := falseDecl / decl
				rec, fbNull, fbPl = rec/nrec, fbNull/nNull, fbPl/nrec
				fmt.Fprintf(&md, "| %s | %.2f | %.1f | %.1f%% | %.2f%% | %.2f%% | %.1f%% |\n", corr, alpha, me, 100*rec, 100*fbNull, 100*fbPl, 100*fdr)
				// The loops go from conservative to liberal; a setting
				// replaces the best only when it recovers 0.5 points more.
				if fbNull <= 0.01 && fdr <= 0.05 && rec > bestRec+0.005 {
					best, bestRec = p, rec
				}
			}
		}
	}
	fmt.Fprintf(&md, "\nChosen: **%s, alpha %.2f, minimum effect %.1f** (best mean recovery, %.1f%%, among the settings that put at most 1%% of the null corpora's countries in a bloc and whose declared blocs are at most 5%% false; settings are tried from conservative to liberal, Holm before BH, small alpha and large minimum effect first, and one replaces the best only when it recovers 0.5 points more).\n\n",
		best.correction, best.alpha, max(best.minEffect, 0), 100*bestRec)

	// 4. Minimum papers by power: among the countries planted in a bloc
	// with a clear effect (E ≥ 1.5), the share found, by smallest cell.
	md.WriteString("### Minimum papers: power by the smallest of the four cells\n\nAmong the countries planted as partners or competitors with E ≥ 1.5, the share put in their bloc under the setting above:\n\n| smallest cell | countries | found |\n|---|---|---|\n")
	found := make([]float64, len(bands))
	for bi, bd := range bands {
		var n, ok float64
		for _, r := range runs {
			if r.kind != "effect" || r.effect < 1.5 {
				continue
			}
			b := *r.blocs[bestSeries]
			b.Assignments = slices.Clone(b.Assignments)
			classify(b.Assignments, best.opts())
			for _, a := range b.Assignments {
				want := r.truth.Bloc(a.Node)
				if (want == Partner || want == Competitor) && a.MinCell >= bd[0] && a.MinCell < bd[1] {
					n++
					if a.Bloc == want {
						ok++
					}
				}
			}
		}
		found[bi] = math.NaN()
		if n > 0 {
			found[bi] = ok / n
		}
		fmt.Fprintf(&md, "| %s | %.0f | %.0f%% |\n", bandName(bd), n, 100*found[bi])
	}
	minPapers = bands[len(bands)-1][0]
	for bi := len(bands) - 1; bi >= 0; bi-- {
		if math.IsNaN(found[bi]) || found[bi] >= 0.8 {
			minPapers = bands[bi][0]
		} else {
			break
		}
	}
	best.minPapers = minPapers
	fmt.Fprintf(&md, "\nChosen: **%d** — the smallest cell size from which up a clear bloc member is found with the conventional power of 80%%; below it, \"hedger\" would often mean \"not enough papers to tell\", so such countries are labelled insufficient data.\n\n", minPapers)
	def := params{alpha: DefaultAlpha, minEffect: DefaultMinEffect, minPapers: DefaultMinPapers, correction: DefaultCorrection}
	if best != def || bestSeries != DefaultPeakSeries {
		t.Errorf("the sweep chooses %+v with %s; the defaults are %+v with %s", best, bestSeries, def, DefaultPeakSeries)
	}

	// 4. The recovery curve under the defaults.
	md.WriteString("### Recovery under the defaults\n\nShare of countries in their planted bloc (mean over seeds; insufficient data counts as wrong):\n\n| shape | papers |")
	for _, e := range effects {
		fmt.Fprintf(&md, " E=%.2g |", e)
	}
	md.WriteString("\n|---|---|" + strings.Repeat("---|", len(effects)) + "\n")
	p := plot.New()
	p.Title.Text = "Bloc recovery on planted corpora (30 countries)"
	p.X.Label.Text = "planted effect E (change of ln affinity ratio)"
	p.Y.Label.Text = "countries in their planted bloc"
	p.Legend.Top, p.Legend.Left = false, false
	var lines []any
	for _, sh := range shapes {
		for _, n := range sizes {
			fmt.Fprintf(&md, "| %s | %d |", sh.name, n)
			var xy plotter.XYs
			for _, e := range effects {
				var rec, k float64
				for _, r := range runs {
					if r.kind == "effect" && r.shape == sh.name && r.papers == n && r.effect == e {
						rec += rescore(r, DefaultPeakSeries, def).right
						k++
					}
				}
				fmt.Fprintf(&md, " %.0f%% |", 100*rec/k)
				xy = append(xy, plotter.XY{X: e, Y: rec / k})
			}
			md.WriteString("\n")
			short := "steady/after-peak"
			if strings.HasPrefix(sh.name, "both") {
				short = "step"
			}
			lines = append(lines, fmt.Sprintf("%s, %dk papers", short, n/1000), xy)
		}
	}
	md.WriteString("\nNull corpora under the defaults (share of countries hedgers or insufficient data; change points reported significant):\n\n| kind | papers | hedger or insufficient | significant change points |\n|---|---|---|---|\n")
	for _, kind := range []string{"stationary", "zero"} {
		for _, n := range sizes {
			var quiet, k, sig float64
			for _, r := range runs {
				if r.kind != kind || r.papers != n {
					continue
				}
				quiet += rescore(r, DefaultPeakSeries, def).quiet
				k++
				if r.blocs[DefaultPeakSeries].Significant {
					sig++
				}
			}
			name := "stationary"
			if kind == "zero" {
				name = "peak and growth, no blocs"
			}
			fmt.Fprintf(&md, "| %s | %d | %.1f%% | %.0f of %.0f |\n", name, n, 100*quiet/k, sig, k)
		}
	}
	t.Log("\n" + md.String())
	if *sweepOut != "" {
		if err := plotutil.AddLinePoints(p, lines...); err != nil {
			t.Fatal(err)
		}
		p.Y.Min, p.Y.Max = 0, 1
		for _, ext := range []string{".svg", ".png"} {
			if err := p.Save(7*vg.Inch, 4.5*vg.Inch, filepath.Join(*sweepOut, "blocs-recovery"+ext)); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(filepath.Join(*sweepOut, "blocs-sweep.md"), []byte(md.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestTau2: the year-to-year variance of the lean estimated by
// InferBlocs (τ²) matches the excess of the yearly leans' variance over
// the counting (Poisson) variance, measured directly on the large
// countries of stationary corpora: without shocks both are near 0, with
// shocks of sd 0.3 both near 0.1 (the generator damps a shock of an
// affinity because it also moves the normalisers); they agree within
// 25% or 0.01. Six seeds each.
func TestTau2(t *testing.T) {
	for _, c := range []struct {
		shock, lo, hi float64
	}{{-1, -0.005, 0.005}, {0.3, 0.06, 0.16}} {
		var est, direct float64
		for seed := uint64(20); seed < 26; seed++ {
			s, _, _ := plantedSeries(sample.PlantedConfig{Seed: seed, Stationary: true, Shock: c.shock})
			b, err := InferBlocs(s, BlocOptions{Focal: "CN", Rival: "US"})
			if err != nil {
				t.Fatal(err)
			}
			est += b.Tau2 / 6
			var e, n float64
			for _, a := range b.Assignments {
				if a.MinCell < 300 {
					continue
				}
				var rs []float64
				var pv float64
				for _, g := range s.All() {
					fp, fq := weight(g, a.Node, "CN", graph.Full), weight(g, a.Node, "US", graph.Full)
					np, nq := papersOf(g, "CN"), papersOf(g, "US")
					rs = append(rs, math.Log(fp/fq)-math.Log(np/nq))
					pv += (1/fp + 1/fq + 1/np + 1/nq) / float64(s.Span().To-s.Span().From+1)
				}
				_, sd := meanSD(rs)
				e += sd*sd*float64(len(rs))/float64(len(rs)-1) - pv
				n++
			}
			direct += e / n / 6
		}
		t.Logf("shock %v: τ² %.4f, direct excess %.4f", c.shock, est, direct)
		if est < c.lo || est > c.hi || math.Abs(est-direct) > 0.25*math.Max(direct, 0.04) {
			t.Errorf("shock %v: τ² %.4f, direct excess %.4f", c.shock, est, direct)
		}
	}
}
