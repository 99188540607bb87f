package jsonscan

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// FuzzPlain holds the eight-bytes-at-a-time plain to a byte loop.
func FuzzPlain(f *testing.F) {
	f.Add([]byte(`abcdefghijklmnop"q`), 0)
	f.Add([]byte("abcdefgh\x1fijkl"), 1)
	f.Add([]byte("abcdefghij\\klmnop"), 3)
	f.Add([]byte("abcdefghijklmn\xc3\xa9"), 0)
	f.Fuzz(func(t *testing.T, b []byte, i int) {
		if i < 0 || i > len(b) {
			return
		}
		for _, high := range []bool{false, true} {
			want := i
			for want < len(b) {
				c := b[want]
				if c == '"' || c == '\\' || c < 0x20 || high && c >= 0x80 {
					break
				}
				want++
			}
			if got := plain(b, i, high); got != want {
				t.Fatalf("plain(%q, %d, %v) = %d, want %d", b, i, high, got, want)
			}
		}
	})
}

// TestSkipString checks SkipString against StringValue on valid and
// invalid strings: both accept or both reject, and stop at the same byte.
func TestSkipString(t *testing.T) {
	for _, s := range []string{`"abc"`, `"a\"b\\c\/\b\f\n\r\t"`, `"\u00e9\ud83d\ude00"`, `"\u12"`, `"\q"`, "\"a\x01\"", `"abc`, `"é long enough to use words"`, `"\`} {
		var a, b Scanner
		a.Reset([]byte(s), "", 0)
		b.Reset([]byte(s), "", 0)
		errA := a.SkipString()
		_, _, errB := b.StringValue()
		if (errA == nil) != (errB == nil) || errA == nil && a.Pos() != b.Pos() {
			t.Errorf("%q: SkipString %v at %d, StringValue %v at %d", s, errA, a.Pos(), errB, b.Pos())
		}
	}
}

// skipRef is the recursive skip that skipNested replaced: a value is
// skipped with Object and Array calling skipRef for every member.
func skipRef(d *Scanner) error {
	switch d.Peek() {
	case '{':
		return d.Object(func([]byte) error { return skipRef(d) })
	case '[':
		return d.Array(func() error { return skipRef(d) })
	}
	return d.Skip()
}

// FuzzSkipMatchesRecursive holds Skip's one-loop skipping of objects
// and arrays to the recursive one and to encoding/json: the same inputs
// are accepted, and Skip stops at the same byte.
func FuzzSkipMatchesRecursive(f *testing.F) {
	for _, s := range []string{
		`{}`, `[]`, `{"a":[1,2,{"b":null}],"c":"\u00e9\n","d":{}}`, `[[[]],[{}],-0.5e+3,true,false,null]`,
		`{"a" : [ 1 , 2 ] , "b" : { } }  `, `{"a":1,}`, `[1,]`, `{"a"}`, `{"a":}`, `[1 2]`, `{"a":1]`, `[1}`,
		`{"\q":1}`, "[\"a\x01\"]", `[tru]`, `[01]`, `[-]`, `{"a":[1,2]`, `[`, `{`, `{"abstract_inverted_index":{"The":[0],"é":[1,5]}}`,
		strings.Repeat("[", 10001) + strings.Repeat("]", 10001), strings.Repeat("[", 10000) + strings.Repeat("]", 10000),
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var a, r Scanner
		a.Reset(b, "", 0)
		r.Reset(b, "", 0)
		if c := a.Peek(); c != '{' && c != '[' {
			return
		}
		errA, errR := a.Skip(), skipRef(&r)
		if (errA == nil) != (errR == nil) || errA == nil && a.Pos() != r.Pos() {
			t.Fatalf("Skip %v at %d, recursive %v at %d\ninput %q", errA, a.Pos(), errR, r.Pos(), b)
		}
		if errA != nil && !errors.Is(errA, ErrSyntax) {
			t.Fatalf("Skip error %v does not wrap ErrSyntax", errA)
		}
		if errA == nil && a.depth != 0 {
			t.Fatalf("depth %d after Skip", a.depth)
		}
		whole := errA == nil && a.End() == nil
		if whole != json.Valid(b) {
			t.Fatalf("Skip+End %v, json.Valid %v\ninput %q", whole, json.Valid(b), b)
		}
	})
}
