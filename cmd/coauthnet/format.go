package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/internal/input"
	csvio "github.com/coauthnet/coauthnet/io/csv"
	"github.com/coauthnet/coauthnet/io/jsonl"
	"github.com/coauthnet/coauthnet/io/openalex"
	"github.com/coauthnet/coauthnet/io/scopus"
	"github.com/coauthnet/coauthnet/io/wos"
)

// formats are the input formats --from accepts besides auto.
var formats = []string{"jsonl", "csv", "parquet", "wos", "scopus", "openalex", "aggregate"}

// detect tells the format of an input from its first bytes (already
// decompressed): the rules are in the README.
func detect(head []byte) (string, error) {
	switch {
	case bytes.HasPrefix(head, []byte("PAR1")):
		return "parquet", nil
	case bytes.HasPrefix(head, []byte{0xff, 0xfe}) || bytes.HasPrefix(head, []byte{0xfe, 0xff}):
		head = fromUTF16(head)
	case len(bytes.TrimSpace(head)) == 0:
		return "empty", nil
	default:
		if err := input.CheckUTF8(head); err != nil {
			return "", err
		}
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	line := head
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		line = head[:i]
	}
	line = bytes.TrimRight(line, "\r")
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	switch {
	case bytes.HasPrefix(line, []byte("FN ")) || bytes.HasPrefix(line, []byte("VR ")) || bytes.HasPrefix(line, []byte("PT ")):
		return "wos", nil
	case bytes.HasPrefix(line, []byte("PT\t")):
		return "wos", nil
	case bytes.HasPrefix(line, []byte("paper_id,")):
		return "csv", nil
	case bytes.Contains(line, []byte("EID")) && (bytes.Contains(line, []byte("Authors")) || bytes.Contains(line, []byte("Author full names"))):
		return "scopus", nil
	case len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '['):
		if bytes.Contains(head, []byte(`"authorships"`)) || bytes.Contains(head, []byte(`"https://openalex.org/W`)) || bytes.Contains(head, []byte(`"results"`)) {
			return "openalex", nil
		}
		return "jsonl", nil
	}
	n := min(len(line), 30)
	return "", fmt.Errorf("cannot tell the format: the file starts %q (give --from)", line[:n])
}

func fromUTF16(b []byte) []byte {
	be := b[0] == 0xfe
	b = b[2:]
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		if be {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		} else {
			u = append(u, uint16(b[i+1])<<8|uint16(b[i]))
		}
	}
	return []byte(string(utf16.Decode(u)))
}

// newReader returns the reader of format for r, and a function that
// returns its unmapped country texts afterwards.
func newReader(format, name string, r io.Reader) (coauthnet.Reader, func() map[string]int, error) {
	none := func() map[string]int { return nil }
	switch format {
	case "empty":
		return emptyReader{}, none, nil
	case "jsonl":
		jr := jsonl.NewReader(r)
		jr.Name = name
		return jr, none, nil
	case "wos":
		wr := wos.NewReader(r)
		wr.Name = name
		return wr, func() map[string]int { return wr.Unmapped }, nil
	case "scopus":
		sr := scopus.NewReader(r)
		sr.Name = name
		return sr, func() map[string]int { return sr.Unmapped }, nil
	case "openalex":
		or := openalex.NewReader(r)
		or.Name = name
		return or, func() map[string]int { return or.Unmapped }, nil
	case "csv":
		cr := csvio.NewReader(r)
		cr.Name = name
		return cr, none, nil
	}
	return nil, none, fmt.Errorf("format %s cannot be read yet", format)
}

// skipped reports whether err is a reader's "record skipped" error.
func skipped(err error) bool {
	var pe *coauthnet.ParseError
	return errors.As(err, &pe)
}

// normDOI folds a DOI for duplicate detection: lower case, without a
// resolver prefix.
func normDOI(doi string) string {
	d := strings.ToLower(strings.TrimSpace(doi))
	for _, p := range []string{"https://doi.org/", "http://doi.org/", "http://dx.doi.org/", "https://dx.doi.org/", "doi:"} {
		d = strings.TrimPrefix(d, p)
	}
	return d
}

// emptyReader is an input with nothing in it.
type emptyReader struct{}

func (emptyReader) Read() (coauthnet.Paper, error) { return coauthnet.Paper{}, io.EOF }
