package load

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/io/jsonl"
	"github.com/coauthnet/coauthnet/io/openalex"
	"github.com/coauthnet/coauthnet/io/scopus"
	"github.com/coauthnet/coauthnet/io/wos"
)

// A Summary is everything one call of [Papers] read, passed on and left
// out, and why. Maps are never nil.
type Summary struct {
	// Inputs are the files read, in order (the sample first when read).
	Inputs []Input
	// Read counts the records read: papers, skipped records and
	// duplicates.
	Read int
	// Skipped counts the records that a reader skipped, and Reasons
	// counts them by [Reason].
	Skipped int
	Reasons map[string]int
	// Skips lists the skipped records with file, line and reason (only
	// with Options.List).
	Skips []string
	// Duplicates counts the records dropped as duplicates by the rule
	// that found them ("id", "doi", "title"); DuplicateList names each (only with
	// Options.List).
	Duplicates    map[string]int
	DuplicateList []string
	// Passed counts the papers passed to the sink.
	Passed int
	// Remapped counts the affiliations that the country policy changed,
	// by "FROM→TO" ("TW→CN").
	Remapped map[string]int
	// NotISO counts the two-letter country codes outside ISO 3166-1,
	// which are kept as they are.
	NotISO map[string]int
	// Unmapped counts the country texts (of source formats) that map to
	// no ISO code.
	Unmapped map[string]int
	// NotInField counts the papers left out by Options.Field;
	// UnmappedFields the source categories absent from Options.FieldMap.
	NotInField     int
	UnmappedFields map[string]int
	// NotRead names the files found in a directory or by a glob pattern
	// that were not read because their format could not be detected,
	// with the reason.
	NotRead []string
	// Documentation names the files found in a directory or by a glob
	// pattern that were not read because they are documentation (README,
	// LICENSE, SOURCES.md, any Markdown: by their name, when their
	// format could not be detected). They are not warnings.
	Documentation []string
	// Bytes is the raw (compressed) size of the inputs read; Elapsed the
	// wall time of Papers.
	Bytes   int64
	Elapsed time.Duration

	needInstitutions bool
}

// An Input describes one file read.
type Input struct {
	Name        string // as given or found; "stdin" for "-", "sample" for the sample
	Format      string // "jsonl", "wos", …, or [SampleName]
	Compression string // "", "gzip" or "zstd"
	SHA256      string // of the raw bytes, hex; "" for the sample
	Bytes       int64  // raw bytes
	// Read counts the records read, Skipped those a reader skipped,
	// Duplicates those dropped as duplicates.
	Read, Skipped, Duplicates int
	// Papers counts the papers decoded (Read − Skipped); WithCountry and
	// WithInstitution those with at least one affiliation with a country
	// (ZZ excluded) or an institution, before the country policy.
	// WithInstitution is 0 for JSON Lines and Parquet inputs when
	// Options.Need is Countries (without the title duplicate rule):
	// institution strings are then not decoded.
	Papers, WithCountry, WithInstitution int
	// Origin says where the input came from when a provenance sidecar
	// describes it (coauthnet fetch's OUT.provenance.json: the query and
	// the fetch dates), or why a sidecar beside it was not used; "" for
	// other inputs.
	Origin string
	// AddressFallback counts the papers (WoS, Scopus) whose affiliations
	// could be given to no author and were counted as addresses, one
	// weight unit each (wos.Reader.AddressFallback,
	// scopus.Reader.AddressFallback), as read: before duplicates are
	// dropped and before graph.Options.Years.
	AddressFallback int
}

// MinCoverage is the share of an input's papers that must have a country
// (and, at institution level, an institution) before [Summary.Warnings]
// warns. Measured by TestCoverageOfRealExports on shared/testdata-real:
// every WoS and Scopus export read right is at 97.2-100 % for countries
// and institutions, while a layout a reader does not understand drops
// near zero (2.6 % on the Scopus layout of issue 14), so the threshold
// separates the two without being tuned to either. The one OpenAlex
// snapshot there (works of 1977-2010) is at 53 %: OpenAlex has no
// institution for many older works (an independent parse finds a country
// on 93 of its 200 works), and the warning is right to say that half the
// papers cannot be counted.
const MinCoverage = 0.80

func newSummary() *Summary {
	return &Summary{Reasons: map[string]int{}, Duplicates: map[string]int{}, Remapped: map[string]int{},
		NotISO: map[string]int{}, Unmapped: map[string]int{}, UnmappedFields: map[string]int{}}
}

// Duplicated returns the number of records dropped as duplicates.
func (s *Summary) Duplicated() int {
	n := 0
	for _, c := range s.Duplicates {
		n += c
	}
	return n
}

// Warnings returns what a user must look at before trusting the result,
// one sentence each: inputs whose coverage of countries (or institutions,
// when loading for institution-level counting) is below [MinCoverage],
// with the likely cause, and files of directories that were not read.
// Skipped records are not warnings: they are in Skipped and Reasons.
func (s *Summary) Warnings() []string {
	var w []string
	for _, in := range s.Inputs {
		if in.Papers == 0 {
			continue
		}
		if share := float64(in.WithCountry) / float64(in.Papers); share < MinCoverage {
			w = append(w, fmt.Sprintf("only %.1f%% of the %d papers of %s have a country: %s", 100*share, in.Papers, in.Name, cause(in.Format, "country")))
		}
		if s.needInstitutions {
			if share := float64(in.WithInstitution) / float64(in.Papers); share < MinCoverage {
				w = append(w, fmt.Sprintf("only %.1f%% of the %d papers of %s have an institution: %s", 100*share, in.Papers, in.Name, cause(in.Format, "institution")))
			}
		}
	}
	for _, nr := range s.NotRead {
		w = append(w, "not read: "+nr)
	}
	return w
}

// cause names the likely cause of low coverage in a format.
func cause(format, what string) string {
	switch format {
	case "wos":
		return "the C1 addresses are missing or in a layout not recognised (check that the export includes the full record with addresses)"
	case "scopus":
		return "the Affiliations / Authors with affiliations columns are missing or in a layout not recognised (export with all columns)"
	case "openalex":
		return "the authorships lack institutions and countries (select authorships when querying the API)"
	}
	return "the records have no " + what + " in their affiliations"
}

// Reason names why a reader skipped a record, for the summary's counts:
// a short phrase such as "bad JSON", "no year", "record not closed by
// ER" or "file cut short" (a last line without a line end that is not a
// whole record, [jsonl.ErrCutShort]). Errors of no known kind are named by their innermost error's
// text, never by a catch-all.
func Reason(err error) string {
	switch {
	case errors.Is(err, jsonl.ErrCutShort): // before bad JSON, which it wraps too
		return "file cut short"
	case errors.Is(err, jsonl.ErrSyntax):
		return "bad JSON"
	case errors.Is(err, jsonl.ErrType):
		return "field of the wrong type"
	case errors.Is(err, jsonl.ErrLineTooLong):
		return "line too long"
	case errors.Is(err, coauthnet.ErrNoYear):
		return "no year"
	case errors.Is(err, coauthnet.ErrNoID):
		return "no id"
	case errors.Is(err, coauthnet.ErrBadCountry):
		return "country not a 2-letter code"
	case errors.Is(err, wos.ErrGarbage):
		return "line neither a tag nor a continuation"
	case errors.Is(err, wos.ErrTruncated):
		return "record not closed by ER"
	case errors.Is(err, wos.ErrNoUT), errors.Is(err, scopus.ErrNoEID), errors.Is(err, openalex.ErrNoID):
		return "no id"
	case errors.Is(err, wos.ErrBadYear), errors.Is(err, scopus.ErrBadYear):
		return "year not a year"
	case errors.Is(err, wos.ErrNoYear), errors.Is(err, openalex.ErrNoYear):
		return "no year"
	}
	for _, reasons := range [][]error{wos.Reasons, scopus.Reasons} {
		for _, r := range reasons {
			if errors.Is(err, r) {
				return r.Error()
			}
		}
	}
	if strings.Contains(err.Error(), "out of range") {
		return "year out of range"
	}
	// The innermost error: a reader's sentinel, or its message.
	for {
		u := errors.Unwrap(err)
		if u == nil {
			break
		}
		err = u
	}
	msg := err.Error()
	if i := strings.IndexByte(msg, ':'); i > 0 {
		msg = msg[:i]
	}
	return msg
}
