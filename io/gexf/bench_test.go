package gexf

import (
	"testing"

	"github.com/coauthnet/coauthnet/io/internal/exporttest"
)

// BenchmarkWriteInstitutions writes the institution-scale graph
// (exporttest.InstitutionGraph: 42,972 nodes, 641,526 edges, the
// command's columns) as static GEXF to a writer that only counts, with
// Write and with the fmt-based writer it replaced (reference).
func BenchmarkWriteInstitutions(b *testing.B) {
	_, cols := exporttest.InstitutionGraph()
	exporttest.BenchWrite(b, Options{Nodes: cols[0], Edges: cols[1]}, Write, writeReference)
}
