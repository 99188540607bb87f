package export

import (
	"io"
	"path/filepath"
	"strings"

	"github.com/coauthnet/coauthnet/io/pajek"
)

// Pajek: the network in a .net file, and with a partition (Data.Cluster)
// a .clu file beside it (not when writing to standard output).
func init() {
	Register(&Format{Name: "pajek", Exts: []string{".net"}, Stdout: true, Positions: true,
		Files: func(path string, d *Data) []string {
			if d.Cluster != nil && path != "-" {
				return []string{path, strings.TrimSuffix(path, filepath.Ext(path)) + ".clu"}
			}
			return []string{path}
		},
		Write: func(d *Data, files []string, create Create) error {
			err := create(files[0], func(w io.Writer) error {
				return pajek.Write(w, d.G, pajek.Options{Counting: d.Countings[0], Meta: d.Meta, X: d.X, Y: d.Y})
			})
			if err == nil && len(files) > 1 {
				err = create(files[1], func(w io.Writer) error { return pajek.WriteClusters(w, d.Cluster, d.Legend) })
			}
			return err
		}})
}
