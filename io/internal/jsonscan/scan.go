// Package jsonscan is the schema-driven JSON scanner shared by the JSON
// readers of coauthnet (io/jsonl for the canonical record, io/openalex
// for OpenAlex works). A reader walks one record with [Scanner.Object]
// and [Scanner.Array], decodes the fields it uses and [Scanner.Skip]s the
// rest: skipped values are checked as JSON (RFC 8259) but never
// materialised, so an OpenAlex work's abstract index, references and
// concepts cost one pass over their bytes and no allocation.
//
// Semantics are encoding/json's for the values decoded: null leaves a
// string, number or bool unchanged; integers must fit an int; invalid
// UTF-8 in strings becomes U+FFFD; nesting deeper than 10000 is an
// error. Errors wrap [ErrSyntax] or [ErrType].
//
// Cost: O(n) in the bytes of a record; strings without escapes are
// substrings of the caller's string (no allocation), repeated short
// values are interned through a cache the caller owns.
package jsonscan

import (
	"errors"
	"fmt"
	"math/bits"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Errors wrapped by the errors of a Scanner.
var (
	ErrSyntax = errors.New("bad JSON")
	ErrType   = errors.New("wrong type")
)

const maxDepth = 10000

// A Scanner reads one JSON value from a byte slice. The zero value is
// ready after [Scanner.Reset].
type Scanner struct {
	b     []byte
	s     string // b as a string (or a string containing b at offset base)
	base  int
	i     int
	depth int
	// Cache interns short strings (see [Scanner.Intern]); nil disables
	// interning. The caller bounds its size.
	Cache map[string]string
	// front is a direct-mapped cache in front of Cache for the most
	// repeated short values (country codes, fields): a hit costs a
	// comparison, not a map lookup.
	front [256]string
	stack []byte // skipNested's open containers
	// Arena, when not nil and the scanner has no string to take
	// substrings of, holds the copies of the strings decoded by
	// [Scanner.Str]: one allocation per slab, not per string.
	Arena *Arena
}

// An Arena copies strings into shared slabs, so that many small strings
// cost one allocation per slab and keep only each other alive (never
// the input they were read from). The zero value is ready to use.
//
// A slab is a [strings.Builder]: a string it returns is never written
// again (a builder only appends; when a string does not fit, the next
// ones go to a new builder), so no unsafe code is needed.
type Arena struct {
	b strings.Builder
}

// arenaSlab is the size of a slab: large enough that a slab costs
// little per string, small enough that one live string does not pin
// much (the ids and DOIs of a 1 MiB chunk of canonical records, about
// 30 KB, fill two slabs).
const arenaSlab = 16 << 10

// String returns b as a string stored in a's current slab.
func (a *Arena) String(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(b) > arenaSlab/4 {
		return string(b) // large: its own allocation, no slab wasted
	}
	if a.b.Cap()-a.b.Len() < len(b) {
		a.b = strings.Builder{}
		a.b.Grow(arenaSlab)
	}
	start := a.b.Len()
	a.b.Write(b)
	return a.b.String()[start:]
}

// Reset points the scanner at line, which is s[base:base+len(line)]
// (s may be "" when there is no such string: strings are then copied).
func (d *Scanner) Reset(line []byte, s string, base int) {
	d.b, d.s, d.base, d.i, d.depth = line, s, base, 0, 0
}

// Pos returns the offset of the next byte in the line.
func (d *Scanner) Pos() int { return d.i }

// AtEnd reports whether the whole line has been consumed.
func (d *Scanner) AtEnd() bool { return d.i >= len(d.b) }

// End checks that only white space follows the top-level value.
func (d *Scanner) End() error {
	if d.WS(); d.i < len(d.b) {
		return d.Syntax("invalid character %q after top-level value", d.b[d.i])
	}
	return nil
}

// Syntax returns an error wrapping [ErrSyntax] at the current offset.
func (d *Scanner) Syntax(format string, args ...any) error {
	return fmt.Errorf("%w at byte %d: %s", ErrSyntax, d.i, fmt.Sprintf(format, args...))
}

// TypeError returns an error wrapping [ErrType]: field held JSON got
// where want is expected.
func TypeError(field, got, want string) error {
	return fmt.Errorf("%w: field %s: JSON %s where %s is expected", ErrType, field, got, want)
}

// WS skips white space.
func (d *Scanner) WS() { d.i = spaceEnd(d.b, d.i) }

// spaceEnd returns the offset of the first byte of b from i on that is
// not JSON white space (len(b) if none).
func spaceEnd(b []byte, i int) int {
	for i < len(b) && b[i] <= ' ' && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// stringEnd returns the offset after the string that starts with the
// '"' at b[i]: at the first byte plainAny stops at when that is the
// closing quote (no escapes or control bytes), else as SkipString
// checks it (with d.i left at i on error).
func (d *Scanner) stringEnd(i int) (int, error) {
	if j := plainAny(d.b, i+1); j < len(d.b) && d.b[j] == '"' {
		return j + 1, nil
	}
	d.i = i
	if err := d.SkipString(); err != nil {
		return 0, err
	}
	return d.i, nil
}

// peek returns the next non-space byte, or 0 at the end.
func (d *Scanner) Peek() byte {
	d.WS()
	if d.i < len(d.b) {
		return d.b[d.i]
	}
	return 0
}

// Expect consumes the byte c after white space.
func (d *Scanner) Expect(c byte) error {
	if d.i < len(d.b) && d.b[d.i] == c {
		d.i++
		return nil
	}
	if d.Peek() != c {
		if d.i >= len(d.b) {
			return d.Syntax("unexpected end of JSON input, want %q", c)
		}
		return d.Syntax("invalid character %q, want %q", d.b[d.i], c)
	}
	d.i++
	return nil
}

// mismatch skips a value of the wrong type for field and returns the
// type error (or the syntax error that stopped the skip).
func (d *Scanner) Mismatch(field, want string) error {
	k := d.Kind()
	if err := d.Skip(); err != nil {
		return err
	}
	return TypeError(field, k, want)
}

// kind names the JSON value starting at the next byte, for type errors.
func (d *Scanner) Kind() string {
	switch d.Peek() {
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
func (d *Scanner) Null() (bool, error) {
	if d.i < len(d.b) && d.b[d.i] > ' ' && d.b[d.i] != 'n' {
		return false, nil
	}
	if d.Peek() != 'n' {
		return false, nil
	}
	return true, d.Literal("null")
}

// Literal consumes lit (true, false, null).
func (d *Scanner) Literal(lit string) error {
	if len(d.b)-d.i < len(lit) || string(d.b[d.i:d.i+len(lit)]) != lit {
		return d.Syntax("invalid literal, want %s", lit)
	}
	d.i += len(lit)
	return nil
}

// object calls field for every key of an object; field must consume the
// value.
func (d *Scanner) Object(field func(key []byte) error) error {
	if err := d.Expect('{'); err != nil {
		return err
	}
	if d.depth++; d.depth > maxDepth {
		return d.Syntax("exceeded max depth")
	}
	if d.Peek() == '}' {
		d.i++
		d.depth--
		return nil
	}
	for {
		if d.Peek() != '"' {
			if d.i >= len(d.b) {
				return d.Syntax("unexpected end of JSON input")
			}
			return d.Syntax("want object key")
		}
		// A key without escapes or control bytes is its bytes: keys
		// are compared with ASCII names, so a non-ASCII byte (which
		// StringValue would check as UTF-8) makes no difference.
		var key []byte
		if j := plainAny(d.b, d.i+1); j < len(d.b) && d.b[j] == '"' {
			key = d.b[d.i+1 : j]
			d.i = j + 1
		} else {
			var err error
			if key, err = d.RawString(); err != nil {
				return err
			}
		}
		if d.i < len(d.b) && d.b[d.i] == ':' {
			d.i++
		} else if err := d.Expect(':'); err != nil {
			return err
		}
		if err := field(key); err != nil {
			return err
		}
		if d.i < len(d.b) && d.b[d.i] == ',' {
			d.i++
			continue
		}
		if end, err := d.endOr('}', "object value"); end || err != nil {
			return err
		}
	}
}

// array calls elem for every element; elem must consume it.
func (d *Scanner) Array(elem func() error) error {
	if err := d.Expect('['); err != nil {
		return err
	}
	if d.depth++; d.depth > maxDepth {
		return d.Syntax("exceeded max depth")
	}
	if d.Peek() == ']' {
		d.i++
		d.depth--
		return nil
	}
	for {
		if err := elem(); err != nil {
			return err
		}
		if d.i < len(d.b) && d.b[d.i] == ',' {
			d.i++
			continue
		}
		if end, err := d.endOr(']', "array element"); end || err != nil {
			return err
		}
	}
}

// endOr reads what follows a member or element when it is not a ','
// right at the offset (the callers' fast path): a ',' after white space
// (end false), or close, which ends the object or array (end true);
// anything else is a syntax error naming what it follows.
func (d *Scanner) endOr(close byte, after string) (end bool, err error) {
	switch d.Peek() {
	case ',':
		d.i++
		return false, nil
	case close:
		d.i++
		d.depth--
		return true, nil
	case 0:
		if d.i >= len(d.b) {
			return false, d.Syntax("unexpected end of JSON input")
		}
	}
	return false, d.Syntax("want ',' or '%c' after %s", close, after)
}

// rawString returns the contents of a string without escapes, or its
// unescaped form in a new slice. d.i is at the opening quote.
func (d *Scanner) RawString() ([]byte, error) {
	b, _, err := d.StringValue()
	return b, err
}

// stringValue returns a string's contents as bytes and, when it had no
// escapes and d.s is set, as a substring of d.s that costs no allocation.
func (d *Scanner) StringValue() ([]byte, string, error) {
	d.i++ // opening quote
	start := d.i
	for d.i < len(d.b) {
		d.i = plain(d.b, d.i, true)
		if d.i >= len(d.b) {
			break
		}
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
			return nil, "", d.Syntax("invalid character %q in string literal", c)
		}
		d.i++
	}
	return nil, "", d.Syntax("unexpected end of JSON input in string")
}

func (d *Scanner) slowString(start int) ([]byte, error) {
	out := append([]byte(nil), d.b[start:d.i]...)
	for d.i < len(d.b) {
		c := d.b[d.i]
		switch {
		case c == '"':
			d.i++
			return out, nil
		case c < 0x20:
			return nil, d.Syntax("invalid character %q in string literal", c)
		case c == '\\':
			if d.i+1 >= len(d.b) {
				return nil, d.Syntax("unexpected end of JSON input in string escape")
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
					return nil, d.Syntax("invalid \\u escape")
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
							return nil, d.Syntax("invalid \\u escape")
						}
					}
					r = r2
				}
				out = utf8.AppendRune(out, r)
			default:
				return nil, d.Syntax("invalid escape character %q", e)
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
	return nil, d.Syntax("unexpected end of JSON input in string")
}

func (d *Scanner) hex4() (rune, bool) {
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
func (d *Scanner) Str(field string, dst *string) error {
	return d.strField(field, dst, false)
}

// strInterned is str for fields whose values repeat across papers
// (countries, institutions): equal values share one string.
func (d *Scanner) StrInterned(field string, dst *string) error {
	return d.strField(field, dst, true)
}

func (d *Scanner) strField(field string, dst *string, intern bool) error {
	if d.i >= len(d.b) || d.b[d.i] != '"' { // not a string right here
		if ok, err := d.Null(); ok || err != nil {
			return err
		}
		if d.Peek() != '"' {
			return d.Mismatch(field, "string")
		}
	}
	b, sub, err := d.StringValue()
	if err != nil {
		return err
	}
	switch {
	case intern:
		*dst = d.Intern(b)
	case sub != "":
		*dst = sub
	case d.Arena != nil:
		*dst = d.Arena.String(b)
	default:
		*dst = string(b)
	}
	return nil
}

// intern returns b as a string, reusing an earlier equal string.
func (d *Scanner) Intern(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(b) > 128 {
		return string(b)
	}
	if d.Cache == nil {
		return string(b)
	}
	h := (uint(b[0])*0x9e ^ uint(b[len(b)-1])*0x3b ^ uint(len(b))*0x55) & 255
	if f := d.front[h]; f == string(b) {
		return f
	}
	s, ok := d.Cache[string(b)]
	if !ok {
		s = string(b)
		if len(d.Cache) < 1<<14 {
			d.Cache[s] = s
		}
	}
	d.front[h] = s
	return s
}

// integer decodes a JSON integer that fits an int (null leaves it).
func (d *Scanner) Integer(field string, dst *int) error {
	if ok, err := d.Null(); ok || err != nil {
		return err
	}
	c := d.Peek()
	if c != '-' && (c < '0' || c > '9') {
		return d.Mismatch(field, "int")
	}
	start := d.i
	if err := d.Number(); err != nil {
		return err
	}
	lit := d.b[start:d.i]
	n, err := strconv.ParseInt(string(lit), 10, strconv.IntSize)
	if err != nil {
		return TypeError(field, "number "+string(lit), "int")
	}
	*dst = int(n)
	return nil
}

// Boolean decodes a bool field (null leaves it unchanged).
func (d *Scanner) Boolean(field string, dst *bool) error {
	if ok, err := d.Null(); ok || err != nil {
		return err
	}
	switch d.Peek() {
	case 't':
		*dst = true
		return d.Literal("true")
	case 'f':
		*dst = false
		return d.Literal("false")
	}
	return d.Mismatch(field, "bool")
}

// number consumes a JSON number (RFC 8259 grammar).
func (d *Scanner) Number() error {
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
		return d.Syntax("invalid number")
	}
	if i < len(b) && b[i] == '.' {
		i++
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			d.i = i
			return d.Syntax("invalid number: no digit after '.'")
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
			return d.Syntax("invalid number: no digit in exponent")
		}
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	}
	d.i = i
	return nil
}

// skip consumes any JSON value, checking it as JSON.
func (d *Scanner) Skip() error {
	switch d.Peek() {
	case '{', '[':
		return d.skipNested()
	case '"':
		return d.SkipString()
	case 't':
		return d.Literal("true")
	case 'f':
		return d.Literal("false")
	case 'n':
		return d.Literal("null")
	case 0:
		if d.i >= len(d.b) {
			return d.Syntax("unexpected end of JSON input")
		}
	}
	return d.Number()
}

// skipNested consumes an object or array (d.i is at its '{' or '['),
// checking it as [Scanner.Object] and [Scanner.Array] with Skip would
// (the same grammar, the same depth limit, escapes and control
// characters in keys and strings), but in one loop over an explicit
// stack of the open containers instead of a call per value: what an
// OpenAlex work's abstract index, concepts and references cost.
//
// state is what the next non-space byte must be: a value, an object key
// (after '{' or ','), or what follows a value (',' or a closing byte of
// the innermost container).
func (d *Scanner) skipNested() error {
	const (
		value = iota
		key
		after
	)
	b := d.b
	i := d.i             // d.i is set from i before every return and every call
	stack := d.stack[:0] // '{' or '[' per open container
	defer func() { d.stack = stack[:0] }()
	state := value
	for {
		if i >= len(b) {
			d.i = i
			return d.Syntax("unexpected end of JSON input")
		}
		c := b[i]
		if c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			// White space, rare in compact JSON: skipped, then the
			// next byte is tested again.
			i++
			continue
		}
		switch state {
		case key:
			if c != '"' {
				d.i = i
				return d.Syntax("want object key")
			}
			var err error
			if i, err = d.stringEnd(i); err != nil {
				return err
			}
			i = spaceEnd(b, i)
			if i >= len(b) {
				d.i = i
				return d.Syntax("unexpected end of JSON input, want ':'")
			}
			if b[i] != ':' {
				d.i = i
				return d.Syntax("invalid character %q, want ':'", b[i])
			}
			i++
			state = value
		case after:
			top := stack[len(stack)-1]
			switch {
			case c == ',':
				i++
				state = value
				if top == '{' {
					state = key
				}
			case c == '}' && top == '{', c == ']' && top == '[':
				i++
				stack = stack[:len(stack)-1]
				d.depth--
				if len(stack) == 0 {
					d.i = i
					return nil
				}
			case top == '{':
				d.i = i
				return d.Syntax("want ',' or '}' after object value")
			default:
				d.i = i
				return d.Syntax("want ',' or ']' after array element")
			}
		default: // value
			switch {
			case c == '{' || c == '[':
				if d.depth++; d.depth > maxDepth {
					d.i = i
					return d.Syntax("exceeded max depth")
				}
				stack = append(stack, c)
				i++
				i = spaceEnd(b, i)
				if i < len(b) && b[i] == c+2 { // '}' or ']': empty
					i++
					stack = stack[:len(stack)-1]
					d.depth--
					if len(stack) == 0 {
						d.i = i
						return nil
					}
					state = after
				} else if c == '{' {
					state = key
				}
				continue
			case c == '"':
				var err error
				if i, err = d.stringEnd(i); err != nil {
					return err
				}
			case '1' <= c && c <= '9':
				// An integer is the digits; a '.', 'e' or 'E' after
				// them makes Number check the rest from the start.
				j := i + 1
				for j < len(b) && '0' <= b[j] && b[j] <= '9' {
					j++
				}
				if j < len(b) && (b[j] == '.' || b[j] == 'e' || b[j] == 'E') {
					d.i = i
					if err := d.Number(); err != nil {
						return err
					}
					j = d.i
				}
				i = j
			case c == 'n' && i+4 <= len(b) && b[i+1] == 'u' && b[i+2] == 'l' && b[i+3] == 'l':
				i += 4
			case c == 't' && i+4 <= len(b) && b[i+1] == 'r' && b[i+2] == 'u' && b[i+3] == 'e':
				i += 4
			case c == 'f' && i+5 <= len(b) && b[i+1] == 'a' && b[i+2] == 'l' && b[i+3] == 's' && b[i+4] == 'e':
				i += 5
			default:
				d.i = i
				var err error
				switch c {
				case 't':
					err = d.Literal("true")
				case 'f':
					err = d.Literal("false")
				case 'n':
					err = d.Literal("null")
				default:
					err = d.Number()
				}
				if err != nil {
					return err
				}
				i = d.i
			}
			state = after
		}
	}
}

// SkipString consumes a string, checking its escapes and control
// characters as [Scanner.StringValue] does, without unescaping it.
// d.i is at the opening quote.
func (d *Scanner) SkipString() error {
	b := d.b
	i := d.i + 1
	for i < len(b) {
		i = plainAny(b, i)
		if i >= len(b) {
			break
		}
		c := b[i]
		switch {
		case c == '"':
			d.i = i + 1
			return nil
		case c == '\\':
			if i+1 >= len(b) {
				d.i = i
				return d.Syntax("unexpected end of JSON input in string escape")
			}
			switch b[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				d.i = i + 2
				if _, ok := d.hex4(); !ok {
					return d.Syntax("invalid \\u escape")
				}
				i = d.i
			default:
				d.i = i + 2
				return d.Syntax("invalid escape character %q", b[i+1])
			}
		case c < 0x20:
			d.i = i
			return d.Syntax("invalid character %q in string literal", c)
		default:
			i++
		}
	}
	d.i = i
	return d.Syntax("unexpected end of JSON input in string")
}

// SkipStr consumes a string field without decoding it: a string or
// null, else the type error of [Scanner.Str].
func (d *Scanner) SkipStr(field string) error {
	if d.i < len(d.b) && d.b[d.i] == '"' {
		// Most often a string without escapes, right here.
		if j := plainAny(d.b, d.i+1); j < len(d.b) && d.b[j] == '"' {
			d.i = j + 1
			return nil
		}
		return d.SkipString()
	}
	switch d.Peek() {
	case '"':
		return d.SkipString()
	case 'n':
		return d.Literal("null")
	}
	return d.Mismatch(field, "string")
}

const (
	ones   = 0x0101010101010101
	highs  = 0x8080808080808080
	quotes = '"' * ones
	backs  = '\\' * ones
	spaces = 0x20 * ones
)

// plain returns the index of the first byte at or after i that ends a
// run of plain string bytes: '"', '\\', a control byte (< 0x20) or, with
// high, a non-ASCII byte; len(b) if there is none. It tests eight bytes
// at a time: for a word x, (x − 0x01…)&^x&0x80… is non-zero exactly
// when some byte of x is zero, and (x − 0x20…)&^x&0x80… when some byte
// is below 0x20 (Anderson, "Bit Twiddling Hacks", "Determine if a word
// has a byte less than n"), applied to x = v^'"'…, v^'\\'… and v. As
// '"' and '\\' are below 0x80, the three x have the high bits of v, so
// one &^v serves them all.
func plain(b []byte, i int, high bool) int {
	if !high {
		return plainAny(b, i)
	}
	for i+8 <= len(b) {
		v := load64(b, i)
		q, s := v^quotes, v^backs
		if m := ((q-ones)|(s-ones)|(v-spaces))&^v&highs | v&highs; m != 0 {
			// Each test can flag a byte above a flagged one (a borrow),
			// never below: the lowest flag is the first byte that ends
			// the run.
			return i + bits.TrailingZeros64(m)/8
		}
		i += 8
	}
	for i < len(b) {
		c := b[i]
		if c == '"' || c == '\\' || c < 0x20 || c >= 0x80 {
			return i
		}
		i++
	}
	return i
}

// plainAny is plain without high: non-ASCII bytes are plain.
func plainAny(b []byte, i int) int {
	for i+8 <= len(b) {
		v := load64(b, i)
		q, s := v^quotes, v^backs
		if m := ((q - ones) | (s - ones) | (v - spaces)) &^ v & highs; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
		i += 8
	}
	for i < len(b) {
		c := b[i]
		if c == '"' || c == '\\' || c < 0x20 {
			return i
		}
		i++
	}
	return i
}

// load64 returns the eight bytes of b at i as a little-endian word (one
// load: the compiler combines the byte loads), without the slice
// arithmetic of binary.LittleEndian.Uint64(b[i:]).
func load64(b []byte, i int) uint64 {
	b = b[i : i+8 : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}
