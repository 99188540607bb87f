package mobility_test

import (
	"fmt"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/mobility"
)

// An author publishes from China until 2014, then from the United
// States; two of the 2015–2016 papers still carry the Chinese address
// (publication lag). Another keeps a German home and adds a British
// affiliation in 2018. A third author has no identifier and is counted,
// never followed.
func Example() {
	paper := func(year int, author string, countries ...string) coauthnet.Paper {
		a := coauthnet.Author{ID: author}
		for _, c := range countries {
			a.Affiliations = append(a.Affiliations, coauthnet.Affiliation{Country: c})
		}
		return coauthnet.Paper{ID: fmt.Sprint(author, year, countries), Year: year,
			Authors: []coauthnet.Author{a, {Name: "Anon", Affiliations: []coauthnet.Affiliation{{Country: "FR"}}}}}
	}
	ps := []coauthnet.Paper{
		paper(2012, "A1", "CN"), paper(2013, "A1", "CN"), paper(2014, "A1", "CN"),
		paper(2015, "A1", "US"), paper(2015, "A1", "CN"), paper(2016, "A1", "CN"),
		paper(2016, "A1", "US"), paper(2017, "A1", "US"), paper(2018, "A1", "US"),
		paper(2016, "A2", "DE"), paper(2017, "A2", "DE"), paper(2018, "A2", "DE", "GB"),
		paper(2019, "A2", "DE", "GB"), paper(2020, "A2", "DE"),
	}
	c := mobility.NewCareers()
	for i := range ps {
		c.Add(&ps[i])
	}
	r := c.Analyze(mobility.DefaultOptions)
	for _, m := range r.Moves {
		fmt.Printf("%s %s→%s %d %v (old address seen %d more year)\n",
			r.Authors[m.Author].Key, r.Nodes[m.From], r.Nodes[m.To], m.Year, m.Kind, m.Overlap)
	}
	for _, a := range r.Authors {
		fmt.Println(a.Key, a.Class)
	}
	fmt.Println("authors without an id:", r.Stats.NoID)
	// Output:
	// A1 CN→US 2015 migrant (old address seen 1 more year)
	// A2 DE→GB 2018 traveller (old address seen 0 more year)
	// A1 migrant
	// A2 traveller
	// authors without an id: 14
}
