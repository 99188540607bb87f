package aggregate_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/aggregate"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/jsonl"
	"github.com/coauthnet/coauthnet/load"
)

// TestCount counts the two papers of docs/DESIGN.md section 11 (P1: CN,
// CN, US; P2: CN, US, DE, DE; both 2019) from JSON Lines and from two
// aggregates of one paper each: CN–US bifrac is 2/3 + 1/6 = 5/6 either
// way (the hand calculation of ExampleMerge).
func TestCount(t *testing.T) {
	one := func(c string) coauthnet.Author {
		return coauthnet.Author{Affiliations: []coauthnet.Affiliation{{Country: c}}}
	}
	papers := []coauthnet.Paper{
		{ID: "P1", Year: 2019, Authors: []coauthnet.Author{one("CN"), one("CN"), one("US")}},
		{ID: "P2", Year: 2019, Authors: []coauthnet.Author{one("CN"), one("US"), one("DE"), one("DE")}},
	}
	dir := t.TempDir()
	f, err := os.Create(filepath.Join(dir, "papers.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	w := jsonl.NewWriter(f)
	var parts []string
	for i := range papers {
		if err := w.Write(&papers[i]); err != nil {
			t.Fatal(err)
		}
		c := graph.NewCounter(graph.Options{})
		c.Add(&papers[i])
		a, err := aggregate.FromCounter(c, aggregate.Options{}, nil, []aggregate.Input{{Name: papers[i].ID}})
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, filepath.Join(dir, papers[i].ID+".parquet"))
		if err := a.WriteFile(parts[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	ctx := context.Background()
	auto := load.Options{Format: "auto"}
	for _, c := range []struct {
		name  string
		files []string
		agg   bool
	}{{"papers", []string{f.Name()}, false}, {"aggregates", parts, true}} {
		if got, err := aggregate.ReadsAggregates(auto, c.files); got != c.agg || err != nil {
			t.Errorf("%s: ReadsAggregates = %v, %v; want %v, nil", c.name, got, err, c.agg)
		}
		r, err := aggregate.Count(ctx, c.files, aggregate.CountOptions{Load: auto, KeepCounter: true})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if (r.Aggregate != nil) != c.agg || (r.Counter != nil) == c.agg {
			t.Errorf("%s: Aggregate %v, Counter %v", c.name, r.Aggregate != nil, r.Counter != nil)
		}
		g := r.Series.At(2019)
		cn, _ := g.Index("CN")
		us, _ := g.Index("US")
		wt, _ := g.Between(cn, us)
		if r.Stats.Used != 2 || math.Abs(wt[graph.BiFrac]-5.0/6) > 1e-12 {
			t.Errorf("%s: used %d, CN-US bifrac %v; want 2 and 5/6", c.name, r.Stats.Used, wt[graph.BiFrac])
		}
	}
	var oe *aggregate.OptionError
	if _, err := aggregate.Count(ctx, parts, aggregate.CountOptions{Load: auto, ByField: true}); !errors.Is(err, aggregate.ErrByField) || !errors.As(err, &oe) {
		t.Errorf("aggregates by field: %v, want ErrByField in an OptionError", err)
	}
	// Impact needs the whole corpus (Options.FlagMap refuses it).
	if _, err := aggregate.Count(ctx, parts, aggregate.CountOptions{Load: auto, Graph: graph.Options{Impact: true}}); !errors.As(err, &oe) || !strings.Contains(err.Error(), "--impact") {
		t.Errorf("aggregates with impact: %v, want FlagMap's --impact error in an OptionError", err)
	}
	mixed := []string{f.Name(), parts[0]}
	if _, err := aggregate.ReadsAggregates(auto, mixed); err == nil {
		t.Error("ReadsAggregates of a paper file and an aggregate: no error")
	}
	if _, err := aggregate.Count(ctx, mixed, aggregate.CountOptions{Load: auto}); err == nil {
		t.Error("Count of a paper file and an aggregate: no error")
	}
	if got, _ := aggregate.ReadsAggregates(load.Options{Format: "jsonl"}, parts); got {
		t.Error("ReadsAggregates with --from jsonl: true")
	}
}

// TestNeeds: the countries at country level, the institutions
// otherwise; the whole record only for impact, fields or the
// corresponding author.
func TestNeeds(t *testing.T) {
	for _, c := range []struct {
		o       graph.Options
		field   string
		byField bool
		need    load.Need
		extra   bool
	}{
		{graph.Options{Level: graph.Countries}, "", false, load.Countries, false},
		{graph.Options{Level: graph.Institutions}, "", false, load.Institutions, false},
		{graph.Options{Level: graph.Countries, Impact: true}, "", false, load.Countries, true},
		{graph.Options{Level: graph.Countries}, "Physics", false, load.Countries, true},
		{graph.Options{Level: graph.Countries}, "", true, load.Countries, true},
		{graph.Options{Level: graph.Countries, Leader: graph.CorrespondingAuthor}, "", false, load.Countries, true},
	} {
		if need, extra := aggregate.Needs(c.o, c.field, c.byField); need != c.need || extra != c.extra {
			t.Errorf("Needs(%+v, %q, %v) = %v, %v; want %v, %v", c.o, c.field, c.byField, need, extra, c.need, c.extra)
		}
	}
}

// TestCountOptionsValidate: the options Count refuses before reading,
// each with its message in the command's words (the texts coauthnet
// printed when it checked them itself: cmd/coauthnet's harness cases
// "build --sample --from nosuch" and --field with --by-field).
func TestCountOptionsValidate(t *testing.T) {
	for _, c := range []struct {
		name string
		o    aggregate.CountOptions
		want string // "" for valid
	}{
		{"zero value", aggregate.CountOptions{}, ""},
		{"auto", aggregate.CountOptions{Load: load.Options{Format: "auto"}}, ""},
		{"aggregate", aggregate.CountOptions{Load: load.Options{Format: "aggregate"}}, ""},
		{"wos", aggregate.CountOptions{Load: load.Options{Format: "wos"}}, ""},
		{"unknown format", aggregate.CountOptions{Load: load.Options{Format: "nosuch"}},
			`aggregate: --from "nosuch": want auto, aggregate, jsonl, csv, parquet, wos, scopus, openalex`},
		{"field by field", aggregate.CountOptions{Load: load.Options{Field: "Physics"}, ByField: true},
			"aggregate: --field and --by-field: give one or the other"},
		{"field alone", aggregate.CountOptions{Load: load.Options{Field: "Physics"}}, ""},
		{"graph", aggregate.CountOptions{Graph: graph.Options{HyperOnly: true}}, "graph: HyperOnly needs MaxAuthors, the threshold"},
	} {
		err := c.o.Validate()
		if got := fmt.Sprint(err); (err == nil) != (c.want == "") || err != nil && got != c.want {
			t.Errorf("%s: Validate() = %v, want %q", c.name, err, c.want)
		}
		if c.want == "" {
			continue
		}
		// Count refuses the same, as an OptionError, before reading: the
		// file does not exist and is never opened.
		var oe *aggregate.OptionError
		if _, err := aggregate.Count(context.Background(), []string{"/nonexistent.jsonl"}, c.o); !errors.As(err, &oe) || err.Error() != c.want {
			t.Errorf("%s: Count error %v, want the OptionError %q", c.name, err, c.want)
		}
	}
}
