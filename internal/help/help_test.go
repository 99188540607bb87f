package help

import (
	"fmt"
	"math"
	"strings"
	"sync"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/community"
	"github.com/coauthnet/coauthnet/drift"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/internal/sample"
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
	// The four papers: I(CN,US) = (5/6)/sqrt(11/12·7/12) (DESIGN.md §11).
	has(t, "counting", fmt.Sprintf("%.4f", (5.0/6)/math.Sqrt(11.0/12*7.0/12)))
}

func TestBlocsNumbers(t *testing.T) {
	_, s := sampleSeries()
	b, err := community.InferBlocs(s, community.BlocOptions{Focal: "CN", Rival: "US"})
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	var eg, fi, tr community.Assignment
	for _, a := range b.Assignments {
		count[a.Bloc]++
		switch a.Node {
		case "EG":
			eg = a
		case "FI":
			fi = a
		case "TR":
			tr = a
		}
	}
	early, late := s.Range(graph.Period{From: 2016, To: 2019}), s.Range(graph.Period{From: 2021, To: 2024})
	i := func(g *graph.Graph, a, b string) string { return fmt.Sprintf("%.5f", community.Intensity(g, a, b)) }
	has(t, "blocs",
		fmt.Sprintf("peaks in %d", b.Peak),
		fmt.Sprintf("L_early = ln(%s/%s) = %.5f", i(early, "EG", "CN")[:7], i(early, "EG", "US")[:7], eg.LeanStart),
		fmt.Sprintf("L_late  = ln(%s/%s) = %.5f", i(late, "EG", "CN")[:7], i(late, "EG", "US")[:7], eg.LeanEnd),
		fmt.Sprintf("Δ = %.5f − %.5f = %.5f > 1: partner", eg.LeanEnd, eg.LeanStart, eg.LeanEnd-eg.LeanStart),
		fmt.Sprintf("= %.5f", eg.LeanSlope),
		"bifrac "+f3(edge(t, early, "CN", "EG")[graph.BiFrac]), "R_EG "+f3(output(t, early, "EG")), "R_CN "+f3(output(t, early, "CN")),
		fmt.Sprintf("finds %d, %d and %d", count["partner"], count["competitor"], count["hedger"]),
		fmt.Sprintf("partner with confidence %.1f", fi.Confidence), fmt.Sprintf("competitor with %.2f", tr.Confidence),
	)
	if eg.Bloc != "partner" || fi.Bloc != "partner" || tr.Bloc != "competitor" {
		t.Errorf("EG %s, FI %s, TR %s: the text says partner, partner, competitor", eg.Bloc, fi.Bloc, tr.Bloc)
	}
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
