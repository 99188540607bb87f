package parquet_test

import (
	"bytes"
	"fmt"
	"log"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/internal/sample"
	parquetio "github.com/coauthnet/coauthnet/io/parquet"
)

// This example writes the first 1000 papers of the embedded sample as
// Parquet and reads them back, row group by row group.
func Example() {
	var buf bytes.Buffer
	w := parquetio.NewWriter(&buf, [2]string{"source", "example"})
	papers := sample.Generate(sample.Config{Papers: 1000})
	for i := range papers {
		if err := w.Write(&papers[i]); err != nil {
			log.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		log.Fatal(err)
	}
	r, err := parquetio.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		log.Fatal(err)
	}
	defer r.Close()
	back, err := coauthnet.ReadAll(r)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(back), "papers;", back[0].ID == papers[0].ID, back[999].Year == papers[999].Year)
	// Output:
	// 1000 papers; true true
}
