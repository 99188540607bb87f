package graphml

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"github.com/coauthnet/coauthnet/io/table"
)

// WriteNetwork writes a graph that is not a co-authorship [graph.Graph]
// (a directed flow graph, say) from two tables: nodes, whose first
// column is the node id (string), and edges, whose first two columns are
// the source and target ids (strings); every other column becomes a
// typed node or edge attribute, written as in [Write] (explicit values,
// NaN and ±Inf left out). The nodes table's Meta are the graph-level
// attributes; attribute names must be distinct across the three.
// edgedefault is "directed" when directed is true. Rows are
// written in table order. It returns an error for tables that fail
// [table.Table.Check] or lack the id columns, and the first write error.
func WriteNetwork(w io.Writer, nodes, edges *table.Table, directed bool) error {
	if err := nodes.Check(); err != nil {
		return err
	}
	if err := edges.Check(); err != nil {
		return err
	}
	if len(nodes.Columns) < 1 || nodes.Columns[0].Kind() != table.String {
		return errors.New("graphml: node table needs a string id column first")
	}
	if len(edges.Columns) < 2 || edges.Columns[0].Kind() != table.String || edges.Columns[1].Kind() != table.String {
		return errors.New("graphml: edge table needs string source and target columns first")
	}
	seen := map[string]bool{}
	names := []string{}
	for _, m := range nodes.Meta {
		names = append(names, m.Key)
	}
	for _, c := range nodes.Columns[1:] {
		names = append(names, c.Name)
	}
	for _, c := range edges.Columns[2:] {
		names = append(names, c.Name)
	}
	for _, n := range names {
		if seen[n] {
			return fmt.Errorf("graphml: attribute %s twice (key ids must be unique)", n)
		}
		seen[n] = true
	}
	keys := metaKeys(nodes.Meta)
	for _, c := range nodes.Columns[1:] {
		keys = append(keys, key{c.Name, "node", c.Kind().String()})
	}
	for _, c := range edges.Columns[2:] {
		keys = append(keys, key{c.Name, "edge", c.Kind().String()})
	}
	def := "undirected"
	if directed {
		def = "directed"
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	header(bw, keys, def, nodes.Meta)
	data := func(cols []table.Column, i int) {
		for _, c := range cols {
			if c.Valid(i) {
				fmt.Fprintf(bw, "      <data key=\"%s\">%s</data>\n", esc(c.Name), esc(c.Text(i)))
			}
		}
	}
	for i := 0; i < nodes.Len(); i++ {
		fmt.Fprintf(bw, "    <node id=\"%s\">\n", esc(nodes.Columns[0].Text(i)))
		data(nodes.Columns[1:], i)
		bw.WriteString("    </node>\n")
	}
	for i := 0; i < edges.Len(); i++ {
		fmt.Fprintf(bw, "    <edge source=\"%s\" target=\"%s\">\n", esc(edges.Columns[0].Text(i)), esc(edges.Columns[1].Text(i)))
		data(edges.Columns[2:], i)
		bw.WriteString("    </edge>\n")
	}
	bw.WriteString("  </graph>\n</graphml>\n")
	return bw.Flush()
}
