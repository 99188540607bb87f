// Package api fetches OpenAlex works from the OpenAlex REST API
// (https://developers.openalex.org) into JSON Lines that package
// openalex reads: one work per line, exactly as the API returned it
// (compacted), optionally gzip compressed.
//
// A [Query] is the works endpoint's own filter syntax passed through
// (filter=authorships.countries:CN,publication_year:2015-2024), an
// optional full-text search, and a select= list limited to the
// root-level fields that package openalex reads ([DefaultSelect]).
// Works are paged with cursors (cursor=*, then meta.next_cursor) until
// next_cursor is null or a page is empty, as the API documents.
//
// Politeness: requests are spaced to at most [Client.Rate] per second
// (default [DefaultRate], well below the documented maximum of 100 per
// second; older documentation gave 10), carry mailto= (the polite pool)
// and api_key= when given and a User-Agent naming coauthnet and its
// version (coauthnet.Version), and are retried on 429 and 5xx responses and
// on transport errors, waiting Retry-After when the server sends it and
// otherwise Backoff·2^k (k = 0, 1, …, capped at MaxBackoff), at most
// MaxRetries times. A wait longer than MaxWait (a daily allowance used
// up) ends the run with an error instead: the download can be resumed.
// Any other 4xx ends the run with the API's own message.
//
// Honesty: [Download] writes the output a page at a time, appending the
// page (one gzip member per page for ".gz") to OUT.part, syncing it, and
// then atomically replacing a small state file OUT.fetch.json (cursor,
// pages, works, bytes committed, query). An interrupted download
// resumes from the state: OUT.part is cut back to the bytes committed
// and the saved cursor is requested again, so a resumed download gives
// the same bytes as an uninterrupted one. At the end OUT.part is renamed
// to OUT, the number of works fetched is compared with meta.count and
// the gap reported, and a sidecar OUT.provenance.json records the
// query, the fetch dates, the counts and the sha256 of OUT (see
// [Provenance]); the API key and mailto are never written.
//
// A [Printer] shows a download to a person as coauthnet fetch does: a
// progress bar against meta.count, the retries, the count checks.
//
// Only the standard library's net/http is used. Nothing here is safe
// for concurrent use.
package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/coauthnet/coauthnet"
)

// DefaultBaseURL is the OpenAlex API.
const DefaultBaseURL = "https://api.openalex.org"

// Defaults of a Client.
const (
	// DefaultRate is 5 requests per second: a twentieth of the
	// documented maximum of 100 per second (developers.openalex.org,
	// "Authentication & Pricing", 2026) and half of the 10 per second
	// of the older documentation.
	DefaultRate       = 5.0
	DefaultMaxRetries = 6
	DefaultBackoff    = time.Second
	DefaultMaxBackoff = time.Minute
	DefaultMaxWait    = 5 * time.Minute
	// DefaultPerPage is the largest page the current documentation
	// allows (per_page 1–100); older documentation allowed 200.
	DefaultPerPage = 100
)

// The select= lists. The API selects root-level fields only.
var (
	// DefaultSelect is every root-level field that package openalex
	// reads: id, doi, title and display_name (the title, for the
	// title duplicate rule), publication_year, cited_by_count,
	// primary_topic (the field) and authorships (authors, ORCID,
	// institutions with ROR and country, countries, raw affiliation
	// strings, is_corresponding).
	DefaultSelect = []string{"id", "doi", "title", "display_name", "publication_year", "cited_by_count", "primary_topic", "authorships"}
	// MinimalSelect is what counting needs: the id, the DOI (to find
	// the same paper in two sources), the year and the authorships.
	// Without the title, load's title duplicate rule finds nothing.
	MinimalSelect = []string{"id", "doi", "publication_year", "authorships"}
)

// SelectFields returns the select list named default, minimal or all
// (all: no select=, every field).
func SelectFields(name string) ([]string, error) {
	switch name {
	case "default", "":
		return DefaultSelect, nil
	case "minimal":
		return MinimalSelect, nil
	case "all":
		return nil, nil
	}
	return nil, fmt.Errorf("openalex api: select %q: want default, minimal or all", name)
}

// A Query selects works.
type Query struct {
	// Filter is the works endpoint's filter= value, passed through,
	// e.g. "authorships.countries:CN,publication_year:2015-2024".
	Filter string `json:"filter,omitempty"`
	// Search is the search= value (full-text search), if any.
	Search string `json:"search,omitempty"`
	// Select lists root-level fields; nil asks for every field.
	Select []string `json:"select,omitempty"`
	// PerPage is per_page (0: DefaultPerPage).
	PerPage int `json:"per_page,omitempty"`
}

func (q Query) perPage() int {
	if q.PerPage <= 0 {
		return DefaultPerPage
	}
	return q.PerPage
}

// String is the query as URL parameters, in a fixed order, without
// cursor, mailto or api_key: the provenance of a download.
func (q Query) String() string {
	var parts []string
	if q.Filter != "" {
		parts = append(parts, "filter="+q.Filter)
	}
	if q.Search != "" {
		parts = append(parts, "search="+q.Search)
	}
	if len(q.Select) > 0 {
		parts = append(parts, "select="+strings.Join(q.Select, ","))
	}
	return strings.Join(parts, "&")
}

// defaultHTTP bounds a request (connection, headers and body) so that a
// stalled connection is retried rather than waited on for ever.
var defaultHTTP = &http.Client{Timeout: 2 * time.Minute}

// A Client talks to the OpenAlex API. The zero value is usable: every
// zero field takes its default.
type Client struct {
	BaseURL    string        // DefaultBaseURL when empty
	HTTP       *http.Client  // a client with a 2-minute timeout when nil
	Mailto     string        // mailto= (the polite pool)
	APIKey     string        // api_key=
	UserAgent  string        // "coauthnet/" + coauthnet.Version() when empty
	Rate       float64       // requests per second; DefaultRate when 0
	MaxRetries int           // DefaultMaxRetries when 0; <0: none
	Backoff    time.Duration // first wait after a failure; DefaultBackoff when 0
	MaxBackoff time.Duration // DefaultMaxBackoff when 0
	MaxWait    time.Duration // longest single wait before giving up; DefaultMaxWait when 0

	// Now and Sleep are the clock; tests replace them. Sleep returns
	// ctx.Err() when the context ends first.
	Now   func() time.Time
	Sleep func(ctx context.Context, d time.Duration) error
	// Log, when set, is told about every retry.
	Log func(format string, args ...any)

	lastStart time.Time
}

func (c *Client) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

func (c *Client) sleep(ctx context.Context, d time.Duration) error {
	if c.Sleep != nil {
		return c.Sleep(ctx, d)
	}
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func orDur(d, def time.Duration) time.Duration {
	if d == 0 {
		return def
	}
	return d
}

// APIError is a response the API refused: a 4xx other than 429, or a
// 429/5xx still failing after the retries. Message is the API's own
// "error" and "message", or the start of the body.
type APIError struct {
	Status  int
	Message string
	URL     string // without api_key
}

func (e *APIError) Error() string {
	return fmt.Sprintf("openalex api: %d %s: %s", e.Status, http.StatusText(e.Status), e.Message)
}

// apiMessage extracts {"error":…, "message":…} from an error body.
func apiMessage(body []byte) string {
	var m struct {
		Error   string `json:"error"`
		Message string `json:"message"`
	}
	if json.Unmarshal(body, &m) == nil && (m.Error != "" || m.Message != "") {
		switch {
		case m.Error == "":
			return m.Message
		case m.Message == "":
			return m.Error
		}
		return m.Error + ": " + m.Message
	}
	s := strings.TrimSpace(string(body))
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	if s == "" {
		s = "(empty body)"
	}
	return s
}

// retryAfter parses Retry-After: delay-seconds or an HTTP-date.
func retryAfter(h string, now time.Time) (time.Duration, bool) {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0, false
	}
	if s, err := strconv.Atoi(h); err == nil && s >= 0 {
		return time.Duration(s) * time.Second, true
	}
	if t, err := http.ParseTime(h); err == nil {
		d := t.Sub(now)
		if d < 0 {
			d = 0
		}
		return d, true
	}
	return 0, false
}

// redact removes api_key from a URL for messages.
func redact(u *url.URL) string {
	v := u.Query()
	if v.Has("api_key") {
		v.Set("api_key", "REDACTED")
	}
	c := *u
	c.RawQuery = v.Encode()
	return c.String()
}

// get requests path with params and returns the body of a 200
// response, retrying as the package documentation describes.
func (c *Client) get(ctx context.Context, path string, params url.Values) ([]byte, error) {
	base := c.BaseURL
	if base == "" {
		base = DefaultBaseURL
	}
	u, err := url.Parse(strings.TrimRight(base, "/") + path)
	if err != nil {
		return nil, fmt.Errorf("openalex api: %w", err)
	}
	params = cloneValues(params)
	if c.Mailto != "" {
		params.Set("mailto", c.Mailto)
	}
	if c.APIKey != "" {
		params.Set("api_key", c.APIKey)
	}
	u.RawQuery = params.Encode()
	hc := c.HTTP
	if hc == nil {
		hc = defaultHTTP
	}
	maxRetries := c.MaxRetries
	if maxRetries == 0 {
		maxRetries = DefaultMaxRetries
	}
	backoff := orDur(c.Backoff, DefaultBackoff)
	for attempt := 0; ; attempt++ {
		if err := c.pace(ctx); err != nil {
			return nil, err
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
		if err != nil {
			return nil, fmt.Errorf("openalex api: %w", err)
		}
		req.Header.Set("Accept", "application/json")
		ua := c.UserAgent
		if ua == "" {
			ua = "coauthnet/" + coauthnet.Version()
		}
		if c.Mailto != "" {
			ua += " (mailto:" + c.Mailto + ")"
		}
		req.Header.Set("User-Agent", ua)
		resp, err := hc.Do(req)
		var body []byte
		var wait time.Duration
		var haveWait bool
		var failure error
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			var ue *url.Error
			if errors.As(err, &ue) {
				err = ue.Err // its message holds the URL with the api key
			}
			failure = fmt.Errorf("openalex api: GET %s: %w", redact(u), err)
		} else {
			body, err = io.ReadAll(resp.Body)
			resp.Body.Close()
			switch {
			case err != nil:
				if ctx.Err() != nil {
					return nil, ctx.Err()
				}
				failure = fmt.Errorf("openalex api: reading %s: %w", redact(u), err)
			case resp.StatusCode == http.StatusOK:
				return body, nil
			case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
				failure = &APIError{Status: resp.StatusCode, Message: apiMessage(body), URL: redact(u)}
				wait, haveWait = retryAfter(resp.Header.Get("Retry-After"), c.now())
			default:
				return nil, &APIError{Status: resp.StatusCode, Message: apiMessage(body), URL: redact(u)}
			}
		}
		if maxRetries < 0 || attempt >= maxRetries {
			return nil, fmt.Errorf("%w (gave up after %d attempts)", failure, attempt+1)
		}
		if !haveWait {
			wait = backoff << attempt
			if m := orDur(c.MaxBackoff, DefaultMaxBackoff); wait > m || wait <= 0 {
				wait = m
			}
		}
		if mw := orDur(c.MaxWait, DefaultMaxWait); wait > mw {
			return nil, fmt.Errorf("%w: the server asks to wait %v, longer than %v", failure, wait, mw)
		}
		if c.Log != nil {
			c.Log("%v; retrying in %v (attempt %d of %d)", failure, wait, attempt+2, maxRetries+1)
		}
		if err := c.sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

// pace waits until a request may start: at most Rate per second.
func (c *Client) pace(ctx context.Context) error {
	rate := c.Rate
	if rate <= 0 {
		rate = DefaultRate
	}
	interval := time.Duration(float64(time.Second) / rate)
	now := c.now()
	if !c.lastStart.IsZero() {
		if d := c.lastStart.Add(interval).Sub(now); d > 0 {
			if err := c.sleep(ctx, d); err != nil {
				return err
			}
			now = c.now()
		}
	}
	c.lastStart = now
	return ctx.Err()
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

// Meta is what is used of a page's "meta" object (it also holds
// db_response_time_ms, page, per_page and, since 2026, cost_usd; they
// are not decoded, so that a change in their type breaks nothing).
type Meta struct {
	Count       *int64  `json:"count"`
	NextCursor  *string `json:"next_cursor"`
	GroupsCount *int64  `json:"groups_count"`
}

// page is one response of a list endpoint.
type page struct {
	Meta    *Meta             `json:"meta"`
	Results []json.RawMessage `json:"results"`
	GroupBy []Group           `json:"group_by"`
}

// A PageError is a 200 response that is not a valid page.
type PageError struct {
	Page   int    // 1-based, counted from the start of the download
	Cursor string // the cursor requested
	Err    error
}

func (e *PageError) Error() string {
	return fmt.Sprintf("openalex api: page %d (cursor %q): malformed response: %v", e.Page, e.Cursor, e.Err)
}

func (e *PageError) Unwrap() error { return e.Err }

// parsePage checks a page: JSON with a meta object holding count and
// a results array of objects. Results are compacted to one line each.
func parsePage(body []byte, n int, cursor string) (*page, error) {
	var p page
	fail := func(err error) (*page, error) { return nil, &PageError{Page: n, Cursor: cursor, Err: err} }
	if err := json.Unmarshal(body, &p); err != nil {
		return fail(err)
	}
	if p.Meta == nil {
		return fail(errors.New("no meta object"))
	}
	if p.Meta.Count == nil {
		return fail(errors.New("no meta.count"))
	}
	if p.Results == nil && p.GroupBy == nil {
		return fail(errors.New("no results array"))
	}
	for i, r := range p.Results {
		r = bytes.TrimSpace(r)
		if len(r) == 0 || r[0] != '{' {
			return fail(fmt.Errorf("result %d is not an object", i+1))
		}
		var b bytes.Buffer
		if err := json.Compact(&b, r); err != nil {
			return fail(fmt.Errorf("result %d: %w", i+1, err))
		}
		p.Results[i] = b.Bytes()
	}
	return &p, nil
}
