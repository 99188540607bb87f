package csv

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/internal/sample"
	"github.com/coauthnet/coauthnet/io/internal/readertest"
)

func readAll(t *testing.T, r io.Reader) ([]coauthnet.Paper, []*ParseError) {
	t.Helper()
	cr := NewReader(r)
	cr.Name = "papers.csv"
	ps, skips, err := readertest.Collect(cr)
	if err != nil {
		t.Fatal(err)
	}
	return ps, skips
}

func TestRoundTrip(t *testing.T) {
	ps := sample.Generate(sample.Config{Papers: 2000, Seed: 3})
	c := 5
	for i := range ps {
		if i%3 != 0 { // some papers without a title
			ps[i].Title = fmt.Sprintf("Title %d: with a comma, \"quotes\"; and\na line break", i)
		}
	}
	ps = append(ps,
		coauthnet.Paper{ID: "no-authors", Title: "No authors", Year: 2020},
		coauthnet.Paper{ID: `quoted "id", with comma`, Year: 2021, Citations: &c, Fields: []string{"A, B", "C"},
			Authors: []coauthnet.Author{{Name: "Côte d'Ivoire; x"}, {Name: "y", Affiliations: []coauthnet.Affiliation{{Institution: "Line\nbreak", Country: "CI"}}}}},
	)
	var buf bytes.Buffer
	w := NewWriter(&buf)
	for i := range ps {
		if err := w.Write(&ps[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	got, pes := readAll(t, &buf)
	if len(pes) > 0 {
		t.Fatal(pes)
	}
	readertest.Normalize(ps)
	readertest.Normalize(got)
	if !reflect.DeepEqual(got, ps) {
		for i := range ps {
			if !reflect.DeepEqual(got[i], ps[i]) {
				t.Fatalf("paper %d:\n got %+v\nwant %+v", i, got[i], ps[i])
			}
		}
		t.Fatalf("%d papers back, want %d", len(got), len(ps))
	}
}

func TestBadRows(t *testing.T) {
	// The same rows under the header with a title column and under the
	// legacy header without it.
	for _, title := range []bool{true, false} {
		h, tc := LegacyHeader, ""
		if title {
			h, tc = Header, "T,"
		}
		in := strings.Join(h, ",") + "\n" +
			"a,," + tc + "2019,,,1,X,,,,1,,,CN\n" +
			"b,," + tc + "20x9,,,1,X,,,,1,,,CN\n" + // bad year: paper b skipped
			"c,," + tc + "2019,,,1,X,,,,1,,,US\n" +
			"c,," + tc + "2019,,,3,Y,,,,1,,,GB\n" + // author 3 after 1: paper c skipped
			"d,," + tc + "2019,,,1,X,,,,1,,,DE\n" +
			"e,," + tc + "2019,,,1,X,,,,1,,,DE,extra\n" // one column too many
		ps, pes := readAll(t, strings.NewReader(in))
		if len(ps) != 2 || ps[0].ID != "a" || ps[1].ID != "d" || len(pes) != 3 || pes[0].Line != 3 || pes[1].Line != 5 || pes[2].Line != 7 {
			t.Errorf("title column %v: papers %v, skips %v", title, ps, pes)
		}
		if want := strings.TrimSuffix(tc, ","); ps[0].Title != want || ps[0].Year != 2019 || ps[0].Authors[0].Affiliations[0].Country != "CN" {
			t.Errorf("title column %v: %+v", title, ps[0])
		}
	}
	if _, err := NewReader(strings.NewReader("id,year\n")).Read(); !errors.Is(err, ErrHeader) {
		t.Errorf("wrong header: %v", err)
	}
}

func FuzzReader(f *testing.F) {
	var buf bytes.Buffer
	w := NewWriter(&buf)
	for _, p := range sample.Generate(sample.Config{Papers: 30}) {
		w.Write(&p)
	}
	w.Flush()
	f.Add(buf.Bytes())
	f.Add([]byte(legacyFile))
	f.Fuzz(func(t *testing.T, data []byte) {
		readertest.Contract(t, NewReader(bytes.NewReader(data)))
	})
}

// legacyFile is canonical CSV as written before the title column
// (LegacyHeader): two papers, the first with two authors, one of them
// with two affiliations.
const legacyFile = `paper_id,doi,year,fields,citations,author,author_name,author_id,orcid,corresponding,affiliation,institution,institution_id,country
W1,10.1/x,2019,Physics; Chemistry,7,1,"Li, X",A1,,true,1,Tsinghua University,https://ror.org/03cve4549,CN
W1,10.1/x,2019,Physics; Chemistry,7,1,"Li, X",A1,,true,2,MIT,,US
W1,10.1/x,2019,Physics; Chemistry,7,2,"Smith, J",,,,0,,,
W2,,2020,,,0,,,,,0,,,
`

// TestLegacyHeader: a file without the title column reads as before,
// every paper without a title; written again it gets the title column
// and reads back the same papers.
func TestLegacyHeader(t *testing.T) {
	ps, pes := readAll(t, strings.NewReader(legacyFile))
	c := 7
	want := []coauthnet.Paper{
		{ID: "W1", DOI: "10.1/x", Year: 2019, Fields: []string{"Physics", "Chemistry"}, Citations: &c, Authors: []coauthnet.Author{
			{Name: "Li, X", ID: "A1", Corresponding: true, Affiliations: []coauthnet.Affiliation{
				{Institution: "Tsinghua University", InstitutionID: "https://ror.org/03cve4549", Country: "CN"}, {Institution: "MIT", Country: "US"}}},
			{Name: "Smith, J"}}},
		{ID: "W2", Year: 2020},
	}
	if len(pes) > 0 || !reflect.DeepEqual(ps, want) {
		t.Fatalf("got %+v %v\nwant %+v", ps, pes, want)
	}
	var buf bytes.Buffer
	w := NewWriter(&buf)
	for i := range ps {
		w.Write(&ps[i])
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "paper_id,doi,title,year,") {
		t.Errorf("written header: %.60q", buf.String())
	}
	again, pes := readAll(t, &buf)
	if len(pes) > 0 || !reflect.DeepEqual(again, want) {
		t.Errorf("rewritten: %+v %v", again, pes)
	}
}

// A last row without a line end that has fewer columns than the header,
// or an open quote, is cut short; the paper before it is read whole.
func TestCutShort(t *testing.T) {
	h := strings.Join(Header, ",") + "\n"
	a := "a,,T,2019,,,1,X,,,,1,,,CN\n"
	for _, c := range []struct {
		name, in string
		skip     int // line skipped, 0 for none
		id       string
		cutShort bool
		papers   int
	}{
		{"cut mid-row", h + a + "b,,T,2019,,,1,X", 3, "b", true, 1},
		{"cut in a quoted title", h + a + `b,,"A title, cut`, 3, "b", true, 1},
		// The rows of a belong to a: the cut row of b does not spoil it.
		{"cut after two rows of one paper", h + a + "a,,T,2019,,,2,Y,,,,1,,,US\n" + `b,,"A ti`, 4, "b", true, 1},
		{"cut in a second row of the same paper", h + a + "a,,T,2019,,,2,Y", 3, "a", true, 0},
		{"whole last row without line end", h + a + "b,,T,2019,,,1,X,,,,1,,,US", 0, "", false, 2},
		{"short row with a line end", h + a + "b,,T,2019,,,1,X\n", 3, "b", false, 1},
		{"short row not last", h + "b,,T,2019,,,1,X\n" + a, 2, "b", false, 1},
	} {
		ps, skips := readAll(t, strings.NewReader(c.in))
		if len(ps) != c.papers {
			t.Errorf("%s: %d papers, want %d", c.name, len(ps), c.papers)
		}
		if c.skip == 0 {
			if len(skips) != 0 {
				t.Errorf("%s: skips %v", c.name, skips)
			}
			continue
		}
		if len(skips) != 1 || skips[0].Line != c.skip || skips[0].ID != c.id || errors.Is(skips[0], ErrCutShort) != c.cutShort {
			t.Errorf("%s: skips %v, want line %d id %s cut short %v", c.name, skips, c.skip, c.id, c.cutShort)
		}
	}
}
