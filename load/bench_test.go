package load

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/internal/sample"
	"github.com/coauthnet/coauthnet/io/jsonl"
)

// BenchmarkDedup measures what duplicate detection costs when loading
// 200,000 canonical JSON Lines papers (the sample generator's), with
// every rule and with none.
func BenchmarkDedup(b *testing.B) {
	path := filepath.Join(b.TempDir(), "papers.jsonl")
	fh, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := jsonl.NewWriter(fh)
	g := sample.New(sample.Config{Papers: 200_000})
	for {
		p, ok := g.Next()
		if !ok {
			break
		}
		w.Write(&p)
	}
	w.Flush()
	fh.Close()
	for _, bc := range []struct {
		name  string
		dedup Dedup
	}{{"none", NoDedup}, {"id,doi", DefaultDedup}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				s, err := Papers(context.Background(), []string{path}, Options{Dedup: bc.dedup, Need: Countries},
					func(*coauthnet.Paper) error { return nil })
				if err != nil || s.Passed != 200_000 {
					b.Fatalf("%v, %d passed", err, s.Passed)
				}
			}
		})
	}
}
