package openalex

import (
	"os"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet/io/internal/readertest"
)

// TestTitleReal: title (else display_name) becomes Paper.Title on the
// real snapshot parts. Expected values were read outside coauthnet with
// Python's json module (`zcat FILE | python3 -c ...`): in the 2021 part
// all 50 works have a title (equal to display_name), JSON escapes such
// as \u00f3 and \" decoded as below; in the 2023 part 11 of the 27 works
// have one (the others have title and display_name null).
func TestTitleReal(t *testing.T) {
	const dir = "../../testdata/real/openalex-jsonl-goopenalex/"
	tests := []struct {
		file   string
		works  int
		titled int
		want   map[string]string // id → title
	}{
		{"updated_date=2021-11-03/part_000.gz", 50, 50, map[string]string{
			"W1612067013": "Who will demand access to their personal health record? A focus on the users of health services and what they want.",
			"W2773096739": "Caracterización micromecánica de la interacción acero-hormigón en las losas mixtas mediante el uso de modelos de elementos finitos",
			"W2979202794": `Outcasts of Empire: Japan's Rule on Taiwan's "Savage Border," 1874–1945 by Paul D. Barclay (review)`,
		}},
		{"updated_date=2023-05-16/part_000.gz", 27, 11, map[string]string{
			"W4206759534": "Manufacturers' Literature",
			"W4312233861": "",
		}},
	}
	for _, tt := range tests {
		f, err := os.Open(dir + tt.file)
		if err != nil {
			t.Fatal(err)
		}
		ps, pes, err := readertest.Collect(NewReader(f))
		f.Close()
		if err != nil || len(pes) > 0 || len(ps) != tt.works {
			t.Fatalf("%s: %d works, %v, %v", tt.file, len(ps), pes, err)
		}
		titled, found := 0, 0
		for _, p := range ps {
			if p.Title != "" {
				titled++
			}
			if w, ok := tt.want[p.ID]; ok {
				found++
				if p.Title != w {
					t.Errorf("%s %s: title %q, want %q", tt.file, p.ID, p.Title, w)
				}
			}
		}
		if titled != tt.titled || found != len(tt.want) {
			t.Errorf("%s: %d works with a title, want %d; %d of %d checked works found", tt.file, titled, tt.titled, found, len(tt.want))
		}
	}
}

// TestTitleFallback: display_name stands in for a title that is null,
// empty or absent, whatever the key order; a title wins over it.
func TestTitleFallback(t *testing.T) {
	lines := []string{
		`{"id":"W1","publication_year":2020,"title":null,"display_name":"From display name"}`,
		`{"id":"W2","publication_year":2020,"display_name":"From display name","title":""}`,
		`{"id":"W3","publication_year":2020,"display_name":"From display name"}`,
		`{"id":"W4","publication_year":2020,"display_name":"Display","title":"Title"}`,
		`{"id":"W5","publication_year":2020,"title":null,"display_name":null}`,
		// Repeated keys, as encoding/json reads them: the last string
		// wins, null leaves the earlier value.
		`{"id":"W6","publication_year":2020,"display_name":"A","title":"T","display_name":null,"title":""}`,
		`{"id":"W7","publication_year":2020,"display_name":"A","display_name":"B"}`,
	}
	want := []string{"From display name", "From display name", "From display name", "Title", "", "A", "B"}
	ps, pes, err := readertest.Collect(NewReader(strings.NewReader(strings.Join(lines, "\n"))))
	if err != nil || len(pes) > 0 || len(ps) != len(want) {
		t.Fatalf("%d works, %v, %v", len(ps), pes, err)
	}
	for i, p := range ps {
		if p.Title != want[i] {
			t.Errorf("%s: title %q, want %q", p.ID, p.Title, want[i])
		}
	}
}
