package main

import (
	"bufio"
	"fmt"
	"hash/fnv"
	"os"
	"strconv"
	"strings"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/io/jsonl"
)

// runSplit writes the papers of its inputs into N canonical JSON Lines
// shards, each paper into shard FNV-1a-64(id) mod N (ids as the readers
// give them, e.g. OpenAlex "W…", WoS UT), so that the shards are
// disjoint and can be counted apart (coauthnet aggregate) and merged.
// Papers whose DOI was already read from another input are written once,
// as a single pass over the inputs would count them once: the shards
// hold no duplicates across them.
func runSplit(args []string, e *env) error {
	var f inputFlags
	fs := newFlagSet("split", "coauthnet split --by id -n N -o 'part-{i}.jsonl' FILE...", e.stderr)
	f.register(fs)
	by := fs.String("by", "id", "what decides a paper's shard: id (a hash of the paper id)")
	n := fs.Int("n", 0, "number of `shards`")
	out := fs.String("o", "", "output file `pattern` with {i}, the shard number 1..N")
	files, err := f.parseCommand(fs, args)
	if err != nil {
		return err
	}
	if *by != "id" {
		return usagef("--by %q: want id", *by)
	}
	if *n < 1 || *n > 10000 {
		return usagef("-n %d: want a number of shards from 1 to 10000", *n)
	}
	if !strings.Contains(*out, "{i}") {
		return usagef("-o %q: give a pattern with {i}, e.g. -o 'part-{i}.jsonl'", *out)
	}
	type shard struct {
		fh *os.File
		bw *bufio.Writer
		w  *jsonl.Writer
		n  int
	}
	shards := make([]shard, *n)
	for i := range shards {
		name := strings.ReplaceAll(*out, "{i}", strconv.Itoa(i+1))
		fh, err := os.Create(name)
		if err != nil {
			for _, s := range shards[:i] {
				s.fh.Close()
			}
			return err
		}
		bw := bufio.NewWriterSize(fh, 1<<16)
		shards[i] = shard{fh: fh, bw: bw, w: jsonl.NewWriter(bw)}
	}
	rep := newReport(&f, e)
	rep.applyPolicy = false // write the records as read
	rep.minimal = false
	var werr error
	rep.sink = func(p *coauthnet.Paper) {
		h := fnv.New64a()
		h.Write([]byte(p.ID))
		s := &shards[h.Sum64()%uint64(*n)]
		if err := s.w.Write(p); err != nil && werr == nil {
			werr = err
		}
		s.n++
	}
	err = rep.readAll(&f, files, e)
	for i := range shards {
		s := &shards[i]
		if ferr := s.w.Flush(); ferr != nil && werr == nil {
			werr = ferr
		}
		if ferr := s.bw.Flush(); ferr != nil && werr == nil {
			werr = ferr
		}
		if cerr := s.fh.Close(); cerr != nil && werr == nil {
			werr = cerr
		}
	}
	if err != nil {
		return err
	}
	if werr != nil {
		return fmt.Errorf("writing shards: %w", werr)
	}
	var counts []string
	for _, s := range shards {
		counts = append(counts, strconv.Itoa(s.n))
	}
	fmt.Fprintf(e.stderr, "coauthnet: read %s, %d skipped, %s with a DOI already read (written once); shards of %s papers → %s\n",
		plural(rep.read, "record"), rep.skipped, plural(rep.duplicates, "paper"), strings.Join(counts, ", "), *out)
	return nil
}
