// Command gen writes a generated corpus as canonical JSON Lines on
// standard output, for scale tests that should not need the corpus on
// disk (BENCHMARKS.md, "Bounded memory"):
//
//	go run ./internal/sample/gen -n 10000000 | coauthnet aggregate --progress -o agg.parquet -
//	go run ./internal/sample/gen -institutions 1000 -n 3000000 | coauthnet aggregate --level institution -o agg.parquet -
//
// Without -institutions it runs the sample generator (internal/sample.New,
// seed 7 by default); with it, the institution-scale generator
// (sample.NewInstitutions).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/internal/sample"
	"github.com/coauthnet/coauthnet/io/jsonl"
)

func main() {
	n := flag.Int("n", 1_000_000, "number of papers (approximate for the sample generator)")
	seed := flag.Uint64("seed", 7, "seed")
	insts := flag.Int("institutions", 0, "use the institution-scale generator with this many institutions")
	flag.Parse()
	bw := bufio.NewWriterSize(os.Stdout, 1<<20)
	w := jsonl.NewWriter(bw)
	var next func() (coauthnet.Paper, bool)
	if *insts > 0 {
		next = sample.NewInstitutions(sample.InstitutionsConfig{Papers: *n, Institutions: *insts, Seed: *seed}).Next
	} else {
		next = sample.New(sample.Config{Papers: *n, Seed: *seed}).Next
	}
	for {
		p, ok := next()
		if !ok {
			break
		}
		if err := w.Write(&p); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
	if err := w.Flush(); err != nil || bw.Flush() != nil {
		fmt.Fprintln(os.Stderr, "gen: write error")
		os.Exit(1)
	}
}
