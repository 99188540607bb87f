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
// text, with floats through [AppendFloat]: nothing for NaN and ±Inf, 0
// for −0, as table.FormatFloat writes them.
func AppendValue(dst []byte, c table.Column, i int) []byte {
	switch c.Kind() {
	case table.Float:
		f := c.Float(i)
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return dst
		}
		if f == 0 {
			f = 0 // −0 → 0
		}
		return AppendFloat(dst, f)
	case table.Int:
		return strconv.AppendInt(dst, int64(c.Int(i)), 10)
	}
	return AppendEscape(dst, c.Text(i))
}
