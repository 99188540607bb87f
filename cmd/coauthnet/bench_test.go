package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet/internal/sample"
)

// benchCorpus returns the path of a generated JSON Lines corpus of n
// papers (seed 7), written once into the user cache directory and reused
// by later runs: 1M papers is about 1 GB.
func benchCorpus(b *testing.B, n int) string {
	b.Helper()
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	dir = filepath.Join(dir, "coauthnet-bench")
	os.MkdirAll(dir, 0o755)
	path := filepath.Join(dir, fmt.Sprintf("sample-v2-seed7-%d.jsonl", n))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	tmp := path + ".tmp"
	writeSample(b, tmp, sample.Config{Papers: n, Seed: 7})
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkBuild measures `coauthnet build` end to end on a JSON Lines
// file: read, decode on every core, count in input order, write GraphML.
// MB/s is input bytes per second.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		path := benchCorpus(b, n)
		fi, _ := os.Stat(path)
		for _, level := range []string{"country", "institution"} {
			b.Run(fmt.Sprintf("papers=%d/level=%s", n, level), func(b *testing.B) {
				b.SetBytes(fi.Size())
				b.ReportAllocs()
				for b.Loop() {
					if code := run([]string{"build", "--level", level, "-o", os.DevNull, path}, nil, io.Discard, io.Discard); code != 0 {
						b.Fatalf("exit %d", code)
					}
				}
			})
		}
	}
}

// BenchmarkBuildMeasures is BenchmarkBuild at country level with the
// measures that need the whole record: normalised citation impact,
// corresponding-author leadership, one field.
func BenchmarkBuildMeasures(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		path := benchCorpus(b, n)
		fi, _ := os.Stat(path)
		for _, flags := range [][]string{{"--impact"}, {"--lead", "corresponding"}, {"--field", "Chemistry"}, {"--by-field"}} {
			b.Run(fmt.Sprintf("papers=%d/%s", n, strings.Join(flags, "=")), func(b *testing.B) {
				b.SetBytes(fi.Size())
				b.ReportAllocs()
				out := os.DevNull
				if flags[0] == "--by-field" {
					out = filepath.Join(b.TempDir(), "{field}.graphml")
				}
				for b.Loop() {
					if code := run(append([]string{"build", "-o", out, path}, flags...), nil, io.Discard, io.Discard); code != 0 {
						b.Fatalf("exit %d", code)
					}
				}
			})
		}
	}
}

// BenchmarkReadFloor is the floor: reading the same file and discarding
// it (what cat FILE > /dev/null does).
func BenchmarkReadFloor(b *testing.B) {
	path := benchCorpus(b, 1_000_000)
	fi, _ := os.Stat(path)
	b.SetBytes(fi.Size())
	buf := make([]byte, 1<<20)
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		io.CopyBuffer(io.Discard, f, buf)
		f.Close()
	}
}

// BenchmarkBuildParquet is BenchmarkBuild on the same 1M papers converted
// to Parquet once (coauthnet convert; cached beside the JSON Lines file).
// MB/s is of the JSON Lines size, so the figures compare with
// BenchmarkBuild's for the same papers.
func BenchmarkBuildParquet(b *testing.B) {
	js := benchCorpus(b, 1_000_000)
	fi, _ := os.Stat(js)
	pqPath := strings.TrimSuffix(js, ".jsonl") + ".parquet"
	if _, err := os.Stat(pqPath); err != nil {
		if code := run([]string{"convert", "-o", pqPath + ".tmp.parquet", js}, nil, io.Discard, io.Discard); code != 0 {
			b.Fatalf("convert: exit %d", code)
		}
		if err := os.Rename(pqPath+".tmp.parquet", pqPath); err != nil {
			b.Fatal(err)
		}
	}
	for _, flags := range [][]string{{"--level", "country"}, {"--level", "institution"}, {"--impact"}} {
		b.Run("papers=1000000/"+strings.Join(flags, "="), func(b *testing.B) {
			b.SetBytes(fi.Size())
			b.ReportAllocs()
			for b.Loop() {
				if code := run(append([]string{"build", "-o", os.DevNull, pqPath}, flags...), nil, io.Discard, io.Discard); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}
