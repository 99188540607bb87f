package export

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/table"
	"github.com/coauthnet/coauthnet/metrics"
)

// Backbone keeps a backbone of g's edges by weight c, as coauthnet build
// --backbone does: "mst", the maximum spanning tree (forest)
// (metrics.MaximumSpanningTree), or "disparity", the edges significant
// at level alpha under the disparity filter of Serrano et al. 2009
// (metrics.Disparity); "" keeps g. It returns the graph with the
// provenance row to add to its metadata ("backbone" = "mst" or
// "disparity alpha=A"; none for ""). Another kind is an error.
func Backbone(g *graph.Graph, kind string, c graph.Counting, alpha float64) (*graph.Graph, []table.Meta, error) {
	switch kind {
	case "":
		return g, nil, nil
	case "mst":
		keep, err := metrics.MaximumSpanningTree(g, c)
		if err != nil {
			return nil, nil, err
		}
		return g.Filter(func(i int) bool { return keep[i] }), []table.Meta{{Key: "backbone", Value: kind}}, nil
	case "disparity":
		keep := metrics.Disparity(g, c, alpha)
		b := kind + " alpha=" + strconv.FormatFloat(alpha, 'g', -1, 64)
		return g.Filter(func(i int) bool { return keep[i] }), []table.Meta{{Key: "backbone", Value: b}}, nil
	}
	return nil, nil, fmt.Errorf("export: backbone %q: want mst or disparity", kind)
}

// FileSafe turns a name (a field, say) into a part of a file name:
// letters, digits and '-' are kept, every run of anything else becomes
// one '_', and '_' is trimmed from both ends ("Plant Sciences" →
// "Plant_Sciences", "(no field)" → "no_field").
func FileSafe(s string) string {
	var b strings.Builder
	under := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' {
			b.WriteRune(r)
			under = false
		} else if !under {
			b.WriteByte('_')
			under = true
		}
	}
	return strings.Trim(b.String(), "_")
}
