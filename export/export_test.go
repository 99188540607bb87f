package export_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log"
	"slices"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/export"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/load"
)

func TestRegistry(t *testing.T) {
	want := []string{"graphml", "gexf", "pajek", "vosviewer", "dot", "csv", "parquet"}
	if got := export.Names(); !slices.Equal(got, want) {
		t.Errorf("Names() = %v, want %v", got, want)
	}
	for path, name := range map[string]string{"a.graphml": "graphml", "a.GV": "dot", "a.net": "pajek", "x/a.txt": "vosviewer", "a.parquet": "parquet", "-": "graphml", "a.xml": "graphml"} {
		if f := export.ByPath(path); f.Name != name {
			t.Errorf("ByPath(%q) = %s, want %s", path, f.Name, name)
		}
	}
	if _, err := export.Write("svg", &export.Data{}, "a.svg", nil); err == nil || !strings.Contains(err.Error(), "unknown format") {
		t.Errorf("unknown format: %v", err)
	}
	f, _ := export.Lookup("vosviewer")
	if got := f.Files("out/a.txt", &export.Data{}); !slices.Equal(got, []string{"out/a-map.txt", "out/a-network.txt"}) || f.Stdout {
		t.Errorf("vosviewer files %v, stdout %v", got, f.Stdout)
	}
}

// This example counts the embedded sample's 2019 papers and writes the
// graph in two formats picked by name, as coauthnet build --to does,
// into memory (a Create that opens files writes them to disk). The line
// counts are those of coauthnet build --sample --years 2019 --to pajek
// less the 11 comment lines of provenance that the command adds (745
// there) and --to vosviewer
// (a header and 38 items; 691 links).
func Example() {
	c := graph.NewCounter(graph.Options{Level: graph.Countries})
	if _, err := load.Papers(context.Background(), nil, load.Options{Sample: true, Need: load.Countries},
		func(p *coauthnet.Paper) error { c.Add(p); return nil }); err != nil {
		log.Fatal(err)
	}
	g := c.Series().At(2019)
	files := map[string]*bytes.Buffer{}
	create := func(path string, write func(io.Writer) error) error {
		files[path] = &bytes.Buffer{}
		return write(files[path])
	}
	d := &export.Data{G: g, Countings: []graph.Counting{graph.BiFrac}}
	for format, path := range map[string]string{"pajek": "cn2019.net", "vosviewer": "cn2019.txt"} {
		names, err := export.Write(format, d, path, create)
		if err != nil {
			log.Fatal(err)
		}
		for _, n := range names {
			fmt.Printf("%s: %d lines\n", n, strings.Count(files[n].String(), "\n"))
		}
	}
	// Unordered output:
	// cn2019.net: 734 lines
	// cn2019-map.txt: 39 lines
	// cn2019-network.txt: 691 lines
}
