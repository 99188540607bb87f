package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/coauthnet/coauthnet/mobility"
	"github.com/coauthnet/coauthnet/report"
	"github.com/coauthnet/coauthnet/summary"
)

const mobilityUsage = "coauthnet mobility [input flags] [--orcid] [--focal CN] [--quantiles 4] [rule flags] -o DIR FILE..."

// runMobility follows authors with an identifier through their papers
// (or ORCID records with --orcid) and writes their moves and the flows
// between countries or institutions (package mobility).
func runMobility(args []string, e *env) error {
	var f inputFlags
	fs := newFlagSet("mobility", mobilityUsage, e.stderr)
	f.register(fs)
	out := fs.String("o", "", "output `directory` (created if needed)")
	orcidIn := fs.Bool("orcid", false, "inputs are ORCID public records (XML files, directories or .tar.gz), not papers")
	focal := fs.String("focal", "", "also write focal.csv: this node's inflow and outflow by partner, year and impact quantile")
	nq := fs.Int("quantiles", 4, "impact classes (by the movers' impact before the move) in impact.csv and the plot")
	var by mobility.ImpactMeasure
	fs.TextVar(&by, "impact-measure", mobility.CNCI, "`measure` of impact before a move: cnci (citations normalised by field and year) or cites (citations per paper)")
	o := mobility.DefaultOptions
	fs.Float64Var(&o.Switch, "switch", o.Switch, "cost of a change of home, in papers")
	fs.Float64Var(&o.Return, "return-cost", o.Return, "cost of a change back to the origin, in papers")
	fs.IntVar(&o.LagYears, "lag-years", o.LagYears, "publication lag window after a move, in years")
	fs.Float64Var(&o.LagCost, "lag-cost", o.LagCost, "cost of a paper with the old address in the lag window (0-1)")
	fs.Float64Var(&o.Absent, "absent", o.Absent, "cost of an active year without a paper at the home")
	fs.IntVar(&o.MinPapers, "min-papers", o.MinPapers, "papers elsewhere that make travel")
	fs.IntVar(&o.TravelGap, "travel-gap", o.TravelGap, "years between travel papers that end a run")
	files, err := f.parseCommand(fs, args)
	if err != nil {
		return err
	}
	if *out == "" || *out == "-" {
		return usagef("-o DIR is required")
	}
	if *nq < 1 {
		return usagef("--quantiles %d: want at least 1", *nq)
	}
	if o.Validate() != nil {
		return usagef("rule flags out of range: --switch and --return-cost > 0, --lag-cost in [0,1], --absent ≥ 0, --min-papers and --travel-gap ≥ 1")
	}
	o.Level = f.opts.Level
	if *orcidIn && f.load.Sample {
		return usagef("--orcid and --sample: give one or the other")
	}
	careers := mobility.NewCareers()
	var lines []string
	mo := report.MobilityOptions{Rules: o, Policy: f.load.Policy, ByYear: f.byYear, Focal: *focal}
	if *orcidIn {
		var st mobility.ORCIDStats // Paths: one per record read, not nil once one is
		oo := mobility.ORCIDOptions{Years: f.opts.Years, Policy: f.load.Policy}
		if f.load.List {
			oo.Skipped = func(err error) { fmt.Fprintf(e.stderr, "coauthnet: skipped: %v\n", err) }
		}
		if err := careers.AddORCIDFiles(files, e.stdin, oo, &st); err != nil {
			return err
		}
		lines, mo.Paths = []string{summary.MobilityORCID(st)}, st.Paths
		if st.Read == 0 {
			fmt.Fprintf(e.stderr, "coauthnet: %s\n", lines[0])
			return errors.New("no ORCID record could be read")
		}
	} else {
		setDoing("reading the inputs")
		sum, used, err := careers.AddPapers(context.Background(), files, f.loadOptions(e), f.opts.Years)
		if err != nil {
			return err
		}
		lines = summary.MobilityRead(sum)
		if used == 0 {
			fmt.Fprintf(e.stderr, "coauthnet: %s\n", lines[0])
			return errors.New("no paper to follow")
		}
	}
	r := careers.Analyze(o)
	lines = append(lines, summary.Mobility(r, o.Level)...)
	if len(r.Authors) == 0 {
		printLines(e.stderr, lines)
		return errors.New("no author with an identifier and a known " + o.Level.String() + ": nothing to follow")
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	mo.Quantiles = r.ImpactQuantiles(*nq, by)
	if err := report.WriteMobility(*out, r, mo, e.create); err != nil {
		return err
	}
	printLines(e.stderr, lines)
	fmt.Fprintf(e.stderr, "coauthnet: wrote %s\n", *out)
	return nil
}
