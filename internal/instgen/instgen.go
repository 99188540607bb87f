// Package instgen generates institution-scale corpora for the benchmarks
// and tests of the community and metrics packages: many institutions
// with Zipf-distributed sizes, 1–40 authors per paper, and a planted
// regional structure (a paper's authors mostly come from its lead
// institution's region), so that community detection has something to
// find.
//
// internal/sample has the other institution-scale generator
// (sample.NewInstitutions: Zipf sizes, no planted structure, streamed,
// used for the reading and counting benchmarks). This one stays
// separate because community detection needs structure to find, and
// the community and metrics benchmarks, and their side-by-side igraph
// figures in BENCHMARKS.md, are defined on its corpora. The default
// corpus (seed 1, 300,000 papers, 55,000 institutions, 60
// regions, 2010–2024) has, at institution level, 16,686 nodes and 100,329
// edges in 2017 and 51,902 nodes and 1,092,520 edges over the span (issue
// 16 quotes ≈ 16k/85k and ≈ 50k/1.3M for its corpus);
// community.TestExportInstitutionGraphs prints them.
//
// Draws: institution i (0-based rank) has weight 1/(i+1); it belongs to
// region i mod Regions. A paper's year is uniform over the span; its
// author count is 1 plus a geometric number of mean 4 (each further
// author with probability 0.8), capped at 40. The lead author's
// institution is drawn by weight from all institutions; every other
// author is at an institution already on the paper with probability
// 0.35, else one drawn by weight from the lead's region with probability
// 0.45, else (0.2) one drawn from all institutions. These constants were
// chosen so that the default corpus has the graph sizes of issue 16, not
// fitted to any data. The source is PCG (math/rand/v2) with every
// derived value computed here, so a seed gives
// the same corpus on every Go version.
package instgen

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"github.com/coauthnet/coauthnet"
)

// Config sets the size of a corpus. Zero fields take the defaults.
type Config struct {
	Seed         uint64 // default 1
	Papers       int    // default 300000
	Institutions int    // default 55000
	Regions      int    // default 60
	From, To     int    // default 2010–2024
}

var codes = []string{"US", "CN", "DE", "GB", "JP", "FR", "IN", "KR", "IT", "CA",
	"AU", "ES", "BR", "RU", "NL", "IR", "CH", "SE", "TR", "PL", "TW", "PK", "SA",
	"EG", "BE", "SG", "DK", "HK", "IL", "MX", "ZA", "MY", "NO", "AT", "FI", "PT",
	"TH", "NG", "AR", "CL", "CO", "CZ", "GR", "HU", "ID", "IE", "KE", "MA", "NZ",
	"PH", "RO", "RS", "SK", "TN", "UA", "VN", "BD", "DZ", "ET", "GH"}

// Papers returns the corpus of c.
func Papers(c Config) []coauthnet.Paper {
	if c.Seed == 0 {
		c.Seed = 1
	}
	if c.Papers == 0 {
		c.Papers = 300000
	}
	if c.Institutions == 0 {
		c.Institutions = 55000
	}
	if c.Regions == 0 {
		c.Regions = 60
	}
	c.Regions = min(c.Regions, len(codes))
	if c.From == 0 {
		c.From, c.To = 2010, 2024
	}
	rng := rand.New(rand.NewPCG(c.Seed, c.Seed^0x9e3779b97f4a7c15))
	float := func() float64 { return float64(rng.Uint64()>>11) / (1 << 53) }
	n := c.Institutions
	all := make([]float64, n) // cumulative weights
	region := make([][]int, c.Regions)
	regionCum := make([][]float64, c.Regions)
	var sum float64
	for i := 0; i < n; i++ {
		w := math.Pow(float64(i+1), -1.0)
		sum += w
		all[i] = sum
		r := i % c.Regions
		region[r] = append(region[r], i)
		prev := 0.0
		if k := len(regionCum[r]); k > 0 {
			prev = regionCum[r][k-1]
		}
		regionCum[r] = append(regionCum[r], prev+w)
	}
	pick := func(cum []float64) int {
		x := float() * cum[len(cum)-1]
		return min(sort.SearchFloat64s(cum, x), len(cum)-1)
	}
	papers := make([]coauthnet.Paper, c.Papers)
	years := c.To - c.From + 1
	for p := range papers {
		k := 1
		for k < 40 && float() < 1-1/5.0 {
			k++
		}
		lead := pick(all)
		r := lead % c.Regions
		insts := []int{lead}
		authors := make([]coauthnet.Author, k)
		for a := range authors {
			inst := lead
			if a > 0 {
				switch x := float(); {
				case x < 0.35:
					inst = insts[int(float()*float64(len(insts)))]
				case x < 0.8:
					inst = region[r][pick(regionCum[r])]
				default:
					inst = pick(all)
				}
				insts = append(insts, inst)
			}
			authors[a] = coauthnet.Author{Affiliations: []coauthnet.Affiliation{{
				InstitutionID: fmt.Sprintf("I%d", inst),
				Institution:   fmt.Sprintf("Institution %d", inst),
				Country:       codes[inst%c.Regions],
			}}}
		}
		papers[p] = coauthnet.Paper{ID: fmt.Sprintf("P%d", p), Year: c.From + int(float()*float64(years)), Authors: authors}
	}
	return papers
}
