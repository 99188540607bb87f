package api

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coauthnet/coauthnet"
)

var testQuery = Query{Filter: "authorships.countries:CN,publication_year:2015-2024", Select: DefaultSelect, PerPage: 70}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr) // multistream: every page's member
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestDownload: the fetched file is the concatenation of the recorded
// results, for plain and gzip output, and the requests are the ones the
// API documents (cursor paging, select, per_page, mailto, api_key).
func TestDownload(t *testing.T) {
	ws := fixtureWorks(t)
	for _, name := range []string{"works.jsonl", "works.jsonl.gz"} {
		t.Run(name, func(t *testing.T) {
			rp := newReplay(ws, testQuery.PerPage)
			c, _ := testClient(t, rp)
			out := filepath.Join(t.TempDir(), name)
			var prog []Progress
			res, err := c.Download(context.Background(), testQuery, out, Options{Progress: func(p Progress) { prog = append(prog, p) }, Version: "test"})
			if err != nil {
				t.Fatal(err)
			}
			got := readFile(t, out)
			if strings.HasSuffix(name, ".gz") {
				got = gunzip(t, got)
			}
			if !bytes.Equal(got, concat(ws)) {
				t.Fatalf("output (%d bytes) differs from the %d recorded results (%d bytes)", len(got), len(ws), len(concat(ws)))
			}
			// ceil(len/70) pages of works and the final empty page.
			pages := (len(ws)+69)/70 + 1
			if res.Works != int64(len(ws)) || res.Count != int64(len(ws)) || res.Gap != 0 || res.Pages != pages || len(prog) != pages {
				t.Errorf("result %+v, %d progress calls; want %d works in %d pages", res, len(prog), len(ws), pages)
			}
			if len(rp.requests) != pages {
				t.Fatalf("%d requests, want %d", len(rp.requests), pages)
			}
			for i, q := range rp.requests {
				if q.Get("cursor") != rp.cursors[i] || q.Get("filter") != testQuery.Filter || q.Get("per_page") != "70" ||
					q.Get("select") != "id,doi,title,display_name,publication_year,cited_by_count,primary_topic,authorships" ||
					q.Get("mailto") != "me@example.org" || q.Get("api_key") != "SECRET" {
					t.Errorf("request %d: %v", i+1, q)
				}
			}
			for _, f := range []string{out + PartSuffix, out + StateSuffix} {
				if _, err := os.Stat(f); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("%s left behind", f)
				}
			}
			prov := readFile(t, out+ProvenanceSuffix)
			if bytes.Contains(prov, []byte("SECRET")) || bytes.Contains(prov, []byte("me@example.org")) {
				t.Errorf("provenance holds the API key or mailto:\n%s", prov)
			}
			p, err := ReadProvenance(out, fileSum(t, out))
			if err != nil || p == nil || p.Query.Filter != testQuery.Filter || p.Works != int64(len(ws)) || !p.Started.Equal(time.Date(2026, 12, 1, 2, 30, 0, 0, time.UTC)) {
				t.Errorf("provenance %+v, %v", p, err)
			}
			if s := p.Summary(); !strings.Contains(s, "filter=authorships.countries:CN,publication_year:2015-2024") || !strings.Contains(s, "fetched 2026-12-01") {
				t.Errorf("summary %q", s)
			}
		})
	}
}

func fileSum(t *testing.T, path string) string {
	s, err := fileSHA256(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestResume: a download interrupted after page k (and a half-written
// page after it) resumed gives the same bytes as an uninterrupted one.
func TestResume(t *testing.T) {
	ws := fixtureWorks(t)
	rp := newReplay(ws, testQuery.PerPage)
	c, _ := testClient(t, rp)
	dir := t.TempDir()
	whole := filepath.Join(dir, "whole.jsonl.gz")
	if _, err := c.Download(context.Background(), testQuery, whole, Options{}); err != nil {
		t.Fatal(err)
	}
	want := readFile(t, whole)
	wantProv := readFile(t, whole+ProvenanceSuffix)
	pages := len(rp.cursors)
	for k := 1; k < pages; k++ {
		out := filepath.Join(dir, "cut"+string(rune('0'+k))+".jsonl.gz")
		c2, _ := testClient(t, rp)
		ctx, cancel := context.WithCancel(context.Background())
		_, err := c2.Download(ctx, testQuery, out, Options{Progress: func(p Progress) {
			if p.Page == k {
				cancel()
			}
		}})
		cancel()
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("k=%d: %v, want cancelled", k, err)
		}
		var st State
		if err := json.Unmarshal(readFile(t, out+StateSuffix), &st); err != nil || st.Pages != k || st.Cursor != rp.cursors[k] {
			t.Fatalf("k=%d: state %+v %v", k, st, err)
		}
		// A crash in the middle of writing page k+1: junk past the
		// committed bytes.
		f, _ := os.OpenFile(out+PartSuffix, os.O_APPEND|os.O_WRONLY, 0)
		f.Write([]byte("\x1f\x8b half a page"))
		f.Close()
		if _, err := c2.Download(context.Background(), testQuery, out, Options{}); err == nil || !strings.Contains(err.Error(), "interrupted download") {
			t.Fatalf("k=%d: a second download without resume: %v", k, err)
		}
		q := testQuery
		if k == 2 {
			q = Query{} // the query saved in the state
		}
		res, err := c2.Download(context.Background(), q, out, Options{Resume: true})
		if err != nil {
			t.Fatalf("k=%d: resume: %v", k, err)
		}
		if got := readFile(t, out); !bytes.Equal(got, want) {
			t.Errorf("k=%d: resumed output differs from the uninterrupted one (%d vs %d bytes)", k, len(got), len(want))
		}
		if res.Works != int64(len(ws)) || res.Gap != 0 {
			t.Errorf("k=%d: %+v", k, res)
		}
		// Same started time (from the state), counts and sha256: the
		// provenance differs from the uninterrupted one only in the
		// file name, the end time and the (test) server's address.
		var got, want Provenance
		json.Unmarshal(readFile(t, out+ProvenanceSuffix), &got)
		json.Unmarshal(wantProv, &want)
		got.File, got.Finished, got.Endpoint = want.File, want.Finished, want.Endpoint
		if g, w := mustJSON(got), mustJSON(want); !bytes.Equal(g, w) {
			t.Errorf("k=%d: provenance\n%s\nwant\n%s", k, g, w)
		}
	}
}

func TestResumeRefused(t *testing.T) {
	ws := fixtureWorks(t)
	rp := newReplay(ws, testQuery.PerPage)
	c, _ := testClient(t, rp)
	out := filepath.Join(t.TempDir(), "w.jsonl")
	if _, err := c.Download(context.Background(), testQuery, out, Options{Resume: true}); !errors.Is(err, ErrNoState) {
		t.Errorf("resume without state: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	c.Download(ctx, testQuery, out, Options{Progress: func(Progress) { cancel() }})
	other := testQuery
	other.Filter = "publication_year:2020"
	if _, err := c.Download(context.Background(), other, out, Options{Resume: true}); err == nil || !strings.Contains(err.Error(), "not of filter=publication_year:2020") {
		t.Errorf("resume with another query: %v", err)
	}
	os.Truncate(out+PartSuffix, 3)
	if _, err := c.Download(context.Background(), testQuery, out, Options{Resume: true}); err == nil || !strings.Contains(err.Error(), "fewer than") {
		t.Errorf("resume of a shortened part file: %v", err)
	}
}

// TestRetries: a 429 with Retry-After, then a 500 and a 503 on page 2
// are retried and the download succeeds with the same bytes. The waits
// are, from the package documentation with Backoff 1s and Rate 5/s:
// 200ms pacing before page 2; 7s (Retry-After: 7); 2s (1s·2^1, the
// second attempt's backoff); 4s (1s·2^2); then 200ms pacing before each
// later page (the retried request started 6s earlier, so none before
// the successful attempt).
func TestRetries(t *testing.T) {
	ws := fixtureWorks(t)
	rp := newReplay(ws, testQuery.PerPage)
	c, clk := testClient(t, rp)
	var logs []string
	c.Log = func(f string, a ...any) { logs = append(logs, f) }
	rp.before[rp.cursors[1]] = []canned{
		{429, "7", `{"error":"Rate limit exceeded"}`},
		{500, "", `{"error":"Internal Server Error"}`},
		{503, "", `<html>Service Unavailable</html>`},
	}
	out := filepath.Join(t.TempDir(), "w.jsonl")
	if _, err := c.Download(context.Background(), testQuery, out, Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(readFile(t, out), concat(ws)) {
		t.Error("output differs from the recorded results")
	}
	ms := time.Millisecond
	want := []time.Duration{200 * ms, 7 * time.Second, 2 * time.Second, 4 * time.Second}
	for range len(rp.cursors) - 2 {
		want = append(want, 200*ms)
	}
	if !slices.Equal(clk.sleeps, want) {
		t.Errorf("sleeps %v, want %v", clk.sleeps, want)
	}
	if len(logs) != 3 || len(rp.requests) != len(rp.cursors)+3 {
		t.Errorf("%d retries logged, %d requests", len(logs), len(rp.requests))
	}
}

func TestRetriesExhausted(t *testing.T) {
	ws := fixtureWorks(t)
	rp := newReplay(ws, testQuery.PerPage)
	c, clk := testClient(t, rp)
	c.MaxRetries = 2
	for range 3 {
		rp.before["*"] = append(rp.before["*"], canned{502, "", `{"error":"Bad Gateway","message":"upstream timed out"}`})
	}
	out := filepath.Join(t.TempDir(), "w.jsonl")
	_, err := c.Download(context.Background(), testQuery, out, Options{})
	var ae *APIError
	if !errors.As(err, &ae) || ae.Status != 502 || !strings.Contains(err.Error(), "Bad Gateway: upstream timed out (gave up after 3 attempts)") {
		t.Fatalf("%v", err)
	}
	// 1s·2^0, 1s·2^1 between the three attempts.
	if !slices.Equal(clk.sleeps, []time.Duration{time.Second, 2 * time.Second}) {
		t.Errorf("sleeps %v", clk.sleeps)
	}
	if strings.Contains(err.Error(), "SECRET") {
		t.Error("the error shows the API key")
	}
	// A Retry-After beyond MaxWait (a daily allowance used up) stops
	// at once.
	rp.before["*"] = []canned{{429, "86400", `{"error":"Rate limit exceeded","message":"daily limit"}`}}
	c.MaxRetries = 0
	_, err = c.Download(context.Background(), testQuery, out, Options{})
	if err == nil || !strings.Contains(err.Error(), "the server asks to wait 24h0m0s, longer than 5m0s") {
		t.Errorf("long Retry-After: %v", err)
	}
}

// TestClientError: a 400 is not retried and shows the API's message.
func TestClientError(t *testing.T) {
	rp := newReplay(fixtureWorks(t), 70)
	c, clk := testClient(t, rp)
	// The error body is the one the API documents
	// (developers.openalex.org, "Error Handling").
	rp.before["*"] = []canned{{400, "", `{"error": "Invalid filter", "message": "Unknown filter field: author_name. Did you mean: authorships.author.id?"}`}}
	_, err := c.Download(context.Background(), Query{Filter: "author_name:x"}, filepath.Join(t.TempDir(), "w.jsonl"), Options{})
	want := "openalex api: 400 Bad Request: Invalid filter: Unknown filter field: author_name. Did you mean: authorships.author.id?"
	if err == nil || !strings.HasPrefix(err.Error(), want) || len(rp.requests) != 1 || len(clk.sleeps) != 0 {
		t.Errorf("%v; %d requests", err, len(rp.requests))
	}
}

// TestMalformedPage: a page that is not JSON is one error naming the
// page; the pages before it are kept and resume refetches it.
func TestMalformedPage(t *testing.T) {
	ws := fixtureWorks(t)
	rp := newReplay(ws, testQuery.PerPage)
	c, _ := testClient(t, rp)
	good := rp.pages[rp.cursors[1]]
	rp.pages[rp.cursors[1]] = good[:len(good)/2] // cut off mid-stream
	out := filepath.Join(t.TempDir(), "w.jsonl.gz")
	_, err := c.Download(context.Background(), testQuery, out, Options{})
	var pe *PageError
	if !errors.As(err, &pe) || pe.Page != 2 || pe.Cursor != rp.cursors[1] || !strings.HasPrefix(err.Error(), "openalex api: page 2 (cursor ") {
		t.Fatalf("%v", err)
	}
	for _, bad := range []struct{ body, why string }{
		{`{"results":[]}`, "no meta object"},
		{`{"meta":{"per_page":1},"results":[]}`, "no meta.count"},
		{`{"meta":{"count":3}}`, "no results array"},
		{`{"meta":{"count":3},"results":[1]}`, "result 1 is not an object"},
	} {
		rp.pages[rp.cursors[1]] = []byte(bad.body)
		_, err := c.Download(context.Background(), testQuery, out, Options{Resume: true})
		if !errors.As(err, &pe) || pe.Page != 2 || !strings.Contains(err.Error(), bad.why) {
			t.Errorf("%s: %v", bad.body, err)
		}
	}
	rp.pages[rp.cursors[1]] = good
	if _, err := c.Download(context.Background(), testQuery, out, Options{Resume: true}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(gunzip(t, readFile(t, out)), concat(ws)) {
		t.Error("output after resume differs from the recorded results")
	}
}

// TestCursorEndsEarly: next_cursor null on page 2 of 3 ends the
// download; the gap to meta.count is reported, not hidden.
func TestCursorEndsEarly(t *testing.T) {
	ws := fixtureWorks(t)
	rp := newReplay(ws, testQuery.PerPage)
	rp.setPage(1, ws[70:min(140, len(ws))], false)
	c, _ := testClient(t, rp)
	out := filepath.Join(t.TempDir(), "w.jsonl")
	res, err := c.Download(context.Background(), testQuery, out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := min(140, len(ws))
	if res.Works != int64(n) || res.Gap != int64(len(ws)-n) || res.Pages != 2 {
		t.Errorf("%+v, want %d works and a gap of %d", res, n, len(ws)-n)
	}
	if !bytes.Equal(readFile(t, out), concat(ws[:n])) {
		t.Error("output is not the works of the two pages")
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 12, 1, 2, 30, 0, 0, time.UTC)
	for _, c := range []struct {
		h    string
		want time.Duration
		ok   bool
	}{
		{"7", 7 * time.Second, true},
		{"0", 0, true},
		{"Tue, 01 Dec 2026 02:31:30 GMT", 90 * time.Second, true},
		{"Tue, 01 Dec 2026 02:00:00 GMT", 0, true}, // in the past
		{"", 0, false},
		{"soon", 0, false},
		{"-3", 0, false},
	} {
		if d, ok := retryAfter(c.h, now); d != c.want || ok != c.ok {
			t.Errorf("%q: %v %v", c.h, d, ok)
		}
	}
}

func TestReadProvenance(t *testing.T) {
	dir := t.TempDir()
	p, err := ReadProvenance(filepath.Join(dir, "none.jsonl"), "")
	if p != nil || err != nil {
		t.Errorf("no sidecar: %v %v", p, err)
	}
	path := filepath.Join(dir, "w.jsonl")
	os.WriteFile(path+ProvenanceSuffix, []byte(`{"source":"OpenAlex API","sha256":"aaaa"}`), 0o644)
	if _, err := ReadProvenance(path, "bbbb"); err == nil || !strings.Contains(err.Error(), "changed after the download") {
		t.Errorf("stale sidecar: %v", err)
	}
	if p, err := ReadProvenance(path, "aaaa"); err != nil || p.Source != "OpenAlex API" {
		t.Errorf("%v %v", p, err)
	}
}

// TestResumeAfterRename: a download interrupted between renaming
// OUT.part to OUT and removing the state file finishes on resume
// without a request.
func TestResumeAfterRename(t *testing.T) {
	ws := fixtureWorks(t)
	rp := newReplay(ws, testQuery.PerPage)
	c, _ := testClient(t, rp)
	out := filepath.Join(t.TempDir(), "w.jsonl.gz")
	if _, err := c.Download(context.Background(), testQuery, out, Options{}); err != nil {
		t.Fatal(err)
	}
	want := readFile(t, out)
	st := State{Query: testQuery, Started: time.Date(2026, 12, 1, 2, 30, 0, 0, time.UTC), Pages: 4, Works: int64(len(ws)), Bytes: int64(len(want)), Count: int64(len(ws)), LastCount: int64(len(ws)), Done: true}
	os.WriteFile(out+StateSuffix, mustJSON(st), 0o644)
	n := len(rp.requests)
	res, err := c.Download(context.Background(), testQuery, out, Options{Resume: true})
	if err != nil || res.Works != int64(len(ws)) || len(rp.requests) != n || !bytes.Equal(readFile(t, out), want) {
		t.Fatalf("%v %+v; %d requests", err, res, len(rp.requests)-n)
	}
	if _, err := os.Stat(out + StateSuffix); !errors.Is(err, os.ErrNotExist) {
		t.Error("state file left")
	}
}

// TestVersionDefaults: without Client.UserAgent and Options.Version, a
// download names coauthnet and its version (coauthnet.Version) in its
// User-Agent, after which the mailto address follows as before, and in
// the provenance's coauthnet_version; given ones are used as they are.
func TestVersionDefaults(t *testing.T) {
	ws := fixtureWorks(t)[:3]
	for _, c := range []struct{ ua, version, wantUA, wantVersion string }{
		{"", "", "coauthnet/" + coauthnet.Version() + " (mailto:me@example.org)", coauthnet.Version()},
		{"mytool/2", "2.0", "mytool/2 (mailto:me@example.org)", "2.0"},
	} {
		rp := newReplay(ws, 10)
		var agents []string
		c0, _ := testClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			agents = append(agents, r.Header.Get("User-Agent"))
			rp.ServeHTTP(w, r)
		}))
		c0.UserAgent = c.ua
		out := filepath.Join(t.TempDir(), "w.jsonl")
		res, err := c0.Download(context.Background(), testQuery, out, Options{Version: c.version})
		if err != nil {
			t.Fatal(err)
		}
		if len(agents) == 0 || slices.IndexFunc(agents, func(a string) bool { return a != c.wantUA }) >= 0 {
			t.Errorf("User-Agent %q, want %q on every request", agents, c.wantUA)
		}
		p, err := ReadProvenance(out, "")
		if err != nil || res.Version != c.wantVersion || p == nil || p.Version != c.wantVersion {
			t.Errorf("version: result %q, sidecar %+v (%v); want %q", res.Version, p, err, c.wantVersion)
		}
	}
}
