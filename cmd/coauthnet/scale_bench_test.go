package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/coauthnet/coauthnet/internal/sample"
	"github.com/coauthnet/coauthnet/io/jsonl"
)

// This file benchmarks the command at institution scale and on OpenAlex
// (issue 16); BENCHMARKS.md has the figures and the commands.

// institutionCorpus returns the path of an institution-scale JSON Lines
// corpus (internal/sample.NewInstitutions, seed 1), written once into
// the user cache directory.
func institutionCorpus(b *testing.B, papers, insts int) string {
	b.Helper()
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	dir = filepath.Join(dir, "coauthnet-bench")
	os.MkdirAll(dir, 0o755)
	path := filepath.Join(dir, fmt.Sprintf("institutions-v1-seed1-%d-%d.jsonl", papers, insts))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	f, err := os.Create(path + ".tmp")
	if err != nil {
		b.Fatal(err)
	}
	w := jsonl.NewWriter(f)
	g := sample.NewInstitutions(sample.InstitutionsConfig{Papers: papers, Institutions: insts})
	for {
		p, ok := g.Next()
		if !ok {
			break
		}
		w.Write(&p)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
	if err := os.Rename(path+".tmp", path); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkBuildInstitutions is `coauthnet build` on 300,000 papers over
// 50,000 institutions, at both levels: the institution build should
// cost at most 3× the country build of the same corpus.
func BenchmarkBuildInstitutions(b *testing.B) {
	path := institutionCorpus(b, 300_000, 50_000)
	fi, _ := os.Stat(path)
	for _, level := range []string{"country", "institution"} {
		b.Run("level="+level, func(b *testing.B) {
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

// BenchmarkBuildOpenAlex is `coauthnet build --from openalex` on the 200
// real works of ../shared/testdata-real repeated 100 times (≈ 282 MB).
func BenchmarkBuildOpenAlex(b *testing.B) {
	one, err := os.ReadFile("../../../shared/testdata-real/openalex-jsonl-openalexpro/jsonl")
	if err != nil {
		b.Skip("shared real test data absent:", err)
	}
	path := filepath.Join(b.TempDir(), "works100.jsonl")
	if err := os.WriteFile(path, bytes.Repeat(one, 100), 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(100 * len(one)))
	for b.Loop() {
		if code := run([]string{"build", "--from", "openalex", "-o", os.DevNull, path}, nil, io.Discard, io.Discard); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}
