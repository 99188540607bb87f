package csv

import (
	"bytes"
	"errors"
	"github.com/coauthnet/coauthnet/io/internal/readertest"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/internal/sample"
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
	ps = append(ps,
		coauthnet.Paper{ID: "no-authors", Year: 2020},
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
	in := strings.Join(Header, ",") + "\n" +
		"a,,2019,,,1,X,,,,1,,,CN\n" +
		"b,,20x9,,,1,X,,,,1,,,CN\n" + // bad year: paper b skipped
		"c,,2019,,,1,X,,,,1,,,US\n" +
		"c,,2019,,,3,Y,,,,1,,,GB\n" + // author 3 after 1: paper c skipped
		"d,,2019,,,1,X,,,,1,,,DE\n"
	ps, pes := readAll(t, strings.NewReader(in))
	if len(ps) != 2 || ps[0].ID != "a" || ps[1].ID != "d" || len(pes) != 2 || pes[0].Line != 3 || pes[1].Line != 5 {
		t.Errorf("papers %v, skips %v", ps, pes)
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
	f.Fuzz(func(t *testing.T, data []byte) {
		readertest.Contract(t, NewReader(bytes.NewReader(data)))
	})
}
