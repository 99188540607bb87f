package scopus

import (
	"os"
	"testing"

	"github.com/coauthnet/coauthnet/io/internal/readertest"
)

// TestTitleReal: the Title column becomes Paper.Title, on every row of
// three real exports of three layouts. The expected titles and counts
// were read outside coauthnet, with Python's csv module on the files
// (encoding utf-8-sig): every row has a non-empty Title (211, 58 and 88
// rows), and the first two rows' EID and Title are as below.
func TestTitleReal(t *testing.T) {
	tests := []struct {
		path   string
		rows   int
		first2 [2][2]string // EID, Title
	}{
		{"../../testdata/real/scopus-csv-paperssearch/scopus.csv", 211, [2][2]string{
			{"2-s2.0-85041666068", "Fast and accurate detection of spread source in large complex networks"},
			{"2-s2.0-85045716690", "Dynamic analysis of rumor spreading model for considering active network nodes and nonlinear spreading rate"}}},
		{"../../testdata/real/scopus-csv-litstudy/scopus.csv.gz", 58, [2][2]string{
			{"2-s2.0-27344436659", "Scalable molecular dynamics with NAMD"},
			{"2-s2.0-0024645936", "Petri Nets: Properties, Analysis and Applications"}}},
		{"../../testdata/real/scopus-csv-litstudy/scopus_v2.csv.gz", 88, [2][2]string{
			{"2-s2.0-85136453267", "Gender-specific visual perturbation effects on muscle activation during incline treadmill walking: a virtual reality study"},
			{"2-s2.0-85127882021", "Engagement with Emerging Forms of Sextech: Demographic Correlates from a National Sample of Adults in the United States"}}},
	}
	for _, tt := range tests {
		f, err := os.Open(tt.path)
		if err != nil {
			t.Fatal(err)
		}
		ps, pes, err := readertest.Collect(NewReader(f))
		f.Close()
		if err != nil || len(pes) > 0 || len(ps) != tt.rows {
			t.Fatalf("%s: %d papers, %v, %v", tt.path, len(ps), pes, err)
		}
		n := 0
		for _, p := range ps {
			if p.Title != "" {
				n++
			}
		}
		if n != tt.rows {
			t.Errorf("%s: %d of %d papers with a title", tt.path, n, tt.rows)
		}
		for i, w := range tt.first2 {
			if ps[i].ID != w[0] || ps[i].Title != w[1] {
				t.Errorf("%s row %d: %s %q, want %s %q", tt.path, i+1, ps[i].ID, ps[i].Title, w[0], w[1])
			}
		}
	}
}
