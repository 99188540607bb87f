package api

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// realWorks is ../shared/testdata-real's OpenAlex file: 200 works as
// the API returned them, recorded by rkrug/openalexPro's tests
// (GPL-2.0-or-later, so read in place and not copied; see its
// SOURCES.md).
const realWorks = "../../../../shared/testdata-real/openalex-jsonl-openalexpro/jsonl"

// fixtureWorks returns the real works, one compacted JSON object each;
// without testdata-real, 200 small synthetic works (so the mechanics are
// still tested; t.Log says which).
func fixtureWorks(t testing.TB) [][]byte {
	t.Helper()
	f, err := os.Open(realWorks)
	if err != nil {
		t.Logf("testdata-real absent (%v): synthetic works", err)
		var ws [][]byte
		for i := range 200 {
			ws = append(ws, fmt.Appendf(nil, `{"id":"https://openalex.org/W%d","publication_year":%d,"cited_by_count":3,"authorships":[{"author":{"id":"https://openalex.org/A%d","display_name":"A %d"},"institutions":[],"countries":["US"]},{"author":{"id":"https://openalex.org/A%d","display_name":"B %d"},"institutions":[],"countries":["%s"]}]}`,
				i+1, 2000+i%5, 2*i, i, 2*i+1, i, []string{"CN", "DE", "GB"}[i%3]))
		}
		return ws
	}
	defer f.Close()
	var ws [][]byte
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var b bytes.Buffer
		if err := json.Compact(&b, sc.Bytes()); err != nil {
			t.Fatal(err)
		}
		ws = append(ws, b.Bytes())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(ws) != 200 {
		t.Fatalf("%s: %d works, SOURCES.md says 200", realWorks, len(ws))
	}
	return ws
}

// A response the replay server sends instead of a page, once.
type canned struct {
	status     int
	retryAfter string
	body       string
}

// replay serves works in pages of per works behind cursors, as the
// works endpoint does: the meta object is the one of a real recorded
// cursor page (rkrug/openalexPro tests/testthat/_snaps/
// 005-pro_fetch_search/json: count, db_response_time_ms, page null,
// per_page, next_cursor, groups_count null, cost_usd), the cursors are
// opaque base64 strings, and after the last page of works comes an
// empty page whose next_cursor is null.
type replay struct {
	mu       sync.Mutex
	pages    map[string][]byte // cursor → page body
	cursors  []string          // in order; cursors[0] = "*"
	before   map[string][]canned
	requests []url.Values
	count    int // meta.count announced
}

func cursorOf(i int) string {
	if i == 0 {
		return "*"
	}
	return base64.StdEncoding.EncodeToString(fmt.Appendf(nil, `["%d", 'https://openalex.org/W%d']`, i, i))
}

// newReplay pages works; count is the announced meta.count (len(works)
// when 0).
func newReplay(works [][]byte, per int) *replay {
	r := &replay{pages: map[string][]byte{}, before: map[string][]canned{}, count: len(works)}
	n := (len(works) + per - 1) / per
	for i := 0; i <= n; i++ {
		r.cursors = append(r.cursors, cursorOf(i))
	}
	for i := 0; i <= n; i++ {
		var res [][]byte
		if i < n {
			res = works[i*per : min(len(works), (i+1)*per)]
		}
		r.setPage(i, res, i < n)
	}
	return r
}

// pageBody is a works page in the API's envelope.
func pageBody(count, per int, next string, results [][]byte) []byte {
	var b bytes.Buffer
	nc := "null"
	if next != "" {
		nc = `"` + next + `"`
	}
	fmt.Fprintf(&b, `{"meta": {"count": %d, "db_response_time_ms": 25, "page": null, "per_page": %d, "next_cursor": %s, "groups_count": null, "cost_usd": 0.0001}, "results": [`, count, per, nc)
	for i, r := range results {
		if i > 0 {
			b.WriteString(", ")
		}
		b.Write(r)
	}
	b.WriteString("], \"group_by\": []}")
	return b.Bytes()
}

func (r *replay) setPage(i int, results [][]byte, hasNext bool) {
	next := ""
	if hasNext {
		next = cursorOf(i + 1)
	}
	per := 0
	if len(results) > 0 {
		per = len(results)
	}
	r.pages[cursorOf(i)] = pageBody(r.count, per, next, results)
}

func (r *replay) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	r.mu.Lock()
	defer r.mu.Unlock()
	q := req.URL.Query()
	r.requests = append(r.requests, q)
	if req.URL.Path != "/works" {
		http.NotFound(w, req)
		return
	}
	c := q.Get("cursor")
	if cs := r.before[c]; len(cs) > 0 {
		r.before[c] = cs[1:]
		if cs[0].retryAfter != "" {
			w.Header().Set("Retry-After", cs[0].retryAfter)
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(cs[0].status)
		fmt.Fprint(w, cs[0].body)
		return
	}
	body, ok := r.pages[c]
	if !ok {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, `{"error":"Invalid query parameters error.","message":"cursor is invalid"}`)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(body)
}

// fakeClock advances only when slept on; it records the sleeps.
type fakeClock struct {
	t      time.Time
	sleeps []time.Duration
}

func (c *fakeClock) now() time.Time { return c.t }
func (c *fakeClock) sleep(ctx context.Context, d time.Duration) error {
	c.sleeps = append(c.sleeps, d)
	c.t = c.t.Add(d)
	return ctx.Err()
}

func testClient(t *testing.T, h http.Handler) (*Client, *fakeClock) {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	clk := &fakeClock{t: time.Date(2026, 12, 1, 2, 30, 0, 0, time.UTC)}
	return &Client{BaseURL: srv.URL, Now: clk.now, Sleep: clk.sleep, Mailto: "me@example.org", APIKey: "SECRET"}, clk
}

// concat is the works of results joined as JSON Lines.
func concat(works [][]byte) []byte {
	var b bytes.Buffer
	for _, w := range works {
		b.Write(w)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func TestPageBodyIsAPage(t *testing.T) {
	// The fixture envelope must parse as a page (and what it carries
	// must survive): a guard on the test's own replay.
	ws := fixtureWorks(t)
	p, err := parsePage(pageBody(7, 2, "abc", ws[:2]), 1, "*")
	if err != nil || *p.Meta.Count != 7 || *p.Meta.NextCursor != "abc" || len(p.Results) != 2 || !bytes.Equal(p.Results[1], ws[1]) {
		t.Fatalf("%v %+v", err, p)
	}
	if strings.Contains(string(p.Results[0]), "\n") {
		t.Error("result not on one line")
	}
}

// FuzzParsePage: any body is a page or a *PageError naming the page,
// never a panic; an accepted page's results are one-line JSON objects.
func FuzzParsePage(f *testing.F) {
	f.Add(pageBody(3, 2, "abc", [][]byte{[]byte(`{"id":"W1"}`), []byte("{\n\"id\": \"W2\"\n}")}))
	f.Add([]byte(`{"meta":{"count":0,"next_cursor":null},"results":[]}`))
	f.Add([]byte(`{"meta":{"count":5},"group_by":[{"key":"US","key_display_name":"United States","count":5}]}`))
	f.Add([]byte(`<html>busy</html>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		p, err := parsePage(body, 7, "c")
		if err != nil {
			pe, ok := err.(*PageError)
			if !ok || pe.Page != 7 || !strings.Contains(err.Error(), "page 7") {
				t.Fatalf("error %v", err)
			}
			return
		}
		for _, r := range p.Results {
			if bytes.ContainsAny(r, "\n\r") || !json.Valid(r) || r[0] != '{' {
				t.Fatalf("result %q", r)
			}
		}
	})
}
