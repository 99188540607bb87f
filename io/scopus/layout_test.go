package scopus

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"maps"
	"os"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/io/internal/readertest"
)

// commaNames is the layout of issue 14: Authors holds "Surname, I.,
// Surname, I." (commas inside and between names), no Author(s) ID, no
// Author full names, and "Authors with affiliations" holds "Surname, I.,
// Institution, City, Country; …". The second author has two
// affiliations; the entries are not in byline order.
const commaNames = "\ufeff" + `Authors,Title,Year,Affiliations,Authors with affiliations,EID
"Rahmani, A.M., Gia, T.N., Westerlund, T.","A",2018,"Department of Computer Science, University of California Irvine, Irvine, United States; University of Turku, Turku, Finland; TU Wien, Vienna, Austria","Rahmani, A.M., Department of Computer Science, University of California Irvine, Irvine, United States; Westerlund, T., University of Turku, Turku, Finland; Gia, T.N., University of Turku, Turku, Finland, TU Wien, Vienna, Austria",2-s2.0-1
`

func TestCommaNames(t *testing.T) {
	ps, pes, err := read(t, commaNames)
	if err != nil || len(pes) != 0 || len(ps) != 1 {
		t.Fatalf("%v %v %v", ps, pes, err)
	}
	a := ps[0].Authors
	// By hand: three authors; Rahmani US; Gia FI and AT; Westerlund FI.
	if len(a) != 3 || a[0].Name != "Rahmani, A.M." || a[1].Name != "Gia, T.N." || a[2].Name != "Westerlund, T." {
		t.Fatalf("authors %+v", a)
	}
	for i, want := range []string{"US", "FI,AT", "FI"} {
		if got := countries(a[i]); got != want {
			t.Errorf("author %d (%s): countries %s, want %s", i, a[i].Name, got, want)
		}
	}
}

func TestSplitAuthors(t *testing.T) {
	for in, want := range map[string]string{
		"Rahmani, A.M., Gia, T.N.":         "Rahmani, A.M.|Gia, T.N.",
		"Rahmani A.M., Gia T.N.":           "Rahmani A.M.|Gia T.N.",
		"Hao J.; High R.; Siu K.-C.":       "Hao J.|High R.|Siu K.-C.",
		"Siu, K.-C., Li, X., Aristotle":    "Siu, K.-C.|Li, X.|Aristotle",
		"Kalé L., Schulten K.":             "Kalé L.|Schulten K.",
		"[No author name available]":       "",
		"Ch. Li, Smith J.":                 "Ch. Li|Smith J.",
		"van der Berg, J.C., Zhang, Y.-Q.": "van der Berg, J.C.|Zhang, Y.-Q.",
	} {
		if got := strings.Join(splitAuthors(in), "|"); got != want {
			t.Errorf("splitAuthors(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSplitEntry(t *testing.T) {
	for in, want := range map[string]string{
		"Rahmani, A.M., Dept CS, Univ X, United States": "Rahmani, A.M.|Dept CS, Univ X, United States",
		"Rahmani A.M., Dept CS, Univ X, United States":  "Rahmani A.M.|Dept CS, Univ X, United States",
		"Siu, K.-C., Univ Y, Omaha, United States":      "Siu, K.-C.|Univ Y, Omaha, United States",
		"Univ Y, Omaha, United States":                  "|Univ Y, Omaha, United States",
		"Smith, J.":                                     "Smith, J.|",
	} {
		name, rest := splitEntry(in, nil, nil)
		if got := name + "|" + rest; got != want {
			t.Errorf("splitEntry(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestAddressFallback: affiliation text that no author can be given is
// counted as addresses, one unit each, and AddressFallback counts the
// paper: (1) entries whose names match no author, (2) no "Authors with
// affiliations" column. A paper without any affiliation text is not a
// fallback.
func TestAddressFallback(t *testing.T) {
	in := `Authors,Title,Year,Affiliations,Authors with affiliations,EID
"[No author name available]","A",2020,"Univ Tokyo, Tokyo, Japan; Seoul National University, Seoul, South Korea","Consortium X, Univ Tokyo, Tokyo, Japan; Consortium X, Seoul National University, Seoul, South Korea",2-s2.0-1
"Li X.","B",2020,,,2-s2.0-2
`
	r := NewReader(strings.NewReader(in))
	ps, pes, err := readertest.Collect(r)
	if err != nil || len(pes) != 0 || len(ps) != 2 {
		t.Fatalf("%v %v %v", ps, pes, err)
	}
	if a := ps[0].Authors; len(a) != 2 || countries(a[0]) != "JP" || countries(a[1]) != "KR" || a[0].Name != "" {
		t.Errorf("paper 1: %+v", a)
	}
	if r.AddressFallback != 1 {
		t.Errorf("AddressFallback %d, want 1 (paper 2 has no affiliation text)", r.AddressFallback)
	}

	noColumn := `Authors,Title,Year,Affiliations,EID
"Li X.; Kim M.","A",2020,"Univ Tokyo, Tokyo, Japan; Seoul National University, Seoul, South Korea",2-s2.0-1
`
	r = NewReader(strings.NewReader(noColumn))
	ps, _, _ = readertest.Collect(r)
	if len(ps) != 1 || len(ps[0].Authors) != 2 || countries(ps[0].Authors[1]) != "KR" || r.AddressFallback != 1 {
		t.Errorf("no Authors with affiliations: %+v, fallback %d", ps, r.AddressFallback)
	}
}

// TestExtraCells: a row with one more cell than the header (a second
// funding text under "Funding Text 1", as 56 of 58 rows of litstudy's
// scopus.csv) reads the columns after the funding text from the right; a
// header without a Funding Text column cannot explain an extra cell, and
// the row is skipped with ErrFieldCount. Quoted newlines and a BOM.
func TestExtraCells(t *testing.T) {
	in := "\ufeff" + `Authors,Year,Affiliations,Authors with affiliations,Funding Text 1,Correspondence Address,EID
"Li X., Kim M.",2021,"Univ Tokyo, Tokyo, Japan; Seoul National University, Seoul, South Korea","Li, X., Univ Tokyo, Tokyo, Japan; Kim, M., Seoul National University, Seoul, South Korea","first
funding text","second funding text","Kim, M.; Seoul",2-s2.0-1
"Li X.",2021,"Univ Tokyo, Tokyo, Japan","Li, X., Univ Tokyo, Tokyo, Japan",,,2-s2.0-2
`
	ps, pes, err := read(t, in)
	if err != nil || len(pes) != 0 || len(ps) != 2 {
		t.Fatalf("%v %v %v", ps, pes, err)
	}
	if p := ps[0]; p.ID != "2-s2.0-1" || !p.Authors[1].Corresponding || countries(p.Authors[1]) != "KR" {
		t.Errorf("paper 1: %+v", p)
	}
	bad := strings.Replace(in, ",Funding Text 1,", ",Funding Details,", 1)
	ps, pes, _ = read(t, bad)
	if len(ps) != 1 || len(pes) != 1 || !errors.Is(pes[0], ErrFieldCount) || pes[0].Line != 2 {
		t.Errorf("no funding column: %d papers, skips %v", len(ps), pes)
	}
}

// TestConcatenatedReal: three real exports of different layouts joined
// with cat (each with its BOM and header row, the columns differing from
// part to part) read as one file give every row of every part, in order,
// with the papers each part gives alone.
func TestConcatenatedReal(t *testing.T) {
	var all []byte
	var want []coauthnet.Paper
	for _, rf := range realFiles[1:] {
		f, err := os.Open(rf.path)
		if err != nil {
			t.Skip(err)
		}
		zr, err := gzip.NewReader(f)
		var b []byte
		if err == nil {
			b, err = io.ReadAll(zr)
		} else {
			b, err = os.ReadFile(rf.path)
		}
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		ps, err := NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil || len(ps) != rf.rows {
			t.Fatalf("%s alone: %d papers, %v", rf.path, len(ps), err)
		}
		want = append(want, ps...)
		if !bytes.HasSuffix(b, []byte("\n")) {
			b = append(b, '\n')
		}
		all = append(all, b...)
	}
	r := NewReader(bytes.NewReader(all))
	ps, pes, err := readertest.Collect(r)
	if err != nil || len(pes) != 0 || len(ps) != len(want) {
		t.Fatalf("%d papers (want %d), skips %v, err %v", len(ps), len(want), pes, err)
	}
	for i := range ps {
		if ps[i].ID != want[i].ID || len(ps[i].Authors) != len(want[i].Authors) || !maps.Equal(readertest.Countries(ps[i]), readertest.Countries(want[i])) {
			t.Errorf("paper %d: %s, want %s", i, ps[i].ID, want[i].ID)
		}
	}
}
