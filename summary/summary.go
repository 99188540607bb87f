// Package summary writes the summary of a coauthnet run as the command
// prints it on standard error: what [load.Papers] read, used and left
// out, and why, with what counting left out ([graph.Stats]).
package summary

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/load"
)

// Options describe the run for the sentences of [Write].
type Options struct {
	// Counting are the options the papers were counted with (the
	// --years period is Counting.Years).
	Counting graph.Options
	// Policy is the country policy applied when loading.
	Policy coauthnet.CountryPolicy
	// Field is the field filter (load.Options.Field), "" for none.
	Field string
	// ByField is the number of fields with --by-field, 0 without.
	ByField int
	// Verbose adds the inputs, the skipped records, the duplicates and
	// the unmapped country texts, one a line.
	Verbose bool
}

// Write writes the summary of a run to w, one "coauthnet: " line each,
// as the command prints it: what was read, used and left out and why,
// the duplicates, remapped and unmapped countries, warnings (loudly),
// and with Verbose every input and skipped record. r is what load.Papers
// returned, st the counter's statistics (Series.Stats), s the series
// (nil when nothing was counted).
func Write(w io.Writer, r *load.Summary, st graph.Stats, s *graph.Series, o Options) {
	names := make([]string, len(r.Inputs))
	for i, in := range r.Inputs {
		names[i] = in.Name
	}
	fmt.Fprintf(w, "coauthnet: read %s from %s: %s used, %d skipped", Plural(r.Read, "record"), strings.Join(names, ", "), Plural(st.Used, "paper"), r.Skipped)
	if r.Skipped > 0 {
		fmt.Fprintf(w, " (%s)", CountList(r.Reasons))
	}
	fmt.Fprintln(w)
	for _, in := range r.Inputs {
		if in.Origin != "" {
			fmt.Fprintf(w, "coauthnet: %s: %s\n", in.Name, in.Origin)
		}
		if in.AddressFallback > 0 {
			fmt.Fprintf(w, "coauthnet: %s: %s whose affiliations matched no author: their addresses count one unit each (counted as read, before duplicates and --years)\n", in.Name, Plural(in.AddressFallback, "record"))
		}
	}
	if st.OutOfYears > 0 {
		fmt.Fprintf(w, "coauthnet: %s outside --years %s (not counted)", Plural(st.OutOfYears, "paper"), o.Counting.Years)
		if st.Read != (graph.Period{}) {
			fmt.Fprintf(w, "; the papers read span %s", st.Read)
		}
		fmt.Fprintln(w)
	}
	node := "country"
	if o.Counting.Level == graph.Institutions {
		node = "institution"
	}
	if st.NoKnownNode > 0 {
		fmt.Fprintf(w, "coauthnet: %s without any author with a known %s (not counted)\n", Plural(st.NoKnownNode, "paper"), node)
	}
	if st.AuthorsUnknown > 0 {
		what := "left out of the author counts n_p; --unknown node keeps them as ZZ"
		if o.Counting.KeepUnknown {
			what = "counted as node ZZ"
		}
		fmt.Fprintf(w, "coauthnet: %d of %d authors without a known %s (%s)\n", st.AuthorsUnknown, st.Authors, node, what)
	}
	if r.NotInField > 0 {
		fmt.Fprintf(w, "coauthnet: %s not in --field %s (not counted)\n", Plural(r.NotInField, "paper"), o.Field)
	}
	if len(r.UnmappedFields) > 0 {
		fmt.Fprintf(w, "coauthnet: %d source categories not in --field-map, kept as they are: %s\n", len(r.UnmappedFields), CountList(r.UnmappedFields))
	}
	if o.ByField > 0 {
		fmt.Fprintf(w, "coauthnet: --by-field: %s (a paper in several fields counts in each)\n", Plural(o.ByField, "field"))
	}
	thr := o.Counting.MaxAuthors
	if thr == 0 {
		thr = graph.HyperAuthors
	}
	switch {
	case o.Counting.HyperOnly:
		fmt.Fprintf(w, "coauthnet: --hyper only: %s with more than %d authors analysed, %s with fewer left out\n", Plural(st.Hyper, "paper"), thr, Plural(st.ByAuthorCount, "paper"))
	case o.Counting.MaxAuthors > 0:
		fmt.Fprintf(w, "coauthnet: %s hyper-authored (more than %d authors), left out by --max-authors\n", Plural(st.Hyper, "paper"), thr)
	case st.Hyper > 0: // none: nothing to say unless --max-authors was asked
		fmt.Fprintf(w, "coauthnet: %s hyper-authored (more than %d authors), counted (--max-authors N leaves them out)\n", Plural(st.Hyper, "paper"), thr)
	}
	if st.NoLeader > 0 {
		fmt.Fprintf(w, "coauthnet: %s without a %s author with a known %s (leading nowhere)\n", Plural(st.NoLeader, "paper"), o.Counting.Leader.String(), node)
	}
	if o.Counting.Impact {
		fmt.Fprintf(w, "coauthnet: --impact: %d of %s with a citation count (the others are left out of impact, not taken as 0)", st.Cited, Plural(st.Used, "paper"))
		if st.ZeroBaseline > 0 {
			fmt.Fprintf(w, "; %d paper-fields in field-years nobody cited (ratio 1)", st.ZeroBaseline)
		}
		fmt.Fprintln(w)
	}
	if len(r.Remapped) > 0 {
		fmt.Fprintf(w, "coauthnet: --country-policy %s remapped affiliations: %s\n", o.Policy, CountList(r.Remapped))
	}
	Duplicates(w, r, "counted")
	if len(r.Unmapped) > 0 {
		n := 0
		for _, c := range r.Unmapped {
			n += c
		}
		fmt.Fprintf(w, "coauthnet: %s whose country text maps to no ISO code (%d distinct texts; -v lists them)\n", Plural(n, "affiliation"), len(r.Unmapped))
		if o.Verbose {
			fmt.Fprintf(w, "coauthnet: unmapped country texts: %s\n", CountList(r.Unmapped))
		}
	}
	if len(r.NotISO) > 0 {
		fmt.Fprintf(w, "coauthnet: country codes not in ISO 3166-1 (kept as nodes): %s\n", CountList(r.NotISO))
	}
	if st.Grouped > 0 {
		var names []string
		for _, g := range o.Counting.Groups {
			names = append(names, g.Name)
		}
		fmt.Fprintf(w, "coauthnet: %d author-affiliations merged into groups %s\n", st.Grouped, strings.Join(names, ","))
	}
	if s != nil && len(s.Years()) > 0 {
		fmt.Fprintf(w, "coauthnet: %s over %s (%s with papers)\n", Plural(s.NumNodes(), node+" node"), s.Span(), Plural(len(s.Years()), "year"))
	}
	Warnings(w, r, o.Verbose)
	if o.Verbose {
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
		Documentation(w, r)
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

// Warnings writes the summary's warnings, loudly.
func Warnings(w io.Writer, s *load.Summary, verbose bool) {
	for _, msg := range s.Warnings() {
		fmt.Fprintf(w, "coauthnet: WARNING: %s", msg)
		if !verbose {
			fmt.Fprint(w, "; -v lists every input and skipped record")
		}
		fmt.Fprintln(w)
	}
}

// Documentation writes, one a line, the files of directories left out
// as documentation (load.Summary.Documentation), as -v lists them.
func Documentation(w io.Writer, s *load.Summary) {
	for _, name := range s.Documentation {
		fmt.Fprintf(w, "coauthnet: not read: %s: documentation, not a bibliographic export\n", name)
	}
}

// Duplicates writes the duplicates line of the summary, if any:
// what the rules removed and which copy was kept; done is "counted" or
// "written".
func Duplicates(w io.Writer, s *load.Summary, done string) {
	n := s.Duplicated()
	if n == 0 {
		return
	}
	var by []string
	for _, rule := range []string{"id", "doi", "title"} {
		if c := s.Duplicates[rule]; c > 0 {
			by = append(by, fmt.Sprintf("%d with the same %s", c, load.RuleName(rule)))
		}
	}
	fmt.Fprintf(w, "coauthnet: %s dropped as duplicates (%s); the first copy read is %s", Plural(n, "record"), strings.Join(by, ", "), done)
	fmt.Fprintln(w)
}

// Plural returns "1 paper", "2 papers".
func Plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// CountList formats a count map as "a 3, b 1", largest first, ties by key.
func CountList(m map[string]int) string {
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
