package graphml

import (
	"testing"

	"github.com/coauthnet/coauthnet/io/internal/exporttest"
)

// BenchmarkWriteInstitutions writes the institution-scale graph
// (exporttest.InstitutionGraph: 42,972 nodes, 641,526 edges, the
// command's columns; 267 MB of GraphML) to a writer that only counts,
// as coauthnet build -o /dev/null does, with Write and with the
// fmt-based writer it replaced (reference); -cpu 1,2 shows the parallel
// formatting of blocks.
func BenchmarkWriteInstitutions(b *testing.B) {
	_, cols := exporttest.InstitutionGraph()
	exporttest.BenchWrite(b, Options{Nodes: cols[0], Edges: cols[1]}, Write, writeReference)
}
