package load

import (
	"context"
	"errors"
	"fmt"
	"github.com/coauthnet/coauthnet/atomicfile"
	"io"
	"slices"
	"strings"

	"github.com/coauthnet/coauthnet"
	csvio "github.com/coauthnet/coauthnet/io/csv"
	"github.com/coauthnet/coauthnet/io/jsonl"
	parquetio "github.com/coauthnet/coauthnet/io/parquet"
)

// ConvertFormats are the formats [Convert] writes.
var ConvertFormats = []string{"jsonl", "csv", "parquet"}

// ConvertFormat returns the format of a conversion to path, as coauthnet
// convert's --to and -o choose it: format when not empty, else the one
// of ConvertFormats that ends path ("x.parquet": parquet). A format not
// in ConvertFormats, or none, is an error, and so is a path that
// atomicfile.Write could not create (atomicfile.CheckParent: a
// directory that does not exist), before any input is read.
func ConvertFormat(path, format string) (string, error) {
	if format == "" {
		for _, f := range ConvertFormats {
			if strings.HasSuffix(path, "."+f) {
				format = f
			}
		}
	}
	if !slices.Contains(ConvertFormats, format) {
		return "", fmt.Errorf("load: --to %q: want jsonl, csv or parquet (or an -o ending in one of them)", format)
	}
	if path != "-" {
		if err := atomicfile.CheckParent(path); err != nil {
			return "", fmt.Errorf("load: -o: %w", err)
		}
	}
	return format, nil
}

// ErrNoPaper is returned by [Convert] when no paper could be written.
var ErrNoPaper = errors.New("no paper to write")

// Convert reads the inputs with o (Papers; AsRead and Need All are set:
// the records are written as read, after deduplication) and writes the
// papers to w in format ("jsonl": canonical JSON Lines, "csv" or
// "parquet", whose file metadata records coauthnet_version and the
// inputs: the names given, "; "-separated, after SampleName with
// o.Sample). check, when not nil, is called with the summary before the
// output is completed (the Parquet footer written, buffers flushed): an
// error from it, or ErrNoPaper when nothing was written, leaves the
// output incomplete, so that an atomic file is not kept. It returns the
// loading summary and the papers written.
func Convert(ctx context.Context, inputs []string, o Options, format string, w io.Writer, check func(*Summary) error) (*Summary, int, error) {
	var pw interface{ Write(*coauthnet.Paper) error }
	var finish func() error
	switch format {
	case "jsonl":
		jw := jsonl.NewWriter(w)
		pw, finish = jw, jw.Flush
	case "csv":
		cw := csvio.NewWriter(w)
		pw, finish = cw, cw.Flush
	case "parquet":
		names := inputs
		if o.Sample {
			names = append([]string{SampleName}, inputs...)
		}
		qw := parquetio.NewWriter(w, [2]string{"coauthnet_version", coauthnet.Version()}, [2]string{"inputs", strings.Join(names, "; ")})
		pw, finish = qw, qw.Close
	default:
		return nil, 0, fmt.Errorf("load: cannot convert to %q (want %s)", format, strings.Join(ConvertFormats, ", "))
	}
	o.AsRead, o.Need = true, All
	written := 0
	sum, err := Papers(ctx, inputs, o, func(p *coauthnet.Paper) error {
		written++
		return pw.Write(p)
	})
	if err != nil {
		return sum, written, err
	}
	if written == 0 {
		return sum, 0, ErrNoPaper
	}
	if check != nil {
		if err := check(sum); err != nil {
			return sum, written, err
		}
	}
	return sum, written, finish()
}
