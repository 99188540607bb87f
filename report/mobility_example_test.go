package report_test

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"path/filepath"
	"strings"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/mobility"
	"github.com/coauthnet/coauthnet/report"
)

// This example follows the two careers of the mobility package's
// example (A1 moves from China to the United States in 2015, A2 keeps a
// German home and travels to Britain) and writes what `coauthnet
// mobility` writes, into memory instead of files: it prints the names
// written and the moves table without its metadata lines.
func ExampleWriteMobility() {
	paper := func(year int, author string, countries ...string) coauthnet.Paper {
		a := coauthnet.Author{ID: author}
		for _, c := range countries {
			a.Affiliations = append(a.Affiliations, coauthnet.Affiliation{Country: c})
		}
		return coauthnet.Paper{ID: fmt.Sprint(author, year, countries), Year: year, Authors: []coauthnet.Author{a}}
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
	files := map[string]*bytes.Buffer{}
	var names []string
	create := func(path string, write func(io.Writer) error) error {
		b := new(bytes.Buffer)
		files[filepath.Base(path)] = b
		names = append(names, filepath.Base(path))
		return write(b)
	}
	o := report.MobilityOptions{Rules: mobility.DefaultOptions, Quantiles: r.ImpactQuantiles(2, mobility.CitesPerPaper), Focal: "US"}
	if err := report.WriteMobility("out", r, o, create); err != nil {
		log.Fatal(err)
	}
	// By hand: A1 has 3 papers at CN before the move (2012–2014) and 4 at
	// US (2015–2018), the CN address seen one more year (2016); A2 has 5
	// DE papers (2016–2020) and 2 GB ones (2018, 2019). The papers carry
	// no citation counts: impact unknown (empty), impact class 0.
	fmt.Println(strings.Join(names, " "))
	for _, line := range strings.Split(files["moves.csv"].String(), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			fmt.Println(line)
		}
	}
	// Output:
	// moves.csv moves.parquet flows.csv flows.parquet nodes.csv retention.csv authors.csv authors.parquet impact.csv impact.svg flows.graphml flows.gexf focal.csv
	// author,from,to,year,kind,from_papers,to_papers,overlap,return,prior,impact,cnci,cited_papers,impact_quantile
	// A1,CN,US,2015,migrant,3,4,1,0,0,,,0,0
	// A2,DE,GB,2018,traveller,5,2,0,0,0,,,0,0
}
