package wos

import (
	"bytes"
	"io"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// concat30000 is the speed case: 30,000 records in one file,
// made as users make it, by cat of whole real exports of testdata/real,
// each part with its FN/VR header, its EF trailer and a UTF-8 byte order
// mark, parts separated by a blank line with CRLF. The parts and their
// record counts (testdata/SOURCES.md): wos-plain-wosanalysis 833 × 34 =
// 28,322, wos-plain-brunalab 102 × 14 = 1,428, wos-plain-wosfile 50 × 5
// = 250; 30,000 in all.
func concat30000(tb testing.TB) []byte {
	parts := []struct {
		file string
		n    int
	}{
		{"wos-plain-wosanalysis/savedrecs.txt.gz", 34},
		{"wos-plain-brunalab/savedrecs.txt.gz", 14},
		{"wos-plain-wosfile/wos_plaintext.txt.gz", 5},
	}
	var data []byte
	for _, p := range parts {
		one, err := readMaybeGz(filepath.Join(testdata, p.file))
		if err != nil {
			tb.Fatal(err)
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
// tab-delimited parts concatenated with their header rows and BOMs
// repeated (the two 500-record parts of the 2023 ScientoPy export,
// repeated to about 40 MB). Each run checks that every record was read.
func BenchmarkReader(b *testing.B) {
	plain := concat30000(b)
	var one []byte
	for _, f := range []string{"wos-tab-scientopy-2023/wos_1_500.txt.gz", "wos-tab-scientopy-2023/wos_501_1000.txt.gz"} {
		part, err := readMaybeGz(filepath.Join(testdata, f))
		if err != nil {
			b.Fatal(err)
		}
		one = append(one, part...)
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
			cpu0 := cpuTime()
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
			// MB/s is wall-clock and suffers when the machine is shared;
			// cpu-MB/s divides by the process's CPU time (user + system,
			// garbage collector included) over the same loop.
			if cpu := cpuTime() - cpu0; cpu > 0 {
				b.ReportMetric(float64(len(tt.data))*float64(b.N)/1e6/cpu.Seconds(), "cpu-MB/s")
			}
		})
	}
}

// cpuTime is the process's user + system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
