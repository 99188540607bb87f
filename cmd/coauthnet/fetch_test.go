package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/coauthnet/coauthnet/io/openalex/api"
)

// openalexPages is ../shared/testdata-real's 200 real OpenAlex works
// (recorded by rkrug/openalexPro's tests, GPL, read in place) cut into
// API pages of per works, in the works endpoint's envelope (the meta
// object of a real recorded cursor page of the same repository), with
// the final empty page whose next_cursor is null. Skips without
// testdata-real.
func openalexPages(t *testing.T, per int) (cursors []string, pages [][]byte, works [][]byte) {
	const real = "../../../shared/testdata-real/openalex-jsonl-openalexpro/jsonl"
	f, err := os.Open(real)
	if err != nil {
		t.Skipf("real test data not available: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var b bytes.Buffer
		if err := json.Compact(&b, sc.Bytes()); err != nil {
			t.Fatal(err)
		}
		works = append(works, b.Bytes())
	}
	n := (len(works) + per - 1) / per
	cursor := func(i int) string {
		if i == 0 {
			return "*"
		}
		return base64.StdEncoding.EncodeToString(fmt.Appendf(nil, `[%d, 'https://openalex.org/W%d']`, i, i))
	}
	for i := 0; i <= n; i++ {
		next := "null"
		var res [][]byte
		if i < n {
			next = `"` + cursor(i+1) + `"`
			res = works[i*per : min(len(works), (i+1)*per)]
		}
		page := fmt.Appendf(nil, `{"meta": {"count": %d, "db_response_time_ms": 25, "page": null, "per_page": %d, "next_cursor": %s, "groups_count": null, "cost_usd": 0.0001}, "results": [%s], "group_by": []}`,
			len(works), per, next, bytes.Join(res, []byte(", ")))
		cursors = append(cursors, cursor(i))
		pages = append(pages, page)
	}
	return cursors, pages, works
}

// pageServer replays pages by cursor; fail[cursor] responses are sent
// first, once each.
type pageServer struct {
	mu    sync.Mutex
	pages map[string][]byte
	fail  map[string][]int
	n     int
}

func (s *pageServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.n++
	q := r.URL.Query()
	if q.Get("group_by") != "" {
		fmt.Fprint(w, `{"meta":{"count":200,"db_response_time_ms":138,"page":null,"per_page":200,"next_cursor":null,"groups_count":2},"group_by":[{"key":"https://openalex.org/countries/US","key_display_name":"United States","count":61},{"key":"https://openalex.org/countries/GB","key_display_name":"United Kingdom","count":19}]}`)
		return
	}
	c := q.Get("cursor")
	if f := s.fail[c]; len(f) > 0 {
		s.fail[c] = f[1:]
		w.Header().Set("Retry-After", "0")
		w.WriteHeader(f[0])
		fmt.Fprintf(w, `{"error":"status %d","message":"replayed failure"}`, f[0])
		return
	}
	p, ok := s.pages[c]
	if !ok {
		w.WriteHeader(400)
		fmt.Fprint(w, `{"error":"Invalid query parameters error.","message":"bad cursor"}`)
		return
	}
	w.Write(p)
}

// TestFetchThenBuild: coauthnet fetch against a replay of real pages
// (with a 503 retried on the way) writes the works of the pages; build
// on the fetched file gives the same graph as build on the recorded
// pages, and shows where the file came from.
func TestFetchThenBuild(t *testing.T) {
	cursors, pages, works := openalexPages(t, 70)
	ps := &pageServer{pages: map[string][]byte{}, fail: map[string][]int{cursors[1]: {503}}}
	for i, c := range cursors {
		ps.pages[c] = pages[i]
	}
	srv := httptest.NewServer(ps)
	defer srv.Close()
	dir := t.TempDir()
	out := filepath.Join(dir, "works.jsonl.gz")
	filter := "authorships.countries:US,publication_year:1977-2010"
	code, _, stderr := runCmd(t, "", "fetch", "openalex", "--filter", filter, "--api", srv.URL, "--rate", "100", "-o", out)
	if code != 0 {
		t.Fatalf("fetch: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "count check: 200 works = meta.count") || !strings.Contains(stderr, "503 Service Unavailable: status 503: replayed failure; retrying") {
		t.Errorf("fetch stderr:\n%s", stderr)
	}
	t.Logf("fetch:\n%s", stderr)
	if ps.n != len(pages)+1 {
		t.Errorf("%d requests, want %d pages + 1 retry", ps.n, len(pages))
	}

	var pageFiles []string
	for i, p := range pages[:len(pages)-1] {
		name := filepath.Join(dir, fmt.Sprintf("page-%d.json", i+1))
		os.WriteFile(name, p, 0o644)
		pageFiles = append(pageFiles, name)
	}
	for _, level := range []string{"country", "institution"} {
		code, want, stderr := runCmd(t, "", append([]string{"build", "--level", level}, pageFiles...)...)
		if code != 0 {
			t.Fatalf("build pages: %s", stderr)
		}
		code, got, stderr := runCmd(t, "", "build", "--level", level, out)
		if code != 0 {
			t.Fatalf("build fetched: %s", stderr)
		}
		if !strings.Contains(got, "<edge ") {
			t.Fatalf("--level %s: no edge in the graph: the comparison would be empty", level)
		}
		t.Logf("build --level %s on the fetched file:\n%s", level, stderr)
		if withoutInputs(got) != withoutInputs(want) {
			t.Errorf("--level %s: build on the fetched file differs from build on the recorded pages", level)
		}
		if !strings.Contains(stderr, fmt.Sprintf("read %d records", len(works))) {
			t.Errorf("summary: %s", stderr)
		}
		origin := "(OpenAlex API " + srv.URL + "/works?filter=" + filter + "&amp;select=id,doi,title,display_name,publication_year,cited_by_count,primary_topic,authorships, fetched "
		if !strings.Contains(got, origin) || !strings.Contains(stderr, "works.jsonl.gz: OpenAlex API") {
			t.Errorf("provenance of the fetched file not shown; stderr:\n%s", stderr)
		}
	}

	// report shows it in its Provenance table.
	rep := filepath.Join(dir, "report")
	if code, _, stderr := runCmd(t, "", "report", "--focal", "US", "--rival", "GB", "-o", rep, out); code != 0 {
		t.Fatalf("report: exit %d: %s", code, stderr)
	}
	if html, _ := os.ReadFile(filepath.Join(rep, "index.html")); !bytes.Contains(html, []byte("(OpenAlex API "+srv.URL+"/works?filter=")) {
		t.Errorf("report's provenance lacks the fetch")
	}

	// A changed file no longer matches its sidecar: said, not shown.
	b, _ := os.ReadFile(out)
	os.WriteFile(out, append(b, b...), 0o644)
	code, got, stderr := runCmd(t, "", "build", out)
	if code != 0 || !strings.Contains(stderr, "provenance sidecar not used") || !strings.Contains(got, "changed after the download") {
		t.Errorf("stale sidecar: exit %d\n%s", code, stderr)
	}
}

// resumePages serves the real works (openalexPages) in pages of 70.
func resumePages(t *testing.T) ([]string, *pageServer) {
	cursors, pages, _ := openalexPages(t, 70)
	ps := &pageServer{pages: map[string][]byte{}, fail: map[string][]int{}}
	for i, c := range cursors {
		ps.pages[c] = pages[i]
	}
	return cursors, ps
}

// fetchWhole fetches every page from the API at url into
// dir/whole.jsonl.gz (dir a new temporary directory); args is the
// command line of a fetch into out.
func fetchWhole(t *testing.T, url string) (args func(out string, more ...string) []string, dir, whole string) {
	t.Helper()
	dir = t.TempDir()
	args = func(out string, more ...string) []string {
		return append([]string{"fetch", "openalex", "--filter", "publication_year:2000", "--api", url, "--rate", "100", "-o", out}, more...)
	}
	whole = filepath.Join(dir, "whole.jsonl.gz")
	if code, _, stderr := runCmd(t, "", args(whole)...); code != 0 {
		t.Fatal(stderr)
	}
	return args, dir, whole
}

// resumeMatches resumes the fetch into cut (args(cut, "--resume")) and
// checks that it gives the bytes of the uninterrupted fetch whole.
func resumeMatches(t *testing.T, args func(out string, more ...string) []string, cut, whole string) {
	t.Helper()
	if code, _, stderr := runCmd(t, "", args(cut, "--resume")...); code != 0 {
		t.Fatalf("resume: %s", stderr)
	}
	a, _ := os.ReadFile(whole)
	b, _ := os.ReadFile(cut)
	if !bytes.Equal(a, b) || len(a) == 0 {
		t.Errorf("resumed fetch differs from the uninterrupted one (%d vs %d bytes)", len(b), len(a))
	}
}

// TestFetchResume: a fetch that stops on page 3 (a 400) resumes with
// --resume into the same bytes as an uninterrupted fetch.
func TestFetchResume(t *testing.T) {
	cursors, ps := resumePages(t)
	srv := httptest.NewServer(ps)
	defer srv.Close()
	args, dir, whole := fetchWhole(t, srv.URL)
	ps.fail[cursors[2]] = []int{400}
	cut := filepath.Join(dir, "cut.jsonl.gz")
	code, _, stderr := runCmd(t, "", args(cut)...)
	if code != 1 || !strings.Contains(stderr, "400 Bad Request: status 400: replayed failure (page 3) (140 works of 2 pages saved, resume to continue)") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if code, _, stderr := runCmd(t, "", args(cut)...); code != 1 || !strings.Contains(stderr, "an interrupted download") {
		t.Errorf("a second fetch without --resume: exit %d %s", code, stderr)
	}
	resumeMatches(t, args, cut, whole)
}

func TestFetchGroupByAndUsage(t *testing.T) {
	srv := httptest.NewServer(&pageServer{})
	defer srv.Close()
	code, out, stderr := runCmd(t, "", "fetch", "openalex", "--filter", "publication_year:2000", "--group-by", "authorships.countries", "--api", srv.URL)
	want := "key,display_name,count\nhttps://openalex.org/countries/US,United States,61\nhttps://openalex.org/countries/GB,United Kingdom,19\n"
	if code != 0 || out != want || !strings.Contains(stderr, "2 groups of 200 works") {
		t.Errorf("group-by: exit %d\n%s\n%s", code, out, stderr)
	}
	for _, bad := range [][]string{
		{"fetch"},
		{"fetch", "crossref"},
		{"fetch", "openalex", "--filter", "x"}, // no -o
		{"fetch", "openalex", "-o", "w.jsonl"}, // no filter
		{"fetch", "openalex", "--filter", "x", "--select", "some", "-o", "w.jsonl"},
		{"fetch", "openalex", "--filter", "x", "--rate", "500", "-o", "w.jsonl"},
	} {
		if code, _, _ := runCmd(t, "", bad...); code != 2 {
			t.Errorf("%q: exit %d, want 2", bad, code)
		}
	}
}

// holdServer serves pages as pageServer does, except that a request for
// the cursor hold waits until the client gives up (arrived is closed
// when it comes).
type holdServer struct {
	*pageServer
	hold    atomic.Value // string: the cursor held, "" for none
	arrived chan struct{}
	once    sync.Once
}

func (h *holdServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if c, _ := h.hold.Load().(string); c != "" && r.URL.Query().Get("cursor") == c {
		h.once.Do(func() { close(h.arrived) })
		<-r.Context().Done()
		return
	}
	h.pageServer.ServeHTTP(w, r)
}

// TestFetchInterrupt: Ctrl-C (SIGINT) during a fetch, while page 2 is
// awaited, stops it cleanly: exit status 130 as for every command, the
// advice to resume, and the partial file and state that --resume needs
// are kept (the command's own handler, which removes new outputs, used
// to race fetch's and say "no output left behind"); the resumed fetch
// gives the bytes of an uninterrupted one.
func TestFetchInterrupt(t *testing.T) {
	bin := buildBinary(t)
	cursors, ps := resumePages(t)
	hs := &holdServer{pageServer: ps, arrived: make(chan struct{})}
	srv := httptest.NewServer(hs)
	defer srv.Close()
	args, dir, whole := fetchWhole(t, srv.URL)
	hs.hold.Store(cursors[1])
	cut := filepath.Join(dir, "cut.jsonl.gz")
	cmd := exec.Command(bin, args(cut)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-hs.arrived:
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("page 2 was never asked for: %s", stderr.String())
	}
	cmd.Process.Signal(syscall.SIGINT)
	err := cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 130 || !strings.Contains(stderr.String(), "coauthnet fetch: interrupted: run the same command with --resume to continue") || strings.Contains(stderr.String(), "no output left behind") {
		t.Fatalf("interrupted fetch: %v\n%s", err, stderr.String())
	}
	for _, suffix := range []string{api.PartSuffix, api.StateSuffix} {
		if _, err := os.Stat(cut + suffix); err != nil {
			t.Errorf("interrupted fetch did not keep %s: %v", suffix, err)
		}
	}
	hs.hold.Store("")
	resumeMatches(t, args, cut, whole)
}
