package help

import (
	"fmt"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/community"
	"github.com/coauthnet/coauthnet/drift"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/internal/sample"
	"github.com/coauthnet/coauthnet/metrics"
)

func TestTopics(t *testing.T) {
	if got := strings.Join(Topics(), ","); got != "blocs,counting,drift,policy" {
		t.Errorf("topics %s", got)
	}
	for _, name := range Topics() {
		s, err := Text(strings.ToUpper(name))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(s, "WORKED EXAMPLE") || !strings.Contains(s, "--sample") {
			t.Errorf("%s: no worked example on the sample", name)
		}
		// Prose fits 80 columns; quoted command output (indented) 100.
		for i, l := range strings.Split(s, "\n") {
			limit := 80
			if strings.HasPrefix(l, "    ") {
				limit = 100
			}
			if n := len([]rune(l)); n > limit {
				t.Errorf("%s line %d is %d characters: %s", name, i+1, n, l)
			}
		}
	}
	if _, err := Text("louvain"); err == nil || !strings.Contains(err.Error(), "blocs, counting, drift, policy") {
		t.Errorf("unknown topic: %v", err)
	}
}

var (
	once   sync.Once
	papers []coauthnet.Paper
	series *graph.Series
)

func sampleSeries() ([]coauthnet.Paper, *graph.Series) {
	once.Do(func() {
		papers = sample.Generate(sample.Config{})
		series = graph.Yearly(papers, graph.Options{})
	})
	return papers, series
}

// has fails unless text contains every string.
func has(t *testing.T, topic string, want ...string) {
	t.Helper()
	s, err := Text(topic)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range want {
		if !strings.Contains(s, w) {
			t.Errorf("help %s does not say %q (recomputed)", topic, w)
		}
	}
}

func f3(x float64) string { return fmt.Sprintf("%.3f", x) }

func edge(t *testing.T, g *graph.Graph, a, b string) graph.Weights {
	t.Helper()
	u, ok1 := g.Index(a)
	v, ok2 := g.Index(b)
	w, ok := g.Between(u, v)
	if !ok1 || !ok2 || !ok {
		t.Fatalf("no edge %s–%s", a, b)
	}
	return w
}

func output(t *testing.T, g *graph.Graph, a string) float64 {
	t.Helper()
	u, ok := g.Index(a)
	if !ok {
		t.Fatalf("no node %s", a)
	}
	return g.Node(u).Output
}

func TestCountingNumbers(t *testing.T) {
	_, s := sampleSeries()
	g := s.At(2019)
	w := edge(t, g, "CN", "US")
	rcn, rus := output(t, g, "CN"), output(t, g, "US")
	has(t, "counting",
		fmt.Sprintf("full %d,", int(w[graph.Full])), "bifrac "+f3(w[graph.BiFrac]), "frac "+f3(w[graph.Frac]), "share "+f3(w[graph.Share]),
		"R_CN = "+f3(rcn), "R_US = "+f3(rus), fmt.Sprintf("= %.5f", community.Intensity(g, "CN", "US")))
	// The four papers: I(CN,US) = (5/6)/sqrt(11/12·7/12) (docs/DESIGN.md §11).
	has(t, "counting", fmt.Sprintf("%.4f", (5.0/6)/math.Sqrt(11.0/12*7.0/12)))
}

// flat collapses every run of white space (a line break and the
// indentation of a wrapped line included) into one space.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// hasFlat is has for strings that the text wraps over lines.
func hasFlat(t *testing.T, topic string, want ...string) {
	t.Helper()
	s, err := Text(topic)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range want {
		if !strings.Contains(flat(s), flat(w)) {
			t.Errorf("help %s does not say %q (recomputed)", topic, w)
		}
	}
}

// cut is how the text quotes a CSV float: the first n characters of
// Go's shortest form, then "..." (before the exponent, if any).
func cut(x float64, n int) string {
	s := strconv.FormatFloat(x, 'g', -1, 64)
	mant, exp, ok := strings.Cut(s, "e")
	if ok {
		return mant[:n] + "...e" + exp
	}
	return s[:n] + "..."
}

// TestBlocsNumbers recomputes every number of help blocs: the split and
// the summary lines of `coauthnet blocs --sample --poles CN,US` from
// community.InferBlocs (formatted as cmd/coauthnet/blocs.go does), Egypt's
// cells from the pooled graphs (what `coauthnet edges` and `nodes` print
// with --years), the hand arithmetic from those cells, the BH rank, and
// the defaults and their provenance from community's constants and
// docs/blocs-validation.md (written by the sweep, whose test fails when
// the constants are not the ones it chooses).
func TestBlocsNumbers(t *testing.T) {
	_, s := sampleSeries()
	b, err := community.InferBlocs(s, community.BlocOptions{Focal: "CN", Rival: "US"})
	if err != nil {
		t.Fatal(err)
	}
	years := func(ys []int) string { return fmt.Sprintf("%d–%d", ys[0], ys[len(ys)-1]) }
	count := map[string]int{}
	var eg, tr community.Assignment
	tested, right := 0, 0
	truth := sample.GetTruth()
	for _, a := range b.Assignments {
		count[a.Bloc]++
		if a.Bloc != community.Insufficient {
			tested++
		}
		if truth.Bloc(a.Node) == a.Bloc {
			right++
		}
		switch a.Node {
		case "EG":
			eg = a
		case "TR":
			tr = a
		}
	}
	if eg.Bloc != community.Partner || tr.Bloc != community.Hedger {
		t.Errorf("EG %s, TR %s: the text says partner, hedger", eg.Bloc, tr.Bloc)
	}
	// The quoted stderr lines (cmd/coauthnet/blocs.go formats).
	hasFlat(t, "blocs",
		fmt.Sprintf("coauthnet: poles CN (focal) and US; split %d: %s", b.Split, b.SplitMethod),
		fmt.Sprintf("coauthnet: lean = ln(association strength with CN / with US), before %s, after %s; "+
			"Woolf interval with year-to-year variance τ² = %.3g; %s-adjusted p < %g and |Δ| ≥ %g for a bloc, at least %d papers a cell",
			years(b.Before), years(b.After), b.Tau2, b.Correction, b.Alpha, b.MinEffect, b.MinPapers),
		fmt.Sprintf("coauthnet: inferred %d partners, %d competitors, %d hedgers, %d with insufficient data",
			count[community.Partner], count[community.Competitor], count[community.Hedger], count[community.Insufficient]),
		fmt.Sprintf("breaks at %d with F = %.1f ≥ %d, so before is %s and after %s", b.Split, b.ChangePoint.F, drift.Significant, years(b.Before), years(b.After)),
		fmt.Sprintf("τ² = %.3g: on the sample", b.Tau2),
	)
	if b.Tau2 != 0 {
		t.Errorf("τ² = %g; the text says 0 and leaves its term out of SE²", b.Tau2)
	}
	// The CSV row, cut as the text cuts it.
	has(t, "blocs", "EG,partner,"+strings.Join([]string{cut(eg.LeanBefore, 7), cut(eg.LeanAfter, 7), cut(eg.Delta, 7), cut(eg.Low, 7), cut(eg.High, 7),
		cut(eg.P, 5), cut(eg.PAdj, 5)}, ","))

	// Egypt's four cells and the poles' papers, pooled over each side.
	side := func(ys []int) (fp, fq, np, nq float64, g *graph.Graph) {
		g = s.Range(graph.Period{From: ys[0], To: ys[len(ys)-1]})
		np, nq = float64(g.Node(index(t, g, "CN")).Papers), float64(g.Node(index(t, g, "US")).Papers)
		return edge(t, g, "CN", "EG")[graph.Full], edge(t, g, "EG", "US")[graph.Full], np, nq, g
	}
	fp0, fq0, np0, nq0, g0 := side(b.Before)
	fp1, fq1, np1, nq1, _ := side(b.After)
	has(t, "blocs",
		fmt.Sprintf("%s       %3.0f       %3.0f      %4.0f    %4.0f", strings.ReplaceAll(years(b.Before), "–", "-"), fp0, fq0, np0, nq0),
		fmt.Sprintf("%s       %3.0f       %3.0f      %4.0f    %4.0f", strings.ReplaceAll(years(b.After), "–", "-"), fp1, fq1, np1, nq1))
	eq := func(what string, got, want float64) {
		if math.Abs(got-want) > 1e-12*math.Max(1, math.Abs(want)) {
			t.Errorf("%s: by hand %v, InferBlocs %v", what, got, want)
		}
	}
	l0a, l0b, l1a, l1b := math.Log(fp0/fq0), math.Log(np0/nq0), math.Log(fp1/fq1), math.Log(np1/nq1)
	eq("L_before", l0a-l0b, eg.LeanBefore)
	eq("L_after", l1a-l1b, eg.LeanAfter)
	v := 1/fp0 + 1/fq0 + 1/fp1 + 1/fq1 + 1/np0 + 1/nq0 + 1/np1 + 1/nq1 // τ² = 0
	eq("SE", math.Sqrt(v), eg.SE)
	z := -math.Sqrt2 * math.Erfcinv(2*(1-b.Alpha/2)) // Φ⁻¹(1 − α/2)
	eq("low", eg.Delta-z*eg.SE, eg.Low)
	eq("p", math.Erfc(eg.Delta/eg.SE/math.Sqrt2), eg.P)
	f6 := func(x float64) string { return fmt.Sprintf("%.6f", x) }
	f5 := func(x float64) string { return fmt.Sprintf("%.5f", x) }
	has(t, "blocs",
		fmt.Sprintf("L_before = ln(%.0f/%.0f) − ln(%.0f/%.0f) = %s − %s = %s", fp0, fq0, np0, nq0, f6(l0a), f6(l0b), f6(eg.LeanBefore)),
		fmt.Sprintf("L_after  = ln(%.0f/%.0f) − ln(%.0f/%.0f) = %s − %s = %s", fp1, fq1, np1, nq1, f6(l1a), f6(l1b), f6(eg.LeanAfter)),
		fmt.Sprintf("Δ        = %s − %s = %s", f6(eg.LeanAfter), f6(eg.LeanBefore), f5(eg.Delta)),
		fmt.Sprintf("SE²      = 1/%.0f + 1/%.0f + 1/%.0f + 1/%.0f ", fp0, fq0, fp1, fq1),
		fmt.Sprintf("+ 1/%.0f + 1/%.0f + 1/%.0f + 1/%.0f ", np0, nq0, np1, nq1),
		fmt.Sprintf("= %.6f,   SE = %s", v, f5(eg.SE)),
		fmt.Sprintf("z        = Φ⁻¹(%g) = %s   (α = %g)", 1-b.Alpha/2, f5(z), b.Alpha),
		fmt.Sprintf("interval = %s ± %s · %s = [%s, %s]", f5(eg.Delta), f5(z), f5(eg.SE), f5(eg.Low), f5(eg.High)),
		fmt.Sprintf("p        = erfc(Δ/SE / √2) = erfc(%.4f / √2) = %.3g", eg.Delta/eg.SE, eg.P),
	)
	// The rounded figures of the hand calculation agree with each other.
	for _, c := range [][3]string{{f6(l0a), f6(l0b), f6(eg.LeanBefore)}, {f6(l1a), f6(l1b), f6(eg.LeanAfter)}, {f6(eg.LeanAfter), f6(eg.LeanBefore), f5(eg.Delta)}} {
		x, _ := strconv.ParseFloat(c[0], 64)
		y, _ := strconv.ParseFloat(c[1], 64)
		if d, _ := strconv.ParseFloat(c[2], 64); math.Abs(x-y-d) > 1e-5 {
			t.Errorf("%s − %s = %s does not add up after rounding", c[0], c[1], c[2])
		}
	}
	// The same lean from the association column (metrics.Pairs).
	var as [2]float64
	for i, pm := range metrics.Pairs(g0, graph.BiFrac) {
		e := g0.Edge(i)
		switch u, v := g0.Label(e.From), g0.Label(e.To); {
		case u+v == "CNEG" || u+v == "EGCN":
			as[0] = pm.Association
		case u+v == "EGUS" || u+v == "USEG":
			as[1] = pm.Association
		}
	}
	eq("association lean", math.Log(as[0]/as[1]), eg.LeanBefore)
	hasFlat(t, "blocs", fmt.Sprintf("ln(%.7f/%.7f) = %s (%s)", as[0], as[1], f6(eg.LeanBefore), strings.ReplaceAll(years(b.Before), "–", "-")))
	// Benjamini–Hochberg: p_adj = p·m/rank (monotone from the top down).
	rank := 0
	for _, a := range b.Assignments {
		if a.Bloc != community.Insufficient && a.P <= eg.P {
			rank++
		}
	}
	eq("p_adj", eg.P*float64(tested)/float64(rank), eg.PAdj)
	has(t, "blocs", fmt.Sprintf("All %d countries are tested", tested),
		fmt.Sprintf("Egypt's p is the %dth smallest, so p_adj = %.4g · %d/%d = %.4g", rank, eg.P, tested, rank, eg.PAdj),
		fmt.Sprintf("< %g, and Δ ≥ %g: partner", b.Alpha, b.MinEffect),
		fmt.Sprintf("Δ = %s is beyond", strings.Replace(fmt.Sprintf("%.3f", tr.Delta), "-", "−", 1)), fmt.Sprintf("p = %.3f and", tr.P), fmt.Sprintf("p_adj = %.3f ≥ %g", tr.PAdj, b.Alpha))
	if math.Abs(tr.Delta) < b.MinEffect || tr.PAdj < b.Alpha {
		t.Errorf("TR: Δ %v, p_adj %v; the text says beyond the minimum effect but not significant", tr.Delta, tr.PAdj)
	}
	hasFlat(t, "blocs", fmt.Sprintf("plants %d partners, %d competitors and %d hedgers", len(truth.Partners), len(truth.Competitors), len(b.Assignments)-len(truth.Partners)-len(truth.Competitors)),
		fmt.Sprintf("puts %d of the %d countries in their planted bloc", right, len(b.Assignments)))

	// The defaults, and where they come from.
	hasFlat(t, "blocs", fmt.Sprintf("DEFAULTS: --peak %s, --correction %s, --alpha %g, --min-effect %g, --min-papers %d.",
		community.DefaultPeakSeries, community.DefaultCorrection, community.DefaultAlpha, community.DefaultMinEffect, community.DefaultMinPapers),
		fmt.Sprintf("kept when F ≥ %d", drift.Significant))
	hasFlat(t, "blocs", fmt.Sprintf("%s: its change point", community.DefaultPeakSeries),
		fmt.Sprintf("%s, %g, %g: the best mean recovery", community.DefaultCorrection, community.DefaultAlpha, community.DefaultMinEffect),
		fmt.Sprintf("%d: from %d papers in the smallest cell on", community.DefaultMinPapers, community.DefaultMinPapers))
	// The sweep's figures, read from the page it writes: each regexp's
	// groups fill the format of what the text says.
	doc, err := os.ReadFile("../../docs/blocs-validation.md")
	if err != nil {
		t.Fatal(err)
	}
	// The corpus sizes, from the rows of the recovery table.
	lo, hi := math.MaxInt, 0
	for _, m := range regexp.MustCompile(`\| both a step at the peak \| (\d+) \|`).FindAllStringSubmatch(string(doc), -1) {
		n, _ := strconv.Atoi(m[1])
		lo, hi = min(lo, n), max(hi, n)
	}
	thousands := func(n int) string { return fmt.Sprintf("%d,%03d", n/1000, n%1000) }
	hasFlat(t, "blocs", fmt.Sprintf("corpora of %s to %s papers", thousands(lo), thousands(hi)))
	for _, q := range []struct{ re, text string }{
		{`Corpora: (\d+) planted .*?, (\d+) null`, "sweep over %s planted and %s null"},
		{`\| count \| ([\d.]+) \|`, "(mean error %s against"},
		{`\| intensity \| ([\d.]+) \|`, "against %s years)"},
		{fmt.Sprintf(`Chosen: \*\*%s\*\* \(smaller mean error\)`, community.DefaultPeakSeries), ""},
		{fmt.Sprintf(`Chosen: \*\*%s, alpha %.2f, minimum effect %g\*\* \(best mean recovery, ([\d.]+)%%, among the settings that put at most (\d+)%% of the null corpora's countries in a bloc and whose declared blocs are at most (\d+)%% false`,
			community.DefaultCorrection, community.DefaultAlpha, community.DefaultMinEffect),
			"best mean recovery (%s%%) among the settings that put at most %s%% of the null corpora's countries in a bloc and whose declared blocs are at most %s%% false"},
		{fmt.Sprintf(`Chosen: \*\*%d\*\* — the smallest cell size from which up a clear bloc member is found with the conventional power of (\d+)%%`, community.DefaultMinPapers), "found with %s%% power"},
		{`\| 10–19 \| \d+ \| (\d+)% \|`, "found with %s%% power"},
		{`\| (5–9) \| \d+ \| (\d+)% \|`, "(%[2]s%% with %[1]s papers)"},
	} {
		m := regexp.MustCompile(q.re).FindStringSubmatch(flat(string(doc)))
		if m == nil {
			t.Errorf("docs/blocs-validation.md has no %s, which help blocs relies on", q.re)
			continue
		}
		if q.text != "" {
			args := make([]any, len(m)-1)
			for i := range args {
				args[i] = m[i+1]
			}
			hasFlat(t, "blocs", fmt.Sprintf(q.text, args...))
		}
	}
}

func index(t *testing.T, g *graph.Graph, a string) int {
	t.Helper()
	v, ok := g.Index(a)
	if !ok {
		t.Fatalf("no node %s", a)
	}
	return v
}

func TestDriftNumbers(t *testing.T) {
	_, s := sampleSeries()
	var gs []*graph.Graph
	for _, g := range s.All() {
		gs = append(gs, g)
	}
	for _, e := range drift.Edges(gs, graph.BiFrac) {
		switch {
		case e.Source == "CN" && e.Target == "US":
			if e.ChangePoint < 0 {
				t.Fatal("CN–US has no change point")
			}
			has(t, "drift", fmt.Sprintf("CN,US,%d,%d,%.3f", 2005+e.Peak, 2005+e.ChangePoint, e.SlopeBefore),
				fmt.Sprintf("%.3f", e.SlopeAfter)[:6], fmt.Sprintf("F = %.1f ≥ 40", e.F),
				fmt.Sprintf("change = %.2f − %.2f", e.Weights[len(e.Weights)-1], e.Weights[0]))
			for y, w := range e.Weights {
				has(t, "drift", fmt.Sprintf("%d %6.2f", 2005+y, w))
			}
		case e.Source == "CN" && e.Target == "SA":
			has(t, "drift", fmt.Sprintf("CN–SA peaks in %d with F = %.1f", 2005+e.Peak, e.F))
			if e.ChangePoint >= 0 {
				t.Error("CN–SA has a change point; the text says none")
			}
		}
	}
	ps, _ := sampleSeries()
	var small []*graph.Graph
	for _, g := range graph.Yearly(ps, graph.Options{MaxAuthors: 100}).All() {
		small = append(small, g)
	}
	st, sm := drift.Steps(gs, graph.BiFrac)[1], drift.Steps(small, graph.BiFrac)[1] // 2006 → 2007
	has(t, "drift", fmt.Sprintf("2006→2007 gains %d edges and loses %d", st.EdgesGained, st.EdgesLost),
		fmt.Sprintf("it gains %d and loses %d", sm.EdgesGained, sm.EdgesLost))
	for _, st := range drift.Steps(gs, graph.BiFrac) {
		if st.From.From == 2018 {
			has(t, "drift", fmt.Sprintf("J = %.3f", st.Jaccard), fmt.Sprintf("rose by %.1f", st.WeightChange()),
				fmt.Sprintf("2018,2019,%.5f", st.Jaccard)[:17])
		}
	}
}

func TestPolicyNumbers(t *testing.T) {
	ps, s := sampleSeries()
	row := map[coauthnet.CountryPolicy]struct {
		papers int
		output float64
	}{}
	changed := map[coauthnet.CountryPolicy]map[string]int{}
	var prc *graph.Series
	for _, pol := range []coauthnet.CountryPolicy{coauthnet.PolicyISO, coauthnet.PolicyPRCSAR, coauthnet.PolicyPRC} {
		changed[pol] = map[string]int{}
		cp := make([]coauthnet.Paper, len(ps))
		for i, p := range ps {
			p.Authors = append([]coauthnet.Author(nil), p.Authors...)
			for j := range p.Authors {
				p.Authors[j].Affiliations = append([]coauthnet.Affiliation(nil), p.Authors[j].Affiliations...)
			}
			pol.Apply(&p, func(from, _ string) { changed[pol][from]++ })
			cp[i] = p
		}
		sp := s
		if pol != coauthnet.PolicyISO {
			sp = graph.Yearly(cp, graph.Options{})
		}
		if pol == coauthnet.PolicyPRC {
			prc = sp
		}
		g := sp.At(2019)
		v, _ := g.Index("CN")
		row[pol] = struct {
			papers int
			output float64
		}{g.Node(v).Papers, g.Node(v).Output}
	}
	has(t, "policy",
		fmt.Sprintf("CN    %d     %s", row[coauthnet.PolicyISO].papers, f3(row[coauthnet.PolicyISO].output)),
		fmt.Sprintf("prc-sar   CN    %d     %s", row[coauthnet.PolicyPRCSAR].papers, f3(row[coauthnet.PolicyPRCSAR].output)),
		fmt.Sprintf("prc       CN    %d     %s", row[coauthnet.PolicyPRC].papers, f3(row[coauthnet.PolicyPRC].output)),
		fmt.Sprintf("remapped %d HK", changed[coauthnet.PolicyPRCSAR]["HK"]), fmt.Sprintf("also %d TW", changed[coauthnet.PolicyPRC]["TW"]),
		f3(edge(t, s.At(2019), "CN", "US")[graph.BiFrac])+" under iso and "+f3(edge(t, prc.At(2019), "CN", "US")[graph.BiFrac])+" under prc",
	)
	g := s.At(2019)
	hk, _ := g.Index("HK")
	if both := row[coauthnet.PolicyISO].papers + g.Node(hk).Papers - row[coauthnet.PolicyPRCSAR].papers; both != 10 {
		t.Errorf("%d papers with both CN and HK in 2019; the text says 10", both)
	}
}

// TestDriftHelpAlgorithm: drift's nmi and ari compare the communities
// of tables.DriftSteps, found with community.Options' default
// algorithm; the help names that one (it said Louvain, the README
// Leiden, the default).
func TestDriftHelpAlgorithm(t *testing.T) {
	s, err := Text("drift")
	if err != nil {
		t.Fatal(err)
	}
	alg, err := community.ParseAlgorithm(string(community.Options{}.Algorithm))
	if err != nil {
		t.Fatal(err)
	}
	name := map[community.Algorithm]string{community.Leiden: "Leiden", community.LouvainMethod: "Louvain"}
	i := strings.Index(s, "nmi, ari")
	if i < 0 {
		t.Fatal("help drift has no nmi, ari")
	}
	line := s[i : i+strings.Index(s[i:], "\n")]
	if !strings.Contains(line, name[alg]+" communities") {
		t.Errorf("help drift: %q; want %s, the default", line, name[alg])
	}
	for a, n := range name {
		if a != alg && strings.Contains(line, n) {
			t.Errorf("help drift: %q names %s", line, n)
		}
	}
}
