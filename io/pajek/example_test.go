package pajek_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/pajek"
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

// This example writes the embedded sample's 2019 country graph in
// Pajek's .net format and prints its section headers.
func Example() {
	var b strings.Builder
	if err := pajek.Write(&b, sample2019(), pajek.Options{Counting: graph.BiFrac}); err != nil {
		log.Fatal(err)
	}
	for _, l := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(l, "*") {
			fmt.Println(l)
		}
	}
	// Output:
	// *Vertices 38
	// *Edges
}
