// Command coauthnet builds weighted country and institution
// co-authorship networks from bibliographic records and measures how
// they change.
//
// Usage:
//
//	coauthnet build   [input flags] [-o out.graphml | -o 'out-{year}.graphml'] FILE...
//	coauthnet convert [--from FORMAT] --to jsonl|csv|parquet -o OUT FILE...
//	coauthnet nodes   [input flags] [--measures LIST] [--betweenness-samples K] [--workers N] [--format csv|json] FILE...
//	coauthnet edges   [input flags] [--focal CN] [--between P1,P2] [--format csv|json] FILE...
//	coauthnet communities [input flags] [--algorithm leiden|louvain] [--resolution 1] [--seed 1] [--format csv|json] FILE...
//	coauthnet blocs   [input flags] --poles CN,US [--focal CN] [--since YEAR] [--blocs FILE] [--indices] [--format csv|json] FILE...
//	coauthnet drift   [input flags] [--window N --step K | --between P1,P2] [--focal CN] [--top K] [--format csv|json] FILE...
//	coauthnet report  [input flags] [--focal CN --rival US | --poles CN,US] [--base-year Y] [--excel] [--precision N] -o DIR FILE...
//	coauthnet aggregate [input flags] -o PART.parquet FILE...
//	coauthnet merge   -o ALL.parquet PART.parquet...
//	coauthnet split   [--by doi|id] -n N -o 'part-{n}.jsonl' FILE...
//	coauthnet help [COMMAND | TOPIC]   topics: counting, blocs, drift, policy
//	coauthnet --version
//
// Countries (--focal, --rival, --poles, --group members) may be codes
// in any case or names as people and databases write them (China, USA,
// Peoples R China). CSV tables take --excel and --precision N. A flag
// that does not apply to a command is a usage error; README.md has the
// table of every flag.
//
// Input flags, shared by every command:
//
//	--from FORMAT            auto (detect by content), jsonl, csv, parquet, wos, scopus, openalex
//	--level country|institution
//	--counting LIST          comma list of full,bifrac,frac,share; the first is also "weight"
//	--years 2005-2024        only papers published in these years
//	--by-year                one graph per year (with -o 'out-{year}.graphml')
//	--min-weight W           drop edges whose weight is below W
//	--country-policy iso|prc|prc-sar
//	--unknown drop|node      authors without a known node: leave out, or count as node ZZ
//	--group NAME=A,B,...     merge nodes into one (repeatable); --group EU27 is built in
//	--sample                 use the embedded demo corpus instead of files
//	-v                       list every skipped record and unmapped value
//	--progress               progress lines on stderr even when it is not a terminal
//	--dedup id,doi           duplicate rules (id, doi, title, or none); the first copy read is kept
//	--strict                 exit 1 on a skipped record or a warning (low coverage)
//
// FILE may be "-" for standard input, a directory (read recursively) or
// a glob pattern; gzip and zstd input is recognised by content. Output
// files appear only when complete. Exit status: 0 success, 1 error (an
// unreadable or malformed file, nothing to count, --strict and a warning
// or skipped record), 2 usage, 130 interrupted (SIGINT or SIGTERM).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/internal/help"
)

func main() {
	onInterrupt(os.Stderr)
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// usageError is an error in the command line: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

type command struct {
	name, summary string
	run           func(args []string, env *env) error
}

// env is what a command may use of the outside world.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// isTerminal reports whether stderr is a terminal (progress lines).
	isTerminal bool
}

var commands []command

func init() {
	commands = []command{
		{"build", "write the co-authorship graph (GraphML)", runBuild},
		{"convert", "write the papers as canonical JSON Lines, CSV or Parquet", runConvert},
		{"nodes", "node table: weights and centralities, per period", runNodes},
		{"edges", "edge table: weights, intensity, similarities, partner shares and ranks", runEdges},
		{"communities", "Leiden (or Louvain) communities per period, modularity and stability", runCommunities},
		{"blocs", "partners, competitors and hedgers of two poles; bifurcation indices", runBlocs},
		{"drift", "change between periods: per step, per edge (peak, change point), per node", runDrift},
		{"report", "the whole analysis in a directory: index.html, plots, tables, GraphML", runReport},
		{"fetch", "fetch OpenAlex works (or group-by counts) from the OpenAlex API, resumably", runFetch},
		{"mobility", "researcher mobility from author ids or ORCID records: moves, flows, flow graphs", runMobility},
		{"aggregate", "count papers into a mergeable partial aggregate (Parquet)", runAggregate},
		{"merge", "add partial aggregates into one", runMerge},
		{"split", "split papers into N shards by DOI or id, for aggregate and merge", runSplit},
	}
}

const topUsage = `coauthnet builds weighted co-authorship networks from bibliographic records.

Usage:

	coauthnet COMMAND [flags] FILE...

Commands:
`

func printUsage(w io.Writer) {
	fmt.Fprint(w, topUsage)
	for _, c := range commands {
		fmt.Fprintf(w, "\t%-12s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\nHelp topics (formulas and a worked example on the sample):\n")
	for _, t := range help.Topics() {
		fmt.Fprintf(w, "\tcoauthnet help %s\n", t)
	}
	fmt.Fprint(w, "\nRun 'coauthnet COMMAND -h' for a command's flags, 'coauthnet --version' for the version.\n")
}

// internalPrefixes are the package prefixes ("graph: ") that library
// errors carry; the command prints its own "coauthnet CMD:" instead.
var internalPrefixes = []string{"graph", "community", "drift", "metrics", "report", "tables", "export", "load", "summary", "coauthnet", "table", "netview", "mobility"}

// userMessage is err's text without a leading internal package prefix.
func userMessage(err error) string {
	msg := err.Error()
	for {
		p, rest, ok := strings.Cut(msg, ": ")
		if !ok || !slices.Contains(internalPrefixes, p) {
			return msg
		}
		msg = rest
	}
}

// run runs the command line args and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	if f, ok := stderr.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			e.isTerminal = true
		}
	}
	if len(args) == 0 {
		printUsage(stderr)
		return 2
	}
	name := args[0]
	if name == "--version" || name == "-version" || name == "version" {
		fmt.Fprint(stdout, coauthnet.VersionText())
		return 0
	}
	if name == "help" || name == "-h" || name == "--help" {
		if len(args) > 2 {
			fmt.Fprintf(stderr, "coauthnet help: give one command or topic, not %q\n", args[1:])
			return 2
		}
		if len(args) == 2 {
			// Topics first: "help blocs" explains blocs, "blocs -h"
			// lists the command's flags.
			txt, err := help.Text(args[1])
			if err != nil {
				for _, c := range commands {
					if c.name == args[1] {
						return run([]string{args[1], "-h"}, stdin, stdout, stderr)
					}
				}
				fmt.Fprintf(stderr, "coauthnet help: %q is neither a command nor a topic (commands: %s; topics: %s)\n",
					args[1], strings.Join(commandNames(), ", "), strings.Join(help.Topics(), ", "))
				return 2
			}
			fmt.Fprint(stdout, txt)
			return 0
		}
		printUsage(stdout)
		return 0
	}
	for _, c := range commands {
		if c.name == name {
			err := c.run(args[1:], e)
			var ue usageError
			switch {
			case err == nil:
				return 0
			case errors.Is(err, flag.ErrHelp):
				return 0
			case errors.As(err, &ue):
				fmt.Fprintf(stderr, "coauthnet %s: %s (see coauthnet %s -h)\n", name, userMessage(err), name)
				return 2
			default:
				fmt.Fprintf(stderr, "coauthnet %s: %s\n", name, userMessage(err))
				return 1
			}
		}
	}
	fmt.Fprintf(stderr, "coauthnet: unknown command %q (commands: %s; coauthnet help lists them)\n", name, strings.Join(commandNames(), ", "))
	return 2
}

// printLines writes each line to w after "coauthnet: ".
func printLines(w io.Writer, lines []string) {
	for _, l := range lines {
		fmt.Fprintf(w, "coauthnet: %s\n", l)
	}
}

func commandNames() []string {
	var n []string
	for _, c := range commands {
		n = append(n, c.name)
	}
	return n
}
