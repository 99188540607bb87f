package tables

import (
	"errors"

	"github.com/coauthnet/coauthnet/graph"
)

// ByField builds the table of each field's series (graph.FieldCounter)
// with build and joins them under a first column "field", in the order
// of parts; Meta is the first table's. A field whose table fails (a
// focal node absent from it, say) is passed to skip, when not nil, and
// left out; when every field fails, ByField fails.
func ByField(parts []graph.FieldSeries, build func(*graph.Series) (*Sheet, error), skip func(field string, err error)) (*Sheet, error) {
	var t *Sheet
	for _, pt := range parts {
		ft, err := build(pt.Series)
		if err != nil {
			if skip != nil {
				skip(pt.Field, err)
			}
			continue
		}
		if t == nil {
			t = &Sheet{Columns: append([]string{"field"}, ft.Columns...), Meta: ft.Meta}
		}
		for _, r := range ft.Rows {
			t.Rows = append(t.Rows, append([]any{pt.Field}, r...))
		}
	}
	if t == nil {
		return nil, errors.New("--by-field: no field gave a table")
	}
	return t, nil
}

// NodeSeries returns the node table of s over periods: the rows of
// [Nodes] for each period (s.Range) in order, with the weight and
// distance in Meta.
func NodeSeries(s *graph.Series, o Options, periods []graph.Period) *Sheet {
	c := o.Counting
	t := &Sheet{
		Columns: NodeColumns(o),
		Meta:    [][2]string{{"weight", c.String()}, {"distance", "1/" + c.String()}},
	}
	for _, p := range periods {
		AddNodes(t, s.Range(p), o)
	}
	return t
}
