package aggregate

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/jsonl"
	"github.com/coauthnet/coauthnet/load"
)

// ParseFlags inverts FlagMap: options → flags → options gives the same
// options (groups sorted, as FlagMap writes them) and the same flags.
func TestParseFlagsRoundTrip(t *testing.T) {
	nordic := graph.Group{Name: "NORDIC", Members: []string{"DK", "FI", "NO", "SE"}}
	for name, o := range map[string]Options{
		"defaults":     {},
		"institutions": {Graph: graph.Options{Level: graph.Institutions, KeepUnknown: true}},
		"counting": {Graph: graph.Options{Years: graph.Period{From: 2010, To: 2020}, Groups: []graph.Group{nordic, graph.EU27},
			MaxAuthors: 100, HyperOnly: true, Leader: graph.CorrespondingAuthor}, Policy: coauthnet.PolicyPRC, Field: "ecology"},
		"one year": {Graph: graph.Options{Years: graph.Year(2019)}, Policy: coauthnet.PolicyPRCSAR},
	} {
		t.Run(name, func(t *testing.T) {
			m, err := o.FlagMap()
			if err != nil {
				t.Fatal(err)
			}
			got, err := ParseFlags(m)
			if err != nil {
				t.Fatal(err)
			}
			m2, err := got.FlagMap()
			if err != nil {
				t.Fatal(err)
			}
			if !maps.Equal(m, m2) {
				t.Errorf("flags after the round trip:\n got %v\nwant %v", m2, m)
			}
			// FlagMap sorts groups by "NAME=members": EU27 < NORDIC.
			want := o
			if len(want.Graph.Groups) == 2 {
				want.Graph.Groups = []graph.Group{graph.EU27, nordic}
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("options after the round trip:\n got %+v\nwant %+v", got, want)
			}
		})
	}
}

func TestParseFlagsErrors(t *testing.T) {
	good, _ := Options{}.FlagMap()
	for flag, bad := range map[string]string{"level": "planet", "country_policy": "un", "years": "20x0",
		"max_authors": "many", "groups": "=CN"} {
		m := maps.Clone(good)
		m[flag] = bad
		if _, err := ParseFlags(m); err == nil {
			t.Errorf("%s=%q: no error", flag, bad)
		}
	}
}

// FlagSummary lists level and the flags off their defaults, in the
// documented order (the string `coauthnet nodes AGG.parquet` prints).
func TestFlagSummary(t *testing.T) {
	m, _ := Options{Graph: graph.Options{Years: graph.Period{From: 2010, To: 2020},
		Groups: []graph.Group{{Name: "NORDIC", Members: []string{"SE", "DK"}}}}, Policy: coauthnet.PolicyPRC}.FlagMap()
	if got, want := FlagSummary(m), "level=country years=2010-2020 country_policy=prc groups=NORDIC=DK,SE"; got != want {
		t.Errorf("FlagSummary = %q, want %q", got, want)
	}
}

// CheckFlags accepts defaults ("as counted") and the aggregate's own
// flags, and names a flag that differs.
func TestCheckFlags(t *testing.T) {
	counted := Options{Graph: graph.Options{Years: graph.Period{From: 2010, To: 2020}}, Policy: coauthnet.PolicyPRC}
	flags, _ := counted.FlagMap()
	a := &Aggregate{Flags: flags}
	for _, ok := range []Options{{}, counted, {Policy: coauthnet.PolicyPRC}} {
		if err := a.CheckFlags(ok); err != nil {
			t.Errorf("CheckFlags(%+v): %v", ok, err)
		}
	}
	err := a.CheckFlags(Options{Graph: graph.Options{KeepUnknown: true}})
	if err == nil || !strings.Contains(err.Error(), `unknown "drop", not "node"`) {
		t.Errorf("CheckFlags(--unknown node) = %v, want the unknown flag named", err)
	}
	if err := a.CheckFlags(Options{Graph: graph.Options{Impact: true}}); err == nil {
		t.Error("CheckFlags(Impact) = nil, want FlagMap's refusal")
	}
}

// Counts and Summary carry a loading summary into an aggregate and back.
func TestCountsSummaryRoundTrip(t *testing.T) {
	s := &load.Summary{Read: 12, Skipped: 2, NotInField: 1,
		Reasons:        map[string]int{"no year": 2},
		Remapped:       map[string]int{"TW→CN": 3},
		Unmapped:       map[string]int{"Atlantis": 1},
		NotISO:         map[string]int{"XK": 1},
		UnmappedFields: map[string]int{"Basket Weaving": 4},
		Duplicates:     map[string]int{"id": 1, "doi": 2},
		Inputs: []load.Input{{Name: "a.jsonl", SHA256: "abc", Format: "jsonl", Read: 12, Skipped: 2},
			{Name: "sample", Format: load.SampleName}},
	}
	c := Counts(s)
	// By hand: 4 fixed counts, one per map entry (5), duplicates 1+2.
	want := map[string]int64{"records_read": 12, "records_skipped": 2, "duplicates": 3, "not_in_field": 1,
		"skipped: no year": 2, "policy: TW→CN": 3, "unmapped_country: Atlantis": 1, "not_iso: XK": 1, "unmapped_field: Basket Weaving": 4}
	if !maps.Equal(c, want) {
		t.Errorf("Counts = %v\nwant %v", c, want)
	}
	in := Inputs(s)
	if len(in) != 2 || in[0].Name != "a.jsonl" || in[1].Name != load.SampleName {
		t.Errorf("Inputs = %+v, want a.jsonl and the sample named by its format", in)
	}
	back := (&Aggregate{Counts: c, Inputs: in}).Summary()
	if back.Read != 12 || back.Skipped != 2 || back.NotInField != 1 || back.Duplicated() != 3 ||
		!maps.Equal(back.Reasons, s.Reasons) || !maps.Equal(back.Remapped, s.Remapped) || !maps.Equal(back.Unmapped, s.Unmapped) ||
		!maps.Equal(back.NotISO, s.NotISO) || !maps.Equal(back.UnmappedFields, s.UnmappedFields) || len(back.Inputs) != 2 {
		t.Errorf("Summary after Counts: %+v", back)
	}
}

// ShardKey normalises DOIs, so that the copies deduplication by DOI would
// drop land in one shard; Shard is FNV-1a modulo n.
func TestShard(t *testing.T) {
	a := &coauthnet.Paper{ID: "W1", DOI: "https://doi.org/10.1000/ABC"}
	b := &coauthnet.Paper{ID: "W2", DOI: "10.1000/abc"}
	if ShardKey(a, true) != ShardKey(b, true) {
		t.Errorf("ShardKey by DOI: %q != %q", ShardKey(a, true), ShardKey(b, true))
	}
	if ShardKey(a, false) != "W1" || ShardKey(&coauthnet.Paper{ID: "W3"}, true) != "W3" {
		t.Error("ShardKey by id, or without a DOI, is not the id")
	}
	// FNV-1a 64 of "" is the offset basis 0xcbf29ce484222325
	// = 14695981039346656037, which is 1 modulo 2 and 2 modulo 5.
	if Shard("", 2) != 1 || Shard("", 5) != 2 {
		t.Errorf("Shard(\"\", 2), Shard(\"\", 5) = %d, %d, want 1, 2", Shard("", 2), Shard("", 5))
	}
}

// SplitFiles writes every paper to exactly one shard.
func TestSplitFiles(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	fh, err := os.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	w := jsonl.NewWriter(fh)
	ps := corpus(3, 200)
	for i := range ps {
		if err := w.Write(&ps[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	fh.Close()
	// Checked before anything is read or created: no shard (Shard would
	// divide by 0), or a pattern without {n} (one file for every shard).
	for _, bad := range []struct {
		n       int
		pattern string
	}{{0, "p{n}.jsonl"}, {-1, "p{n}.jsonl"}, {2, filepath.Join(dir, "p.jsonl")}} {
		if _, _, err := SplitFiles(context.Background(), []string{in}, load.Options{}, false, bad.pattern, bad.n); err == nil {
			t.Errorf("SplitFiles(n %d, %s): no error", bad.n, bad.pattern)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "p.jsonl")); err == nil {
		t.Error("SplitFiles with a pattern without {n} created a file")
	}
	sum, counts, err := SplitFiles(context.Background(), []string{in}, load.Options{}, false, filepath.Join(dir, "p{n}.jsonl"), 3)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	total := 0
	for i, n := range counts {
		r, err := load.Papers(context.Background(), []string{filepath.Join(dir, "p"+string(rune('1'+i))+".jsonl")}, load.Options{}, func(p *coauthnet.Paper) error {
			seen[p.ID]++
			if Shard(p.ID, 3) != i {
				t.Errorf("%s in shard %d, want %d", p.ID, i+1, Shard(p.ID, 3)+1)
			}
			return nil
		})
		if err != nil || r.Passed != n {
			t.Errorf("shard %d: %v, %d papers, want %d", i+1, err, r.Passed, n)
		}
		total += n
	}
	if total != sum.Passed || total != 200 || len(seen) != 200 {
		t.Errorf("%d papers in shards, %d passed, %d distinct; want 200", total, sum.Passed, len(seen))
	}
}
