// Package jsonl reads and writes the canonical paper record of coauthnet
// as JSON Lines: one [coauthnet.Paper] object per line, UTF-8, lines
// separated by "\n" (a "\r" before it is ignored, blank lines are
// skipped). Gzip and zstd input is recognised by its magic bytes.
//
// A line that is not a valid paper (bad JSON, a field of the wrong type,
// a missing id or year) makes [Reader.Read] return a *[ParseError] naming
// the file and line; the record is skipped and the next Read goes on.
// When that line is the last, has no line end and is not valid JSON, the
// error wraps [ErrCutShort] too: the file looks cut short. A
// stream that is not JSON Lines at all (binary, UTF-16, a first record
// that is not an object, a truncated gzip stream) makes Read return
// another error, after which the stream is done.
//
// For parallel decoding, [Reader.ReadChunk] returns runs of whole lines
// that [Chunk.Decode] turns into papers independently; the order of
// chunks gives the order of papers.
package jsonl

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/internal/input"
	"github.com/coauthnet/coauthnet/io/internal/jsonscan"
)

// MaxLine is the longest line Read accepts, in bytes. A longer line is
// skipped with a *ParseError wrapping ErrLineTooLong.
const MaxLine = 64 << 20

// Errors wrapped by *ParseError or returned by Read.
var (
	ErrLineTooLong = errors.New("line too long")
	ErrNotJSONL    = errors.New("not JSON Lines")
	ErrSyntax      = jsonscan.ErrSyntax
	ErrType        = jsonscan.ErrType
	// ErrCutShort is wrapped, with ErrSyntax, by the *ParseError of a
	// last line without a line end that is not valid JSON: the file
	// looks cut short ([input.ErrCutShort]).
	ErrCutShort = input.ErrCutShort
)

// ParseError is [coauthnet.ParseError], the error of a skipped record
// shared by every reader; its Format is "jsonl".
type ParseError = coauthnet.ParseError

// A Reader reads papers from JSON Lines. It is not safe for concurrent
// use.
type Reader struct {
	// Name is used in errors: "jsonl: savedrecs.jsonl:12: …".
	Name string

	src     io.Reader
	br      *bufio.Reader
	started bool
	err     error // sticky fatal error
	line    int   // lines consumed
	noEOL   bool  // the line last read is the stream's last and has no line end
	buf     []byte
	dec     decoder
	carry   []byte      // ReadChunk: read after the last line end of the previous chunk
	eof     bool        // ReadChunk: the source is exhausted
	free    chan []byte // ReadChunk: buffers of released chunks
	// Compression is what the stream was compressed with, known after the
	// first Read or ReadChunk.
	Compression string // "", "gzip" or "zstd"
}

// NewReader returns a Reader of r.
func NewReader(r io.Reader) *Reader { return &Reader{src: r} }

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
	r.br = br
	head := input.Sniff(br, 4096)
	if err := input.CheckUTF8(head); err != nil {
		return r.fail(err)
	}
	input.SkipBOM(br)
	head = bytes.TrimLeft(input.Sniff(br, 4096), " \t\r\n")
	if len(head) > 0 && head[0] != '{' {
		n := min(len(head), 20)
		if i := bytes.IndexByte(head[:n], '\n'); i >= 0 {
			n = i
		}
		return r.fail(fmt.Errorf("%w: first record starts with %q, not '{'", ErrNotJSONL, head[:n]))
	}
	return nil
}

func (r *Reader) fail(err error) error {
	r.err = input.Fatal("jsonl", r.Name, err)
	return r.err
}

// readLine returns the next line without its terminator, or a nil line
// and io.EOF. A line over MaxLine is discarded and reported as
// ErrLineTooLong.
func (r *Reader) readLine() ([]byte, error) {
	r.buf = r.buf[:0]
	tooLong := false
	for {
		chunk, err := r.br.ReadSlice('\n')
		if tooLong || len(r.buf)+len(chunk) > MaxLine {
			tooLong = true
			r.buf = r.buf[:0]
		} else {
			r.buf = append(r.buf, chunk...)
		}
		switch err {
		case bufio.ErrBufferFull:
			continue
		case nil:
		case io.EOF:
			if len(r.buf) == 0 && !tooLong {
				return nil, io.EOF
			}
			r.noEOL = true
		default:
			return nil, r.fail(err)
		}
		r.line++
		if tooLong {
			return nil, ErrLineTooLong
		}
		return r.buf, nil
	}
}

// Read returns the next paper. At the end of the stream it returns
// io.EOF; for a skipped record a *ParseError, after which Read may be
// called again; any other error ends the stream.
func (r *Reader) Read() (coauthnet.Paper, error) {
	if err := r.start(); err != nil {
		return coauthnet.Paper{}, err
	}
	for {
		line, err := r.readLine()
		if err == ErrLineTooLong {
			return coauthnet.Paper{}, &ParseError{Format: "jsonl", Name: r.Name, Line: r.line, Err: err}
		}
		if err != nil {
			return coauthnet.Paper{}, err
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		var p coauthnet.Paper
		if r.dec.Cache == nil || len(r.dec.Cache) >= 1<<14 {
			r.dec.Cache = make(map[string]string, 256)
		}
		r.dec.slabSize = 64
		r.dec.setLine(line, string(line), 0)
		if err := r.dec.decode(&p); err != nil {
			if r.noEOL && errors.Is(err, ErrSyntax) {
				err = input.CutShort(err)
			}
			return coauthnet.Paper{}, &ParseError{Format: "jsonl", Name: r.Name, Line: r.line, ID: p.ID, Err: err}
		}
		return p, nil
	}
}

// ReadAll reads every paper. It stops at the first error of any kind, as
// encoding/csv's ReadAll does; callers that want to skip bad records call
// Read in a loop.
func (r *Reader) ReadAll() ([]coauthnet.Paper, error) { return coauthnet.ReadAll(r) }

// Decode parses one line into p and validates it ([coauthnet.Paper.Validate]).
// On error p may hold the fields read so far (its ID helps reports).
// Errors wrap [ErrSyntax] for malformed JSON and [ErrType] for a field of
// the wrong type; see decode.go for the exact semantics.
func Decode(line []byte, p *coauthnet.Paper) error {
	d := decoder{Scanner: jsonscan.Scanner{Cache: map[string]string{}}}
	d.setLine(line, string(line), 0)
	return d.decode(p)
}

func (d *decoder) decode(p *coauthnet.Paper) error {
	if err := d.paper(p); err != nil {
		return err
	}
	return p.Validate()
}

// A Chunk is a run of whole lines of a JSON Lines stream.
type Chunk struct {
	Name      string
	FirstLine int // line number of the first line in Data
	// Data holds whole lines; a line over MaxLine is left empty. A last
	// line without "\n" is the stream's last (Decode reports it as
	// [ErrCutShort] when it is not valid JSON).
	Data    []byte
	TooLong []int // line numbers of lines over MaxLine, ascending

	// Minimal, set before Decode, leaves out what counting does not use:
	// the authors' names, ids and ORCIDs stay empty (their values are
	// still checked as JSON). Everything else is decoded as usual.
	Minimal bool
	// Countries implies Minimal and also leaves out the institutions'
	// names and ids: enough to count countries.
	Countries bool

	free chan []byte // the Reader's free buffers (see Release)
}

// Release hands c.Data back to the Reader that read c, to be read into
// again by a later ReadChunk: neither c.Data nor any copy of c may be
// used afterwards, and a chunk is released at most once. Papers
// returned by [Chunk.Decode] share no memory with c.Data, so a chunk
// can be released as soon as it is decoded. Release is optional (an
// unreleased buffer is garbage collected); it saves allocating, zeroing
// and faulting in a fresh buffer for every chunk. It may be called from
// any goroutine.
func (c Chunk) Release() {
	if c.free == nil || cap(c.Data) == 0 {
		return
	}
	select {
	case c.free <- c.Data[:0]:
	default: // enough buffers kept
	}
}

// ReadChunk returns the next run of whole lines, about size bytes (more
// when one line is longer), or io.EOF. Data is the caller's until it
// calls [Chunk.Release], which lets a later chunk reuse it. Errors other
// than io.EOF end the stream. A Reader is read either with Read or with
// ReadChunk, not both.
//
// It reads blocks straight from the source (no scan for line ends in a
// buffer, one copy) and keeps what follows a block's last line end for
// the next chunk.
func (r *Reader) ReadChunk(size int) (Chunk, error) {
	if err := r.start(); err != nil {
		return Chunk{}, err
	}
	if r.free == nil {
		// Enough for the chunks a caller decodes on every core while
		// the next ones are read.
		r.free = make(chan []byte, 2*runtime.GOMAXPROCS(0)+2)
	}
	c := Chunk{Name: r.Name, FirstLine: r.line + 1, free: r.free}
	if r.eof && len(r.carry) == 0 {
		return Chunk{}, io.EOF
	}
	want := max(size+size/8, 2*len(r.carry), 1) // the carry holds no line end
	var data []byte
	select {
	case b := <-r.free:
		if cap(b) >= want {
			data = b[:want]
		}
	default:
	}
	if data == nil {
		data = make([]byte, want)
	}
	k := copy(data, r.carry)
	r.carry = nil
	grown := false
	for {
		if r.eof {
			data = data[:k]
			break
		}
		n, err := fill(r.br, data[k:])
		k += n
		if err == io.EOF {
			r.eof = true
			data = data[:k]
			break
		}
		if err != nil {
			return Chunk{}, r.fail(err)
		}
		if i := bytes.LastIndexByte(data[:k], '\n'); i >= 0 {
			r.carry = bytes.Clone(data[i+1 : k])
			data = data[:i+1]
			break
		}
		// No line end in data: it is the start of one line.
		if k > MaxLine {
			// Too long: skip to its end, and leave it empty in Data
			// so that line numbers stay right.
			for {
				_, err := r.br.ReadSlice('\n')
				if err == bufio.ErrBufferFull {
					continue
				}
				if err == io.EOF {
					r.eof = true
				} else if err != nil {
					return Chunk{}, r.fail(err)
				}
				break
			}
			c.TooLong = []int{r.line + 1}
			r.line++
			if r.eof {
				c.Data = []byte{}
			} else {
				c.Data = []byte{'\n'}
			}
			return c, nil
		}
		data = append(data[:k], make([]byte, len(data))...)
		grown = true
	}
	if len(data) == 0 {
		return Chunk{}, io.EOF
	}
	if grown {
		// The first line made data grow: it may be over MaxLine.
		end := bytes.IndexByte(data, '\n')
		if end < 0 {
			end = len(data)
		}
		if end > MaxLine {
			c.TooLong = []int{r.line + 1}
			r.line++
			if end == len(data) { // the last line, without terminator
				c.Data = []byte{}
				return c, nil
			}
			data = append([]byte{'\n'}, data[end+1:]...)
			r.line-- // counted again below with its '\n'
		}
	}
	r.line += bytes.Count(data, []byte{'\n'})
	if data[len(data)-1] != '\n' {
		r.line++ // last line without terminator
	}
	c.Data = data
	return c, nil
}

// Decode appends the papers of c to dst and returns it with a
// *ParseError for every line it skipped, in line order.
//
// The papers share no memory with c.Data: their strings are interned or
// copied into slabs shared by the papers of c, so c.Data may be
// [Chunk.Release]d once Decode returns.
func (c Chunk) Decode(dst []coauthnet.Paper) ([]coauthnet.Paper, []error) {
	var errs []error
	data := c.Data
	line := c.FirstLine - 1
	long := c.TooLong
	// Strings are copied out of the line (into an arena, or interned),
	// never taken as substrings: papers do not keep c.Data alive, and
	// c.Data is not copied whole.
	if cap(dst)-len(dst) < len(data)/64 {
		// About one paper per line: grow once, not by doubling.
		dst = slices.Grow(dst, bytes.Count(data, []byte{'\n'})+1)
	}
	d := decoder{Scanner: jsonscan.Scanner{Cache: make(map[string]string, 256), Arena: new(jsonscan.Arena)}, slabSize: 1024, minimal: c.Minimal || c.Countries, countries: c.Countries}
	for len(data) > 0 {
		i := bytes.IndexByte(data, '\n')
		var l []byte
		last := i < 0 // the stream's last line, without a line end
		if last {
			l, data = data, nil
		} else {
			l, data = data[:i], data[i+1:]
		}
		line++
		if len(long) > 0 && long[0] == line {
			errs = append(errs, &ParseError{Format: "jsonl", Name: c.Name, Line: line, Err: ErrLineTooLong})
			long = long[1:]
			continue
		}
		l = bytes.TrimSpace(l)
		if len(l) == 0 {
			continue
		}
		dst = append(dst, coauthnet.Paper{})
		p := &dst[len(dst)-1]
		d.setLine(l, "", 0)
		if err := d.decode(p); err != nil {
			if last && errors.Is(err, ErrSyntax) {
				err = input.CutShort(err)
			}
			errs = append(errs, &ParseError{Format: "jsonl", Name: c.Name, Line: line, ID: p.ID, Err: err})
			dst = dst[:len(dst)-1]
		}
	}
	for _, n := range long { // a last line over MaxLine without terminator
		errs = append(errs, &ParseError{Format: "jsonl", Name: c.Name, Line: n, Err: ErrLineTooLong})
	}
	return dst, errs
}

// A Writer writes papers as JSON Lines. Errors are sticky: after one,
// every call returns it. Call Flush at the end and check its error.
type Writer struct {
	bw  *bufio.Writer
	enc *json.Encoder
	err error
}

// NewWriter returns a Writer to w.
func NewWriter(w io.Writer) *Writer {
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &Writer{bw: bw, enc: enc}
}

// Write writes one paper on one line.
func (w *Writer) Write(p *coauthnet.Paper) error {
	if w.err == nil {
		w.err = w.enc.Encode(p)
	}
	return w.err
}

// Flush writes buffered data to the underlying writer.
func (w *Writer) Flush() error {
	if w.err == nil {
		w.err = w.bw.Flush()
	}
	return w.err
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
