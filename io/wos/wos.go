// Package wos reads Web of Science exports into coauthnet papers: plain
// text ("Full Record" with tags, continuation lines, ER/EF) and
// tab-delimited (a header row of tags), in UTF-8 with or without a byte
// order mark or UTF-16 with one, optionally gzip or zstd compressed.
//
// Mapping, per record:
//
//   - ID: UT as written ("WOS:000123456700042"). DOI: DI. Citations: TC
//     (Web of Science Core Collection times cited).
//   - Year: PY; when PY is empty (early access), EY, else the year at the
//     end of EA ("OCT 2024"). A PY that is not a year skips the record.
//   - Fields: WC (Web of Science categories), else SC, split on "; ".
//   - Authors: AF (full names), else AU, in byline order. Authors named
//     in RP are marked corresponding.
//   - Affiliations: C1. A line "[Name; Name] Address" gives Address to
//     each named author (names matched to AF, else AU; an author may have
//     several). Older records have C1 addresses without names (and a few
//     newer ones have some such lines): each such address becomes one
//     weight unit, an author of its own without a name appended to the
//     byline, because the authors cannot be told apart; when no address
//     names anybody, the named authors are left out. An author named in
//     RP (reprint/corresponding) whom C1 gives no address gets the RP
//     address (this is also how records with an empty C1 get any).
//   - Institution: the organisation-enhanced name from C3 that best
//     matches the address's institution (first field, abbreviations such
//     as "Univ", "Inst", "Natl" expanded; at least half the words shared),
//     else the address's institution as written. Country: the address's
//     last field, through the shared country table ("Peoples R China",
//     "FL 32611 USA", "England" → GB).
//
// A record that cannot be used (no UT, a PY that is not a year, a line
// that is neither a tag nor a continuation) makes Read return a
// *ParseError naming the file and the record's first line; the next Read
// goes on with the next record. A file that is not a Web of Science
// export, or is binary or UTF-16 without a byte order mark, makes Read
// return another error, which ends the stream.
package wos

import (
	"bufio"
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
	ErrTruncated = errors.New("record not closed by ER at end of file")
)

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
	pending string   // a line read ahead (plain text)
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
	first, err := r.readLine()
	if err != nil && err != io.EOF {
		return r.fail(err)
	}
	switch {
	case strings.HasPrefix(first, "FN ") || strings.HasPrefix(first, "VR ") || strings.HasPrefix(first, "PT "):
		r.Format = Plain
		r.pending = first
		r.line-- // pending is re-read
	case strings.HasPrefix(first, "PT\t"):
		r.Format = Tab
		r.header = strings.Split(first, "\t")
		for i := range r.header {
			r.header[i] = strings.TrimSpace(r.header[i])
		}
	default:
		n := min(len(first), 40)
		return r.fail(fmt.Errorf("%w: first line starts %q, want FN, PT or a PT<tab> header", ErrNotWoS, first[:n]))
	}
	return nil
}

// readLine returns the next line without its end of line, or io.EOF.
func (r *Reader) readLine() (string, error) {
	if r.pending != "" {
		s := r.pending
		r.pending = ""
		r.line++
		return s, nil
	}
	s, err := r.br.ReadString('\n')
	if err != nil && (err != io.EOF || s == "") {
		if err == io.EOF {
			return "", io.EOF
		}
		return "", r.fail(err)
	}
	r.line++
	return strings.TrimRight(s, "\r\n"), nil
}

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
	var bad error
	for {
		line, err := r.readLine()
		if err == io.EOF {
			if rec != nil {
				return coauthnet.Paper{}, &ParseError{Format: "wos", Name: r.Name, Line: start, ID: first(rec["UT"]), Err: ErrTruncated}
			}
			return coauthnet.Paper{}, io.EOF
		}
		if err != nil {
			return coauthnet.Paper{}, err
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		if rec == nil {
			switch {
			case strings.HasPrefix(line, "FN ") || strings.HasPrefix(line, "VR "):
				continue
			case line == "EF" || strings.HasPrefix(line, "EF "):
				return coauthnet.Paper{}, io.EOF
			}
			rec = record{}
			start = r.line
		}
		if line == "ER" || strings.HasPrefix(line, "ER ") {
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
		case strings.HasPrefix(line, "   ") && tag != "":
			rec[tag] = append(rec[tag], strings.TrimSpace(line))
		case isTag(line):
			tag = line[:2]
			rec[tag] = append(rec[tag], strings.TrimSpace(line[2:]))
		default:
			if bad == nil {
				bad = fmt.Errorf("line %d: %w: %.40q", r.line, ErrGarbage, line)
			}
		}
	}
}

// isTag reports whether line starts with a field tag: two upper-case
// letters or a letter and a digit, then a space or the end.
func isTag(line string) bool {
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
		line, err := r.readLine()
		if err != nil {
			return coauthnet.Paper{}, err
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		cells := strings.Split(line, "\t")
		rec := record{}
		for i, c := range cells {
			c = strings.TrimSpace(c)
			if i >= len(r.header) || c == "" {
				continue
			}
			tag := r.header[i]
			switch tag {
			case "AU", "AF":
				rec[tag] = splitSemi(c)
			case "C1":
				rec[tag] = splitC1(c)
			default:
				rec[tag] = []string{c}
			}
		}
		if len(cells) > len(r.header)+1 {
			return coauthnet.Paper{}, &ParseError{Format: "wos", Name: r.Name, Line: r.line, ID: first(rec["UT"]),
				Err: fmt.Errorf("%d cells for %d header columns", len(cells), len(r.header))}
		}
		p, err := r.build(rec)
		if err != nil {
			return coauthnet.Paper{}, &ParseError{Format: "wos", Name: r.Name, Line: r.line, ID: first(rec["UT"]), Err: err}
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
	p := coauthnet.Paper{ID: joined(rec["UT"]), DOI: joined(rec["DI"])}
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
	orgs := splitSemi(joined(rec["C3"]))

	rp := parseRP(joined(rec["RP"]))
	for _, e := range rp {
		for _, i := range m.find(e.name) {
			p.Authors[i].Corresponding = true
		}
	}

	var unnamed []string
	bracketed := false
	for _, line := range rec["C1"] {
		if strings.HasPrefix(line, "[") {
			close := strings.IndexByte(line, ']')
			if close < 0 {
				unnamed = append(unnamed, line)
				continue
			}
			bracketed = true
			af := r.affiliation(strings.TrimSpace(line[close+1:]), orgs)
			for _, name := range strings.Split(line[1:close], ";") {
				for _, i := range m.find(name) {
					p.Authors[i].Affiliations = append(p.Authors[i].Affiliations, af)
				}
			}
			continue
		}
		unnamed = append(unnamed, line)
	}
	// Addresses without names (older records, or a few lines of a
	// newer one) are one weight unit each (package doc).
	if !bracketed && len(unnamed) > 0 {
		// No address names anybody: the named authors carry none, so
		// keep them out of the byline rather than count them as unknown.
		p.Authors = p.Authors[:0]
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
func (r *Reader) affiliation(addr string, orgs []string) coauthnet.Affiliation {
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
