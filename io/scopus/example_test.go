package scopus_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/coauthnet/coauthnet/io/scopus"
)

// This example reads a Scopus CSV export with one record (columns as
// Scopus writes them) and prints each author's country.
func Example() {
	const export = `Authors,Author full names,Title,Year,DOI,Affiliations,Authors with affiliations,EID
"Li X.; Smith J.","Li, Xiang (123); Smith, John (456)","A paper",2019,10.1000/xyz123,"Tsinghua University, Beijing, China; University of Oxford, Oxford, United Kingdom","Li X., Tsinghua University, Beijing, China; Smith J., University of Oxford, Oxford, United Kingdom",2-s2.0-85000000001
`
	r := scopus.NewReader(strings.NewReader(export))
	p, err := r.Read()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.ID, p.Year, p.DOI)
	for _, a := range p.Authors {
		for _, af := range a.Affiliations {
			fmt.Printf("%s: %s\n", a.Name, af.Country)
		}
	}
	// Output:
	// 2-s2.0-85000000001 2019 10.1000/xyz123
	// Li, Xiang: CN
	// Smith, John: GB
}
