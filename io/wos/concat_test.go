package wos

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/io/internal/readertest"
)

const bom = "\ufeff"

func ids(ps []coauthnet.Paper) string {
	var s []string
	for _, p := range ps {
		s = append(s, strings.TrimPrefix(p.ID, "WOS:0000000000000"))
	}
	return strings.Join(s, " ")
}

// TestConcatenatedPlain: three copies of plain (3 good records and 2
// skipped each, see TestPlainRecords), the first with a BOM, the second
// with a BOM and CRLF line ends, blank lines between parts, the third
// without a trailing newline: every record of every part is read or
// reported.
func TestConcatenatedPlain(t *testing.T) {
	crlf := strings.ReplaceAll(plain, "\n", "\r\n")
	in := bom + plain + "\n\n" + bom + crlf + "\r\n" + strings.TrimSuffix(plain, "\n")
	ps, pes, err := readAll(t, in)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(ps), "01 03 05 01 03 05 01 03 05"; got != want {
		t.Errorf("papers %s, want %s", got, want)
	}
	if len(pes) != 6 {
		t.Fatalf("%d skipped, want 6: %v", len(pes), pes)
	}
	// The garbage record of the third part starts at line 23 of plain;
	// the third part starts after the first (52 lines of plain + 2
	// blank) and the second (52 lines + 1 blank): line 107+23 = 130.
	lines := strings.Count(plain, "\n")
	if want := 2*lines + 3 + 23; pes[4].Line != want {
		t.Errorf("third part's garbage record at line %d, want %d", pes[4].Line, want)
	}
	// The same papers as from one copy.
	one, _, _ := readAll(t, plain)
	for i, p := range ps {
		if p.ID != one[i%3].ID || len(p.Authors) != len(one[i%3].Authors) {
			t.Errorf("paper %d differs from the single part's", i)
		}
	}
}

// TestLostER: a part whose last record lost its ER (a cut download)
// reports that record as ErrTruncated and reads the next part whole;
// likewise a record that runs into the next PT.
func TestLostER(t *testing.T) {
	i := strings.LastIndex(plain, "ER\n")
	cut := plain[:i] + plain[i+3:] // no ER before EF
	ps, pes, err := readAll(t, cut+bom+plain)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(ps), "01 03 01 03 05"; got != want {
		t.Errorf("papers %s, want %s", got, want)
	}
	if len(pes) != 5 || !errors.Is(pes[2], ErrTruncated) || pes[2].ID != "WOS:000000000000005" {
		t.Errorf("skips %v, want the third to be record 5 truncated", pes)
	}

	// Record 2 (the garbage one) loses its ER: it is reported as
	// truncated where record 3's PT starts, and record 3 is read.
	j := strings.Index(plain, "ER\n\nPT J\nAU Early")
	noER := plain[:j] + plain[j+3:]
	ps, pes, _ = readAll(t, noER)
	if got, want := ids(ps), "01 03 05"; got != want {
		t.Errorf("papers %s, want %s", got, want)
	}
	if len(pes) != 2 || !errors.Is(pes[0], ErrTruncated) || pes[0].ID != "WOS:000000000000002" || pes[0].Line != 23 {
		t.Errorf("skips %v, want record 2 (line 23) truncated by the next PT", pes)
	}
}

const tabHeader = "PT\tAU\tAF\tC1\tPY\tUT\n"
const tabRows = "J\tSmith, J; Wang, L\tSmith, John; Wang, Li\t[Smith, John] Univ Oxford, Oxford, England; [Wang, Li] Tsinghua Univ, Beijing, Peoples R China\t2019\tWOS:000000000000001\n" +
	"J\tLi, X\tLi, Xiang\t[Li, Xiang] Univ Tokyo, Tokyo, Japan\t2020\tWOS:000000000000002\n"

// TestConcatenatedTab: tab-delimited parts each with its header row and
// BOM (cat of savedrecs files), CRLF, a blank line; the last part's
// header lists the columns in another order (PT first, as every
// export's does).
func TestConcatenatedTab(t *testing.T) {
	in := bom + tabHeader + tabRows + "\r\n" + bom + strings.ReplaceAll(tabHeader+tabRows, "\n", "\r\n") + "\n" + bom +
		"PT\tUT\tPY\tAF\tAU\tC1\n" + "J\tWOS:000000000000003\t2021\tKim, Min\tKim, M\t[Kim, Min] Seoul Natl Univ, Seoul, South Korea\n"
	ps, pes, err := readAll(t, in)
	if err != nil || len(pes) != 0 {
		t.Fatal(err, pes)
	}
	if got, want := ids(ps), "01 02 01 02 03"; got != want {
		t.Errorf("papers %s, want %s", got, want)
	}
	if cs := readertest.Countries(ps[4]); !cs["KR"] || ps[4].Year != 2021 {
		t.Errorf("third part (reordered columns): %+v", ps[4])
	}
}

// recordsIn counts a Web of Science export's records the simplest way,
// independently of the reader: plain text, lines "ER"; tab-delimited
// (UTF-8 or UTF-16, known by the bytes), rows that are not blank and not
// a header row.
func recordsIn(t *testing.T, data []byte) int {
	t.Helper()
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) {
		// UTF-16LE: keep the low bytes (the tags and tabs are ASCII).
		var b []byte
		for i := 0; i+1 < len(data); i += 2 {
			if data[i] == 0xff && data[i+1] == 0xfe {
				continue // a concatenated part's byte order mark
			}
			if data[i+1] == 0 {
				b = append(b, data[i])
			} else {
				b = append(b, 'x')
			}
		}
		data = b
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	n := 0
	tab := strings.Contains(strings.SplitN(text, "\n", 2)[0], "PT\t")
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimLeft(line, "\ufeff\xfe\xff")
		switch {
		case tab && strings.TrimSpace(line) != "" && !strings.HasPrefix(line, "PT\t"):
			n++
		case !tab && (line == "ER" || strings.HasPrefix(line, "ER ")):
			n++
		}
	}
	return n
}

// TestConcatenatedReal: every real Web of Science export, plain and tab,
// concatenated with itself and with the others of its kind (BOMs kept or
// added): records read = records in the file, counted by recordsIn.
func TestConcatenatedReal(t *testing.T) {
	groups := map[string][]string{
		"plain": {filepath.Join(real, "wos-plain-metaknowledge/ManyAuthors.isi"), filepath.Join(real, "wos-wosfile/wos_plaintext.txt"),
			filepath.Join(real, "wos-plain-c3-brunalab/savedrecs.txt"), filepath.Join(real, "wos-plain-refsplitr/example_data.txt"),
			filepath.Join(real, "wos-plain-refsplitr/BITR_test.txt")},
		"tab-utf8":  {filepath.Join(real, "wos-tab-scientopy/wos_2026_04_02_1000.txt")},
		"tab-utf16": {filepath.Join(real, "wos-wosfile/wos_tab_delimited_win_utf16.txt")},
	}
	for _, f := range realFiles {
		if f.format == Plain {
			groups["plain"] = append(groups["plain"], filepath.Join(testdata, f.file))
		} else if f.encoding != "UTF-16LE with BOM" {
			groups["tab-utf8"] = append(groups["tab-utf8"], filepath.Join(testdata, f.file))
		}
	}
	for name, files := range groups {
		t.Run(name, func(t *testing.T) {
			var all []byte
			for _, f := range files {
				b, err := readMaybeGz(f)
				if err != nil {
					t.Skip(err)
				}
				if name != "tab-utf16" && !bytes.HasPrefix(b, []byte(bom)) {
					b = append([]byte(bom), b...)
				}
				all = append(all, b...)
				all = append(all, b...) // each file twice
			}
			want := recordsIn(t, all)
			r := NewReader(bytes.NewReader(all))
			ps, pes, err := readertest.Collect(r)
			if err != nil {
				t.Fatal(err)
			}
			if len(ps)+len(pes) != want || len(pes) != 0 {
				t.Errorf("%d papers + %d skipped, file has %d records (%v)", len(ps), len(pes), want, pes)
			}
			t.Logf("%d files ×2, %d records", len(files), want)
		})
	}
}

// TestAddressFallback: a record whose C1 names nobody of the byline
// (brackets with other spellings) counts its addresses, one unit each,
// as an unbracketed C1 does; AddressFallback counts both kinds. In
// plain, record 3 has an unbracketed C1 (one fallback).
func TestAddressFallback(t *testing.T) {
	in := `FN Clarivate Analytics Web of Science
VR 1.0
PT J
AF Smith, John
   Wang, Li
C1 [Smyth, J] Univ Oxford, Oxford, England.
   [Wong, L] Tsinghua Univ, Beijing, Peoples R China.
PY 2020
UT WOS:000000000000009
ER
EF
`
	r := NewReader(strings.NewReader(in))
	ps, pes, err := readertest.Collect(r)
	if err != nil || len(pes) != 0 || len(ps) != 1 {
		t.Fatal(ps, pes, err)
	}
	a := ps[0].Authors
	if len(a) != 2 || a[0].Name != "" || a[0].Affiliations[0].Country != "GB" || a[1].Affiliations[0].Country != "CN" || r.AddressFallback != 1 {
		t.Errorf("authors %+v, fallback %d", a, r.AddressFallback)
	}
	r = NewReader(strings.NewReader(plain))
	if _, _, err := readertest.Collect(r); err != nil || r.AddressFallback != 1 {
		t.Errorf("plain: fallback %d, want 1 (record 3), %v", r.AddressFallback, err)
	}
}

// TestTabRowRunIntoHeader: a tab-delimited part without a final line
// end, then the next part (BOM and header on the same line as the last
// row): both rows are read, and a bad row there is reported at its own
// line.
func TestTabRowRunIntoHeader(t *testing.T) {
	bad := strings.Replace(tabRows, "\t2020\t", "\t20x0\t", 1)
	in := tabHeader + strings.TrimSuffix(bad, "\n") + bom + tabHeader + tabRows
	ps, pes, err := readAll(t, in)
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(ps); got != "01 01 02" {
		t.Errorf("papers %s, want 01 01 02", got)
	}
	// Line 3: the header is line 1, the bad row (record 2) line 3.
	if len(pes) != 1 || !errors.Is(pes[0], ErrBadYear) || pes[0].Line != 3 {
		t.Errorf("skips %v, want record 2's bad year at line 3", pes)
	}
}
