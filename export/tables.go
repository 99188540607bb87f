package export

import (
	"io"

	"github.com/coauthnet/coauthnet/io/table"
	"github.com/coauthnet/coauthnet/tables"
)

// csv and parquet: the node table (with Data.Nodes appended) and the
// edge table of package tables, base-nodes.ext and base-edges.ext, each
// with the level, years, weight and provenance.
func init() {
	for _, name := range []string{"csv", "parquet"} {
		Register(&Format{Name: name, Exts: []string{"." + name}, Files: pair("nodes", "edges"), Tables: true,
			Write: func(d *Data, files []string, create Create) error {
				nodes := tables.Nodes(d.G, d.Tables)
				tables.AppendColumns(nodes, d.Nodes)
				edges := tables.Edges(d.G, d.Tables)
				var err error
				for i, t := range []*tables.Sheet{nodes, edges} {
					tb := t.Typed()
					tb.Meta = append([]table.Meta{{Key: "level", Value: d.G.Level().String()}, {Key: "years", Value: d.G.Period().String()},
						{Key: "weight_counting", Value: d.Tables.Counting.String()}}, d.Meta...)
					if err == nil {
						err = create(files[i], func(w io.Writer) error {
							if name == "csv" {
								return tb.WriteCSV(w)
							}
							return tb.WriteParquet(w)
						})
					}
				}
				return err
			}})
	}
}
