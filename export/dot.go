package export

import (
	"io"

	"github.com/coauthnet/coauthnet/io/dot"
)

func init() {
	Register(&Format{Name: "dot", Exts: []string{".dot", ".gv"}, Files: one, Stdout: true,
		Write: func(d *Data, files []string, create Create) error {
			return create(files[0], func(w io.Writer) error {
				return dot.Write(w, d.G, dot.Options{Counting: d.Countings, Nodes: d.Nodes, Edges: d.Edges, Meta: d.Meta})
			})
		}})
}
