package jsonl

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/io/internal/jsonscan"
)

// decodeNoValidate runs the fast decoder without Validate.
func decodeNoValidate(line []byte, p *coauthnet.Paper) error {
	d := decoder{Scanner: jsonscan.Scanner{Cache: map[string]string{}}}
	d.setLine(line, string(line), 0)
	return d.paper(p)
}

var knownKeys = map[string]bool{
	"id": true, "doi": true, "title": true, "year": true, "fields": true, "citations": true, "authors": true,
	"name": true, "orcid": true, "corresponding": true, "affiliations": true,
	"institution": true, "institution_id": true, "country": true,
}

// ambiguous reports whether the JSON in b has an object with a repeated
// key or a key that matches a field name only case-insensitively: there
// encoding/json (case-insensitive, merging into reused slice elements)
// and the fast decoder (exact keys) are meant to differ.
func ambiguous(b []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(b))
	type frame struct {
		obj     bool
		keyNext bool
		keys    map[string]bool
	}
	var stack []*frame
	for {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if top != nil && top.obj && top.keyNext {
			if k, ok := tok.(string); ok {
				if top.keys[k] || (!knownKeys[k] && knownKeys[strings.ToLower(k)]) {
					return true
				}
				for kk := range knownKeys {
					if kk != k && strings.EqualFold(kk, k) {
						return true
					}
				}
				top.keys[k] = true
				top.keyNext = false
				continue
			}
		}
		switch tok {
		case json.Delim('{'):
			if top != nil && top.obj {
				top.keyNext = true
			}
			stack = append(stack, &frame{obj: true, keyNext: true, keys: map[string]bool{}})
			continue
		case json.Delim('['):
			if top != nil && top.obj {
				top.keyNext = true
			}
			stack = append(stack, &frame{})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
			if len(stack) > 0 && stack[len(stack)-1].obj {
				stack[len(stack)-1].keyNext = true
			}
			continue
		}
		if top != nil && top.obj {
			top.keyNext = true
		}
	}
}

// FuzzDecodeMatchesStdlib holds the fast decoder to encoding/json on the
// fields of coauthnet.Paper: the same inputs are malformed, the same have
// fields of the wrong type, and the same values come out, except where
// the JSON has repeated or case-variant keys (see ambiguous).
func FuzzDecodeMatchesStdlib(f *testing.F) {
	for _, l := range strings.Split(mixed, "\n") {
		f.Add([]byte(l))
	}
	f.Add([]byte(good))
	f.Add([]byte(`{"id":"a\u00e9\ud83d\ude00\ud800x","year":-0,"citations":null,"authors":[null,{"affiliations":[null,{"country":"C\u004e"}]}]}`))
	f.Add([]byte(`{"id":"x","year":1e3}`))
	f.Add([]byte(`{"id":"x","year":2019,"citations":12,"fields":["a",null,"b"],"z":[1,{"a":[true,false,null]},-1.5e-3]}`))
	f.Add([]byte(`[1,2]`))
	f.Add([]byte(`{"id":"\xff\xfe","year":2019} `))
	f.Fuzz(func(t *testing.T, b []byte) {
		var fast, std coauthnet.Paper
		ferr := decodeNoValidate(b, &fast)
		serr := json.Unmarshal(b, &std)
		var se *json.SyntaxError
		stdSyntax := errors.As(serr, &se)
		fastSyntax := errors.Is(ferr, ErrSyntax)
		if stdSyntax != fastSyntax {
			t.Fatalf("syntax: encoding/json %v, fast %v\ninput %q", serr, ferr, b)
		}
		if stdSyntax || ambiguous(b) {
			return
		}
		var te *json.UnmarshalTypeError
		stdType := errors.As(serr, &te)
		fastType := errors.Is(ferr, ErrType)
		if serr != nil && !stdType {
			// Other encoding/json errors (e.g. a top-level non-object into
			// a struct is a type error too); both must fail.
			if ferr == nil {
				t.Fatalf("encoding/json failed (%v), fast did not\ninput %q", serr, b)
			}
			return
		}
		if stdType != fastType {
			t.Fatalf("type: encoding/json %v, fast %v\ninput %q", serr, ferr, b)
		}
		if !reflect.DeepEqual(fast, std) {
			t.Fatalf("values differ\nfast %+v\nstd  %+v\ninput %q", fast, std, b)
		}
	})
}

func TestDecodeExactKeys(t *testing.T) {
	var p coauthnet.Paper
	err := Decode([]byte(`{"id":"a","YeAr":2019,"authors":[]}`), &p)
	if !errors.Is(err, coauthnet.ErrNoYear) {
		t.Errorf("YeAr read as year: err %v, year %d", err, p.Year)
	}
}

// FuzzMinimalMatchesFull holds Chunk.Minimal and Chunk.Countries to the
// full decoder: the same lines are skipped (same error class), and the
// papers equal the full ones with the left-out fields cleared.
func FuzzMinimalMatchesFull(f *testing.F) {
	for _, l := range strings.Split(mixed, "\n") {
		f.Add([]byte(l))
	}
	f.Add([]byte(good))
	f.Add([]byte(`{"id":"x","year":2019,"authors":[{"name":5,"affiliations":[{"country":"CN"}]}]}`))
	f.Add([]byte(`{"id":"x","year":2019,"authors":[{"name":"a\u00e9","orcid":null,"affiliations":[{"institution":"\ud800","country":"CN"}]}]}`))
	f.Add([]byte(`{"id":"x","year":2019,"authors":[{"name":"a\q"}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		b = bytes.ReplaceAll(b, []byte("\n"), []byte(" "))
		full := Chunk{Name: "f", FirstLine: 1, Data: b}
		want, werrs := full.Decode(nil)
		for _, countries := range []bool{false, true} {
			c := full
			c.Minimal, c.Countries = !countries, countries
			got, errs := c.Decode(nil)
			if len(errs) != len(werrs) || len(got) != len(want) {
				t.Fatalf("countries=%v: %d papers %v, full decoder %d papers %v\ninput %q", countries, len(got), errs, len(want), werrs, b)
			}
			for i := range errs {
				if errors.Is(errs[i], ErrSyntax) != errors.Is(werrs[i], ErrSyntax) || errors.Is(errs[i], ErrType) != errors.Is(werrs[i], ErrType) {
					t.Fatalf("countries=%v: error %v, full decoder %v\ninput %q", countries, errs[i], werrs[i], b)
				}
			}
			for i := range got {
				w := want[i]
				w.Authors = slices.Clone(w.Authors)
				for j := range w.Authors {
					a := &w.Authors[j]
					a.Name, a.ID, a.ORCID = "", "", ""
					if countries {
						a.Affiliations = slices.Clone(a.Affiliations)
						for k := range a.Affiliations {
							a.Affiliations[k].Institution, a.Affiliations[k].InstitutionID = "", ""
						}
					}
				}
				if !reflect.DeepEqual(got[i], w) {
					t.Fatalf("countries=%v:\ngot  %+v\nwant %+v\ninput %q", countries, got[i], w, b)
				}
			}
		}
	})
}
