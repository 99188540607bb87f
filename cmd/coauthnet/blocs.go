package main

import (
	"encoding/json"
	"fmt"
	"github.com/coauthnet/coauthnet/tables"
	"io"
	"os"
	"strings"

	"github.com/coauthnet/coauthnet/community"
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
	fs := newFlagSet("blocs", "coauthnet blocs [input flags] --poles CN,US [--focal CN] [--since YEAR] [--blocs FILE] [--indices] [--format csv|json] FILE...", e.stderr)
	f.register(fs)
	poles := fs.String("poles", "", "the two poles, `P,Q` (node keys)")
	focal := fs.String("focal", "", "the focal pole (default: the first of --poles)")
	since := fs.Int("since", 0, "first `year` of the window (default: the peak year of the poles' collaboration intensity)")
	file := fs.String("blocs", "", "user blocs: a JSON `file` {\"partners\": [...], \"competitors\": [...]} instead of inferred ones")
	threshold := fs.Float64("threshold", 1, "change of lean that makes a partner (> θ) or competitor (< −θ)")
	seed := fs.Uint64("seed", 1, "seed of the bootstrap confidence")
	indices := fs.Bool("indices", false, "CSV: write the yearly bifurcation indices instead of the blocs")
	format := fs.String("format", "csv", "output `format`: csv or json")
	out := fs.String("o", "-", "output `file`; - is standard output")
	files, err := f.parseCommand(fs, args)
	if err != nil {
		return err
	}
	p, q, err := parsePoles(*poles)
	if err != nil {
		return err
	}
	if *focal != "" && *focal != p {
		if *focal != q {
			return usagef("--focal %s is not one of --poles %s", *focal, *poles)
		}
		p, q = q, p
	}
	if *format != "csv" && *format != "json" {
		return usagef("--format %q: want csv or json", *format)
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
	b, err := community.InferBlocs(s, community.BlocOptions{Focal: p, Rival: q, Since: *since, Threshold: *threshold, Seed: *seed})
	if err != nil {
		return err
	}
	bloc := map[string]string{}
	for _, a := range b.Assignments {
		bloc[a.Node] = a.Bloc
	}
	if user != nil {
		bloc = user
	}
	ix, notes := community.Bifurcation(s, p, q, bloc)
	for _, n := range notes {
		fmt.Fprintf(e.stderr, "coauthnet: %s\n", n)
	}
	fmt.Fprintf(e.stderr, "coauthnet: poles %s (focal) and %s; their intensity peaks in %d; window %v (lean from %v to %v)\n",
		p, q, b.Peak, b.Window, b.Early, b.Late)
	counts := map[string]int{}
	for _, a := range b.Assignments {
		counts[blocOf(a.Node, bloc)]++
	}
	fmt.Fprintf(e.stderr, "coauthnet: %d partners, %d competitors, %d hedgers, %d unclassified (too small, or no tie with a pole)\n",
		counts["partner"], counts["competitor"], counts["hedger"], len(b.Unclassified))

	t, it := tables.BlocsTable(b, user), tables.IndicesTable(ix)
	return writeFile(*out, e.stdout, func(w io.Writer) error {
		if *format == "csv" {
			if *indices {
				return it.Write(w, "csv")
			}
			return t.Write(w, "csv")
		}
		// JSON: {"poles","focal","window","peak","source","blocs","unclassified","indices","notes"}
		src := "inferred"
		if user != nil {
			src = *file
		}
		var sb strings.Builder
		fmt.Fprintf(&sb, "{%s:[%s,%s],%s:%s,%s:[%d,%d],%s:%d,%s:%s,\n%s:",
			tables.JSONValue("poles"), tables.JSONValue(p), tables.JSONValue(q), tables.JSONValue("focal"), tables.JSONValue(p),
			tables.JSONValue("window"), b.Window.From, b.Window.To, tables.JSONValue("peak"), b.Peak, tables.JSONValue("source"), tables.JSONValue(src), tables.JSONValue("blocs"))
		sb.WriteString(tables.RowsJSON(t))
		sb.WriteString(",\n" + tables.JSONValue("unclassified") + ":" + tables.StringsJSON(b.Unclassified))
		sb.WriteString(",\n" + tables.JSONValue("indices") + ":" + tables.RowsJSON(it))
		sb.WriteString(",\n" + tables.JSONValue("notes") + ":" + tables.StringsJSON(notes) + "}\n")
		_, err := io.WriteString(w, sb.String())
		return err
	})
}

// parsePoles parses --poles P,Q.
func parsePoles(s string) (p, q string, err error) {
	p, q, ok := strings.Cut(s, ",")
	if !ok || p == "" || q == "" || strings.Contains(q, ",") {
		return "", "", usagef("--poles %q: want two node keys, e.g. --poles CN,US", s)
	}
	return p, q, nil
}

func blocOf(node string, bloc map[string]string) string {
	if b := bloc[node]; b != "" {
		return b
	}
	return "hedger"
}
