package netview_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/internal/sample"
	"github.com/coauthnet/coauthnet/io/netview"
)

// A stand-alone view of the sample's country graph, year by year,
// coloured by bloc; open view/index.html in a browser.
func ExampleWriteDir() {
	s := graph.Yearly(sample.Generate(sample.Config{}), graph.Options{})
	blocs := map[string]string{"CN": "focal", "US": "rival", "PK": "partner", "JP": "competitor"}
	dir, _ := os.MkdirTemp("", "view")
	defer os.RemoveAll(dir)
	err := netview.WriteDir(dir, netview.Years(s), netview.Options{
		Title:      "Sample: countries by year",
		Counting:   graph.BiFrac,
		Groups:     blocs,
		GroupTitle: "bloc",
		GroupOrder: []string{"focal", "rival", "partner", "competitor", "hedger"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, n := range names {
		fmt.Println(filepath.Base(n))
	}
	// Output:
	// cytoscape.LICENSE
	// cytoscape.min.js
	// index.html
	// netview.css
	// netview.js
}
