package vosviewer_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/vosviewer"
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

// This example writes the embedded sample's 2019 country graph as a
// VOSviewer map and network file and counts their lines: a header and
// 38 items, 691 links.
func Example() {
	g := sample2019()
	var m, n strings.Builder
	if err := vosviewer.WriteMap(&m, g, vosviewer.Options{Counting: graph.BiFrac}); err != nil {
		log.Fatal(err)
	}
	if err := vosviewer.WriteNetwork(&n, g, graph.BiFrac); err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.Count(m.String(), "\n"), "map lines,", strings.Count(n.String(), "\n"), "links")
	// Output:
	// 39 map lines, 691 links
}
