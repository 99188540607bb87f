package scopus

import (
	"errors"
	"io"
	"os"
	"path/filepath"
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
		cs := map[string]bool{}
		for _, a := range p.Authors {
			for _, af := range a.Affiliations {
				if af.Country != "" {
					cs[af.Country] = true
				}
			}
		}
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
