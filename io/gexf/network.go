package gexf

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"github.com/coauthnet/coauthnet/io/table"
)

// WriteNetwork writes a static graph that is not a co-authorship
// [graph.Graph] (a directed flow graph, say) from two tables, as
// graphml.WriteNetwork does: nodes, whose first column is the node id
// (string), and edges, whose first two columns are the source and target
// ids (strings); the other columns become node and edge attributes. An
// edge column named "weight" (float or int) is also the edge's weight
// attribute. defaultedgetype is "directed" when directed is true; rows
// are written in table order; nodes.Meta is the provenance, as in
// [Write]. It returns an error for tables that fail
// [table.Table.Check] or lack the id columns, and the first write error.
func WriteNetwork(w io.Writer, nodes, edges *table.Table, directed bool) error {
	if err := nodes.Check(); err != nil {
		return err
	}
	if err := edges.Check(); err != nil {
		return err
	}
	if len(nodes.Columns) < 1 || nodes.Columns[0].Kind() != table.String {
		return errors.New("gexf: node table needs a string id column first")
	}
	if len(edges.Columns) < 2 || edges.Columns[0].Kind() != table.String || edges.Columns[1].Kind() != table.String {
		return errors.New("gexf: edge table needs string source and target columns first")
	}
	weight := -1
	for i, c := range edges.Columns[2:] {
		if c.Name == "weight" && c.Kind() != table.String {
			weight = i + 2
		}
	}
	bw := writer{bufio.NewWriterSize(w, 1<<16)}
	edgeType := "undirected"
	if directed {
		edgeType = "directed"
	}
	bw.header("static", edgeType, nodes.Meta, "")
	var nattrs, eattrs []attr
	for _, c := range nodes.Columns[1:] {
		nattrs = append(nattrs, attr{c.Name, colType(c)})
	}
	for _, c := range edges.Columns[2:] {
		eattrs = append(eattrs, attr{c.Name, colType(c)})
	}
	bw.attributes("node", "static", nattrs)
	bw.attributes("edge", "static", eattrs)
	bw.WriteString("    <nodes>\n")
	for i := 0; i < nodes.Len(); i++ {
		id := nodes.Columns[0].Text(i)
		fmt.Fprintf(bw, "      <node id=\"%s\" label=\"%s\">\n", esc(id), esc(id))
		values(bw, nodes.Columns[1:], i)
		bw.WriteString("      </node>\n")
	}
	bw.WriteString("    </nodes>\n    <edges>\n")
	for i := 0; i < edges.Len(); i++ {
		fmt.Fprintf(bw, "      <edge id=\"%d\" source=\"%s\" target=\"%s\"", i, esc(edges.Columns[0].Text(i)), esc(edges.Columns[1].Text(i)))
		if weight >= 0 && edges.Columns[weight].Valid(i) {
			fmt.Fprintf(bw, " weight=\"%s\"", edges.Columns[weight].Text(i))
		}
		bw.WriteString(">\n")
		values(bw, edges.Columns[2:], i)
		bw.WriteString("      </edge>\n")
	}
	bw.WriteString("    </edges>\n  </graph>\n</gexf>\n")
	return bw.Flush()
}

func values(w writer, cols []table.Column, i int) {
	if len(cols) == 0 {
		return
	}
	w.WriteString("        <attvalues>\n")
	for _, c := range cols {
		if c.Valid(i) {
			w.value(c.Name, c.Text(i), "")
		}
	}
	w.WriteString("        </attvalues>\n")
}
