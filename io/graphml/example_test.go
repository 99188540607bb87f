package graphml_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/graphml"
	"github.com/coauthnet/coauthnet/load"
)

// sample2019 counts the embedded sample's countries in 2019.
func sample2019() *graph.Graph {
	c := graph.NewCounter(graph.Options{Level: graph.Countries})
	if _, err := load.Papers(context.Background(), nil, load.Options{Sample: true, Need: load.Countries},
		func(p *coauthnet.Paper) error { c.Add(p); return nil }); err != nil {
		log.Fatal(err)
	}
	return c.Series().At(2019)
}

// This example writes the embedded sample's 2019 country graph as
// GraphML with two weights (bifrac, the first, is also "weight") and
// counts its nodes and edges (38 and 691, as coauthnet build --sample
// --years 2019 reports).
func Example() {
	var b strings.Builder
	err := graphml.Write(&b, sample2019(), graphml.Options{Counting: []graph.Counting{graph.BiFrac, graph.Full}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.Count(b.String(), "<node "), "nodes,", strings.Count(b.String(), "<edge "), "edges")
	// Output:
	// 38 nodes, 691 edges
}
