package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/metrics"
)

// A table is rows of values under named columns, written as CSV or JSON.
// Values are string, int or float64; NaN and ±Inf are written empty
// (CSV) or null (JSON).
type table struct {
	columns []string
	rows    [][]any
	meta    [][2]string // JSON only: written before "rows"
}

func (t *table) write(w io.Writer, format string) error {
	bw := bufio.NewWriter(w)
	switch format {
	case "csv":
		cw := csv.NewWriter(bw)
		cw.Write(t.columns)
		rec := make([]string, len(t.columns))
		for _, r := range t.rows {
			for i, v := range r {
				rec[i] = cell(v)
			}
			cw.Write(rec)
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return err
		}
	case "json":
		bw.WriteString("{")
		for _, m := range t.meta {
			k, _ := json.Marshal(m[0])
			v, _ := json.Marshal(m[1])
			fmt.Fprintf(bw, "%s:%s,", k, v)
		}
		bw.WriteString("\"rows\":[")
		for i, r := range t.rows {
			if i > 0 {
				bw.WriteString(",")
			}
			bw.WriteString("\n{")
			for j, v := range r {
				if j > 0 {
					bw.WriteString(",")
				}
				k, _ := json.Marshal(t.columns[j])
				bw.Write(k)
				bw.WriteString(":")
				bw.WriteString(jsonValue(v))
			}
			bw.WriteString("}")
		}
		bw.WriteString("\n]}\n")
	default:
		return usagef("--format %q: want csv or json", format)
	}
	return bw.Flush()
}

func cell(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return ""
		}
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	return fmt.Sprint(v)
}

func jsonValue(v any) string {
	switch x := v.(type) {
	case string:
		b, _ := json.Marshal(x)
		return string(b)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return "null"
		}
	}
	return cell(v)
}

// tableFlags are the flags of nodes and edges beyond the input flags.
type tableFlags struct {
	format, focal string
}

// periods returns the periods to tabulate: every year with --by-year,
// else --years or the whole span.
func periods(f *inputFlags, s *graph.Series) []graph.Period {
	if f.byYear {
		var ps []graph.Period
		for _, y := range s.Years() {
			ps = append(ps, graph.Year(y))
		}
		return ps
	}
	if f.opts.Years != (graph.Period{}) {
		return []graph.Period{f.opts.Years}
	}
	return []graph.Period{s.Span()}
}

func tableCommand(name, usage string, args []string, e *env, build func(f *inputFlags, tf *tableFlags, s *graph.Series) (*table, error)) error {
	var f inputFlags
	var tf tableFlags
	fs := newFlagSet(name, usage, e.stderr)
	f.register(fs)
	fs.StringVar(&tf.format, "format", "csv", "output `format`: csv or json")
	fs.StringVar(&tf.focal, "focal", "", "only this node's edges, with it as source, ranked by weight (edges)")
	out := fs.String("o", "-", "output `file`; - is standard output")
	files, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if err := f.parse(files); err != nil {
		return err
	}
	if tf.format != "csv" && tf.format != "json" {
		return usagef("--format %q: want csv or json", tf.format)
	}
	s, rep, err := load(&f, files, e)
	if err != nil {
		return err
	}
	rep.print(&f, e.stderr, s)
	t, err := build(&f, &tf, s)
	if err != nil {
		return err
	}
	c := f.countings[0]
	fmt.Fprintf(e.stderr, "coauthnet: measures use weight %s; betweenness, closeness and harmonic use distance 1/%s\n", c, c)
	return writeFile(*out, e.stdout, func(w io.Writer) error { return t.write(w, tf.format) })
}

func runNodes(args []string, e *env) error {
	return tableCommand("nodes", "coauthnet nodes [input flags] [--format csv|json] [-o OUT] FILE...", args, e,
		func(f *inputFlags, tf *tableFlags, s *graph.Series) (*table, error) {
			c := f.countings[0]
			t := &table{
				columns: strings.Split("period,node,label,papers,output,intl,degree,strength,betweenness,closeness,harmonic,eigenvector,pagerank", ","),
				meta:    [][2]string{{"weight", c.String()}, {"distance", "1/" + c.String()}},
			}
			for _, p := range periods(f, s) {
				g := s.Range(p)
				deg, str := metrics.Degree(g), metrics.Strength(g, c)
				bt, cl, hm := metrics.Paths(g, metrics.PathOptions{Counting: c})
				ev := metrics.Eigenvector(g, c)
				pr := metrics.PageRank(g, metrics.PageRankOptions{Counting: c})
				for v := 0; v < g.Len(); v++ {
					nw := g.Node(v)
					t.rows = append(t.rows, []any{p.String(), g.Label(v), g.Name(v), nw.Papers, nw.Output, nw.Intl,
						deg[v], str[v], bt[v], cl[v], hm[v], ev[v], pr[v]})
				}
			}
			return t, nil
		})
}

func runEdges(args []string, e *env) error {
	return tableCommand("edges", "coauthnet edges [input flags] [--focal CN] [--format csv|json] [-o OUT] FILE...", args, e,
		func(f *inputFlags, tf *tableFlags, s *graph.Series) (*table, error) {
			c := f.countings[0]
			t := &table{
				columns: strings.Split("period,source,target,full,bifrac,frac,share,intensity,association,salton,jaccard,inclusion,share_of_source,share_of_target,rank_for_source,rank_for_target", ","),
				meta:    [][2]string{{"weight", c.String()}},
			}
			if tf.focal != "" {
				t.meta = append(t.meta, [2]string{"focal", tf.focal})
			}
			found := false
			for _, p := range periods(f, s) {
				g := s.Range(p)
				if f.minWeight > 0 {
					g = g.Prune(c, f.minWeight)
				}
				pairs := metrics.Pairs(g, c)
				focal, ok := g.Index(tf.focal)
				found = found || ok
				type row struct {
					r    []any
					rank int
				}
				var rows []row
				for i := 0; i < g.NumEdges(); i++ {
					ed, pm := g.Edge(i), pairs[i]
					src, dst := ed.From, ed.To
					ss, st, rs, rt := pm.ShareOfSource, pm.ShareOfTarget, pm.RankForSource, pm.RankForTarget
					if tf.focal != "" {
						if !ok || (src != focal && dst != focal) {
							continue
						}
						if dst == focal { // orient focal → partner
							src, dst, ss, st, rs, rt = dst, src, st, ss, rt, rs
						}
					}
					rows = append(rows, row{[]any{p.String(), g.Label(src), g.Label(dst),
						ed.W[graph.Full], ed.W[graph.BiFrac], ed.W[graph.Frac], ed.W[graph.Share],
						pm.Intensity, pm.Association, pm.Salton, pm.Jaccard, pm.Inclusion, ss, st, rs, rt}, rs})
				}
				if tf.focal != "" { // partners ranked by weight
					for i := 1; i < len(rows); i++ {
						for j := i; j > 0 && rows[j].rank < rows[j-1].rank; j-- {
							rows[j], rows[j-1] = rows[j-1], rows[j]
						}
					}
				}
				for _, r := range rows {
					t.rows = append(t.rows, r.r)
				}
			}
			if tf.focal != "" && !found {
				return nil, fmt.Errorf("--focal %s: no such node in any period", tf.focal)
			}
			return t, nil
		})
}
