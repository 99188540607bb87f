package graph_test

import (
	"fmt"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
)

// One paper by a Chinese author and two US authors: n_p = 3, P(CN,US) =
// 1·2 = 2, so bifrac = 2·2/(3·2) = 2/3, frac = 2/2 = 1, share = 1/3 + 2/3 = 1.
func ExampleBuild() {
	us := coauthnet.Affiliation{Institution: "MIT", Country: "US"}
	cn := coauthnet.Affiliation{Institution: "Tsinghua Univ", Country: "CN"}
	papers := []coauthnet.Paper{{
		ID: "p1", Year: 2020,
		Authors: []coauthnet.Author{
			{Name: "A", Affiliations: []coauthnet.Affiliation{cn}},
			{Name: "B", Affiliations: []coauthnet.Affiliation{us}},
			{Name: "C", Affiliations: []coauthnet.Affiliation{us}},
		},
	}}
	g := graph.Build(papers, graph.Options{Level: graph.Countries})
	for e := range g.Edges() {
		fmt.Printf("%s-%s full %.0f bifrac %.4f frac %.0f share %.0f\n", g.Label(e.From), g.Label(e.To),
			e.W[graph.Full], e.W[graph.BiFrac], e.W[graph.Frac], e.W[graph.Share])
	}
	// Output:
	// CN-US full 1 bifrac 0.6667 frac 1 share 1
}

// Sliding windows of 3 years every 2 years over 2015–2020.
func ExampleSeries_Windows() {
	var papers []coauthnet.Paper
	for y := 2015; y <= 2020; y++ {
		papers = append(papers, coauthnet.Paper{ID: fmt.Sprint(y), Year: y, Authors: []coauthnet.Author{
			{Affiliations: []coauthnet.Affiliation{{Country: "CN"}}},
			{Affiliations: []coauthnet.Affiliation{{Country: "PK"}}},
		}})
	}
	s := graph.Yearly(papers, graph.Options{})
	for _, p := range s.Windows(3, 2) {
		g := s.Range(p)
		w, _ := g.Between(0, 1)
		fmt.Println(p, g.Label(0), g.Label(1), w[graph.Full])
	}
	// Output:
	// 2015-2017 CN PK 3
	// 2017-2019 CN PK 3
}
