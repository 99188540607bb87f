package main

import (
	"context"
	"errors"
	"fmt"
	"github.com/coauthnet/coauthnet/summary"
	"io"
	"strings"

	"github.com/coauthnet/coauthnet"
	csvio "github.com/coauthnet/coauthnet/io/csv"
	"github.com/coauthnet/coauthnet/io/jsonl"
	parquetio "github.com/coauthnet/coauthnet/io/parquet"
	"github.com/coauthnet/coauthnet/load"
)

// paperWriter is what convert needs of a writer.
type paperWriter interface {
	Write(*coauthnet.Paper) error
}

func runConvert(args []string, e *env) error {
	var f inputFlags
	fs := newFlagSet("convert", "coauthnet convert [--from FORMAT] --to jsonl|csv|parquet -o OUT FILE...", e.stderr)
	f.register(fs)
	to := fs.String("to", "", "output `format`: jsonl, csv or parquet (default: from the -o extension)")
	out := fs.String("o", "-", "output `file`; - is standard output")
	files, err := f.parseCommand(fs, args)
	if err != nil {
		return err
	}
	format := *to
	if format == "" {
		for _, ext := range []string{"jsonl", "csv", "parquet"} {
			if strings.HasSuffix(*out, "."+ext) {
				format = ext
			}
		}
	}
	if format != "jsonl" && format != "csv" && format != "parquet" {
		return usagef("--to %q: want jsonl, csv or parquet (or an -o ending in one of them)", format)
	}
	opts := f.loadOptions(e)
	opts.AsRead = true // convert writes the records as read
	opts.Need = load.All
	var sum *load.Summary
	var strictErr error
	written := 0
	err = writeFile(*out, e.stdout, func(w io.Writer) error {
		var pw paperWriter
		var finish func() error
		switch format {
		case "jsonl":
			jw := jsonl.NewWriter(w)
			pw, finish = jw, jw.Flush
		case "csv":
			cw := csvio.NewWriter(w)
			pw, finish = cw, cw.Flush
		case "parquet":
			qw := parquetio.NewWriter(w, [2]string{"coauthnet_version", coauthnet.Version()}, [2]string{"inputs", inputsMeta(&f, files)})
			pw, finish = qw, qw.Close
		}
		var err error
		setDoing("reading the inputs into " + *out)
		sum, err = load.Papers(context.Background(), files, opts, func(p *coauthnet.Paper) error {
			written++
			return pw.Write(p)
		})
		if err != nil {
			return err
		}
		if written == 0 {
			return errNoPaper
		}
		// Checked before the file is complete: --strict leaves no file.
		if strictErr = strict(&f, sum); strictErr != nil {
			return strictErr
		}
		return finish()
	})
	switch {
	case errors.Is(err, errNoPaper):
		err = errNoPaper
	case strictErr != nil && errors.Is(err, strictErr):
		err = strictErr
	case err != nil:
		return err
	}
	fmt.Fprintf(e.stderr, "coauthnet: read %s from %d input(s), %d skipped; wrote %s as %s\n",
		summary.Plural(sum.Read, "record"), len(sum.Inputs), sum.Skipped, summary.Plural(written, "paper"), format)
	summary.Duplicates(e.stderr, sum, "written")
	if sum.Skipped > 0 {
		fmt.Fprintf(e.stderr, "coauthnet: skipped: %s\n", summary.CountList(sum.Reasons))
		for _, m := range sum.Skips {
			fmt.Fprintf(e.stderr, "coauthnet: skipped: %s\n", m)
		}
	}
	summary.Warnings(e.stderr, sum, f.verbose)
	if err != nil && *out != "-" {
		return fmt.Errorf("%w; %s not written", err, *out)
	}
	return err
}

// errNoPaper is convert's error when no paper could be written.
var errNoPaper = errors.New("no paper to write")

// inputsMeta is the "inputs" provenance of a Parquet file, written before
// the inputs are read: the names given.
func inputsMeta(f *inputFlags, files []string) string {
	if f.sample {
		return load.SampleName
	}
	return strings.Join(files, "; ")
}
