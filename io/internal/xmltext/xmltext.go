// Package xmltext escapes strings for XML text and attribute values,
// shared by the GraphML and GEXF writers.
package xmltext

import "encoding/xml"

// Escape escapes s for XML text and attribute values (& < > " ' and
// the white space that attribute normalisation would change, as
// character references). Characters XML 1.0 cannot hold (most controls
// and invalid UTF-8) become U+FFFD.
func Escape(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || c >= 0x80 {
			var b buffer
			xml.EscapeText(&b, []byte(s))
			return string(b)
		}
	}
	return s
}

type buffer []byte

func (w *buffer) Write(p []byte) (int, error) { *w = append(*w, p...); return len(p), nil }
