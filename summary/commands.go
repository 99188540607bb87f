package summary

import (
	"fmt"
	"io"
	"strings"

	"github.com/coauthnet/coauthnet/aggregate"
	"github.com/coauthnet/coauthnet/load"
	"github.com/coauthnet/coauthnet/tables"
)

// Communities returns the lines of `coauthnet communities` on the
// periods of tables.Communities: communities and modularity, and from
// the second period on the stability (NMI, ARI) with the previous one.
func Communities(ps []tables.CommunityPeriod) []string {
	lines := make([]string, len(ps))
	for i, x := range ps {
		lines[i] = fmt.Sprintf("%s: %d communities, modularity %.4f", x.Period, x.Communities, x.Modularity)
		if i > 0 {
			lines[i] += fmt.Sprintf(", stability with the previous period NMI %.3f ARI %.3f", x.NMI, x.ARI)
		}
	}
	return lines
}

// Converted writes the summary of `coauthnet convert` to w: records
// read and skipped, papers written in format, duplicates, the skips by
// reason and one by one, and the warnings (Warnings).
func Converted(w io.Writer, s *load.Summary, written int, format string, verbose bool) {
	fmt.Fprintf(w, "coauthnet: read %s from %d input(s), %d skipped; wrote %s as %s\n",
		Plural(s.Read, "record"), len(s.Inputs), s.Skipped, Plural(written, "paper"), format)
	Duplicates(w, s, "written")
	if s.Skipped > 0 {
		fmt.Fprintf(w, "coauthnet: skipped: %s\n", CountList(s.Reasons))
		for _, m := range s.Skips {
			fmt.Fprintf(w, "coauthnet: skipped: %s\n", m)
		}
	}
	Warnings(w, s, verbose)
	if verbose {
		Documentation(w, s)
	}
}

// Aggregate describes an aggregate of size bytes:
// "20 years, 38 nodes, 11344 yearly edges (232865 bytes)".
func Aggregate(a *aggregate.Aggregate, size int) string {
	edges := 0
	for _, y := range a.Years {
		edges += len(y.Edges)
	}
	return strings.Join([]string{Plural(len(a.Years), "year"), Plural(len(a.Nodes), "node"), Plural(edges, "yearly edge")}, ", ") +
		fmt.Sprintf(" (%d bytes)", size)
}
