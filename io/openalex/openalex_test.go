package openalex

import (
	"bytes"
	"encoding/json"
	"errors"
	"github.com/coauthnet/coauthnet/io/internal/readertest"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet"
)

const real = "../../../shared/testdata-real"

const work1 = `{"id":"https://openalex.org/W1","doi":"https://doi.org/10.1/a","publication_year":2019,"cited_by_count":3,"primary_topic":{"field":{"display_name":"Chemistry"}},"authorships":[{"author":{"id":"https://openalex.org/A1","display_name":"Li X","orcid":"https://orcid.org/0000-0001"},"institutions":[{"id":"https://openalex.org/I1","display_name":"Tsinghua University","ror":"https://ror.org/03cve4549","country_code":"CN"}],"countries":["CN"],"is_corresponding":true},{"author":{"id":"https://openalex.org/A2","display_name":"Smith J"},"institutions":[],"countries":["US"]},{"author":{"id":"https://openalex.org/A3","display_name":"Raw R"},"institutions":[],"countries":[],"raw_affiliation_strings":["Dept X, Univ Y, Lagos, Nigeria"]},{"author":{"id":"https://openalex.org/A4","display_name":"None N"},"institutions":[{"id":"https://openalex.org/I9","display_name":"Some Lab","ror":null,"country_code":null}],"countries":[]}]}`

func read(t *testing.T, in string) ([]coauthnet.Paper, []*ParseError, *Reader, error) {
	t.Helper()
	r := NewReader(strings.NewReader(in))
	r.Name = "works.jsonl"
	ps, skips, err := readertest.Collect(r)
	return ps, skips, r, err
}

func TestWork(t *testing.T) {
	ps, pes, _, err := read(t, work1+"\n"+`{"id":"https://openalex.org/W2","authorships":[]}`+"\n{bad\n")
	if err != nil || len(ps) != 1 || len(pes) != 2 {
		t.Fatalf("%d papers %d skipped %v", len(ps), len(pes), err)
	}
	if !errors.Is(pes[0], ErrNoYear) || pes[0].Line != 2 || pes[1].Line != 3 {
		t.Errorf("skips %v; %v", pes[0], pes[1])
	}
	p := ps[0]
	if p.ID != "W1" || p.DOI != "10.1/a" || p.Year != 2019 || *p.Citations != 3 || p.Fields[0] != "Chemistry" {
		t.Errorf("paper %+v", p)
	}
	a := p.Authors
	if a[0].ID != "A1" || a[0].ORCID != "0000-0001" || !a[0].Corresponding {
		t.Errorf("author 1 %+v", a[0])
	}
	if af := a[0].Affiliations[0]; af.InstitutionID != "https://ror.org/03cve4549" || af.Country != "CN" || af.Institution != "Tsinghua University" {
		t.Errorf("ROR key: %+v", af)
	}
	if af := a[1].Affiliations; len(af) != 1 || af[0].Country != "US" || af[0].Institution != "" {
		t.Errorf("countries only: %+v", af)
	}
	if af := a[2].Affiliations; len(af) != 1 || af[0].Country != "NG" || af[0].Institution != "Univ Y" {
		t.Errorf("raw string: %+v", af)
	}
	if af := a[3].Affiliations[0]; af.InstitutionID != "I9" || af.Country != "" {
		t.Errorf("OpenAlex id key: %+v", af)
	}
}

func TestPage(t *testing.T) {
	page := `{"meta":{"count":2},"results":[` + work1 + `,{"id":"https://openalex.org/W3","publication_year":2020,"authorships":[]}]}`
	var pretty bytes.Buffer
	json.Indent(&pretty, []byte(page), "", "  ")
	for _, in := range []string{page, pretty.String()} {
		ps, pes, r, err := read(t, in)
		if err != nil || len(ps) != 2 || len(pes) != 0 || r.Format != Page || ps[1].ID != "W3" {
			t.Errorf("page: %d papers, %v, %v, %s", len(ps), pes, err, r.Format)
		}
	}
	if _, _, _, err := read(t, "id,year\n"); err == nil {
		t.Error("CSV read as OpenAlex")
	}
}

func TestRealFile(t *testing.T) {
	f, err := os.Open(filepath.Join(real, "openalex-jsonl-openalexpro/jsonl"))
	if err != nil {
		t.Skipf("real test data not available: %v", err)
	}
	defer f.Close()
	b, _ := io.ReadAll(f)
	ps, pes, r, err := read(t, string(b))
	if err != nil || len(pes) != 0 {
		t.Fatalf("%v %v", pes, err)
	}
	// SOURCES.md: 200 works; 93 with at least one institution country;
	// authorships[].countries agree with institution countries in all.
	if len(ps) != 200 || r.Format != Lines {
		t.Errorf("%d papers (%s), want 200", len(ps), r.Format)
	}
	// Independent route: the countries array of each authorship, read
	// with encoding/json into maps here, must equal the set of countries
	// of our affiliations for that work; where an authorship has neither
	// institutions nor countries we also read its raw affiliation
	// strings, so there ours may hold more (a superset).
	agree, recovered := 0, 0
	for i, line := range bytes.Split(bytes.TrimSpace(b), []byte("\n")) {
		var w map[string]any
		json.Unmarshal(line, &w)
		want := map[string]bool{}
		raw := false
		for _, as := range w["authorships"].([]any) {
			m := as.(map[string]any)
			for _, c := range m["countries"].([]any) {
				want[c.(string)] = true
			}
			raw = raw || (len(m["countries"].([]any)) == 0 && len(m["institutions"].([]any)) == 0 && len(m["raw_affiliation_strings"].([]any)) > 0)
		}
		got := map[string]bool{}
		for _, a := range ps[i].Authors {
			for _, af := range a.Affiliations {
				if af.Country != "" {
					got[af.Country] = true
				}
			}
		}
		superset := true
		for c := range want {
			superset = superset && got[c]
		}
		switch {
		case superset && len(got) == len(want):
			agree++
		case superset && raw:
			recovered++
		default:
			t.Errorf("%s: ours %v, authorships.countries %v", ps[i].ID, got, want)
		}
	}
	t.Logf("country sets: %d of %d works agree; %d more have countries only in raw affiliation strings, which we read", agree, len(ps), recovered)
	agree += recovered
	if agree < 194 { // ≥ 97%
		t.Errorf("agreement %d/200 < 97%%", agree)
	}
}

func FuzzReader(f *testing.F) {
	f.Add([]byte(work1))
	f.Add([]byte(`{"meta":{},"results":[` + work1 + `]}`))
	if b, err := os.ReadFile(filepath.Join(real, "openalex-jsonl-openalexpro/jsonl")); err == nil {
		f.Add(b[:30000])
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		readertest.Contract(t, NewReader(bytes.NewReader(data)))
	})
}

// A last line without a line end that is not valid JSON is cut short; the
// same line with a line end, or a whole last line without one, is not.
func TestCutShort(t *testing.T) {
	cut := `{"id":"https://openalex.org/W2","publication_year":2020,"authorships":[{"countries":["F`
	for _, c := range []struct {
		in       string
		skip     int // line skipped, 0 for none
		cutShort bool
	}{
		{work1 + "\n" + cut, 2, true},
		{work1 + "\n" + cut + "\n", 2, false},
		{work1 + "\n" + work1, 0, false},
		{work1 + "\n" + cut + "\n" + work1, 2, false}, // not line 1: a first line that is not whole JSON is read as an API page
	} {
		ps, skips, _, err := read(t, c.in)
		if err != nil {
			t.Fatal(err)
		}
		if c.skip == 0 {
			if len(skips) != 0 || len(ps) != 2 {
				t.Errorf("%q: %d papers, skips %v", c.in, len(ps), skips)
			}
			continue
		}
		if len(skips) != 1 || skips[0].Line != c.skip || errors.Is(skips[0], ErrCutShort) != c.cutShort || !errors.Is(skips[0], ErrSyntax) {
			t.Errorf("%q: skips %v, want line %d cut short %v", c.in, skips, c.skip, c.cutShort)
		}
	}
}
