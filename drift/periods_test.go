package drift

import (
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
)

// EdgeTrend names its peak by period (year), not only by index: an edge
// with 1, 3 and 2 papers in 2018, 2019 and 2020 peaks in 2019 (index 1).
func TestEdgeTrendPeriods(t *testing.T) {
	au := func(c string) coauthnet.Author {
		return coauthnet.Author{Affiliations: []coauthnet.Affiliation{{Country: c}}}
	}
	var ps []coauthnet.Paper
	for y, n := range map[int]int{2018: 1, 2019: 3, 2020: 2} {
		for i := 0; i < n; i++ {
			ps = append(ps, coauthnet.Paper{ID: string(rune('a'+y-2018)) + string(rune('0'+i)), Year: y, Authors: []coauthnet.Author{au("CN"), au("US")}})
		}
	}
	s := graph.Yearly(ps, graph.Options{})
	gs := []*graph.Graph{s.At(2018), s.At(2019), s.At(2020)}
	tr := Edges(gs, graph.Full)
	if len(tr) != 1 || tr[0].Peak != 1 || tr[0].PeakPeriod != graph.Year(2019) {
		t.Fatalf("trends %+v", tr)
	}
	// Three periods are too short for a change point (F is NaN).
	if tr[0].ChangePoint != -1 || tr[0].ChangePeriod != (graph.Period{}) {
		t.Errorf("change point %d %v", tr[0].ChangePoint, tr[0].ChangePeriod)
	}
}
