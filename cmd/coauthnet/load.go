package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/load"
)

// A loaded is everything the run read, used and skipped: the loading
// summary and what counting adds.
type loaded struct {
	*load.Summary
	stats   graph.Stats
	byField map[string]*graph.Counter // with --by-field
}

// noField is the part of --by-field for papers without a field.
const noField = "(no field)"

// A part is the series of one field with --by-field.
type part struct {
	field string
	s     *graph.Series
}

// parts returns the series of each field with --by-field, by field name.
func (r *loaded) parts() []part {
	var ps []part
	for _, k := range slices.Sorted(maps.Keys(r.byField)) {
		ps = append(ps, part{k, r.byField[k].Series()})
	}
	return ps
}

// loadOptions are the loading options of the input flags: what counting
// needs of the records, the country policy, fields.
func (f *inputFlags) loadOptions(e *env) load.Options {
	need := load.Institutions
	if f.opts.Level == graph.Countries {
		need = load.Countries
	}
	o := load.Options{
		Format:   f.from,
		Policy:   f.pol,
		Dedup:    f.dedupRules,
		Need:     need,
		Extra:    f.needsAll(),
		FieldMap: f.fieldMap,
		Field:    f.field,
		List:     f.verbose,
		Sample:   f.sample,
		Stdin:    e.stdin,
	}
	if f.progress || e.isTerminal {
		var last time.Time
		o.Progress = func(records int, bytes int64) {
			now := time.Now()
			if last.IsZero() {
				last = now
				return
			}
			if now.Sub(last) >= time.Second {
				last = now
				fmt.Fprintf(e.stderr, "coauthnet: %d records, %.0f MB read\n", records, float64(bytes)/1e6)
			}
		}
	}
	return o
}

// count reads the inputs named by files (or the sample) and counts them.
func count(f *inputFlags, files []string, e *env) (*graph.Series, *loaded, error) {
	counter := graph.NewCounter(f.opts)
	rep := &loaded{}
	if f.byField {
		rep.byField = map[string]*graph.Counter{}
	}
	sink := func(p *coauthnet.Paper) error {
		counter.Add(p)
		if rep.byField != nil {
			fs := p.Fields
			if len(fs) == 0 {
				fs = []string{noField}
			}
			for i, fld := range fs {
				if slices.Contains(fs[:i], fld) {
					continue
				}
				c := rep.byField[fld]
				if c == nil {
					c = graph.NewCounter(f.opts)
					rep.byField[strings.Clone(fld)] = c
				}
				c.Add(p)
			}
		}
		return nil
	}
	setDoing("reading the inputs")
	sum, err := load.Papers(context.Background(), files, f.loadOptions(e), sink)
	setDoing("counting")
	rep.Summary = sum
	if err != nil {
		return nil, rep, err
	}
	s := counter.Series()
	rep.stats = s.Stats() // the counter's, with what Series adds (ZeroBaseline)
	if rep.stats.Used == 0 {
		rep.print(f, e.stderr, s)
		return nil, rep, errors.New("no paper could be counted (see the summary above)")
	}
	if err := strict(f, sum); err != nil {
		rep.print(f, e.stderr, s)
		return nil, rep, err
	}
	return s, rep, nil
}

// strict returns the error of --strict: a skipped record or a warning.
func strict(f *inputFlags, s *load.Summary) error {
	if !f.strict {
		return nil
	}
	if w := len(s.Warnings()); s.Skipped > 0 || w > 0 {
		return fmt.Errorf("--strict: %s skipped, %s (see the summary above)", plural(s.Skipped, "record"), plural(w, "warning"))
	}
	return nil
}

// print writes the summary to w.
func (r *loaded) print(f *inputFlags, w io.Writer, s *graph.Series) {
	st := r.stats
	names := make([]string, len(r.Inputs))
	for i, in := range r.Inputs {
		names[i] = in.Name
	}
	fmt.Fprintf(w, "coauthnet: read %s from %s: %s used, %d skipped", plural(r.Read, "record"), strings.Join(names, ", "), plural(st.Used, "paper"), r.Skipped)
	if r.Skipped > 0 {
		fmt.Fprintf(w, " (%s)", countList(r.Reasons))
	}
	fmt.Fprintln(w)
	if st.OutOfYears > 0 {
		fmt.Fprintf(w, "coauthnet: %s outside --years %s (not counted)\n", plural(st.OutOfYears, "paper"), f.years)
	}
	node := "country"
	if f.opts.Level == graph.Institutions {
		node = "institution"
	}
	if st.NoKnownNode > 0 {
		fmt.Fprintf(w, "coauthnet: %s without any author with a known %s (not counted)\n", plural(st.NoKnownNode, "paper"), node)
	}
	if st.AuthorsUnknown > 0 {
		what := "left out of the author counts n_p; --unknown node keeps them as ZZ"
		if f.opts.KeepUnknown {
			what = "counted as node ZZ"
		}
		fmt.Fprintf(w, "coauthnet: %d of %d authors without a known %s (%s)\n", st.AuthorsUnknown, st.Authors, node, what)
	}
	if r.NotInField > 0 {
		fmt.Fprintf(w, "coauthnet: %s not in --field %s (not counted)\n", plural(r.NotInField, "paper"), f.field)
	}
	if len(r.UnmappedFields) > 0 {
		fmt.Fprintf(w, "coauthnet: %d source categories not in --field-map, kept as they are: %s\n", len(r.UnmappedFields), countList(r.UnmappedFields))
	}
	if r.byField != nil {
		fmt.Fprintf(w, "coauthnet: --by-field: %s (a paper in several fields counts in each)\n", plural(len(r.byField), "field"))
	}
	thr := f.opts.MaxAuthors
	if thr == 0 {
		thr = graph.HyperAuthors
	}
	switch {
	case f.opts.HyperOnly:
		fmt.Fprintf(w, "coauthnet: --hyper only: %s with more than %d authors analysed, %s with fewer left out\n", plural(st.Hyper, "paper"), thr, plural(st.ByAuthorCount, "paper"))
	case f.opts.MaxAuthors > 0:
		fmt.Fprintf(w, "coauthnet: %s hyper-authored (more than %d authors), left out by --max-authors\n", plural(st.Hyper, "paper"), thr)
	default:
		fmt.Fprintf(w, "coauthnet: %s hyper-authored (more than %d authors), counted (--max-authors N leaves them out)\n", plural(st.Hyper, "paper"), thr)
	}
	if st.NoLeader > 0 {
		fmt.Fprintf(w, "coauthnet: %s without a %s author with a known %s (leading nowhere)\n", plural(st.NoLeader, "paper"), f.leadName(), node)
	}
	if f.impact {
		fmt.Fprintf(w, "coauthnet: --impact: %d of %s with a citation count (the others are left out of impact, not taken as 0)", st.Cited, plural(st.Used, "paper"))
		if st.ZeroBaseline > 0 {
			fmt.Fprintf(w, "; %d paper-fields in field-years nobody cited (ratio 1)", st.ZeroBaseline)
		}
		fmt.Fprintln(w)
	}
	if len(r.Remapped) > 0 {
		fmt.Fprintf(w, "coauthnet: --country-policy %s remapped affiliations: %s\n", f.pol, countList(r.Remapped))
	}
	printDuplicates(w, r.Summary, "counted")
	if len(r.Unmapped) > 0 {
		n := 0
		for _, c := range r.Unmapped {
			n += c
		}
		fmt.Fprintf(w, "coauthnet: %s whose country text maps to no ISO code (%d distinct texts; -v lists them)\n", plural(n, "affiliation"), len(r.Unmapped))
		if f.verbose {
			fmt.Fprintf(w, "coauthnet: unmapped country texts: %s\n", countList(r.Unmapped))
		}
	}
	if len(r.NotISO) > 0 {
		fmt.Fprintf(w, "coauthnet: country codes not in ISO 3166-1 (kept as nodes): %s\n", countList(r.NotISO))
	}
	if st.Grouped > 0 {
		fmt.Fprintf(w, "coauthnet: %d author-affiliations merged into groups %s\n", st.Grouped, f.groups.String())
	}
	if s != nil && len(s.Years()) > 0 {
		fmt.Fprintf(w, "coauthnet: %s over %s (%s with papers)\n", plural(s.NumNodes(), node+" node"), s.Span(), plural(len(s.Years()), "year"))
	}
	printWarnings(w, r.Summary, f.verbose)
	if f.verbose {
		for _, in := range r.Inputs {
			fmt.Fprintf(w, "coauthnet: input %s: format %s", in.Name, in.Format)
			if in.Compression != "" {
				fmt.Fprintf(w, ", %s", in.Compression)
			}
			if in.SHA256 != "" {
				fmt.Fprintf(w, ", sha256 %s", in.SHA256)
			}
			fmt.Fprintf(w, ", %d records, %d skipped\n", in.Read, in.Skipped)
		}
		for _, msg := range r.Skips {
			fmt.Fprintf(w, "coauthnet: skipped: %s\n", msg)
		}
		for _, msg := range r.DuplicateList {
			fmt.Fprintf(w, "coauthnet: duplicate: %s\n", msg)
		}
	} else if r.Skipped > 0 {
		fmt.Fprintf(w, "coauthnet: -v lists the skipped records with file and line\n")
	}
}

// printWarnings writes the summary's warnings, loudly.
func printWarnings(w io.Writer, s *load.Summary, verbose bool) {
	for _, msg := range s.Warnings() {
		fmt.Fprintf(w, "coauthnet: WARNING: %s", msg)
		if !verbose {
			fmt.Fprint(w, "; -v lists every input and skipped record")
		}
		fmt.Fprintln(w)
	}
}

// printDuplicates writes the duplicates line of the summary, if any:
// what the rules removed and which copy was kept; done is "counted" or
// "written".
func printDuplicates(w io.Writer, s *load.Summary, done string) {
	n := s.Duplicated()
	if n == 0 {
		return
	}
	var by []string
	for _, rule := range []string{"id", "doi"} {
		if c := s.Duplicates[rule]; c > 0 {
			by = append(by, fmt.Sprintf("same %s %d", strings.ToUpper(rule), c))
		}
	}
	fmt.Fprintf(w, "coauthnet: %s dropped as duplicates (%s); the first copy read is %s", plural(n, "record"), strings.Join(by, ", "), done)
	fmt.Fprintln(w)
}

// plural returns "1 paper", "2 papers".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// countList formats a count map as "a 3, b 1", largest first, ties by key.
func countList(m map[string]int) string {
	keys := slices.Collect(maps.Keys(m))
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return strings.Join(parts, ", ")
}
