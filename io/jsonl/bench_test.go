package jsonl

import (
	"bytes"
	"encoding/json"
	"io"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/internal/sample"
)

// benchData is 20000 generated papers as JSON Lines (about 20 MB).
func benchData(b *testing.B) []byte { return generated(20000, 7) }

// generated is n papers of the sample generator with seed, written as
// JSON Lines.
func generated(n int, seed uint64) []byte {
	var buf bytes.Buffer
	w := NewWriter(&buf)
	g := sample.New(sample.Config{Papers: n, Seed: seed})
	for {
		p, ok := g.Next()
		if !ok {
			break
		}
		w.Write(&p)
	}
	w.Flush()
	return buf.Bytes()
}

// BenchmarkDecode compares, on one core, the decoders considered for the
// canonical record: this package's (Chunk.Decode), encoding/json per
// line, and the floor of splitting lines only.
func BenchmarkDecode(b *testing.B) {
	data := benchData(b)
	// The command decodes 1 MiB chunks of whole lines; so does this.
	var chunks []Chunk
	r := NewReader(bytes.NewReader(data))
	for {
		c, err := r.ReadChunk(1 << 20)
		if err == io.EOF {
			break
		}
		chunks = append(chunks, c)
	}
	b.Run("decoder=coauthnet", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			for _, c := range chunks {
				ps, errs := c.Decode(nil)
				if len(errs) > 0 || len(ps) == 0 {
					b.Fatal(errs)
				}
			}
		}
	})
	// What `coauthnet build` decodes at country level.
	b.Run("decoder=coauthnet-countries", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			for _, c := range chunks {
				c.Countries = true
				ps, errs := c.Decode(nil)
				if len(errs) > 0 || len(ps) == 0 {
					b.Fatal(errs)
				}
			}
		}
	})
	b.Run("decoder=encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			rest := data
			for len(rest) > 0 {
				i := bytes.IndexByte(rest, '\n')
				var p coauthnet.Paper
				if err := json.Unmarshal(rest[:i], &p); err != nil {
					b.Fatal(err)
				}
				rest = rest[i+1:]
			}
		}
	})
	b.Run("decoder=split-lines-only", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			n := 0
			rest := data
			for len(rest) > 0 {
				i := bytes.IndexByte(rest, '\n')
				n++
				rest = rest[i+1:]
			}
			if n == 0 {
				b.Fatal("no lines")
			}
		}
	})
}

// BenchmarkReader is the sequential Read path (one line at a time).
func BenchmarkReader(b *testing.B) {
	data := benchData(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		r := NewReader(bytes.NewReader(data))
		for {
			_, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}
