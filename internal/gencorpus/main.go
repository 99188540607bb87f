// Command gencorpus writes a generated corpus (internal/sample) of any
// size as canonical JSON Lines to standard output, one paper at a time:
// memory does not grow with the corpus. It feeds the bounded-memory
// measurements of BENCHMARKS.md:
//
//	go run ./internal/gencorpus -n 10000000 | coauthnet aggregate --progress -o all.parquet -
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"

	"github.com/coauthnet/coauthnet/internal/sample"
	"github.com/coauthnet/coauthnet/io/jsonl"
)

func main() {
	n := flag.Int("n", 1_000_000, "number of papers (approximate, as sample.Config.Papers)")
	seed := flag.Uint64("seed", 7, "generator seed")
	flag.Parse()
	out := bufio.NewWriterSize(os.Stdout, 1<<20)
	w := jsonl.NewWriter(out)
	g := sample.New(sample.Config{Seed: *seed, Papers: *n})
	for {
		p, ok := g.Next()
		if !ok {
			break
		}
		if err := w.Write(&p); err != nil {
			fmt.Fprintln(os.Stderr, "gencorpus:", err)
			os.Exit(1)
		}
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}
