package jsonl_test

import (
	"errors"
	"fmt"
	"io"
	"log"
	"strings"

	"github.com/coauthnet/coauthnet/io/jsonl"
)

// Read skips a malformed record with a *ParseError naming the line; the
// next Read goes on.
func ExampleReader() {
	const data = `{"id":"W1","year":2019,"authors":[{"affiliations":[{"country":"CN"}]},{"affiliations":[{"country":"GB"}]}]}
{"id":"W2","year":"2019","authors":[]}
{"id":"W3","year":2020,"authors":[]}
`
	r := jsonl.NewReader(strings.NewReader(data))
	r.Name = "papers.jsonl"
	for {
		p, err := r.Read()
		if err == io.EOF {
			break
		}
		var perr *jsonl.ParseError
		if errors.As(err, &perr) {
			fmt.Println("skipped:", perr)
			continue
		}
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(p.ID, p.Year, len(p.Authors))
	}
	// Output:
	// W1 2019 2
	// skipped: jsonl: papers.jsonl:2 (id W2): wrong type: field year: JSON string where int is expected
	// W3 2020 0
}
