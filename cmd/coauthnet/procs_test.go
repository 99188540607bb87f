package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/coauthnet/coauthnet/internal/sample"
	"github.com/coauthnet/coauthnet/io/jsonl"
)

// TestOutputIndependentOfGOMAXPROCS: decoding runs on every core and
// the counter's years are updated by several goroutines, yet build
// writes the same bytes with GOMAXPROCS=1 and 2, at both levels, from
// canonical JSON Lines and from OpenAlex works.
func TestOutputIndependentOfGOMAXPROCS(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	dir := t.TempDir()
	canon := filepath.Join(dir, "papers.jsonl")
	f, err := os.Create(canon)
	if err != nil {
		t.Fatal(err)
	}
	w := jsonl.NewWriter(f)
	for _, p := range sample.Generate(sample.Config{Papers: 5_000, Seed: 5}) {
		w.Write(&p)
	}
	for _, p := range sample.Institutions(sample.InstitutionsConfig{Papers: 20_000, Institutions: 3_000}) {
		w.Write(&p)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	runs := [][]string{
		{"build", "--level", "institution", canon},
		{"build", "--level", "country", "--impact", canon},
		{"edges", "--level", "institution", canon},
	}
	if one, err := os.ReadFile("../../../shared/testdata-real/openalex-jsonl-openalexpro/jsonl"); err == nil {
		oa := filepath.Join(dir, "works.jsonl")
		os.WriteFile(oa, bytes.Repeat(one, 3), 0o644)
		runs = append(runs, []string{"build", "--from", "openalex", "--level", "institution", oa})
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, args := range runs {
		var outs [2][]byte
		for i, procs := range []int{1, 2} {
			runtime.GOMAXPROCS(procs)
			out := filepath.Join(dir, "out.graphml")
			a := append([]string{}, args[:len(args)-1]...)
			if args[0] == "build" {
				a = append(a, "-o", out)
			}
			a = append(a, args[len(args)-1])
			var stdout bytes.Buffer
			if code := run(a, nil, &stdout, io.Discard); code != 0 {
				t.Fatalf("%v: exit %d", a, code)
			}
			outs[i] = stdout.Bytes()
			if args[0] == "build" {
				if outs[i], err = os.ReadFile(out); err != nil {
					t.Fatal(err)
				}
			}
		}
		if len(outs[0]) < 1000 || !bytes.Equal(outs[0], outs[1]) {
			t.Errorf("%v: %d bytes with GOMAXPROCS=1, %d with 2, not equal", args, len(outs[0]), len(outs[1]))
		}
	}
}
