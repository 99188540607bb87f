package openalex

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet/internal/input"
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

// TestReadLines: runs are whole lines whatever the block size, their
// line counts add up, and nothing is lost or repeated.
func TestReadLines(t *testing.T) {
	for _, in := range []string{"", "a\n", "a", "a\nbb\n", "a\nbb", "\n\n\n", "abcdefghijklmnopqrstuvwxyz\nb\r\nc", strings.Repeat("x", 100) + "\ny\n", strings.Repeat("a", 100) + "\n" + strings.Repeat("b", 50) + "\nc\n" + strings.Repeat("d", 30)} {
		for _, size := range []int{1, 2, 3, 7, 64} {
			var carry []byte
			var got []byte
			lines := 0
			r := strings.NewReader(in)
			for {
				data, n, err := readLines(r, size, &carry)
				if len(data) > 0 && err == nil && data[len(data)-1] != '\n' {
					t.Fatalf("%q size %d: run %q does not end a line", in, size, data)
				}
				got = append(got, data...)
				lines += n
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			want := strings.Count(in, "\n")
			if in != "" && !strings.HasSuffix(in, "\n") {
				want++
			}
			if string(got) != in || lines != want {
				t.Errorf("%q size %d: got %q, %d lines (want %d)", in, size, got, lines, want)
			}
		}
	}
}

// TestTruncatedGzip: a gzip stream cut short ends the stream with an
// error (not io.EOF) that says so, after the works read before the cut.
func TestTruncatedGzip(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	for i := 0; i < 2000; i++ {
		fmt.Fprintf(zw, `{"id":"https://openalex.org/W%d","publication_year":2020,"authorships":[{"countries":["FR"]}],"pad":"%d"}`+"\n", i, i*7919)
	}
	zw.Close()
	b := buf.Bytes()[:buf.Len()/2]
	r := NewReader(bytes.NewReader(b))
	n := 0
	var err error
	for {
		_, err = r.Read()
		if err == io.EOF {
			t.Fatalf("truncated gzip read as a whole stream (%d works)", n)
		}
		var pe *ParseError
		if errors.As(err, &pe) {
			continue
		}
		if err != nil {
			break
		}
		n++
	}
	if n == 0 || n >= 2000 {
		t.Errorf("%d works before the error", n)
	}
	if !errors.Is(err, input.ErrCompressedCutShort) {
		t.Errorf("error %v, want the compressed file cut short", err)
	}
}
