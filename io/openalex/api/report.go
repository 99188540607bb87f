package api

import (
	"fmt"
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
