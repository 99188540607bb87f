// Package csv reads and writes the canonical paper record as CSV, one
// row per author-affiliation, for spreadsheets, R and pandas.
//
// Columns, in this order (the header row is required):
//
//	paper_id, doi, title, year, fields, citations,
//	author, author_name, author_id, orcid, corresponding,
//	affiliation, institution, institution_id, country
//
// Files written before the title column (the same header without
// title, [LegacyHeader]) are still read, their papers without titles.
//
// author is the 1-based byline position and affiliation the 1-based
// position among that author's affiliations. An author without
// affiliations has one row with affiliation 0; a paper without authors
// has one row with author 0. fields are joined by "; ". citations is
// empty when unknown; corresponding is "true" or empty. The rows of a
// paper are consecutive; paper-level columns are repeated on each.
//
// Reading a row that does not fit (wrong number of columns, a year or
// position that is not a number, rows of one paper out of order)
// returns a *ParseError for the whole paper, which is skipped. When the
// row at fault is the last line, has no line end and is not whole (fewer
// columns than the header, or a quote left open), the error wraps
// [ErrCutShort] too: the file looks cut short.
package csv

import (
	stdcsv "encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/internal/input"
)

// Header is the header row.
var Header = []string{
	"paper_id", "doi", "title", "year", "fields", "citations",
	"author", "author_name", "author_id", "orcid", "corresponding",
	"affiliation", "institution", "institution_id", "country",
}

// LegacyHeader is the header row of files written before the title
// column; the Reader reads them too.
var LegacyHeader = append(Header[:2:2], Header[3:]...)

// Column positions in Header.
const (
	colID = iota
	colDOI
	colTitle
	colYear
	colFields
	colCitations
	colAuthor
	colName
	colAuthorID
	colORCID
	colCorresponding
	colAffiliation
	colInstitution
	colInstitutionID
	colCountry
)

// Errors.
var (
	ErrHeader = errors.New("not a canonical CSV file (header differs)")
	ErrRow    = errors.New("bad row")
	// ErrCutShort is wrapped by the *ParseError of a paper whose last row
	// is the file's last line, without a line end, and not whole: the
	// file looks cut short ([input.ErrCutShort]).
	ErrCutShort = input.ErrCutShort
)

// ParseError is [coauthnet.ParseError], the error of a skipped record
// shared by every reader; its Format is "csv".
type ParseError = coauthnet.ParseError

// A Writer writes papers as canonical CSV. Call Flush at the end.
type Writer struct {
	w      *stdcsv.Writer
	header bool
}

// NewWriter returns a Writer to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: stdcsv.NewWriter(w)} }

// Write writes the rows of one paper.
func (w *Writer) Write(p *coauthnet.Paper) error {
	if !w.header {
		w.header = true
		if err := w.w.Write(Header); err != nil {
			return err
		}
	}
	cit := ""
	if p.Citations != nil {
		cit = strconv.Itoa(*p.Citations)
	}
	base := []string{p.ID, p.DOI, p.Title, strconv.Itoa(p.Year), strings.Join(p.Fields, "; "), cit}
	row := func(author int, a *coauthnet.Author, aff int, af *coauthnet.Affiliation) error {
		r := append([]string(nil), base...)
		if a == nil {
			r = append(r, "0", "", "", "", "")
		} else {
			corr := ""
			if a.Corresponding {
				corr = "true"
			}
			r = append(r, strconv.Itoa(author), a.Name, a.ID, a.ORCID, corr)
		}
		if af == nil {
			r = append(r, strconv.Itoa(aff), "", "", "")
		} else {
			r = append(r, strconv.Itoa(aff), af.Institution, af.InstitutionID, af.Country)
		}
		return w.w.Write(r)
	}
	if len(p.Authors) == 0 {
		return row(0, nil, 0, nil)
	}
	for i := range p.Authors {
		a := &p.Authors[i]
		if len(a.Affiliations) == 0 {
			if err := row(i+1, a, 0, nil); err != nil {
				return err
			}
		}
		for j := range a.Affiliations {
			if err := row(i+1, a, j+1, &a.Affiliations[j]); err != nil {
				return err
			}
		}
	}
	return nil
}

// Flush writes buffered rows and returns any error.
func (w *Writer) Flush() error {
	w.w.Flush()
	return w.w.Error()
}

// A Reader reads papers from canonical CSV. It is not safe for
// concurrent use.
type Reader struct {
	Name string

	src     io.Reader
	cr      *stdcsv.Reader
	started bool
	err     error
	next    []string // first row of the next paper
	nextAt  int
	nextEnd bool // next ends the stream without a line end
	end     bool // the row last returned by row ends the stream without a line end
	tail    *input.Tail
	pending error // the *ParseError of a row after the paper last read
	legacy  bool  // the header is LegacyHeader: no title column
}

// NewReader returns a Reader of r.
func NewReader(r io.Reader) *Reader { return &Reader{src: r} }

func (r *Reader) fail(err error) error {
	r.err = input.Fatal("csv", r.Name, err)
	return r.err
}

func (r *Reader) start() error {
	if r.started {
		return r.err
	}
	r.started = true
	br, _, _, err := input.OpenText(r.src)
	if err != nil {
		return r.fail(err)
	}
	r.tail = input.NewTail(br)
	r.cr = stdcsv.NewReader(r.tail)
	r.cr.FieldsPerRecord = -1
	h, err := r.cr.Read()
	if err != nil {
		return r.fail(ErrHeader)
	}
	switch strings.Join(h, ",") {
	case strings.Join(Header, ","):
	case strings.Join(LegacyHeader, ","):
		r.legacy = true
	default:
		return r.fail(ErrHeader)
	}
	return nil
}

func (r *Reader) row() ([]string, int, error) {
	if r.next != nil {
		row, at := r.next, r.nextAt
		r.next, r.end = nil, r.nextEnd
		return row, at, nil
	}
	row, err := r.cr.Read()
	r.end = r.tail.EndsAt(r.cr.InputOffset())
	if err != nil {
		var pe *stdcsv.ParseError
		if errors.As(err, &pe) {
			err := pe.Err
			if r.end && errors.Is(err, stdcsv.ErrQuote) {
				err = input.CutShort(err) // a quoted field left open
			}
			// row holds the fields read before the error.
			return row, pe.StartLine, &ParseError{Format: "csv", Name: r.Name, Line: pe.StartLine, Err: err}
		}
		return nil, 0, err
	}
	// FieldPos panics after a failed Read (no fields): only here.
	line, _ := r.cr.FieldPos(0)
	return row, line, nil
}

// Read returns the next paper, io.EOF at the end, a *ParseError for a
// skipped paper (Read may be called again), or another error that ends
// the stream.
func (r *Reader) Read() (coauthnet.Paper, error) {
	if err := r.start(); err != nil {
		return coauthnet.Paper{}, err
	}
	if r.pending != nil {
		err := r.pending
		r.pending = nil
		return coauthnet.Paper{}, err
	}
	row, line, err := r.row()
	if err != nil {
		if err == io.EOF {
			return coauthnet.Paper{}, io.EOF
		}
		var pe *ParseError
		if errors.As(err, &pe) {
			if len(row) > 0 {
				pe.ID = row[0]
			}
			return coauthnet.Paper{}, err
		}
		return coauthnet.Paper{}, r.fail(err)
	}
	var p coauthnet.Paper
	var bad error
	badLine := line
	first := true
	for {
		if bad == nil {
			if err := add(&p, row, first, r.legacy); err != nil {
				if r.end && len(row) < r.width() {
					err = input.CutShort(err) // fewer columns, no line end, nothing after
				}
				bad, badLine = err, line
			}
		}
		first = false
		next, nline, err := r.row()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *ParseError
			if errors.As(err, &pe) {
				if len(next) > 0 && next[0] != p.ID {
					// A row of the next paper that could not be read: it
					// is skipped on its own, p is not.
					pe.ID, r.pending = next[0], pe
					break
				}
				if bad == nil {
					bad, badLine = pe.Err, nline
				}
				continue
			}
			return coauthnet.Paper{}, r.fail(err)
		}
		if len(next) == 0 || next[0] != p.ID {
			r.next, r.nextAt, r.nextEnd = next, nline, r.end
			break
		}
		row, line = next, nline
	}
	if bad != nil {
		return coauthnet.Paper{}, &ParseError{Format: "csv", Name: r.Name, Line: badLine, ID: p.ID, Err: bad}
	}
	if err := p.Validate(); err != nil {
		return coauthnet.Paper{}, &ParseError{Format: "csv", Name: r.Name, Line: line, ID: p.ID, Err: err}
	}
	return p, nil
}

// width is the number of columns of the file's header.
func (r *Reader) width() int {
	if r.legacy {
		return len(LegacyHeader)
	}
	return len(Header)
}

// add adds one row to p; legacy rows have no title column.
func add(p *coauthnet.Paper, row []string, first, legacy bool) error {
	want := len(Header)
	if legacy {
		want = len(LegacyHeader)
	}
	if first && len(row) > 0 {
		p.ID = row[0] // for the error, and to keep the paper's rows together
	}
	if len(row) != want {
		return fmt.Errorf("%w: %d columns, want %d", ErrRow, len(row), want)
	}
	if legacy {
		row = slices.Insert(row, colTitle, "")
	}
	if first {
		p.ID, p.DOI, p.Title = row[colID], row[colDOI], row[colTitle]
		y, err := strconv.Atoi(row[colYear])
		if err != nil {
			return fmt.Errorf("%w: year %q", ErrRow, row[colYear])
		}
		p.Year = y
		if row[colFields] != "" {
			p.Fields = strings.Split(row[colFields], "; ")
		}
		if row[colCitations] != "" {
			c, err := strconv.Atoi(row[colCitations])
			if err != nil {
				return fmt.Errorf("%w: citations %q", ErrRow, row[colCitations])
			}
			p.Citations = &c
		}
	}
	author, err1 := strconv.Atoi(row[colAuthor])
	aff, err2 := strconv.Atoi(row[colAffiliation])
	if err1 != nil || err2 != nil || author < 0 || aff < 0 {
		return fmt.Errorf("%w: author %q affiliation %q are not positions", ErrRow, row[colAuthor], row[colAffiliation])
	}
	if author == 0 {
		return nil
	}
	switch {
	case author == len(p.Authors)+1:
		p.Authors = append(p.Authors, coauthnet.Author{Name: row[colName], ID: row[colAuthorID], ORCID: row[colORCID], Corresponding: row[colCorresponding] == "true"})
	case author != len(p.Authors):
		return fmt.Errorf("%w: author %d after author %d", ErrRow, author, len(p.Authors))
	}
	a := &p.Authors[author-1]
	if aff == 0 {
		return nil
	}
	if aff != len(a.Affiliations)+1 {
		return fmt.Errorf("%w: affiliation %d after %d", ErrRow, aff, len(a.Affiliations))
	}
	a.Affiliations = append(a.Affiliations, coauthnet.Affiliation{Institution: row[colInstitution], InstitutionID: row[colInstitutionID], Country: row[colCountry]})
	return nil
}
