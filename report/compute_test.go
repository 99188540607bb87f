package report_test

import (
	"testing"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/report"
)

// TestComputeNoYears: a series with no paper is an error that says so
// (it said "the input has 0", the zero Period's old text, before
// Period.String gave "" for it).
func TestComputeNoYears(t *testing.T) {
	_, err := report.Compute(graph.NewCounter(graph.Options{}).Series(), report.Options{Countings: []graph.Counting{graph.BiFrac}})
	if err == nil || err.Error() != "report needs at least two years with papers; the input has none" {
		t.Errorf("Compute(empty series) = %v; want the error saying the input has no year", err)
	}
}
