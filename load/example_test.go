package load_test

import (
	"context"
	"fmt"
	"log"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/load"
)

// This example loads the embedded sample (file names, directories, globs
// or "-" work the same way) into a country counter, and prints what the
// summary says and the graph of 2019 (as coauthnet build --sample
// --years 2019 reports it).
func Example() {
	c := graph.NewCounter(graph.Options{Level: graph.Countries})
	opts := load.Options{Sample: true, Need: load.Countries, Policy: coauthnet.PolicyISO}
	s, err := load.Papers(context.Background(), nil, opts, func(p *coauthnet.Paper) error {
		c.Add(p)
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("read %d, passed %d, skipped %d, duplicates %d, warnings %d\n",
		s.Read, s.Passed, s.Skipped, s.Duplicated(), len(s.Warnings()))
	fmt.Println(c.Series().At(2019))
	// Output:
	// read 20000, passed 20000, skipped 0, duplicates 0, warnings 0
	// country graph 2019: 38 nodes, 691 edges
}
