package report_test

import (
	"context"
	"fmt"
	"log"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/load"
	"github.com/coauthnet/coauthnet/report"
)

// This example computes the report of the embedded sample for China and
// the United States and prints some of its data instead of drawing it:
// the partners of the timelines (the six strongest over 2022–2024,
// the last three years; the sample has no partial year), the year the poles' collaboration
// intensity peaks (planted in 2019, see internal/sample), and the
// last point of the CN–US intensity line (the intensity column of
// edges.csv for 2024,CN,US in that report: 0.1235). report.Write would write the
// GraphML, CSV, plots and index.html that coauthnet report --sample
// writes.
func Example() {
	c := graph.NewCounter(graph.Options{Level: graph.Countries})
	if _, err := load.Papers(context.Background(), nil, load.Options{Sample: true, Need: load.Countries},
		func(p *coauthnet.Paper) error { c.Add(p); return nil }); err != nil {
		log.Fatal(err)
	}
	d, err := report.Compute(c.Series(), report.Options{Focal: "CN", Rival: "US", Countings: []graph.Counting{graph.BiFrac}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("partners:", d.Partners)
	fmt.Println("split:", d.Blocs.Split)
	line := d.Plots[0].Lines["US"]
	fmt.Printf("%s: US in %.0f: %.3f\n", d.Plots[0].File, line[len(line)-1].X, line[len(line)-1].Y)
	// Output:
	// partners: [US EG RU IR PK SA]
	// split: 2019
	// partners-intensity: US in 2024: 0.124
}
