package community_test

import (
	"context"
	"fmt"
	"log"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/community"
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

// This example infers the blocs around China and the United States on
// the embedded sample: the poles' collaboration changes course in 2019
// (planted; the split year is its change point), and Pakistan, planted as
// a partner of China, is classified as one.
func Example() {
	s, g := sample2019()
	b, err := community.InferBlocs(s, community.BlocOptions{Focal: "CN", Rival: "US"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("split:", b.Split)
	for _, a := range b.Assignments {
		if a.Node == "PK" || a.Node == "JP" {
			fmt.Println(a.Node, a.Bloc)
		}
	}
	fmt.Printf("I(CN,US) in 2019: %.3f\n", community.Intensity(g, "CN", "US"))
	// Output:
	// split: 2019
	// JP competitor
	// PK partner
	// I(CN,US) in 2019: 0.439
}
