package api

import (
	"slices"
	"testing"
)

func TestProgressBar(t *testing.T) {
	for _, c := range []struct {
		p    Progress
		want string
	}{
		// 1200/4521 = 26.5%: 2 of 10 characters (floor), 27% printed (%.0f rounds).
		{Progress{Page: 12, Works: 1200, Count: 4521}, "[##--------] 1200/4521 works (27%), page 12"},
		{Progress{Page: 1, Works: 50, Count: 0}, "[----------] 50/0 works (0%), page 1"},
		{Progress{Page: 3, Works: 300, Count: 200}, "[##########] 300/200 works (100%), page 3"},
	} {
		if got := c.p.Bar(10); got != c.want {
			t.Errorf("Bar = %q, want %q", got, c.want)
		}
	}
}

func TestResultChecks(t *testing.T) {
	r := &Result{Provenance: Provenance{Works: 90, Count: 100, LastCount: 101}, Gap: 10}
	want := []string{"warning: 10 works fewer than meta.count 100: the cursor ended early or works left the index during the fetch",
		"note: meta.count went from 100 to 101 during the fetch"}
	if got := r.Checks(); !slices.Equal(got, want) {
		t.Errorf("Checks = %q", got)
	}
	r = &Result{Provenance: Provenance{Works: 100, Count: 100, LastCount: 100}}
	if got := r.Checks(); !slices.Equal(got, []string{"count check: 100 works = meta.count"}) {
		t.Errorf("Checks = %q", got)
	}
}
