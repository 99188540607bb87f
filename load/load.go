// Package load reads bibliographic inputs into papers: it opens any
// number of files, directories (read recursively, in sorted path order),
// glob patterns and standard input, undoes gzip and zstd compression,
// detects each file's format by content, decodes on every core, drops
// duplicate records, applies the country policy and the field filter, and
// passes the papers, in input order, to a sink such as a graph.Counter.
// What it read, used and left out, and why, is returned as a [Summary]
// that a command only has to print.
//
// The same inputs and options give the same papers in the same order,
// whatever the number of cores: decoding runs in parallel but papers are
// passed on in input order, and the first copy of a duplicate is kept.
package load

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"os"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/internal/input"
	"github.com/coauthnet/coauthnet/internal/sample"
	"github.com/coauthnet/coauthnet/io/jsonl"
	parquetio "github.com/coauthnet/coauthnet/io/parquet"
)

// chunkSize is the size of the runs of JSON lines decoded in parallel.
// Chunk boundaries do not change results: papers are passed on in input
// order.
const chunkSize = 1 << 20

// Need says which parts of each record the sink uses, so that readers
// that can (Parquet) leave the rest unread. Its zero value, [All], is the
// safe one.
type Need int

const (
	// All reads every field of every record (what a converter needs).
	// It is the zero value.
	All Need = iota
	// Institutions reads ids, DOIs, years and the authors' affiliations
	// (institutions and countries): what institution-level counting uses.
	// The coverage alarm checks institutions too.
	Institutions
	// Countries reads ids, DOIs, years and the authors' countries: what
	// country-level counting uses.
	Countries
)

// Options configure [Papers]. The zero value is usable: every format
// detected, ISO territories, duplicates dropped by id then DOI, every
// field read, no field filter, no progress.
type Options struct {
	// Format is the format of every input: "auto" or "" (the default)
	// detects it per file with [Detect]; otherwise one of [Formats].
	Format string
	// Policy decides how territories are counted (coauthnet.PolicyISO,
	// the zero value, keeps TW, HK and MO separate). It is applied to
	// every paper unless AsRead is set.
	Policy coauthnet.CountryPolicy
	// AsRead passes the papers on as the readers returned them, without
	// the country policy (what a converter writes). Default false.
	AsRead bool
	// Dedup are the duplicate rules; the zero value means [DefaultDedup]
	// (source id, then DOI). [NoDedup] keeps every record.
	Dedup Dedup
	// Need is what the sink uses of each record; default [All]. With
	// the title duplicate rule ([DedupTitle] in Dedup) every record is
	// read whole whatever Need says: the rule needs the titles and the
	// first authors' names that Countries and Institutions leave out.
	Need Need
	// Extra, with Need Countries or Institutions, also reads the fields,
	// citation counts and corresponding-author flags. Default false.
	Extra bool
	// FieldMap maps source categories, folded with [FoldField], to
	// fields; nil (the default) keeps the categories as they are. Each
	// paper's fields are mapped, each field kept once.
	FieldMap map[string]string
	// Field, when not empty, passes on only the papers in this field
	// (after FieldMap; compared folded). Default: every paper.
	Field string
	// List, when true, keeps one message per skipped record and per
	// duplicate in the Summary (Skips, DuplicateList). Default false:
	// only the counts.
	List bool
	// Sample reads the embedded demo corpus (20000 papers, 2005-2024,
	// seed 1; see [SampleName]) before the inputs. Default false.
	Sample bool
	// Stdin is read for the input "-"; nil means os.Stdin.
	Stdin io.Reader
	// Progress, when not nil, is called from time to time (every 1024
	// records or every decoded chunk) with the records and the raw bytes
	// read so far; it must return quickly. Default nil.
	Progress func(records int, bytes int64)
}

// SampleName describes the embedded sample in [Input].Format and in
// provenance.
const SampleName = "sample (seed 1, 20000 papers, 2005-2024)"

// A Sink receives the papers in input order. It may keep p only until
// it returns (the paper's memory may be reused); an error stops loading
// and is returned by [Papers].
type Sink func(p *coauthnet.Paper) error

// Papers reads the inputs (file names, directories, glob patterns or "-"
// for Options.Stdin) and passes every paper that is not a duplicate and
// is in Options.Field to sink, in input order. It returns the summary of
// what it read, even with an error: the summary then covers what was read
// before the error.
//
// A record that a reader skips (a *coauthnet.ParseError) is counted in
// the summary with its reason and loading goes on; any other error (an
// unreadable file, an undetectable format, a sink error, ctx cancelled)
// ends loading. In a directory (or among a glob pattern's matches),
// files whose format cannot be detected are skipped, so that a
// snapshot's manifest or a README does not stop the run: documentation
// by its name (README, LICENSE, SOURCES.md, any Markdown; see
// documentation) in Summary.Documentation, which is no warning, others
// in Summary.NotRead, which is. A file whose format is detected is read
// whatever its name. Documentation named as an input is an error that
// says it is not a bibliographic export.
//
// Memory: one 128-bit hash per distinct key of each duplicate rule
// (about 70 bytes per paper and rule, BENCHMARKS.md), plus the chunks
// being decoded.
func Papers(ctx context.Context, inputs []string, opts Options, sink Sink) (*Summary, error) {
	l := &loader{opts: opts, sink: sink, ctx: ctx, s: newSummary()}
	l.s.needInstitutions = opts.Need == Institutions
	l.dedup = newDeduper(opts.Dedup)
	if l.opts.Stdin == nil {
		l.opts.Stdin = os.Stdin
	}
	if opts.Field != "" {
		l.field = FoldField(opts.Field)
	}
	start := time.Now()
	err := l.run(inputs)
	l.s.Elapsed = time.Since(start)
	return l.s, err
}

// loader is the state of one call of Papers.
type loader struct {
	ctx      context.Context
	opts     Options
	sink     Sink
	s        *Summary
	dedup    *deduper
	field    string
	isoCache map[string]bool
	// isoAA answers isoCache for two upper-case letters without a map
	// lookup: 0 not yet known, 1 an ISO code (or ZZ), 2 not one.
	isoAA   [26 * 26]uint8
	in      *Input // the input being read
	inIndex int
}

func (l *loader) run(inputs []string) error {
	if l.opts.Sample {
		l.s.Inputs = append(l.s.Inputs, Input{Name: "sample", Format: SampleName})
		l.in, l.inIndex = &l.s.Inputs[0], 0
		g := sample.New(sample.Config{})
		for n := 0; ; n++ {
			if n%1024 == 0 {
				if err := l.ctx.Err(); err != nil {
					return err
				}
			}
			p, ok := g.Next()
			if !ok {
				break
			}
			if err := l.add(&p); err != nil {
				return err
			}
		}
	}
	files, err := expand(inputs)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := l.ctx.Err(); err != nil {
			return err
		}
		if err := l.readFile(f); err != nil {
			return err
		}
	}
	return nil
}

// add passes one decoded paper on: duplicate check, country policy,
// field map and filter, then the sink.
func (l *loader) add(p *coauthnet.Paper) error {
	s, in := l.s, l.in
	s.Read++
	in.Read++
	in.Papers++
	if hasCountry(p) {
		in.WithCountry++
	}
	if hasInstitution(p) {
		in.WithInstitution++
	}
	if rule, first, dup := l.dedup.seen(p, l.inIndex); dup {
		s.Duplicates[rule]++
		in.Duplicates++
		if l.opts.List {
			s.DuplicateList = append(s.DuplicateList, fmt.Sprintf("%s (id %s): same %s as a record read before from %s (kept)",
				in.Name, p.ID, RuleName(rule), s.Inputs[first].Name))
		}
		return nil
	}
	if !l.opts.AsRead {
		l.opts.Policy.Apply(p, func(from, to string) { s.Remapped[from+"→"+to]++ })
	}
	for i := range p.Authors {
		for _, af := range p.Authors[i].Affiliations {
			if af.Country == "" {
				continue
			}
			c := af.Country
			aa := -1
			if len(c) == 2 && 'A' <= c[0] && c[0] <= 'Z' && 'A' <= c[1] && c[1] <= 'Z' {
				aa = int(c[0]-'A')*26 + int(c[1]-'A')
				if k := l.isoAA[aa]; k != 0 {
					if k == 2 {
						s.NotISO[strings.Clone(c)]++
					}
					continue
				}
			}
			ok, seen := l.isoCache[af.Country]
			if !seen {
				if l.isoCache == nil {
					l.isoCache = map[string]bool{}
				}
				_, ok = coauthnet.LookupCountry(af.Country)
				ok = ok || af.Country == coauthnet.Unknown
				l.isoCache[strings.Clone(af.Country)] = ok
			}
			if aa >= 0 {
				l.isoAA[aa] = 2
				if ok {
					l.isoAA[aa] = 1
				}
			}
			if !ok {
				s.NotISO[strings.Clone(af.Country)]++
			}
		}
	}
	l.fields(p)
	if l.field != "" && !slices.ContainsFunc(p.Fields, func(f string) bool { return FoldField(f) == l.field }) {
		s.NotInField++
		return nil
	}
	s.Passed++
	return l.sink(p)
}

// fields maps p's fields through Options.FieldMap (keeping unmapped ones
// and counting them), each once.
func (l *loader) fields(p *coauthnet.Paper) {
	if l.opts.FieldMap == nil {
		return
	}
	var out []string
	for _, c := range p.Fields {
		f, ok := l.opts.FieldMap[FoldField(c)]
		if !ok {
			l.s.UnmappedFields[strings.Clone(c)]++
			f = c
		}
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	p.Fields = out
}

// skip counts one record a reader skipped.
func (l *loader) skip(err error) {
	l.s.Read++
	l.s.Skipped++
	l.in.Read++
	l.in.Skipped++
	l.s.Reasons[Reason(err)]++
	if l.opts.List {
		l.s.Skips = append(l.s.Skips, err.Error())
	}
}

// FoldField is the form in which fields and categories are compared:
// lower case, runs of white space made one space, trimmed.
func FoldField(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// countingReader counts and hashes the raw bytes read.
type countingReader struct {
	r io.Reader
	h hash.Hash
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	// Hashed in pieces: the hash of a piece is assembly that the Go
	// scheduler cannot preempt, and a garbage collection waits for it
	// (a megabyte is about half a millisecond).
	for q := p[:n]; len(q) > 0; {
		k := min(len(q), hashPiece)
		c.h.Write(q[:k])
		q = q[k:]
	}
	c.n.Add(int64(n))
	return n, err
}

// hashPiece is the most countingReader hashes in one call.
const hashPiece = 64 << 10

// readFile reads one input: its format is Options.Format, or detected
// from its content. JSON Lines and Parquet are decoded on every core.
func (l *loader) readFile(f file) error {
	name := f.name
	var src io.Reader
	if name == "-" {
		src = l.opts.Stdin
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
	info := Input{Name: name}
	if name == "-" {
		info.Name = "stdin"
	}
	br, comp, err := input.Open(cr)
	if err != nil {
		return fmt.Errorf("%s: %w", info.Name, err)
	}
	info.Compression = string(comp)
	info.Format = l.opts.Format
	if info.Format == "auto" || info.Format == "" {
		if info.Format, err = Detect(input.Sniff(br, 1<<16)); err != nil {
			doc := name != "-" && documentation(name)
			switch {
			case f.inDir && doc:
				l.s.Documentation = append(l.s.Documentation, info.Name)
				return nil
			case f.inDir:
				l.s.NotRead = append(l.s.NotRead, fmt.Sprintf("%s: %v", info.Name, err))
				return nil
			case doc:
				return fmt.Errorf("%s: not a bibliographic export but documentation (a README, licence or Markdown file, by its name); give the exports, or their directory, where such files are left out", info.Name)
			}
			return fmt.Errorf("%s: %w", info.Name, err)
		}
	}
	l.s.Inputs = append(l.s.Inputs, info)
	l.inIndex = len(l.s.Inputs) - 1
	l.in = &l.s.Inputs[l.inIndex]
	switch {
	case info.Format == "jsonl":
		err = l.readJSONL(info.Name, br, cr)
	case info.Format == "parquet":
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
			if _, err := io.Copy(cr.h, io.NewSectionReader(fh, 0, size)); err != nil {
				return fmt.Errorf("%s: %w", info.Name, err)
			}
			cr.n.Add(size)
			err = l.readParquet(info.Name, fh, size)
		} else {
			var data []byte
			if data, err = io.ReadAll(br); err == nil {
				err = l.readParquet(info.Name, bytes.NewReader(data), int64(len(data)))
			}
		}
	default:
		err = l.readSequential(info.Name, br, cr)
	}
	if err != nil {
		return err
	}
	l.in.SHA256 = hex.EncodeToString(cr.h.Sum(nil))
	l.in.Origin = origin(info.Name, l.in.SHA256)
	l.in.Bytes = cr.n.Load()
	l.s.Bytes += l.in.Bytes
	return nil
}

// readSequential reads a format other than JSON Lines and Parquet, one
// record at a time.
func (l *loader) readSequential(name string, br io.Reader, cr *countingReader) error {
	pr, unmapped, err := newReader(l.in.Format, name, br)
	if err != nil {
		return err
	}
	for n := 1; ; n++ {
		p, err := pr.Read()
		if err == io.EOF {
			break
		}
		if skipped(err) {
			l.skip(err)
			continue
		}
		if err != nil {
			return err
		}
		if err := l.add(&p); err != nil {
			return err
		}
		if n%1024 == 0 {
			if err := l.ctx.Err(); err != nil {
				return err
			}
			l.progress(cr.n.Load())
		}
	}
	um, fallback := unmapped()
	for k, n := range um {
		l.s.Unmapped[k] += n
	}
	l.in.AddressFallback += fallback
	return nil
}

func (l *loader) progress(n int64) {
	if l.opts.Progress != nil {
		l.opts.Progress(l.s.Read, l.s.Bytes+n)
	}
}

// readJSONL reads JSON Lines, decoding chunks on every core and passing
// the papers on in input order.
func (l *loader) readJSONL(name string, br io.Reader, cr *countingReader) error {
	jr := jsonl.NewReader(br)
	jr.Name = name
	next := func() (jsonl.Chunk, bool, error) {
		c, err := jr.ReadChunk(chunkSize)
		if err == io.EOF {
			return c, false, nil
		}
		return c, err == nil, err
	}
	decode := func(c jsonl.Chunk) ([]coauthnet.Paper, []error) {
		// Leave out what the sink does not use (names, ids; institution
		// strings when only countries are counted).
		c.Minimal = l.minimal()
		c.Countries = c.Minimal && l.opts.Need == Countries
		ps, errs := c.Decode(nil)
		c.Release() // the papers do not share its memory
		return ps, errs
	}
	return inOrder(l.ctx, next, decode, func(ps []coauthnet.Paper, errs []error) error {
		if err := l.use(ps, errs); err != nil {
			return err
		}
		l.progress(cr.n.Load())
		return nil
	})
}

// readParquet reads a Parquet file, decoding row groups on every core.
func (l *loader) readParquet(name string, ra io.ReaderAt, size int64) error {
	pr, err := parquetio.NewReader(ra, size)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	defer pr.Close()
	pr.Name = name
	pr.Minimal = l.minimal()
	pr.Extra = l.opts.Extra
	pr.Countries = pr.Minimal && l.opts.Need == Countries
	i := 0
	next := func() (int, bool, error) {
		i++
		return i - 1, i <= pr.NumRowGroups(), nil
	}
	return inOrder(l.ctx, next, pr.ReadRowGroup, func(ps []coauthnet.Paper, errs []error) error {
		for _, err := range errs {
			if !skipped(err) {
				return err
			}
		}
		return l.use(ps, errs)
	})
}

// minimal reports whether the JSON Lines and Parquet readers may leave
// out what Options.Need does not use: not when the title duplicate rule
// needs each paper's title and first author's name.
func (l *loader) minimal() bool {
	return l.opts.Need != All && l.dedup.rules&DedupTitle == 0
}

// use passes one decoded batch on: its skipped records, then its papers.
func (l *loader) use(ps []coauthnet.Paper, errs []error) error {
	for _, err := range errs {
		l.skip(err)
	}
	for i := range ps {
		if err := l.add(&ps[i]); err != nil {
			return err
		}
	}
	return l.ctx.Err()
}

func hasCountry(p *coauthnet.Paper) bool {
	for i := range p.Authors {
		for _, af := range p.Authors[i].Affiliations {
			if af.Country != "" && af.Country != coauthnet.Unknown {
				return true
			}
		}
	}
	return false
}

func hasInstitution(p *coauthnet.Paper) bool {
	for i := range p.Authors {
		for _, af := range p.Authors[i].Affiliations {
			if af.Institution != "" || af.InstitutionID != "" {
				return true
			}
		}
	}
	return false
}
