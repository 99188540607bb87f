package wos

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// concat30000 is the speed case: 30,000 records in one file,
// made as users make it, by cat of whole real exports, each part with
// its FN/VR header, its EF trailer and a UTF-8 byte order mark, parts
// separated by a blank line with CRLF. The parts and their record counts
// (SOURCES.md of testdata-real): ManyAuthors.isi 500 × 56 = 28,000,
// savedrecs.txt 102 × 15 = 1,530, wos_plaintext.txt 50 × 9 = 450,
// BITR_test.txt 10 × 2 = 20; 30,000 in all.
func concat30000(tb testing.TB) []byte {
	parts := []struct {
		file string
		n    int
	}{
		{"wos-plain-metaknowledge/ManyAuthors.isi", 56},
		{"wos-plain-c3-brunalab/savedrecs.txt", 15},
		{"wos-wosfile/wos_plaintext.txt", 9},
		{"wos-plain-refsplitr/BITR_test.txt", 2},
	}
	var data []byte
	for _, p := range parts {
		one, err := os.ReadFile(filepath.Join(real, p.file))
		if err != nil {
			tb.Skip(err)
		}
		one = bytes.TrimPrefix(one, []byte("\xef\xbb\xbf"))
		for range p.n {
			data = append(data, "\xef\xbb\xbf"...)
			data = append(data, one...)
			data = append(data, "\r\n"...)
		}
	}
	return data
}

// BenchmarkReader reads, in memory and on one core: the 30,000-record
// concatenation of real plain-text exports (concat30000), and real
// tab-delimited parts concatenated with their header rows repeated (the
// 2026 ScientoPy export, 1,000 records, repeated to about 40 MB). Each
// run checks that every record was read.
func BenchmarkReader(b *testing.B) {
	plain := concat30000(b)
	one, err := os.ReadFile(filepath.Join(real, "wos-tab-scientopy/wos_2026_04_02_1000.txt"))
	if err != nil {
		b.Skip(err)
	}
	var tab []byte
	tabRecords := 0
	for len(tab) < 40<<20 {
		tab = append(tab, one...)
		tabRecords += 1000
	}
	for _, tt := range []struct {
		name    string
		data    []byte
		records int
	}{
		{"format=plain/concat=30000", plain, 30000},
		{"format=tab/concat=parts", tab, tabRecords},
	} {
		b.Run(tt.name, func(b *testing.B) {
			b.SetBytes(int64(len(tt.data)))
			b.ReportAllocs()
			for b.Loop() {
				r := NewReader(bytes.NewReader(tt.data))
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
				if n != tt.records {
					b.Fatalf("read %d records, want %d", n, tt.records)
				}
			}
		})
	}
}
