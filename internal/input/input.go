// Package input opens the byte streams that readers parse: it undoes gzip
// and zstd compression recognised by their magic bytes (not by file
// name), skips a UTF-8 byte order mark, and recognises files that are not
// UTF-8 text at all, so that every reader fails on them the same way.
//
// A compressed file cut short ([ErrCompressedCutShort]) ends the stream
// with an error after the bytes decoded before the cut; readers pass it
// on as the error that ends their stream, and coauthnet's loader (load)
// stops the run on it: the records read before the cut are not used.
package input

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/klauspost/compress/zstd"
)

// Errors for streams that are not UTF-8 text.
var (
	ErrUTF16  = errors.New("file is UTF-16 text without a byte order mark, not UTF-8")
	ErrBinary = errors.New("file is binary, not text")
)

// ErrCutShort is wrapped by the error of a record skipped because the
// file looks cut short (a download or copy that stopped mid-line): the
// record is on the last line, that line has no line end, and it is not a
// whole record (JSON that stops before its end; CSV with fewer fields
// than the header or an open quote). Each line reader exports it under
// its own name (jsonl.ErrCutShort, …). A last line without a line end
// that is a whole record is read as usual: many tools end files so.
var ErrCutShort = errors.New("file looks cut short: its last line has no line end and is not a whole record")

// ErrCompressedCutShort is the error of a gzip or zstd file whose
// compressed data stops before its end (an incomplete download or copy):
// the decompressor's io.ErrUnexpectedEOF, said so that a user knows what
// to do. It ends the stream like any error that is not a skipped record.
var ErrCompressedCutShort = errors.New("compressed file cut short")

// cutShort names a decompressor's io.ErrUnexpectedEOF as
// [ErrCompressedCutShort]; other errors pass unchanged.
func cutShort(comp Compression, err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("%w (the %s data stops before its end: an incomplete download or copy?)", ErrCompressedCutShort, comp)
	}
	return err
}

// decompressed passes on a decompressor's reads, naming a cut-short
// stream ([ErrCompressedCutShort]).
type decompressed struct {
	r    io.Reader
	comp Compression
}

func (d decompressed) Read(p []byte) (int, error) {
	n, err := d.r.Read(p)
	if err != nil && err != io.EOF {
		err = cutShort(d.comp, err)
	}
	return n, err
}

// CutShort returns err wrapped with [ErrCutShort] (err stays visible to
// errors.Is, and its text follows).
func CutShort(err error) error { return fmt.Errorf("%w: %w", ErrCutShort, err) }

// Compression names what [Open] undid.
type Compression string

const (
	None Compression = ""
	Gzip Compression = "gzip"
	Zstd Compression = "zstd"
)

var (
	gzipMagic = []byte{0x1f, 0x8b}
	zstdMagic = []byte{0x28, 0xb5, 0x2f, 0xfd}
)

// Open returns a buffered reader of r's content, decompressed when r
// starts with the gzip or zstd magic number. A compressed stream cut
// short shows as an error wrapping [ErrCompressedCutShort], from Open
// when the gzip header is cut, else from a later Read.
func Open(r io.Reader) (*bufio.Reader, Compression, error) {
	br := bufio.NewReaderSize(r, 1<<20)
	head, _ := br.Peek(4)
	switch {
	case bytes.HasPrefix(head, gzipMagic):
		zr, err := gzip.NewReader(br)
		if err != nil {
			if errors.Is(err, io.ErrUnexpectedEOF) {
				return nil, Gzip, cutShort(Gzip, err)
			}
			return nil, Gzip, fmt.Errorf("gzip: %w", err)
		}
		zr.Multistream(true)
		return bufio.NewReaderSize(decompressed{zr, Gzip}, 1<<20), Gzip, nil
	case bytes.HasPrefix(head, zstdMagic):
		zr, err := zstd.NewReader(br, zstd.WithDecoderConcurrency(1))
		if err != nil {
			return nil, Zstd, fmt.Errorf("zstd: %w", err)
		}
		return bufio.NewReaderSize(decompressed{zr.IOReadCloser(), Zstd}, 1<<20), Zstd, nil
	}
	return br, None, nil
}

// Sniff returns up to n bytes from the start of br without consuming them.
func Sniff(br *bufio.Reader, n int) []byte {
	b, _ := br.Peek(n)
	return b
}

// CheckUTF8 inspects the start of a stream that must be UTF-8 text and
// returns [ErrUTF16] or [ErrBinary] (wrapped with the likely cause) when
// it is not. A UTF-16 byte order mark is reported as UTF-16 too: callers
// that accept UTF-16 check for the BOM first.
func CheckUTF8(head []byte) error {
	if bytes.HasPrefix(head, []byte{0xff, 0xfe}) || bytes.HasPrefix(head, []byte{0xfe, 0xff}) {
		return fmt.Errorf("file is UTF-16 text (byte order mark %x), not UTF-8; convert it with iconv -f UTF-16 -t UTF-8", head[:2])
	}
	if i := bytes.IndexByte(head, 0); i >= 0 {
		// UTF-16 of ASCII text has a NUL in every other byte.
		even, odd := 0, 0
		for j := 0; j+1 < len(head) && j < 512; j += 2 {
			if head[j] == 0 {
				even++
			}
			if head[j+1] == 0 {
				odd++
			}
		}
		pairs := min(len(head), 512) / 2
		if pairs > 0 && (even*10 >= pairs*4 || odd*10 >= pairs*4) && (even == 0 || odd == 0) {
			return fmt.Errorf("%w (NUL bytes in every other byte); convert it with iconv -f UTF-16LE -t UTF-8", ErrUTF16)
		}
		return fmt.Errorf("%w: NUL byte at offset %d", ErrBinary, i)
	}
	// Invalid UTF-8 at the start (allowing a sequence cut at the end).
	h := head
	for len(h) > 0 {
		r, size := utf8.DecodeRune(h)
		if r == utf8.RuneError && size == 1 {
			if len(h) < utf8.UTFMax && !utf8.FullRune(h) {
				break
			}
			return fmt.Errorf("%w: invalid UTF-8 at offset %d", ErrBinary, len(head)-len(h))
		}
		h = h[size:]
	}
	return nil
}

// SkipBOM discards a UTF-8 byte order mark at the start of br.
func SkipBOM(br *bufio.Reader) {
	if b, _ := br.Peek(3); bytes.Equal(b, []byte{0xef, 0xbb, 0xbf}) {
		br.Discard(3)
	}
}

// Fatal returns the error that ends a reader's stream, prefixed with the
// reader's format and, when known, the file name: "wos: savedrecs.txt: …".
func Fatal(format, name string, err error) error {
	if name != "" {
		return fmt.Errorf("%s: %s: %w", format, name, err)
	}
	return fmt.Errorf("%s: %w", format, err)
}
