package csv_test

import (
	"bytes"
	"fmt"
	"log"
	"strings"

	"github.com/coauthnet/coauthnet"
	csvio "github.com/coauthnet/coauthnet/io/csv"
)

// This example writes two papers as canonical CSV (one row per
// author-affiliation: 1 + 2 for P1, 1 for P2) and reads them back.
func Example() {
	papers := []coauthnet.Paper{
		{ID: "P1", Year: 2019, Authors: []coauthnet.Author{
			{Name: "Li, X", Affiliations: []coauthnet.Affiliation{{Institution: "Tsinghua University", Country: "CN"}}},
			{Name: "Smith, J", Affiliations: []coauthnet.Affiliation{{Country: "US"}, {Country: "GB"}}}}},
		{ID: "P2", Year: 2020, Authors: []coauthnet.Author{{Name: "Weber, A", Affiliations: []coauthnet.Affiliation{{Country: "DE"}}}}},
	}
	var buf bytes.Buffer
	w := csvio.NewWriter(&buf)
	for i := range papers {
		if err := w.Write(&papers[i]); err != nil {
			log.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.Count(buf.String(), "\n")-1, "rows")
	back, err := coauthnet.ReadAll(csvio.NewReader(&buf))
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range back {
		fmt.Println(p.ID, p.Year, len(p.Authors), "authors")
	}
	// Output:
	// 4 rows
	// P1 2019 2 authors
	// P2 2020 1 authors
}
