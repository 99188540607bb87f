package export

import (
	"io"

	"github.com/coauthnet/coauthnet/io/graphml"
)

func init() {
	Register(&Format{Name: "graphml", Exts: []string{".graphml"}, Files: one, Stdout: true,
		Write: func(d *Data, files []string, create Create) error {
			return create(files[0], func(w io.Writer) error {
				return graphml.Write(w, d.G, graphml.Options{Counting: d.Countings, Nodes: d.Nodes, Edges: d.Edges, Meta: d.Meta})
			})
		}})
}
