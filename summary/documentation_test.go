package summary_test

import (
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/load"
	"github.com/coauthnet/coauthnet/summary"
)

// TestDocumentationVerbose: files left out of a directory as
// documentation are listed with -v (Verbose) only, never as a warning.
func TestDocumentationVerbose(t *testing.T) {
	s := &load.Summary{Documentation: []string{"d/SOURCES.md"}}
	line := "coauthnet: not read: d/SOURCES.md: documentation, not a bibliographic export\n"
	for _, verbose := range []bool{false, true} {
		var w, c strings.Builder
		summary.Write(&w, s, graph.Stats{}, nil, summary.Options{Verbose: verbose})
		summary.Converted(&c, s, 0, "jsonl", verbose)
		for name, out := range map[string]string{"Write": w.String(), "Converted": c.String()} {
			if strings.Contains(out, line) != verbose || strings.Contains(out, "WARNING") {
				t.Errorf("%s, verbose %v:\n%s", name, verbose, out)
			}
		}
	}
}
