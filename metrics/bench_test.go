package metrics

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
)

// randomGraph counts papers of 2–6 authors, each at one of nodes
// institutions (or countries) drawn uniformly with a fixed seed, and
// returns the graph.
func randomGraph(nodes, papers int, level graph.Level, seed uint64) *graph.Graph {
	rng := rand.New(rand.NewPCG(seed, seed))
	codes := coauthnet.Countries()
	c := graph.NewCounter(graph.Options{Level: level})
	for i := 0; i < papers; i++ {
		p := coauthnet.Paper{ID: fmt.Sprint(i), Year: 2020}
		for a := 0; a < 2+rng.IntN(5); a++ {
			k := rng.IntN(nodes)
			af := coauthnet.Affiliation{InstitutionID: fmt.Sprintf("I%d", k)}
			if level == graph.Countries {
				af = coauthnet.Affiliation{Country: codes[k%len(codes)].Code}
			}
			p.Authors = append(p.Authors, coauthnet.Author{Affiliations: []coauthnet.Affiliation{af}})
		}
		c.Add(&p)
	}
	return c.Series().At(2020)
}

// BenchmarkLarge: PageRank and strength on an institution graph of 50,000
// nodes and more than a million edges.
func BenchmarkLarge(b *testing.B) {
	g := randomGraph(50_000, 300_000, graph.Institutions, 1)
	b.Logf("%v", g)
	b.Run(fmt.Sprintf("pagerank/nodes=%d/edges=%d", g.Len(), g.NumEdges()), func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			PageRank(g, PageRankOptions{Counting: graph.BiFrac})
		}
	})
	b.Run(fmt.Sprintf("strength/nodes=%d/edges=%d", g.Len(), g.NumEdges()), func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Strength(g, graph.BiFrac)
		}
	})
}

// BenchmarkCountry: exact weighted betweenness, closeness and the other
// measures on a country graph of about 250 nodes.
func BenchmarkCountry(b *testing.B) {
	g := randomGraph(249, 20_000, graph.Countries, 2)
	name := fmt.Sprintf("nodes=%d/edges=%d", g.Len(), g.NumEdges())
	b.Run("betweenness/"+name, func(b *testing.B) {
		for b.Loop() {
			Betweenness(g, graph.BiFrac)
		}
	})
	b.Run("closeness+harmonic/"+name, func(b *testing.B) {
		for b.Loop() {
			Closeness(g, graph.BiFrac)
		}
	})
	b.Run("eigenvector/"+name, func(b *testing.B) {
		for b.Loop() {
			Eigenvector(g, graph.BiFrac)
		}
	})
	b.Run("pairs/"+name, func(b *testing.B) {
		for b.Loop() {
			Pairs(g, graph.BiFrac)
		}
	})
}
