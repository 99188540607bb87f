// Package openalex reads OpenAlex works (https://docs.openalex.org) into
// coauthnet papers: JSON Lines with one work per line, as snapshots and
// most clients write them, or an API response page
// ({"meta":…,"results":[…]}, on one line or pretty-printed), optionally
// gzip or zstd compressed.
//
// Mapping, per work:
//
//   - ID: the short work id ("W2963…" from "https://openalex.org/W2963…").
//     DOI: without "https://doi.org/". Year: publication_year.
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
// A line that is not a valid work (bad JSON, no id, no
// publication_year) makes Read return a *ParseError with the file and
// line (for a page: the position of the work in results); the next Read
// goes on. Input that is not JSON, or is binary or UTF-16, makes Read
// return another error, which ends the stream.
package openalex

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/internal/input"
	"github.com/coauthnet/coauthnet/io/internal/address"
)

// Errors wrapped by *ParseError or returned by Read.
var (
	ErrNotOpenAlex = errors.New("not OpenAlex works JSON")
	ErrNoID        = errors.New("work without id")
	ErrNoYear      = errors.New("work without publication_year")
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
func (r *Reader) Read() (coauthnet.Paper, error) {
	if err := r.start(); err != nil {
		return coauthnet.Paper{}, err
	}
	if r.Format == Page {
		if r.pageAt >= len(r.page) {
			return coauthnet.Paper{}, io.EOF
		}
		r.pageAt++
		return r.decode(r.page[r.pageAt-1], r.pageAt)
	}
	for {
		line, err := r.br.ReadBytes('\n')
		if len(line) == 0 && err == io.EOF {
			return coauthnet.Paper{}, io.EOF
		}
		if err != nil && err != io.EOF {
			return coauthnet.Paper{}, r.fail(err)
		}
		r.line++
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		return r.decode(line, r.line)
	}
}

// ReadAll reads every paper, stopping at the first error of any kind.
func (r *Reader) ReadAll() ([]coauthnet.Paper, error) { return coauthnet.ReadAll(r) }

type work struct {
	ID              string  `json:"id"`
	DOI             *string `json:"doi"`
	PublicationYear *int    `json:"publication_year"`
	CitedByCount    *int    `json:"cited_by_count"`
	PrimaryTopic    *struct {
		Field *struct {
			DisplayName string `json:"display_name"`
		} `json:"field"`
	} `json:"primary_topic"`
	Authorships []struct {
		Author struct {
			ID          string  `json:"id"`
			DisplayName string  `json:"display_name"`
			ORCID       *string `json:"orcid"`
		} `json:"author"`
		Institutions []struct {
			ID          string  `json:"id"`
			DisplayName string  `json:"display_name"`
			ROR         *string `json:"ror"`
			CountryCode *string `json:"country_code"`
		} `json:"institutions"`
		Countries             []string `json:"countries"`
		IsCorresponding       *bool    `json:"is_corresponding"`
		RawAffiliationStrings []string `json:"raw_affiliation_strings"`
	} `json:"authorships"`
}

func short(id, prefix string) string { return strings.TrimPrefix(id, prefix) }

func (r *Reader) decode(b []byte, line int) (coauthnet.Paper, error) {
	var w work
	if err := json.Unmarshal(b, &w); err != nil {
		return coauthnet.Paper{}, &ParseError{Format: "openalex", Name: r.Name, Line: line, Err: err}
	}
	p := coauthnet.Paper{ID: short(w.ID, "https://openalex.org/")}
	fail := func(err error) (coauthnet.Paper, error) {
		return coauthnet.Paper{}, &ParseError{Format: "openalex", Name: r.Name, Line: line, ID: p.ID, Err: err}
	}
	if p.ID == "" {
		return fail(ErrNoID)
	}
	if w.PublicationYear == nil {
		return fail(ErrNoYear)
	}
	p.Year = *w.PublicationYear
	if w.DOI != nil {
		p.DOI = short(*w.DOI, "https://doi.org/")
	}
	p.Citations = w.CitedByCount
	if t := w.PrimaryTopic; t != nil && t.Field != nil && t.Field.DisplayName != "" {
		p.Fields = []string{t.Field.DisplayName}
	}
	for _, as := range w.Authorships {
		a := coauthnet.Author{
			Name: as.Author.DisplayName,
			ID:   short(as.Author.ID, "https://openalex.org/"),
		}
		if as.Author.ORCID != nil {
			a.ORCID = short(*as.Author.ORCID, "https://orcid.org/")
		}
		if as.IsCorresponding != nil {
			a.Corresponding = *as.IsCorresponding
		}
		for _, in := range as.Institutions {
			af := coauthnet.Affiliation{Institution: in.DisplayName, InstitutionID: short(in.ID, "https://openalex.org/")}
			if in.ROR != nil && *in.ROR != "" {
				af.InstitutionID = *in.ROR
			}
			if in.CountryCode != nil {
				af.Country = strings.ToUpper(*in.CountryCode)
			}
			a.Affiliations = append(a.Affiliations, af)
		}
		if len(as.Institutions) == 0 {
			for _, c := range as.Countries {
				a.Affiliations = append(a.Affiliations, coauthnet.Affiliation{Country: strings.ToUpper(c)})
			}
		}
		if len(as.Institutions) == 0 && len(as.Countries) == 0 {
			for _, s := range as.RawAffiliationStrings {
				ad := address.Parse(s)
				if ad.Country == "" && ad.CountryText != "" {
					r.Unmapped[ad.CountryText]++
				}
				a.Affiliations = append(a.Affiliations, coauthnet.Affiliation{Institution: ad.Institution, Country: ad.Country})
			}
		}
		p.Authors = append(p.Authors, a)
	}
	if err := p.Validate(); err != nil {
		return fail(err)
	}
	return p, nil
}
