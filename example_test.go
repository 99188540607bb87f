package coauthnet_test

import (
	"context"
	"fmt"
	"io"
	"log"
	"math"
	"os"
	"strings"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/export"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/graphml"
	"github.com/coauthnet/coauthnet/io/jsonl"
	"github.com/coauthnet/coauthnet/load"
	"github.com/coauthnet/coauthnet/tables"
)

// This example reads canonical JSON Lines (the worked example of
// docs/DESIGN.md §11), counts countries per year, prints the 2019 edges with
// their bidirectional fractional weight and the CN–US collaboration
// intensity, and writes that year's graph as GraphML.
func Example() {
	const records = `{"id":"P1","year":2019,"authors":[{"affiliations":[{"country":"CN"}]},{"affiliations":[{"country":"CN"}]},{"affiliations":[{"country":"US"}]}]}
{"id":"P2","year":2019,"authors":[{"affiliations":[{"country":"CN"}]},{"affiliations":[{"country":"US"}]},{"affiliations":[{"country":"DE"}]},{"affiliations":[{"country":"DE"}]}]}
{"id":"P3","year":2020,"authors":[{"affiliations":[{"country":"CN"},{"country":"SG"}]},{"affiliations":[{"country":"US"}]}]}
{"id":"P4","year":2020,"authors":[{"affiliations":[{"country":"US"}]}]}
`
	papers, err := jsonl.NewReader(strings.NewReader(records)).ReadAll()
	if err != nil {
		log.Fatal(err)
	}
	years := graph.Yearly(papers, graph.Options{Level: graph.Countries})
	g := years.At(2019)
	for e := range g.Edges() {
		fmt.Printf("%s-%s bifrac %.4f\n", g.Label(e.From), g.Label(e.To), e.W[graph.BiFrac])
	}
	cn, _ := g.Index("CN")
	us, _ := g.Index("US")
	w, _ := g.Between(cn, us)
	fmt.Printf("I(CN,US) = %.4f\n", w[graph.BiFrac]/math.Sqrt(g.Node(cn).Output*g.Node(us).Output))

	out, err := os.CreateTemp("", "countries-2019-*.graphml")
	if err != nil {
		log.Fatal(err)
	}
	defer os.Remove(out.Name())
	err = graphml.Write(out, g, graphml.Options{})
	if cerr := out.Close(); err == nil {
		err = cerr // a written file's Close error is part of the result
	}
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// CN-DE bifrac 0.3333
	// CN-US bifrac 0.8333
	// DE-US bifrac 0.3333
	// I(CN,US) = 1.1396
}

// This example is the three steps of the module on the embedded sample:
// load (here the sample; file names, directories and globs work the same),
// count countries year by year, then analyse (China's strongest partner in
// 2019) and export (the 2019 graph as GraphML, picked by format name).
func Example_pipeline() {
	// 1. Load.
	c := graph.NewCounter(graph.Options{Level: graph.Countries})
	sum, err := load.Papers(context.Background(), nil, load.Options{Sample: true, Need: load.Countries},
		func(p *coauthnet.Paper) error { c.Add(p); return nil })
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("read %d records, %d skipped, %d duplicates\n", sum.Read, sum.Skipped, sum.Duplicated())

	// 2. Count.
	s := c.Series()
	g := s.At(2019)

	// 3. Analyse and export.
	t, err := tables.EdgeSeries(s, tables.Options{Counting: graph.BiFrac},
		tables.SeriesOptions{Periods: []graph.Period{graph.Year(2019)}, Focal: "CN"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("CN's strongest partner in 2019: %s (bifrac %.1f)\n", t.Rows[0][2], t.Rows[0][4])
	var out strings.Builder
	files, err := export.WriteGraph("graphml", g, "-", export.Options{Countings: []graph.Counting{graph.BiFrac}},
		func(_ string, write func(io.Writer) error) error { return write(&out) })
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(files, strings.Count(out.String(), "<node "), "nodes", strings.Count(out.String(), "<edge "), "edges")
	// Output:
	// read 20000 records, 0 skipped, 0 duplicates
	// CN's strongest partner in 2019: US (bifrac 137.9)
	// [-] 38 nodes 691 edges
}
