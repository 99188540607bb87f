package api

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// Bar draws p as "[#####-----] 1200/4521 works (26%), page 12" with a
// bar of width characters: the share of meta.count fetched (capped at
// 100%; 0 while the count is unknown).
func (p Progress) Bar(width int) string {
	frac := 0.0
	if p.Count > 0 {
		frac = min(1, float64(p.Works)/float64(p.Count))
	}
	n := int(frac * float64(width))
	bar := strings.Repeat("#", n) + strings.Repeat("-", width-n)
	return fmt.Sprintf("[%s] %d/%d works (%.0f%%), page %d", bar, p.Works, p.Count, 100*frac, p.Page)
}

// Checks returns what a finished download says about its count: a
// warning when fewer works came than meta.count announced (the cursor
// ended early or works left the index), or more (works entered it),
// else the count check passed; then a note when meta.count changed
// during the download.
func (r *Result) Checks() []string {
	var lines []string
	switch {
	case r.Gap > 0:
		lines = append(lines, fmt.Sprintf("warning: %d works fewer than meta.count %d: the cursor ended early or works left the index during the fetch", r.Gap, r.Count))
	case r.Gap < 0:
		lines = append(lines, fmt.Sprintf("warning: %d works more than meta.count %d: works entered the index during the fetch", -r.Gap, r.Count))
	default:
		lines = append(lines, fmt.Sprintf("count check: %d works = meta.count", r.Works))
	}
	if r.LastCount != r.Count {
		lines = append(lines, fmt.Sprintf("note: meta.count went from %d to %d during the fetch", r.Count, r.LastCount))
	}
	return lines
}

// Checks returns what a finished GroupBy by field says: "N groups of M
// works by FIELD", then a warning when the groups fetched are not as
// many as meta.groups_count announced.
func (r *GroupsResult) Checks(field string) []string {
	lines := []string{fmt.Sprintf("%d groups of %d works by %s", len(r.Groups), r.Count, field)}
	if r.GroupsCount >= 0 && int64(len(r.Groups)) != r.GroupsCount {
		lines = append(lines, fmt.Sprintf("warning: %d groups fetched, meta.groups_count says %d", len(r.Groups), r.GroupsCount))
	}
	return lines
}

// Interrupted returns the error of a Download into out that err ended:
// when its context was cancelled (err wraps context.Canceled), whether
// the download can continue with Options.Resume (a state file was
// saved after a first page) or must start again; any other err as it
// is.
//
// The error it returns for a cancelled download still wraps err, so
// that errors.Is(e, context.Canceled) tells a caller it was interrupted
// (the command exits with 130).
func Interrupted(out string, err error) error {
	if !errors.Is(err, context.Canceled) {
		return err
	}
	if _, serr := os.Stat(out + StateSuffix); serr == nil {
		return interruptedError{"interrupted: run the same command with --resume to continue", err}
	}
	return interruptedError{"interrupted before the first page was saved", err}
}

// interruptedError is Interrupted's advice, wrapping the cancellation.
type interruptedError struct {
	msg string
	err error
}

func (e interruptedError) Error() string { return e.msg }
func (e interruptedError) Unwrap() error { return e.err }

// A Printer shows a download to a person reading W, every line after
// Prefix (such as "coauthnet fetch: "): the progress bar after each page
// ([Printer.Progress], for [Options].Progress), the retries
// ([Printer.Logf], for [Client].Log) and what the download says at the
// end ([Printer.Println] of [Result.Checks] or [GroupsResult.Checks]).
// On a terminal the bar is redrawn in place (a carriage return and no
// newline), so a retry message first ends the bar's line and
// [Printer.End] ends it after the download; elsewhere each bar is a line
// of its own, a log that a program can keep.
type Printer struct {
	W        io.Writer
	Prefix   string
	Terminal bool // W is a terminal
}

// BarWidth is the width of a Printer's bar ([Progress.Bar]).
const BarWidth = 30

// Progress draws p's bar: in place on a terminal, as a line otherwise.
func (pr Printer) Progress(p Progress) {
	line := pr.Prefix + p.Bar(BarWidth)
	if pr.Terminal {
		fmt.Fprintf(pr.W, "\r%s", line)
	} else {
		fmt.Fprintln(pr.W, line)
	}
}

// Logf writes a message as fmt.Sprintf(format, args...) on a line of
// its own; on a terminal it first ends the bar's line.
func (pr Printer) Logf(format string, args ...any) {
	if pr.Terminal {
		fmt.Fprintln(pr.W) // end the progress line
	}
	fmt.Fprintf(pr.W, "%s%s\n", pr.Prefix, fmt.Sprintf(format, args...))
}

// Println writes each line after Prefix, for what follows End.
func (pr Printer) Println(lines ...string) {
	for _, l := range lines {
		fmt.Fprintf(pr.W, "%s%s\n", pr.Prefix, l)
	}
}

// End ends the bar's line after a download, on a terminal; elsewhere
// it writes nothing.
func (pr Printer) End() {
	if pr.Terminal {
		fmt.Fprintln(pr.W)
	}
}
