// Package readertest holds the checks every reader's tests share: the
// reader contract that the fuzz tests enforce, and a loop that collects
// papers and skipped records.
package readertest

import (
	"errors"
	"io"
	"maps"
	"slices"
	"testing"

	"github.com/coauthnet/coauthnet"
)

// maxReads bounds a stream: a reader that has not ended after this many
// reads on a fuzz input is broken.
const maxReads = 1_000_000

// Contract reads r to its end and fails t unless the reader keeps its
// contract: every paper returned is valid, every error is a
// *coauthnet.ParseError (and reading goes on) or ends the stream, and the
// stream ends. A panic fails the fuzz test by itself.
func Contract(t *testing.T, r coauthnet.Reader) {
	t.Helper()
	ContractReasons(t, r, nil)
}

// ContractReasons is [Contract], and when reasons is not empty also fails
// t unless every *coauthnet.ParseError wraps one of reasons (a reader's
// list of named skip reasons: no skip goes unexplained).
func ContractReasons(t *testing.T, r coauthnet.Reader, reasons []error) {
	t.Helper()
	for i := 0; i < maxReads; i++ {
		p, err := r.Read()
		if err == io.EOF {
			return
		}
		var pe *coauthnet.ParseError
		if errors.As(err, &pe) {
			if len(reasons) > 0 && Reason(err, reasons) == nil {
				t.Fatalf("skip without a named reason: %v", err)
			}
			continue
		}
		if err != nil {
			return
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("invalid paper returned: %v", err)
		}
	}
	t.Fatal("reader did not end")
}

// Collect reads r to its end and returns its papers, the records it
// skipped, and the error that ended the stream (nil at io.EOF).
func Collect(r coauthnet.Reader) ([]coauthnet.Paper, []*coauthnet.ParseError, error) {
	var ps []coauthnet.Paper
	var skips []*coauthnet.ParseError
	for {
		p, err := r.Read()
		if err == io.EOF {
			return ps, skips, nil
		}
		var pe *coauthnet.ParseError
		if errors.As(err, &pe) {
			skips = append(skips, pe)
			continue
		}
		if err != nil {
			return ps, skips, err
		}
		ps = append(ps, p)
	}
}

// Normalize makes empty slices nil, in place: "[]" and an absent list are
// the same record, and CSV and Parquet cannot tell them apart.
func Normalize(ps []coauthnet.Paper) {
	for i := range ps {
		p := &ps[i]
		if len(p.Fields) == 0 {
			p.Fields = nil
		}
		if len(p.Authors) == 0 {
			p.Authors = nil
		}
		for j := range p.Authors {
			if len(p.Authors[j].Affiliations) == 0 {
				p.Authors[j].Affiliations = nil
			}
		}
	}
}

// Countries returns the set of countries of a paper's affiliations.
func Countries(p coauthnet.Paper) map[string]bool {
	cs := map[string]bool{}
	for _, a := range p.Authors {
		for _, af := range a.Affiliations {
			if af.Country != "" {
				cs[af.Country] = true
			}
		}
	}
	return cs
}

// Reason returns the first of reasons that err wraps, or nil.
func Reason(err error, reasons []error) error {
	for _, r := range reasons {
		if errors.Is(err, r) {
			return r
		}
	}
	return nil
}

// Agreement compares the per-paper country sets of ps with an independent
// parse, ref[i] = [id, sorted countries] paper by paper in file order
// (the testdata/independent scripts' output), logs every disagreement and
// the share that agree, and fails t below 97% (issue 14's bar) or when
// the parse found another number of records.
func Agreement(t *testing.T, ps []coauthnet.Paper, ref [][2]any) {
	t.Helper()
	if len(ref) != len(ps) {
		t.Fatalf("independent parse found %d records, reader %d papers", len(ref), len(ps))
	}
	agree := 0
	for i, p := range ps {
		id, _ := ref[i][0].(string)
		var want []string
		for _, c := range ref[i][1].([]any) {
			want = append(want, c.(string))
		}
		got := slices.Sorted(maps.Keys(Countries(p)))
		if id == p.ID && slices.Equal(got, want) {
			agree++
		} else {
			t.Logf("%s: ours %v, independent %s %v", p.ID, got, id, want)
		}
	}
	t.Logf("%d of %d papers agree (%.1f%%)", agree, len(ps), 100*float64(agree)/float64(len(ps)))
	if float64(agree) < 0.97*float64(len(ps)) {
		t.Errorf("agreement %d/%d < 97%%", agree, len(ps))
	}
}
