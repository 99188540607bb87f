package jsonscan

import "testing"

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
