// Package vosviewer writes co-authorship graphs as a VOSviewer map file
// and network file (https://app.vosviewer.com/docs/file-types/map-and-network-file-type).
//
// Map file: tab-separated, a header line, one line per node:
//
//	id  label  description  [x  y]  [cluster]  weight<Links>  weight<Total link strength>  weight<Documents>  [score<…>…]
//
// id is 1..n in node order (key order); label is the display name;
// description is the node key (and any string columns), as HTML;
// x and y are present when positions are given (otherwise VOSviewer
// lays the map out itself); cluster (an integer 1..1000, empty for
// none) when a partition is given; Links is the degree, Total link
// strength the sum of the link strengths written to the network file,
// Documents the whole count of papers; every numeric extra column is a
// score<name> column (VOSviewer colours the overlay visualisation by
// score). A label or description holding a comma, a semicolon or a
// double quote is enclosed in double quotes, with inner quotes doubled
// (VOSviewer's documented rule for commas and semicolons, and the
// spreadsheet convention for quotes); tabs and line breaks become
// spaces. NaN and ±Inf are written as empty cells.
//
// Network file: one line per edge, "id1 <tab> id2 <tab> strength", no
// header. Edges whose strength is 0 are left out: VOSviewer reads a
// link as a positive association (a co-authorship edge has bifrac = 0
// only when its one link is an author's dual affiliation).
package vosviewer

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/internal/oneline"
	"github.com/coauthnet/coauthnet/io/table"
)

// Options say which weight to write and what to add.
type Options struct {
	// Counting is the link strength.
	Counting graph.Counting
	// Cluster, when not nil, gives each node's cluster 1..1000; 0 means
	// none (an empty cell).
	Cluster []int
	// Columns are extra node attributes: numbers become score<name>
	// columns, strings are added to the description.
	Columns []table.Column
	// X and Y, when not nil, are node positions.
	X, Y []float64
}

// Quote returns s as a map file cell: tabs and line breaks made spaces,
// and enclosed in double quotes (inner quotes doubled) when it holds a
// comma, a semicolon or a double quote.
func Quote(s string) string {
	s = oneline.Clean(s)
	if strings.ContainsAny(s, `,;"`) {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

func (o *Options) check(n int) error {
	if (o.X == nil) != (o.Y == nil) || o.X != nil && (len(o.X) != n || len(o.Y) != n) {
		return fmt.Errorf("vosviewer: positions for %d/%d of %d nodes", len(o.X), len(o.Y), n)
	}
	if o.Cluster != nil && len(o.Cluster) != n {
		return fmt.Errorf("vosviewer: clusters for %d of %d nodes", len(o.Cluster), n)
	}
	for v, c := range o.Cluster {
		if c < 0 || c > 1000 {
			return fmt.Errorf("vosviewer: node %d in cluster %d: VOSviewer takes clusters 1 to 1000", v, c)
		}
	}
	for _, c := range o.Columns {
		if c.Len() != n {
			return fmt.Errorf("vosviewer: column %s has %d values for %d nodes", c.Name, c.Len(), n)
		}
		if strings.ContainsAny(c.Name, "<>\t\n\",;") {
			return fmt.Errorf("vosviewer: column name %q: no <>, quotes, commas, semicolons or white space but spaces", c.Name)
		}
	}
	return nil
}

// WriteMap writes the map file of g.
func WriteMap(w io.Writer, g *graph.Graph, opts Options) error {
	n := g.Len()
	if err := opts.check(n); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	head := []string{"id", "label", "description"}
	if opts.X != nil {
		head = append(head, "x", "y")
	}
	if opts.Cluster != nil {
		head = append(head, "cluster")
	}
	head = append(head, "weight<Links>", "weight<Total link strength>", "weight<Documents>")
	for _, c := range opts.Columns {
		if c.Kind() != table.String {
			head = append(head, "score<"+c.Name+">")
		}
	}
	bw.WriteString(strings.Join(head, "\t") + "\n")
	strength := make([]float64, n)
	for e := range g.Edges() {
		if s := e.W[opts.Counting]; s > 0 {
			strength[e.From] += s
			strength[e.To] += s
		}
	}
	row := make([]string, 0, len(head))
	for v := 0; v < n; v++ {
		desc := html.EscapeString(g.Label(v))
		for _, c := range opts.Columns {
			if c.Kind() == table.String {
				desc += "<br>" + html.EscapeString(c.Name+": "+c.Text(v))
			}
		}
		row = append(row[:0], strconv.Itoa(v+1), Quote(g.Name(v)), Quote(desc))
		if opts.X != nil {
			row = append(row, table.FormatFloat(opts.X[v]), table.FormatFloat(opts.Y[v]))
		}
		if opts.Cluster != nil {
			c := ""
			if opts.Cluster[v] > 0 {
				c = strconv.Itoa(opts.Cluster[v])
			}
			row = append(row, c)
		}
		links := 0
		for _, w := range g.From(v) {
			if w[opts.Counting] > 0 {
				links++
			}
		}
		row = append(row, strconv.Itoa(links), table.FormatFloat(strength[v]), strconv.Itoa(g.Node(v).Papers))
		for _, c := range opts.Columns {
			if c.Kind() != table.String {
				row = append(row, c.Text(v))
			}
		}
		bw.WriteString(strings.Join(row, "\t") + "\n")
	}
	return bw.Flush()
}

// WriteNetwork writes the network file of g: the edges with positive
// strength.
func WriteNetwork(w io.Writer, g *graph.Graph, c graph.Counting) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	for e := range g.Edges() {
		if s := e.W[c]; s > 0 {
			fmt.Fprintf(bw, "%d\t%d\t%s\n", e.From+1, e.To+1, table.FormatFloat(s))
		}
	}
	return bw.Flush()
}
