package wos

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/coauthnet/coauthnet/io/internal/readertest"
)

// oiRecord has four OI entries: one for an author of the byline written
// over a continuation line, one whose identifier is malformed, one for a
// name not on the byline, and one for a name two authors share (AU
// "Li, X" twice): only the first may be used.
//
// A fifth entry, "Smith, J/…" would be ambiguous with nobody: it is not
// given. "Li, X" is found twice by the matcher (AU) and so ignored.
const oiRecord = `FN Clarivate Analytics Web of Science
VR 1.0
PT J
AU Smith, J
   Li, X
   Li, X
AF Smith, John
   Li, Xin
   Li, Xiao
OI Smith, John/0000-0002-1825-0097; Li, Xin/0000-0001-2345-67Y8; Nobody,
   A/0000-0003-1234-5678; Li, X/0000-0001-5109-3700
C1 [Smith, John; Li, Xin; Li, Xiao] Univ Oxford, Oxford, England.
PY 2020
UT WOS:000000000000009
ER

EF
`

func TestORCID(t *testing.T) {
	ps, pes, err := readAll(t, oiRecord)
	if err != nil || len(pes) > 0 || len(ps) != 1 {
		t.Fatalf("%d papers, %v, %v", len(ps), pes, err)
	}
	got := []string{ps[0].Authors[0].ORCID, ps[0].Authors[1].ORCID, ps[0].Authors[2].ORCID}
	want := []string{"0000-0002-1825-0097", "", ""}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("author %d ORCID = %q, want %q", i+1, got[i], want[i])
		}
	}
}

func TestIsORCID(t *testing.T) {
	for s, want := range map[string]bool{
		"0000-0002-1825-0097": true,
		"0000-0002-1694-233X": true,
		"0000-0002-1694-23X3": false,
		"0000-0002-1694-233":  false,
		"0000 0002 1694 2330": false,
		"A-1234-2008":         false,
	} {
		if isORCID(s) != want {
			t.Errorf("isORCID(%q) = %v", s, !want)
		}
	}
}

// TestORCIDReal reads BrunaLab's export (../shared/testdata-real).
// Emilio Bruna's ORCID 0000-0003-3381-8477 is in the OI field of 96 of
// its records, as "Bruna, Emilio/…", for a byline name "Bruna, Emilio
// M." or "Bruna, E. M." (counted with awk over the OI lines; names
// checked by eye on ten). 22 of the 96 are older records whose C1 names
// nobody, so the reader leaves the named byline out (package doc) and
// has nobody to give it to: 96 − 22 = 74 records must carry it, each on
// an author named Bruna.
func TestORCIDReal(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "testdata-real", "wos-plain-c3-brunalab", "savedrecs.txt")
	f, err := os.Open(path)
	if err != nil {
		t.Skip("real data not available:", err)
	}
	defer f.Close()
	ps, _, err := readertest.Collect(NewReader(f))
	if err != nil {
		t.Fatal(err)
	}
	n, bruna := 0, 0
	for _, p := range ps {
		for _, a := range p.Authors {
			if a.ORCID != "" {
				n++
				if !isORCID(a.ORCID) {
					t.Errorf("%s: %s has ORCID %q", p.ID, a.Name, a.ORCID)
				}
			}
			if a.ORCID == "0000-0003-3381-8477" {
				bruna++
				if a.Name[:5] != "Bruna" {
					t.Errorf("%s: ORCID of Bruna on %q", p.ID, a.Name)
				}
			}
		}
	}
	t.Logf("%d papers, %d author ORCIDs, %d of them Bruna's", len(ps), n, bruna)
	if bruna != 74 {
		t.Errorf("Bruna's ORCID on %d records, want 74", bruna)
	}
}
