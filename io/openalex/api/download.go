package api

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/coauthnet/coauthnet"
)

// Suffixes of the files beside a download's output.
const (
	PartSuffix       = ".part"
	StateSuffix      = ".fetch.json"
	ProvenanceSuffix = ".provenance.json"
)

// ErrNoState is returned by a resumed Download without a state file.
var ErrNoState = errors.New("openalex api: nothing to resume")

// State is a download in progress, saved after every page in
// OUT.fetch.json.
type State struct {
	Query   Query     `json:"query"`
	Started time.Time `json:"started"`
	// Cursor is the cursor to request next ("*" at the start).
	Cursor string `json:"cursor"`
	Pages  int    `json:"pages"`
	Works  int64  `json:"works"`
	// Bytes is the size of OUT.part up to the last page committed.
	Bytes int64 `json:"bytes"`
	// Count is meta.count of the first page; LastCount that of the
	// latest (the index may change during a long download).
	Count     int64 `json:"count"`
	LastCount int64 `json:"last_count"`
	Done      bool  `json:"done,omitempty"`
}

// Progress is reported after every page.
type Progress struct {
	Page  int
	Works int64
	Count int64 // meta.count
}

// Options of a Download.
type Options struct {
	// Resume continues from OUT.fetch.json, with the query saved there
	// when the Query has neither Filter nor Search; without Resume an
	// existing state file is an error (an interrupted download is
	// never overwritten by accident).
	Resume bool
	// Progress, when set, is called after every committed page.
	Progress func(Progress)
	// Version is written into the provenance (coauthnet_version);
	// coauthnet.Version() when empty.
	Version string
}

// Result is what a finished Download fetched.
type Result struct {
	Provenance
	// Gap is Count − Works: positive when works are missing (the
	// cursor ended early), negative when more came than announced.
	Gap int64
}

// Provenance is the sidecar OUT.provenance.json: where a works file
// came from. It never holds the API key or the mailto address.
type Provenance struct {
	Source   string    `json:"source"` // "OpenAlex API"
	Endpoint string    `json:"endpoint"`
	Query    Query     `json:"query"`
	Started  time.Time `json:"started"`
	Finished time.Time `json:"finished"`
	// Count is meta.count when the download started, LastCount at its
	// end; Works the number of works written, in Pages pages.
	Count     int64  `json:"meta_count"`
	LastCount int64  `json:"meta_count_last"`
	Works     int64  `json:"works"`
	Pages     int    `json:"pages"`
	File      string `json:"file"`   // base name of OUT
	SHA256    string `json:"sha256"` // of OUT as written
	Version   string `json:"coauthnet_version,omitempty"`
}

// Summary is the provenance on one line, for the provenance of a
// graph: "OpenAlex API works?filter=…, fetched 2026-12-01, 429 of 429
// works (meta.count)".
func (p *Provenance) Summary() string {
	s := fmt.Sprintf("%s %s?%s, fetched %s, %d of %d works (meta.count)",
		p.Source, strings.TrimPrefix(p.Endpoint, DefaultBaseURL+"/"), p.Query.String(),
		p.Finished.UTC().Format("2006-01-02"), p.Works, p.Count)
	if p.LastCount != p.Count {
		s += fmt.Sprintf(", meta.count %d at the end", p.LastCount)
	}
	return s
}

// ReadProvenance reads the sidecar of the works file path. It returns
// nil and no error when there is none, and an error when the sidecar
// is unreadable or describes other bytes than sha256 (the works file
// changed after the download); sha256 "" skips that check.
func ReadProvenance(path, sha256 string) (*Provenance, error) {
	b, err := os.ReadFile(path + ProvenanceSuffix)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("openalex api: %w", err)
	}
	var p Provenance
	if err := json.Unmarshal(b, &p); err != nil {
		return nil, fmt.Errorf("openalex api: %s: %w", path+ProvenanceSuffix, err)
	}
	if sha256 != "" && p.SHA256 != sha256 {
		return nil, fmt.Errorf("openalex api: %s describes other content (sha256 %s, the file has %s): the file changed after the download", path+ProvenanceSuffix, short(p.SHA256), short(sha256))
	}
	return &p, nil
}

func short(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}

// Download fetches the works of q into the file out (gzip compressed
// when out ends in ".gz", else plain JSON Lines), page by page, as the
// package documentation describes. An error leaves OUT.part and
// OUT.fetch.json for a resumed Download.
func (c *Client) Download(ctx context.Context, q Query, out string, opt Options) (*Result, error) {
	statePath, partPath := out+StateSuffix, out+PartSuffix
	if q.PerPage <= 0 {
		q.PerPage = DefaultPerPage
	}
	var st State
	b, err := os.ReadFile(statePath)
	switch {
	case err == nil && !opt.Resume:
		return nil, fmt.Errorf("openalex api: %s exists: an interrupted download; resume it, or remove it to start over", statePath)
	case err == nil:
		if err := json.Unmarshal(b, &st); err != nil {
			return nil, fmt.Errorf("openalex api: %s: %w", statePath, err)
		}
		if q.Filter == "" && q.Search == "" {
			q = st.Query // resume the saved query
		}
		if !sameQuery(st.Query, q) {
			return nil, fmt.Errorf("openalex api: %s is a download of %s, not of %s", statePath, st.Query, q)
		}
	case !errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("openalex api: %w", err)
	case opt.Resume:
		return nil, fmt.Errorf("%w: no %s", ErrNoState, statePath)
	default:
		st = State{Query: q, Started: c.now().UTC(), Cursor: "*"}
	}

	if st.Done {
		// Interrupted after OUT.part was renamed to OUT: take it back.
		if _, err := os.Stat(partPath); errors.Is(err, os.ErrNotExist) {
			if fi, err := os.Stat(out); err == nil && fi.Size() == st.Bytes {
				if err := os.Rename(out, partPath); err != nil {
					return nil, fmt.Errorf("openalex api: %w", err)
				}
			}
		}
	}
	part, err := os.OpenFile(partPath, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("openalex api: %w", err)
	}
	defer part.Close()
	fi, err := part.Stat()
	if err != nil {
		return nil, fmt.Errorf("openalex api: %w", err)
	}
	if fi.Size() < st.Bytes {
		return nil, fmt.Errorf("openalex api: %s has %d bytes, fewer than the %d the state file records: start over", partPath, fi.Size(), st.Bytes)
	}
	// Cut back what was written after the last committed page.
	if err := part.Truncate(st.Bytes); err != nil {
		return nil, fmt.Errorf("openalex api: %w", err)
	}
	if _, err := part.Seek(st.Bytes, io.SeekStart); err != nil {
		return nil, fmt.Errorf("openalex api: %w", err)
	}
	gz := strings.HasSuffix(out, ".gz")

	for !st.Done {
		params := url.Values{}
		if q.Filter != "" {
			params.Set("filter", q.Filter)
		}
		if q.Search != "" {
			params.Set("search", q.Search)
		}
		if len(q.Select) > 0 {
			params.Set("select", strings.Join(q.Select, ","))
		}
		params.Set("per_page", strconv.Itoa(q.PerPage))
		params.Set("cursor", st.Cursor)
		body, err := c.get(ctx, "/works", params)
		if err != nil {
			return nil, fmt.Errorf("%w (page %d)%s", err, st.Pages+1, saved(st))
		}
		p, err := parsePage(body, st.Pages+1, st.Cursor)
		if err == nil && p.Results == nil {
			err = &PageError{Page: st.Pages + 1, Cursor: st.Cursor, Err: errors.New("no results array")}
		}
		if err != nil {
			return nil, fmt.Errorf("%w%s", err, saved(st))
		}
		if len(p.Results) > 0 {
			chunk, err := encodePage(p.Results, gz)
			if err != nil {
				return nil, err
			}
			if _, err := part.Write(chunk); err != nil {
				return nil, fmt.Errorf("openalex api: %w", err)
			}
			if err := part.Sync(); err != nil {
				return nil, fmt.Errorf("openalex api: %w", err)
			}
			st.Bytes += int64(len(chunk))
		}
		st.Pages++
		st.Works += int64(len(p.Results))
		if st.Pages == 1 {
			st.Count = *p.Meta.Count
		}
		st.LastCount = *p.Meta.Count
		if p.Meta.NextCursor == nil || *p.Meta.NextCursor == "" || len(p.Results) == 0 {
			st.Done = true
			st.Cursor = ""
		} else {
			st.Cursor = *p.Meta.NextCursor
		}
		if err := writeAtomic(statePath, mustJSON(st)); err != nil {
			return nil, err
		}
		if opt.Progress != nil {
			opt.Progress(Progress{Page: st.Pages, Works: st.Works, Count: st.Count})
		}
	}

	if err := part.Close(); err != nil {
		return nil, fmt.Errorf("openalex api: %w", err)
	}
	sum, err := fileSHA256(partPath)
	if err != nil {
		return nil, err
	}
	res := &Result{Provenance: Provenance{
		Source: "OpenAlex API", Endpoint: baseOr(c.BaseURL) + "/works", Query: q,
		Started: st.Started, Finished: c.now().UTC(),
		Count: st.Count, LastCount: st.LastCount, Works: st.Works, Pages: st.Pages,
		File: filepath.Base(out), SHA256: sum, Version: cmp.Or(opt.Version, coauthnet.Version()),
	}}
	res.Gap = st.Count - st.Works
	// Sidecar, then file, then state: each step can be redone by a
	// resumed Download.
	if err := writeAtomic(out+ProvenanceSuffix, mustJSON(res.Provenance)); err != nil {
		return nil, err
	}
	if err := os.Rename(partPath, out); err != nil {
		return nil, fmt.Errorf("openalex api: %w", err)
	}
	if err := os.Remove(statePath); err != nil {
		return nil, fmt.Errorf("openalex api: %w", err)
	}
	return res, nil
}

// saved tells what an interrupted download kept.
func saved(st State) string {
	if st.Pages == 0 {
		return ""
	}
	return fmt.Sprintf(" (%d works of %d pages saved, resume to continue)", st.Works, st.Pages)
}

func baseOr(s string) string {
	if s == "" {
		return DefaultBaseURL
	}
	return strings.TrimRight(s, "/")
}

func sameQuery(a, b Query) bool {
	return a.Filter == b.Filter && a.Search == b.Search && a.PerPage == b.PerPage &&
		strings.Join(a.Select, ",") == strings.Join(b.Select, ",")
}

// encodePage is a page's works, one per line; for gzip one member
// with an empty header (no name, no time), so that the same page gives
// the same bytes.
func encodePage(results []json.RawMessage, gz bool) ([]byte, error) {
	var buf bytes.Buffer
	var w io.Writer = &buf
	var zw *gzip.Writer
	if gz {
		zw = gzip.NewWriter(&buf)
		w = zw
	}
	for _, r := range results {
		w.Write(r)
		w.Write([]byte{'\n'})
	}
	if zw != nil {
		if err := zw.Close(); err != nil {
			return nil, fmt.Errorf("openalex api: %w", err)
		}
	}
	return buf.Bytes(), nil
}

func mustJSON(v any) []byte {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		panic(err) // State and Provenance always marshal
	}
	return append(b, '\n')
}

// writeAtomic replaces path by data: a synced temporary file renamed.
func writeAtomic(path string, data []byte) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("openalex api: %w", err)
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("openalex api: %w", err)
	}
	return nil
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("openalex api: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("openalex api: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
