package wos

import (
	"bytes"
	"errors"
	"github.com/coauthnet/coauthnet/io/internal/readertest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet"
)

const plain = `FN Clarivate Analytics Web of Science
VR 1.0
PT J
AU Smith, J
   Wang, L
   Kumar, A
AF Smith, John
   Wang, Li
   Kumar, Anil
C1 [Smith, John; Kumar, Anil] Univ Oxford, Dept Zool, Oxford OX1 3PS, England.
   [Wang, Li] Tsinghua Univ, Sch Environm, Beijing 100084, Peoples R China.
   [Kumar, Anil] Indian Inst Sci, Bangalore, Karnataka, India.
C3 University of Oxford; Tsinghua University; Indian Institute of Science
   (IISC) - Bangalore
RP Wang, L (corresponding author), Tsinghua Univ, Sch Environm, Beijing 100084, Peoples R China.
TC 12
WC Ecology; Zoology
PY 2019
DI 10.1000/xyz
UT WOS:000000000000001
ER

PT J
AU Garbage, G
XX this tag is fine (unknown tags are kept and ignored)
this line is not a tag
PY 2019
UT WOS:000000000000002
ER

PT J
AU Early, E
C1 Univ Sao Paulo, Sao Paulo, Brazil.
   Univ Florida, Gainesville, FL 32611 USA.
EA OCT 2024
UT WOS:000000000000003
ER

PT J
AU Year, Y
PY 20l9
UT WOS:000000000000004
ER

PT J
AU Rp, R
RP Rp, R (reprint author), Univ Tokyo, Tokyo 1130033, Japan.
PY 1999
UT WOS:000000000000005
ER

EF
`

func readAll(t *testing.T, in string) ([]coauthnet.Paper, []*ParseError, error) {
	t.Helper()
	r := NewReader(strings.NewReader(in))
	r.Name = "savedrecs.txt"
	return readertest.Collect(r)
}

func TestPlainRecords(t *testing.T) {
	ps, pes, err := readAll(t, plain)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 3 || len(pes) != 2 {
		t.Fatalf("%d papers, %d skipped; want 3 and 2", len(ps), len(pes))
	}
	// Skips name the file, the first line of the record (PT at line 23 and
	// 39 of plain), the UT and the reason (the garbage is line 26).
	if !strings.Contains(pes[0].Error(), "wos: savedrecs.txt:23 (id WOS:000000000000002): line 26: line is neither") {
		t.Errorf("garbage: %v", pes[0])
	}
	if !errors.Is(pes[1], ErrBadYear) || pes[1].Line != 39 {
		t.Errorf("bad year: %v", pes[1])
	}

	p := ps[0]
	c := 12
	want := coauthnet.Paper{
		ID: "WOS:000000000000001", DOI: "10.1000/xyz", Year: 2019, Citations: &c,
		Fields: []string{"Ecology", "Zoology"},
		Authors: []coauthnet.Author{
			{Name: "Smith, John", Affiliations: []coauthnet.Affiliation{{Institution: "University of Oxford", Country: "GB"}}},
			{Name: "Wang, Li", Corresponding: true, Affiliations: []coauthnet.Affiliation{{Institution: "Tsinghua University", Country: "CN"}}},
			{Name: "Kumar, Anil", Affiliations: []coauthnet.Affiliation{
				{Institution: "University of Oxford", Country: "GB"},
				{Institution: "Indian Institute of Science (IISC) - Bangalore", Country: "IN"}}},
		},
	}
	if !reflect.DeepEqual(p, want) {
		t.Errorf("record 1:\n got %+v\nwant %+v", p, want)
	}
	// Unbracketed C1: one unit per address; year from EA.
	p = ps[1]
	if p.Year != 2024 || len(p.Authors) != 2 || p.Authors[0].Affiliations[0].Country != "BR" || p.Authors[1].Affiliations[0].Country != "US" {
		t.Errorf("record 3: %+v", p)
	}
	// Empty C1: the reprint address.
	p = ps[2]
	if len(p.Authors) != 1 || !p.Authors[0].Corresponding || p.Authors[0].Affiliations[0].Country != "JP" {
		t.Errorf("record 5: %+v", p)
	}
}

func TestTruncatedAndFatal(t *testing.T) {
	cut := plain[:strings.Index(plain, "UT WOS:000000000000001")]
	ps, pes, err := readAll(t, cut)
	if err != nil || len(ps) != 0 || len(pes) != 1 || !errors.Is(pes[0], ErrTruncated) {
		t.Errorf("truncated: %d papers, %v, %v", len(ps), pes, err)
	}
	var u16 bytes.Buffer
	for _, r := range plain {
		u16.WriteByte(byte(r))
		u16.WriteByte(0)
	}
	for name, in := range map[string]string{
		"utf16-nobom": u16.String(),
		"scopus":      "Authors,Title,Year\n",
		"binary":      "\x89PNG\r\n\x1a\n\x00\x00",
	} {
		_, _, err := readAll(t, in)
		if err == nil || !strings.Contains(err.Error(), "wos: savedrecs.txt: ") {
			t.Errorf("%s: err %v, want one fatal error naming the file", name, err)
		}
	}
}

func TestSplitC1(t *testing.T) {
	in := "[Bruna, Emilio M.; Smith, J] Univ Florida, Gainesville, FL USA.; [Li, X] Tsinghua Univ, Beijing, Peoples R China."
	want := []string{"[Bruna, Emilio M.; Smith, J] Univ Florida, Gainesville, FL USA.", "[Li, X] Tsinghua Univ, Beijing, Peoples R China."}
	if got := splitC1(in); !reflect.DeepEqual(got, want) {
		t.Errorf("bracketed: %q", got)
	}
	in = "Univ Florida, Gainesville, FL USA.; Tsinghua Univ, Beijing, Peoples R China."
	want = []string{"Univ Florida, Gainesville, FL USA.", "Tsinghua Univ, Beijing, Peoples R China."}
	if got := splitC1(in); !reflect.DeepEqual(got, want) {
		t.Errorf("unbracketed: %q", got)
	}
}

func TestParseRP(t *testing.T) {
	got := parseRP("Bruna, EM (corresponding author), Univ Florida, Gainesville, FL 32611 USA.; Li, X (corresponding author), Tsinghua Univ, Beijing, Peoples R China.")
	want := []rpEntry{{"Bruna, EM", "Univ Florida, Gainesville, FL 32611 USA."}, {"Li, X", "Tsinghua Univ, Beijing, Peoples R China."}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parseRP = %q", got)
	}
}

func TestBestOrg(t *testing.T) {
	orgs := []string{"State University System of Florida", "University of Florida", "Chinese Academy of Sciences", "Institute of Zoology, CAS"}
	for inst, want := range map[string]string{
		"Univ Florida":     "University of Florida",
		"Chinese Acad Sci": "Chinese Academy of Sciences",
		"Max Planck Inst":  "",
	} {
		if got := bestOrg(inst, newOrgs(orgs)); got != want {
			t.Errorf("bestOrg(%q) = %q, want %q", inst, got, want)
		}
	}
}

// FuzzReader: no input panics; every paper returned is valid; errors are
// per-record (*ParseError) or end the stream.
func FuzzReader(f *testing.F) {
	f.Add([]byte(plain))
	// Concatenations: plain parts with BOMs and CRLF, an EF run into the
	// next part, tab parts with repeated headers.
	f.Add([]byte("\ufeff" + plain + "\ufeff" + strings.ReplaceAll(plain, "\n", "\r\n")))
	f.Add([]byte(strings.TrimSuffix(plain, "\n") + "\ufeff" + plain))
	f.Add([]byte("\ufeff" + tabHeader + tabRows + "\ufeff" + tabHeader + tabRows))
	for _, rf := range realFiles {
		if b, err := readMaybeGz(filepath.Join(testdata, rf.file)); err == nil {
			f.Add(b[:min(len(b), 20000)])
		}
	}
	for _, rel := range []string{"wos-wosfile/wos_plaintext.txt", "wos-wosfile/wos_tab_delimited_win_utf16.txt", "wos-tab-scientopy/wos_2026_04_02_1000.txt", "wos-plain-c3-brunalab/savedrecs.txt"} {
		if b, err := os.ReadFile(filepath.Join(real, rel)); err == nil {
			f.Add(b[:min(len(b), 20000)])
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		readertest.ContractReasons(t, NewReader(bytes.NewReader(data)), Reasons)
	})
}

// A file of another format run into a WoS export (cat savedrecs.txt
// scopus.csv) ends reading with ErrForeign, naming the line, instead of
// becoming one skipped record that swallows the rest of the file.
func TestForeignTail(t *testing.T) {
	in := "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Li, X\nPY 2019\nUT WOS:1\nER\n\nEF\nAuthors,Title,Year\n\"Li X.\",T,2019\n"
	r := NewReader(strings.NewReader(in))
	r.Name = "mixed.txt"
	if _, err := r.Read(); err != nil {
		t.Fatalf("first record: %v", err)
	}
	_, err := r.Read()
	if !errors.Is(err, ErrForeign) || !strings.Contains(err.Error(), "mixed.txt line 10") {
		t.Fatalf("got %v, want ErrForeign at line 10", err)
	}
}
