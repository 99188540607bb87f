// Package openalex reads OpenAlex works (https://docs.openalex.org) into
// coauthnet papers: JSON Lines with one work per line, as snapshots and
// most clients write them, or an API response page
// ({"meta":…,"results":[…]}, on one line or pretty-printed), optionally
// gzip or zstd compressed.
//
// Mapping, per work:
//
//   - ID: the short work id ("W2963…" from "https://openalex.org/W2963…").
//     DOI: without "https://doi.org/". Title: title, else (null or
//     empty) display_name. Year: publication_year.
//     Citations: cited_by_count. Fields: primary_topic.field.display_name.
//   - Authors: authorships in order; name author.display_name, id the
//     short author id, ORCID without its URL, is_corresponding.
//   - Affiliations: each of an authorship's institutions, keyed by its
//     ROR ("https://ror.org/…") when it has one, else by its OpenAlex id
//     ("I…"), with its display_name and country_code. An authorship with
//     no institutions but with countries gets one affiliation per
//     country; one with neither gets its raw_affiliation_strings through
//     the shared address parser (country from the last field).
//
// Only the fields above are decoded; the rest of a work (abstract index,
// topics, concepts, referenced works, locations, …) is checked as JSON
// and skipped without being materialised (io/internal/jsonscan). Keys
// match exactly, not case-insensitively as in encoding/json. JSON Lines
// are decoded on every core, papers returned in line order (see
// [Reader.Read]).
//
// A line that is not a valid work (bad JSON, no id, no
// publication_year) makes Read return a *ParseError with the file and
// line (for a page: the position of the work in results); the next Read
// goes on. When that line is the last, has no line end and is not valid
// JSON, the error wraps [ErrCutShort]: the file looks cut short. Input that is not JSON, or is binary or UTF-16, makes Read
// return another error, which ends the stream.
package openalex

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/internal/input"
	"github.com/coauthnet/coauthnet/io/internal/jsonscan"
)

// Errors wrapped by *ParseError or returned by Read.
var (
	ErrNotOpenAlex = errors.New("not OpenAlex works JSON")
	ErrNoID        = errors.New("work without id")
	ErrNoYear      = errors.New("work without publication_year")
	// ErrSyntax is wrapped by the *ParseError of a line that is not
	// valid JSON.
	ErrSyntax = jsonscan.ErrSyntax
	// ErrCutShort is wrapped, with ErrSyntax, by the *ParseError of a
	// last line without a line end that is not valid JSON: the file
	// looks cut short ([input.ErrCutShort]).
	ErrCutShort = input.ErrCutShort
)

// ParseError is [coauthnet.ParseError], the error of a skipped record
// shared by every reader; its Format is "openalex".
type ParseError = coauthnet.ParseError

// Format is the shape of the input.
type Format string

const (
	Lines Format = "openalex jsonl"
	Page  Format = "openalex api page"
)

// A Reader reads papers from OpenAlex works. It is not safe for
// concurrent use.
type Reader struct {
	Name string
	// Unmapped counts raw affiliation country texts that mapped to no
	// ISO code.
	Unmapped    map[string]int
	Format      Format
	Compression string // "", "gzip" or "zstd"

	src     io.Reader
	br      *bufio.Reader
	started bool
	err     error
	line    int
	page    []json.RawMessage // works of a page, not yet returned
	pageAt  int
	dec     *decoder // for pages

	// JSON Lines, read ahead and decoded in parallel (see Read).
	queue    []item
	qi       int
	runs     []*run        // in flight, oldest first
	lastRead chan struct{} // closed when the newest run has been read
	done     bool
	readErr  error
	// Used only by the goroutines of the runs, one at a time (each
	// reads after the previous run has been read).
	carry []byte // read, after the last line end of the previous run
	ended bool   // a run met the end of the stream or a read error
}

// NewReader returns a Reader of r.
func NewReader(r io.Reader) *Reader { return &Reader{src: r, Unmapped: map[string]int{}} }

func (r *Reader) fail(err error) error {
	r.err = input.Fatal("openalex", r.Name, err)
	return r.err
}

func (r *Reader) start() error {
	if r.started {
		return r.err
	}
	r.started = true
	br, comp, err := input.Open(r.src)
	r.Compression = string(comp)
	if err != nil {
		return r.fail(err)
	}
	if err := input.CheckUTF8(input.Sniff(br, 4096)); err != nil {
		return r.fail(err)
	}
	input.SkipBOM(br)
	r.br = br
	head := bytes.TrimLeft(input.Sniff(br, 1<<16), " \t\r\n")
	if len(head) == 0 {
		r.Format = Lines
		return nil
	}
	if head[0] != '{' && head[0] != '[' {
		return r.fail(fmt.Errorf("%w: starts with %q", ErrNotOpenAlex, head[:min(len(head), 20)]))
	}
	// A page (or a JSON array of works) is one document: a first line
	// that is not a whole work, or an object with "results".
	firstLine := head
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		firstLine = head[:i]
	}
	var probe struct {
		Results json.RawMessage `json:"results"`
	}
	wholeLine := json.Valid(bytes.TrimSpace(firstLine))
	if head[0] == '[' || !wholeLine || (json.Unmarshal(firstLine, &probe) == nil && probe.Results != nil) {
		return r.readPage()
	}
	r.Format = Lines
	return nil
}

func (r *Reader) readPage() error {
	r.Format = Page
	data, err := io.ReadAll(r.br)
	if err != nil {
		return r.fail(err)
	}
	var page struct {
		Results []json.RawMessage `json:"results"`
	}
	data = bytes.TrimSpace(data)
	if len(data) > 0 && data[0] == '[' {
		err = json.Unmarshal(data, &page.Results)
	} else {
		err = json.Unmarshal(data, &page)
	}
	if err != nil {
		return r.fail(fmt.Errorf("%w: %v", ErrNotOpenAlex, err))
	}
	if page.Results == nil {
		return r.fail(fmt.Errorf("%w: an object without results", ErrNotOpenAlex))
	}
	r.page = page.Results
	return nil
}

// Read returns the next paper, io.EOF at the end, a *ParseError for a
// skipped work (Read may be called again), or another error that ends
// the stream.
//
// JSON Lines are read ahead in runs of whole lines (about 1 MiB each)
// that are decoded in parallel, each as soon as it is read: a chain of
// runs is kept in flight (see [Reader.spawn]), so the source is read
// without pause while earlier runs are decoded and the caller uses the
// papers of the oldest. Papers and errors come back in line order
// whatever the number of cores. A Reader dropped before io.EOF leaves no
// goroutine behind once the runs in flight are read and decoded.
func (r *Reader) Read() (coauthnet.Paper, error) {
	if err := r.start(); err != nil {
		return coauthnet.Paper{}, err
	}
	if r.Format == Page {
		if r.pageAt >= len(r.page) {
			return coauthnet.Paper{}, io.EOF
		}
		r.pageAt++
		return r.decodeOne(r.page[r.pageAt-1], r.pageAt)
	}
	for {
		if r.qi < len(r.queue) {
			it := r.queue[r.qi]
			r.queue[r.qi] = item{}
			r.qi++
			return it.p, it.err
		}
		if r.done {
			if r.readErr != nil {
				return coauthnet.Paper{}, r.fail(r.readErr)
			}
			return coauthnet.Paper{}, io.EOF
		}
		for len(r.runs) < runsInFlight*runtime.GOMAXPROCS(0) {
			r.spawn()
		}
		ru := r.runs[0]
		r.runs[0] = nil
		r.runs = r.runs[1:]
		<-ru.done
		for k, n := range ru.unmapped {
			r.Unmapped[k] += n
		}
		r.queue, r.qi = ru.items, 0
		if ru.err != nil || ru.eof {
			r.done, r.readErr = true, ru.err
		}
	}
}

// chunkSize is the size of the runs of whole lines decoded in parallel.
// Runs do not change results: papers come back in line order.
const chunkSize = 1 << 20

// runsInFlight is the number of runs per core read ahead: enough that
// every core has a run to decode while the next is read.
const runsInFlight = 3

// An item is one decoded line: a paper or the error that skipped it.
type item struct {
	p   coauthnet.Paper
	err error
}

// A run is one read-ahead of whole lines, decoded.
type run struct {
	read     chan struct{} // closed when the run has been read
	done     chan struct{} // closed when the fields below are set
	items    []item
	unmapped map[string]int
	eof      bool  // the stream ended in or before this run
	err      error // read error after items
}

// spawn starts the next run: a goroutine that waits until the previous
// run has been read, reads its lines (so r.br, r.carry, r.line and
// r.ended are used by one goroutine at a time, in stream order), lets
// the next run read, and decodes what it read.
func (r *Reader) spawn() {
	prev := r.lastRead
	ru := &run{read: make(chan struct{}), done: make(chan struct{})}
	r.lastRead = ru.read
	r.runs = append(r.runs, ru)
	go func() {
		defer close(ru.done)
		if prev != nil {
			<-prev
		}
		if r.ended {
			ru.eof = true
			close(ru.read)
			return
		}
		data, lines, err := readLines(r.br, chunkSize, &r.carry)
		first := r.line + 1
		r.line += lines
		if err != nil {
			r.ended = true
			if err == io.EOF {
				ru.eof = true
			} else {
				ru.err = err
			}
		}
		close(ru.read)
		if len(data) > 0 {
			ru.items, ru.unmapped = r.decodeRun(data, first)
			runBuffers.Put(&data)
		}
	}()
}

// readLines returns whole lines of br, about size bytes (more when a
// line is longer) unless the stream ends, and their number (a last line
// without "\n" counts). It reads in large blocks, without scanning for
// line ends in bufio, and keeps the part of a block after its last line
// end in *carry for the next call.
func readLines(br io.Reader, size int, carry *[]byte) ([]byte, int, error) {
	want := max(size+size/4, 2*len(*carry), 1) // the carry holds no line end
	var data []byte
	if b, ok := runBuffers.Get().(*[]byte); ok && cap(*b) >= want {
		data = (*b)[:want]
	} else {
		data = make([]byte, want)
	}
	k := copy(data, *carry)
	*carry = nil
	for {
		n, err := fill(br, data[k:])
		k += n
		if err == io.EOF {
			data = data[:k]
			lines := bytes.Count(data, []byte{'\n'})
			if k > 0 && data[k-1] != '\n' {
				lines++
			}
			return data, lines, io.EOF
		}
		if err != nil {
			return data[:k], bytes.Count(data[:k], []byte{'\n'}), err
		}
		if i := bytes.LastIndexByte(data[:k], '\n'); i >= 0 {
			*carry = bytes.Clone(data[i+1 : k])
			data = data[:i+1]
			return data, bytes.Count(data, []byte{'\n'}), nil
		}
		// One line longer than the block: grow and read on.
		data = append(data[:k], make([]byte, len(data))...)
	}
}

// runBuffers recycles the blocks of readLines: decoded papers do not
// share memory with their run (strings are copied), so a run's block is
// free once it is decoded.
var runBuffers sync.Pool

// decodeRun decodes the lines of data, the first of which is line first.
func (r *Reader) decodeRun(data []byte, first int) ([]item, map[string]int) {
	d := newDecoder()
	var items []item
	line := first - 1
	for len(data) > 0 {
		var l []byte
		last := false // the stream's last line, without a line end
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			l, data = data[:i], data[i+1:]
		} else {
			l, data, last = data, nil, true
		}
		line++
		l = bytes.TrimSpace(l)
		if len(l) == 0 {
			continue
		}
		var it item
		if err := d.work(l, &it.p); err != nil {
			if last && errors.Is(err, ErrSyntax) {
				err = input.CutShort(err)
			}
			it = item{err: &ParseError{Format: "openalex", Name: r.Name, Line: line, ID: it.p.ID, Err: err}}
		}
		items = append(items, it)
	}
	return items, d.unmapped
}

// ReadAll reads every paper, stopping at the first error of any kind.
func (r *Reader) ReadAll() ([]coauthnet.Paper, error) { return coauthnet.ReadAll(r) }

func short(id, prefix string) string { return strings.TrimPrefix(id, prefix) }

// decodeOne decodes one work of a page or of a line read one at a time.
func (r *Reader) decodeOne(b []byte, line int) (coauthnet.Paper, error) {
	if r.dec == nil {
		r.dec = newDecoder()
		r.dec.unmapped = r.Unmapped
	}
	var p coauthnet.Paper
	if err := r.dec.work(b, &p); err != nil {
		return coauthnet.Paper{}, &ParseError{Format: "openalex", Name: r.Name, Line: line, ID: p.ID, Err: err}
	}
	return p, nil
}

// fill reads into buf until it is full or the stream ends. Unlike
// io.ReadFull it returns io.EOF only for the end of the stream (after
// whatever was read), and passes any other error on as it is: a
// truncated gzip stream's io.ErrUnexpectedEOF must not pass for an end.
func fill(r io.Reader, buf []byte) (int, error) {
	k := 0
	for k < len(buf) {
		n, err := r.Read(buf[k:])
		k += n
		if err != nil {
			return k, err
		}
	}
	return k, nil
}
