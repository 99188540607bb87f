package input

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"
)

func TestCheckUTF8(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want error // nil, ErrUTF16 or ErrBinary; "bom" cases only need an error
	}{
		{"ascii", []byte(`{"id":"a"}`), nil},
		{"utf8", []byte(`{"institution":"Université Côte d'Azur"}`), nil},
		{"cut-rune-at-end", []byte("abc\xc3"), nil},
		{"utf16le", []byte("{\x00\"\x00i\x00d\x00\"\x00:\x00"), ErrUTF16},
		{"utf16be", []byte("\x00{\x00\"\x00i\x00d\x00\"\x00:"), ErrUTF16},
		{"elf", []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00"), ErrBinary},
		{"latin1", []byte("caf\xe9 au lait"), ErrBinary},
	}
	for _, tt := range tests {
		err := CheckUTF8(tt.in)
		if (tt.want == nil) != (err == nil) || (tt.want != nil && !errors.Is(err, tt.want)) {
			t.Errorf("%s: CheckUTF8 = %v, want %v", tt.name, err, tt.want)
		}
	}
	if err := CheckUTF8([]byte("\xff\xfe{\x00")); err == nil {
		t.Error("UTF-16 BOM accepted")
	}
}

func TestOpen(t *testing.T) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("hello\n"))
	zw.Close()
	for _, tt := range []struct {
		in   []byte
		comp Compression
	}{{[]byte("hello\n"), None}, {gz.Bytes(), Gzip}} {
		br, comp, err := Open(bytes.NewReader(tt.in))
		if err != nil || comp != tt.comp {
			t.Fatalf("Open: %v %q", err, comp)
		}
		b, _ := io.ReadAll(br)
		if string(b) != "hello\n" {
			t.Errorf("%q: read %q", comp, b)
		}
	}
	// A gzip header cut short is an error at Open.
	if _, _, err := Open(bytes.NewReader(gz.Bytes()[:5])); !errors.Is(err, ErrCompressedCutShort) {
		t.Errorf("truncated gzip header: %v", err)
	}
}

// A gzip or zstd stream cut short ends in ErrCompressedCutShort (not the
// bare "unexpected EOF"), after the bytes decoded before the cut; the
// whole stream ends in io.EOF.
func TestCompressedCutShort(t *testing.T) {
	text := bytes.Repeat([]byte("a line of text that compresses\n"), 1000)
	var gz, zs bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(text)
	zw.Close()
	ze, err := zstd.NewWriter(&zs)
	if err != nil {
		t.Fatal(err)
	}
	ze.Write(text)
	ze.Close()
	for _, c := range []struct {
		comp Compression
		b    []byte
	}{{Gzip, gz.Bytes()}, {Zstd, zs.Bytes()}} {
		for _, cut := range []bool{false, true} {
			b := c.b
			if cut {
				b = b[:len(b)-8] // the gzip trailer; zstd's last block and checksum
			}
			br, comp, err := Open(bytes.NewReader(b))
			if err != nil || comp != c.comp {
				t.Fatalf("%s: Open: %v %q", c.comp, err, comp)
			}
			got, err := io.ReadAll(br)
			if !cut {
				if err != nil || !bytes.Equal(got, text) {
					t.Errorf("%s whole: %d bytes, %v", c.comp, len(got), err)
				}
				continue
			}
			if !errors.Is(err, ErrCompressedCutShort) || !strings.Contains(err.Error(), string(c.comp)) {
				t.Errorf("%s cut: %v", c.comp, err)
			}
		}
	}
}

func TestOpenTextUTF16(t *testing.T) {
	text := "PT J\nAU Müller, K\n"
	for _, be := range []bool{false, true} {
		var b bytes.Buffer
		if be {
			b.Write([]byte{0xfe, 0xff})
		} else {
			b.Write([]byte{0xff, 0xfe})
		}
		for _, r := range text {
			if be {
				b.WriteByte(byte(r >> 8))
				b.WriteByte(byte(r))
			} else {
				b.WriteByte(byte(r))
				b.WriteByte(byte(r >> 8))
			}
		}
		br, enc, _, err := OpenText(&b)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(br)
		if string(got) != text {
			t.Errorf("%s: %q, want %q", enc, got, text)
		}
	}
	br, enc, _, err := OpenText(bytes.NewReader([]byte("\xef\xbb\xbfFN x\n")))
	if got, _ := io.ReadAll(br); err != nil || enc != UTF8BOM || string(got) != "FN x\n" {
		t.Errorf("UTF-8 BOM: %q %s %v", got, enc, err)
	}
}

// Tail: a record ending at the last byte read, after io.EOF, with no line
// end, is at the end; with "\n" last, before EOF, or earlier, it is not.
func TestTail(t *testing.T) {
	for _, c := range []struct {
		in   string
		off  int64
		want bool
	}{
		{"a,b\nc,d", 7, true},
		{"a,b\nc,d\n", 8, false},
		{"a,b\nc,d", 3, false},
		{"", 0, false},
	} {
		tl := NewTail(strings.NewReader(c.in))
		if _, err := io.ReadAll(tl); err != nil {
			t.Fatal(err)
		}
		if got := tl.EndsAt(c.off); got != c.want {
			t.Errorf("%q at %d: %v, want %v", c.in, c.off, got, c.want)
		}
	}
	tl := NewTail(strings.NewReader("a,b"))
	buf := make([]byte, 3)
	tl.Read(buf) // all bytes, but EOF not yet seen
	if tl.EndsAt(3) {
		t.Error("at the end before io.EOF")
	}
	if err := CutShort(ErrBinary); !errors.Is(err, ErrCutShort) || !errors.Is(err, ErrBinary) {
		t.Errorf("CutShort: %v", err)
	}
}
