package input

import (
	"bufio"
	"bytes"
	"io"
	"unicode/utf16"
	"unicode/utf8"
)

// Encoding names the text encoding [OpenText] found.
type Encoding string

const (
	UTF8    Encoding = "UTF-8"
	UTF8BOM Encoding = "UTF-8 with BOM"
	UTF16LE Encoding = "UTF-16LE with BOM"
	UTF16BE Encoding = "UTF-16BE with BOM"
)

// OpenText returns a reader of r's text as UTF-8: decompressed (see
// [Open]), without a UTF-8 byte order mark, and converted from UTF-16
// when it starts with a UTF-16 byte order mark (Web of Science exports
// from Windows). Text that is UTF-16 without a BOM, binary, or not UTF-8
// is an error ([CheckUTF8]).
func OpenText(r io.Reader) (*bufio.Reader, Encoding, Compression, error) {
	br, comp, err := Open(r)
	if err != nil {
		return nil, "", comp, err
	}
	head := Sniff(br, 2)
	switch {
	case bytes.Equal(head, []byte{0xff, 0xfe}):
		br.Discard(2)
		return bufio.NewReaderSize(&utf16Reader{r: br, be: false}, 1<<16), UTF16LE, comp, nil
	case bytes.Equal(head, []byte{0xfe, 0xff}):
		br.Discard(2)
		return bufio.NewReaderSize(&utf16Reader{r: br, be: true}, 1<<16), UTF16BE, comp, nil
	}
	if err := CheckUTF8(Sniff(br, 4096)); err != nil {
		return nil, "", comp, err
	}
	enc := UTF8
	if b := Sniff(br, 3); bytes.Equal(b, []byte{0xef, 0xbb, 0xbf}) {
		br.Discard(3)
		enc = UTF8BOM
	}
	return br, enc, comp, nil
}

// utf16Reader converts UTF-16 to UTF-8. Unpaired surrogates and a final
// odd byte become U+FFFD.
type utf16Reader struct {
	r   *bufio.Reader
	be  bool
	out []byte
	err error
}

func (u *utf16Reader) unit() (uint16, error) {
	a, err := u.r.ReadByte()
	if err != nil {
		return 0, err
	}
	b, err := u.r.ReadByte()
	if err != nil {
		return utf8.RuneError, nil // odd trailing byte
	}
	if u.be {
		return uint16(a)<<8 | uint16(b), nil
	}
	return uint16(b)<<8 | uint16(a), nil
}

func (u *utf16Reader) Read(p []byte) (int, error) {
	for len(u.out) < len(p) && u.err == nil {
		c, err := u.unit()
		if err != nil {
			u.err = err
			break
		}
		r := rune(c)
		if utf16.IsSurrogate(r) {
			c2, err := u.unit()
			if err != nil {
				u.err = err
				r = utf8.RuneError
			} else {
				r = utf16.DecodeRune(r, rune(c2))
			}
		}
		u.out = utf8.AppendRune(u.out, r)
	}
	n := copy(p, u.out)
	u.out = u.out[n:]
	if n == 0 && u.err != nil {
		return 0, u.err
	}
	return n, nil
}

// A Tail passes a stream on and remembers how it ends, so that a reader
// that knows the byte offset where a record ends (encoding/csv's
// InputOffset) can tell that the record is the last line of the stream,
// without a line end ([ErrCutShort]).
type Tail struct {
	r    io.Reader
	n    int64 // bytes passed on
	last byte  // the last of them
	eof  bool  // r has returned io.EOF
}

// NewTail returns a Tail reading r.
func NewTail(r io.Reader) *Tail { return &Tail{r: r} }

func (t *Tail) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if n > 0 {
		t.n += int64(n)
		t.last = p[n-1]
	}
	if err == io.EOF {
		t.eof = true
	}
	return n, err
}

// EndsAt reports whether a record that ends at byte offset off (counted
// from the first byte read through t) is the end of the stream, with no
// "\n" after it.
func (t *Tail) EndsAt(off int64) bool { return t.eof && off == t.n && t.n > 0 && t.last != '\n' }
