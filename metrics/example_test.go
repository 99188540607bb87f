package metrics_test

import (
	"context"
	"fmt"
	"log"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/load"
	"github.com/coauthnet/coauthnet/metrics"
)

// sample2019 counts the embedded sample's countries and returns the
// series and the 2019 graph.
func sample2019() (*graph.Series, *graph.Graph) {
	c := graph.NewCounter(graph.Options{Level: graph.Countries})
	if _, err := load.Papers(context.Background(), nil, load.Options{Sample: true, Need: load.Countries},
		func(p *coauthnet.Paper) error { c.Add(p); return nil }); err != nil {
		log.Fatal(err)
	}
	s := c.Series()
	return s, s.At(2019)
}

// This example lists China's three strongest partners in 2019 on the
// embedded sample, with the measures oriented from China, and the
// country with the highest PageRank (the same numbers as coauthnet edges
// --sample --years 2019 --focal CN: bifrac and intensity columns).
func Example() {
	_, g := sample2019()
	ps, err := metrics.Partners(g, "CN", graph.BiFrac)
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range ps[:3] {
		fmt.Printf("%s bifrac %.1f, share of CN's collaboration %.3f, intensity %.3f\n", p.Label, p.W[graph.BiFrac], p.ShareOfSource, p.Intensity)
	}
	pr := metrics.PageRank(g, metrics.PageRankOptions{Counting: graph.BiFrac})
	top := 0
	for v := range pr {
		if pr[v] > pr[top] {
			top = v
		}
	}
	fmt.Println("highest PageRank:", g.Label(top))
	// Output:
	// US bifrac 137.9, share of CN's collaboration 0.416, intensity 0.439
	// EG bifrac 11.2, share of CN's collaboration 0.034, intensity 0.130
	// PK bifrac 10.4, share of CN's collaboration 0.032, intensity 0.165
	// highest PageRank: CN
}
