package api

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestProgressBar(t *testing.T) {
	for _, c := range []struct {
		p    Progress
		want string
	}{
		// 1200/4521 = 26.5%: 2 of 10 characters (floor), 27% printed (%.0f rounds).
		{Progress{Page: 12, Works: 1200, Count: 4521}, "[##--------] 1200/4521 works (27%), page 12"},
		{Progress{Page: 1, Works: 50, Count: 0}, "[----------] 50/0 works (0%), page 1"},
		{Progress{Page: 3, Works: 300, Count: 200}, "[##########] 300/200 works (100%), page 3"},
	} {
		if got := c.p.Bar(10); got != c.want {
			t.Errorf("Bar = %q, want %q", got, c.want)
		}
	}
}

func TestResultChecks(t *testing.T) {
	r := &Result{Provenance: Provenance{Works: 90, Count: 100, LastCount: 101}, Gap: 10}
	want := []string{"warning: 10 works fewer than meta.count 100: the cursor ended early or works left the index during the fetch",
		"note: meta.count went from 100 to 101 during the fetch"}
	if got := r.Checks(); !slices.Equal(got, want) {
		t.Errorf("Checks = %q", got)
	}
	r = &Result{Provenance: Provenance{Works: 100, Count: 100, LastCount: 100}}
	if got := r.Checks(); !slices.Equal(got, []string{"count check: 100 works = meta.count"}) {
		t.Errorf("Checks = %q", got)
	}
}

// TestGroupsChecks: the summary line, and the warning only when the
// groups fetched differ from a sent meta.groups_count.
func TestGroupsChecks(t *testing.T) {
	two := []Group{{Key: "US", Count: 61}, {Key: "GB", Count: 19}}
	for _, c := range []struct {
		count int64
		want  []string
	}{
		{2, []string{"2 groups of 200 works by authorships.countries"}},
		{-1, []string{"2 groups of 200 works by authorships.countries"}},
		{3, []string{"2 groups of 200 works by authorships.countries", "warning: 2 groups fetched, meta.groups_count says 3"}},
	} {
		r := &GroupsResult{Groups: two, GroupsCount: c.count, Count: 200}
		if got := r.Checks("authorships.countries"); !slices.Equal(got, c.want) {
			t.Errorf("groups_count %d: %q, want %q", c.count, got, c.want)
		}
	}
}

// TestInterrupted: a cancelled download is resumable once its state
// file exists; other errors pass through; the advice still wraps the
// cancellation (the command's exit status 130 depends on it).
func TestInterrupted(t *testing.T) {
	out := filepath.Join(t.TempDir(), "w.jsonl")
	other := errors.New("openalex api: HTTP 500")
	if got := Interrupted(out, other); got != other {
		t.Errorf("Interrupted(other) = %v", got)
	}
	cancelled := fmt.Errorf("page 2: %w", context.Canceled)
	if got := Interrupted(out, cancelled); !strings.Contains(got.Error(), "before the first page") || !errors.Is(got, context.Canceled) {
		t.Errorf("no state file: %v (wraps context.Canceled: %v)", got, errors.Is(got, context.Canceled))
	}
	if err := os.WriteFile(out+StateSuffix, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := Interrupted(out, cancelled); !strings.Contains(got.Error(), "--resume") || !errors.Is(got, context.Canceled) {
		t.Errorf("state file saved: %v (wraps context.Canceled: %v)", got, errors.Is(got, context.Canceled))
	}
}

// TestPrinter: the bar redrawn in place on a terminal, a line per page
// elsewhere; a message ends the bar's line on a terminal first; End
// ends it there only. The bars are BarWidth (30) wide: 1200 of 4800
// works is a quarter, int(0.25·30) = 7 marks, 25% (the expectations of
// the command's former TestFetchProgress, where this code lived).
func TestPrinter(t *testing.T) {
	const pre = "coauthnet fetch: "
	var term, log bytes.Buffer
	for _, pr := range []Printer{{W: &term, Prefix: pre, Terminal: true}, {W: &log, Prefix: pre}} {
		pr.Progress(Progress{Page: 12, Works: 1200, Count: 4800})
		pr.Logf("503 %s; retrying in %v", "Service Unavailable", "1s")
		pr.Progress(Progress{Page: 13, Works: 1300, Count: 0})
		pr.End()
		pr.Println("count check: 1300 works = meta.count", "note: x")
	}
	bar12 := pre + "[#######-----------------------] 1200/4800 works (25%), page 12"
	bar13 := pre + "[------------------------------] 1300/0 works (0%), page 13"
	msg := pre + "503 Service Unavailable; retrying in 1s\n"
	end := pre + "count check: 1300 works = meta.count\n" + pre + "note: x\n"
	if want := "\r" + bar12 + "\n" + msg + "\r" + bar13 + "\n" + end; term.String() != want {
		t.Errorf("terminal:\n%q\nwant\n%q", term.String(), want)
	}
	if want := bar12 + "\n" + msg + bar13 + "\n" + end; log.String() != want {
		t.Errorf("not a terminal:\n%q\nwant\n%q", log.String(), want)
	}
}
