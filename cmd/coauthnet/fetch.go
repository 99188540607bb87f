package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/coauthnet/coauthnet/io/openalex/api"
)

const fetchUsage = `coauthnet fetch openalex --filter FILTER [--search TEXT] [--select default|minimal|all] -o works.jsonl.gz [--resume]
       coauthnet fetch openalex --filter FILTER --group-by FIELD [-o counts.csv]

Fetches OpenAlex works from the API into JSON Lines (gzip when -o ends in
.gz) that every other command reads, with a sidecar OUT.provenance.json
(query, fetch dates, meta.count, sha256) that build and report show.
FILTER is the API's own filter syntax, e.g.
authorships.countries:CN,publication_year:2015-2024. An interrupted fetch
continues with the same command and --resume. The API key and mailto
may come from OPENALEX_API_KEY and OPENALEX_MAILTO.`

func runFetch(args []string, e *env) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
			fmt.Fprintf(e.stderr, "Usage: %s\n", fetchUsage)
			return flag.ErrHelp
		}
		return usagef("fetch needs a source: coauthnet fetch openalex ...")
	}
	if args[0] != "openalex" {
		return usagef("fetch: unknown source %q (want openalex)", args[0])
	}
	fs := newFlagSet("fetch openalex", fetchUsage, e.stderr)
	filter := fs.String("filter", "", "the works `FILTER`, passed through to the API")
	search := fs.String("search", "", "full-text search `TEXT`")
	sel := fs.String("select", "default", "fields to fetch: default (what coauthnet reads), minimal (id, doi, year, authorships) or all")
	perPage := fs.Int("per-page", api.DefaultPerPage, "works per request (`N`, 1-200; the current API documents at most 100)")
	out := fs.String("o", "", "output `file` (.jsonl or .jsonl.gz; with --group-by a CSV file, default standard output)")
	resume := fs.Bool("resume", false, "continue an interrupted fetch of the same query into the same -o")
	groupBy := fs.String("group-by", "", "count works per value of `FIELD` (e.g. authorships.countries) instead of fetching them; CSV")
	mailto := fs.String("mailto", os.Getenv("OPENALEX_MAILTO"), "e-mail `address` for the polite pool (default $OPENALEX_MAILTO)")
	apiKey := fs.String("api-key", "", "API `KEY` (default $OPENALEX_API_KEY; the environment keeps it out of shell history)")
	rate := fs.Float64("rate", api.DefaultRate, "at most `R` requests per second (the API allows 100)")
	retries := fs.Int("retries", api.DefaultMaxRetries, "retries of a request after 429, 5xx or a network error (`N`)")
	base := fs.String("api", api.DefaultBaseURL, "API base `URL` (a mirror, or a test server)")
	progress := fs.Bool("progress", false, "print progress lines on stderr even when it is not a terminal")
	pos, err := parseArgs(fs, args[1:])
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("fetch openalex takes no file arguments (got %q)", pos)
	}
	if *rate <= 0 || *rate > 100 {
		return usagef("--rate %g: want a rate above 0 and at most 100 per second", *rate)
	}
	if *perPage < 1 || *perPage > 200 {
		return usagef("--per-page %d: want 1 to 200", *perPage)
	}
	fields, err := api.SelectFields(*sel)
	if err != nil {
		return usagef("--select %q: want default, minimal or all", *sel)
	}
	if *filter == "" && *search == "" && !*resume {
		return usagef("give --filter or --search (the whole of OpenAlex is a snapshot download, not an API fetch)")
	}
	if *retries <= 0 {
		*retries = -1 // for the Client, 0 means the default
	}
	pr := api.Printer{W: e.stderr, Prefix: "coauthnet fetch: ", Terminal: e.isTerminal}
	c := &api.Client{BaseURL: *base, Mailto: *mailto, APIKey: cmp.Or(*apiKey, os.Getenv("OPENALEX_API_KEY")), Rate: *rate, MaxRetries: *retries, Log: pr.Logf}
	q := api.Query{Filter: *filter, Search: *search, Select: fields, PerPage: *perPage}

	// A fetch stops cleanly on a signal, keeping what --resume needs: the
	// command's handler (onInterrupt: remove outputs, exit) stands aside.
	signal.Reset(os.Interrupt, syscall.SIGTERM)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if *groupBy != "" {
		if *resume {
			return usagef("--resume is for works, not --group-by")
		}
		res, err := c.GroupBy(ctx, q, *groupBy)
		if err != nil {
			return err
		}
		if err := writeFile(cmp.Or(*out, "-"), e.stdout, func(w io.Writer) error { return api.WriteCSV(w, res.Groups) }); err != nil {
			return err
		}
		pr.Println(res.Checks(*groupBy)...)
		return nil
	}

	if *out == "" || *out == "-" {
		return usagef("fetch openalex needs -o FILE (a fetch is resumable only into a file)")
	}
	opt := api.Options{Resume: *resume}
	if e.isTerminal || *progress {
		opt.Progress = pr.Progress
	}
	res, err := c.Download(ctx, q, *out, opt)
	pr.End()
	if err != nil {
		return api.Interrupted(*out, err)
	}
	fmt.Fprintf(e.stderr, "coauthnet fetch: %d works in %d pages → %s (provenance in %s)\n", res.Works, res.Pages, *out, *out+api.ProvenanceSuffix)
	pr.Println(res.Checks()...)
	return nil
}
