// Command reproduce writes what coauthnet build --sample and report --sample
// -o DIR write, with the library alone. Usage: reproduce build | reproduce report DIR
package main

import (
	"context"
	"io"
	"log"
	"os"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/atomicfile"
	"github.com/coauthnet/coauthnet/export"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/load"
	"github.com/coauthnet/coauthnet/report"
	"github.com/coauthnet/coauthnet/summary"
)

func main() {
	c, lo := graph.NewCounter(graph.Options{Level: graph.Countries}), load.Options{Sample: true, Need: load.Countries}
	sum, err := load.Papers(context.Background(), nil, lo, func(p *coauthnet.Paper) error { c.Add(p); return nil })
	s := c.Series()
	countings, _ := graph.ParseCountings("bifrac,full,frac,share")
	meta := summary.Provenance(sum, lo, s.Stats(), graph.Options{}, 0)
	stdout := func(_ string, write func(io.Writer) error) error { return write(os.Stdout) }
	var d *report.Data
	switch {
	case err == nil && os.Args[1] == "build":
		_, err = export.WriteGraph("graphml", s.Range(s.Span()), "-", export.Options{Countings: countings, Meta: meta}, stdout)
	case err == nil:
		if d, err = report.Compute(s, report.Options{Countings: countings, Meta: meta}); err == nil { // poles from the corpus: CN and US
			err = report.Write(os.Args[2], d, atomicfile.Write)
		}
	}
	if err != nil {
		log.Fatal(err)
	}
}
