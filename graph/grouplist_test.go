package graph

import (
	"flag"
	"io"
	"slices"
	"testing"
)

// TestGroupListFlag: --group repeated appends one group per value, as
// ParseGroup reads each; a malformed value is flag's error and adds
// nothing.
func TestGroupListFlag(t *testing.T) {
	var o Options
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Var((*GroupList)(&o.Groups), "group", "")
	if err := fs.Parse([]string{"--group", "X= CN, US ,", "--group", "EU27"}); err != nil {
		t.Fatal(err)
	}
	if len(o.Groups) != 2 || o.Groups[0].Name != "X" || !slices.Equal(o.Groups[0].Members, []string{"CN", "US"}) || o.Groups[1].Name != "EU27" || len(o.Groups[1].Members) != 27 {
		t.Errorf("groups %+v; want X=CN,US (spaces and the empty member dropped) and the 27 of EU27", o.Groups)
	}
	if s := (*GroupList)(&o.Groups).String(); s != "X,EU27" {
		t.Errorf("String() = %q, want the names X,EU27", s)
	}
	err := fs.Parse([]string{"--group", "X="})
	if want := `invalid value "X=" for flag -group: want NAME=A,B,... or EU27, not "X="`; err == nil || err.Error() != want || len(o.Groups) != 2 {
		t.Errorf("--group X=: %v, %d groups; want %s and still 2", err, len(o.Groups), want)
	}
}
