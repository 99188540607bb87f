package graph

import (
	"reflect"
	"testing"

	"github.com/coauthnet/coauthnet/internal/sample"
)

func TestSeriesDataRoundTrip(t *testing.T) {
	papers := sample.Generate(sample.Config{Papers: 3000, Seed: 9})
	for _, level := range []Level{Countries, Institutions} {
		s := Yearly(papers, Options{Level: level})
		got, err := NewSeries(s.Data())
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, s) {
			t.Errorf("level %v: NewSeries(s.Data()) differs from s", level)
		}
	}
	d := Yearly(papers, Options{}).Data()
	d.Years[0].Edges[0], d.Years[0].Edges[1] = d.Years[0].Edges[1], d.Years[0].Edges[0]
	if _, err := NewSeries(d); err == nil {
		t.Error("edges out of order accepted")
	}
}
