// Package scopus reads Scopus CSV exports into coauthnet papers: comma
// separated, quoted fields that may hold newlines, UTF-8 with or without
// a byte order mark, optionally gzip or zstd compressed; the 2017 layout
// (authors "Smith J., Li X.") and later ones (authors separated by ";",
// "Author full names", "Author(s) ID").
//
// Mapping, per row:
//
//   - ID: EID. DOI: DOI. Year: Year. Citations: "Cited by" (empty is
//     unknown, not zero).
//   - Authors: "Author full names" (without the "(id)" suffix) when
//     present, else Authors; ids from "Author(s) ID".
//   - Affiliations: "Authors with affiliations" has one entry per author,
//     "Name, Affiliation[, Affiliation…]", separated by ";". An entry's
//     text after the name is cut into affiliations using the paper's
//     Affiliations column (the longest listed affiliation that starts the
//     rest, repeatedly); text that matches none is one affiliation.
//     Entries go to authors by position when there are as many entries as
//     authors, else by name. Without "Authors with affiliations", each
//     affiliation in Affiliations is one weight unit (an unnamed author),
//     as for old Web of Science records.
//   - Institution and country: each affiliation string through the shared
//     address parser (country from the last field, "United States" → US).
//   - The author named first in "Correspondence Address" is marked
//     corresponding.
//
// HTML entities ("&amp;") are decoded before any splitting on ";".
//
// A row that cannot be used (no EID, a Year that is not a year, a wrong
// number of fields) makes Read return a *ParseError with the file and
// line; the next Read goes on. A file without the columns EID, Year and
// Authors (or Author full names), or that is not CSV text, makes Read
// return another error, which ends the stream.
package scopus

import (
	"encoding/csv"
	"errors"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/internal/input"
	"github.com/coauthnet/coauthnet/io/internal/address"
)

// Errors wrapped by *ParseError or returned by Read.
var (
	ErrNotScopus     = errors.New("not a Scopus CSV export")
	ErrMissingColumn = errors.New("missing column")
	ErrNoEID         = errors.New("no EID")
	ErrBadYear       = errors.New("Year is not a year")
)

// ParseError is [coauthnet.ParseError], the error of a skipped record
// shared by every reader; its Format is "scopus".
type ParseError = coauthnet.ParseError

// A Reader reads papers from a Scopus CSV export. It is not safe for
// concurrent use.
type Reader struct {
	Name string
	// Unmapped counts the country texts that mapped to no ISO code.
	Unmapped    map[string]int
	Encoding    string // "UTF-8", "UTF-8 with BOM", "UTF-16LE with BOM", "UTF-16BE with BOM"
	Compression string // "", "gzip" or "zstd"

	src     io.Reader
	cr      *csv.Reader
	started bool
	err     error
	col     map[string]int
	ncol    int
}

// NewReader returns a Reader of r.
func NewReader(r io.Reader) *Reader { return &Reader{src: r, Unmapped: map[string]int{}} }

func (r *Reader) fail(err error) error {
	r.err = input.Fatal("scopus", r.Name, err)
	return r.err
}

func (r *Reader) start() error {
	if r.started {
		return r.err
	}
	r.started = true
	br, enc, comp, err := input.OpenText(r.src)
	r.Encoding, r.Compression = string(enc), string(comp)
	if err != nil {
		return r.fail(err)
	}
	r.cr = csv.NewReader(br)
	r.cr.LazyQuotes = true
	r.cr.FieldsPerRecord = -1
	header, err := r.cr.Read()
	if err == io.EOF {
		return r.fail(fmt.Errorf("%w: empty file", ErrNotScopus))
	}
	if err != nil {
		return r.fail(fmt.Errorf("%w: header: %v", ErrNotScopus, err))
	}
	r.col = map[string]int{}
	for i, h := range header {
		r.col[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	r.ncol = len(header)
	var missing []string
	for _, c := range []string{"EID", "Year"} {
		if _, ok := r.col[c]; !ok {
			missing = append(missing, c)
		}
	}
	_, au := r.col["Authors"]
	_, full := r.col["Author full names"]
	if !au && !full {
		missing = append(missing, "Authors")
	}
	if len(missing) > 0 {
		if len(missing) == 3 {
			return r.fail(fmt.Errorf("%w: header has none of EID, Year, Authors", ErrNotScopus))
		}
		return r.fail(fmt.Errorf("%w %s (the header has %d columns)", ErrMissingColumn, strings.Join(missing, ", "), len(header)))
	}
	return nil
}

func (r *Reader) get(row []string, name string) string {
	i, ok := r.col[name]
	if !ok || i >= len(row) {
		return ""
	}
	return strings.TrimSpace(html.UnescapeString(row[i]))
}

// Read returns the next paper, io.EOF at the end, a *ParseError for a
// skipped row (Read may be called again), or another error that ends the
// stream.
func (r *Reader) Read() (coauthnet.Paper, error) {
	if err := r.start(); err != nil {
		return coauthnet.Paper{}, err
	}
	for {
		row, err := r.cr.Read()
		if err == io.EOF {
			return coauthnet.Paper{}, io.EOF
		}
		line, _ := r.cr.FieldPos(0)
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return coauthnet.Paper{}, &ParseError{Format: "scopus", Name: r.Name, Line: pe.StartLine, Err: pe.Err}
		}
		if err != nil {
			return coauthnet.Paper{}, r.fail(err)
		}
		if len(row) == 1 && strings.TrimSpace(row[0]) == "" {
			continue
		}
		if len(row) != r.ncol {
			return coauthnet.Paper{}, &ParseError{Format: "scopus", Name: r.Name, Line: line, ID: r.get(row, "EID"),
				Err: fmt.Errorf("%d fields for %d header columns", len(row), r.ncol)}
		}
		p, err := r.build(row)
		if err != nil {
			return coauthnet.Paper{}, &ParseError{Format: "scopus", Name: r.Name, Line: line, ID: p.ID, Err: err}
		}
		return p, nil
	}
}

// ReadAll reads every paper, stopping at the first error of any kind.
func (r *Reader) ReadAll() ([]coauthnet.Paper, error) { return coauthnet.ReadAll(r) }

func (r *Reader) build(row []string) (coauthnet.Paper, error) {
	p := coauthnet.Paper{ID: r.get(row, "EID"), DOI: r.get(row, "DOI")}
	if p.ID == "" {
		return p, ErrNoEID
	}
	y, err := strconv.Atoi(r.get(row, "Year"))
	if err != nil || y < coauthnet.MinYear || y > coauthnet.MaxYear {
		return p, fmt.Errorf("%w: %q", ErrBadYear, r.get(row, "Year"))
	}
	p.Year = y
	if c := r.get(row, "Cited by"); c != "" {
		if n, err := strconv.Atoi(c); err == nil && n >= 0 {
			p.Citations = &n
		}
	}

	short := splitAuthors(r.get(row, "Authors"))
	names := short
	if full := r.get(row, "Author full names"); full != "" {
		names = nil
		for _, n := range strings.Split(full, ";") {
			n = strings.TrimSpace(n)
			if i := strings.LastIndex(n, " ("); i > 0 && strings.HasSuffix(n, ")") {
				n = n[:i]
			}
			if n != "" {
				names = append(names, n)
			}
		}
	}
	ids := splitSemi(r.get(row, "Author(s) ID"))
	for i, n := range names {
		a := coauthnet.Author{Name: n}
		if len(ids) == len(names) {
			a.ID = ids[i]
		}
		p.Authors = append(p.Authors, a)
	}

	affs := splitSemi(r.get(row, "Affiliations"))
	entries := splitSemi(r.get(row, "Authors with affiliations"))
	switch {
	case len(entries) > 0:
		for i, e := range entries {
			name, rest := splitEntry(e)
			k := i
			if len(entries) != len(p.Authors) {
				k = findAuthor(p.Authors, short, name)
			}
			if k < 0 || k >= len(p.Authors) {
				continue
			}
			for _, a := range cutAffiliations(rest, affs) {
				p.Authors[k].Affiliations = append(p.Authors[k].Affiliations, r.affiliation(a))
			}
		}
	case len(affs) > 0:
		p.Authors = nil
		for _, a := range affs {
			p.Authors = append(p.Authors, coauthnet.Author{Affiliations: []coauthnet.Affiliation{r.affiliation(a)}})
		}
	}
	if corr := r.get(row, "Correspondence Address"); corr != "" {
		name, _, _ := strings.Cut(corr, ";")
		if k := findAuthor(p.Authors, short, name); k >= 0 {
			p.Authors[k].Corresponding = true
		}
	}
	return p, p.Validate()
}

func (r *Reader) affiliation(s string) coauthnet.Affiliation {
	a := address.Parse(s)
	if a.Country == "" && a.CountryText != "" {
		r.Unmapped[a.CountryText]++
	}
	return coauthnet.Affiliation{Institution: a.Institution, Country: a.Country}
}

func splitSemi(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ";") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// splitAuthors splits the Authors column: ";" in later exports, ", " in
// the 2017 layout ("Rahmani A.M., Gia T.N.").
func splitAuthors(s string) []string {
	if strings.Contains(s, ";") {
		return splitSemi(s)
	}
	var out []string
	for _, f := range strings.Split(s, ", ") {
		if f = strings.TrimSpace(f); f != "" && f != "[No author name available]" {
			out = append(out, f)
		}
	}
	return out
}

// splitEntry splits "Rahmani, A.M., Dept X, Univ Y, Country" into the
// name ("Rahmani, A.M.") and the rest.
func splitEntry(e string) (name, rest string) {
	first := strings.Index(e, ", ")
	if first < 0 {
		return e, ""
	}
	second := strings.Index(e[first+2:], ", ")
	if second < 0 {
		return e, ""
	}
	cut := first + 2 + second
	return e[:cut], strings.TrimSpace(e[cut+2:])
}

// nameKey folds "Rahmani, A.M.", "Rahmani A.M." and "Rahmani, Amir M."
// to a comparable surname plus first initial: "rahmani a".
func nameKey(s string) string {
	f := strings.Fields(address.Normalize(s))
	if len(f) == 0 {
		return ""
	}
	if len(f) == 1 {
		return f[0]
	}
	return f[0] + " " + f[1][:1]
}

// findAuthor returns the index of the author whose name (full or short)
// matches name, or -1.
func findAuthor(authors []coauthnet.Author, short []string, name string) int {
	k := nameKey(name)
	for i, a := range authors {
		if nameKey(a.Name) == k || (i < len(short) && nameKey(short[i]) == k) {
			return i
		}
	}
	return -1
}

// cutAffiliations cuts the text after an author's name into the
// affiliations listed in the paper's Affiliations column.
func cutAffiliations(rest string, affs []string) []string {
	var out []string
	for rest != "" {
		best := ""
		for _, a := range affs {
			if len(a) > len(best) && strings.HasPrefix(rest, a) && (len(rest) == len(a) || strings.HasPrefix(rest[len(a):], ", ")) {
				best = a
			}
		}
		if best == "" {
			out = append(out, rest)
			break
		}
		out = append(out, best)
		rest = strings.TrimPrefix(rest[len(best):], ", ")
	}
	return out
}
