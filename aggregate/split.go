package aggregate

import (
	"context"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/io/jsonl"
	"github.com/coauthnet/coauthnet/load"
)

// ShardKey is the identity by which [Split] places a paper: with byDOI,
// "doi:" and the normalised DOI (load.NormDOI), so that duplicates by DOI
// land in the same shard; otherwise, or without a DOI, the paper's id.
func ShardKey(p *coauthnet.Paper, byDOI bool) string {
	if byDOI && p.DOI != "" {
		return "doi:" + load.NormDOI(p.DOI)
	}
	return p.ID
}

// Shard returns the shard, 0 to n-1, of a key: FNV-1a 64 of the key
// modulo n. It depends on the key alone, so that a paper always lands in
// the same shard whatever else is split with it. n must be at least 1.
func Shard(key string, n int) int {
	h := fnv.New64a()
	h.Write([]byte(key))
	return int(h.Sum64() % uint64(n))
}

// Split reads the inputs with lo (load.Papers; Need and AsRead are set
// to load.All and true: the records are written as read) and writes
// every paper to exactly one of the writers, as canonical JSON Lines
// (jsonl.Writer), in shard Shard(ShardKey(p, byDOI), len(out)). The
// shards can then be counted apart and their aggregates merged
// ([Merge]): with deduplication on in lo, a duplicate is written once,
// and with byDOI the copies that deduplication by DOI would drop land
// together. It returns the loading summary and the papers written to
// each shard. The writers are flushed, not closed.
func Split(ctx context.Context, inputs []string, lo load.Options, byDOI bool, out []io.Writer) (*load.Summary, []int, error) {
	ws := make([]*jsonl.Writer, len(out))
	for i, w := range out {
		ws[i] = jsonl.NewWriter(w)
	}
	counts := make([]int, len(out))
	lo.Need, lo.AsRead = load.All, true
	sum, err := load.Papers(ctx, inputs, lo, func(p *coauthnet.Paper) error {
		i := Shard(ShardKey(p, byDOI), len(out))
		counts[i]++
		return ws[i].Write(p)
	})
	if err != nil {
		return sum, counts, err
	}
	for _, w := range ws {
		if err := w.Flush(); err != nil {
			return sum, counts, err
		}
	}
	return sum, counts, nil
}

// CheckSplit checks the arguments of [SplitFiles]: at least one shard,
// and a pattern with {n}, without which every shard would be written to
// the same file.
func CheckSplit(n int, pattern string) error {
	if n < 1 {
		return fmt.Errorf("aggregate: %d shards: want at least 1", n)
	}
	if !strings.Contains(pattern, "{n}") {
		return fmt.Errorf("aggregate: pattern %s: must contain {n} (the shard number)", pattern)
	}
	return nil
}

// SplitFiles is [Split] into n files named by pattern with "{n}"
// replaced by the shard number, 1 to n (as `coauthnet split -o
// 'part-{n}.jsonl'`). The files are created (truncated when they exist)
// before the inputs are read, and closed; on an error, the files already
// written stay as they are. n and pattern are checked first
// ([CheckSplit]).
func SplitFiles(ctx context.Context, inputs []string, lo load.Options, byDOI bool, pattern string, n int) (*load.Summary, []int, error) {
	if err := CheckSplit(n, pattern); err != nil {
		return nil, nil, err
	}
	fhs := make([]*os.File, n)
	ws := make([]io.Writer, n)
	defer func() {
		for _, fh := range fhs {
			if fh != nil {
				fh.Close()
			}
		}
	}()
	for i := range fhs {
		fh, err := os.Create(strings.ReplaceAll(pattern, "{n}", strconv.Itoa(i+1)))
		if err != nil {
			return nil, nil, err
		}
		fhs[i], ws[i] = fh, fh
	}
	sum, counts, err := Split(ctx, inputs, lo, byDOI, ws)
	if err != nil {
		return sum, counts, err
	}
	for i, fh := range fhs {
		fhs[i] = nil
		if err := fh.Close(); err != nil {
			return sum, counts, err
		}
	}
	return sum, counts, nil
}
