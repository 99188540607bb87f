package table_test

import (
	"log"
	"os"

	"github.com/coauthnet/coauthnet/io/table"
)

// This example writes a table of typed columns as CSV; NaN would be an
// empty cell.
func Example() {
	t := &table.Table{Columns: []table.Column{
		table.Strings("node", []string{"CN", "US"}),
		table.Ints("papers", []int{1186, 812}),
		table.Floats("output", []float64{340.25, 201.5}),
	}}
	if err := t.WriteCSV(os.Stdout); err != nil {
		log.Fatal(err)
	}
	// Output:
	// node,papers,output
	// CN,1186,340.25
	// US,812,201.5
}
