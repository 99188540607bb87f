package summary_test

import (
	"context"
	"log"
	"os"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/load"
	"github.com/coauthnet/coauthnet/summary"
)

// This example loads the embedded sample, counts 2019, and prints the
// summary that coauthnet build --sample --years 2019 prints on standard
// error (the same lines, before the one naming the output file).
func Example() {
	o := graph.Options{Level: graph.Countries, Years: graph.Year(2019)}
	c := graph.NewCounter(o)
	sum, err := load.Papers(context.Background(), nil, load.Options{Sample: true, Need: load.Countries},
		func(p *coauthnet.Paper) error { c.Add(p); return nil })
	if err != nil {
		log.Fatal(err)
	}
	s := c.Series()
	summary.Write(os.Stdout, sum, s.Stats(), s, summary.Options{Counting: o})
	// Output:
	// coauthnet: read 20000 records from sample: 1186 papers used, 0 skipped
	// coauthnet: 18811 papers outside --years 2019 (not counted); the papers read span 2005-2024
	// coauthnet: 3 papers without any author with a known country (not counted)
	// coauthnet: 296 of 9440 authors without a known country (left out of the author counts n_p; --unknown node keeps them as ZZ)
	// coauthnet: 7 papers hyper-authored (more than 100 authors), counted (--max-authors N leaves them out)
	// coauthnet: 36 papers without a first author with a known country (leading nowhere)
	// coauthnet: 38 country nodes over 2019 (1 year with papers)
}
