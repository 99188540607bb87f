package openalex_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/coauthnet/coauthnet/io/openalex"
)

// This example reads one OpenAlex work (JSON Lines, the fields that
// matter) and prints each author's institution and country.
func Example() {
	const works = `{"id":"https://openalex.org/W2963","doi":"https://doi.org/10.1000/xyz","publication_year":2019,"authorships":[{"author":{"display_name":"Li Xiang"},"institutions":[{"id":"https://openalex.org/I99065089","display_name":"Tsinghua University","ror":"https://ror.org/03cve4549","country_code":"CN"}]},{"author":{"display_name":"John Smith"},"institutions":[{"id":"https://openalex.org/I40120149","display_name":"University of Oxford","ror":"https://ror.org/052gg0110","country_code":"GB"}]}]}
`
	r := openalex.NewReader(strings.NewReader(works))
	p, err := r.Read()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.ID, p.Year, p.DOI)
	for _, a := range p.Authors {
		for _, af := range a.Affiliations {
			fmt.Printf("%s: %s %s (%s)\n", a.Name, af.Institution, af.InstitutionID, af.Country)
		}
	}
	// Output:
	// W2963 2019 10.1000/xyz
	// Li Xiang: Tsinghua University https://ror.org/03cve4549 (CN)
	// John Smith: University of Oxford https://ror.org/052gg0110 (GB)
}
