package scopus

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"github.com/coauthnet/coauthnet/io/internal/readertest"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet"
)

const real = "../../../shared/testdata-real"

func TestRealFile(t *testing.T) {
	f, err := os.Open(filepath.Join(real, "scopus-csv-scientopy/scopus.csv"))
	if err != nil {
		t.Skipf("real test data not available: %v", err)
	}
	defer f.Close()
	r := NewReader(f)
	r.Name = "scopus.csv"
	var ps []coauthnet.Paper
	for {
		p, err := r.Read()
		if err == io.EOF {
			break
		}
		var pe *ParseError
		if errors.As(err, &pe) {
			t.Errorf("skipped: %v", err)
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	// SOURCES.md: 921 records; Affiliations in 897.
	if len(ps) != 921 {
		t.Errorf("%d papers, want 921", len(ps))
	}
	withCountry, multi := 0, 0
	for _, p := range ps {
		cs := readertest.Countries(p)
		if len(cs) > 0 {
			withCountry++
		}
		if len(cs) > 1 {
			multi++
		}
	}
	t.Logf("%d papers, %d with a country, %d with two or more; unmapped %v", len(ps), withCountry, multi, r.Unmapped)
	if withCountry < 890 {
		t.Errorf("only %d papers with a country (897 have Affiliations)", withCountry)
	}
}

// realFiles are the Scopus exports used by TestIndependentParse: rows
// counted by Python's csv module (testdata/SOURCES.md and
// ../shared/testdata-real/SOURCES.md).
var realFiles = []struct {
	path string
	rows int
}{
	{filepath.Join(real, "scopus-csv-scientopy/scopus.csv"), 921},
	{"../../testdata/real/scopus-csv-litstudy/scopus.csv.gz", 58},
	{"../../testdata/real/scopus-csv-litstudy/scopus_v2.csv.gz", 88},
	// 2018, "Surname, I., Surname, I.", no affiliation columns: a test of
	// the rows and the author names only.
	{"../../testdata/real/scopus-csv-paperssearch/scopus.csv", 211},
}

// TestIndependentParse compares per-paper country sets with
// testdata/independent/scopus_countries.py, an independent parse of the
// same file (Affiliations column, last field, a table written for that
// script), paper by paper in file order, on every real Scopus export:
// every row is read (none skipped) and at least 97% of papers (the
// issue's bar) have the same countries; where they differ, ours must
// hold the independent parse's (the script's table is the smaller).
// Skips without python3 or the files.
func TestIndependentParse(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not available")
	}
	for _, tt := range realFiles {
		t.Run(filepath.Base(filepath.Dir(tt.path))+"-"+filepath.Base(tt.path), func(t *testing.T) {
			f, err := os.Open(tt.path)
			if err != nil {
				t.Skipf("real test data not available: %v", err)
			}
			defer f.Close()
			out, err := exec.Command(py, "../../testdata/independent/scopus_countries.py", tt.path).Output()
			if err != nil {
				t.Fatal(err)
			}
			var ref [][3]any
			if err := json.Unmarshal(out, &ref); err != nil {
				t.Fatal(err)
			}
			r := NewReader(f)
			ps, pes, err := readertest.Collect(r)
			if err != nil {
				t.Fatal(err)
			}
			if len(ps) != tt.rows || len(pes) != 0 || len(ref) != tt.rows {
				t.Fatalf("%d papers, %d skipped (%v), independent %d rows; want %d", len(ps), len(pes), pes, len(ref), tt.rows)
			}
			agree, more, names := 0, 0, 0
			for i, p := range ps {
				// Author counts agree unless the paper fell back to
				// counting addresses (unnamed authors) or the
				// independent rule missed a name without initials.
				if n := int(ref[i][2].(float64)); len(p.Authors) == n {
					names++
				} else if len(p.Authors) > 0 && p.Authors[0].Name != "" {
					t.Logf("%s: %d authors, independent %d", p.ID, len(p.Authors), n)
				}
				got := readertest.Countries(p)
				id, _ := ref[i][0].(string)
				var want []string
				for _, c := range ref[i][1].([]any) {
					want = append(want, c.(string))
				}
				superset := id == p.ID
				for _, c := range want {
					superset = superset && got[c]
				}
				switch {
				case superset && len(got) == len(want):
					agree++
				case superset:
					more++
					t.Logf("%s: ours %v, independent %v", p.ID, keys(got), want)
				default:
					t.Errorf("%s: ours %v lacks some of independent %s %v", p.ID, keys(got), id, want)
				}
			}
			t.Logf("%d of %d papers agree; %d more where we find countries the independent table lacks; %d by address fallback; %d with the same number of authors; unmapped %v",
				agree, len(ps), more, r.AddressFallback, names, r.Unmapped)
			if float64(names+r.AddressFallback) < 0.97*float64(len(ps)) {
				t.Errorf("author counts agree on %d papers (+%d address fallbacks) of %d", names, r.AddressFallback, len(ps))
			}
			if float64(agree) < 0.97*float64(len(ps)) {
				t.Errorf("agreement %d/%d < 97%%", agree, len(ps))
			}
		})
	}
}

func keys(m map[string]bool) []string {
	var s []string
	for k := range m {
		s = append(s, k)
	}
	sort.Strings(s)
	return s
}

// TestCommaNamesRealRewrite is issue 14's failing case on real data: the
// 921 rows of ScientoPy's scopus.csv with their Authors column rewritten
// from "Rahmani A.M., Gia T.N." to the other layout Scopus has exported,
// "Rahmani, A.M., Gia, T.N." (commas inside and between names; the
// "Authors with affiliations" entries are already written that way).
// Nothing else changes, so the papers must keep their authors and
// countries: the same number of authors as read from the original, and
// the same countries, paper by paper (the reader before issue 14 split
// these names at every comma and matched almost no affiliation).
func TestCommaNamesRealRewrite(t *testing.T) {
	path := filepath.Join(real, "scopus-csv-scientopy/scopus.csv")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("real test data not available: %v", err)
	}
	cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	rows, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(rows[0], "Authors")
	rewritten := 0
	for _, row := range rows[1:] {
		var names []string
		for _, n := range strings.Split(row[col], ", ") {
			if i := strings.LastIndexByte(n, ' '); i > 0 && isInitials(n[i+1:]) {
				n = n[:i] + ", " + n[i+1:]
				rewritten++
			}
			names = append(names, n)
		}
		row[col] = strings.Join(names, ", ")
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	orig, err := NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	got, err := NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(orig) || len(got) != 921 {
		t.Fatalf("%d papers, original %d, want 921", len(got), len(orig))
	}
	same := 0
	for i := range got {
		a, b := readertest.Countries(got[i]), readertest.Countries(orig[i])
		if len(got[i].Authors) == len(orig[i].Authors) && maps.Equal(a, b) {
			same++
		} else {
			t.Logf("%s: %d authors %v, original %d %v", got[i].ID, len(got[i].Authors), keys(a), len(orig[i].Authors), keys(b))
		}
	}
	t.Logf("%d names rewritten; %d of %d papers keep their authors and countries", rewritten, same, len(got))
	if same < len(got) {
		t.Errorf("%d papers changed", len(got)-same)
	}
}
