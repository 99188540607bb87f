package tables_test

import (
	"context"
	"log"
	"os"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/load"
	"github.com/coauthnet/coauthnet/tables"
)

// This example tabulates China's partners in 2019 on the embedded
// sample, oriented China → partner and ranked by weight, as
// coauthnet edges --sample --years 2019 --focal CN does (the first two
// rows, a few columns).
func Example() {
	c := graph.NewCounter(graph.Options{Level: graph.Countries})
	_, err := load.Papers(context.Background(), nil, load.Options{Sample: true, Need: load.Countries},
		func(p *coauthnet.Paper) error { c.Add(p); return nil })
	if err != nil {
		log.Fatal(err)
	}
	s := c.Series()
	o := tables.Options{Counting: graph.BiFrac}
	t, err := tables.EdgeSeries(s, o, tables.SeriesOptions{Periods: []graph.Period{graph.Year(2019)}, Focal: "CN"})
	if err != nil {
		log.Fatal(err)
	}
	small := &tables.Sheet{Columns: t.Columns[:5]}
	for _, r := range t.Rows[:2] {
		small.Rows = append(small.Rows, r[:5])
	}
	small.Write(os.Stdout, "csv")
	// Output:
	// period,source,target,full,bifrac
	// 2019,CN,US,231,137.85039844275556
	// 2019,CN,EG,23,11.227678442336165
}
