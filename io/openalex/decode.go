package openalex

import (
	"errors"
	"strings"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/io/internal/address"
	"github.com/coauthnet/coauthnet/io/internal/jsonscan"
)

// This file decodes one work without reflection and without
// materialising what coauthnet does not use: a real OpenAlex work is
// ~14 KB of JSON of which the id, title, year, citations, field and
// authorships are well under 1 KB; abstract_inverted_index, topics,
// concepts, referenced_works, locations and the rest are checked as JSON
// and skipped (jsonscan.Scanner.Skip). Semantics are encoding/json's
// decoding into the struct the package doc describes (null leaves a
// field empty; a value of the wrong type makes the work a ParseError),
// except that keys match exactly, not case-insensitively. The
// differential test FuzzDecodeMatchesStdlib holds it to encoding/json.

// decoder decodes works; it keeps a string cache and a count of
// unmapped country texts, so one decoder serves one goroutine.
type decoder struct {
	jsonscan.Scanner
	unmapped map[string]int
	pending  []string // unmapped country texts of the current work

	// One authorship, reused.
	insts []institution
	strs  []string // countries, then raw affiliation strings
}

type institution struct {
	id, name, ror, country string
}

func newDecoder() *decoder {
	return &decoder{Scanner: jsonscan.Scanner{Cache: make(map[string]string, 1024), Arena: new(jsonscan.Arena)}, unmapped: map[string]int{}}
}

// work decodes line into p. Errors wrap jsonscan.ErrSyntax or ErrType,
// or are ErrNoID, ErrNoYear or a coauthnet.Paper.Validate error. On
// error p.ID may be set.
func (d *decoder) work(line []byte, p *coauthnet.Paper) error {
	if len(d.Cache) >= 1<<14 {
		clear(d.Cache)
	}
	d.Reset(line, "", 0)
	d.pending = d.pending[:0]
	if d.Peek() != '{' {
		if d.AtEnd() {
			return d.Syntax("unexpected end of JSON input")
		}
		k := d.Kind()
		if err := d.Skip(); err != nil {
			return err
		}
		if err := d.End(); err != nil {
			return err
		}
		return jsonscan.TypeError("work", k, "object")
	}
	var firstType error
	note := func(err error) error {
		if err != nil && isType(err) {
			if firstType == nil {
				firstType = err
			}
			return nil
		}
		return err
	}
	var id, doi, title string
	nameAt := -1 // offset of display_name's string value
	var year, cited int
	hasYear, hasDOI := false, false
	var citations *int
	err := d.Object(func(key []byte) error {
		switch string(key) {
		case "id":
			return note(d.Str("id", &id))
		case "doi":
			if ok, err := d.Null(); ok || err != nil {
				return err
			}
			hasDOI = true
			return note(d.Str("doi", &doi))
		case "title":
			return note(d.Str("title", &title))
		case "display_name":
			// Kept as an offset and decoded only for a work without
			// a title (it equals the title in OpenAlex's schema): one
			// string fewer per work. The last string value wins, a
			// null leaves an earlier one, as in encoding/json.
			if d.Peek() == '"' {
				nameAt = d.Pos()
			}
			return note(d.SkipStr("display_name"))
		case "publication_year":
			if ok, err := d.Null(); ok || err != nil {
				return err
			}
			hasYear = true
			return note(d.Integer("publication_year", &year))
		case "cited_by_count":
			if ok, err := d.Null(); ok || err != nil {
				if ok {
					citations = nil
				}
				return err
			}
			if err := note(d.Integer("cited_by_count", &cited)); err != nil {
				return err
			}
			citations = &cited
			return nil
		case "primary_topic":
			return note(d.primaryTopic(p, note))
		case "authorships":
			return note(d.authorships(p, note))
		}
		return d.Skip()
	})
	if err == nil {
		err = d.End()
	}
	p.ID = short(id, "https://openalex.org/")
	if err != nil {
		return err
	}
	if firstType != nil {
		return firstType
	}
	if p.ID == "" {
		return ErrNoID
	}
	if !hasYear {
		return ErrNoYear
	}
	p.Year = year
	if hasDOI {
		p.DOI = short(doi, "https://doi.org/")
	}
	p.Title = title
	if p.Title == "" && nameAt >= 0 {
		d.Reset(line[nameAt:], "", 0)
		if err := d.Str("display_name", &p.Title); err != nil {
			return err // cannot happen: the value was scanned above
		}
	}
	p.Citations = citations
	for _, t := range d.pending { // as encoding/json's version counted them
		d.unmapped[t]++
	}
	return p.Validate()
}

func isType(err error) bool {
	return err != nil && errors.Is(err, jsonscan.ErrType) && !errors.Is(err, jsonscan.ErrSyntax)
}

// object decodes an object or null; any other value is a type error.
func (d *decoder) object(field string, f func(key []byte) error) error {
	switch d.Peek() {
	case 'n':
		return d.Literal("null")
	case '{':
		return d.Object(f)
	}
	return d.Mismatch(field, "object")
}

// array decodes an array or null; any other value is a type error.
func (d *decoder) array(field string, f func() error) error {
	switch d.Peek() {
	case 'n':
		return d.Literal("null")
	case '[':
		return d.Array(f)
	}
	return d.Mismatch(field, "array")
}

func (d *decoder) primaryTopic(p *coauthnet.Paper, note func(error) error) error {
	return d.object("primary_topic", func(key []byte) error {
		if string(key) != "field" {
			return d.Skip()
		}
		return note(d.object("primary_topic.field", func(key []byte) error {
			if string(key) != "display_name" {
				return d.Skip()
			}
			var name string
			if err := note(d.StrInterned("primary_topic.field.display_name", &name)); err != nil {
				return err
			}
			if name != "" {
				p.Fields = []string{name}
			} else {
				p.Fields = nil
			}
			return nil
		}))
	})
}

func (d *decoder) authorships(p *coauthnet.Paper, note func(error) error) error {
	if ok, err := d.Null(); ok || err != nil {
		if ok {
			p.Authors = nil
		}
		return err
	}
	p.Authors = p.Authors[:0]
	return d.array("authorships", func() error {
		if ok, err := d.Null(); ok || err != nil {
			if ok {
				p.Authors = append(p.Authors, coauthnet.Author{})
			}
			return err
		}
		var a coauthnet.Author
		if err := note(d.authorship(&a, note)); err != nil {
			return err
		}
		p.Authors = append(p.Authors, a)
		return nil
	})
}

// authorship decodes one authorship into a; its affiliations are its
// institutions, else its countries, else its raw affiliation strings
// through the address parser (see the package doc).
func (d *decoder) authorship(a *coauthnet.Author, note func(error) error) error {
	d.insts = d.insts[:0]
	d.strs = d.strs[:0]
	var countries, raw []string // sub-slices of d.strs, set at the end
	nCountries, nRaw := -1, -1
	var corresponding bool
	err := d.object("authorships", func(key []byte) error {
		switch string(key) {
		case "author":
			return note(d.object("authorships.author", func(key []byte) error {
				switch string(key) {
				case "id":
					var id string
					if err := note(d.Str("author.id", &id)); err != nil {
						return err
					}
					a.ID = short(id, "https://openalex.org/")
					return nil
				case "display_name":
					return note(d.Str("author.display_name", &a.Name))
				case "orcid":
					if ok, err := d.Null(); ok || err != nil {
						return err
					}
					var o string
					if err := note(d.Str("author.orcid", &o)); err != nil {
						return err
					}
					a.ORCID = short(o, "https://orcid.org/")
					return nil
				}
				return d.Skip()
			}))
		case "institutions":
			d.insts = d.insts[:0]
			return note(d.array("authorships.institutions", func() error {
				var in institution
				if ok, err := d.Null(); ok || err != nil {
					d.insts = append(d.insts, in)
					return err
				}
				err := note(d.object("institutions", func(key []byte) error {
					switch string(key) {
					case "id":
						return note(d.StrInterned("institutions.id", &in.id))
					case "display_name":
						return note(d.StrInterned("institutions.display_name", &in.name))
					case "ror":
						return note(d.StrInterned("institutions.ror", &in.ror))
					case "country_code":
						return note(d.StrInterned("institutions.country_code", &in.country))
					}
					return d.Skip()
				}))
				d.insts = append(d.insts, in)
				return err
			}))
		case "countries":
			start := len(d.strs)
			err := note(d.strings("authorships.countries", true))
			nCountries = len(d.strs) - start
			countries = d.strs[start:]
			return err
		case "is_corresponding":
			return note(d.Boolean("authorships.is_corresponding", &corresponding))
		case "raw_affiliation_strings":
			start := len(d.strs)
			err := note(d.strings("authorships.raw_affiliation_strings", false))
			nRaw = len(d.strs) - start
			raw = d.strs[start:]
			return err
		}
		return d.Skip()
	})
	if err != nil {
		return err
	}
	a.Corresponding = corresponding
	for _, in := range d.insts {
		af := coauthnet.Affiliation{Institution: in.name, InstitutionID: short(in.id, "https://openalex.org/")}
		if in.ror != "" {
			af.InstitutionID = in.ror
		}
		af.Country = upper(in.country)
		a.Affiliations = append(a.Affiliations, af)
	}
	if len(d.insts) == 0 && nCountries > 0 {
		for _, c := range countries {
			a.Affiliations = append(a.Affiliations, coauthnet.Affiliation{Country: upper(c)})
		}
	}
	if len(d.insts) == 0 && nCountries <= 0 && nRaw > 0 {
		for _, s := range raw {
			ad := address.Parse(s)
			if ad.Country == "" && ad.CountryText != "" {
				d.pending = append(d.pending, ad.CountryText)
			}
			a.Affiliations = append(a.Affiliations, coauthnet.Affiliation{Institution: ad.Institution, Country: ad.Country})
		}
	}
	return nil
}

// strings appends the strings of an array (null items as "") to d.strs.
func (d *decoder) strings(field string, intern bool) error {
	return d.array(field, func() error {
		var s string
		var err error
		if intern {
			err = d.StrInterned(field, &s)
		} else {
			err = d.Str(field, &s)
		}
		d.strs = append(d.strs, s)
		return err
	})
}

// upper returns strings.ToUpper(s), without allocating when s has no
// lower-case ASCII letter and no non-ASCII byte.
func upper(s string) string {
	for i := 0; i < len(s); i++ {
		if 'a' <= s[i] && s[i] <= 'z' || s[i] >= 0x80 {
			return strings.ToUpper(s)
		}
	}
	return s
}
