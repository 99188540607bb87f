package jsonl

import (
	"errors"
	"fmt"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/io/internal/jsonscan"
)

// This file decodes the canonical record without reflection. It was
// chosen by measurement (BENCHMARKS.md): encoding/json decodes this
// shape at about 75 MB/s a core, github.com/goccy/go-json at about 180,
// this decoder at several hundred. Its semantics are encoding/json's for
// the fields of [coauthnet.Paper], with one deliberate difference: keys
// match exactly, never case-insensitively ("Year" is an unknown key, not
// "year"). The differential fuzz test holds it to encoding/json.
//
//   - Unknown keys are skipped, their values checked as JSON.
//   - null leaves a string, number or bool unchanged and sets a slice or
//     pointer to nil, as encoding/json does.
//   - year and citations must be JSON integers that fit an int.
//   - Invalid UTF-8 in strings becomes U+FFFD, as in encoding/json.
//   - Nesting deeper than 10000 is an error.
//
// The scanning itself is io/internal/jsonscan's, shared with io/openalex.

// decoder holds one line and a small cache of strings already made,
// so repeated country codes, institution names and ids do not allocate.
type decoder struct {
	jsonscan.Scanner

	// minimal leaves out the authors' names, ids and ORCIDs; countries
	// also the institutions' names and ids (see [Chunk.Minimal]).
	minimal, countries bool

	// Slices are decoded into exact-size pieces of slabs (sliceOf).
	authSlab []coauthnet.Author
	affSlab  []coauthnet.Affiliation
	strSlab  []string
	// slabSize is the number of elements a new slab holds (at least the
	// slice being made): 0 for a one-off Decode, larger for a stream.
	slabSize int
}

// setLine points the decoder at line, which is s[base:base+len(line)].
func (d *decoder) setLine(line []byte, s string, base int) { d.Reset(line, s, base) }

// sliceOf decodes an array (null sets dst to nil, as in encoding/json)
// straight into the free end of *slab, calling elem on each element
// (null items stay zero), and sets *dst to exactly those elements: a
// paper costs a few allocations, not one per append, and no element is
// copied unless the slab runs out in the middle of the array. Slabs are
// fresh (zero) memory never handed out twice, and no elem decodes into
// the slab of its own type, so the elements being decoded stay put.
func sliceOf[T any](d *decoder, field string, dst *[]T, slab *[]T, elem func(*T) error) error {
	if ok, err := d.Null(); ok || err != nil {
		if ok {
			*dst = nil
		}
		return err
	}
	if d.Peek() != '[' {
		return d.Mismatch(field, "array")
	}
	n := 0
	err := d.Array(func() error {
		if n == len(*slab) {
			grown := make([]T, max(2*n, d.slabSize, 1))
			copy(grown, (*slab)[:n])
			*slab = grown
		}
		n++
		if ok, err := d.Null(); ok || err != nil {
			return err
		}
		return elem(&(*slab)[n-1])
	})
	if n == 0 {
		*dst = []T{} // "[]" is an empty slice, not nil, as in encoding/json
		return err
	}
	*dst = (*slab)[:n:n]
	*slab = (*slab)[n:]
	return err
}

func (d *decoder) paper(p *coauthnet.Paper) error {
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
		return fmt.Errorf("%w: JSON %s where a paper object is expected", ErrType, k)
	}
	// Type errors do not stop decoding (as in encoding/json): the first
	// is returned once the whole line has been read.
	var firstType error
	note := func(err error) error {
		if err != nil && errors.Is(err, ErrType) && !errors.Is(err, ErrSyntax) {
			if firstType == nil {
				firstType = err
			}
			return nil
		}
		return err
	}
	err := d.Object(func(key []byte) error {
		switch string(key) {
		case "id":
			return note(d.Str("id", &p.ID))
		case "doi":
			return note(d.Str("doi", &p.DOI))
		case "title":
			return note(d.Str("title", &p.Title))
		case "year":
			return note(d.Integer("year", &p.Year))
		case "fields":
			return note(sliceOf(d, "fields", &p.Fields, &d.strSlab, func(s *string) error { return note(d.StrInterned("fields", s)) }))
		case "citations":
			if ok, err := d.Null(); ok || err != nil {
				if ok {
					p.Citations = nil
				}
				return err
			}
			var n int
			if err := note(d.Integer("citations", &n)); err != nil {
				return err
			}
			p.Citations = &n
			return nil
		case "authors":
			return note(sliceOf(d, "authors", &p.Authors, &d.authSlab, func(a *coauthnet.Author) error { return note(d.author(a, note)) }))
		}
		return d.Skip()
	})
	if err != nil {
		return err
	}
	if err := d.End(); err != nil {
		return err
	}
	return firstType
}

func (d *decoder) author(a *coauthnet.Author, note func(error) error) error {
	if d.Peek() != '{' {
		return d.Mismatch("authors", "author object")
	}
	return d.Object(func(key []byte) error {
		switch string(key) {
		case "name":
			if d.minimal {
				return note(d.SkipStr("authors.name"))
			}
			return note(d.Str("authors.name", &a.Name))
		case "id":
			if d.minimal {
				return note(d.SkipStr("authors.id"))
			}
			return note(d.Str("authors.id", &a.ID))
		case "orcid":
			if d.minimal {
				return note(d.SkipStr("authors.orcid"))
			}
			return note(d.Str("authors.orcid", &a.ORCID))
		case "corresponding":
			return note(d.Boolean("authors.corresponding", &a.Corresponding))
		case "affiliations":
			return note(sliceOf(d, "authors.affiliations", &a.Affiliations, &d.affSlab, func(af *coauthnet.Affiliation) error {
				return note(d.affiliation(af, note))
			}))
		}
		return d.Skip()
	})
}

func (d *decoder) affiliation(af *coauthnet.Affiliation, note func(error) error) error {
	if d.Peek() != '{' {
		return d.Mismatch("authors.affiliations", "affiliation object")
	}
	return d.Object(func(key []byte) error {
		switch string(key) {
		case "institution":
			if d.countries {
				return note(d.SkipStr("authors.affiliations.institution"))
			}
			return note(d.StrInterned("authors.affiliations.institution", &af.Institution))
		case "institution_id":
			if d.countries {
				return note(d.SkipStr("authors.affiliations.institution_id"))
			}
			return note(d.StrInterned("authors.affiliations.institution_id", &af.InstitutionID))
		case "country":
			return note(d.StrInterned("authors.affiliations.country", &af.Country))
		}
		return d.Skip()
	})
}
