// Package oneline makes text fit on one line of a line-based export
// format (Pajek, VOSviewer, DOT): the rule shared by their writers.
package oneline

import "strings"

// Clean returns s with line breaks, tabs and other control characters
// (C0, DEL, NEL, U+2028, U+2029) made spaces and invalid UTF-8 made
// U+FFFD.
func Clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == 0x85 || r == 0x2028 || r == 0x2029 {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}
