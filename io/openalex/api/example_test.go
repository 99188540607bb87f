package api_test

import (
	"os"

	"github.com/coauthnet/coauthnet/io/openalex/api"
)

// A Printer shows a download as coauthnet fetch does; here it is not a
// terminal, so every page's bar is a line of its own. In a program,
// pr.Progress is Options.Progress and pr.Logf is Client.Log.
func ExamplePrinter() {
	pr := api.Printer{W: os.Stdout, Prefix: "fetch: "}
	pr.Progress(api.Progress{Page: 1, Works: 100, Count: 250})
	pr.Progress(api.Progress{Page: 2, Works: 200, Count: 250})
	pr.Progress(api.Progress{Page: 3, Works: 250, Count: 250})
	pr.End()
	res := api.Result{Provenance: api.Provenance{Works: 250, Count: 250, LastCount: 250}}
	pr.Println(res.Checks()...)
	// Output:
	// fetch: [############------------------] 100/250 works (40%), page 1
	// fetch: [########################------] 200/250 works (80%), page 2
	// fetch: [##############################] 250/250 works (100%), page 3
	// fetch: count check: 250 works = meta.count
}
