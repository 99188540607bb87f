package wos_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/coauthnet/coauthnet/io/wos"
)

// This example reads a Web of Science plain-text record (a shortened
// real one: two authors at two addresses named in C1 brackets) and
// prints each author's institution and country.
func Example() {
	const export = `FN Clarivate Analytics Web of Science
VR 1.0
PT J
AU Wu, G
   Stein, L
AF Wu, Guanming
   Stein, Lincoln
TI A human functional protein interaction network
PY 2010
DI 10.1186/gb-2010-11-5-r53
C1 [Wu, Guanming] Ontario Inst Canc Res, Toronto, ON M5G 0A3, Canada.
   [Stein, Lincoln] Cold Spring Harbor Lab, Cold Spring Harbor, NY 11724 USA.
UT WOS:000279346200011
ER

EF
`
	r := wos.NewReader(strings.NewReader(export))
	p, err := r.Read()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.ID, p.Year, p.DOI)
	for _, a := range p.Authors {
		for _, af := range a.Affiliations {
			fmt.Printf("%s: %s (%s)\n", a.Name, af.Institution, af.Country)
		}
	}
	// Output:
	// WOS:000279346200011 2010 10.1186/gb-2010-11-5-r53
	// Wu, Guanming: Ontario Inst Canc Res (CA)
	// Stein, Lincoln: Cold Spring Harbor Lab (US)
}
