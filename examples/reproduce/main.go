// Command reproduce does what coauthnet build --sample and coauthnet
// report --sample -o DIR do, through the library alone: load, count,
// export or report. Usage: reproduce build > graph.graphml; reproduce
// report DIR.
package main

import (
	"context"
	"io"
	"log"
	"os"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/export"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/load"
	"github.com/coauthnet/coauthnet/report"
)

func main() {
	c, lo := graph.NewCounter(graph.Options{Level: graph.Countries}), load.Options{Sample: true, Need: load.Countries}
	sum, err := load.Papers(context.Background(), nil, lo, func(p *coauthnet.Paper) error { c.Add(p); return nil })
	s := c.Series()
	countings, _ := graph.ParseCountings("bifrac,full,frac,share")
	meta := export.Provenance(sum, lo, s.Stats(), graph.Options{}, 0)
	create := func(path string, write func(io.Writer) error) error {
		if path == "-" {
			return write(os.Stdout)
		}
		return export.WriteFile(path, write)
	}
	if err == nil && os.Args[1] == "build" {
		_, err = export.WriteGraph("graphml", s.Range(s.Span()), "-", export.Options{Countings: countings, Meta: meta}, create)
	} else if d, err2 := report.Compute(s, report.Options{Focal: "CN", Rival: "US", Countings: countings, Meta: meta}); err == nil {
		err = cmp(err2, os.MkdirAll(os.Args[2], 0o755), report.Write(os.Args[2], d, create))
	}
	if err != nil {
		log.Fatal(err)
	}
}
