package parquet

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/coauthnet/coauthnet/internal/sample"
	"github.com/coauthnet/coauthnet/io/jsonl"
)

// BenchmarkRead compares reading the same 100,000 generated papers from
// Parquet (all columns, or Minimal) and from JSON Lines, one core, in
// memory. MB/s is of the JSON Lines size in every case, so the figures
// compare time for the same papers.
func BenchmarkRead(b *testing.B) {
	ps := sample.Generate(sample.Config{Papers: 100_000, Seed: 7})
	var pqBuf, jsBuf bytes.Buffer
	w := NewWriter(&pqBuf)
	jw := jsonl.NewWriter(&jsBuf)
	for i := range ps {
		w.Write(&ps[i])
		jw.Write(&ps[i])
	}
	w.Close()
	jw.Flush()
	size := int64(jsBuf.Len())
	want := len(ps)
	ps = nil // the generated papers would be scanned by every GC cycle of the readers
	runtime.GC()
	b.Logf("parquet %d bytes, jsonl %d bytes", pqBuf.Len(), jsBuf.Len())
	for _, mode := range []string{"", "-minimal", "-minimal-countries"} {
		minimal := mode != ""
		name := "format=parquet" + mode
		b.Run(name, func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				r, err := NewReader(bytes.NewReader(pqBuf.Bytes()), int64(pqBuf.Len()))
				if err != nil {
					b.Fatal(err)
				}
				r.Minimal = minimal
				r.Countries = mode == "-minimal-countries"
				n := 0
				for i := 0; i < r.NumRowGroups(); i++ {
					g, _ := r.ReadRowGroup(i)
					n += len(g)
				}
				if n != want {
					b.Fatal(n)
				}
			}
		})
	}
	b.Run("format=jsonl", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			r := jsonl.NewReader(bytes.NewReader(jsBuf.Bytes()))
			n := 0
			for {
				c, err := r.ReadChunk(1 << 20)
				if err != nil {
					break
				}
				g, _ := c.Decode(nil)
				n += len(g)
			}
			if n != want {
				b.Fatal(n)
			}
		}
	})
}
