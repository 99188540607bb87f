package community

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
)

// TestBifurcationPolesOnly: when no node but the poles is on a side (no
// partner or competitor, as at institution level on a small corpus), the
// partition indices (modularity, cross share, E–I) are not defined: NaN
// with NaN intervals, a trend "not defined" and a note saying why, where
// they were Q = −1/2, cross share 1 and E–I 1 by construction. Fiedler
// stays defined. With a partner they are defined, checked by hand.
func TestBifurcationPolesOnly(t *testing.T) {
	pair := func(y int, a, b string) coauthnet.Paper {
		return coauthnet.Paper{ID: a + b + string(rune('0'+y%10)), Year: y, Authors: []coauthnet.Author{
			{Affiliations: []coauthnet.Affiliation{{Country: a}}}, {Affiliations: []coauthnet.Affiliation{{Country: b}}}}}
	}
	var ps []coauthnet.Paper
	for y := 2019; y <= 2022; y++ {
		ps = append(ps, pair(y, "CN", "US"), pair(y, "US", "FR"))
		if y != 2021 { // DE absent in 2021
			ps = append(ps, pair(y, "CN", "DE"), pair(y, "US", "DE"))
		}
	}
	s := graph.Yearly(ps, graph.Options{})
	undefined := func(x Indices) bool {
		return math.IsNaN(x.Modularity) && math.IsNaN(x.CrossShare) && math.IsNaN(x.EI)
	}
	// Nothing classified: not defined in any year.
	res := BifurcationCI(s, "CN", "US", map[string]string{"FR": Hedger}, BifurcationOptions{Bootstrap: 20})
	if len(res.Years) != 4 {
		t.Fatalf("%d years, notes %q", len(res.Years), res.Notes)
	}
	for _, x := range res.Years {
		if !undefined(x) || math.IsNaN(x.Fiedler) {
			t.Errorf("%d: %+v; want modularity, cross share and E-I NaN, Fiedler defined", x.Year, x)
		}
		for k := range 3 {
			if !math.IsNaN(x.CI[k][0]) || !math.IsNaN(x.CI[k][1]) {
				t.Errorf("%d: interval of %s %v, want NaN", x.Year, IndexNames[k], x.CI[k])
			}
		}
	}
	for _, tr := range res.Trends {
		if want := tr.Index == "modularity" || tr.Index == "cross_share" || tr.Index == "ei"; (tr.Verdict == NotDefined) != want {
			t.Errorf("trend %s: verdict %q", tr.Index, tr.Verdict)
		}
	}
	if len(res.Notes) != 1 || !strings.HasPrefix(res.Notes[0], "modularity, cross_share and ei are not defined in every year: no partner or competitor") {
		t.Errorf("notes %q", res.Notes)
	}
	// DE a partner: defined where DE is present. 2020: edges among
	// {CN, DE} / {US}, each of bifrac 1 (two authors): CN–US and US–DE
	// across, CN–DE inside A: W = 3, cross share 2/3, E-I (2−1)/3 = 1/3;
	// strengths K_A = 2 (CN) + 2 (DE) = 4, K_B = 2 (US), so
	// Q = 1/3 − (4/6)² + 0 − (2/6)² = −2/9.
	ix, notes := Bifurcation(s, "CN", "US", map[string]string{"DE": Partner})
	for _, x := range ix {
		switch {
		case x.Year == 2021:
			if !undefined(x) {
				t.Errorf("2021 (DE absent): %+v; want not defined", x)
			}
		case math.Abs(x.Modularity+2.0/9) > 1e-12 || math.Abs(x.CrossShare-2.0/3) > 1e-12 || math.Abs(x.EI-1.0/3) > 1e-12:
			t.Errorf("%d: %+v; want Q −2/9, cross share 2/3, E-I 1/3", x.Year, x)
		}
	}
	if len(notes) != 1 || !strings.HasPrefix(notes[0], "modularity, cross_share and ei are not defined in 2021:") {
		t.Errorf("notes %q", notes)
	}
}

// TestBlocsWarningWords: the warning on nodes with too few papers names
// institutions at institution level (it said countries at both levels).
func TestBlocsWarningWords(t *testing.T) {
	inst := func(id string) coauthnet.Author {
		return coauthnet.Author{Affiliations: []coauthnet.Affiliation{{InstitutionID: id, Country: "CN"}}}
	}
	var ps []coauthnet.Paper
	for y := 2019; y <= 2020; y++ {
		for i := range 12 {
			ps = append(ps, coauthnet.Paper{ID: fmt.Sprint(y, i), Year: y, Authors: []coauthnet.Author{inst("P"), inst("Q"), inst("X")}})
		}
	}
	ps = append(ps, coauthnet.Paper{ID: "few", Year: 2019, Authors: []coauthnet.Author{inst("P"), inst("Y")}})
	// Y has one paper with P and none with Q: insufficient data; X has
	// 12 with each pole in each half.
	b, err := InferBlocs(graph.Yearly(ps, graph.Options{Level: graph.Institutions}), BlocOptions{Focal: "P", Rival: "Q"})
	if err != nil {
		t.Fatal(err)
	}
	want := "1 of 2 institutions have fewer than 10 papers with a pole on one side of 2019: insufficient data"
	if !slices.Contains(b.Warnings, want) {
		t.Errorf("warnings %q, want %q", b.Warnings, want)
	}
}
