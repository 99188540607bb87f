// Command coauthnet builds weighted country and institution
// co-authorship networks from bibliographic records and measures how
// they change.
//
// 'coauthnet help' lists its commands and help topics (formulas and a
// worked example on the sample), 'coauthnet COMMAND -h' or 'coauthnet
// help COMMAND' a command's usage and flags. README.md has the table of
// every flag and the commands that take it, the inputs, the outputs and
// the exit statuses.
package main

import (
	"context"
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
			switch {
			case err == nil:
				fmt.Fprint(stdout, txt)
				return 0
			case slices.Contains(commandNames(), args[1]):
				return run([]string{args[1], "-h"}, stdin, stdout, stderr)
			}
			fmt.Fprintf(stderr, "coauthnet help: %q is neither a command nor a topic (commands: %s; topics: %s)\n",
				args[1], strings.Join(commandNames(), ", "), strings.Join(help.Topics(), ", "))
			return 2
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
			case errors.Is(err, context.Canceled): // fetch, stopped by a signal
				fmt.Fprintf(stderr, "coauthnet %s: %s\n", name, userMessage(err))
				return 130
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
