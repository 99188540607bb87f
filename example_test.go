package coauthnet_test

import (
	"fmt"
	"log"
	"math"
	"os"
	"strings"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/graphml"
	"github.com/coauthnet/coauthnet/io/jsonl"
)

// This example reads canonical JSON Lines (the worked example of
// DESIGN.md §11), counts countries per year, prints the 2019 edges with
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
