// Package xmltext escapes and formats values for XML text and attribute
// values, and writes long runs of elements formatted on several
// goroutines in order: what the GraphML and GEXF writers share.
package xmltext

import (
	"encoding/xml"
	"math"
	"strconv"

	"github.com/coauthnet/coauthnet/io/table"
)

// Escape escapes s for XML text and attribute values (& < > " ' and
// the white space that attribute normalisation would change, as
// character references). Characters XML 1.0 cannot hold (most controls
// and invalid UTF-8) become U+FFFD.
func Escape(s string) string {
	if plain(s) {
		return s
	}
	var b buffer
	xml.EscapeText(&b, []byte(s))
	return string(b)
}

// AppendEscape appends Escape(s) to dst.
func AppendEscape(dst []byte, s string) []byte {
	if plain(s) {
		return append(dst, s...)
	}
	b := buffer(dst)
	xml.EscapeText(&b, []byte(s))
	return b
}

// plain reports whether s is written as it is: printable ASCII without
// & < > " '.
func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || c >= 0x80 {
			return false
		}
	}
	return true
}

type buffer []byte

func (w *buffer) Write(p []byte) (int, error) { *w = append(*w, p...); return len(p), nil }

// AppendFloat appends f as strconv.AppendFloat(dst, f, 'g', -1, 64)
// does: the shortest form that reads back exactly, "-0" for −0, "NaN"
// and "±Inf" (callers leave those out). Integers of magnitude below 10⁶
// are appended as integers, which is what 'g' writes for them (it
// switches to an exponent from 10⁶ on), without the shortest-digits
// search.
func AppendFloat(dst []byte, f float64) []byte {
	if f > -1e6 && f < 1e6 && f == math.Trunc(f) && (f != 0 || !math.Signbit(f)) {
		return strconv.AppendInt(dst, int64(f), 10)
	}
	return strconv.AppendFloat(dst, f, 'g', -1, 64)
}

// AppendValue appends Escape(c.Text(i)), value i of column c as XML
// text, with floats through fc (as [AppendFloat] formats them): nothing
// for NaN and ±Inf, 0 for −0, as table.FormatFloat writes them.
func (fc *FloatCache) AppendValue(dst []byte, c table.Column, i int) []byte {
	switch c.Kind() {
	case table.Float:
		f := c.Float(i)
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return dst
		}
		if f == 0 {
			f = 0 // −0 → 0
		}
		return fc.Append(dst, f)
	case table.Int:
		return strconv.AppendInt(dst, int64(c.Int(i)), 10)
	}
	return AppendEscape(dst, c.Text(i))
}

// A FloatCache appends floats as [AppendFloat] does, remembering the
// text of the last float seen in each of 4096 slots (direct-mapped by
// a hash of the bits), so that a value that recurs is copied rather
// than formatted again: the weights of a co-authorship graph take few
// distinct values (on the institution benchmark's span, 1.9M
// non-integer weights had 135k distinct values, and 83% were found in
// the cache). The zero value is an empty cache, about 160 kB; it is not
// safe for concurrent use.
type FloatCache struct {
	slots [1 << floatCacheBits]floatSlot
}

const floatCacheBits = 12

type floatSlot struct {
	bits uint64
	n    uint8 // length of text; 0: empty
	text [24]byte
}

// Append appends f as AppendFloat(dst, f) does.
func (c *FloatCache) Append(dst []byte, f float64) []byte {
	if f > -1e6 && f < 1e6 && f == math.Trunc(f) && (f != 0 || !math.Signbit(f)) {
		return strconv.AppendInt(dst, int64(f), 10)
	}
	bits := math.Float64bits(f)
	s := &c.slots[(bits*0x9E3779B97F4A7C15)>>(64-floatCacheBits)]
	if s.n > 0 && s.bits == bits {
		return append(dst, s.text[:s.n]...)
	}
	start := len(dst)
	dst = strconv.AppendFloat(dst, f, 'g', -1, 64)
	if n := len(dst) - start; n <= len(s.text) {
		s.bits, s.n = bits, uint8(n)
		copy(s.text[:], dst[start:])
	}
	return dst
}

// Escaped holds Escape(s) of n strings back to back in one buffer, for
// writers that repeat them (the node keys at every edge): built once,
// and a random access touches one compact buffer rather than strings
// scattered over the heap.
type Escaped struct {
	buf []byte
	off []int // string i is buf[off[i]:off[i+1]]
}

// NewEscaped returns the escaped s(0), …, s(n−1).
func NewEscaped(n int, s func(i int) string) *Escaped {
	e := &Escaped{off: make([]int, n+1)}
	for i := range n {
		e.buf = AppendEscape(e.buf, s(i))
		e.off[i+1] = len(e.buf)
	}
	return e
}

// Append appends escaped string i to dst.
func (e *Escaped) Append(dst []byte, i int) []byte {
	return append(dst, e.buf[e.off[i]:e.off[i+1]]...)
}
