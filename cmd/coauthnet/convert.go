package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/coauthnet/coauthnet/load"
	"github.com/coauthnet/coauthnet/summary"
)

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
	format, err := load.ConvertFormat(*out, *to)
	if err != nil {
		return usageError{err.Error()}
	}
	var sum *load.Summary
	var refused error // no paper, or --strict's error: the summary says why
	written := 0
	err = writeFile(*out, e.stdout, func(w io.Writer) error {
		setDoing("reading the inputs into " + *out)
		var err error
		sum, written, err = load.Convert(context.Background(), files, f.loadOptions(e), format, w, func(s *load.Summary) error {
			// Checked before the file is complete: --strict leaves no file.
			refused = strict(&f, s)
			return refused
		})
		if errors.Is(err, load.ErrNoPaper) {
			refused = err
		}
		return err
	})
	if err != nil && refused == nil {
		return err
	}
	summary.Converted(e.stderr, sum, written, format, f.load.List)
	if refused != nil && *out != "-" {
		return fmt.Errorf("%w; %s not written", refused, *out)
	}
	return refused
}
