package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/coauthnet/coauthnet"
	csvio "github.com/coauthnet/coauthnet/io/csv"
	"github.com/coauthnet/coauthnet/io/jsonl"
	parquetio "github.com/coauthnet/coauthnet/io/parquet"
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
	rep := newReport(&f, e)
	rep.applyPolicy = false // convert writes the records as read
	rep.minimal = false
	written := 0
	var werr error
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
			qw := parquetio.NewWriter(w, [2]string{"coauthnet_version", version}, [2]string{"inputs", inputsMeta(rep)})
			pw, finish = qw, qw.Close
		}
		rep.sink = func(p *coauthnet.Paper) {
			if werr == nil {
				werr = pw.Write(p)
				written++
			}
		}
		if err := rep.readAll(&f, files, e); err != nil {
			return err
		}
		if werr != nil {
			return werr
		}
		return finish()
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "coauthnet: read %s from %d input(s), %d skipped; wrote %s as %s\n",
		plural(rep.read, "record"), len(rep.inputs), rep.skipped, plural(written, "paper"), format)
	if rep.duplicates > 0 {
		fmt.Fprintf(e.stderr, "coauthnet: %s with a DOI already read from another record (written once)\n", plural(rep.duplicates, "paper"))
	}
	if rep.skipped > 0 {
		fmt.Fprintf(e.stderr, "coauthnet: skipped: %s\n", countList(rep.reasons))
		for _, m := range rep.skippedList {
			fmt.Fprintf(e.stderr, "coauthnet: skipped: %s\n", m)
		}
	}
	if written == 0 {
		return fmt.Errorf("no paper to write")
	}
	return nil
}

// inputsMeta is the "inputs" provenance string; for parquet it is known
// only after reading, so convert records the names given.
func inputsMeta(r *report) string {
	var s []string
	for _, in := range r.inputs {
		s = append(s, in.name)
	}
	return strings.Join(s, "; ")
}
