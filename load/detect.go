package load

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
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

// Formats are the input formats [Options].Format accepts besides "auto".
var Formats = []string{"jsonl", "csv", "parquet", "wos", "scopus", "openalex"}

// Detect tells the format of an input from its first bytes, already
// decompressed (64 KiB are enough): "parquet" (PAR1 magic), "wos" (a first
// line starting FN, VR or PT), "csv" (the canonical header paper_id,…),
// "scopus" (a header naming EID and Authors), "openalex" (JSON naming
// authorships, an OpenAlex W id or API results), "jsonl" (other JSON),
// or "empty" (only white space). UTF-16 with a byte order mark is
// recognised; other non-UTF-8 text is an error naming the likely cause.
// A CSV file with another header is an error wrapping [ErrUnknownCSV]
// that lists its first columns; other text an error showing its start.
func Detect(head []byte) (string, error) {
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
	if cols := csvHeader(line); cols != nil {
		return "", fmt.Errorf("%w: a CSV file whose columns are neither a Scopus export's (EID, Authors, …) nor coauthnet's canonical CSV's (%s, …): its columns are %s",
			ErrUnknownCSV, strings.Join(csvio.Header[:4], ", "), listColumns(cols))
	}
	n := min(len(line), 30)
	return "", fmt.Errorf("cannot tell the format: the file starts %q (give --from)", line[:n])
}

// ErrUnknownCSV is wrapped by the error of [Detect] for a CSV file whose
// header row is neither a Scopus export's nor the canonical CSV's (such as
// a table another tool wrote from its own parse): no Options.Format reads
// it, so the error lists its columns instead of advising one.
var ErrUnknownCSV = errors.New("not a format coauthnet reads")

// csvHeader returns the cells of line when it looks like a CSV header
// row: at least three comma-separated cells, none longer than 100 bytes
// nor starting or ending with a space (as prose with commas does), else
// nil.
func csvHeader(line []byte) []string {
	if !bytes.Contains(line, []byte(",")) {
		return nil
	}
	cr := csv.NewReader(bytes.NewReader(line))
	cr.LazyQuotes = true
	cells, err := cr.Read()
	if err != nil || len(cells) < 3 {
		return nil
	}
	for _, c := range cells {
		if len(c) > 100 || strings.TrimSpace(c) != c {
			return nil
		}
	}
	return cells
}

// listColumns lists the first columns of a header, each as it reads
// (an empty name as "", one with a comma or quote quoted), and how many
// there are when not all are listed.
func listColumns(cols []string) string {
	const show = 8
	var b strings.Builder
	for i, c := range cols[:min(len(cols), show)] {
		if i > 0 {
			b.WriteString(", ")
		}
		if c == "" || strings.ContainsAny(c, ",\"") {
			c = strconv.Quote(c)
		}
		b.WriteString(c)
	}
	if len(cols) > show {
		fmt.Fprintf(&b, ", … (%d columns)", len(cols))
	}
	return b.String()
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
func newReader(format, name string, r io.Reader) (coauthnet.Reader, func() (unmapped map[string]int, fallback int), error) {
	none := func() (map[string]int, int) { return nil, 0 }
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
		return wr, func() (map[string]int, int) { return wr.Unmapped, wr.AddressFallback }, nil
	case "scopus":
		sr := scopus.NewReader(r)
		sr.Name = name
		return sr, func() (map[string]int, int) { return sr.Unmapped, sr.AddressFallback }, nil
	case "openalex":
		or := openalex.NewReader(r)
		or.Name = name
		return or, func() (map[string]int, int) { return or.Unmapped, 0 }, nil
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

// emptyReader is an input with nothing in it.
type emptyReader struct{}

func (emptyReader) Read() (coauthnet.Paper, error) { return coauthnet.Paper{}, io.EOF }
