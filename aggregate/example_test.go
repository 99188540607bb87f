package aggregate_test

import (
	"bytes"
	"context"
	"fmt"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/aggregate"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/load"
)

// Two shards of the worked example of docs/DESIGN.md section 11, counted
// apart, written as aggregates, read back and merged, give the weights of
// one pass: CN–US 2019 has bifrac 2/3 (P1) + 1/6 (P2) = 5/6.
func ExampleMerge() {
	one := func(c string) coauthnet.Author {
		return coauthnet.Author{Affiliations: []coauthnet.Affiliation{{Country: c}}}
	}
	p1 := coauthnet.Paper{ID: "P1", Year: 2019, Authors: []coauthnet.Author{one("CN"), one("CN"), one("US")}}
	p2 := coauthnet.Paper{ID: "P2", Year: 2019, Authors: []coauthnet.Author{one("CN"), one("US"), one("DE"), one("DE")}}

	var parts []*aggregate.Aggregate
	for _, p := range []coauthnet.Paper{p1, p2} {
		c := graph.NewCounter(graph.Options{})
		c.Add(&p)
		a, err := aggregate.FromCounter(c, aggregate.Options{}, nil, []aggregate.Input{{Name: p.ID}})
		if err != nil {
			panic(err)
		}
		var buf bytes.Buffer // a file in practice: a.WriteFile("part.parquet")
		if err := a.Write(&buf); err != nil {
			panic(err)
		}
		b, err := aggregate.Read(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			panic(err)
		}
		parts = append(parts, b)
	}
	all, err := aggregate.Merge(parts...)
	if err != nil {
		panic(err)
	}
	s, err := all.Series()
	if err != nil {
		panic(err)
	}
	g := s.At(2019)
	cn, _ := g.Index("CN")
	us, _ := g.Index("US")
	w, _ := g.Between(cn, us)
	fmt.Printf("parts %d, papers %d, CN-US full %v bifrac %.4f\n", all.Counts["parts"], g.Papers(), w[graph.Full], w[graph.BiFrac])
	// Output: parts 2, papers 2, CN-US full 2 bifrac 0.8333
}

// Count reads and counts the embedded sample as coauthnet build
// --sample --years 2019 does: the papers used and the nodes are those of
// the summary the command prints (summary's Example).
func ExampleCount() {
	r, err := aggregate.Count(context.Background(), nil, aggregate.CountOptions{
		Load:  load.Options{Sample: true},
		Graph: graph.Options{Level: graph.Countries, Years: graph.Year(2019)},
	})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%d papers used, %d read, %d nodes in %v\n", r.Stats.Used, r.Summary.Read, r.Series.NumNodes(), r.Series.Span())
	// Output: 1186 papers used, 20000 read, 38 nodes in 2019
}
