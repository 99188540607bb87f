package main

import (
	"path/filepath"
	"testing"
)

// TestAggregateOptionErrors: given an aggregate, --by-field and --impact
// are usage errors (exit 2, aggregate.OptionError), with the texts the
// command printed when it checked them itself before counting.
func TestAggregateOptionErrors(t *testing.T) {
	part := filepath.Join(t.TempDir(), "a.parquet")
	if code, _, stderr := runCmd(t, "", "aggregate", "--years", "2019", "-o", part, "testdata/worked.jsonl"); code != 0 {
		t.Fatal(stderr)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"edges", "--by-field", part}, "coauthnet edges: --by-field cannot split an aggregate by field: aggregate each field (--field NAME) (see coauthnet edges -h)\n"},
		{[]string{"nodes", "--impact", part}, "coauthnet nodes: normalised citation impact (--impact) needs the whole corpus's baseline and cannot be aggregated in parts (see coauthnet nodes -h)\n"},
	} {
		if code, _, stderr := runCmd(t, "", c.args...); code != 2 || stderr != c.want {
			t.Errorf("%q: exit %d, %q; want 2, %q", c.args, code, stderr, c.want)
		}
	}
}

// TestUndefinedFlags: a flag the command does not define is explained:
// for an input flag that does not apply (notFor), why (the reasons of
// why: aggregate's own for --by-field); else the commands that take it (for --focal, the README flag table's row:
// edges, blocs, drift, report, mobility; --filter is fetch's), else the
// command's nearest flags (countng is one insertion from counting,
// within max(1, 7/3) = 2 edits; min-weight is not one of nodes', so
// min-weigth gets no suggestion; names of one or two letters get none),
// else "unknown flag".
func TestUndefinedFlags(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"communities", "--sample", "--by-field"}, "--by-field does not apply to communities: build, nodes and edges split by field"},
		{[]string{"aggregate", "--sample", "--by-field", "-o", "x.parquet"}, "--by-field does not apply to aggregate: aggregate one field at a time (--field NAME)"},
		{[]string{"convert", "--level", "nosuch", "x.jsonl"}, "--level does not apply to convert: convert writes the records as read, before any counting"},
		{[]string{"nodes", "--sample", "--focal", "CN"}, "--focal does not apply to nodes: it is a flag of edges, blocs, drift, report, mobility"},
		{[]string{"build", "--sample", "--focal"}, "--focal does not apply to build: it is a flag of edges, blocs, drift, report, mobility"},
		{[]string{"build", "--filter", "x"}, "--filter does not apply to build: it is a flag of fetch"},
		{[]string{"build", "--sample", "--countng", "frac"}, "unknown flag --countng (did you mean --counting?)"},
		{[]string{"edges", "--sample", "--levle=country"}, "unknown flag --levle (did you mean --level?)"},
		{[]string{"nodes", "--sample", "--min-weigth", "2"}, "unknown flag --min-weigth"},
		{[]string{"build", "--sample", "--undefined-flag"}, "unknown flag --undefined-flag"},
		// One letter: every one-letter flag (-o, -v) is within one edit,
		// so no guess; one-letter flags are written with one dash.
		{[]string{"build", "--sample", "-q"}, "unknown flag -q"},
		{[]string{"report", "--sample", "--excell", "-o", "x"}, "unknown flag --excell (did you mean --excel?)"},
	} {
		want := "coauthnet " + c.args[0] + ": " + c.want + " (see coauthnet " + c.args[0] + " -h)\n"
		if code, stdout, stderr := runCmd(t, "", c.args...); code != 2 || stderr != want || stdout != "" {
			t.Errorf("%q: exit %d, %q; want 2, %q", c.args, code, stderr, want)
		}
	}
}
