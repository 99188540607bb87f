package drift_test

import (
	"context"
	"fmt"
	"log"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/drift"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/load"
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

// This example follows the CN–US edge of the embedded sample year by
// year: its bifrac weight peaks in 2019 (planted), and the one-break
// model finds where its growth turns.
func Example() {
	s, _ := sample2019()
	var gs []*graph.Graph
	for _, y := range s.Years() {
		gs = append(gs, s.At(y))
	}
	for _, t := range drift.Edges(gs, graph.BiFrac) {
		if t.Source == "CN" && t.Target == "US" {
			fmt.Println("peak:", t.PeakPeriod, "change point:", t.ChangePeriod, "significant:", t.ChangePoint >= 0)
		}
	}
	// Output:
	// peak: 2019 change point: 2019 significant: true
}
