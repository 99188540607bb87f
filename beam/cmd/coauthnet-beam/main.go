// Command coauthnet-beam counts papers into a coauthnet aggregate with
// Apache Beam (package coauthbeam), on any Beam runner.
//
// Usage:
//
//	coauthnet-beam --input 'papers/*.jsonl' [--input ...] --output ALL.parquet \
//	    [--format auto|jsonl|parquet|openalex] [--level country|institution] \
//	    [--unknown drop|node] [--years 2005-2024] [--country-policy iso|prc|prc-sar] \
//	    [--group NAME=A,B,...] [--max-authors N] [--hyper only] [--lead first|corresponding] \
//	    [--runner prism|dataflow|flink|spark|universal] [runner flags]
//
// On one machine (Beam's in-process runner):
//
//	coauthnet-beam --runner prism --input 'works/*.jsonl' --format openalex --output all.parquet
//
// On Google Cloud Dataflow (inputs and output on GCS; the SDK
// cross-compiles this binary for the workers):
//
//	coauthnet-beam --runner dataflow --project P --region europe-west1 \
//	    --staging_location gs://B/staging --temp_location gs://B/tmp \
//	    --input 'gs://B/openalex/works/*.gz' --format openalex --output gs://B/agg/all.parquet
//
// On Flink or Spark, through their Beam job servers (portable runner):
//
//	coauthnet-beam --runner flink --endpoint localhost:8099 --environment_type LOOPBACK ...
//	coauthnet-beam --runner spark --endpoint localhost:8099 --environment_type LOOPBACK ...
//
// Then analyse the aggregate with coauthnet itself:
// `coauthnet report ALL.parquet -o report/`.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/aggregate"
	coauthbeam "github.com/coauthnet/coauthnet/beam"
	"github.com/coauthnet/coauthnet/graph"
)

type list []string

func (l *list) String() string     { return strings.Join(*l, ",") }
func (l *list) Set(v string) error { *l = append(*l, v); return nil }

var (
	inputs, groups                                    list
	output, format, level, unknown, years, policy, ld = flag.String("output", "", "aggregate `file` to write (Parquet)"),
		flag.String("format", "auto", "input format: auto, jsonl, parquet or openalex"),
		flag.String("level", "country", "node level: country or institution"),
		flag.String("unknown", "drop", "authors without a known node: drop, or node (ZZ)"),
		flag.String("years", "", "only papers published in `Y1-Y2`"),
		flag.String("country-policy", "iso", "territories: iso, prc or prc-sar"),
		flag.String("lead", "first", "who leads a paper: first or corresponding")
	maxAuthors = flag.Int("max-authors", 0, "leave out papers with more than `N` authors")
	hyper      = flag.String("hyper", "", "only: count only the hyper-authored papers")
)

func main() {
	flag.Var(&inputs, "input", "input file `glob` (repeatable)")
	flag.Var(&groups, "group", "merge nodes into one: `NAME=A,B,...` or EU27 (repeatable)")
	flag.Parse()
	beam.Init()
	opts, err := options()
	if err != nil {
		log.Fatalf("coauthnet-beam: %v", err)
	}
	p, s := beam.NewPipelineWithRoot()
	if err := coauthbeam.Build(s, coauthbeam.Config{Inputs: inputs, Format: *format, Out: *output, Options: opts}); err != nil {
		log.Fatalf("coauthnet-beam: %v", err)
	}
	if err := beamx.Run(context.Background(), p); err != nil {
		log.Fatalf("coauthnet-beam: %v", err)
	}
}

func options() (aggregate.Options, error) {
	var o aggregate.Options
	var err error
	if o.Graph.Level, err = graph.ParseLevel(*level); err != nil {
		return o, err
	}
	if o.Policy, err = coauthnet.ParseCountryPolicy(*policy); err != nil {
		return o, err
	}
	switch *unknown {
	case "drop":
	case "node":
		o.Graph.KeepUnknown = true
	default:
		return o, fmt.Errorf("--unknown %q: want drop or node", *unknown)
	}
	if *years != "" {
		if o.Graph.Years, err = graph.ParsePeriod(*years); err != nil {
			return o, err
		}
	}
	o.Graph.MaxAuthors = *maxAuthors
	switch *hyper {
	case "":
	case "only":
		o.Graph.HyperOnly = true
		if o.Graph.MaxAuthors == 0 {
			o.Graph.MaxAuthors = graph.HyperAuthors
		}
	default:
		return o, fmt.Errorf("--hyper %q: want only", *hyper)
	}
	switch *ld {
	case "first":
	case "corresponding":
		o.Graph.Leader = graph.CorrespondingAuthor
	default:
		return o, fmt.Errorf("--lead %q: want first or corresponding", *ld)
	}
	for _, g := range groups {
		if g == "EU27" {
			o.Graph.Groups = append(o.Graph.Groups, graph.EU27)
			continue
		}
		name, members, ok := strings.Cut(g, "=")
		if !ok || name == "" || members == "" {
			return o, fmt.Errorf("--group %q: want NAME=A,B,... or EU27", g)
		}
		o.Graph.Groups = append(o.Graph.Groups, graph.Group{Name: name, Members: strings.Split(members, ",")})
	}
	return o, o.Graph.Validate()
}
