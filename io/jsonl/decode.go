package jsonl

import (
	"errors"
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/coauthnet/coauthnet"
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
//   - Nesting deeper than maxDepth is an error.

const maxDepth = 10000

// decoder holds one line and a small cache of strings already made,
// so repeated country codes, institution names and ids do not allocate.
type decoder struct {
	b     []byte
	s     string // b as a string (or a string containing b at offset base)
	base  int
	i     int
	depth int
	cache map[string]string

	// Slices are decoded into scratch space, then copied into exact-size
	// pieces of a slab, so a paper costs a few allocations, not one per
	// append.
	authScratch []coauthnet.Author
	affScratch  []coauthnet.Affiliation
	strScratch  []string
	authSlab    []coauthnet.Author
	affSlab     []coauthnet.Affiliation
	strSlab     []string
	// slabSize is the number of elements a new slab holds (at least the
	// slice being made): 0 for a one-off Decode, larger for a stream.
	slabSize int
}

// setLine points the decoder at line, which is s[base:base+len(line)].
func (d *decoder) setLine(line []byte, s string, base int) {
	d.b, d.s, d.base = line, s, base
}

type syntaxError struct {
	msg string
	off int
}

func (e *syntaxError) Error() string { return e.msg }

func (d *decoder) syntax(format string, args ...any) error {
	return fmt.Errorf("%w at byte %d: %s", ErrSyntax, d.i, fmt.Sprintf(format, args...))
}

func typeError(field, got, want string) error {
	return fmt.Errorf("%w: field %s: JSON %s where %s is expected", ErrType, field, got, want)
}

func (d *decoder) ws() {
	for d.i < len(d.b) {
		switch d.b[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// peek returns the next non-space byte, or 0 at the end.
func (d *decoder) peek() byte {
	d.ws()
	if d.i < len(d.b) {
		return d.b[d.i]
	}
	return 0
}

func (d *decoder) expect(c byte) error {
	if d.peek() != c {
		if d.i >= len(d.b) {
			return d.syntax("unexpected end of JSON input, want %q", c)
		}
		return d.syntax("invalid character %q, want %q", d.b[d.i], c)
	}
	d.i++
	return nil
}

// mismatch skips a value of the wrong type for field and returns the
// type error (or the syntax error that stopped the skip).
func (d *decoder) mismatch(field, want string) error {
	k := d.kind()
	if err := d.skip(); err != nil {
		return err
	}
	return typeError(field, k, want)
}

// kind names the JSON value starting at the next byte, for type errors.
func (d *decoder) kind() string {
	switch d.peek() {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "bool"
	case 'n':
		return "null"
	}
	return "number"
}

// null consumes a null literal if one is next.
func (d *decoder) null() (bool, error) {
	if d.peek() != 'n' {
		return false, nil
	}
	return true, d.literal("null")
}

func (d *decoder) literal(lit string) error {
	if len(d.b)-d.i < len(lit) || string(d.b[d.i:d.i+len(lit)]) != lit {
		return d.syntax("invalid literal, want %s", lit)
	}
	d.i += len(lit)
	return nil
}

// object calls field for every key of an object; field must consume the
// value.
func (d *decoder) object(field func(key []byte) error) error {
	if err := d.expect('{'); err != nil {
		return err
	}
	if d.depth++; d.depth > maxDepth {
		return d.syntax("exceeded max depth")
	}
	if d.peek() == '}' {
		d.i++
		d.depth--
		return nil
	}
	for {
		if d.peek() != '"' {
			if d.i >= len(d.b) {
				return d.syntax("unexpected end of JSON input")
			}
			return d.syntax("want object key")
		}
		key, err := d.rawString()
		if err != nil {
			return err
		}
		if err := d.expect(':'); err != nil {
			return err
		}
		if err := field(key); err != nil {
			return err
		}
		switch d.peek() {
		case ',':
			d.i++
		case '}':
			d.i++
			d.depth--
			return nil
		case 0:
			if d.i >= len(d.b) {
				return d.syntax("unexpected end of JSON input")
			}
			fallthrough
		default:
			return d.syntax("want ',' or '}' after object value")
		}
	}
}

// array calls elem for every element; elem must consume it.
func (d *decoder) array(elem func() error) error {
	if err := d.expect('['); err != nil {
		return err
	}
	if d.depth++; d.depth > maxDepth {
		return d.syntax("exceeded max depth")
	}
	if d.peek() == ']' {
		d.i++
		d.depth--
		return nil
	}
	for {
		if err := elem(); err != nil {
			return err
		}
		switch d.peek() {
		case ',':
			d.i++
		case ']':
			d.i++
			d.depth--
			return nil
		case 0:
			if d.i >= len(d.b) {
				return d.syntax("unexpected end of JSON input")
			}
			fallthrough
		default:
			return d.syntax("want ',' or ']' after array element")
		}
	}
}

// rawString returns the contents of a string without escapes, or its
// unescaped form in a new slice. d.i is at the opening quote.
func (d *decoder) rawString() ([]byte, error) {
	b, _, err := d.stringValue()
	return b, err
}

// stringValue returns a string's contents as bytes and, when it had no
// escapes and d.s is set, as a substring of d.s that costs no allocation.
func (d *decoder) stringValue() ([]byte, string, error) {
	d.i++ // opening quote
	start := d.i
	for d.i < len(d.b) {
		c := d.b[d.i]
		switch {
		case c == '"':
			b := d.b[start:d.i]
			d.i++
			if d.s != "" {
				return b, d.s[d.base+start : d.base+d.i-1], nil
			}
			return b, "", nil
		case c == '\\' || c >= utf8.RuneSelf:
			b, err := d.slowString(start)
			return b, "", err
		case c < 0x20:
			return nil, "", d.syntax("invalid character %q in string literal", c)
		}
		d.i++
	}
	return nil, "", d.syntax("unexpected end of JSON input in string")
}

func (d *decoder) slowString(start int) ([]byte, error) {
	out := append([]byte(nil), d.b[start:d.i]...)
	for d.i < len(d.b) {
		c := d.b[d.i]
		switch {
		case c == '"':
			d.i++
			return out, nil
		case c < 0x20:
			return nil, d.syntax("invalid character %q in string literal", c)
		case c == '\\':
			if d.i+1 >= len(d.b) {
				return nil, d.syntax("unexpected end of JSON input in string escape")
			}
			e := d.b[d.i+1]
			d.i += 2
			switch e {
			case '"', '\\', '/':
				out = append(out, e)
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'u':
				r, ok := d.hex4()
				if !ok {
					return nil, d.syntax("invalid \\u escape")
				}
				if utf16.IsSurrogate(r) {
					r2 := utf8.RuneError
					if d.i+6 <= len(d.b) && d.b[d.i] == '\\' && d.b[d.i+1] == 'u' {
						save := d.i
						d.i += 2
						if lo, ok := d.hex4(); ok {
							if dec := utf16.DecodeRune(r, lo); dec != utf8.RuneError {
								r2 = dec
							} else {
								d.i = save
							}
						} else {
							return nil, d.syntax("invalid \\u escape")
						}
					}
					r = r2
				}
				out = utf8.AppendRune(out, r)
			default:
				return nil, d.syntax("invalid escape character %q", e)
			}
		case c < utf8.RuneSelf:
			out = append(out, c)
			d.i++
		default:
			r, size := utf8.DecodeRune(d.b[d.i:])
			d.i += size
			out = utf8.AppendRune(out, r) // invalid bytes become U+FFFD
		}
	}
	return nil, d.syntax("unexpected end of JSON input in string")
}

func (d *decoder) hex4() (rune, bool) {
	if d.i+4 > len(d.b) {
		return 0, false
	}
	var r rune
	for _, c := range d.b[d.i : d.i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r*16 + rune(c)
	}
	d.i += 4
	return r, true
}

// str decodes a string field (null leaves it unchanged).
func (d *decoder) str(field string, dst *string) error {
	return d.strField(field, dst, false)
}

// strInterned is str for fields whose values repeat across papers
// (countries, institutions): equal values share one string.
func (d *decoder) strInterned(field string, dst *string) error {
	return d.strField(field, dst, true)
}

func (d *decoder) strField(field string, dst *string, intern bool) error {
	if ok, err := d.null(); ok || err != nil {
		return err
	}
	if d.peek() != '"' {
		return d.mismatch(field, "string")
	}
	b, sub, err := d.stringValue()
	if err != nil {
		return err
	}
	switch {
	case intern:
		*dst = d.intern(b)
	case sub != "":
		*dst = sub
	default:
		*dst = string(b)
	}
	return nil
}

// intern returns b as a string, reusing an earlier equal string.
func (d *decoder) intern(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(b) > 128 {
		return string(b)
	}
	if s, ok := d.cache[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(d.cache) < 1<<14 {
		d.cache[s] = s
	}
	return s
}

// integer decodes a JSON integer that fits an int (null leaves it).
func (d *decoder) integer(field string, dst *int) error {
	if ok, err := d.null(); ok || err != nil {
		return err
	}
	c := d.peek()
	if c != '-' && (c < '0' || c > '9') {
		return d.mismatch(field, "int")
	}
	start := d.i
	if err := d.number(); err != nil {
		return err
	}
	lit := d.b[start:d.i]
	n, err := strconv.ParseInt(string(lit), 10, strconv.IntSize)
	if err != nil {
		return typeError(field, "number "+string(lit), "int")
	}
	*dst = int(n)
	return nil
}

func (d *decoder) boolean(field string, dst *bool) error {
	if ok, err := d.null(); ok || err != nil {
		return err
	}
	switch d.peek() {
	case 't':
		*dst = true
		return d.literal("true")
	case 'f':
		*dst = false
		return d.literal("false")
	}
	return d.mismatch(field, "bool")
}

// number consumes a JSON number (RFC 8259 grammar).
func (d *decoder) number() error {
	b := d.b
	i := d.i
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && b[i] >= '1' && b[i] <= '9':
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	default:
		d.i = i
		return d.syntax("invalid number")
	}
	if i < len(b) && b[i] == '.' {
		i++
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			d.i = i
			return d.syntax("invalid number: no digit after '.'")
		}
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			d.i = i
			return d.syntax("invalid number: no digit in exponent")
		}
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	}
	d.i = i
	return nil
}

// skip consumes any JSON value.
func (d *decoder) skip() error {
	switch d.peek() {
	case '{':
		return d.object(func([]byte) error { return d.skip() })
	case '[':
		return d.array(d.skip)
	case '"':
		_, err := d.rawString()
		return err
	case 't':
		return d.literal("true")
	case 'f':
		return d.literal("false")
	case 'n':
		return d.literal("null")
	case 0:
		if d.i >= len(d.b) {
			return d.syntax("unexpected end of JSON input")
		}
	}
	return d.number()
}

// sliceOf decodes an array (null sets dst to nil, as in encoding/json)
// by appending one zero element per item to *scratch and calling elem on
// it (null items stay zero), then copying the elements into a piece of
// *slab of exactly their number.
func sliceOf[T any](d *decoder, field string, dst *[]T, scratch, slab *[]T, elem func(*T) error) error {
	if ok, err := d.null(); ok || err != nil {
		if ok {
			*dst = nil
		}
		return err
	}
	if d.peek() != '[' {
		return d.mismatch(field, "array")
	}
	start := len(*scratch)
	err := d.array(func() error {
		var zero T
		*scratch = append(*scratch, zero)
		if ok, err := d.null(); ok || err != nil {
			return err
		}
		return elem(&(*scratch)[len(*scratch)-1])
	})
	items := (*scratch)[start:]
	n := len(items)
	if n == 0 {
		*dst = []T{} // "[]" is an empty slice, not nil, as in encoding/json
		return err
	}
	if len(*slab) < n {
		*slab = make([]T, max(n, d.slabSize))
	}
	out := (*slab)[:n:n]
	*slab = (*slab)[n:]
	copy(out, items)
	clear(items)
	*scratch = (*scratch)[:start]
	*dst = out
	return err
}

func (d *decoder) paper(p *coauthnet.Paper) error {
	if d.peek() != '{' {
		if d.i >= len(d.b) {
			return d.syntax("unexpected end of JSON input")
		}
		k := d.kind()
		if err := d.skip(); err != nil {
			return err
		}
		if err := d.end(); err != nil {
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
	err := d.object(func(key []byte) error {
		switch string(key) {
		case "id":
			return note(d.str("id", &p.ID))
		case "doi":
			return note(d.str("doi", &p.DOI))
		case "title":
			return note(d.str("title", &p.Title))
		case "year":
			return note(d.integer("year", &p.Year))
		case "fields":
			return note(sliceOf(d, "fields", &p.Fields, &d.strScratch, &d.strSlab, func(s *string) error { return note(d.strInterned("fields", s)) }))
		case "citations":
			if ok, err := d.null(); ok || err != nil {
				if ok {
					p.Citations = nil
				}
				return err
			}
			var n int
			if err := note(d.integer("citations", &n)); err != nil {
				return err
			}
			p.Citations = &n
			return nil
		case "authors":
			return note(sliceOf(d, "authors", &p.Authors, &d.authScratch, &d.authSlab, func(a *coauthnet.Author) error { return note(d.author(a, note)) }))
		}
		return d.skip()
	})
	if err != nil {
		return err
	}
	if err := d.end(); err != nil {
		return err
	}
	return firstType
}

// end checks that only white space follows the top-level value.
func (d *decoder) end() error {
	if d.ws(); d.i < len(d.b) {
		return d.syntax("invalid character %q after top-level value", d.b[d.i])
	}
	return nil
}

func (d *decoder) author(a *coauthnet.Author, note func(error) error) error {
	if d.peek() != '{' {
		return d.mismatch("authors", "author object")
	}
	return d.object(func(key []byte) error {
		switch string(key) {
		case "name":
			return note(d.str("authors.name", &a.Name))
		case "id":
			return note(d.str("authors.id", &a.ID))
		case "orcid":
			return note(d.str("authors.orcid", &a.ORCID))
		case "corresponding":
			return note(d.boolean("authors.corresponding", &a.Corresponding))
		case "affiliations":
			return note(sliceOf(d, "authors.affiliations", &a.Affiliations, &d.affScratch, &d.affSlab, func(af *coauthnet.Affiliation) error {
				return note(d.affiliation(af, note))
			}))
		}
		return d.skip()
	})
}

func (d *decoder) affiliation(af *coauthnet.Affiliation, note func(error) error) error {
	if d.peek() != '{' {
		return d.mismatch("authors.affiliations", "affiliation object")
	}
	return d.object(func(key []byte) error {
		switch string(key) {
		case "institution":
			return note(d.strInterned("authors.affiliations.institution", &af.Institution))
		case "institution_id":
			return note(d.strInterned("authors.affiliations.institution_id", &af.InstitutionID))
		case "country":
			return note(d.strInterned("authors.affiliations.country", &af.Country))
		}
		return d.skip()
	})
}
