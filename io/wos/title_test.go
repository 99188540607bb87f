package wos

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/io/internal/readertest"
)

func readReal(t *testing.T, file string) []coauthnet.Paper {
	t.Helper()
	f, err := os.Open(filepath.Join(testdata, file))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ps, pes, err := readertest.Collect(NewReader(f))
	if err != nil || len(pes) > 0 {
		t.Fatalf("%s: %v %v", file, err, pes)
	}
	return ps
}

// TestTitleReal: TI becomes Paper.Title, its continuation lines joined by
// one space. The expected titles were read by hand in the files
// (zcat FILE | grep -n -A3 '^TI ').
func TestTitleReal(t *testing.T) {
	tests := []struct {
		file  string
		index int // 0-based record in the file
		id    string
		title string
	}{
		// wos_plaintext.txt lines 8-9: one continuation line (UT on its
		// record's UT line, `zcat FILE | grep -m1 "^UT "`).
		{"wos-plain-wosfile/wos_plaintext.txt.gz", 0, "WOS:000220015600001",
			"Knowledge networks as channels and conduits: The effects of spillovers in the Boston biotechnology community"},
		// line 158: no continuation.
		{"wos-plain-wosfile/wos_plaintext.txt.gz", 1, "",
			"IntAct - open source resource for molecular interaction data"},
		// savedrecs.txt lines 18-20: two continuation lines.
		{"wos-plain-wosanalysis/savedrecs.txt.gz", 0, "",
			"Two-stage distributionally robust optimization-based coordinated scheduling of integrated energy system with electricity-hydrogen hybrid energy storage"},
		// lines 352-353: the export wrapped after a "/", and the
		// continuation is still joined by a space (NormTitle makes
		// "gas/ refueling" and "gas/refueling" the same key).
		{"wos-plain-wosanalysis/savedrecs.txt.gz", 6, "",
			"Risk-based scheduling of an off-grid hybrid electricity/hydrogen/gas/ refueling station powered by renewable energy"},
		// The tab-delimited copy of wos_plaintext.txt: one cell.
		{"wos-tab-wosfile/wos_tab_delimited_win_utf8.txt", 0, "WOS:000220015600001",
			"Knowledge networks as channels and conduits: The effects of spillovers in the Boston biotechnology community"},
	}
	for _, tt := range tests {
		ps := readReal(t, tt.file)
		p := ps[tt.index]
		if p.Title != tt.title || (tt.id != "" && p.ID != tt.id) {
			t.Errorf("%s record %d: %s %q, want %s %q", tt.file, tt.index, p.ID, p.Title, tt.id, tt.title)
		}
	}
}

// TestTitlePlainEqualsTab: every one of the 50 records that wosfile
// ships as plain text and as tab-delimited has a title, the same in both
// (the plain text's continuation lines joined by a space give the tab
// cell), and every record of the 833-record export has one (833 TI lines,
// `zcat savedrecs.txt.gz | grep -c '^TI '`).
func TestTitlePlainEqualsTab(t *testing.T) {
	plain := readReal(t, "wos-plain-wosfile/wos_plaintext.txt.gz")
	tab := readReal(t, "wos-tab-wosfile/wos_tab_delimited_win_utf8.txt")
	if len(plain) != 50 || len(tab) != 50 {
		t.Fatalf("%d and %d papers, want 50", len(plain), len(tab))
	}
	for i := range plain {
		if plain[i].Title == "" || plain[i].ID != tab[i].ID || plain[i].Title != tab[i].Title {
			t.Errorf("%s: plain %q, tab %s %q", plain[i].ID, plain[i].Title, tab[i].ID, tab[i].Title)
		}
	}
	n := 0
	for _, p := range readReal(t, "wos-plain-wosanalysis/savedrecs.txt.gz") {
		if p.Title != "" {
			n++
		}
	}
	if n != 833 {
		t.Errorf("%d of 833 papers with a title", n)
	}
}
