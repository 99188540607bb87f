// Package orcid reads ORCID public records (XML, message schema v3.0, as
// in ORCID's public data file and its API) for their education and
// employment affiliations: organisation, country, and start and end
// dates. It reads a file, a directory of files (recursively, in name
// order) or a tar archive, gzip-compressed or not (entries in archive
// order), one XML document at a time, streaming: memory does not grow
// with the number of records.
//
// A document may be a whole record (record:record, whose
// activities:activities-summary holds activities:educations and
// activities:employments), an activities summary, a collection
// (activities:educations, activities:employments) or one activity
// (education:education, employment:employment, or their -summary
// forms). Every education and employment element found is read, with:
//
//   - Organization: common:organization/common:name; its city, and its
//     country from common:address/common:country (ISO 3166-1 alpha-2 in
//     the schema; anything else is left empty and counted in
//     [Reader.BadCountry]); the disambiguated organisation id and source
//     (RINGGOLD, GRID, ROR, …).
//   - Department (common:department-name) and role (common:role-title,
//     free text: "PhD", "BSc", "Professor").
//   - Start and end: common:start-date and common:end-date, each with
//     optional year, month and day; a missing part is 0. A year outside
//     1900–2100 or a month or day out of range makes the record a
//     *ParseError (skipped; Read may be called again).
//
// The ORCID iD of a record is common:orcid-identifier/common:path when
// present, else the first segment of the root element's path attribute
// ("/0000-0002-1825-0097/…"), else the file name without extension.
// A document that is not XML, or has no ORCID element at all, is a
// *ParseError for that file; an unreadable directory or a corrupt
// archive ends the stream with an error.
package orcid

import (
	"archive/tar"
	"bufio"
	"compress/gzip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/coauthnet/coauthnet"
)

// A Date is a partial date: Year, Month and Day are 0 when unknown.
type Date struct{ Year, Month, Day int }

// An Affiliation is one education or employment.
type Affiliation struct {
	Kind               string // "education" or "employment"
	PutCode            string
	Organization       string
	City, Country      string
	OrgID, OrgIDSource string
	Department, Role   string
	Start, End         Date
}

// A Record is the affiliations read from one document.
type Record struct {
	ORCID       string
	Name        string // file name (archive entry) it came from
	Educations  []Affiliation
	Employments []Affiliation
}

// A ParseError reports a document the reader skipped.
type ParseError = coauthnet.ParseError

// Errors wrapped by *ParseError.
var (
	ErrNotORCID = errors.New("no ORCID education or employment element, nor a record")
	ErrBadDate  = errors.New("date out of range")
)

// Reader reads records. Not safe for concurrent use.
type Reader struct {
	// BadCountry counts country values that are not two upper-case
	// letters (left empty in the affiliation).
	BadCountry int

	next func() (name string, r io.Reader, err error) // next document, io.EOF at the end
	done func() error
}

// Open returns a reader of path: a directory (every regular file whose
// name ends in .xml, recursively, in lexical order), a tar archive
// (.tar, .tar.gz, .tgz; gzip recognised by content), or one XML file.
func Open(path string) (*Reader, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("orcid: %w", err)
	}
	if fi.IsDir() {
		var files []string
		err := filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.Type().IsRegular() && strings.HasSuffix(strings.ToLower(d.Name()), ".xml") {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("orcid: %w", err)
		}
		slices.Sort(files)
		var cur *os.File
		r := &Reader{}
		r.next = func() (string, io.Reader, error) {
			if cur != nil {
				cur.Close()
				cur = nil
			}
			if len(files) == 0 {
				return "", nil, io.EOF
			}
			name := files[0]
			files = files[1:]
			f, err := os.Open(name)
			if err != nil {
				return "", nil, fmt.Errorf("orcid: %w", err)
			}
			cur = f
			return name, f, nil
		}
		r.done = func() error {
			if cur != nil {
				return cur.Close()
			}
			return nil
		}
		return r, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("orcid: %w", err)
	}
	r, err := NewReader(f, path)
	if err != nil {
		f.Close()
		return nil, err
	}
	r.done = f.Close
	return r, nil
}

// NewReader returns a reader of one stream named name: a tar archive
// (gzip-compressed or not) or one XML document, told apart by content.
func NewReader(in io.Reader, name string) (*Reader, error) {
	br := bufio.NewReader(in)
	head, _ := br.Peek(2)
	var src io.Reader = br
	if len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("orcid: %s: %w", name, err)
		}
		src = bufio.NewReader(zr)
	}
	sb := src.(*bufio.Reader)
	block, _ := sb.Peek(512)
	r := &Reader{done: func() error { return nil }}
	if isTar(block) {
		tr := tar.NewReader(sb)
		r.next = func() (string, io.Reader, error) {
			for {
				h, err := tr.Next()
				if err == io.EOF {
					return "", nil, io.EOF
				}
				if err != nil {
					return "", nil, fmt.Errorf("orcid: %s: %w", name, err)
				}
				if h.Typeflag == tar.TypeReg && strings.HasSuffix(strings.ToLower(h.Name), ".xml") {
					return h.Name, tr, nil
				}
			}
		}
		return r, nil
	}
	used := false
	r.next = func() (string, io.Reader, error) {
		if used {
			return "", nil, io.EOF
		}
		used = true
		return name, sb, nil
	}
	return r, nil
}

// isTar reports whether b starts with a tar header: "ustar" at offset
// 257 (POSIX and GNU formats).
func isTar(b []byte) bool {
	return len(b) >= 262 && string(b[257:262]) == "ustar"
}

// Close releases the open file, if any.
func (r *Reader) Close() error {
	if r.done == nil {
		return nil
	}
	return r.done()
}

// Read returns the next record, io.EOF at the end, a *ParseError for a
// document it skipped (Read may be called again), or another error,
// which ends the stream.
func (r *Reader) Read() (Record, error) {
	name, in, err := r.next()
	if err != nil {
		return Record{}, err
	}
	rec, err := r.parse(name, in)
	if err != nil {
		return Record{}, &ParseError{Format: "orcid", Name: name, ID: rec.ORCID, Err: err}
	}
	return rec, nil
}

type xmlDate struct {
	Year  string `xml:"year"`
	Month string `xml:"month"`
	Day   string `xml:"day"`
}

type xmlAffiliation struct {
	PutCode    string  `xml:"put-code,attr"`
	Path       string  `xml:"path,attr"`
	Department string  `xml:"department-name"`
	Role       string  `xml:"role-title"`
	Start      xmlDate `xml:"start-date"`
	End        xmlDate `xml:"end-date"`
	Org        struct {
		Name    string `xml:"name"`
		Address struct {
			City    string `xml:"city"`
			Country string `xml:"country"`
		} `xml:"address"`
		Disambiguated struct {
			ID     string `xml:"disambiguated-organization-identifier"`
			Source string `xml:"disambiguation-source"`
		} `xml:"disambiguated-organization"`
	} `xml:"organization"`
}

// parse reads one document.
func (r *Reader) parse(name string, in io.Reader) (Record, error) {
	rec := Record{Name: name}
	d := xml.NewDecoder(in)
	d.Strict = true
	rootPath, found, depth := "", false, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return rec, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 1 {
				for _, a := range t.Attr {
					if a.Name.Local == "path" {
						rootPath = a.Value
					}
				}
				if t.Name.Local == "record" {
					found = true
				}
			}
			switch t.Name.Local {
			case "orcid-identifier":
				var id struct {
					Path string `xml:"path"`
				}
				if err := d.DecodeElement(&id, &t); err != nil {
					return rec, err
				}
				depth--
				if rec.ORCID == "" {
					rec.ORCID = strings.TrimSpace(id.Path)
				}
			case "education", "education-summary", "employment", "employment-summary":
				if t.Name.Space != "" && !strings.HasSuffix(t.Name.Space, "/education") && !strings.HasSuffix(t.Name.Space, "/employment") {
					continue
				}
				var x xmlAffiliation
				if err := d.DecodeElement(&x, &t); err != nil {
					return rec, err
				}
				depth--
				found = true
				a, err := r.affiliation(&x, strings.TrimSuffix(t.Name.Local, "-summary"))
				if err != nil {
					return rec, err
				}
				if a.Kind == "education" {
					rec.Educations = append(rec.Educations, a)
				} else {
					rec.Employments = append(rec.Employments, a)
				}
			}
		case xml.EndElement:
			depth--
		}
	}
	if rec.ORCID == "" {
		if p := strings.Trim(rootPath, "/"); p != "" {
			rec.ORCID, _, _ = strings.Cut(p, "/")
		} else {
			base := filepath.Base(name)
			rec.ORCID = strings.TrimSuffix(base, filepath.Ext(base))
		}
	}
	if !found {
		return rec, ErrNotORCID
	}
	return rec, nil
}

func (r *Reader) affiliation(x *xmlAffiliation, kind string) (Affiliation, error) {
	a := Affiliation{
		Kind:         kind,
		PutCode:      x.PutCode,
		Organization: strings.TrimSpace(x.Org.Name),
		City:         strings.TrimSpace(x.Org.Address.City),
		OrgID:        strings.TrimSpace(x.Org.Disambiguated.ID),
		OrgIDSource:  strings.TrimSpace(x.Org.Disambiguated.Source),
		Department:   strings.TrimSpace(x.Department),
		Role:         strings.TrimSpace(x.Role),
	}
	if c := strings.TrimSpace(x.Org.Address.Country); c != "" {
		if len(c) == 2 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z' {
			a.Country = c
		} else {
			r.BadCountry++
		}
	}
	var err error
	if a.Start, err = date(x.Start); err != nil {
		return a, err
	}
	if a.End, err = date(x.End); err != nil {
		return a, err
	}
	return a, nil
}

func date(x xmlDate) (Date, error) {
	var d Date
	for _, p := range []struct {
		s      string
		v      *int
		lo, hi int
		what   string
	}{{x.Year, &d.Year, 1900, 2100, "year"}, {x.Month, &d.Month, 1, 12, "month"}, {x.Day, &d.Day, 1, 31, "day"}} {
		s := strings.TrimSpace(p.s)
		if s == "" {
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < p.lo || n > p.hi {
			return d, fmt.Errorf("%w: %s %q", ErrBadDate, p.what, s)
		}
		*p.v = n
	}
	return d, nil
}

// ReadAll reads every record, skipping documents that fail to parse; it
// returns the records, the skipped documents' errors and the first
// error that ended the stream, if any.
func (r *Reader) ReadAll() ([]Record, []*ParseError, error) {
	var recs []Record
	var skipped []*ParseError
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return recs, skipped, nil
		}
		var pe *ParseError
		if errors.As(err, &pe) {
			skipped = append(skipped, pe)
			continue
		}
		if err != nil {
			return recs, skipped, err
		}
		recs = append(recs, rec)
	}
}
