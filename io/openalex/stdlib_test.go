package openalex

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/io/internal/address"
	"github.com/coauthnet/coauthnet/io/internal/readertest"
)

type work struct {
	ID              string  `json:"id"`
	DOI             *string `json:"doi"`
	Title           string  `json:"title"`
	DisplayName     string  `json:"display_name"`
	PublicationYear *int    `json:"publication_year"`
	CitedByCount    *int    `json:"cited_by_count"`
	PrimaryTopic    *struct {
		Field *struct {
			DisplayName string `json:"display_name"`
		} `json:"field"`
	} `json:"primary_topic"`
	Authorships []struct {
		Author struct {
			ID          string  `json:"id"`
			DisplayName string  `json:"display_name"`
			ORCID       *string `json:"orcid"`
		} `json:"author"`
		Institutions []struct {
			ID          string  `json:"id"`
			DisplayName string  `json:"display_name"`
			ROR         *string `json:"ror"`
			CountryCode *string `json:"country_code"`
		} `json:"institutions"`
		Countries             []string `json:"countries"`
		IsCorresponding       *bool    `json:"is_corresponding"`
		RawAffiliationStrings []string `json:"raw_affiliation_strings"`
	} `json:"authorships"`
}

// stdlibDecode is the reader's decoder before io/internal/jsonscan:
// encoding/json into the struct work. It is the oracle of
// FuzzDecodeMatchesStdlib and TestRealFileMatchesStdlib.
func (r *Reader) stdlibDecode(b []byte, line int) (coauthnet.Paper, error) {
	var w work
	if err := json.Unmarshal(b, &w); err != nil {
		return coauthnet.Paper{}, &ParseError{Format: "openalex", Name: r.Name, Line: line, Err: err}
	}
	p := coauthnet.Paper{ID: short(w.ID, "https://openalex.org/")}
	fail := func(err error) (coauthnet.Paper, error) {
		return coauthnet.Paper{}, &ParseError{Format: "openalex", Name: r.Name, Line: line, ID: p.ID, Err: err}
	}
	if p.ID == "" {
		return fail(ErrNoID)
	}
	if w.PublicationYear == nil {
		return fail(ErrNoYear)
	}
	p.Year = *w.PublicationYear
	if w.DOI != nil {
		p.DOI = short(*w.DOI, "https://doi.org/")
	}
	p.Title = w.Title
	if p.Title == "" {
		p.Title = w.DisplayName
	}
	p.Citations = w.CitedByCount
	if t := w.PrimaryTopic; t != nil && t.Field != nil && t.Field.DisplayName != "" {
		p.Fields = []string{t.Field.DisplayName}
	}
	for _, as := range w.Authorships {
		a := coauthnet.Author{
			Name: as.Author.DisplayName,
			ID:   short(as.Author.ID, "https://openalex.org/"),
		}
		if as.Author.ORCID != nil {
			a.ORCID = short(*as.Author.ORCID, "https://orcid.org/")
		}
		if as.IsCorresponding != nil {
			a.Corresponding = *as.IsCorresponding
		}
		for _, in := range as.Institutions {
			af := coauthnet.Affiliation{Institution: in.DisplayName, InstitutionID: short(in.ID, "https://openalex.org/")}
			if in.ROR != nil && *in.ROR != "" {
				af.InstitutionID = *in.ROR
			}
			if in.CountryCode != nil {
				af.Country = strings.ToUpper(*in.CountryCode)
			}
			a.Affiliations = append(a.Affiliations, af)
		}
		if len(as.Institutions) == 0 {
			for _, c := range as.Countries {
				a.Affiliations = append(a.Affiliations, coauthnet.Affiliation{Country: strings.ToUpper(c)})
			}
		}
		if len(as.Institutions) == 0 && len(as.Countries) == 0 {
			for _, s := range as.RawAffiliationStrings {
				ad := address.Parse(s)
				if ad.Country == "" && ad.CountryText != "" {
					r.Unmapped[ad.CountryText]++
				}
				a.Affiliations = append(a.Affiliations, coauthnet.Affiliation{Institution: ad.Institution, Country: ad.Country})
			}
		}
		p.Authors = append(p.Authors, a)
	}
	if err := p.Validate(); err != nil {
		return fail(err)
	}
	return p, nil
}

// FuzzDecodeMatchesStdlib holds the scanner-based decoder to the
// encoding/json one: the same works are skipped, the others equal. Keys
// differing only in case are left out (encoding/json matches them,
// jsonscan does not, deliberately).
func FuzzDecodeMatchesStdlib(f *testing.F) {
	f.Add([]byte(work1))
	f.Add([]byte(`{"id":"https://openalex.org/W2","publication_year":2020,"authorships":[null,{"institutions":null,"countries":["us",null]}],"primary_topic":{"field":null}}`))
	f.Add([]byte(`{"id":"W3","publication_year":2020.5}`))
	f.Add([]byte(`{"id":"W4","publication_year":2020,"title":null,"display_name":"A \u00e9 title"}`))
	f.Add([]byte(`{"id":"W5","publication_year":2020,"title":"T","title":null,"display_name":7}`))
	f.Add([]byte(`{"id":"W6","publication_year":2020,"display_name":"A","title":"T","display_name":null,"title":""}`))
	f.Add([]byte(`{"id":"W3","publication_year":2020,"authorships":[{"countries":"CN"}]}`))
	f.Add([]byte(`{"id":"W3","publication_year":2020,"abstract_inverted_index":{"a":[1,2]},"authorships":[{"raw_affiliation_strings":["Univ X, Paris, France"]}]}`))
	if b, err := os.ReadFile(filepath.Join(real, "openalex-jsonl-openalexpro/jsonl")); err == nil {
		for _, l := range bytes.Split(b, []byte("\n"))[:5] {
			f.Add(l)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if bytes.ContainsAny(b, "\n\r") || foldedKey(b) {
			return
		}
		r1, r2 := NewReader(nil), NewReader(nil)
		want, werr := r1.stdlibDecode(b, 1)
		got, gerr := r2.decodeOne(b, 1)
		if (werr == nil) != (gerr == nil) {
			t.Fatalf("encoding/json %v, scanner %v\ninput %q", werr, gerr, b)
		}
		if werr == nil && !reflect.DeepEqual(got, want) {
			t.Fatalf("scanner  %+v\nencoding/json %+v\ninput %q", got, want, b)
		}
		if !reflect.DeepEqual(r1.Unmapped, r2.Unmapped) {
			t.Fatalf("unmapped %v, encoding/json %v", r2.Unmapped, r1.Unmapped)
		}
	})
}

// foldedKey reports whether b has a key that is one of the decoded keys
// in another case (or with a Kelvin or long-s rune that encoding/json
// folds), where the decoders differ by design.
func foldedKey(b []byte) bool {
	keys := []string{"id", "doi", "title", "publication_year", "cited_by_count", "primary_topic", "field", "display_name", "authorships", "author", "orcid", "institutions", "ror", "country_code", "countries", "is_corresponding", "raw_affiliation_strings"}
	var v any
	if json.Unmarshal(b, &v) != nil {
		return false
	}
	found := false
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				for _, want := range keys {
					if k != want && strings.EqualFold(k, want) {
						found = true
					}
				}
				if strings.ContainsAny(k, "\u212a\u017f") {
					found = true
				}
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
	return found
}

// TestRealFileMatchesStdlib decodes the 200 real works both ways.
func TestRealFileMatchesStdlib(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(real, "openalex-jsonl-openalexpro/jsonl"))
	if err != nil {
		t.Skip("shared real test data absent:", err)
	}
	r := NewReader(bytes.NewReader(b))
	got, _, err := readertest.Collect(r)
	if err != nil {
		t.Fatal(err)
	}
	o := NewReader(nil)
	var want []coauthnet.Paper
	for i, l := range bytes.Split(bytes.TrimSpace(b), []byte("\n")) {
		p, err := o.stdlibDecode(l, i+1)
		if err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		want = append(want, p)
	}
	if len(got) != 200 || !reflect.DeepEqual(got, want) {
		t.Fatalf("%d papers; differ from encoding/json's", len(got))
	}
	if !reflect.DeepEqual(r.Unmapped, o.Unmapped) {
		t.Errorf("unmapped %v, encoding/json %v", r.Unmapped, o.Unmapped)
	}
}
