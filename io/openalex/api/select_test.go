package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/io/openalex"
)

// project keeps the root-level fields of a work named in sel, as the
// API's select= does.
func project(t *testing.T, work []byte, sel []string) []byte {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(work, &m); err != nil {
		t.Fatal(err)
	}
	for k := range m {
		if !slices.Contains(sel, k) {
			delete(m, k)
		}
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func readPapers(t *testing.T, works [][]byte) []coauthnet.Paper {
	r := openalex.NewReader(bytes.NewReader(concat(works)))
	var ps []coauthnet.Paper
	for {
		p, err := r.Read()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return ps
			}
			var pe *openalex.ParseError
			if errors.As(err, &pe) {
				ps = append(ps, coauthnet.Paper{ID: "skipped: " + err.Error()})
				continue
			}
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
}

// TestSelectKeepsWhatTheReaderReads: the works projected on
// DefaultSelect read into the same papers as the full works, so the
// default select= loses nothing that coauthnet uses; MinimalSelect
// loses only citations, fields and titles. On the real works when present
// (200 works, every field the API sends).
func TestSelectKeepsWhatTheReaderReads(t *testing.T) {
	ws := fixtureWorks(t)
	full := readPapers(t, ws)
	var def, minimal [][]byte
	for _, w := range ws {
		def = append(def, project(t, w, DefaultSelect))
		minimal = append(minimal, project(t, w, MinimalSelect))
	}
	if got := readPapers(t, def); !reflect.DeepEqual(got, full) {
		for i := range got {
			if !reflect.DeepEqual(got[i], full[i]) {
				t.Fatalf("work %d differs with select=%s:\n%+v\n%+v", i+1, strings.Join(DefaultSelect, ","), got[i], full[i])
			}
		}
	}
	got := readPapers(t, minimal)
	withCitations, withFields, withTitle := 0, 0, 0
	for i := range got {
		if full[i].Citations != nil {
			withCitations++
		}
		if full[i].Fields != nil {
			withFields++
		}
		if full[i].Title != "" {
			withTitle++
		}
		f := full[i]
		f.Citations, f.Fields, f.Title = nil, nil, ""
		if !reflect.DeepEqual(got[i], f) {
			t.Fatalf("work %d differs with select=%s beyond citations, fields and title", i+1, strings.Join(MinimalSelect, ","))
		}
	}
	if withCitations == 0 && withFields == 0 && withTitle == 0 {
		t.Error("no work with citations, a field or a title: the test cannot tell a projection that loses data")
	}
	t.Logf("%d works; %d with citations, %d with a field, %d with a title", len(full), withCitations, withFields, withTitle)
}

// TestGroupBy pages through group_by counts. The groups are the works'
// authorships.countries counted per work (what group_by counts), in
// pages of 10 behind cursors, in the envelope of a real recorded
// group_by page (rkrug/openalexPro tests/testthat/_snaps/003-pro_request/
// group_by_page_1.json: meta with count, groups_count and next_cursor,
// results empty, group_by rows of key, key_display_name, count).
func TestGroupBy(t *testing.T) {
	ws := fixtureWorks(t)
	counts := map[string]int64{}
	for _, w := range ws {
		var work struct {
			Authorships []struct {
				Countries []string `json:"countries"`
			} `json:"authorships"`
		}
		json.Unmarshal(w, &work)
		seen := map[string]bool{}
		for _, a := range work.Authorships {
			for _, c := range a.Countries {
				if !seen[c] {
					seen[c] = true
					counts[c]++
				}
			}
		}
	}
	var groups []Group
	for k, n := range counts {
		groups = append(groups, Group{Key: Key("https://openalex.org/countries/" + k), DisplayName: Key(k), Count: n})
	}
	slices.SortFunc(groups, func(a, b Group) int {
		if a.Count != b.Count {
			return int(b.Count - a.Count)
		}
		return strings.Compare(string(a.Key), string(b.Key))
	})
	rp := newReplay(nil, 1)
	per := 10
	n := (len(groups) + per - 1) / per
	for i := 0; i <= n; i++ {
		var page []Group
		next := "null"
		if i < n {
			page = groups[i*per : min(len(groups), (i+1)*per)]
			next = `"` + cursorOf(i+1) + `"`
		}
		rows, _ := json.Marshal(page)
		if page == nil {
			rows = []byte("[]")
		}
		rp.pages[cursorOf(i)] = fmt.Appendf(nil, `{"meta":{"count":%d,"db_response_time_ms":138,"page":null,"per_page":200,"next_cursor":%s,"groups_count":%d},"group_by":%s}`, len(ws), next, len(groups), rows)
	}
	c, _ := testClient(t, rp)
	res, err := c.GroupBy(context.Background(), Query{Filter: "publication_year:2000"}, "authorships.countries")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res.Groups, groups) || res.GroupsCount != int64(len(groups)) || res.Count != int64(len(ws)) || res.Pages != n+1 {
		t.Errorf("%d groups (count %d, %d pages), want %d", len(res.Groups), res.GroupsCount, res.Pages, len(groups))
	}
	if q := rp.requests[0]; q.Get("group_by") != "authorships.countries" || q.Get("filter") != "publication_year:2000" || q.Has("select") {
		t.Errorf("request %v", q)
	}
	var b bytes.Buffer
	WriteCSV(&b, res.Groups[:1])
	want := fmt.Sprintf("key,display_name,count\n%s,%s,%d\n", groups[0].Key, groups[0].DisplayName, groups[0].Count)
	if b.String() != want {
		t.Errorf("csv %q, want %q", b.String(), want)
	}
}

func TestGroupKey(t *testing.T) {
	var gs []Group
	err := json.Unmarshal([]byte(`[{"key":"US","key_display_name":"United States","count":3},{"key":2020,"key_display_name":"2020","count":2},{"key":true,"key_display_name":null,"count":1}]`), &gs)
	if err != nil || gs[0].Key != "US" || gs[1].Key != "2020" || gs[2].Key != "true" || gs[2].DisplayName != "" {
		t.Errorf("%+v %v", gs, err)
	}
	if err := json.Unmarshal([]byte(`[{"key":{"a":1}}]`), &gs); err == nil {
		t.Error("an object key accepted")
	}
}
