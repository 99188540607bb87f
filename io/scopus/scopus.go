// Package scopus reads Scopus CSV exports into coauthnet papers: comma
// separated, quoted fields that may hold newlines, UTF-8 with or without
// a byte order mark, optionally gzip or zstd compressed. Every layout
// Scopus has exported is read, told apart by the text itself rather than
// by a date: authors separated by ", " ("Smith J., Li X." 2017–2023) or
// by ";" (later), names written "Surname I." or "Surname, I.", with or
// without "Author full names" and "Author(s) ID", with or without
// "Authors with affiliations".
//
// Mapping, per row:
//
//   - ID: EID. DOI: DOI. Title: Title. Year: Year. Citations: "Cited by"
//     (empty is unknown, not zero).
//   - Authors: "Author full names" (without the "(id)" suffix) when
//     present, else Authors; ids from "Author(s) ID", else from the
//     "(57190937321)" after each name in Author full names. Authors is split on
//     ";" when it has one; otherwise on ",", a field that holds only
//     initials ("J.C.", "K.-C.") joining the surname before it, so that
//     "Smith, J., Li, X." and "Smith J., Li X." both give two names.
//   - Affiliations: "Authors with affiliations" has one entry per author
//     (or per author and affiliation), "Name, Affiliation[, Affiliation…]",
//     separated by ";". The entry's name is found by its structure: the
//     longest author name of the row that starts the entry, else a
//     surname followed by a field of initials ("Smith, J., …"), else a
//     first field ending in initials ("Smith J., …"). The rest is cut into
//     affiliations using the paper's Affiliations column (the longest
//     listed affiliation that starts the rest, repeatedly); text that
//     matches none is one affiliation. An entry goes to the author at its
//     position when the names agree, else to the author with the same
//     surname and first initial, else, when there are as many entries as
//     authors, to the author at its position.
//   - Address fallback: when a paper has affiliation text but no author
//     could be given any (no "Authors with affiliations" column, an empty
//     cell, or no entry matched an author), each affiliation of the
//     Affiliations column (else each entry's text) becomes one weight
//     unit, an author without a name, as for old Web of Science records
//     without author brackets. [Reader.AddressFallback] counts these
//     papers, for the run's summary.
//   - Institution and country: each affiliation string through the shared
//     address parser (country from the last field, "United States" → US).
//   - The author named first in "Correspondence Address" is marked
//     corresponding.
//
// HTML entities ("&amp;") are decoded before any splitting on ";".
//
// A file made by cat of several exports (Scopus exports a limited number
// of rows per file) repeats its header row, perhaps after a byte order
// mark, before each part; a repeated header is read as the header of the
// rows that follow (its columns may differ).
//
// Some exports write more cells in a row than the header has columns:
// a paper with several funding texts gets one cell per text under a
// single "Funding Text 1" heading. The extra cells sit at the funding
// text columns, so the columns before them are read from the left and
// the columns after them from the right of the row.
//
// A row that cannot be used (no EID, a Year that is not a year, a number
// of fields that no header column explains, a CSV quoting error) makes
// Read return a *ParseError with the file and line; the next Read goes
// on. Every such error wraps one of [Reasons]. A file without the columns
// EID, Year and Authors (or Author full names), or that is not CSV text,
// makes Read return another error, which ends the stream.
package scopus

import (
	"encoding/csv"
	"errors"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

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
	ErrFieldCount    = errors.New("row has a number of fields the header does not explain")
	ErrQuote         = errors.New("CSV quoting error")
	// ErrCutShort is wrapped, with ErrFieldCount, by the *ParseError of
	// a last row with fewer fields than the header and no line end: the
	// file looks cut short ([input.ErrCutShort]).
	ErrCutShort = input.ErrCutShort
)

// Reasons lists the errors that every *ParseError of this package wraps
// (exactly one of them): errors.Is(err, reason) for the first matching
// reason names why a row was skipped, and reason.Error() is a summary's
// wording.
var Reasons = []error{ErrNoEID, ErrBadYear, ErrFieldCount, ErrQuote}

// ParseError is [coauthnet.ParseError], the error of a skipped record
// shared by every reader; its Format is "scopus".
type ParseError = coauthnet.ParseError

// A Reader reads papers from a Scopus CSV export. It is not safe for
// concurrent use.
type Reader struct {
	Name string
	// Unmapped counts the country texts that mapped to no ISO code.
	Unmapped map[string]int
	// AddressFallback counts the papers read whose affiliations could be
	// given to no author and were counted as addresses instead, one
	// weight unit each (package doc). A summary reports it: a high share
	// means the byline and "Authors with affiliations" did not match.
	AddressFallback int
	Encoding        string // "UTF-8", "UTF-8 with BOM", "UTF-16LE with BOM", "UTF-16BE with BOM"
	Compression     string // "", "gzip" or "zstd"

	src     io.Reader
	cr      *csv.Reader
	tail    *input.Tail
	started bool
	err     error
	col     map[string]int
	ncol    int
	// fund is the first and last index of the header's "Funding Text"
	// columns ([-1 -1] without any): a row's extra cells sit there.
	fund [2]int
	row  []string // the row being read
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
	r.tail = input.NewTail(br)
	r.cr = csv.NewReader(r.tail)
	r.cr.LazyQuotes = true
	r.cr.FieldsPerRecord = -1
	header, err := r.cr.Read()
	if err == io.EOF {
		return r.fail(fmt.Errorf("%w: empty file", ErrNotScopus))
	}
	if err != nil {
		return r.fail(fmt.Errorf("%w: header: %v", ErrNotScopus, err))
	}
	return r.setHeader(header)
}

// headerCell cleans a header cell: a byte order mark (the start of a
// concatenated part) and the quotes left around it when the mark came
// before the opening quote are removed.
func headerCell(h string) string {
	h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
	if len(h) >= 2 && h[0] == '"' && h[len(h)-1] == '"' {
		h = h[1 : len(h)-1]
	}
	return h
}

// isHeader reports whether a row is a header row: it has the cells EID
// and Year, which no record has as its values. A file made by cat of
// several exports repeats its header before each part.
func isHeader(row []string) bool {
	eid, year := false, false
	for _, c := range row {
		switch headerCell(c) {
		case "EID":
			eid = true
		case "Year":
			year = true
		}
	}
	return eid && year
}

// setHeader takes a header row's columns (the first row, or a repeated
// header of a concatenated part, whose columns may differ).
func (r *Reader) setHeader(header []string) error {
	r.col = map[string]int{}
	for i, h := range header {
		r.col[headerCell(h)] = i
	}
	r.ncol = len(header)
	r.fund = [2]int{-1, -1}
	for i, h := range header {
		if strings.HasPrefix(headerCell(h), "Funding Text") {
			if r.fund[0] < 0 {
				r.fund[0] = i
			}
			r.fund[1] = i
		}
	}
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

// aligned reports whether a row of n cells can be read against the
// header: n equals the header's columns, or the difference sits at the
// Funding Text columns (package doc).
func (r *Reader) aligned(n int) bool {
	if n == r.ncol {
		return true
	}
	if r.fund[0] < 0 {
		return false
	}
	// Columns after the funding texts, read from the right, must not
	// reach the columns before them, read from the left.
	after := r.ncol - r.fund[1] - 1
	return n-after >= r.fund[0]
}

// get returns the row's cell of the named column, HTML entities decoded,
// or "" if there is no such column.
func (r *Reader) get(row []string, name string) string {
	i, ok := r.col[name]
	if !ok {
		return ""
	}
	if len(row) != r.ncol && r.fund[0] >= 0 {
		switch {
		case i > r.fund[1]:
			i = len(row) - (r.ncol - i)
		case i >= r.fund[0]:
			return "" // a funding text: the row has more or fewer of them
		}
	}
	if i < 0 || i >= len(row) {
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
			return coauthnet.Paper{}, &ParseError{Format: "scopus", Name: r.Name, Line: pe.StartLine, Err: fmt.Errorf("%w: %v", ErrQuote, pe.Err)}
		}
		if err != nil {
			return coauthnet.Paper{}, r.fail(err)
		}
		if len(row) == 1 && strings.TrimSpace(row[0]) == "" {
			continue
		}
		if isHeader(row) {
			// The header of a concatenated part.
			if err := r.setHeader(row); err != nil {
				return coauthnet.Paper{}, err
			}
			continue
		}
		if !r.aligned(len(row)) {
			id := ""
			if len(row) > r.ncol {
				id = r.get(row[:r.ncol], "EID")
			}
			err := fmt.Errorf("%w: %d fields for %d header columns", ErrFieldCount, len(row), r.ncol)
			if len(row) < r.ncol && r.tail.EndsAt(r.cr.InputOffset()) {
				err = input.CutShort(err)
			}
			return coauthnet.Paper{}, &ParseError{Format: "scopus", Name: r.Name, Line: line, ID: id, Err: err}
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
	p := coauthnet.Paper{ID: r.get(row, "EID"), DOI: r.get(row, "DOI"), Title: r.get(row, "Title")}
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
	var fullIDs []string // "Name (57190937321)" in Author full names
	if full := r.get(row, "Author full names"); full != "" {
		names = nil
		for _, n := range strings.Split(full, ";") {
			n = strings.TrimSpace(n)
			id := ""
			if i := strings.LastIndex(n, " ("); i > 0 && strings.HasSuffix(n, ")") {
				n, id = n[:i], n[i+2:len(n)-1]
			}
			if n != "" {
				names = append(names, n)
				fullIDs = append(fullIDs, digitsOnly(id))
			}
		}
	}
	ids := splitSemi(r.get(row, "Author(s) ID"))
	if len(ids) != len(names) && len(fullIDs) == len(names) {
		ids = fullIDs
	}
	for i, n := range names {
		a := coauthnet.Author{Name: n}
		if len(ids) == len(names) {
			a.ID = ids[i]
		}
		p.Authors = append(p.Authors, a)
	}

	affs := splitSemi(r.get(row, "Affiliations"))
	entries := splitSemi(r.get(row, "Authors with affiliations"))
	matched := false
	var rests []string
	for i, e := range entries {
		name, rest := splitEntry(e, p.Authors, short)
		if rest == "" {
			continue
		}
		rests = append(rests, rest)
		k := entryAuthor(i, name, len(entries), p.Authors, short)
		if k < 0 {
			continue
		}
		for _, a := range cutAffiliations(rest, affs) {
			p.Authors[k].Affiliations = append(p.Authors[k].Affiliations, r.affiliation(a))
			matched = true
		}
	}
	if !matched && (len(affs) > 0 || len(rests) > 0) {
		// Affiliation text that no author could be given: count its
		// addresses, one weight unit each (package doc).
		if len(affs) == 0 {
			affs = rests
		}
		p.Authors = nil
		for _, a := range affs {
			p.Authors = append(p.Authors, coauthnet.Author{Affiliations: []coauthnet.Affiliation{r.affiliation(a)}})
		}
		r.AddressFallback++
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

// splitAuthors splits the Authors column: on ";" when it has one (later
// exports); otherwise on ",", a field of initials joining the surname
// before it, so that "Rahmani A.M., Gia T.N." (2017 layout) and
// "Rahmani, A.M., Gia, T.N." both give two names.
func splitAuthors(s string) []string {
	var out []string
	if strings.Contains(s, ";") {
		for _, f := range splitSemi(s) {
			if f != "[No author name available]" {
				out = append(out, f)
			}
		}
		return out
	}
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		switch {
		case f == "" || f == "[No author name available]":
		case isInitials(f) && len(out) > 0 && !endsInInitials(out[len(out)-1]):
			out[len(out)-1] += ", " + f
		default:
			out = append(out, f)
		}
	}
	return out
}

// isInitials reports whether s is only initials: "J.", "J.C.", "K.-C.",
// "Ch.", "J. C.", "A.M.H." (each an upper-case letter, perhaps one more
// lower-case letter, and a full stop).
func isInitials(s string) bool {
	if s == "" {
		return false
	}
	for _, w := range strings.Fields(s) {
		for _, part := range strings.Split(w, "-") {
			if part == "" {
				continue
			}
			if !isInitialRun(part) {
				return false
			}
		}
	}
	return true
}

// isInitialRun reports whether s is one or more initials run together:
// "J.", "J.C.", "Ch.", "A.M.H.".
func isInitialRun(s string) bool {
	for s != "" {
		r, n := utf8.DecodeRuneInString(s)
		if !unicode.IsUpper(r) {
			return false
		}
		s = s[n:]
		if r2, n2 := utf8.DecodeRuneInString(s); s != "" && unicode.IsLower(r2) {
			s = s[n2:]
		}
		if !strings.HasPrefix(s, ".") {
			return false
		}
		s = s[1:]
	}
	return true
}

// endsInInitials reports whether a name ends in initials after a
// surname: "Rahmani A.M.", "Rahmani, A.M.".
func endsInInitials(s string) bool {
	i := strings.LastIndexAny(s, " ,")
	return i > 0 && isInitials(s[i+1:])
}

// splitEntry splits an entry of "Authors with affiliations" into the
// author's name and the rest, by the entry's structure (package doc):
// "Rahmani, A.M., Dept X, Univ Y, Country" and "Rahmani A.M., Dept X,
// Univ Y, Country" both give the name and "Dept X, Univ Y, Country".
func splitEntry(e string, authors []coauthnet.Author, short []string) (name, rest string) {
	// The longest author name of the row that starts the entry.
	best := ""
	try := func(n string) {
		if len(n) > len(best) && strings.HasPrefix(e, n) && strings.HasPrefix(e[len(n):], ", ") {
			best = n
		}
	}
	for _, a := range authors {
		try(a.Name)
	}
	for _, n := range short {
		try(n)
	}
	if best != "" {
		return best, strings.TrimSpace(e[len(best)+2:])
	}
	fields := strings.SplitN(e, ", ", 3)
	switch {
	case len(fields) == 3 && isInitials(fields[1]):
		return fields[0] + ", " + fields[1], strings.TrimSpace(fields[2])
	case len(fields) >= 2 && endsInInitials(fields[0]):
		return fields[0], strings.TrimSpace(e[len(fields[0])+2:])
	case len(fields) == 2 && isInitials(fields[1]):
		return e, "" // a name without affiliation
	}
	// No name found: the whole entry is an address.
	return "", e
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
	if k == "" {
		return -1
	}
	for i, a := range authors {
		if nameKey(a.Name) == k || (i < len(short) && nameKey(short[i]) == k) {
			return i
		}
	}
	return -1
}

// entryAuthor returns the author that entry i (of n) with this name
// belongs to, or -1: the author at position i when the names agree, else
// the author with the same surname and first initial, else, with as many
// entries as authors, the author at position i.
func entryAuthor(i int, name string, n int, authors []coauthnet.Author, short []string) int {
	k := nameKey(name)
	if i < len(authors) && k != "" && (nameKey(authors[i].Name) == k || (i < len(short) && nameKey(short[i]) == k)) {
		return i
	}
	if j := findAuthor(authors, short, name); j >= 0 {
		return j
	}
	if n == len(authors) && name != "" {
		return i
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

// digitsOnly returns s if it is a non-empty run of ASCII digits (a
// Scopus author id), else "".
func digitsOnly(s string) string {
	if s == "" {
		return ""
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return ""
		}
	}
	return s
}
