package openalex

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkRead reads the 200 real works repeated 20 times (56 MB) as
// JSON Lines: decoding on every core (GOMAXPROCS runs in flight), papers
// in line order. MB/s is input bytes per second. BENCHMARKS.md has the
// figures and the end-to-end comparison with a plain Python parse.
func BenchmarkRead(b *testing.B) {
	one, err := os.ReadFile(filepath.Join(real, "openalex-jsonl-openalexpro/jsonl"))
	if err != nil {
		b.Skip("shared real test data absent:", err)
	}
	data := bytes.Repeat(one, 20)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		r := NewReader(bytes.NewReader(data))
		n := 0
		for {
			_, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 4000 {
			b.Fatalf("%d papers", n)
		}
	}
}
