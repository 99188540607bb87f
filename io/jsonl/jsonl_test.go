package jsonl

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"github.com/coauthnet/coauthnet/io/internal/readertest"
	"io"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/internal/input"
	"github.com/coauthnet/coauthnet/internal/sample"
	"github.com/klauspost/compress/zstd"
)

const good = `{"id":"W1","year":2019,"authors":[{"name":"Li, X","affiliations":[{"institution":"Tsinghua University","institution_id":"https://ror.org/03cve4549","country":"CN"}]},{"name":"Smith, J","affiliations":[{"country":"US"}]}]}
`

// mixed has good and bad lines; the comment on each says why it is skipped.
var mixed = strings.Join([]string{
	`{"id":"a","year":2019,"authors":[]}`,           // 1 ok
	`{"id":"b","year":2019,"authors":[`,             // 2 bad JSON
	``,                                              // 3 blank, ignored
	`{"id":"c","authors":[]}`,                       // 4 no year
	`{"id":"d","year":"2019","authors":[]}`,         // 5 year is a string
	`{"id":"e","year":2019.5,"authors":[]}`,         // 6 year not an integer
	`{"id":"f","year":2020,"authors":{"name":"x"}}`, // 7 authors not an array
	`{"id":"g","year":2020,"authors":[{"affiliations":[{"country":"China"}]}]}`, // 8 country not a code
	`{"year":2020,"authors":[]}`,                                      // 9 no id
	`{"id":"h","year":2021,"authors":[],"extra":{"future":1}}` + "\r", // 10 ok: unknown field, CRLF
}, "\n")

var wantSkipped = []int{2, 4, 5, 6, 7, 8, 9}

func TestReadSkipsWithLine(t *testing.T) {
	r := NewReader(strings.NewReader(mixed))
	r.Name = "mixed.jsonl"
	var ids []string
	var lines []int
	for {
		p, err := r.Read()
		if err == io.EOF {
			break
		}
		var pe *ParseError
		if errors.As(err, &pe) {
			lines = append(lines, pe.Line)
			if !strings.HasPrefix(pe.Error(), "jsonl: mixed.jsonl:") {
				t.Errorf("error %q lacks file:line prefix", pe)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	if !reflect.DeepEqual(ids, []string{"a", "h"}) {
		t.Errorf("ids %v, want [a h]", ids)
	}
	if !reflect.DeepEqual(lines, wantSkipped) {
		t.Errorf("skipped lines %v, want %v", lines, wantSkipped)
	}
}

func TestChunkMatchesRead(t *testing.T) {
	for _, size := range []int{1, 50, 1 << 20} {
		r := NewReader(strings.NewReader(mixed))
		var ids []string
		var lines []int
		for {
			c, err := r.ReadChunk(size)
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			ps, errs := c.Decode(nil)
			for _, p := range ps {
				ids = append(ids, p.ID)
			}
			for _, e := range errs {
				lines = append(lines, e.(*ParseError).Line)
			}
		}
		if !reflect.DeepEqual(ids, []string{"a", "h"}) || !reflect.DeepEqual(lines, wantSkipped) {
			t.Errorf("chunk size %d: ids %v lines %v", size, ids, lines)
		}
	}
}

func TestFatal(t *testing.T) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(bytes.Repeat([]byte(good), 200))
	zw.Close()
	truncated := gz.Bytes()[:gz.Len()/2]

	u16 := utf16.Encode([]rune(good))
	var le bytes.Buffer
	for _, u := range u16 {
		le.WriteByte(byte(u))
		le.WriteByte(byte(u >> 8))
	}
	tests := []struct {
		name, in, want string
	}{
		{"utf16le-nobom", le.String(), "UTF-16"},
		{"utf16le-bom", "\xff\xfe" + le.String(), "UTF-16"},
		{"binary", "\x00\x01\x02\x03PK\x03\x04garbage", "binary"},
		{"csv", "id,year\nW1,2019\n", "not JSON Lines"},
		{"latin1", "{\"id\":\"caf\xe9\"}", "invalid UTF-8"},
		{"truncated-gzip", string(truncated), "compressed file cut short (the gzip data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReader(strings.NewReader(tt.in))
			r.Name = tt.name
			var err error
			for i := 0; i < 1000; i++ {
				_, err = r.Read()
				var pe *ParseError
				if !errors.As(err, &pe) && err != nil {
					break
				}
			}
			if err == nil || err == io.EOF || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want a fatal error containing %q", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.name) {
				t.Errorf("err %q does not name the file", err)
			}
			if _, err2 := r.Read(); err2 != err {
				t.Errorf("error not sticky: %v then %v", err, err2)
			}
		})
	}
}

func TestCompressed(t *testing.T) {
	plain := strings.Repeat(good, 3)
	var gz, zs bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(plain))
	zw.Close()
	ze, _ := zstd.NewWriter(&zs)
	ze.Write([]byte(plain))
	ze.Close()
	for _, tt := range []struct {
		data []byte
		comp input.Compression
	}{{[]byte(plain), input.None}, {gz.Bytes(), input.Gzip}, {zs.Bytes(), input.Zstd}, {append([]byte("\xef\xbb\xbf"), plain...), input.None}} {
		r := NewReader(bytes.NewReader(tt.data))
		ps, err := r.ReadAll()
		if err != nil || len(ps) != 3 || r.Compression != string(tt.comp) {
			t.Errorf("%q: %d papers, err %v, compression %q", tt.comp, len(ps), err, r.Compression)
		}
	}
}

func TestLineTooLong(t *testing.T) {
	long := `{"id":"x","year":2019,"authors":[],"pad":"` + strings.Repeat("a", MaxLine) + `"}`
	in := good + long + "\n" + good
	r := NewReader(strings.NewReader(in))
	var n, skipped int
	for {
		_, err := r.Read()
		if err == io.EOF {
			break
		}
		var pe *ParseError
		if errors.As(err, &pe) {
			if pe.Line != 2 || !errors.Is(err, ErrLineTooLong) {
				t.Errorf("got %v, want line 2 too long", err)
			}
			skipped++
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 2 || skipped != 1 {
		t.Errorf("read %d skipped %d, want 2 and 1", n, skipped)
	}
}

func TestRoundTrip(t *testing.T) {
	ps := sample.Generate(sample.Config{Papers: 300})
	var buf bytes.Buffer
	w := NewWriter(&buf)
	for i := range ps {
		w.Write(&ps[i])
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	got, err := NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, ps) {
		t.Errorf("round trip differs")
	}
}

// FuzzReader holds the reader to its contract on any input: no panic,
// every paper returned is valid, and errors are either per-record
// (*ParseError) or end the stream.
func FuzzReader(f *testing.F) {
	f.Add([]byte(good))
	f.Add([]byte(mixed))
	var buf bytes.Buffer
	w := NewWriter(&buf)
	for _, p := range sample.Generate(sample.Config{Papers: 40}) {
		w.Write(&p)
	}
	w.Flush()
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		readertest.Contract(t, NewReader(bytes.NewReader(data)))
	})
}

// FuzzRoundtrip: what is read, written and read again is the same.
func FuzzRoundtrip(f *testing.F) {
	f.Add([]byte(good))
	f.Add([]byte(mixed))
	f.Fuzz(func(t *testing.T, data []byte) {
		ps, _ := readValid(bytes.NewReader(data))
		var buf bytes.Buffer
		w := NewWriter(&buf)
		for i := range ps {
			w.Write(&ps[i])
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		again, err := NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatalf("re-reading what was written: %v", err)
		}
		readertest.Normalize(ps)
		readertest.Normalize(again)
		if len(again) != len(ps) || (len(ps) > 0 && !reflect.DeepEqual(again, ps)) {
			t.Fatalf("round trip differs:\n%+v\n%+v", ps, again)
		}
	})
}

func readValid(r io.Reader) ([]coauthnet.Paper, error) {
	jr := NewReader(r)
	var ps []coauthnet.Paper
	for {
		p, err := jr.Read()
		if err == io.EOF {
			return ps, nil
		}
		var pe *ParseError
		if errors.As(err, &pe) {
			continue
		}
		if err != nil {
			return ps, err
		}
		ps = append(ps, p)
	}
}

// TestChunkLineTooLong: ReadChunk drops a line over MaxLine, reports its
// number, and keeps the lines around it and their numbers.
func TestChunkLineTooLong(t *testing.T) {
	long := `{"id":"x","year":2019,"authors":[],"pad":"` + strings.Repeat("a", MaxLine) + `"}`
	for _, in := range []string{good + long + "\n" + good, good + long} {
		r := NewReader(strings.NewReader(in))
		var n int
		var tooLong []int
		for {
			c, err := r.ReadChunk(1 << 20)
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			ps, errs := c.Decode(nil)
			n += len(ps)
			for _, e := range errs {
				if pe := e.(*ParseError); errors.Is(e, ErrLineTooLong) {
					tooLong = append(tooLong, pe.Line)
				}
			}
		}
		if want := strings.Count(in, good); n != want || !reflect.DeepEqual(tooLong, []int{2}) {
			t.Errorf("%d papers (want %d), too long %v (want [2])", n, want, tooLong)
		}
	}
}

// FuzzChunkMatchesRead: reading by chunks of any size and decoding them
// gives the papers and the skipped lines of Read, in the same order.
func FuzzChunkMatchesRead(f *testing.F) {
	f.Add([]byte(mixed), 1)
	f.Add([]byte(mixed), 50)
	f.Add([]byte(good+"\n\r\n"+good), 7)
	f.Fuzz(func(t *testing.T, data []byte, size int) {
		if size < 1 || size > 1<<16 {
			return
		}
		r := NewReader(bytes.NewReader(data))
		var wantIDs []string
		var wantSkips []int
		var want []coauthnet.Paper
		for {
			p, err := r.Read()
			if err == io.EOF {
				break
			}
			var pe *ParseError
			if errors.As(err, &pe) {
				wantSkips = append(wantSkips, pe.Line)
				continue
			}
			if err != nil {
				return // not JSON Lines at all
			}
			wantIDs = append(wantIDs, p.ID)
			want = append(want, p)
		}
		cr := NewReader(bytes.NewReader(data))
		var ids []string
		var skips []int
		var got []coauthnet.Paper
		for {
			c, err := cr.ReadChunk(size)
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("ReadChunk: %v, Read did not fail", err)
			}
			ps, errs := c.Decode(nil)
			// The papers must not share memory with the chunk: scribble
			// over it and let the next chunks be read into it.
			for i := range c.Data {
				c.Data[i] = '#'
			}
			c.Release()
			for _, p := range ps {
				ids = append(ids, p.ID)
			}
			got = append(got, ps...)
			for _, e := range errs {
				skips = append(skips, e.(*ParseError).Line)
			}
		}
		if fmt.Sprint(ids) != fmt.Sprint(wantIDs) || fmt.Sprint(skips) != fmt.Sprint(wantSkips) {
			t.Fatalf("chunks of %d: %v %v\nRead: %v %v\ninput %q", size, ids, skips, wantIDs, wantSkips, data)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("chunks of %d, released after decoding: papers differ from Read's\n%+v\n%+v", size, got, want)
		}
	})
}

// TestChunkReleaseKeepsPapers decodes 3000 generated papers in chunks of
// 4 KiB, scribbling over each chunk and releasing it for the next ones
// as soon as it is decoded: the papers must equal Read's, so none of
// their strings points into a chunk.
func TestChunkReleaseKeepsPapers(t *testing.T) {
	data := generated(3000, 3)
	want, err := NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil || len(want) != 3000 {
		t.Fatalf("Read: %d papers, %v", len(want), err)
	}
	r := NewReader(bytes.NewReader(data))
	var got []coauthnet.Paper
	reused := 0
	seen := map[*byte]bool{}
	for {
		c, err := r.ReadChunk(4 << 10)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if p := &c.Data[:1][0]; seen[p] {
			reused++
		} else {
			seen[p] = true
		}
		ps, errs := c.Decode(nil)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		for i := range c.Data {
			c.Data[i] = '#'
		}
		c.Release()
		got = append(got, ps...)
	}
	if reused == 0 {
		t.Error("no chunk buffer was reused after Release")
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("papers decoded from released chunks differ from Read's")
	}
}

// cutShortCases: a last line is reported as cut short only when it has no
// line end and is not valid JSON; the comment says why for each.
var cutShortCases = []struct {
	in   string
	bad  []int  // lines skipped
	cut  []bool // whether each wraps ErrCutShort
	name string
}{
	{strings.TrimSuffix(good, "\n") + "\n" + `{"id":"W2","year":2020,"authors":[{"na`, []int{2}, []bool{true}, "cut mid-line"},
	{good + strings.TrimSuffix(good, "\n"), nil, nil, "whole last line without a line end"},
	{good + `{"id":"W2","year":2020,"authors":[{"na` + "\n", []int{2}, []bool{false}, "bad JSON with a line end"},
	{`{"id":"W2",` + "\n" + good, []int{1}, []bool{false}, "bad JSON not on the last line"},
	{good + `{"id":"W2","authors":[]}`, []int{2}, []bool{false}, "whole JSON without year, no line end"},
	{good + `{"id":"W2","year":2020,"authors":[]}` + "  \r", nil, nil, "whole, spaces and CR, no line end"},
}

func TestCutShort(t *testing.T) {
	check := func(how, name string, errs []error, bad []int, cut []bool) {
		t.Helper()
		if len(errs) != len(bad) {
			t.Fatalf("%s, %s: skips %v, want lines %v", how, name, errs, bad)
		}
		for i, err := range errs {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line != bad[i] || errors.Is(err, ErrCutShort) != cut[i] {
				t.Errorf("%s, %s: skip %v, want line %d cut short %v", how, name, err, bad[i], cut[i])
			}
			if cut[i] && !errors.Is(err, ErrSyntax) {
				t.Errorf("%s, %s: %v does not wrap ErrSyntax", how, name, err)
			}
		}
	}
	for _, c := range cutShortCases {
		r := NewReader(strings.NewReader(c.in))
		var errs []error
		for {
			_, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				errs = append(errs, err)
			}
		}
		check("Read", c.name, errs, c.bad, c.cut)
		// Chunks of 16 bytes: the cut line is alone in the last chunk.
		for _, size := range []int{16, 1 << 20} {
			r := NewReader(strings.NewReader(c.in))
			errs = nil
			for {
				ch, err := r.ReadChunk(size)
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				_, es := ch.Decode(nil)
				errs = append(errs, es...)
			}
			check(fmt.Sprintf("ReadChunk(%d)", size), c.name, errs, c.bad, c.cut)
		}
	}
}
