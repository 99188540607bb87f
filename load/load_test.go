package load

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/io/jsonl"
	"github.com/coauthnet/coauthnet/io/openalex"
	"github.com/coauthnet/coauthnet/io/scopus"
	"github.com/coauthnet/coauthnet/io/wos"
)

func write(t *testing.T, path, s string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func rec(id, doi, country string) string {
	d := ""
	if doi != "" {
		d = `"doi":"` + doi + `",`
	}
	return `{"id":"` + id + `",` + d + `"year":2019,"authors":[{"affiliations":[{"institution":"U","country":"` + country + `"}]}]}` + "\n"
}

// ids loads inputs and returns the ids passed on, in order.
func ids(t *testing.T, inputs []string, o Options) ([]string, *Summary) {
	t.Helper()
	var got []string
	s, err := Papers(context.Background(), inputs, o, func(p *coauthnet.Paper) error {
		got = append(got, p.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got, s
}

// Each rule, within a file and across files and formats' ids, with the
// first copy kept and the counts by rule.
func TestDedupRules(t *testing.T) {
	dir := t.TempDir()
	a := write(t, filepath.Join(dir, "a.jsonl"),
		rec("W1", "10.1/ABC", "CN")+
			rec("W1", "", "CN")+ // same id, within the file
			rec("W2", "", "US")+
			rec("S9", "https://doi.org/10.1/abc", "CN")) // same DOI as W1
	b := write(t, filepath.Join(dir, "b.jsonl"),
		rec("W2", "", "DE")+ // same id as a's W2, across files
			rec("S10", "doi:10.1/XYZ", "DE")+
			rec("W11", "HTTP://DX.DOI.ORG/10.1/xyz", "DE")) // same DOI as S10 (case of the prefix too)
	tests := []struct {
		dedup Dedup
		want  []string
		dups  map[string]int
	}{
		// The zero value is DefaultDedup: id, then DOI.
		{0, []string{"W1", "W2", "S10"}, map[string]int{"id": 2, "doi": 2}},
		{DefaultDedup, []string{"W1", "W2", "S10"}, map[string]int{"id": 2, "doi": 2}},
		{DedupID, []string{"W1", "W2", "S9", "S10", "W11"}, map[string]int{"id": 2}},
		{DedupDOI, []string{"W1", "W1", "W2", "W2", "S10"}, map[string]int{"doi": 2}},
		{NoDedup, []string{"W1", "W1", "W2", "S9", "W2", "S10", "W11"}, map[string]int{}},
	}
	for _, tt := range tests {
		got, s := ids(t, []string{a, b}, Options{Dedup: tt.dedup, List: true})
		if !slices.Equal(got, tt.want) {
			t.Errorf("%v: passed %v, want %v", tt.dedup, got, tt.want)
		}
		if fmt.Sprint(s.Duplicates) != fmt.Sprint(tt.dups) {
			t.Errorf("%v: duplicates %v, want %v", tt.dedup, s.Duplicates, tt.dups)
		}
		if s.Read != 7 || s.Passed != len(tt.want) || len(s.DuplicateList) != s.Duplicated() {
			t.Errorf("%v: read %d passed %d list %d", tt.dedup, s.Read, s.Passed, len(s.DuplicateList))
		}
	}
	_, s := ids(t, []string{a, b}, Options{List: true})
	want := b + " (id W2): same ID as a record read before from " + a + " (kept)"
	if !slices.Contains(s.DuplicateList, want) {
		t.Errorf("list %q lacks %q", s.DuplicateList, want)
	}
	if s.Inputs[0].Duplicates != 2 || s.Inputs[1].Duplicates != 2 {
		t.Errorf("per input: %+v", s.Inputs)
	}
}

func TestParseDedup(t *testing.T) {
	for s, want := range map[string]Dedup{"id,doi": DefaultDedup, "doi": DedupDOI, "id": DedupID, " id , doi ": DefaultDedup, "none": NoDedup} {
		d, err := ParseDedup(s)
		if err != nil || d != want {
			t.Errorf("ParseDedup(%q) = %v, %v; want %v", s, d, err, want)
		}
		if d2, _ := ParseDedup(d.String()); d2 != d {
			t.Errorf("round trip of %q: %v", s, d2)
		}
	}
	if _, err := ParseDedup("isbn"); err == nil {
		t.Error("ParseDedup(isbn): no error")
	}
	if d, _ := ParseDedup("id,doi,title"); d != DefaultDedup|DedupTitle || d.String() != "id,doi,title" {
		t.Errorf("id,doi,title: %v", d)
	}
	if Dedup(0).String() != "id,doi" {
		t.Errorf("zero value reads %q", Dedup(0).String())
	}
}

// Directories are read recursively in lexical path order, hidden names
// left out, undetectable files named in NotRead (and warned about); glob
// patterns expand in lexical order.
func TestDirectoriesAndGlobs(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "b", "2.jsonl"), rec("B2", "", "CN"))
	write(t, filepath.Join(dir, "b", "10.jsonl"), rec("B10", "", "CN"))
	write(t, filepath.Join(dir, "a.jsonl"), rec("A", "", "CN"))
	write(t, filepath.Join(dir, ".hidden", "x.jsonl"), rec("H", "", "CN"))
	write(t, filepath.Join(dir, ".x.jsonl"), rec("H2", "", "CN"))
	write(t, filepath.Join(dir, "manifest"), "not a bibliographic file\n")
	got, s := ids(t, []string{dir}, Options{})
	// Lexical order: a.jsonl, b/10.jsonl, b/2.jsonl, manifest.
	if want := []string{"A", "B10", "B2"}; !slices.Equal(got, want) {
		t.Errorf("directory: %v, want %v", got, want)
	}
	if len(s.NotRead) != 1 || !strings.Contains(s.NotRead[0], "manifest: cannot tell the format") {
		t.Errorf("NotRead %q", s.NotRead)
	}
	if w := s.Warnings(); len(w) != 1 || !strings.HasPrefix(w[0], "not read: ") {
		t.Errorf("warnings %q", w)
	}
	got, _ = ids(t, []string{filepath.Join(dir, "b", "*.jsonl"), filepath.Join(dir, "a.*")}, Options{})
	if want := []string{"B10", "B2", "A"}; !slices.Equal(got, want) {
		t.Errorf("globs: %v, want %v", got, want)
	}
	// A file named as such must be readable; a pattern must match.
	if _, err := Papers(context.Background(), []string{filepath.Join(dir, "manifest")}, Options{}, func(*coauthnet.Paper) error { return nil }); err == nil || !strings.Contains(err.Error(), "cannot tell the format") {
		t.Errorf("named undetectable file: %v", err)
	}
	if _, err := Papers(context.Background(), []string{filepath.Join(dir, "z*.jsonl")}, Options{}, func(*coauthnet.Paper) error { return nil }); err == nil || !strings.Contains(err.Error(), "no file matches") {
		t.Errorf("unmatched glob: %v", err)
	}
}

// TestDocumentationInDirectory: documentation kept beside exports
// (SOURCES.md, README, LICENSE, any Markdown) is left out of a directory
// and named in Summary.Documentation, which is no warning (so --strict
// passes); a file of another name whose format cannot be told is still
// a warning; a file whose format is detected is read whatever its name;
// documentation named as an input is an error that says what it is,
// without the "(give --from)" of an unknown format. Before, SOURCES.md
// was a warning "cannot tell the format … (give --from)".
func TestDocumentationInDirectory(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.jsonl"), rec("A", "", "CN"))
	write(t, filepath.Join(dir, "SOURCES.md"), "# Sources: wos-wosfile\n\nFiles from …\n")
	write(t, filepath.Join(dir, "LICENSE"), "                                 Apache License\n")
	write(t, filepath.Join(dir, "sub", "README.txt"), "These files were exported on …\n")
	write(t, filepath.Join(dir, "sub", "notes.markdown"), "Notes\n=====\n")
	write(t, filepath.Join(dir, "sources.jsonl"), rec("S", "", "US")) // data, by its content
	write(t, filepath.Join(dir, "manifest"), "not a bibliographic file\n")
	got, s := ids(t, []string{dir}, Options{})
	if want := []string{"A", "S"}; !slices.Equal(got, want) {
		t.Errorf("ids %v, want %v", got, want)
	}
	wantDoc := []string{filepath.Join(dir, "LICENSE"), filepath.Join(dir, "SOURCES.md"), filepath.Join(dir, "sub", "README.txt"), filepath.Join(dir, "sub", "notes.markdown")}
	if !slices.Equal(s.Documentation, wantDoc) {
		t.Errorf("Documentation %q, want %q", s.Documentation, wantDoc)
	}
	if w := s.Warnings(); len(w) != 1 || !strings.HasPrefix(w[0], "not read: "+filepath.Join(dir, "manifest")+": cannot tell the format") {
		t.Errorf("warnings %q, want only the manifest's", w)
	}
	// By a glob pattern, as in a directory (sub is walked).
	if _, s := ids(t, []string{filepath.Join(dir, "*")}, Options{}); !slices.Equal(s.Documentation, wantDoc) || len(s.Warnings()) != 1 {
		t.Errorf("glob: Documentation %q, warnings %q", s.Documentation, s.Warnings())
	}
	_, err := Papers(context.Background(), []string{filepath.Join(dir, "SOURCES.md")}, Options{}, func(*coauthnet.Paper) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "SOURCES.md: not a bibliographic export but documentation") || strings.Contains(err.Error(), "--from") {
		t.Errorf("named SOURCES.md: %v", err)
	}
}

// TestDocumentationRealDirectory: the real case, a directory of two WoS
// exports (plain text and tab-delimited UTF-16, 50 records each, the same
// papers: SOURCES.md there) with its SOURCES.md, reads without a
// warning. Skips when ../shared/testdata-real is absent.
func TestDocumentationRealDirectory(t *testing.T) {
	dir := "../../shared/testdata-real/wos-wosfile"
	if _, err := os.Stat(filepath.Join(dir, "SOURCES.md")); err != nil {
		t.Skipf("real test data not available: %v", err)
	}
	_, s := ids(t, []string{dir}, Options{})
	if s.Read != 100 || len(s.Inputs) != 2 || !slices.Equal(s.Documentation, []string{filepath.Join(dir, "SOURCES.md")}) || len(s.Warnings()) != 0 {
		t.Errorf("read %d from %d inputs, documentation %q, warnings %q", s.Read, len(s.Inputs), s.Documentation, s.Warnings())
	}
}

// Every sentinel of every reader has a named reason, and an unknown error
// is named by its innermost text, never "other".
func TestReasonNamed(t *testing.T) {
	for _, err := range []error{jsonl.ErrSyntax, jsonl.ErrType, jsonl.ErrLineTooLong, coauthnet.ErrNoYear, coauthnet.ErrNoID,
		coauthnet.ErrBadCountry, wos.ErrGarbage, wos.ErrTruncated, wos.ErrNoUT, scopus.ErrNoEID, openalex.ErrNoID,
		wos.ErrBadYear, scopus.ErrBadYear, wos.ErrNoYear, openalex.ErrNoYear} {
		pe := &coauthnet.ParseError{Format: "x", Line: 3, Err: fmt.Errorf("wrapped: %w", err)}
		if r := Reason(pe); r == "" || r == "other" || r == "wrapped" {
			t.Errorf("Reason(%v) = %q", err, r)
		}
	}
	// A cut-short line wraps bad JSON (or a CSV reason) too: it is named
	// for the cut, counted apart from other bad JSON.
	for _, err := range []error{jsonl.ErrCutShort, openalex.ErrCutShort, scopus.ErrCutShort} {
		pe := &coauthnet.ParseError{Format: "x", Line: 3, Err: fmt.Errorf("%w: %w", err, jsonl.ErrSyntax)}
		if r := Reason(pe); r != "file cut short" {
			t.Errorf("Reason(%v) = %q, want file cut short", pe, r)
		}
	}
	pe := &coauthnet.ParseError{Format: "csv", Line: 3, Err: fmt.Errorf("row 3: %w", errors.New("too many columns: 9"))}
	if r := Reason(pe); r != "too many columns" {
		t.Errorf("unknown error named %q, want its innermost text", r)
	}
}

// Coverage: the share of papers with a country and (at institution level)
// an institution, per input, warned about below MinCoverage.
func TestCoverageWarnings(t *testing.T) {
	dir := t.TempDir()
	// 4 of 5 papers with a country (80 %: no warning), 3 of 5 with an
	// institution (60 %: a warning at institution level only).
	noCountry := `{"id":"N","year":2019,"authors":[{"affiliations":[{"institution":"U"}]}]}` + "\n"
	noInst := `{"id":"I","year":2019,"authors":[{"affiliations":[{"country":"CN"}]}]}` + "\n"
	noInst2 := `{"id":"I2","year":2019,"authors":[{"affiliations":[{"country":"ZZ"}]},{"affiliations":[{"country":"US"}]}]}` + "\n"
	f := write(t, filepath.Join(dir, "c.jsonl"), rec("A", "", "CN")+rec("B", "", "US")+noCountry+noInst+noInst2)
	_, s := ids(t, []string{f}, Options{Need: Countries})
	in := s.Inputs[0]
	// At country level the institution strings are not decoded.
	if in.Papers != 5 || in.WithCountry != 4 || in.WithInstitution != 0 {
		t.Errorf("coverage %+v", in)
	}
	if w := s.Warnings(); len(w) != 0 {
		t.Errorf("country level: %q", w)
	}
	_, s = ids(t, []string{f}, Options{Need: Institutions})
	if in := s.Inputs[0]; in.Papers != 5 || in.WithCountry != 4 || in.WithInstitution != 3 {
		t.Errorf("coverage %+v", in)
	}
	if w := s.Warnings(); len(w) != 1 || !strings.Contains(w[0], "only 60.0% of the 5 papers of "+f+" have an institution") {
		t.Errorf("institution level: %q", w)
	}
	// 1 of 2 with a country: warned at every level, ZZ not a country.
	g := write(t, filepath.Join(dir, "d.jsonl"), rec("A", "", "CN")+`{"id":"Z","year":2019,"authors":[{"affiliations":[{"country":"ZZ"}]}]}`+"\n")
	_, s = ids(t, []string{g}, Options{})
	if w := s.Warnings(); len(w) != 1 || !strings.Contains(w[0], "only 50.0% of the 2 papers") || !strings.Contains(w[0], "country") {
		t.Errorf("warnings %q", w)
	}
}

// A cancelled context stops loading with its error; a sink error is
// returned as it is.
func TestCancelAndSinkError(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Papers(ctx, nil, Options{Sample: true}, func(*coauthnet.Paper) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
	stop := errors.New("enough")
	n := 0
	s, err := Papers(context.Background(), nil, Options{Sample: true}, func(*coauthnet.Paper) error {
		n++
		if n == 10 {
			return stop
		}
		return nil
	})
	if err != stop || s.Passed != 10 {
		t.Errorf("sink error: %v after %d", err, s.Passed)
	}
}

// Coverage of every real export of shared/testdata-real, the measurement
// behind MinCoverage: each must be far above it.
func TestCoverageOfRealExports(t *testing.T) {
	const real = "../../shared/testdata-real"
	if _, err := os.Stat(real); err != nil {
		t.Skipf("real test data not available: %v", err)
	}
	files, _ := filepath.Glob(filepath.Join(real, "*", "*"))
	for _, f := range files {
		if fi, err := os.Stat(f); err != nil || fi.IsDir() || strings.HasSuffix(f, ".md") || strings.Contains(f, "LICENSE") || strings.HasSuffix(f, ".py") {
			continue
		}
		s, err := Papers(context.Background(), []string{f}, Options{Need: Institutions}, func(*coauthnet.Paper) error { return nil })
		if err != nil {
			t.Logf("%s: %v", f, err)
			continue
		}
		for _, in := range s.Inputs {
			if in.Papers == 0 {
				continue
			}
			c, i := float64(in.WithCountry)/float64(in.Papers), float64(in.WithInstitution)/float64(in.Papers)
			t.Logf("%s: %s, %d papers, country %.1f%%, institution %.1f%%", in.Name, in.Format, in.Papers, 100*c, 100*i)
			// OpenAlex: see MinCoverage (93 of 200 works with a country
			// by an independent parse, SOURCES.md).
			if low := in.Format == "openalex"; (c < MinCoverage) != low || (i < MinCoverage) != low || (len(s.Warnings()) == 2) != low {
				t.Errorf("%s: coverage %.3f %.3f, warnings %q", in.Name, c, i, s.Warnings())
			}
		}
	}
}

// The title rule: same title (case, punctuation and white space aside),
// same year, same first-author surname ("Li, X" in WoS form, "Xiang Li"
// in OpenAlex form), different ids and no DOIs. Not in the default.
func TestDedupTitle(t *testing.T) {
	dir := t.TempDir()
	rec := func(id, title, author string, year int) string {
		return fmt.Sprintf(`{"id":%q,"title":%q,"year":%d,"authors":[{"name":%q,"affiliations":[{"country":"CN"}]}]}`+"\n", id, title, year, author)
	}
	f := write(t, filepath.Join(dir, "t.jsonl"),
		rec("WOS:1", "Graphene: a  Review.", "Li, X", 2019)+
			rec("W9", "GRAPHENE - A REVIEW", "Xiang Li", 2019)+ // duplicate of WOS:1
			rec("W10", "Graphene: a review", "Xiang Li", 2020)+ // another year
			rec("W11", "Graphene: a review", "Wang, Y", 2019)+ // another first author
			rec("W12", "", "Li, X", 2019)) // no title: never a duplicate by title
	got, s := ids(t, []string{f}, Options{Dedup: DefaultDedup | DedupTitle, List: true})
	if want := []string{"WOS:1", "W10", "W11", "W12"}; !slices.Equal(got, want) || s.Duplicates["title"] != 1 {
		t.Errorf("passed %v, duplicates %v", got, s.Duplicates)
	}
	if got, _ := ids(t, []string{f}, Options{}); len(got) != 5 {
		t.Errorf("default rules dropped by title: %v", got)
	}
	for in, want := range map[string]string{"Li, X": "li", "Xiang Li": "li", "van der Berg, J": "van der berg", "O'Neil, P": "o neil", "": "",
		// Scopus without "Author full names": "Surname I.".
		"Rahmani A.M.": "rahmani", "Lee K.-C.": "lee", "van der Berg J.": "van der berg", "Smith J. C.": "smith",
		"Ch.": "ch", "J. Smith": "smith", "Li X": "x"} {
		if got := Surname(in); got != want {
			t.Errorf("Surname(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNotISOCounts: every affiliation whose country is not an ISO 3166-1
// code (nor ZZ, the unknown country) is counted each time it occurs, the
// first time through the map and later through the two-letter table. By
// hand: XK 3 (paper a, b, f), QQ 1; US, GB and ZZ are not counted; c
// ("xk") and d ("XKX") are skipped as countries that are not 2-letter
// codes and never reach the count.
func TestNotISOCounts(t *testing.T) {
	dir := t.TempDir()
	p := write(t, filepath.Join(dir, "iso.jsonl"), rec("a", "", "XK")+rec("a2", "", "US")+
		`{"id":"b","year":2019,"authors":[{"affiliations":[{"country":"XK"},{"country":"QQ"},{"country":"ZZ"}]}]}`+"\n"+
		rec("c", "", "xk")+rec("d", "", "XKX")+rec("e", "", "GB")+rec("f", "", "XK"))
	_, s := ids(t, []string{p}, Options{Dedup: NoDedup, Need: Countries, AsRead: true})
	want := map[string]int{"XK": 3, "QQ": 1}
	if fmt.Sprint(s.NotISO) != fmt.Sprint(want) || s.Skipped != 2 || s.Reasons["country not a 2-letter code"] != 2 {
		t.Errorf("NotISO %v (want %v), %d skipped %v (want 2, country not a 2-letter code)", s.NotISO, want, s.Skipped, s.Reasons)
	}
}

// TestInputSHA256: the SHA-256 of each input in the summary is that of
// its raw bytes (crypto/sha256 over the whole file, compressed bytes for
// a gzip file), whichever path read it: chunks of JSON Lines decoded in
// parallel (3 MB, several chunks), a gzip stream, and a sequential format
// (OpenAlex works).
func TestInputSHA256(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := 0; b.Len() < 3<<20; i++ {
		b.WriteString(rec(fmt.Sprintf("p%d", i), "", "FR"))
	}
	big := write(t, filepath.Join(dir, "big.jsonl"), b.String())
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(b.String()[:200000]))
	zw.Close()
	gzPath := write(t, filepath.Join(dir, "part.jsonl.gz"), gz.String())
	oa := write(t, filepath.Join(dir, "works.jsonl"),
		`{"id":"https://openalex.org/W1","publication_year":2020,"authorships":[{"institutions":[{"country_code":"fr"}]}]}`+"\n"+
			`{"id":"https://openalex.org/W2","publication_year":2021,"authorships":[{"countries":["DE"]}]}`+"\n")
	files := []string{big, gzPath, oa}
	_, s := ids(t, files, Options{Dedup: NoDedup, Need: Countries})
	if len(s.Inputs) != len(files) {
		t.Fatalf("%d inputs, want %d", len(s.Inputs), len(files))
	}
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		if got, want := s.Inputs[i].SHA256, hex.EncodeToString(sum[:]); got != want || s.Inputs[i].Bytes != int64(len(data)) {
			t.Errorf("%s: sha256 %s, %d bytes; want %s, %d bytes", f, got, s.Inputs[i].Bytes, want, len(data))
		}
	}
}

// A JSON Lines file cut mid-line (as a stopped download leaves it): its
// last record is skipped as "file cut short", the others are read.
func TestCutShortFile(t *testing.T) {
	dir := t.TempDir()
	whole := rec("a", "", "CN") + rec("b", "", "US")
	cut := write(t, filepath.Join(dir, "cut.jsonl"), whole+rec("c", "", "DE")[:30])
	got, s := ids(t, []string{cut}, Options{})
	if !slices.Equal(got, []string{"a", "b"}) || s.Skipped != 1 || s.Reasons["file cut short"] != 1 {
		t.Errorf("papers %v, skipped %d, reasons %v", got, s.Skipped, s.Reasons)
	}
	// Without the cut line, a whole last line without "\n" is read.
	noEOL := write(t, filepath.Join(dir, "noeol.jsonl"), strings.TrimSuffix(whole, "\n"))
	if got, s := ids(t, []string{noEOL}, Options{}); len(got) != 2 || s.Skipped != 0 {
		t.Errorf("no line end: papers %v, skipped %d", got, s.Skipped)
	}
}

// A CSV file whose header is neither Scopus's nor the canonical one (here
// refsplitr's table of authors, a real file) is not advised --from, which
// would not read it: the error says it is such a CSV and lists its
// columns. Prose with commas is not taken for a CSV header.
func TestUnknownCSV(t *testing.T) {
	for _, c := range []struct {
		head string
		want string // in the error; "" for ErrUnknownCSV not wrapped
	}{
		{"id,year,country\nW1,2019,CN\n", "its columns are id, year, country"},
		{`"","authorID","groupID","match_name","matchID","similarity","confidence","flagged","AU","AF"` + "\n",
			`its columns are "", authorID, groupID, match_name, matchID, similarity, confidence, flagged, … (10 columns)`},
		{`Title,"Authors, in order",Year` + "\n", `its columns are Title, "Authors, in order", Year`},
		{"Hello, this is a note about the data, which was exported.\n", ""},
		{"a,b\n", ""}, // two cells: not enough to call it a table
	} {
		_, err := Detect([]byte(c.head))
		if err == nil || errors.Is(err, ErrUnknownCSV) != (c.want != "") || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v", c.head, err)
		}
		if c.want != "" && strings.Contains(err.Error(), "--from") {
			t.Errorf("%q: %v advises --from", c.head, err)
		}
	}
	path := "../../shared/testdata-real/wos-plain-refsplitr/example_a_clean_prelim.csv"
	if _, err := os.Stat(path); err != nil {
		t.Skip("shared/testdata-real absent")
	}
	dir := t.TempDir()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "refsplitr.csv"), string(b))
	write(t, filepath.Join(dir, "a.jsonl"), rec("A", "", "CN"))
	_, s := ids(t, []string{dir}, Options{})
	if len(s.NotRead) != 1 || !strings.Contains(s.NotRead[0], `refsplitr.csv: not a format coauthnet reads: a CSV file whose columns are`) ||
		!strings.Contains(s.NotRead[0], "(29 columns)") {
		t.Errorf("NotRead %q", s.NotRead)
	}
}
