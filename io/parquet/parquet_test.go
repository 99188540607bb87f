package parquet

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"testing"

	pq "github.com/parquet-go/parquet-go"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/internal/sample"
	"github.com/coauthnet/coauthnet/io/internal/readertest"
)

// withTitles gives every paper but every third a title.
func withTitles(ps []coauthnet.Paper) []coauthnet.Paper {
	for i := range ps {
		if i%3 != 0 {
			ps[i].Title = fmt.Sprintf("Title %d: ünïcode, \"quotes\"", i)
		}
	}
	return ps
}

func TestRoundTrip(t *testing.T) {
	ps := withTitles(sample.Generate(sample.Config{Papers: 3000, Seed: 2}))
	ps = append(ps, coauthnet.Paper{ID: "empty", Year: 2020})
	var buf bytes.Buffer
	w := NewWriter(&buf, [2]string{"coauthnet_version", "test"})
	for i := range ps {
		if err := w.Write(&ps[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	r, err := NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var got []coauthnet.Paper
	for {
		p, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, p)
	}
	readertest.Normalize(ps)
	readertest.Normalize(got)
	if len(got) != len(ps) {
		t.Fatalf("%d papers back, want %d", len(got), len(ps))
	}
	for i := range ps {
		if !reflect.DeepEqual(got[i], ps[i]) {
			t.Fatalf("paper %d:\n got %+v\nwant %+v", i, got[i], ps[i])
		}
	}
}

func TestNotParquet(t *testing.T) {
	for name, data := range map[string][]byte{
		"text":      []byte("hello, this is not parquet at all"),
		"truncated": append([]byte("PAR1"), make([]byte, 100)...),
		"empty":     nil,
	} {
		if _, err := NewReader(bytes.NewReader(data), int64(len(data))); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	// A valid Parquet file of another schema.
	type other struct {
		A int64 `parquet:"a"`
	}
	var buf bytes.Buffer
	w := pq.NewGenericWriter[other](&buf)
	w.Write([]other{{1}, {2}})
	w.Close()
	if _, err := NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len())); !errors.Is(err, ErrSchema) {
		t.Errorf("other schema: %v, want ErrSchema", err)
	}
}

// FuzzReader: no bytes make the reader panic; papers returned are valid.
func FuzzReader(f *testing.F) {
	var buf bytes.Buffer
	w := NewWriter(&buf)
	for _, p := range sample.Generate(sample.Config{Papers: 20}) {
		w.Write(&p)
	}
	w.Close()
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return
		}
		defer r.Close()
		readertest.Contract(t, r)
		// The columnar paths, as build uses them.
		for _, mode := range [][2]bool{{false, false}, {true, false}, {false, true}} {
			r, err := NewReader(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				t.Fatalf("second open: %v", err)
			}
			r.Minimal, r.Countries, r.Extra = true, mode[0], mode[1]
			for i := 0; i < r.NumRowGroups(); i++ {
				ps, _ := r.ReadRowGroup(i)
				for j := range ps {
					if err := ps[j].Validate(); err != nil {
						t.Fatalf("row group %d returned an invalid paper: %v", i, err)
					}
				}
			}
			r.Close()
		}
	})
}

// TestRowGroups: ReadRowGroup over all groups, full or Minimal, gives
// the papers Read gives (Minimal: only id, doi, year, affiliations).
func TestRowGroups(t *testing.T) {
	ps := withTitles(sample.Generate(sample.Config{Papers: 150000, Seed: 4}))
	var buf bytes.Buffer
	w := NewWriter(&buf)
	for i := range ps {
		w.Write(&ps[i])
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	for _, mode := range []string{"full", "minimal-columns", "minimal-rows", "extra-columns"} {
		minimal := mode != "full"
		extra := mode == "extra-columns"
		r, err := NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		r.Minimal = minimal
		if !r.columnar {
			t.Fatal("canonical file not recognised as columnar")
		}
		r.Extra = extra
		r.columnar = mode != "minimal-rows" // minimal-rows: the fallback for other layouts
		if r.NumRowGroups() < 2 {
			t.Fatalf("%d row groups for %d papers", r.NumRowGroups(), len(ps))
		}
		var got []coauthnet.Paper
		for i := 0; i < r.NumRowGroups(); i++ {
			g, errs := r.ReadRowGroup(i)
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			got = append(got, g...)
		}
		if len(got) != len(ps) {
			t.Fatalf("%s: %d papers, want %d", mode, len(got), len(ps))
		}
		for i := range ps {
			want := ps[i]
			if minimal {
				want = coauthnet.Paper{ID: want.ID, DOI: want.DOI, Year: want.Year, Authors: make([]coauthnet.Author, len(want.Authors))}
				for j, a := range ps[i].Authors {
					want.Authors[j].Affiliations = a.Affiliations
					if extra {
						want.Authors[j].Corresponding = a.Corresponding
					}
				}
				if extra {
					want.Fields, want.Citations = ps[i].Fields, ps[i].Citations
				}
			}
			g := []coauthnet.Paper{got[i]}
			wl := []coauthnet.Paper{want}
			readertest.Normalize(g)
			readertest.Normalize(wl)
			if !reflect.DeepEqual(g[0], wl[0]) {
				t.Fatalf("%s paper %d:\n got %+v\nwant %+v", mode, i, g[0], wl[0])
			}
		}
	}
}

// TestCorruptFooterList: metadata whose first field is a list claiming
// 2^32 structs in a few bytes is rejected before parquet-go would try to
// allocate it (a fatal out-of-memory error, found by mutating files).
func TestCorruptFooterList(t *testing.T) {
	meta := []byte{0x19, 0xfc, 0x80, 0x80, 0x80, 0x80, 0x10, 0x00, 0x00} // field 1: list, 15+ structs, count varint 2^32
	var b bytes.Buffer
	b.WriteString("PAR1")
	b.Write(meta)
	b.Write([]byte{byte(len(meta)), 0, 0, 0})
	b.WriteString("PAR1")
	_, err := NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if !errors.Is(err, errCorruptFooter) {
		t.Errorf("err %v, want errCorruptFooter", err)
	}
	// A valid file passes the check.
	var ok bytes.Buffer
	w := NewWriter(&ok)
	for _, p := range sample.Generate(sample.Config{Papers: 50}) {
		w.Write(&p)
	}
	w.Close()
	if err := checkFooter(bytes.NewReader(ok.Bytes()), int64(ok.Len())); err != nil {
		t.Errorf("valid file: %v", err)
	}
}

// TestPlainAffiliations: a canonical file whose affiliation columns are
// plain-encoded (another writer, no dictionary) reads the same through
// the columnar path as through whole rows.
func TestPlainAffiliations(t *testing.T) {
	type plainAff struct {
		Institution   string `parquet:"institution"`
		InstitutionID string `parquet:"institution_id"`
		Country       string `parquet:"country"`
	}
	type plainAuthor struct {
		Name          string     `parquet:"name"`
		ID            string     `parquet:"id"`
		ORCID         string     `parquet:"orcid"`
		Corresponding bool       `parquet:"corresponding"`
		Affiliations  []plainAff `parquet:"affiliations,list"`
	}
	type plainRow struct {
		ID        string        `parquet:"id"`
		DOI       string        `parquet:"doi"`
		Year      int32         `parquet:"year"`
		Fields    []string      `parquet:"fields,list"`
		Citations *int64        `parquet:"citations,optional"`
		Authors   []plainAuthor `parquet:"authors,list"`
	}
	ps := sample.Generate(sample.Config{Papers: 3000, Seed: 2})
	var buf bytes.Buffer
	w := pq.NewGenericWriter[plainRow](&buf)
	for _, p := range ps {
		r := plainRow{ID: p.ID, DOI: p.DOI, Year: int32(p.Year)}
		for _, a := range p.Authors {
			pa := plainAuthor{Name: a.Name}
			for _, af := range a.Affiliations {
				pa.Affiliations = append(pa.Affiliations, plainAff(af))
			}
			r.Authors = append(r.Authors, pa)
		}
		w.Write([]plainRow{r})
	}
	w.Close()
	read := func(columnar bool) []coauthnet.Paper {
		r, err := NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		if !r.columnar {
			t.Fatal("plain canonical file not recognised as columnar")
		}
		r.Minimal, r.columnar = true, columnar
		var got []coauthnet.Paper
		for i := 0; i < r.NumRowGroups(); i++ {
			g, errs := r.ReadRowGroup(i)
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			got = append(got, g...)
		}
		readertest.Normalize(got)
		return got
	}
	cols, rows := read(true), read(false)
	if len(cols) != len(ps) || !reflect.DeepEqual(cols, rows) {
		t.Errorf("columnar read of plain columns differs from row read (%d, %d papers)", len(cols), len(rows))
	}
}

// legacyRow is the schema written before the title column (row without
// Title, the same tags).
type legacyRow struct {
	ID        string      `parquet:"id"`
	DOI       string      `parquet:"doi"`
	Year      int32       `parquet:"year"`
	Fields    []string    `parquet:"fields,list"`
	Citations *int64      `parquet:"citations,optional"`
	Authors   []authorRow `parquet:"authors,list"`
}

// TestNoTitleColumn: a file written before the title column reads, whole
// rows and every columnar mode, with empty titles and everything else as
// written.
func TestNoTitleColumn(t *testing.T) {
	ps := sample.Generate(sample.Config{Papers: 3000, Seed: 5})
	var buf bytes.Buffer
	w := pq.NewGenericWriter[legacyRow](&buf, pq.Compression(&pq.Zstd))
	for i := range ps {
		p := &ps[i]
		r := legacyRow{ID: p.ID, DOI: p.DOI, Year: int32(p.Year), Fields: p.Fields}
		if p.Citations != nil {
			c := int64(*p.Citations)
			r.Citations = &c
		}
		for _, a := range p.Authors {
			ar := authorRow{Name: a.Name, ID: a.ID, ORCID: a.ORCID, Corresponding: a.Corresponding}
			for _, af := range a.Affiliations {
				ar.Affiliations = append(ar.Affiliations, affRow(af))
			}
			r.Authors = append(r.Authors, ar)
		}
		if _, err := w.Write([]legacyRow{r}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	open := func() *Reader {
		r, err := NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := r.file.Schema().Lookup("title"); ok {
			t.Fatal("the legacy file has a title column")
		}
		return r
	}
	// Read: whole rows.
	r := open()
	got, pes, err := readertest.Collect(r)
	if err != nil || len(pes) > 0 {
		t.Fatal(err, pes)
	}
	want := slices.Clone(ps)
	readertest.Normalize(want)
	readertest.Normalize(got)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Read of a file without titles: %d papers differ from the %d written", len(got), len(want))
	}
	// ReadRowGroup, whole rows and each Minimal mode: the same as from a
	// file with the title column (written by Writer, titles empty).
	var cur bytes.Buffer
	cw := NewWriter(&cur)
	for i := range ps {
		cw.Write(&ps[i])
	}
	if err := cw.Close(); err != nil {
		t.Fatal(err)
	}
	for _, mode := range []struct {
		minimal, countries, extra bool
	}{{false, false, false}, {true, false, false}, {true, true, false}, {true, false, true}} {
		old := open()
		now, err := NewReader(bytes.NewReader(cur.Bytes()), int64(cur.Len()))
		if err != nil {
			t.Fatal(err)
		}
		var a, b []coauthnet.Paper
		for _, x := range []struct {
			r   *Reader
			out *[]coauthnet.Paper
		}{{old, &a}, {now, &b}} {
			x.r.Minimal, x.r.Countries, x.r.Extra = mode.minimal, mode.countries, mode.extra
			if !x.r.columnar {
				t.Fatal("canonical file not recognised as columnar")
			}
			for i := 0; i < x.r.NumRowGroups(); i++ {
				g, errs := x.r.ReadRowGroup(i)
				if len(errs) > 0 {
					t.Fatal(errs)
				}
				*x.out = append(*x.out, g...)
			}
		}
		readertest.Normalize(a)
		readertest.Normalize(b)
		if len(a) != len(ps) || !reflect.DeepEqual(a, b) {
			t.Errorf("%+v: %d papers from the legacy file differ from the current file's %d", mode, len(a), len(b))
		}
	}
}
