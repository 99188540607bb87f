// Package wos reads Web of Science exports into coauthnet papers: plain
// text ("Full Record" with tags, continuation lines, ER/EF) and
// tab-delimited (a header row of tags), in UTF-8 with or without a byte
// order mark or UTF-16 with one, optionally gzip or zstd compressed.
//
// Mapping, per record:
//
//   - ID: UT as written ("WOS:000123456700042"). DOI: DI. Citations: TC
//     (Web of Science Core Collection times cited). Title: TI, its
//     continuation lines joined by a space.
//   - Year: PY; when PY is empty (early access), EY, else the year at the
//     end of EA ("OCT 2024"). A PY that is not a year skips the record.
//   - Fields: WC (Web of Science categories), else SC, split on "; ".
//   - Authors: AF (full names), else AU, in byline order. Authors named
//     in RP are marked corresponding. ORCID: from OI ("Name/ORCID; …")
//     when the name finds exactly one author.
//   - Affiliations: C1. A line "[Name; Name] Address" gives Address to
//     each named author (names matched to AF, else AU; an author may have
//     several). Older records have C1 addresses without names (and a few
//     newer ones have some such lines): each such address becomes one
//     weight unit, an author of its own without a name appended to the
//     byline, because the authors cannot be told apart; when no address
//     names anybody (or the bracketed names match no author of the
//     byline), the named authors are left out and every address is such
//     a unit ([Reader.AddressFallback] counts these papers). An author
//     named in RP (reprint/corresponding) whom C1 gives no address gets
//     the RP address (this is also how records with an empty C1 get
//     any).
//   - Institution: the organisation-enhanced name from C3 that best
//     matches the address's institution (first field, abbreviations such
//     as "Univ", "Inst", "Natl" expanded; at least half the words shared),
//     else the address's institution as written. Country: the address's
//     last field, through the shared country table ("Peoples R China",
//     "FL 32611 USA", "England" → GB).
//
// Concatenated exports are one stream: Web of Science exports at most
// 500 or 1000 records per file, and users join the parts with cat. A
// plain-text file may hold any number of "FN … EF" blocks, each with its
// own header and trailer, a byte order mark at the start of any line
// (the start of a part), blank lines and CRLF line ends between blocks; a
// tab-delimited file may repeat its header row (with or without a byte
// order mark) before each part, and a repeated header may list other
// columns. Every record of the file is either returned or reported: the
// papers read plus the *ParseErrors returned equal the records in the
// file.
//
// Cost: one pass over the bytes; a record's fields that the mapping above
// uses are copied out, the others (cited references, abstracts: most of
// an export's bytes) are only scanned. Matching C1 names and C3 names is
// O(names + addresses × C3 names × words) per record.
//
// A record that cannot be used (no UT, a PY that is not a year, a line
// that is neither a tag nor a continuation, a record not closed by ER
// before the end of its block or of the file, a row with more cells than
// its header has columns) makes Read return a *ParseError naming the file
// and the record's first line; the next Read goes on with the next
// record. Every such error wraps one of [Reasons]. A file that is not a Web of Science
// export, or is binary or UTF-16 without a byte order mark, makes Read
// return another error, which ends the stream.
package wos

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/internal/input"
	"github.com/coauthnet/coauthnet/io/internal/address"
)

// Errors wrapped by *ParseError or returned by Read.
var (
	ErrNotWoS    = errors.New("not a Web of Science export")
	ErrNoUT      = errors.New("no UT (accession number)")
	ErrBadYear   = errors.New("PY is not a year")
	ErrNoYear    = errors.New("no year (PY, EY, EA)")
	ErrGarbage   = errors.New("line is neither a field tag nor a continuation")
	ErrTruncated = errors.New("record not closed by ER")
	// ErrForeign ends reading a plain-text file at text between records
	// that starts no record: another file concatenated to the export.
	ErrForeign   = errors.New("not Web of Science records")
	ErrCellCount = errors.New("row has more cells than its header has columns")
)

// Reasons lists the errors that every *ParseError of this package wraps
// (exactly one of them): errors.Is(err, reason) for the first matching
// reason names why a record was skipped, and reason.Error() is a
// summary's wording.
var Reasons = []error{ErrNoUT, ErrBadYear, ErrNoYear, ErrGarbage, ErrTruncated, ErrCellCount}

// ParseError is [coauthnet.ParseError], the error of a skipped record
// shared by every reader; its Format is "wos".
type ParseError = coauthnet.ParseError

// Format is the kind of export a Reader found.
type Format string

const (
	Plain Format = "wos plain text"
	Tab   Format = "wos tab-delimited"
)

// A Reader reads papers from a Web of Science export. It is not safe for
// concurrent use.
type Reader struct {
	// Name is used in errors.
	Name string
	// Unmapped counts the country texts that mapped to no ISO code.
	Unmapped map[string]int
	// AddressFallback counts the papers read whose C1 addresses could be
	// given to no author (no C1 line names one, or the names in the
	// brackets match nobody in AF/AU) and were counted as addresses, one
	// weight unit each (package doc). A summary reports it beside
	// Scopus's count of the same name.
	AddressFallback int
	// Format, Encoding and Compression describe the input, known after
	// the first Read.
	Format      Format
	Encoding    string // "UTF-8", "UTF-8 with BOM", "UTF-16LE with BOM", "UTF-16BE with BOM"
	Compression string // "", "gzip" or "zstd"

	src     io.Reader
	br      *bufio.Reader
	started bool
	err     error
	line    int
	header  []string // tab-delimited column tags
	used    []bool   // tab-delimited: the columns that build reads
	pending string   // a line read ahead
	scratch []byte   // a line longer than the bufio buffer
}

// NewReader returns a Reader of r.
func NewReader(r io.Reader) *Reader {
	return &Reader{src: r, Unmapped: map[string]int{}}
}

func (r *Reader) fail(err error) error {
	r.err = input.Fatal("wos", r.Name, err)
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
	r.br = br
	var first string
	for {
		first, err = r.readLine()
		if err != nil && err != io.EOF {
			return r.fail(err)
		}
		if err == io.EOF || strings.TrimSpace(first) != "" {
			break
		}
	}
	switch {
	case strings.HasPrefix(first, "FN ") || strings.HasPrefix(first, "VR ") || strings.HasPrefix(first, "PT "):
		r.Format = Plain
		r.pending = first
		r.line-- // pending is re-read
	case strings.HasPrefix(first, "PT\t"):
		r.Format = Tab
		r.setHeader(first)
	default:
		n := min(len(first), 40)
		return r.fail(fmt.Errorf("%w: first line starts %q, want FN, PT or a PT<tab> header", ErrNotWoS, first[:n]))
	}
	return nil
}

// setHeader takes a tab-delimited header row's column tags.
func (r *Reader) setHeader(line string) {
	r.header = strings.Split(line, "\t")
	r.used = make([]bool, len(r.header))
	for i := range r.header {
		r.header[i] = strings.TrimSpace(r.header[i])
		r.used[i] = used([]byte(r.header[i]))
	}
}

// readLine returns the next line as a string (see readBytes).
func (r *Reader) readLine() (string, error) {
	b, err := r.readBytes()
	return string(b), err
}

// readBytes returns the next line without its end of line and without a
// byte order mark at its start (a concatenated part's), or io.EOF. The
// bytes are valid until the next call: fields are copied out only for
// the tags that build uses (see used), so that the cited references and
// abstracts, most of an export's bytes, are never copied.
func (r *Reader) readBytes() ([]byte, error) {
	if r.pending != "" {
		s := r.pending
		r.pending = ""
		r.line++
		return []byte(s), nil
	}
	b, err := r.br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		r.scratch = append(r.scratch[:0], b...)
		for err == bufio.ErrBufferFull {
			b, err = r.br.ReadSlice('\n')
			r.scratch = append(r.scratch, b...)
		}
		b = r.scratch
	}
	if err != nil && (err != io.EOF || len(b) == 0) {
		if err == io.EOF {
			return nil, io.EOF
		}
		return nil, r.fail(err)
	}
	r.line++
	for len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	if len(b) >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf {
		b = b[3:]
	}
	return b, nil
}

// used reports whether build reads the field with this tag; the others
// are not kept.
func used(tag []byte) bool {
	switch string(tag) {
	case "PT", "UT", "DI", "TI", "PY", "EY", "EA", "TC", "WC", "SC", "AF", "AU", "C1", "C3", "RP", "OI":
		return true
	}
	return false
}

func isBlank(b []byte) bool { return len(bytes.TrimSpace(b)) == 0 }

// Read returns the next paper, io.EOF at the end, a *ParseError for a
// skipped record (Read may be called again), or another error that ends
// the stream.
func (r *Reader) Read() (coauthnet.Paper, error) {
	if err := r.start(); err != nil {
		return coauthnet.Paper{}, err
	}
	if r.Format == Tab {
		return r.readTab()
	}
	return r.readPlain()
}

// ReadAll reads every paper, stopping at the first error of any kind.
func (r *Reader) ReadAll() ([]coauthnet.Paper, error) { return coauthnet.ReadAll(r) }

// record is one record's fields: tag → lines (plain) or cells split into
// logical lines (tab).
type record map[string][]string

func (r *Reader) readPlain() (coauthnet.Paper, error) {
	var rec record
	start := 0
	tag := ""
	keep := false // the current tag is used
	var bad error
	for {
		line, err := r.readBytes()
		if err == io.EOF {
			if rec != nil {
				return coauthnet.Paper{}, &ParseError{Format: "wos", Name: r.Name, Line: start, ID: first(rec["UT"]),
					Err: fmt.Errorf("%w: end of file", ErrTruncated)}
			}
			return coauthnet.Paper{}, io.EOF
		}
		if err != nil {
			return coauthnet.Paper{}, err
		}
		if isBlank(line) {
			continue
		}
		if rest, ok := joinedPart(line); ok {
			// "EF" without a line end, then the next part (cat of a
			// file that does not end in a newline).
			r.pending = string(rest)
			line = line[:2]
			r.line--
		}
		if isBlockLine(line) {
			if rec == nil {
				// FN, VR and EF frame a block; another block may follow.
				continue
			}
			// A block boundary inside a record: the record lost its ER.
			// Report it and read the boundary again with the next call.
			r.pending = string(line)
			r.line--
			return coauthnet.Paper{}, &ParseError{Format: "wos", Name: r.Name, Line: start, ID: first(rec["UT"]),
				Err: fmt.Errorf("%w: line %d starts %.2s", ErrTruncated, r.line+1, line)}
		}
		if rec == nil {
			if !bytes.HasPrefix(line, []byte("PT ")) && string(line) != "PT" {
				// Every record starts with PT: text between records
				// that does not is another file run into this one (a
				// Scopus CSV after a WoS export), not a record to skip.
				return coauthnet.Paper{}, fmt.Errorf("%w: %s line %d: %.40q starts no record (want PT): is a file of another format concatenated to it?", ErrForeign, r.Name, r.line, line)
			}
			rec = record{}
			start = r.line
		} else if bytes.HasPrefix(line, []byte("PT ")) && rec["PT"] != nil {
			// A second PT: the record before it lost its ER.
			r.pending = string(line)
			r.line--
			return coauthnet.Paper{}, &ParseError{Format: "wos", Name: r.Name, Line: start, ID: first(rec["UT"]),
				Err: fmt.Errorf("%w: line %d starts the next record", ErrTruncated, r.line+1)}
		}
		if string(line) == "ER" || bytes.HasPrefix(line, []byte("ER ")) {
			if bad != nil {
				return coauthnet.Paper{}, &ParseError{Format: "wos", Name: r.Name, Line: start, ID: first(rec["UT"]), Err: bad}
			}
			p, err := r.build(rec)
			if err != nil {
				return coauthnet.Paper{}, &ParseError{Format: "wos", Name: r.Name, Line: start, ID: first(rec["UT"]), Err: err}
			}
			return p, nil
		}
		switch {
		case bytes.HasPrefix(line, []byte("   ")) && tag != "":
			if keep {
				rec[tag] = append(rec[tag], string(bytes.TrimSpace(line)))
			}
		case isTag(line):
			keep = used(line[:2])
			if keep {
				tag = string(line[:2])
				rec[tag] = append(rec[tag], string(bytes.TrimSpace(line[2:])))
			} else {
				tag = "-" // a tag not kept: its continuation lines are skipped
			}
		default:
			if bad == nil {
				bad = fmt.Errorf("line %d: %w: %.40q", r.line, ErrGarbage, line)
			}
		}
	}
}

// joinedPart reports whether line is an EF trailer run together with the
// next part's first line (which may start with a byte order mark), and
// returns that line.
func joinedPart(line []byte) ([]byte, bool) {
	if len(line) <= 2 || line[0] != 'E' || line[1] != 'F' || line[2] == ' ' {
		return nil, false
	}
	rest := bytes.TrimPrefix(line[2:], []byte("\ufeff"))
	if isBlockLine(rest) || bytes.HasPrefix(rest, []byte("PT ")) {
		return rest, true
	}
	return nil, false
}

// isBlockLine reports whether line is a block's header (FN, VR) or
// trailer (EF): tags that never occur inside a record.
func isBlockLine(line []byte) bool {
	if len(line) < 2 || (len(line) > 2 && line[2] != ' ') {
		return false
	}
	switch string(line[:2]) {
	case "FN", "VR", "EF":
		return true
	}
	return false
}

// isTag reports whether line starts with a field tag: two upper-case
// letters or a letter and a digit, then a space or the end.
func isTag(line []byte) bool {
	if len(line) < 2 {
		return false
	}
	a, b := line[0], line[1]
	if a < 'A' || a > 'Z' || !((b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')) {
		return false
	}
	return len(line) == 2 || line[2] == ' '
}

func (r *Reader) readTab() (coauthnet.Paper, error) {
	for {
		line, err := r.readBytes()
		if err != nil {
			return coauthnet.Paper{}, err
		}
		if isBlank(line) {
			continue
		}
		if bytes.HasPrefix(line, []byte("PT\t")) {
			// The header row of a concatenated part (record rows start
			// with a publication type such as J or B, never PT).
			r.setHeader(string(line))
			continue
		}
		rowLine := r.line
		if i := bytes.Index(line, []byte("\ufeffPT\t")); i >= 0 {
			// A row without a line end, then the next part's header
			// (cat of a file that does not end in a newline): read the
			// header next, as the same line.
			r.pending = string(line[i+3:])
			r.line--
			line = line[:i]
		}
		rec := record{}
		cells := 0
		for rest := line; ; cells++ {
			c := rest
			tab := bytes.IndexByte(rest, '\t')
			if tab >= 0 {
				c, rest = rest[:tab], rest[tab+1:]
			}
			if cells < len(r.header) && r.used[cells] {
				if c = bytes.TrimSpace(c); len(c) > 0 {
					tag := r.header[cells]
					switch tag {
					case "AU", "AF":
						rec[tag] = splitSemi(string(c))
					case "C1":
						rec[tag] = splitC1(string(c))
					default:
						rec[tag] = []string{string(c)}
					}
				}
			}
			if tab < 0 {
				cells++
				break
			}
		}
		if cells > len(r.header)+1 {
			return coauthnet.Paper{}, &ParseError{Format: "wos", Name: r.Name, Line: rowLine, ID: first(rec["UT"]),
				Err: fmt.Errorf("%w: %d cells for %d columns", ErrCellCount, cells, len(r.header))}
		}
		p, err := r.build(rec)
		if err != nil {
			return coauthnet.Paper{}, &ParseError{Format: "wos", Name: r.Name, Line: rowLine, ID: first(rec["UT"]), Err: err}
		}
		return p, nil
	}
}

func first(v []string) string {
	if len(v) == 0 {
		return ""
	}
	return v[0]
}

// joined returns a field's lines joined by a space (soft-wrapped text).
func joined(v []string) string { return strings.Join(v, " ") }

func splitSemi(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ";") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// splitC1 splits a tab-delimited C1 cell into one entry per address,
// keeping "[Name; Name] Address" together.
func splitC1(s string) []string {
	var out []string
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		end := 0
		if s[0] == '[' {
			close := strings.IndexByte(s, ']')
			if close < 0 {
				out = append(out, s)
				break
			}
			end = close
		}
		next := strings.Index(s[end:], "; [")
		if s[0] != '[' {
			next = strings.Index(s, "; ")
		}
		if next < 0 {
			out = append(out, s)
			break
		}
		out = append(out, strings.TrimSpace(s[:end+next]))
		s = s[end+next+1:]
	}
	return out
}

// build turns a record's fields into a paper.
func (r *Reader) build(rec record) (coauthnet.Paper, error) {
	p := coauthnet.Paper{ID: joined(rec["UT"]), DOI: joined(rec["DI"]), Title: joined(rec["TI"])}
	if p.ID == "" {
		return p, ErrNoUT
	}
	y, err := year(rec)
	if err != nil {
		return p, err
	}
	p.Year = y
	if tc := joined(rec["TC"]); tc != "" {
		if n, err := strconv.Atoi(tc); err == nil && n >= 0 {
			p.Citations = &n
		}
	}
	cats := joined(rec["WC"])
	if cats == "" {
		cats = joined(rec["SC"])
	}
	p.Fields = splitSemi(cats)

	names := rec["AF"]
	if len(names) == 0 {
		names = rec["AU"]
	}
	for _, n := range names {
		p.Authors = append(p.Authors, coauthnet.Author{Name: n})
	}
	m := newMatcher(rec["AF"], rec["AU"], len(names))
	orgs := newOrgs(splitSemi(joined(rec["C3"])))

	rp := parseRP(joined(rec["RP"]))
	for _, e := range rp {
		for _, i := range m.find(e.name) {
			p.Authors[i].Corresponding = true
		}
	}
	setORCIDs(p.Authors, joined(rec["OI"]), m)

	var unnamed, named []string
	bracketed, matched := false, false
	for _, line := range rec["C1"] {
		if strings.HasPrefix(line, "[") {
			close := strings.IndexByte(line, ']')
			if close < 0 {
				unnamed = append(unnamed, line)
				continue
			}
			bracketed = true
			addr := strings.TrimSpace(line[close+1:])
			named = append(named, addr)
			af := r.affiliation(addr, orgs)
			for _, name := range strings.Split(line[1:close], ";") {
				for _, i := range m.find(name) {
					p.Authors[i].Affiliations = append(p.Authors[i].Affiliations, af)
					matched = true
				}
			}
			continue
		}
		unnamed = append(unnamed, line)
	}
	if bracketed && !matched {
		// Brackets whose names match no author of the byline: count
		// their addresses as if they named nobody (package doc).
		bracketed = false
		unnamed = append(named, unnamed...)
	}
	// Addresses without names (older records, or a few lines of a
	// newer one) are one weight unit each (package doc).
	if !bracketed && len(unnamed) > 0 {
		// No address names anybody: the named authors carry none, so
		// keep them out of the byline rather than count them as unknown.
		p.Authors = p.Authors[:0]
		r.AddressFallback++
	}
	for _, a := range unnamed {
		p.Authors = append(p.Authors, coauthnet.Author{Affiliations: []coauthnet.Affiliation{r.affiliation(a, orgs)}})
	}
	if bracketed || len(rec["C1"]) == 0 {
		// RP gives the corresponding authors' addresses: use them for
		// those of them C1 gave none.
		for _, e := range rp {
			if e.address == "" {
				continue
			}
			for _, i := range m.find(e.name) {
				if i < len(p.Authors) && len(p.Authors[i].Affiliations) == 0 {
					p.Authors[i].Affiliations = append(p.Authors[i].Affiliations, r.affiliation(e.address, orgs))
				}
			}
		}
	}
	return p, p.Validate()
}

func year(rec record) (int, error) {
	if py := joined(rec["PY"]); py != "" {
		y, err := strconv.Atoi(py)
		if err != nil || y < coauthnet.MinYear || y > coauthnet.MaxYear {
			return 0, fmt.Errorf("%w: %q", ErrBadYear, py)
		}
		return y, nil
	}
	for _, tag := range []string{"EY", "EA"} {
		f := strings.Fields(joined(rec[tag]))
		if len(f) > 0 {
			if y, err := strconv.Atoi(f[len(f)-1]); err == nil && y >= coauthnet.MinYear && y <= coauthnet.MaxYear {
				return y, nil
			}
		}
	}
	return 0, ErrNoYear
}

// affiliation parses one address and counts an unmapped country.
func (r *Reader) affiliation(addr string, orgs []org) coauthnet.Affiliation {
	a := address.Parse(addr)
	if a.Country == "" && a.CountryText != "" {
		r.Unmapped[a.CountryText]++
	}
	inst := a.Institution
	if o := bestOrg(inst, orgs); o != "" {
		inst = o
	}
	return coauthnet.Affiliation{Institution: inst, Country: a.Country}
}

type rpEntry struct{ name, address string }

// parseRP splits RP: "Name (corresponding author), Address.; Name
// (corresponding author), Address." (older: "(reprint author)").
func parseRP(s string) []rpEntry {
	var out []rpEntry
	for s != "" {
		i := strings.Index(s, " (corresponding author)")
		n := len(" (corresponding author)")
		if j := strings.Index(s, " (reprint author)"); j >= 0 && (i < 0 || j < i) {
			i, n = j, len(" (reprint author)")
		}
		if i < 0 {
			break
		}
		name := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s[:i]), ";"))
		rest := strings.TrimPrefix(s[i+n:], ",")
		// The address runs to the next "; Name (… author)" or the end.
		next := len(rest)
		for k := 0; k < len(rest); k++ {
			if rest[k] == ';' {
				tail := rest[k+1:]
				if c := strings.Index(tail, " (corresponding author)"); c >= 0 && !strings.Contains(tail[:c], ",  ") && strings.Count(tail[:c], ",") <= 1 {
					next = k
					break
				}
				if c := strings.Index(tail, " (reprint author)"); c >= 0 && strings.Count(tail[:c], ",") <= 1 {
					next = k
					break
				}
			}
		}
		out = append(out, rpEntry{name: name, address: strings.TrimSpace(rest[:next])})
		if next >= len(rest) {
			break
		}
		s = rest[next+1:]
	}
	return out
}
