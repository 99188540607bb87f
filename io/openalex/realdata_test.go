package openalex

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/coauthnet/coauthnet/io/internal/readertest"
)

// TestIndependentParse reads every real OpenAlex file (testdata/real,
// testdata/SOURCES.md; and ../shared/testdata-real when present) and
// compares, work by work in input order, the countries of each paper
// with testdata/independent/openalex_countries.py (institution
// country_code, else the authorship's countries, else the raw
// affiliation's last field). records is `zcat -f FILE | wc -l`. Every
// work must be read, none skipped, and at least 97% of papers (the
// issue's bar) must have the same countries. Skips without python3.
func TestIndependentParse(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not available")
	}
	for _, tt := range []struct {
		path    string
		records int
	}{
		{"../../testdata/real/openalex-jsonl-goopenalex/updated_date=2021-11-03/part_000.gz", 50},
		// No authorships in these 27 works: a count and year test only.
		{"../../testdata/real/openalex-jsonl-goopenalex/updated_date=2023-05-16/part_000.gz", 27},
		{filepath.Join(real, "openalex-jsonl-openalexpro/jsonl"), 200},
	} {
		t.Run(filepath.Base(filepath.Dir(tt.path)), func(t *testing.T) {
			f, err := os.Open(tt.path)
			if err != nil {
				t.Skipf("real test data not available: %v", err)
			}
			defer f.Close()
			out, err := exec.Command(py, "../../testdata/independent/openalex_countries.py", tt.path).Output()
			if err != nil {
				t.Fatal(err)
			}
			var ref [][2]any
			if err := json.Unmarshal(out, &ref); err != nil {
				t.Fatal(err)
			}
			r := NewReader(f)
			ps, pes, err := readertest.Collect(r)
			if err != nil {
				t.Fatal(err)
			}
			if len(ps) != tt.records || len(pes) != 0 || len(ref) != tt.records {
				t.Fatalf("%d papers, %d skipped (%v), independent %d; want %d", len(ps), len(pes), pes, len(ref), tt.records)
			}
			readertest.Agreement(t, ps, ref)
		})
	}
}

// TestPageOfRealWorks: the 50 real works of the 2021 snapshot part put
// into an API response page ({"meta":…,"results":[…]}, pretty-printed as
// the API's clients save it) give the same papers as the JSON Lines. No
// real API page with a licence that allows copying was found; this checks
// the page path on real works.
func TestPageOfRealWorks(t *testing.T) {
	path := "../../testdata/real/openalex-jsonl-goopenalex/updated_date=2021-11-03/part_000.gz"
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	var works []json.RawMessage
	for _, line := range bytes.Split(bytes.TrimSpace(raw), []byte("\n")) {
		works = append(works, json.RawMessage(line))
	}
	page, err := json.MarshalIndent(map[string]any{
		"meta":    map[string]any{"count": len(works), "db_response_time_ms": 20, "page": 1, "per_page": len(works)},
		"results": works,
	}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	want, err := NewReader(bytes.NewReader(raw)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	r := NewReader(bytes.NewReader(page))
	got, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if r.Format != Page || len(got) != 50 || !reflect.DeepEqual(got, want) {
		t.Errorf("format %q, %d papers; want the 50 papers of the JSON Lines", r.Format, len(got))
	}
}
