package scopus

import (
	"bytes"
	"errors"
	"github.com/coauthnet/coauthnet/io/internal/readertest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet"
)

// old is the 2017 layout (authors separated by ", "); the first author
// has two affiliations in one entry, and an affiliation holds "&amp;".
const old = "\ufeff" + `Authors,Title,Year,Cited by,DOI,Affiliations,Authors with affiliations,Correspondence Address,EID
"Rahmani A.M., Gia T.N.","A title",2018,2,10.1/x,"Department of Computer Science, University of California Irvine, United States; Institute of Computer Technology, TU Wien, Vienna, Austria; Dept of IT &amp; Systems, University of Turku, Turku, Finland","Rahmani, A.M., Department of Computer Science, University of California Irvine, United States, Institute of Computer Technology, TU Wien, Vienna, Austria; Gia, T.N., Dept of IT &amp; Systems, University of Turku, Turku, Finland","Gia, T.N.; Dept of IT, Turku, Finland",2-s2.0-1
"Solo A.","Multi
line title",2017,,,"Univ Tokyo, Tokyo, Japan","Solo, A., Univ Tokyo, Tokyo, Japan",,2-s2.0-2
"Bad Y.","x",20l7,,,"Univ Tokyo, Tokyo, Japan","Bad, Y., Univ Tokyo, Tokyo, Japan",,2-s2.0-3
"Short R.","x",2017
`

const recent = `Authors,Author full names,Author(s) ID,Title,Year,Affiliations,Authors with affiliations,EID
"Li, X.; Smith, J.","Li, Xiang (57200000001); Smith, John (57200000002)","57200000001;57200000002","T",2023,"Tsinghua University, Beijing, China; University of Oxford, Oxford, United Kingdom","Li, X., Tsinghua University, Beijing, China; Smith, J., University of Oxford, Oxford, United Kingdom",2-s2.0-9
`

func read(t *testing.T, in string) ([]coauthnet.Paper, []*ParseError, error) {
	t.Helper()
	r := NewReader(strings.NewReader(in))
	r.Name = "scopus.csv"
	return readertest.Collect(r)
}

func countries(a coauthnet.Author) string {
	var cs []string
	for _, af := range a.Affiliations {
		cs = append(cs, af.Country)
	}
	return strings.Join(cs, ",")
}

func TestOldLayout(t *testing.T) {
	ps, pes, err := read(t, old)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 || len(pes) != 2 {
		t.Fatalf("%d papers, %d skipped; want 2 and 2 (bad year, short row)", len(ps), len(pes))
	}
	p := ps[0]
	if p.ID != "2-s2.0-1" || p.Year != 2018 || *p.Citations != 2 || len(p.Authors) != 2 {
		t.Fatalf("paper 1: %+v", p)
	}
	if got := countries(p.Authors[0]); got != "US,AT" {
		t.Errorf("Rahmani: countries %s, want US,AT (two affiliations in one entry)", got)
	}
	if got := p.Authors[1].Affiliations[0].Institution; got != "University of Turku" {
		t.Errorf("Gia: institution %q", got)
	}
	if !p.Authors[1].Corresponding || p.Authors[0].Corresponding {
		t.Errorf("corresponding: %v %v", p.Authors[0].Corresponding, p.Authors[1].Corresponding)
	}
	if ps[1].Citations != nil {
		t.Errorf("empty Cited by read as %d, want unknown", *ps[1].Citations)
	}
	// Skips give the line where the row starts (the multi-line title
	// moves row 3 to line 5).
	if pes[0].Line != 5 || !errors.Is(pes[0], ErrBadYear) || pes[1].Line != 6 {
		t.Errorf("skips: %v; %v", pes[0], pes[1])
	}
}

func TestRecentLayout(t *testing.T) {
	ps, _, err := read(t, recent)
	if err != nil || len(ps) != 1 {
		t.Fatalf("%v %v", ps, err)
	}
	a := ps[0].Authors
	if len(a) != 2 || a[0].Name != "Li, Xiang" || a[0].ID != "57200000001" || countries(a[0]) != "CN" || countries(a[1]) != "GB" {
		t.Errorf("authors %+v", a)
	}
}

func TestMissingColumn(t *testing.T) {
	in := strings.Replace(recent, ",EID\n", ",Source\n", 1)
	_, _, err := read(t, in)
	if err == nil || !strings.Contains(err.Error(), "scopus: scopus.csv: missing column EID") {
		t.Errorf("err %v", err)
	}
	_, _, err = read(t, "PT\tAU\tUT\nJ\tX\tWOS:1\n")
	if err == nil || !errors.Is(err, ErrNotScopus) {
		t.Errorf("WoS file read as Scopus: %v", err)
	}
}

func FuzzReader(f *testing.F) {
	f.Add([]byte(old))
	f.Add([]byte(recent))
	f.Add([]byte(commaNames))
	if b, err := os.ReadFile(filepath.Join(real, "scopus-csv-scientopy/scopus.csv")); err == nil {
		f.Add(b[:20000])
	}
	for _, rf := range realFiles[1:] {
		if b, err := os.ReadFile(rf.path); err == nil {
			f.Add(b[:min(len(b), 20000)]) // gzip: the reader decompresses
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		readertest.ContractReasons(t, NewReader(bytes.NewReader(data)), Reasons)
	})
}

// The recent layout's row cut in its affiliations, without a line end, is
// cut short; the same short row with a line end is not (the "Short R."
// row of old).
func TestCutShort(t *testing.T) {
	row := strings.TrimSuffix(strings.SplitN(recent, "\n", 2)[1], "\n")
	cut := recent + row[:len(row)/2]
	_, skips, err := read(t, cut)
	if err != nil {
		t.Fatal(err)
	}
	if len(skips) != 1 || skips[0].Line != 3 || !errors.Is(skips[0], ErrCutShort) || !errors.Is(skips[0], ErrFieldCount) {
		t.Errorf("cut: skips %v, want line 3 cut short", skips)
	}
	_, skips, err = read(t, cut+"\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(skips) != 1 || errors.Is(skips[0], ErrCutShort) {
		t.Errorf("with a line end: skips %v, want one, not cut short", skips)
	}
	ps, skips, err := read(t, strings.TrimSuffix(recent, "\n"))
	if err != nil || len(ps) != 1 || len(skips) != 0 {
		t.Errorf("whole row without a line end: %d papers, skips %v, %v", len(ps), skips, err)
	}
}
