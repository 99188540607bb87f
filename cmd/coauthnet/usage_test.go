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
