package mobility

import (
	"fmt"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/internal/sample"
)

func handResult(t *testing.T) *Result {
	t.Helper()
	c := NewCareers()
	ps := papersOf(handCareers)
	for i := range ps {
		c.Add(&ps[i])
	}
	return c.Analyze(DefaultOptions)
}

// The flows of the hand-worked careers (classify_test.go): migrations
// CN→US 2004 (A4) and 2005 (A2), US→CN 2010 (A4, return), BR→PT 2007
// (A6); travel DE→GB 2003 (A3).
func TestHandFlows(t *testing.T) {
	r := handResult(t)
	var got []string
	for _, f := range r.Flows() {
		got = append(got, fmt.Sprintf("%d %s→%s %d %d", f.Year, r.Nodes[f.From], r.Nodes[f.To], f.Migrants, f.Travellers))
	}
	want := "[2003 DE→GB 0 1 2004 CN→US 1 0 2005 CN→US 1 0 2007 BR→PT 1 0 2010 US→CN 1 0]"
	if fmt.Sprint(got) != want {
		t.Errorf("flows %v\nwant %s", got, want)
	}
	// All years: CN out 2 (A4, A2), in 1 (A4's return, with prior ties);
	// US in 2, out 1.
	got = nil
	for _, n := range r.NodeFlows() {
		if n.Year == 0 {
			got = append(got, fmt.Sprintf("%s out=%d in=%d net=%d ret=%d prior=%d new=%d tout=%d tin=%d",
				r.Nodes[n.Node], n.Out, n.In, n.Net, n.Returns, n.Prior, n.New, n.TravelOut, n.TravelIn))
		}
	}
	want = "[BR out=1 in=0 net=-1 ret=0 prior=0 new=0 tout=0 tin=0 CN out=2 in=1 net=-1 ret=1 prior=1 new=0 tout=0 tin=0 " +
		"DE out=0 in=0 net=0 ret=0 prior=0 new=0 tout=1 tin=0 GB out=0 in=0 net=0 ret=0 prior=0 new=0 tout=0 tin=1 " +
		"PT out=0 in=1 net=1 ret=0 prior=0 new=1 tout=0 tin=0 US out=1 in=2 net=1 ret=0 prior=0 new=2 tout=0 tin=0]"
	if fmt.Sprint(got) != want {
		t.Errorf("node flows %v\nwant %s", got, want)
	}
	// CN is the origin of A1 (stayer), A2 (migrant, ends in US) and A4
	// (migrant, returned): retained 2 of 3.
	for _, rt := range r.Retention() {
		if r.Nodes[rt.Node] == "CN" {
			if rt.Authors != 3 || rt.Stayers != 1 || rt.Migrants != 2 || rt.Retained != 2 || rt.Returned != 1 {
				t.Errorf("CN retention %+v", rt)
			}
		}
	}
	// Pre-move impacts of the migrations: A4 5 and 5, A6 7, A2 10;
	// halves: the cut is the value at rank ⌊4/2⌋ = 2 of [5 5 7 10], 7.
	q := r.ImpactQuantiles(2, CitesPerPaper)
	if fmt.Sprint(q.Cuts) != "[7]" || q.Of(5) != 1 || q.Of(7) != 2 || q.Of(10) != 2 {
		t.Errorf("quantiles %v", q.Cuts)
	}
	got = nil
	for _, f := range r.Focal("CN", q) {
		got = append(got, fmt.Sprintf("%d %s q%d in=%d out=%d ret=%d", f.Year, f.Partner, f.Quantile, f.Inflow, f.Outflow, f.Returns))
	}
	want = "[2004 US q1 in=0 out=1 ret=0 2005 US q2 in=0 out=1 ret=0 2010 US q1 in=1 out=0 ret=1]"
	if fmt.Sprint(got) != want {
		t.Errorf("focal %v\nwant %s", got, want)
	}
}

// TestFlowInvariants: on a planted corpus, every migration is one
// outflow and one inflow (Σ In = Σ Out = migrations, Σ Net = 0), per
// year and in total; impact classes partition the migrations; every
// author is in exactly one origin's retention.
func TestFlowInvariants(t *testing.T) {
	ps, _ := sample.Careers(sample.CareersConfig{Seed: 3, Authors: 1500})
	c := NewCareers()
	for i := range ps {
		c.Add(&ps[i])
	}
	r := c.Analyze(DefaultOptions)
	migrations := map[int]int{}
	for _, m := range r.Moves {
		if m.Kind == Migrant {
			migrations[0]++
			migrations[m.Year]++
		}
	}
	in, out, net := map[int]int{}, map[int]int{}, map[int]int{}
	for _, n := range r.NodeFlows() {
		in[n.Year] += n.In
		out[n.Year] += n.Out
		net[n.Year] += n.Net
	}
	for y, n := range migrations {
		if in[y] != n || out[y] != n || net[y] != 0 {
			t.Errorf("year %d: %d migrations, Σin %d, Σout %d, Σnet %d", y, n, in[y], out[y], net[y])
		}
	}
	q := r.ImpactQuantiles(4, CNCI)
	byQ := 0
	for _, f := range r.ImpactFlows(q) {
		byQ += f.Migrants
	}
	if byQ != migrations[0] || q.Len() != 4 {
		t.Errorf("impact flows sum to %d of %d migrations; %d classes", byQ, migrations[0], q.Len())
	}
	authors := 0
	for _, rt := range r.Retention() {
		authors += rt.Authors
		if rt.Stayers+rt.Travellers+rt.Migrants != rt.Authors || rt.Retained > rt.Authors {
			t.Errorf("retention %+v", rt)
		}
	}
	if authors != len(r.Authors) {
		t.Errorf("retention covers %d of %d authors", authors, len(r.Authors))
	}
}

// TestPlantedImpact: the generator makes CN attract low-impact
// migrants more (its weight × (2 − 1.5u) for quality quantile u); the
// share of CN in the inflow must fall from the lowest to the highest
// impact quartile, by either measure.
func TestPlantedImpact(t *testing.T) {
	ps, _ := sample.Careers(sample.CareersConfig{Seed: 5, Authors: 6000, Migrants: 0.4, Travellers: 0.05})
	c := NewCareers()
	for i := range ps {
		c.Add(&ps[i])
	}
	r := c.Analyze(DefaultOptions)
	for _, by := range []ImpactMeasure{CNCI, CitesPerPaper} {
		q := r.ImpactQuantiles(4, by)
		cn, all := make([]int, 5), make([]int, 5)
		for _, f := range r.ImpactFlows(q) {
			all[f.Quantile] += f.Migrants
			if r.Nodes[f.To] == "CN" {
				cn[f.Quantile] += f.Migrants
			}
		}
		s1, s4 := float64(cn[1])/float64(all[1]), float64(cn[4])/float64(all[4])
		t.Logf("%v: CN share of migrations: lowest quartile %d/%d = %.3f, highest %d/%d = %.3f", by, cn[1], all[1], s1, cn[4], all[4], s4)
		if s1 <= s4*1.5 {
			t.Errorf("%v: CN share lowest quartile %.3f, highest %.3f: want a clear fall", by, s1, s4)
		}
	}
}

// TestCNCI: baselines by hand. 2000: Bio papers cited 6, 2 and 4 (mean
// 4); Phys papers cited 4 (the same paper, in both fields) and 0 (mean
// 2). 2001: two papers without a field, never cited (mean 0: ratio 1).
// CNCI: 6/4 = 1.5 and 2/4 = 0.5; the Bio+Phys paper (4/4 + 4/2)/2 = 1.5; the Phys
// paper 0/2 = 0; the 2001 papers 1.
func TestCNCI(t *testing.T) {
	c := NewCareers()
	add := func(year, cites int, fields ...string) {
		p := coauthnet.Paper{ID: "x", Year: year, Citations: &cites, Fields: fields}
		c.Add(&p)
	}
	add(2000, 6, "Bio")
	add(2000, 2, "Bio")
	add(2000, 4, "Bio", "Phys")
	add(2000, 0, "Phys")
	add(2001, 0)
	add(2001, 0)
	for i, want := range []float64{1.5, 0.5, 1.5, 0, 1, 1} {
		years := []int32{2000, 2000, 2000, 2000, 2001, 2001}
		cites := []int32{6, 2, 4, 0, 0, 0}
		if got := c.cnci(int32(i), years[i], cites[i]); got != want {
			t.Errorf("paper %d: CNCI %v, want %v", i, got, want)
		}
	}
}
