package export

import (
	"io"

	"github.com/coauthnet/coauthnet/io/gexf"
)

func init() {
	Register(&Format{Name: "gexf", Exts: []string{".gexf"}, Files: one, Stdout: true, Positions: true,
		Write: func(d *Data, files []string, create Create) error {
			return create(files[0], func(w io.Writer) error {
				return gexf.Write(w, d.G, gexf.Options{Counting: d.Countings, Nodes: d.Nodes, Edges: d.Edges, Meta: d.Meta, X: d.X, Y: d.Y})
			})
		}})
}
