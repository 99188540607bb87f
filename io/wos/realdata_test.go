package wos

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/io/internal/readertest"
)

// testdata is the repository's testdata/real: exports copied from public
// repositories under MIT/BSD licences (testdata/SOURCES.md).
const testdata = "../../testdata/real"

// realFiles are the Web of Science exports of testdata/real. records is
// the number of records in the file, counted outside coauthnet (plain
// text: `zcat -f FILE | grep -c '^ER'`; tab-delimited: `zcat -f FILE |
// grep -vc '^\(.*PT\t\|\s*$\)'`, the rows that are neither a header nor
// blank), as testdata/SOURCES.md gives it.
var realFiles = []struct {
	file     string
	records  int
	format   Format
	encoding string
}{
	{"wos-plain-wosanalysis/savedrecs.txt.gz", 833, Plain, "UTF-8 with BOM"},
	{"wos-plain-brunalab/savedrecs.txt.gz", 102, Plain, "UTF-8 with BOM"},
	{"wos-plain-wosfile/wos_plaintext.txt.gz", 50, Plain, "UTF-8 with BOM"},
	{"wos-tab-scientopy-2017/wos.txt", 125, Tab, "UTF-8 with BOM"},
	{"wos-tab-scientopy-2023/wos_1_500.txt.gz", 500, Tab, "UTF-8 with BOM"},
	{"wos-tab-scientopy-2023/wos_501_1000.txt.gz", 500, Tab, "UTF-8 with BOM"},
	{"wos-tab-scientopy-2023/wos_3054.txt", 54, Tab, "UTF-8 with BOM"},
	{"wos-tab-scientopy-2026/wos_2026_04_02_4071.txt", 71, Tab, "UTF-8 with BOM"},
	{"wos-tab-wosfile/wos_tab_delimited_win_utf8.txt", 50, Tab, "UTF-8 with BOM"},
}

// readMaybeGz returns a file's bytes, decompressed if gzip.
func readMaybeGz(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(b, []byte{0x1f, 0x8b}) {
		return b, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// independent runs testdata/independent/wos_countries.py on path: one
// [UT, countries] per record, in file order. Skips without python3.
func independent(t *testing.T, path string) [][2]any {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not available")
	}
	out, err := exec.Command(py, "../../testdata/independent/wos_countries.py", path).Output()
	if err != nil {
		t.Fatalf("wos_countries.py %s: %v", path, err)
	}
	var ref [][2]any
	if err := json.Unmarshal(out, &ref); err != nil {
		t.Fatal(err)
	}
	return ref
}

// TestRealData: every export of testdata/real reads every record (none
// skipped), in the format and encoding expected, with no country text
// left unmapped, and per-paper country sets agree with the independent
// parse on at least 97% of papers.
func TestRealData(t *testing.T) {
	for _, tt := range realFiles {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			path := filepath.Join(testdata, tt.file)
			data, err := readMaybeGz(path)
			if err != nil {
				t.Fatal(err)
			}
			if n := recordsIn(t, data); n != tt.records {
				t.Errorf("recordsIn: %d, want %d", n, tt.records)
			}
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			r := NewReader(f)
			r.Name = filepath.Base(tt.file)
			ps, pes, err := readertest.Collect(r)
			if err != nil {
				t.Fatal(err)
			}
			if len(ps)+len(pes) != tt.records || len(pes) != 0 {
				t.Errorf("%d papers + %d skipped, want %d records: %v", len(ps), len(pes), tt.records, pes)
			}
			if r.Format != tt.format || string(r.Encoding) != tt.encoding {
				t.Errorf("format %q %q, want %q %q", r.Format, r.Encoding, tt.format, tt.encoding)
			}
			if len(r.Unmapped) > 0 {
				t.Errorf("unmapped countries: %v", r.Unmapped)
			}
			readertest.Agreement(t, ps, independent(t, path))
		})
	}
}

// TestRealParts: the two real 500-record parts of one 2023 export, joined
// with cat (the second part's header row and BOM in the middle), give the
// papers of both parts in order, and the independent parse agrees.
func TestRealParts(t *testing.T) {
	var all []byte
	var want []coauthnet.Paper
	for _, f := range []string{"wos-tab-scientopy-2023/wos_1_500.txt.gz", "wos-tab-scientopy-2023/wos_501_1000.txt.gz"} {
		b, err := readMaybeGz(filepath.Join(testdata, f))
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, b...)
		ps, _, err := readertest.Collect(NewReader(bytes.NewReader(b)))
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, ps...)
	}
	if c := bytes.Count(all, []byte("\ufeffPT\t")); c != 2 {
		t.Fatalf("%d BOM+header rows in the concatenation, want 2", c)
	}
	ps, pes, err := readertest.Collect(NewReader(bytes.NewReader(all)))
	if err != nil || len(pes) != 0 || len(ps) != 1000 {
		t.Fatalf("%d papers, skips %v, err %v; want 1000", len(ps), pes, err)
	}
	for i := range ps {
		if ps[i].ID != want[i].ID || len(ps[i].Authors) != len(want[i].Authors) {
			t.Errorf("paper %d: %s, want %s", i, ps[i].ID, want[i].ID)
		}
	}
	tmp := filepath.Join(t.TempDir(), "parts.txt")
	if err := os.WriteFile(tmp, all, 0o644); err != nil {
		t.Fatal(err)
	}
	readertest.Agreement(t, ps, independent(t, tmp))
}
