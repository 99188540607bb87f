package aggregate

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/load"
)

// CountOptions configure [Count].
type CountOptions struct {
	// Load says what to read and how (load.Papers). Load.Format
	// "aggregate" reads the inputs as aggregates, and "auto" does when
	// every input is one ([ReadsAggregates]). Count sets Load.Need and
	// Load.Extra to what counting needs ([Needs]).
	Load load.Options
	// Graph are the counting options (graph.NewCounter). Given
	// aggregates, those not at their default must be the ones the
	// aggregates were counted with ([Open]).
	Graph graph.Options
	// ByField also counts one series per field (graph.FieldCounter).
	// An aggregate cannot be split by field: ByField with aggregates is
	// an error.
	ByField bool
	// KeepCounter keeps the counter in the result, for [FromSummary],
	// at the cost of holding its maps twice; without it the series
	// takes them over (graph.Counter.Finish).
	KeepCounter bool
}

// Counted is what [Count] read and counted.
type Counted struct {
	Series *graph.Series
	// Summary is what was read, used and skipped (load.Papers), or
	// the aggregate's counts (Aggregate.Summary).
	*load.Summary
	// Stats are the series' statistics (graph.Series.Stats).
	Stats graph.Stats
	// Options are the counting options: CountOptions' for papers, the
	// aggregate's for aggregates (Open), which stand for the asked ones
	// in a summary or a provenance.
	Options   Options
	ByField   *graph.FieldCounter // with CountOptions.ByField
	Counter   *graph.Counter      // with CountOptions.KeepCounter (papers only)
	Aggregate *Aggregate          // the merged aggregate, when the inputs were aggregates
}

// ErrByField is Count's error for ByField given aggregates (in an
// [OptionError]).
var ErrByField = errors.New("aggregate: --by-field cannot split an aggregate by field: aggregate each field (--field NAME)")

// An OptionError is [Count]'s error for options it cannot honour: what
// [CountOptions.Validate] reports, and, given aggregates, ByField
// ([ErrByField]) or what Options.FlagMap refuses (Impact). It is the
// caller's mistake, not the data's: a command reports it as a usage
// error.
type OptionError struct{ Err error }

func (e *OptionError) Error() string { return e.Err.Error() }

// Unwrap returns Err, so that errors.Is(err, ErrByField) holds.
func (e *OptionError) Unwrap() error { return e.Err }

// Validate reports the options that [Count] refuses before it reads
// anything, in the words of the command's flags: a Load.Format other
// than "", "auto", "aggregate" or one of load.Formats (--from); ByField
// with a Load.Field (--by-field and --field: one field leaves nothing
// to split); and what graph.Options.Validate reports of Graph.
func (o CountOptions) Validate() error {
	if f := o.Load.Format; f != "" && f != "auto" && f != "aggregate" && !slices.Contains(load.Formats, f) {
		return fmt.Errorf("aggregate: --from %q: want auto, aggregate, %s", f, strings.Join(load.Formats, ", "))
	}
	if o.Load.Field != "" && o.ByField {
		return errors.New("aggregate: --field and --by-field: give one or the other")
	}
	return o.Graph.Validate()
}

// ReadsAggregates reports whether [Count] reads files as aggregates
// under the loading options lo: never for lo.Sample or no file, always
// for lo.Format "aggregate", and for "auto" when every file is one
// ([Detect]: an error when some are and some are not).
func ReadsAggregates(lo load.Options, files []string) (bool, error) {
	if lo.Sample || len(files) == 0 || (lo.Format != "aggregate" && lo.Format != "auto") {
		return false, nil
	}
	if lo.Format == "aggregate" {
		return true, nil
	}
	return Detect(files)
}

// Count reads the papers of files (load.Papers) and counts them into a
// yearly series, or, when they are aggregates ([ReadsAggregates]),
// merges them ([Open]): the series an analysis needs, whichever the
// inputs. On a reading error it returns what was read so far (Summary)
// with the error. A result with Stats.Used 0 (nothing counted) is no
// error: the caller says so. Options it cannot honour are an
// [*OptionError], returned before anything is read.
func Count(ctx context.Context, files []string, o CountOptions) (*Counted, error) {
	if err := o.Validate(); err != nil {
		return nil, &OptionError{err}
	}
	opts := Options{Graph: o.Graph, Policy: o.Load.Policy, Field: load.FoldField(o.Load.Field), FieldMap: o.Load.FieldMap}
	agg, err := ReadsAggregates(o.Load, files)
	if err != nil {
		return nil, err
	}
	if agg {
		if o.ByField {
			return nil, &OptionError{ErrByField}
		}
		if _, err := opts.FlagMap(); err != nil {
			return nil, &OptionError{err}
		}
		s, a, counted, err := Open(files, opts)
		if err != nil {
			return nil, err
		}
		return &Counted{Series: s, Summary: a.Summary(), Stats: s.Stats(), Options: counted, Aggregate: a}, nil
	}
	o.Load.Need, o.Load.Extra = Needs(o.Graph, o.Load.Field, o.ByField)
	c := graph.NewCounter(o.Graph)
	r := &Counted{Options: opts}
	if o.ByField {
		r.ByField = graph.NewFieldCounter(o.Graph)
	}
	r.Summary, err = load.Papers(ctx, files, o.Load, func(p *coauthnet.Paper) error {
		c.Add(p)
		if r.ByField != nil {
			r.ByField.Add(p)
		}
		return nil
	})
	if err != nil {
		return r, err
	}
	if o.KeepCounter {
		r.Series, r.Counter = c.Series(), c
	} else {
		r.Series = c.Finish() // the series has what the counter held: let it go
	}
	r.Stats = r.Series.Stats() // the counter's, with what Series adds (ZeroBaseline)
	return r, nil
}

// Needs returns what counting with o needs of each record (load.Options
// Need and Extra), so that readers may leave the rest out: the countries
// at level graph.Countries, else the institutions; and the rest of the
// record (Extra) for citation impact, a field (field not empty, or
// byField) or the corresponding author as leader.
func Needs(o graph.Options, field string, byField bool) (need load.Need, extra bool) {
	need = load.Institutions
	if o.Level == graph.Countries {
		need = load.Countries
	}
	return need, o.Impact || field != "" || byField || o.Leader == graph.CorrespondingAuthor
}
