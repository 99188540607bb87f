package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/coauthnet/coauthnet/community"
	"github.com/coauthnet/coauthnet/tables"
)

// blocFile is the user bloc file: JSON with lists of node keys.
type blocFile struct {
	Comment     string   `json:"comment"`
	Partners    []string `json:"partners"`
	Competitors []string `json:"competitors"`
}

func readBlocFile(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f blocFile
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%s: %v (want {\"partners\": [...], \"competitors\": [...]})", path, err)
	}
	m := map[string]string{}
	for _, c := range f.Partners {
		m[c] = "partner"
	}
	for _, c := range f.Competitors {
		if m[c] == "partner" {
			return nil, fmt.Errorf("%s: %s is both a partner and a competitor", path, c)
		}
		m[c] = "competitor"
	}
	return m, nil
}

func runBlocs(args []string, e *env) error {
	var f inputFlags
	fs := newFlagSet("blocs", "coauthnet blocs [input flags] --poles CN,US [--focal CN] [--split YEAR] [--peak count|intensity] [--blocs FILE] [--indices] [--format csv|json] FILE...", e.stderr)
	f.register(fs)
	poles := fs.String("poles", "", "the two poles, `P,Q` (node keys)")
	focal := fs.String("focal", "", "the focal pole (default: the first of --poles)")
	rival := fs.String("rival", "", "the other pole: --focal P --rival Q is --poles P,Q")
	split := fs.Int("split", 0, "split `year`: leans before (≤) and after it (default: the change point of the poles' series, else the halves)")
	since := fs.Int("since", 0, "deprecated: same as --split")
	peak := fs.String("peak", community.DefaultPeakSeries, "poles' `series` whose change point splits the years: count (bifrac weight) or intensity")
	window := fs.Int("window", 0, "at most `N` years on each side of the split (default: all)")
	alpha := fs.Float64("alpha", community.DefaultAlpha, "level of the multiplicity-adjusted test")
	minEffect := fs.Float64("min-effect", community.DefaultMinEffect, "smallest |Δlean| that makes a partner or competitor")
	minPapers := fs.Int("min-papers", community.DefaultMinPapers, "papers in each of the four cells (X with each pole, before and after); fewer: insufficient data")
	correction := fs.String("correction", community.DefaultCorrection, "multiplicity correction: bh (Benjamini–Hochberg) or holm")
	file := fs.String("blocs", "", "user blocs: a JSON `file` {\"partners\": [...], \"competitors\": [...]} instead of inferred ones")
	boot := fs.Int("bootstrap", 200, "bootstrap replicates of the bifurcation indices")
	seed := fs.Uint64("seed", 1, "seed of the bootstrap")
	indices := fs.Bool("indices", false, "CSV: write the yearly bifurcation indices instead of the blocs")
	format := fs.String("format", "csv", "output `format`: csv or json")
	out := fs.String("o", "-", "output `file`; - is standard output")
	var cf csvFlags
	cf.register(fs)
	files, err := f.parseCommand(fs, args)
	if err != nil {
		return err
	}
	if _, err := cf.options(); err != nil {
		return err
	}
	if *poles == "" && *focal != "" && *rival != "" {
		*poles = *focal + "," + *rival
	} else if *rival != "" {
		return usagef("--rival goes with --focal, instead of --poles")
	}
	p, q, err := f.parsePoles(*poles)
	if err != nil {
		return err
	}
	if *focal != "" {
		if *focal, err = f.nodeArg("--focal", *focal); err != nil {
			return err
		}
	}
	if *focal != "" && *focal != p {
		if *focal != q {
			return usagef("--focal %s is not one of --poles %s", *focal, *poles)
		}
		p, q = q, p
	}
	if err := tableOut(fs, *out, format); err != nil {
		return err
	}
	if *peak != "count" && *peak != "intensity" {
		return usagef("--peak %q: want count or intensity", *peak)
	}
	if *correction != "bh" && *correction != "holm" {
		return usagef("--correction %q: want bh or holm", *correction)
	}
	if !(*alpha > 0 && *alpha < 1) || !(*minEffect >= 0) || *minPapers < 1 || *window < 0 || isSet(fs, "window") && *window < 1 || *boot < 1 {
		return usagef("want 0 < --alpha < 1, --min-effect ≥ 0, --min-papers ≥ 1, --window ≥ 1 (or left out: every year), --bootstrap ≥ 1")
	}
	if *split == 0 {
		*split = *since
	}
	var user map[string]string
	if *file != "" {
		if user, err = readBlocFile(*file); err != nil {
			return err
		}
	}
	s, rep, err := count(&f, files, e)
	if err != nil {
		return err
	}
	rep.print(&f, e.stderr, s)
	me := *minEffect
	if me == 0 {
		me = -1 // an explicit 0, not the default
	}
	b, err := community.InferBlocs(s, community.BlocOptions{Focal: p, Rival: q, Split: *split, PeakSeries: *peak, Window: *window,
		Alpha: *alpha, MinEffect: me, MinPapers: *minPapers, Correction: *correction})
	if err != nil {
		return err
	}
	bloc := b.Map()
	if user != nil {
		bloc = user
	}
	bi := community.BifurcationCI(s, p, q, bloc, community.BifurcationOptions{Bootstrap: *boot, Seed: *seed, Split: b.Split})
	for _, w := range b.Warnings {
		fmt.Fprintf(e.stderr, "coauthnet: warning: %s\n", w)
	}
	for _, n := range bi.Notes {
		fmt.Fprintf(e.stderr, "coauthnet: %s\n", n)
	}
	fmt.Fprintf(e.stderr, "coauthnet: poles %s (focal) and %s; split %d: %s\n", p, q, b.Split, b.SplitMethod)
	fmt.Fprintf(e.stderr, "coauthnet: lean = ln(association strength with %s / with %s), before %s, after %s; Woolf interval with year-to-year variance τ² = %.3g; %s-adjusted p < %g and |Δ| ≥ %g for a bloc, at least %d papers a cell\n",
		p, q, yearsText(b.Before), yearsText(b.After), b.Tau2, b.Correction, b.Alpha, b.MinEffect, b.MinPapers)
	counts := map[string]int{}
	for _, a := range b.Assignments {
		counts[a.Bloc]++
	}
	fmt.Fprintf(e.stderr, "coauthnet: inferred %d partners, %d competitors, %d hedgers, %d with insufficient data\n",
		counts[community.Partner], counts[community.Competitor], counts[community.Hedger], counts[community.Insufficient])
	for _, tr := range bi.Trends {
		fmt.Fprintf(e.stderr, "coauthnet: %s: %.3g (≤ %d) → %.3g (after), change %+.3g [%+.3g, %+.3g]: %s\n", tr.Index, tr.Before, bi.Split, tr.After, tr.Change, tr.Low, tr.High, tr.Verdict)
	}

	t, it, tt := tables.BlocsTable(b, user), tables.IndicesTable(bi), tables.TrendsTable(bi)
	return writeFile(*out, e.stdout, func(w io.Writer) error {
		if *format == "csv" {
			if *indices {
				return cf.writeSheet(w, it, "csv")
			}
			return cf.writeSheet(w, t, "csv")
		}
		src := "inferred"
		if user != nil {
			src = *file
		}
		var sb strings.Builder
		fmt.Fprintf(&sb, "{%s:[%s,%s],%s:%s,%s:%d,%s:%s,%s:%s,%s:%t,%s:%s,%s:%s,\n",
			tables.JSONValue("poles"), tables.JSONValue(p), tables.JSONValue(q), tables.JSONValue("focal"), tables.JSONValue(p),
			tables.JSONValue("split"), b.Split, tables.JSONValue("split_method"), tables.JSONValue(b.SplitMethod), tables.JSONValue("series"), tables.JSONValue(b.Series),
			tables.JSONValue("significant"), b.Significant, tables.JSONValue("before"), intsJSON(b.Before), tables.JSONValue("after"), intsJSON(b.After))
		fmt.Fprintf(&sb, "%s:{%s:%s,%s:%s,%s:%s,%s:%d,%s:%s},%s:%s,\n%s:",
			tables.JSONValue("rule"), tables.JSONValue("alpha"), tables.JSONValue(b.Alpha), tables.JSONValue("correction"), tables.JSONValue(b.Correction),
			tables.JSONValue("min_effect"), tables.JSONValue(b.MinEffect), tables.JSONValue("min_papers"), b.MinPapers, tables.JSONValue("tau2"), tables.JSONValue(b.Tau2),
			tables.JSONValue("source"), tables.JSONValue(src), tables.JSONValue("blocs"))
		sb.WriteString(tables.RowsJSON(t))
		sb.WriteString(",\n" + tables.JSONValue("indices") + ":" + tables.RowsJSON(it))
		sb.WriteString(",\n" + tables.JSONValue("trends") + ":" + tables.RowsJSON(tt))
		sb.WriteString(",\n" + tables.JSONValue("warnings") + ":" + tables.StringsJSON(b.Warnings))
		sb.WriteString(",\n" + tables.JSONValue("notes") + ":" + tables.StringsJSON(bi.Notes) + "}\n")
		_, err := io.WriteString(w, sb.String())
		return err
	})
}

// yearsText is "2005–2019" for consecutive years, "none" for none.
func yearsText(ys []int) string {
	if len(ys) == 0 {
		return "none"
	}
	return fmt.Sprintf("%d–%d", ys[0], ys[len(ys)-1])
}

func intsJSON(xs []int) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = strconv.Itoa(x)
	}
	return "[" + strings.Join(parts, ",") + "]"
}

func blocOf(node string, bloc map[string]string) string {
	if b := bloc[node]; b != "" {
		return b
	}
	return "hedger"
}
