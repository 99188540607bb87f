package wos

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkReader reads real exports from testdata-real (repeated to
// about 40 MB so that one run is long enough), in memory, on one core.
func BenchmarkReader(b *testing.B) {
	for _, tt := range []struct{ name, file string }{
		{"format=plain", "wos-plain-metaknowledge/ManyAuthors.isi"},
		{"format=tab", "wos-tab-scientopy/wos_2026_04_02_1000.txt"},
	} {
		one, err := os.ReadFile(filepath.Join(real, tt.file))
		if err != nil {
			b.Skip(err)
		}
		one = bytes.TrimPrefix(one, []byte("\xef\xbb\xbf"))
		var data []byte
		if tt.name == "format=tab" {
			header, rows, _ := bytes.Cut(one, []byte("\n"))
			data = append(append(data, header...), '\n')
			for len(data) < 40<<20 {
				data = append(data, rows...)
			}
		} else {
			// One header, the records repeated, one EF: an EF after the
			// first copy would end the stream.
			start := bytes.Index(one, []byte("\nPT "))
			end := bytes.LastIndex(one, []byte("\nEF"))
			data = append(data, one[:start+1]...)
			for len(data) < 40<<20 {
				data = append(data, one[start+1:end+1]...)
			}
			data = append(data, "EF\n"...)
		}
		b.Run(tt.name, func(b *testing.B) {
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
				if n == 0 {
					b.Fatal("no papers")
				}
			}
		})
	}
}
