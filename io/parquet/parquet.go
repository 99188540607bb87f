// Package parquet reads and writes the canonical paper record as Apache
// Parquet with github.com/parquet-go/parquet-go: one row per paper, the
// authors a LIST of structs each with a LIST of affiliations (the
// three-level LIST layout DuckDB, Spark and pyarrow read), zstd
// compressed, institution and country columns dictionary-encoded. A
// large corpus is parsed once from its source format and analysed many
// times from this file.
//
// Schema (column names):
//
//	id, doi, title, year (int32), fields (list<string>), citations (optional int64),
//	authors (list<struct<name, id, orcid, corresponding (bool),
//	         affiliations (list<struct<institution, institution_id, country>>)>>)
//
// An empty string stands for an absent doi, title, name, id or country;
// a null citations for unknown. Writing then reading gives the same
// papers, up to empty and nil slices. Files written before the title
// column are read with empty titles.
package parquet

import (
	"errors"
	"fmt"
	"io"

	pq "github.com/parquet-go/parquet-go"

	"github.com/coauthnet/coauthnet"
)

type row struct {
	ID        string      `parquet:"id"`
	DOI       string      `parquet:"doi"`
	Title     string      `parquet:"title"`
	Year      int32       `parquet:"year"`
	Fields    []string    `parquet:"fields,list"`
	Citations *int64      `parquet:"citations,optional"`
	Authors   []authorRow `parquet:"authors,list"`
}

type authorRow struct {
	Name          string   `parquet:"name"`
	ID            string   `parquet:"id"`
	ORCID         string   `parquet:"orcid"`
	Corresponding bool     `parquet:"corresponding"`
	Affiliations  []affRow `parquet:"affiliations,list"`
}

type affRow struct {
	Institution   string `parquet:"institution,dict"`
	InstitutionID string `parquet:"institution_id,dict"`
	Country       string `parquet:"country,dict"`
}

// ErrSchema means the file is Parquet but not the canonical record.
var ErrSchema = errors.New("not the canonical paper schema")

// ParseError is [coauthnet.ParseError], the error of a skipped record
// shared by every reader; its Format is "parquet".
type ParseError = coauthnet.ParseError

const batch = 1024

// RowGroupSize is the number of rows the Writer puts in one row group;
// readers decode row groups in parallel.
const RowGroupSize = 1 << 16

// minimalRow is the projection [Reader.Minimal] reads: only the columns
// that counting uses.
type minimalRow struct {
	ID      string `parquet:"id"`
	DOI     string `parquet:"doi"`
	Year    int32  `parquet:"year"`
	Authors []struct {
		Affiliations []affRow `parquet:"affiliations,list"`
	} `parquet:"authors,list"`
}

// A Writer writes papers to a Parquet file. Close writes the footer: a
// file whose Close was not called, or failed, is not readable.
type Writer struct {
	w       *pq.GenericWriter[row]
	buf     []row
	inGroup int
	err     error
}

// NewWriter returns a Writer to w; meta are key/value pairs stored in
// the file's metadata (provenance).
func NewWriter(w io.Writer, meta ...[2]string) *Writer {
	opts := []pq.WriterOption{pq.Compression(&pq.Zstd)}
	for _, kv := range meta {
		opts = append(opts, pq.KeyValueMetadata(kv[0], kv[1]))
	}
	return &Writer{w: pq.NewGenericWriter[row](w, opts...)}
}

// Write adds one paper.
func (w *Writer) Write(p *coauthnet.Paper) error {
	if w.err != nil {
		return w.err
	}
	r := row{ID: p.ID, DOI: p.DOI, Title: p.Title, Year: int32(p.Year), Fields: p.Fields}
	if p.Citations != nil {
		c := int64(*p.Citations)
		r.Citations = &c
	}
	for _, a := range p.Authors {
		ar := authorRow{Name: a.Name, ID: a.ID, ORCID: a.ORCID, Corresponding: a.Corresponding}
		for _, af := range a.Affiliations {
			ar.Affiliations = append(ar.Affiliations, affRow(af))
		}
		r.Authors = append(r.Authors, ar)
	}
	w.buf = append(w.buf, r)
	if len(w.buf) >= batch {
		w.flush()
	}
	return w.err
}

func (w *Writer) flush() {
	if w.err == nil && len(w.buf) > 0 {
		_, w.err = w.w.Write(w.buf)
		w.inGroup += len(w.buf)
		if w.err == nil && w.inGroup >= RowGroupSize {
			w.err = w.w.Flush() // end the row group
			w.inGroup = 0
		}
	}
	w.buf = w.buf[:0]
}

// Close writes the remaining rows and the footer.
func (w *Writer) Close() error {
	w.flush()
	if err := w.w.Close(); w.err == nil {
		w.err = err
	}
	return w.err
}

// A Reader reads papers from a Parquet file. Read is not safe for
// concurrent use; ReadRowGroup is, for different row groups.
type Reader struct {
	Name string
	// Minimal, set before the first read, reads only the columns that
	// counting uses: id, doi, year and the authors' affiliations. Titles,
	// names, ids, ORCIDs, fields and citations are left empty. It is
	// several times faster.
	Minimal bool
	// Countries, with Minimal, also leaves out institution names and ids:
	// enough to count countries.
	Countries bool
	// Extra, with Minimal, also reads the fields, the citations and the
	// authors' corresponding flags (what leadership by corresponding
	// author, field filters and citation impact need).
	Extra bool
	file  *pq.File
	cols  columns // leaf columns that Minimal reads directly
	// columnar is true when the file has the canonical layout, so
	// Minimal reads columns instead of whole rows.
	columnar bool
	r        *pq.GenericReader[row]
	buf      []row
	at       int
	n        int
	row      int
	err      error
}

// NewReader opens the Parquet file in r (size bytes). It returns an
// error, never panics, for a file that is not Parquet or lacks the
// columns id, year and authors.
func NewReader(r io.ReaderAt, size int64) (rd *Reader, err error) {
	defer func() {
		if v := recover(); v != nil { // parquet-go panics on some corrupt files
			rd, err = nil, fmt.Errorf("parquet: corrupt file: %v", v)
		}
	}()
	if err := checkFooter(r, size); err != nil {
		return nil, fmt.Errorf("parquet: %w", err)
	}
	f, err := pq.OpenFile(r, size, pq.SkipPageIndex(true), pq.SkipBloomFilters(true))
	if err != nil {
		return nil, fmt.Errorf("parquet: %w", err)
	}
	if err := checkPages(r, size, f.Metadata()); err != nil {
		return nil, fmt.Errorf("parquet: %w", err)
	}
	have := map[string]bool{}
	for _, fld := range f.Schema().Fields() {
		have[fld.Name()] = true
	}
	for _, c := range []string{"id", "year", "authors"} {
		if !have[c] {
			return nil, fmt.Errorf("parquet: %w: no column %s", ErrSchema, c)
		}
	}
	rd = &Reader{file: f, r: pq.NewGenericReader[row](f), buf: make([]row, batch)}
	rd.cols, rd.columnar = lookupColumns(f.Schema())
	return rd, nil
}

// NumRowGroups returns the number of row groups in the file.
func (r *Reader) NumRowGroups() int { return len(r.file.RowGroups()) }

// RowGroupStart returns the 1-based row number of the first row of row
// group i, for error messages.
func (r *Reader) RowGroupStart(i int) int {
	n := 1
	for _, g := range r.file.RowGroups()[:i] {
		n += int(g.NumRows())
	}
	return n
}

// ReadRowGroup decodes row group i: its valid papers, and a *ParseError
// for each row it skipped. Calls for different row groups may run
// concurrently.
func (r *Reader) ReadRowGroup(i int) (ps []coauthnet.Paper, errs []error) {
	defer func() {
		if v := recover(); v != nil {
			errs = append(errs, fmt.Errorf("parquet: %s: row group %d: corrupt file: %v", r.Name, i, v))
		}
	}()
	first := r.RowGroupStart(i)
	rg := r.file.RowGroups()[i]
	emit := func(p coauthnet.Paper, k int) {
		if err := p.Validate(); err != nil {
			errs = append(errs, &ParseError{Format: "parquet", Name: r.Name, Line: first + k, ID: p.ID, Err: err})
			return
		}
		ps = append(ps, p)
	}
	if r.Minimal && r.columnar && (!r.Extra || r.cols.extra) {
		return r.readColumns(rg, first)
	}
	var err error
	if r.Minimal && !r.Extra { // Extra without its columns where expected: whole rows
		err = readRows(rg, fromMinimal, emit)
	} else {
		err = readRows(rg, fromRow, emit)
	}
	if err != nil {
		errs = append(errs, fmt.Errorf("parquet: %s: %w", r.Name, err))
	}
	return ps, errs
}

// readRows decodes the rows of rg as T, in batches, passing each paper
// with its index in the group to emit, and returns the read error.
func readRows[T any](rg pq.RowGroup, conv func(*T) coauthnet.Paper, emit func(coauthnet.Paper, int)) error {
	gr := pq.NewGenericRowGroupReader[T](rg)
	defer gr.Close()
	buf := make([]T, batch)
	for k := 0; ; {
		clear(buf)
		n, err := gr.Read(buf)
		for j := range buf[:n] {
			emit(conv(&buf[j]), k)
			k++
		}
		if n == 0 || err != nil {
			if err == io.EOF {
				err = nil
			}
			return err
		}
	}
}

func fromMinimal(x *minimalRow) coauthnet.Paper {
	p := coauthnet.Paper{ID: x.ID, DOI: x.DOI, Year: int(x.Year)}
	if len(x.Authors) > 0 {
		p.Authors = make([]coauthnet.Author, len(x.Authors))
		for i, a := range x.Authors {
			if len(a.Affiliations) > 0 {
				p.Authors[i].Affiliations = make([]coauthnet.Affiliation, len(a.Affiliations))
				for j, af := range a.Affiliations {
					p.Authors[i].Affiliations[j] = coauthnet.Affiliation(af)
				}
			}
		}
	}
	return p
}

// Read returns the next paper, io.EOF at the end, a *ParseError for a
// skipped row (Read may be called again), or another error that ends
// the stream.
func (r *Reader) Read() (p coauthnet.Paper, err error) {
	if r.err != nil {
		return coauthnet.Paper{}, r.err
	}
	if r.at >= r.n {
		if err := r.fill(); err != nil {
			r.err = err
			return coauthnet.Paper{}, err
		}
	}
	x := &r.buf[r.at]
	r.at++
	r.row++
	p = fromRow(x)
	if err := p.Validate(); err != nil {
		return coauthnet.Paper{}, &ParseError{Format: "parquet", Name: r.Name, Line: r.row, ID: p.ID, Err: err}
	}
	return p, nil
}

func fromRow(x *row) coauthnet.Paper {
	p := coauthnet.Paper{ID: x.ID, DOI: x.DOI, Title: x.Title, Year: int(x.Year), Fields: x.Fields}
	if x.Citations != nil {
		c := int(*x.Citations)
		p.Citations = &c
	}
	if len(x.Authors) > 0 {
		p.Authors = make([]coauthnet.Author, len(x.Authors))
		for i, a := range x.Authors {
			p.Authors[i] = coauthnet.Author{Name: a.Name, ID: a.ID, ORCID: a.ORCID, Corresponding: a.Corresponding}
			if len(a.Affiliations) > 0 {
				p.Authors[i].Affiliations = make([]coauthnet.Affiliation, len(a.Affiliations))
				for j, af := range a.Affiliations {
					p.Authors[i].Affiliations[j] = coauthnet.Affiliation(af)
				}
			}
		}
	}
	return p
}

func (r *Reader) fill() (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("parquet: %s: corrupt file: %v", r.Name, v)
		}
	}()
	clear(r.buf)
	n, err := r.r.Read(r.buf)
	r.at, r.n = 0, n
	if n > 0 {
		return nil
	}
	if err == nil || err == io.EOF {
		return io.EOF
	}
	return fmt.Errorf("parquet: %s: %w", r.Name, err)
}

// Close releases the reader.
func (r *Reader) Close() error { return r.r.Close() }
