package drift

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/internal/sample"
)

func TestHinge(t *testing.T) {
	// y = t up to 10, then falls by 2 a period: break at 10, slopes 1 and
	// −2, exact fit (SSE_hinge 0 < SSE_line: F = +Inf).
	var y []float64
	for i := 0; i < 20; i++ {
		if i <= 10 {
			y = append(y, float64(i))
		} else {
			y = append(y, 10-2*float64(i-10))
		}
	}
	tau, b, g, f, why := hinge(y)
	if why != Fitted || tau != 10 || math.Abs(b-1) > 1e-9 || math.Abs(b+g+2) > 1e-9 || !math.IsInf(f, 1) {
		t.Errorf("hinge: τ %d β %v β+γ %v F %v (%v)", tau, b, b+g, f, why)
	}
	if _, _, _, _, why := hinge(y[:5]); why != Short {
		t.Errorf("5 points: %v, want Short", why)
	}
}

func pair(id string, y int, a, b string) coauthnet.Paper {
	return coauthnet.Paper{ID: id, Year: y, Authors: []coauthnet.Author{
		{Affiliations: []coauthnet.Affiliation{{Country: a}}}, {Affiliations: []coauthnet.Affiliation{{Country: b}}}}}
}

func TestStepsAndProfile(t *testing.T) {
	// 2020: AT–BE twice, AT–CH once; 2021: AT–BE once, BE–CH three times.
	// Full weights: J = (min(2,1) + min(1,0) + min(0,3)) / (2 + 1 + 3) = 1/6;
	// gained BE–CH, lost AT–CH; total weight 3 → 4.
	ps := []coauthnet.Paper{pair("1", 2020, "AT", "BE"), pair("2", 2020, "AT", "BE"), pair("3", 2020, "AT", "CH"),
		pair("4", 2021, "AT", "BE"), pair("5", 2021, "BE", "CH"), pair("6", 2021, "BE", "CH"), pair("7", 2021, "BE", "CH")}
	s := graph.Yearly(ps, graph.Options{})
	st := Steps([]*graph.Graph{s.At(2020), s.At(2021)}, graph.Full)
	if len(st) != 1 || math.Abs(st[0].Jaccard-1.0/6) > 1e-12 || st[0].EdgesGained != 1 || st[0].EdgesLost != 1 || st[0].WeightChange() != 1 {
		t.Errorf("step %+v", st)
	}
	// AT's partners: 2020 BE 2/3, CH 1/3; 2021 BE 1. cos = (2/3)/sqrt(5/9) = 2/√5.
	d, ok := ProfileDrift(s.At(2020), s.At(2021), "AT", graph.Full)
	if !ok || math.Abs(d-(1-2/math.Sqrt(5))) > 1e-12 {
		t.Errorf("AT drift %v, want 1 − 2/√5", d)
	}
	if d, _ := ProfileDrift(s.At(2020), s.At(2020), "AT", graph.Full); math.Abs(d) > 1e-12 {
		t.Errorf("same period drift %v", d)
	}
}

func yearsOf(s *graph.Series) []*graph.Graph {
	var gs []*graph.Graph
	for _, g := range s.All() {
		gs = append(gs, g)
	}
	return gs
}

// TestSample: the planted CN–US series peaks in 2019 and has a
// significant change point within a year of it.
func TestSample(t *testing.T) {
	gs := yearsOf(graph.Yearly(sample.Generate(sample.Config{}), graph.Options{}))
	for _, e := range Edges(gs, graph.BiFrac) {
		if e.Source != "CN" || e.Target != "US" {
			continue
		}
		peak, cp := gs[e.Peak].Period().From, -1
		if e.ChangePoint >= 0 {
			cp = gs[e.ChangePoint].Period().From
		}
		t.Logf("CN-US: peak %d, change point %d (F %.1f), slopes %.1f → %.1f", peak, cp, e.F, e.SlopeBefore, e.SlopeAfter)
		if peak != sample.GetTruth().Peak || cp < peak-1 || cp > peak+1 || !(e.SlopeBefore > 0 && e.SlopeAfter < 0) {
			t.Errorf("CN-US: peak %d, change point %d, slopes %v %v", peak, cp, e.SlopeBefore, e.SlopeAfter)
		}
		return
	}
	t.Fatal("no CN-US edge")
}

// TestStationary: a corpus with the same collaboration probabilities
// every year has no significant change point on any edge, and drifts
// little.
func TestStationary(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	codes := coauthnet.Countries()
	var ps []coauthnet.Paper
	for y := 2005; y <= 2024; y++ {
		for i := 0; i < 8000; i++ {
			ps = append(ps, pair(fmt.Sprint(y, i), y, codes[rng.IntN(15)].Code, codes[rng.IntN(15)].Code))
		}
	}
	gs := yearsOf(graph.Yearly(ps, graph.Options{}))
	n := 0
	for _, e := range Edges(gs, graph.BiFrac) {
		n++
		if e.ChangePoint >= 0 {
			t.Errorf("%s-%s: change point at %d, F %.1f", e.Source, e.Target, e.ChangePoint, e.F)
		}
	}
	var jac float64
	steps := Steps(gs, graph.BiFrac)
	for _, st := range steps {
		jac += st.Jaccard
	}
	jac /= float64(len(steps))
	var drift float64
	for i := 1; i < len(gs); i++ {
		d, _ := ProfileDrift(gs[i-1], gs[i], codes[0].Code, graph.BiFrac)
		drift += d
	}
	drift /= float64(len(gs) - 1)
	t.Logf("%d edges, mean Jaccard %.3f, mean profile drift of %s %.4f", n, jac, codes[0].Code, drift)
	// At 8000 papers a year over 105 edges the noise floor is low; with
	// 2000 a year it was Jaccard 0.77 and profile drift 0.05.
	if jac < 0.85 || drift > 0.02 {
		t.Errorf("stationary corpus drifts: Jaccard %.3f, profile drift %.4f", jac, drift)
	}
}

func TestEdgeSteps(t *testing.T) {
	// As in TestStepsAndProfile: AT–BE 2 → 1 (change −1, relative −1/2,
	// log ratio ln 1/2), AT–CH lost, BE–CH new.
	ps := []coauthnet.Paper{pair("1", 2020, "AT", "BE"), pair("2", 2020, "AT", "BE"), pair("3", 2020, "AT", "CH"),
		pair("4", 2021, "AT", "BE"), pair("5", 2021, "BE", "CH"), pair("6", 2021, "BE", "CH"), pair("7", 2021, "BE", "CH")}
	s := graph.Yearly(ps, graph.Options{})
	es := EdgeSteps([]*graph.Graph{s.At(2020), s.At(2021)}, graph.Full)
	if len(es) != 3 {
		t.Fatalf("%d edge steps", len(es))
	}
	ab, ac, bc := es[0], es[1], es[2]
	if ab.Change() != -1 || ab.Relative() != -0.5 || math.Abs(ab.LogRatio()-math.Log(0.5)) > 1e-15 || ab.Status() != "kept" {
		t.Errorf("AT-BE %+v", ab)
	}
	if ac.Status() != "lost" || bc.Status() != "new" || !math.IsNaN(bc.Relative()) || bc.Change() != 3 {
		t.Errorf("AT-CH %+v, BE-CH %+v", ac, bc)
	}
}
