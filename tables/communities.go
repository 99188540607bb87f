package tables

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/coauthnet/coauthnet/community"
	"github.com/coauthnet/coauthnet/graph"
)

// A CommunityPeriod summarises the partition of one period.
type CommunityPeriod struct {
	Period      graph.Period
	Communities int
	Modularity  float64
	// NMI and ARI compare the partition with the previous period's (NaN
	// for the first period).
	NMI, ARI float64
}

// Communities is the table of communities (community.Detect: Leiden
// unless o.Algorithm says louvain) of s over periods
// (period, node, label, community), with community ids carried from one
// period to the next (community.Carry) and numbered from 1, and the
// summary of each period. Meta records the weight, algorithm, resolution and seed;
// Raw the summaries as JSON ("periods").
func Communities(s *graph.Series, periods []graph.Period, o community.Options) (*Sheet, []CommunityPeriod) {
	alg, _ := community.ParseAlgorithm(string(o.Algorithm))
	t := &Sheet{
		Columns: []string{"period", "node", "label", "community"},
		Meta: [][2]string{{"weight", o.Counting.String()}, {"algorithm", string(alg)}, {"resolution", strconv.FormatFloat(o.Resolution, 'g', -1, 64)},
			{"seed", strconv.FormatUint(o.Seed, 10)}},
	}
	var sum []CommunityPeriod
	var js []string
	var prevG *graph.Graph
	var prev *community.Partition
	var prevIDs []int // carried ids of the previous period
	for _, p := range periods {
		g := s.Range(p)
		part := community.Detect(g, o)
		ids := part.Labels()
		if prev != nil {
			ids = community.Carry(prevG, prevIDs, g, part)
		}
		for v := 0; v < g.Len(); v++ {
			t.Rows = append(t.Rows, []any{p.String(), g.Label(v), g.Name(v), ids[v] + 1})
		}
		nmi, ari := math.NaN(), math.NaN()
		if prev != nil {
			nmi, ari, _ = community.Stability(prevG, prev, g, part)
		}
		sum = append(sum, CommunityPeriod{p, part.Len(), part.Modularity(), nmi, ari})
		js = append(js, fmt.Sprintf(`{"period":%q,"communities":%d,"modularity":%s,"nmi_prev":%s,"ari_prev":%s}`,
			p.String(), part.Len(), JSONValue(part.Modularity()), JSONValue(nmi), JSONValue(ari)))
		prevG, prev, prevIDs = g, part, ids
	}
	t.Raw = append(t.Raw, [2]string{"periods", "[" + strings.Join(js, ",") + "]"})
	return t, sum
}
