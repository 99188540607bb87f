package metrics

import (
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
)

// Partners orients every measure from the focal node, whichever end of
// the edge it is. Hand computation, whole counting: papers CN–US (one
// author each) and twice US–DE, so w(CN,US) = 1, w(DE,US) = 2; US's
// collaboration sums to 3, CN's to 1, DE's to 2.
func TestPartnersOriented(t *testing.T) {
	au := func(c string) coauthnet.Author {
		return coauthnet.Author{Affiliations: []coauthnet.Affiliation{{Country: c}}}
	}
	ps := []coauthnet.Paper{
		{ID: "1", Year: 2019, Authors: []coauthnet.Author{au("CN"), au("US")}},
		{ID: "2", Year: 2019, Authors: []coauthnet.Author{au("US"), au("DE")}},
		{ID: "3", Year: 2019, Authors: []coauthnet.Author{au("DE"), au("US")}},
	}
	g := graph.Yearly(ps, graph.Options{}).At(2019)
	us, err := Partners(g, "US", graph.Full)
	if err != nil {
		t.Fatal(err)
	}
	// US is the higher label on both edges (CN–US, DE–US): every measure
	// is swapped from Pairs.
	want := []struct {
		label        string
		w            float64
		share, other float64 // partner's share of US's collaboration; US's share of the partner's
		rank         int
		lead         float64 // papers led by US (first author)
	}{
		{"DE", 2, 2.0 / 3, 1, 1, 1}, // paper 2 led by US, paper 3 by DE
		{"CN", 1, 1.0 / 3, 1, 2, 0}, // paper 1 led by CN
	}
	if len(us) != len(want) {
		t.Fatalf("%d partners, want %d", len(us), len(want))
	}
	for i, w := range want {
		p := us[i]
		if p.Label != w.label || p.W[graph.Full] != w.w || !partnerNear(p.ShareOfSource, w.share) || !partnerNear(p.ShareOfTarget, w.other) || p.RankForSource != w.rank || p.Lead[0] != w.lead {
			t.Errorf("partner %d: %+v, want %+v", i, p, w)
		}
	}
	// CN is the lower label: nothing swapped; US is its only partner.
	cn, _ := Partners(g, "CN", graph.Full)
	if len(cn) != 1 || cn[0].Label != "US" || !partnerNear(cn[0].ShareOfSource, 1) || !partnerNear(cn[0].ShareOfTarget, 1.0/3) || cn[0].RankForSource != 1 || cn[0].RankForTarget != 2 {
		t.Errorf("CN: %+v", cn)
	}
	if _, err := Partners(g, "XX", graph.Full); err == nil {
		t.Error("unknown focal: no error")
	}
}

func partnerNear(a, b float64) bool { return a-b < 1e-12 && b-a < 1e-12 }
