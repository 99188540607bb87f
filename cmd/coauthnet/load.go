package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"maps"
	"os"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/internal/input"
	"github.com/coauthnet/coauthnet/internal/sample"
	"github.com/coauthnet/coauthnet/io/jsonl"
)

// chunkSize is the size of the runs of lines decoded in parallel. Chunk
// boundaries do not change results: papers are counted in input order.
const chunkSize = 1 << 20

// hyperAuthors is the author count above which a paper is reported as
// hyper-authored in the summary.
const hyperAuthors = 100

// An inputInfo describes one input for the summary and provenance.
type inputInfo struct {
	name, sha256, format string
	compression          input.Compression
	read, skipped        int
}

// A report is everything the run read, used and skipped.
type report struct {
	inputs       []inputInfo
	read         int
	skipped      int
	reasons      map[string]int
	skippedList  []string
	policy       map[string]int // "TW→CN"
	notISO       map[string]int // country codes outside ISO 3166-1
	hyper        int
	stats        graph.Stats
	isoCache     map[string]bool
	countryPol   coauthnet.CountryPolicy
	elapsed      time.Duration
	bytes        int64
	counter      *graph.Counter
	verbose      bool
	progress     bool
	stderr       io.Writer
	lastProgress time.Time
}

func newReport(f *inputFlags, e *env) *report {
	return &report{
		reasons:    map[string]int{},
		policy:     map[string]int{},
		notISO:     map[string]int{},
		isoCache:   map[string]bool{},
		countryPol: f.pol,
		counter:    graph.NewCounter(f.opts),
		verbose:    f.verbose,
		progress:   f.progress || e.isTerminal,
		stderr:     e.stderr,
	}
}

// load reads the inputs named by files (or the sample) and counts them.
func load(f *inputFlags, files []string, e *env) (*graph.Series, *report, error) {
	rep := newReport(f, e)
	start := time.Now()
	if f.sample {
		cfg := sample.Config{}
		rep.inputs = append(rep.inputs, inputInfo{name: "sample", format: "sample (seed 1, 20000 papers, 2005-2024)"})
		g := sample.New(cfg)
		for {
			p, ok := g.Next()
			if !ok {
				break
			}
			rep.inputs[0].read++
			rep.add(&p)
		}
	}
	for _, name := range files {
		if err := rep.readFile(name, e); err != nil {
			return nil, rep, err
		}
	}
	rep.elapsed = time.Since(start)
	rep.stats = rep.counter.Stats()
	s := rep.counter.Series()
	if rep.stats.Used == 0 {
		rep.print(f, e.stderr, s)
		return nil, rep, errors.New("no paper could be counted (see the summary above)")
	}
	return s, rep, nil
}

// add counts one decoded paper.
func (r *report) add(p *coauthnet.Paper) {
	r.read++
	r.countryPol.Apply(p, func(from, to string) { r.policy[from+"→"+to]++ })
	if len(p.Authors) > hyperAuthors {
		r.hyper++
	}
	for i := range p.Authors {
		for _, af := range p.Authors[i].Affiliations {
			if af.Country == "" {
				continue
			}
			ok, seen := r.isoCache[af.Country]
			if !seen {
				_, ok = coauthnet.LookupCountry(af.Country)
				ok = ok || af.Country == coauthnet.Unknown
				r.isoCache[af.Country] = ok
			}
			if !ok {
				r.notISO[af.Country]++
			}
		}
	}
	r.counter.Add(p)
}

func (r *report) skip(err error) {
	r.read++
	r.skipped++
	r.reasons[reason(err)]++
	if r.verbose {
		r.skippedList = append(r.skippedList, err.Error())
	}
}

// reason classifies a skipped record for the summary.
func reason(err error) string {
	switch {
	case errors.Is(err, jsonl.ErrSyntax):
		return "bad JSON"
	case errors.Is(err, jsonl.ErrType):
		return "field of the wrong type"
	case errors.Is(err, jsonl.ErrLineTooLong):
		return "line too long"
	case errors.Is(err, coauthnet.ErrNoYear):
		return "no year"
	case errors.Is(err, coauthnet.ErrNoID):
		return "no id"
	case errors.Is(err, coauthnet.ErrBadCountry):
		return "country not a 2-letter code"
	}
	if strings.Contains(err.Error(), "out of range") {
		return "year out of range"
	}
	return "other"
}

// countingReader counts and hashes the raw bytes read.
type countingReader struct {
	r io.Reader
	h hash.Hash
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.h.Write(p[:n])
	c.n.Add(int64(n))
	return n, err
}

// readFile reads one JSON Lines input, decoding chunks on every core and
// counting the papers in input order.
func (r *report) readFile(name string, e *env) error {
	var src io.Reader
	if name == "-" {
		src = e.stdin
	} else {
		fh, err := os.Open(name)
		if err != nil {
			return err
		}
		defer fh.Close()
		if fi, err := fh.Stat(); err == nil && fi.IsDir() {
			return fmt.Errorf("%s is a directory", name)
		}
		src = fh
	}
	cr := &countingReader{r: bufio.NewReaderSize(src, 1<<20), h: sha256.New()}
	info := inputInfo{name: name, format: "jsonl"}
	if name == "-" {
		info.name = "stdin"
	}
	jr := jsonl.NewReader(cr)
	jr.Name = info.name

	type job struct {
		seq   int
		chunk jsonl.Chunk
	}
	type result struct {
		seq    int
		papers []coauthnet.Paper
		errs   []error
	}
	workers := runtime.GOMAXPROCS(0)
	jobs := make(chan job, workers)
	results := make(chan result, workers)
	done := make(chan struct{})
	var readErr error
	go func() { // producer
		defer close(jobs)
		for seq := 0; ; seq++ {
			c, err := jr.ReadChunk(chunkSize)
			if err == io.EOF {
				return
			}
			if err != nil {
				readErr = err
				return
			}
			select {
			case jobs <- job{seq, c}:
			case <-done:
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				ps, errs := j.chunk.Decode(nil)
				select {
				case results <- result{j.seq, ps, errs}:
				case <-done:
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	pending := map[int]result{}
	next := 0
	for res := range results {
		pending[res.seq] = res
		for {
			res, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			// Errors and papers of a chunk are each in line order; merge
			// them so -v lists skips in order too.
			for _, err := range res.errs {
				r.skip(err)
				info.skipped++
			}
			for i := range res.papers {
				r.add(&res.papers[i])
				info.read++
			}
			r.tick(cr.n.Load())
		}
	}
	close(done)
	// readErr is written by the producer before it closes jobs, which
	// happens before results is closed: reading it here is race-free.
	if readErr != nil {
		return readErr
	}
	info.compression = jr.Compression
	info.sha256 = hex.EncodeToString(cr.h.Sum(nil))
	info.read += info.skipped
	r.bytes += cr.n.Load()
	r.inputs = append(r.inputs, info)
	return nil
}

// tick prints a progress line at most once a second.
func (r *report) tick(bytes int64) {
	if !r.progress {
		return
	}
	now := time.Now()
	if r.lastProgress.IsZero() {
		r.lastProgress = now
		return
	}
	if now.Sub(r.lastProgress) >= time.Second {
		r.lastProgress = now
		fmt.Fprintf(r.stderr, "coauthnet: %d records, %.0f MB read\n", r.read, float64(r.bytes+bytes)/1e6)
	}
}

// print writes the summary to w.
func (r *report) print(f *inputFlags, w io.Writer, s *graph.Series) {
	st := r.stats
	names := make([]string, len(r.inputs))
	for i, in := range r.inputs {
		names[i] = in.name
	}
	fmt.Fprintf(w, "coauthnet: read %s from %s: %s used, %d skipped", plural(r.read, "record"), strings.Join(names, ", "), plural(st.Used, "paper"), r.skipped)
	if r.skipped > 0 {
		fmt.Fprintf(w, " (%s)", countList(r.reasons))
	}
	fmt.Fprintln(w)
	if st.OutOfYears > 0 {
		fmt.Fprintf(w, "coauthnet: %s outside --years %s (not counted)\n", plural(st.OutOfYears, "paper"), f.years)
	}
	node := "country"
	if f.opts.Level == graph.Institutions {
		node = "institution"
	}
	if st.NoKnownNode > 0 {
		fmt.Fprintf(w, "coauthnet: %s without any author with a known %s (not counted)\n", plural(st.NoKnownNode, "paper"), node)
	}
	if st.AuthorsUnknown > 0 {
		what := "left out of the author counts n_p; --unknown node keeps them as ZZ"
		if f.opts.KeepUnknown {
			what = "counted as node ZZ"
		}
		fmt.Fprintf(w, "coauthnet: %d of %d authors without a known %s (%s)\n", st.AuthorsUnknown, st.Authors, node, what)
	}
	if r.hyper > 0 {
		fmt.Fprintf(w, "coauthnet: %s hyper-authored (more than %d authors), counted\n", plural(r.hyper, "paper"), hyperAuthors)
	}
	if len(r.policy) > 0 {
		fmt.Fprintf(w, "coauthnet: --country-policy %s remapped affiliations: %s\n", r.countryPol, countList(r.policy))
	}
	if len(r.notISO) > 0 {
		fmt.Fprintf(w, "coauthnet: country codes not in ISO 3166-1 (kept as nodes): %s\n", countList(r.notISO))
	}
	if st.Grouped > 0 {
		fmt.Fprintf(w, "coauthnet: %d author-affiliations merged into groups %s\n", st.Grouped, f.groups.String())
	}
	if s != nil && len(s.Years()) > 0 {
		fmt.Fprintf(w, "coauthnet: %s over %s (%s with papers)\n", plural(s.NumNodes(), node+" node"), s.Span(), plural(len(s.Years()), "year"))
	}
	if r.verbose {
		for _, in := range r.inputs {
			fmt.Fprintf(w, "coauthnet: input %s: format %s", in.name, in.format)
			if in.compression != input.None {
				fmt.Fprintf(w, ", %s", in.compression)
			}
			if in.sha256 != "" {
				fmt.Fprintf(w, ", sha256 %s", in.sha256)
			}
			fmt.Fprintf(w, ", %d records, %d skipped\n", in.read, in.skipped)
		}
		for _, msg := range r.skippedList {
			fmt.Fprintf(w, "coauthnet: skipped: %s\n", msg)
		}
	} else if r.skipped > 0 {
		fmt.Fprintf(w, "coauthnet: -v lists the skipped records with file and line\n")
	}
}

// plural returns "1 paper", "2 papers".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// countList formats a count map as "a 3, b 1", largest first, ties by key.
func countList(m map[string]int) string {
	keys := slices.Collect(maps.Keys(m))
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return strings.Join(parts, ", ")
}
