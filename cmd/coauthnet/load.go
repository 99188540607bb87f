package main

import (
	"bufio"
	"bytes"
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
	"github.com/coauthnet/coauthnet/io/openalex"
	parquetio "github.com/coauthnet/coauthnet/io/parquet"
	"github.com/coauthnet/coauthnet/io/scopus"
	"github.com/coauthnet/coauthnet/io/wos"
)

// chunkSize is the size of the runs of lines decoded in parallel. Chunk
// boundaries do not change results: papers are counted in input order.
const chunkSize = 1 << 20

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
	stats        graph.Stats
	isoCache     map[string]bool
	countryPol   coauthnet.CountryPolicy
	elapsed      time.Duration
	bytes        int64
	counter      *graph.Counter
	sink         func(*coauthnet.Paper) // where papers go; counter.Add by default
	applyPolicy  bool
	minimal      bool // readers may leave out what counting does not use
	extra        bool // with minimal: counting needs fields, citations, corresponding flags
	level        graph.Level
	from         string
	dedup        map[string]bool // normalised DOIs seen, when reading several inputs
	duplicates   int
	unmapped     map[string]int // country texts that mapped to no ISO code
	verbose      bool
	progress     bool
	stderr       io.Writer
	lastProgress time.Time

	// Fields (issue: --field, --by-field, --field-map).
	fieldMap      map[string]string
	field         string // folded, "" for none
	notInField    int
	unmappedField map[string]int            // categories not in --field-map
	byField       map[string]*graph.Counter // with --by-field
	opts          graph.Options
}

// noField is the part of --by-field for papers without a field.
const noField = "(no field)"

// A part is the series of one field with --by-field.
type part struct {
	field string
	s     *graph.Series
}

func newReport(f *inputFlags, e *env) *report {
	r := &report{
		reasons:     map[string]int{},
		policy:      map[string]int{},
		notISO:      map[string]int{},
		isoCache:    map[string]bool{},
		unmapped:    map[string]int{},
		countryPol:  f.pol,
		counter:     graph.NewCounter(f.opts),
		applyPolicy: true,
		minimal:     true,
		extra:       f.needsAll(),
		fieldMap:    f.fieldMap,
		field:       foldField(f.field),
		opts:        f.opts,
		level:       f.opts.Level,
		from:        f.from,
		verbose:     f.verbose,
		progress:    f.progress || e.isTerminal,
		stderr:      e.stderr,
	}
	r.sink = r.counter.Add
	r.unmappedField = map[string]int{}
	if f.byField {
		r.byField = map[string]*graph.Counter{}
	}
	return r
}

// parts returns the series of each field with --by-field, by field name.
func (r *report) parts() []part {
	var ps []part
	for _, k := range slices.Sorted(maps.Keys(r.byField)) {
		ps = append(ps, part{k, r.byField[k].Series()})
	}
	return ps
}

// fields maps p's fields through --field-map (keeping unmapped ones and
// counting them), each once.
func (r *report) fields(p *coauthnet.Paper) {
	if r.fieldMap == nil {
		return
	}
	var out []string
	for _, c := range p.Fields {
		f, ok := r.fieldMap[foldField(c)]
		if !ok {
			r.unmappedField[c]++
			f = c
		}
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	p.Fields = out
}

// load reads the inputs named by files (or the sample) and counts them.
func load(f *inputFlags, files []string, e *env) (*graph.Series, *report, error) {
	if s, rep, ok, err := loadAggregate(f, files, e); ok { // aggregate.go
		return s, rep, err
	}
	rep := newReport(f, e)
	if err := rep.readAll(f, files, e); err != nil {
		return nil, rep, err
	}
	s := rep.counter.Series()
	rep.stats = s.Stats() // the counter's, with what Series adds (ZeroBaseline)
	if rep.stats.Used == 0 {
		rep.print(f, e.stderr, s)
		return nil, rep, errors.New("no paper could be counted (see the summary above)")
	}
	return s, rep, nil
}

// readAll reads every input (or the sample) into r.sink.
func (rep *report) readAll(f *inputFlags, files []string, e *env) error {
	start := time.Now()
	if len(files) > 1 {
		rep.dedup = map[string]bool{}
	}
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
			return err
		}
	}
	rep.elapsed = time.Since(start)
	return nil
}

// add passes one decoded paper to the sink.
func (r *report) add(p *coauthnet.Paper) {
	r.read++
	if r.dedup != nil && p.DOI != "" {
		d := normDOI(p.DOI)
		if r.dedup[d] {
			r.duplicates++
			if r.verbose {
				r.skippedList = append(r.skippedList, fmt.Sprintf("%s: duplicate DOI %s, counted once", p.ID, p.DOI))
			}
			return
		}
		r.dedup[d] = true
	}
	if r.applyPolicy {
		r.countryPol.Apply(p, func(from, to string) { r.policy[from+"→"+to]++ })
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
	r.fields(p)
	if r.field != "" && !slices.ContainsFunc(p.Fields, func(f string) bool { return foldField(f) == r.field }) {
		r.notInField++
		return
	}
	r.sink(p)
	if r.byField != nil {
		fs := p.Fields
		if len(fs) == 0 {
			fs = []string{noField}
		}
		for i, f := range fs {
			if slices.Contains(fs[:i], f) {
				continue
			}
			c := r.byField[f]
			if c == nil {
				c = graph.NewCounter(r.opts)
				r.byField[strings.Clone(f)] = c
			}
			c.Add(p)
		}
	}
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
	case errors.Is(err, wos.ErrGarbage):
		return "line neither a tag nor a continuation"
	case errors.Is(err, wos.ErrTruncated):
		return "record not closed by ER"
	case errors.Is(err, wos.ErrNoUT), errors.Is(err, scopus.ErrNoEID), errors.Is(err, openalex.ErrNoID):
		return "no id"
	case errors.Is(err, wos.ErrBadYear), errors.Is(err, scopus.ErrBadYear):
		return "year not a year"
	case errors.Is(err, wos.ErrNoYear), errors.Is(err, openalex.ErrNoYear):
		return "no year"
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

// readFile reads one input: its format is --from, or detected from its
// content. JSON Lines is decoded on every core; papers are counted in
// input order whatever the format.
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
	info := inputInfo{name: name}
	if name == "-" {
		info.name = "stdin"
	}
	br, comp, err := input.Open(cr)
	if err != nil {
		return fmt.Errorf("%s: %w", info.name, err)
	}
	info.compression = comp
	info.format = r.from
	if info.format == "auto" {
		if info.format, err = detect(input.Sniff(br, 1<<16)); err != nil {
			return fmt.Errorf("%s: %w", info.name, err)
		}
	}
	switch {
	case info.format == "jsonl":
		err = r.readJSONL(info.name, br, cr, &info)
	case info.format == "parquet":
		// Parquet needs random access: a regular file is read in place
		// (and hashed separately); anything else is read into memory.
		if fh, ok := src.(*os.File); ok && comp == input.None && name != "-" {
			var size int64
			if fi, err := fh.Stat(); err == nil {
				size = fi.Size()
			}
			// The format sniff already hashed part of the file: start over.
			cr.h.Reset()
			cr.n.Store(0)
			hashFile := io.NewSectionReader(fh, 0, size)
			if _, err := io.Copy(cr.h, hashFile); err != nil {
				return fmt.Errorf("%s: %w", info.name, err)
			}
			cr.n.Add(size)
			err = r.readParquet(info.name, fh, size, &info)
		} else {
			var data []byte
			if data, err = io.ReadAll(br); err == nil {
				err = r.readParquet(info.name, bytes.NewReader(data), int64(len(data)), &info)
			}
		}
	default:
		err = r.readSequential(info.name, br, cr, &info)
	}
	if err != nil {
		return err
	}
	info.sha256 = hex.EncodeToString(cr.h.Sum(nil))
	r.bytes += cr.n.Load()
	r.inputs = append(r.inputs, info)
	return nil
}

// readSequential reads a format other than JSON Lines, one record at a
// time.
func (r *report) readSequential(name string, br io.Reader, cr *countingReader, info *inputInfo) error {
	pr, unmapped, err := newReader(info.format, name, br)
	if err != nil {
		return err
	}
	for {
		p, err := pr.Read()
		if err == io.EOF {
			break
		}
		if skipped(err) {
			r.skip(err)
			info.skipped++
			info.read++
			continue
		}
		if err != nil {
			return err
		}
		info.read++
		r.add(&p)
		if info.read%1024 == 0 {
			r.tick(cr.n.Load())
		}
	}
	for k, n := range unmapped() {
		r.unmapped[k] += n
	}
	return nil
}

// readJSONL reads JSON Lines, decoding chunks on every core and passing
// the papers on in input order.
func (r *report) readJSONL(name string, br io.Reader, cr *countingReader, info *inputInfo) error {
	jr := jsonl.NewReader(br)
	jr.Name = name
	next := func() (jsonl.Chunk, bool, error) {
		c, err := jr.ReadChunk(chunkSize)
		if err == io.EOF {
			return c, false, nil
		}
		return c, err == nil, err
	}
	decode := func(c jsonl.Chunk) ([]coauthnet.Paper, []error) { return c.Decode(nil) }
	return inOrder(next, decode, func(ps []coauthnet.Paper, errs []error) error {
		r.use(ps, errs, info)
		r.tick(cr.n.Load())
		return nil
	})
}

// readParquet reads a Parquet file, decoding row groups on every core.
// build reads only the columns counting uses (parquet.Reader.Minimal).
func (r *report) readParquet(name string, ra io.ReaderAt, size int64, info *inputInfo) error {
	pr, err := parquetio.NewReader(ra, size)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	defer pr.Close()
	pr.Name = name
	pr.Minimal = r.minimal
	pr.Extra = r.extra
	pr.Countries = r.minimal && r.level == graph.Countries
	i := 0
	next := func() (int, bool, error) {
		i++
		return i - 1, i <= pr.NumRowGroups(), nil
	}
	return inOrder(next, pr.ReadRowGroup, func(ps []coauthnet.Paper, errs []error) error {
		for _, err := range errs {
			if !skipped(err) {
				return err
			}
		}
		r.use(ps, errs, info)
		return nil
	})
}

// use passes one decoded batch on: its skipped records, then its papers.
func (r *report) use(ps []coauthnet.Paper, errs []error, info *inputInfo) {
	for _, err := range errs {
		r.skip(err)
		info.skipped++
		info.read++
	}
	for i := range ps {
		r.add(&ps[i])
		info.read++
	}
}

// inOrder runs decode on the jobs that next yields, on every core, and
// calls use with the results in the order of the jobs, so that what is
// counted does not depend on scheduling. It stops at the first error of
// next or use. No goroutine outlives it.
func inOrder[J any](next func() (J, bool, error), decode func(J) ([]coauthnet.Paper, []error), use func([]coauthnet.Paper, []error) error) error {
	type job struct {
		seq int
		j   J
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
	var nextErr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // producer
		defer wg.Done()
		defer close(jobs)
		for seq := 0; ; seq++ {
			j, ok, err := next()
			if err != nil {
				nextErr = err
			}
			if !ok || err != nil {
				return
			}
			select {
			case jobs <- job{seq, j}:
			case <-done:
				return
			}
		}
	}()
	var workersWG sync.WaitGroup
	for w := 0; w < workers; w++ {
		workersWG.Add(1)
		go func() {
			defer workersWG.Done()
			for j := range jobs {
				ps, errs := decode(j.j)
				select {
				case results <- result{j.seq, ps, errs}:
				case <-done:
					return
				}
			}
		}()
	}
	go func() { workersWG.Wait(); close(results) }()

	pending := map[int]result{}
	seq := 0
	var useErr error
	for res := range results {
		if useErr != nil {
			continue // drain
		}
		pending[res.seq] = res
		for {
			res, ok := pending[seq]
			if !ok {
				break
			}
			delete(pending, seq)
			seq++
			if err := use(res.papers, res.errs); err != nil {
				useErr = err
				close(done)
				break
			}
		}
	}
	if useErr == nil {
		close(done)
	}
	wg.Wait()
	// nextErr is written by the producer before wg.Done.
	if nextErr != nil {
		return nextErr
	}
	return useErr
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
	if r.notInField > 0 {
		fmt.Fprintf(w, "coauthnet: %s not in --field %s (not counted)\n", plural(r.notInField, "paper"), f.field)
	}
	if len(r.unmappedField) > 0 {
		fmt.Fprintf(w, "coauthnet: %d source categories not in --field-map, kept as they are: %s\n", len(r.unmappedField), countList(r.unmappedField))
	}
	if r.byField != nil {
		fmt.Fprintf(w, "coauthnet: --by-field: %s (a paper in several fields counts in each)\n", plural(len(r.byField), "field"))
	}
	thr := f.opts.MaxAuthors
	if thr == 0 {
		thr = graph.HyperAuthors
	}
	switch {
	case f.opts.HyperOnly:
		fmt.Fprintf(w, "coauthnet: --hyper only: %s with more than %d authors analysed, %s with fewer left out\n", plural(st.Hyper, "paper"), thr, plural(st.ByAuthorCount, "paper"))
	case f.opts.MaxAuthors > 0:
		fmt.Fprintf(w, "coauthnet: %s hyper-authored (more than %d authors), left out by --max-authors\n", plural(st.Hyper, "paper"), thr)
	default:
		fmt.Fprintf(w, "coauthnet: %s hyper-authored (more than %d authors), counted (--max-authors N leaves them out)\n", plural(st.Hyper, "paper"), thr)
	}
	if st.NoLeader > 0 {
		fmt.Fprintf(w, "coauthnet: %s without a %s author with a known %s (leading nowhere)\n", plural(st.NoLeader, "paper"), f.leadName(), node)
	}
	if f.impact {
		fmt.Fprintf(w, "coauthnet: --impact: %d of %s with a citation count (the others are left out of impact, not taken as 0)", st.Cited, plural(st.Used, "paper"))
		if st.ZeroBaseline > 0 {
			fmt.Fprintf(w, "; %d paper-fields in field-years nobody cited (ratio 1)", st.ZeroBaseline)
		}
		fmt.Fprintln(w)
	}
	if len(r.policy) > 0 {
		fmt.Fprintf(w, "coauthnet: --country-policy %s remapped affiliations: %s\n", r.countryPol, countList(r.policy))
	}
	if r.duplicates > 0 {
		fmt.Fprintf(w, "coauthnet: %s with a DOI already read from another record (counted once)\n", plural(r.duplicates, "paper"))
	}
	if len(r.unmapped) > 0 {
		n := 0
		for _, c := range r.unmapped {
			n += c
		}
		fmt.Fprintf(w, "coauthnet: %s whose country text maps to no ISO code (%d distinct texts; -v lists them)\n", plural(n, "affiliation"), len(r.unmapped))
		if r.verbose {
			fmt.Fprintf(w, "coauthnet: unmapped country texts: %s\n", countList(r.unmapped))
		}
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
