package export

import (
	"io"

	"github.com/coauthnet/coauthnet/io/vosviewer"
)

// VOSviewer: a map file (items, clusters, positions, columns) and a
// network file (weighted links), base-map.txt and base-network.txt.
func init() {
	Register(&Format{Name: "vosviewer", Exts: []string{".txt"}, Files: pair("map", "network"), Positions: true,
		Write: func(d *Data, files []string, create Create) error {
			c := d.Countings[0]
			err := create(files[0], func(w io.Writer) error {
				return vosviewer.WriteMap(w, d.G, vosviewer.Options{Counting: c, Cluster: d.Cluster, Columns: d.Nodes, X: d.X, Y: d.Y})
			})
			if err == nil {
				err = create(files[1], func(w io.Writer) error { return vosviewer.WriteNetwork(w, d.G, c) })
			}
			return err
		}})
}
