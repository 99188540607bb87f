package community

import (
	"math"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
)

// TestInsufficientNotHedgers: a node with insufficient data is not a
// hedger, so the hedgers' lean indices leave it out. FR collaborates
// with both poles every year but has one paper with each a year, below
// BlocOptions' MinPapers (so InferBlocs gives it Insufficient); DE has
// three with each and is a hedger. Before the fix FR's lean entered the
// hedgers' spread. Hand values: each hedger's lean is
// ln(F(X,P)/F(X,Q)) − ln(N_P/N_Q) with N a pole's papers in the year:
// N_CN = 3 (with DE) + 3 (with US) + 2 (with FR) = 8, N_US = 3 + 3 + 1 =
// 7. DE: ln(3/3) − ln(8/7) = −0.13353; FR: ln(2/1) − ln(8/7) = 0.55962.
// DE alone: mean −0.13353, SD 0; with FR the mean would be 0.21305.
func TestInsufficientNotHedgers(t *testing.T) {
	n := 0
	paper := func(y int, cs ...string) coauthnet.Paper {
		n++
		p := coauthnet.Paper{ID: string(rune('a'+n%26)) + string(rune('a'+n/26%26)) + string(rune('a'+n/676)), Year: y}
		for _, c := range cs {
			p.Authors = append(p.Authors, coauthnet.Author{Affiliations: []coauthnet.Affiliation{{Country: c}}})
		}
		return p
	}
	var ps []coauthnet.Paper
	for y := 2010; y <= 2015; y++ {
		for range 3 {
			ps = append(ps, paper(y, "CN", "DE"), paper(y, "US", "DE"), paper(y, "CN", "US"))
		}
		ps = append(ps, paper(y, "CN", "FR"), paper(y, "CN", "FR"), paper(y, "US", "FR"))
	}
	s := graph.Yearly(ps, graph.Options{})
	b, bi, err := InferBifurcation(s, BlocOptions{Focal: "CN", Rival: "US", Split: 2012, MinPapers: 5}, BifurcationOptions{Bootstrap: 20}, nil)
	if err != nil {
		t.Fatal(err)
	}
	blocs := map[string]string{}
	for _, a := range b.Assignments {
		blocs[a.Node] = a.Bloc
	}
	if blocs["FR"] != Insufficient || blocs["DE"] != Hedger {
		t.Fatalf("blocs %v; want FR insufficient data, DE a hedger", blocs)
	}
	for _, x := range bi.Years {
		if want := -math.Log(8.0 / 7); math.Abs(x.HedgerLeanMean-want) > 1e-12 || math.Abs(x.HedgerLeanSD) > 1e-12 {
			t.Errorf("%d: hedger lean mean %g, sd %g; want %g and 0 (DE alone, FR has insufficient data)", x.Year, x.HedgerLeanMean, x.HedgerLeanSD, want)
		}
	}
}

// TestTrendTooFewYears: with one year after the split, Welch's interval
// cannot be formed and the verdict is "too few years" (it was "flat
// within noise", a claim about noise that one year cannot support). The
// partition indices and Fiedler have a value every year; there is no
// hedger, so the hedgers' leans are not defined.
func TestTrendTooFewYears(t *testing.T) {
	var ps []coauthnet.Paper
	for y := 2018; y <= 2020; y++ {
		for i := range 3 {
			for _, pair := range [][2]string{{"CN", "US"}, {"CN", "PK"}, {"US", "GB"}, {"PK", "GB"}} {
				ps = append(ps, coauthnet.Paper{ID: pair[0] + pair[1] + string(rune('0'+y%10)) + string(rune('0'+i)), Year: y, Authors: []coauthnet.Author{
					{Affiliations: []coauthnet.Affiliation{{Country: pair[0]}}}, {Affiliations: []coauthnet.Affiliation{{Country: pair[1]}}}}})
			}
		}
	}
	s := graph.Yearly(ps, graph.Options{})
	res := BifurcationCI(s, "CN", "US", map[string]string{"PK": Partner, "GB": Competitor}, BifurcationOptions{Bootstrap: 20, Split: 2019})
	for _, tr := range res.Trends[:4] {
		if tr.YearsA != 1 || tr.Verdict != TooFewYears {
			t.Errorf("trend %s: %d years after the split, verdict %q; want 1 and %q", tr.Index, tr.YearsA, tr.Verdict, TooFewYears)
		}
	}
	if tr := res.Trends[5]; tr.Verdict != NotDefined {
		t.Errorf("trend %s: verdict %q; want %q (no hedger)", tr.Index, tr.Verdict, NotDefined)
	}
}
