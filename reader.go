package coauthnet

import (
	"fmt"
	"io"
)

// A Reader is what every reader of the module (io/jsonl, io/wos, …)
// offers: Read returns the next paper, io.EOF at the end, a *ParseError
// for a record it skipped (Read may be called again), or any other error,
// which ends the stream.
type Reader interface {
	Read() (Paper, error)
}

// ReadAll reads every paper of r, stopping at the first error of any
// kind, as encoding/csv's ReadAll does. Callers that want to skip bad
// records call Read in a loop.
func ReadAll(r Reader) ([]Paper, error) {
	var ps []Paper
	for {
		p, err := r.Read()
		if err == io.EOF {
			return ps, nil
		}
		if err != nil {
			return ps, err
		}
		ps = append(ps, p)
	}
}

// A ParseError reports a record that a reader skipped. Every reader
// returns this one type (each package also names it ParseError).
type ParseError struct {
	Format string // the reader: "jsonl", "wos", "scopus", "openalex", "csv", "parquet"
	Name   string // file name given to the reader, or ""
	Line   int    // line where the record starts (Parquet: 1-based row)
	ID     string // the record's id, when it could be read
	Err    error
}

// Error reads "wos: savedrecs.txt:1042 (id WOS:000…): PY is not a year".
func (e *ParseError) Error() string {
	id := ""
	if e.ID != "" {
		id = " (id " + e.ID + ")"
	}
	name := e.Name
	if name != "" {
		name += ":"
	}
	return fmt.Sprintf("%s: %s%d%s: %v", e.Format, name, e.Line, id, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }
