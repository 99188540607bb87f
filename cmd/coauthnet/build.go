package main

import (
	"fmt"
	"github.com/coauthnet/coauthnet/atomicfile"
	"github.com/coauthnet/coauthnet/load"
	"github.com/coauthnet/coauthnet/summary"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/table"
	"github.com/coauthnet/coauthnet/metrics"
)

func runBuild(args []string, e *env) error {
	var f inputFlags
	var x exportFlags
	fs := newFlagSet("build", "coauthnet build [input flags] [--to FORMAT] [--attach centrality,communities,blocs] [-o out.graphml | -o 'out-{year}.graphml'] FILE...", e.stderr)
	f.register(fs)
	f.allowByField = true
	x.register(fs)
	f.measures.register(fs)
	out := fs.String("o", "-", "output `file`; with --by-year it must contain {year} (except --to gexf: one dynamic file), with --by-field {field}; - is standard output")
	backbone := fs.String("backbone", "", "keep only a backbone of the edges: mst (maximum spanning tree) or disparity (Serrano et al. 2009)")
	alpha := fs.Float64("alpha", 0.05, "significance level of --backbone disparity")
	files, err := f.parseCommand(fs, args)
	if err != nil {
		return err
	}
	if err := x.check(*out); err != nil {
		return err
	}
	if x.attach.Centrality && f.measures.list == "default" {
		f.measures.set = metrics.AllMeasures // --attach centrality: every measure, unless --measures says which
	}
	if f.byField != strings.Contains(*out, "{field}") {
		return usagef("--by-field writes one file per field: -o must contain {field} (and {field} needs --by-field)")
	}
	dynamic := f.byYear && x.to == "gexf" && !strings.Contains(*out, "{year}")
	if f.byYear && !dynamic && !strings.Contains(*out, "{year}") {
		return usagef("--by-year writes one file per year: -o must contain {year}, e.g. -o 'graph-{year}.graphml' (or --to gexf for one dynamic file)")
	}
	if !f.byYear && strings.Contains(*out, "{year}") {
		return usagef("-o %s contains {year}: add --by-year", *out)
	}
	if *backbone != "" && *backbone != "mst" && *backbone != "disparity" {
		return usagef("--backbone %q: want mst or disparity", *backbone)
	}
	if *alpha <= 0 || *alpha >= 1 {
		return usagef("--alpha %v: want a level between 0 and 1", *alpha)
	}
	s, rep, err := count(&f, files, e)
	if err != nil {
		return err
	}
	rep.print(&f, e.stderr, s)

	if x.withBlocs {
		if err := x.blocsOf(&f, s); err != nil {
			return err
		}
	}
	defer f.measures.printCosts(e.stderr)
	if !f.byField {
		return writeSeries(&f, &x, s, rep, *out, *backbone, *alpha, dynamic, e)
	}
	for _, pt := range rep.parts() {
		path := strings.ReplaceAll(*out, "{field}", fileSafe(pt.field))
		if err := writeSeries(&f, &x, pt.s, rep, path, *backbone, *alpha, dynamic, e); err != nil {
			return fmt.Errorf("field %s: %w", pt.field, err)
		}
	}
	return nil
}

// fileSafe turns a field name into a file name part: letters, digits,
// '-' and '_' kept, runs of anything else made one '_'.
func fileSafe(s string) string {
	var b strings.Builder
	under := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' {
			b.WriteRune(r)
			under = false
		} else if !under {
			b.WriteByte('_')
			under = true
		}
	}
	return strings.Trim(b.String(), "_")
}

// writeSeries writes the graphs of s (one, one per year, or one dynamic
// GEXF) to out.
func writeSeries(f *inputFlags, x *exportFlags, s *graph.Series, rep *loaded, out, backbone string, alpha float64, dynamic bool, e *env) error {
	periods := []graph.Period{s.Span()}
	if f.opts.Years != (graph.Period{}) {
		periods[0] = f.opts.Years
	}
	if f.byYear {
		periods = periods[:0]
		for _, y := range s.Years() {
			periods = append(periods, graph.Year(y))
		}
	}
	var yearly []*graph.Graph
	for _, p := range periods {
		g := s.Range(p)
		if f.minWeight > 0 {
			g = g.Prune(f.countings[0], f.minWeight)
		}
		switch backbone {
		case "mst":
			keep, err := metrics.MaximumSpanningTree(g, f.countings[0])
			if err != nil {
				return err
			}
			g = g.Filter(func(i int) bool { return keep[i] })
		case "disparity":
			keep := metrics.Disparity(g, f.countings[0], alpha)
			g = g.Filter(func(i int) bool { return keep[i] })
		}
		meta := provenance(f, rep)
		if backbone != "" {
			b := backbone
			if b == "disparity" {
				b += " alpha=" + strconv.FormatFloat(alpha, 'g', -1, 64)
			}
			meta = append(meta, table.Meta{Key: "backbone", Value: b})
		}
		if dynamic {
			yearly = append(yearly, g)
			continue
		}
		path := strings.ReplaceAll(out, "{year}", p.String())
		files, err := x.export(f, g, path, meta, e)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "coauthnet: %s → %s\n", g, where(files))
	}
	if dynamic {
		if len(yearly) == 0 {
			return fmt.Errorf("no papers counted: nothing to write")
		}
		if err := x.exportDynamic(f, s, yearly, out, provenance(f, rep), e); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "coauthnet: %d yearly graphs %d-%d → %s (dynamic GEXF)\n", len(yearly), yearly[0].Period().From, yearly[len(yearly)-1].Period().To, where([]string{out}))
	}
	return nil
}

// where names output files for the summary line.
func where(files []string) string {
	if len(files) == 1 && files[0] == "-" {
		return "standard output"
	}
	return strings.Join(files, ", ")
}

// writeFile writes to path ("-" for stdout) through atomicfile: a file
// appears under its name only when complete.
func writeFile(path string, stdout io.Writer, write func(io.Writer) error) error {
	if path == "-" {
		return write(stdout)
	}
	setDoing("writing " + path)
	willCreate(path)
	return atomicfile.Write(path, write)
}

// provenance is the graph-level metadata of every export.
func provenance(f *inputFlags, r *loaded) []table.Meta {
	return summary.Provenance(r.Summary, load.Options{Policy: f.pol, Dedup: f.dedupRules}, r.stats, f.opts, f.minWeight)
}
