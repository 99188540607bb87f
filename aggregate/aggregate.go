// Package aggregate reads, writes and merges partial aggregates: the
// per-year node and edge weights that counting produces (a
// [graph.Series]), with the counts of the run's summary and the
// provenance of its inputs, as one Parquet file. Every weight is a sum
// over papers (DESIGN.md section 3), so a corpus split into shards can
// be counted shard by shard — on several machines, in a distributed
// engine — and the partial aggregates merged into the aggregate of the
// whole.
//
// # File format, version 1
//
// One Parquet file (zstd), readable by any Parquet tool (DuckDB, pyarrow,
// Spark), with the key-value metadata
//
//	coauthnet_aggregate   "1" (the schema version)
//	coauthnet_level       country or institution
//	coauthnet_flags       the counting flags, canonical ("level=country;years=;…")
//	coauthnet_version     the version of the program that wrote it
//
// and one flat table whose column kind says what a row is; the other
// columns are set as listed (unset ones are 0 or ""):
//
//	kind       columns set                       meaning
//	stat       name, n                           a counter of the run (graph.Stats fields in snake case, and read, skipped, duplicates)
//	reason     name, n                           records skipped for the reason name
//	input      name, sha256, format, n, skipped  one input file: n records read, skipped of them skipped
//	node       a, name, country                  a node: key, display name, ISO country ("" for groups, ZZ)
//	year       year, papers                      papers counted in the year
//	node_year  year, a, papers, intl, output, domestic, lead, lead_intl
//	                                             node weights (graph.NodeWeights) of node a in the year
//	edge_year  year, a, b, full, bifrac, frac, share, lead_a, lead_b
//	                                             edge weights (graph.Weights) of a–b (a < b by key), and the
//	                                             weight led by a and by b (leadership)
//
// Rows come in that order, each kind sorted by (year, a, b, name). The
// yearly bifrac country edges of a file are, in SQL:
//
//	SELECT year, a, b, bifrac FROM 'part.parquet' WHERE kind = 'edge_year' ORDER BY year, a, b;
//
// and merging partials is a GROUP BY (year, a, b) with SUM over the weight
// columns — what [Merge] does, in a fixed order.
//
// # Merging
//
// [Merge] refuses partials of different schema versions or counting
// flags, and partials that name the same input file (same sha256): a
// paper counted twice is not a sum. Shards must hold disjoint sets of
// papers: split the input by paper (coauthnet split --by id), which also
// drops the duplicate DOIs that a single pass would count once.
//
// Sums are made in a canonical order — partials sorted by their inputs
// (name, sha256), then by their counts — so the output of Merge, and its
// bytes once written, do not depend on the order the partials are given.
// Floating-point addition is not associative, so the merge of shards
// equals a single pass over the whole up to rounding (1e-12 relative in
// the property test, TestMergeEqualsWhole); counts (papers, full, intl)
// are exact.
//
// Node display names and countries are not sums: Merge takes, for each
// node, those of the partial in which it has the most papers (the first
// in canonical order on ties), where a single pass takes the most
// frequent spelling over all papers.
//
// Not mergeable in version 1: normalised citation impact (its baseline is
// the mean of a field and year over the whole corpus); Write refuses a
// series counted with Options.Impact.
//
// Cost: Write and Read are O(N + E) in the nodes and (year, edge) pairs,
// with memory of the same order; Merge is O(P·(N + E) + E log E) for P
// partials.
package aggregate

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"maps"
	"reflect"
	"slices"
	"strings"
	"unicode"

	pq "github.com/parquet-go/parquet-go"

	"github.com/coauthnet/coauthnet/graph"
)

// Version is the schema version this package writes and reads.
const Version = "1"

// Metadata keys of an aggregate file.
const (
	KeyVersion        = "coauthnet_aggregate"
	KeyLevel          = "coauthnet_level"
	KeyFlags          = "coauthnet_flags"
	KeyProgramVersion = "coauthnet_version"
)

// Errors returned by Read and Merge.
var (
	ErrNotAggregate = errors.New("not a coauthnet aggregate")
	ErrVersion      = errors.New("unsupported aggregate schema version")
	ErrFlags        = errors.New("partials counted with different flags")
	ErrOverlap      = errors.New("the same input in two partials")
	ErrImpact       = errors.New("normalised citation impact is not mergeable")
)

// An Aggregate is a counted series with the summary of the run that
// counted it.
type Aggregate struct {
	// Flags are the counting flags, canonical: partials merge only when
	// they are equal. The caller chooses the form (the command writes
	// "level=…;years=…;…").
	Flags string
	// Program is the version of the program that wrote it.
	Program string
	Series  *graph.Series
	Summary Summary
}

// Summary is what a run read and skipped, beyond graph.Stats.
type Summary struct {
	Read, Skipped, Duplicates int
	Reasons                   map[string]int // records skipped, by reason
	Inputs                    []Input
}

// Input is one input file of a run.
type Input struct {
	Name, SHA256, Format string
	Records, Skipped     int
}

// Row is one row of an aggregate file (see the package doc).
type Row struct {
	Kind     string  `parquet:"kind,dict"`
	Year     int32   `parquet:"year"`
	A        string  `parquet:"a,dict"`
	B        string  `parquet:"b,dict"`
	Name     string  `parquet:"name,dict"`
	Country  string  `parquet:"country,dict"`
	SHA256   string  `parquet:"sha256"`
	Format   string  `parquet:"format,dict"`
	N        int64   `parquet:"n"`
	Skipped  int64   `parquet:"skipped"`
	Papers   int64   `parquet:"papers"`
	Intl     int64   `parquet:"intl"`
	Output   float64 `parquet:"output"`
	Domestic float64 `parquet:"domestic"`
	Lead     float64 `parquet:"lead"`
	LeadIntl float64 `parquet:"lead_intl"`
	Full     float64 `parquet:"full"`
	BiFrac   float64 `parquet:"bifrac"`
	Frac     float64 `parquet:"frac"`
	Share    float64 `parquet:"share"`
	LeadA    float64 `parquet:"lead_a"`
	LeadB    float64 `parquet:"lead_b"`
}

// Row kinds.
const (
	KindStat     = "stat"
	KindReason   = "reason"
	KindInput    = "input"
	KindNode     = "node"
	KindYear     = "year"
	KindNodeYear = "node_year"
	KindEdgeYear = "edge_year"
)

// statNames returns the snake-case names of graph.Stats' fields, in
// field order, so that a field added to Stats is written without a
// change here.
func statNames() []string {
	t := reflect.TypeFor[graph.Stats]()
	names := make([]string, t.NumField())
	for i := range names {
		names[i] = snake(t.Field(i).Name)
	}
	return names
}

func snake(s string) string {
	var b strings.Builder
	for i, r := range s {
		if unicode.IsUpper(r) {
			if i > 0 {
				b.WriteByte('_')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// stats returns the fields of st as (name, value), in field order.
func stats(st graph.Stats) ([]string, []int64) {
	v := reflect.ValueOf(st)
	names := statNames()
	vals := make([]int64, len(names))
	for i := range names {
		vals[i] = v.Field(i).Int()
	}
	return names, vals
}

// Summary stat names beside graph.Stats'.
const (
	statRead       = "read"
	statSkipped    = "skipped"
	statDuplicates = "duplicates"
)

const (
	batch    = 4096
	rowGroup = 16 * batch // rows per row group
)

// Write writes a as an aggregate file.
func Write(w io.Writer, a *Aggregate) error {
	st := a.Series.Stats()
	if st.Cited > 0 || st.ZeroBaseline > 0 {
		return fmt.Errorf("aggregate: %w (counted with impact)", ErrImpact)
	}
	pw := pq.NewGenericWriter[Row](w, pq.Compression(&pq.Zstd),
		pq.KeyValueMetadata(KeyVersion, Version),
		pq.KeyValueMetadata(KeyLevel, a.Series.Level().String()),
		pq.KeyValueMetadata(KeyFlags, a.Flags),
		pq.KeyValueMetadata(KeyProgramVersion, a.Program))
	buf := make([]Row, 0, batch)
	rows := 0
	var err error
	put := func(r Row) {
		if err != nil {
			return
		}
		buf = append(buf, r)
		if len(buf) == batch {
			_, err = pw.Write(buf)
			buf = buf[:0]
			if rows += batch; rows%rowGroup == 0 && err == nil {
				err = pw.Flush() // a row group: the writer buffers one at a time
			}
		}
	}
	// Summary.
	names, vals := stats(st)
	sum := a.Summary
	names = append(names, statRead, statSkipped, statDuplicates)
	vals = append(vals, int64(sum.Read), int64(sum.Skipped), int64(sum.Duplicates))
	order := make([]int, len(names))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int { return cmp.Compare(names[i], names[j]) })
	for _, i := range order {
		put(Row{Kind: KindStat, Name: names[i], N: vals[i]})
	}
	for _, k := range slices.Sorted(maps.Keys(sum.Reasons)) {
		put(Row{Kind: KindReason, Name: k, N: int64(sum.Reasons[k])})
	}
	for _, in := range sortedInputs(sum.Inputs) {
		put(Row{Kind: KindInput, Name: in.Name, SHA256: in.SHA256, Format: in.Format, N: int64(in.Records), Skipped: int64(in.Skipped)})
	}
	// Series, a year at a time.
	nodes := a.Series.NodeInfos()
	for _, ni := range nodes {
		put(Row{Kind: KindNode, A: ni.Key, Name: ni.Name, Country: ni.Country})
	}
	for y := range a.Series.YearsData() {
		put(Row{Kind: KindYear, Year: int32(y.Year), Papers: int64(y.Papers)})
	}
	for y := range a.Series.YearsData() {
		for _, yn := range y.Nodes {
			w := yn.W
			put(Row{Kind: KindNodeYear, Year: int32(y.Year), A: nodes[yn.Node].Key, Papers: int64(w.Papers), Intl: int64(w.Intl),
				Output: w.Output, Domestic: w.Domestic, Lead: w.Lead, LeadIntl: w.LeadIntl})
		}
	}
	for y := range a.Series.YearsData() {
		for _, ye := range y.Edges {
			put(Row{Kind: KindEdgeYear, Year: int32(y.Year), A: nodes[ye.A].Key, B: nodes[ye.B].Key,
				Full: ye.W[graph.Full], BiFrac: ye.W[graph.BiFrac], Frac: ye.W[graph.Frac], Share: ye.W[graph.Share],
				LeadA: ye.Lead[0], LeadB: ye.Lead[1]})
		}
	}
	if err == nil && len(buf) > 0 {
		_, err = pw.Write(buf)
	}
	if err != nil {
		return fmt.Errorf("aggregate: %w", err)
	}
	if err := pw.Close(); err != nil {
		return fmt.Errorf("aggregate: %w", err)
	}
	return nil
}

func sortedInputs(in []Input) []Input {
	out := slices.Clone(in)
	slices.SortStableFunc(out, func(a, b Input) int {
		if c := cmp.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		return cmp.Compare(a.SHA256, b.SHA256)
	})
	return out
}

// Read reads an aggregate file of the given size. A file that is not
// Parquet, or Parquet without the aggregate metadata, is ErrNotAggregate;
// another schema version is ErrVersion.
func Read(r io.ReaderAt, size int64) (a *Aggregate, err error) {
	defer func() {
		if v := recover(); v != nil { // parquet-go panics on some corrupt files
			a, err = nil, fmt.Errorf("aggregate: corrupt file: %v", v)
		}
	}()
	f, err := pq.OpenFile(r, size, pq.SkipPageIndex(true), pq.SkipBloomFilters(true))
	if err != nil {
		return nil, fmt.Errorf("aggregate: %w: %v", ErrNotAggregate, err)
	}
	ver, ok := f.Lookup(KeyVersion)
	if !ok {
		return nil, fmt.Errorf("aggregate: %w: no %s metadata", ErrNotAggregate, KeyVersion)
	}
	if ver != Version {
		return nil, fmt.Errorf("aggregate: %w %q (this program reads %q)", ErrVersion, ver, Version)
	}
	a = &Aggregate{Summary: Summary{Reasons: map[string]int{}}}
	a.Flags, _ = f.Lookup(KeyFlags)
	a.Program, _ = f.Lookup(KeyProgramVersion)

	lv, _ := f.Lookup(KeyLevel)
	level, err := graph.ParseLevel(lv)
	if err != nil {
		return nil, fmt.Errorf("aggregate: %s: %w", KeyLevel, err)
	}
	d := graph.SeriesData{Level: level}
	idx := map[string]int32{}
	statVals := map[string]int64{}
	yearAt := map[int32]int{}
	year := func(y int32) (*graph.YearData, error) {
		i, ok := yearAt[y]
		if !ok {
			return nil, fmt.Errorf("aggregate: weights of year %d without its year row", y)
		}
		return &d.Years[i], nil
	}
	node := func(key string) (int32, error) {
		i, ok := idx[key]
		if !ok {
			return 0, fmt.Errorf("aggregate: weights of node %q without its node row", key)
		}
		return i, nil
	}
	rd := pq.NewGenericReader[Row](f)
	defer rd.Close()
	buf := make([]Row, batch)
	for {
		n, rerr := rd.Read(buf)
		for _, row := range buf[:n] {
			switch row.Kind {
			case KindStat:
				statVals[row.Name] = row.N
			case KindReason:
				a.Summary.Reasons[row.Name] = int(row.N)
			case KindInput:
				a.Summary.Inputs = append(a.Summary.Inputs, Input{Name: row.Name, SHA256: row.SHA256, Format: row.Format, Records: int(row.N), Skipped: int(row.Skipped)})
			case KindNode:
				if _, dup := idx[row.A]; dup {
					return nil, fmt.Errorf("aggregate: node %q twice", row.A)
				}
				idx[row.A] = int32(len(d.Nodes))
				d.Nodes = append(d.Nodes, graph.NodeInfo{Key: row.A, Name: row.Name, Country: row.Country})
			case KindYear:
				if _, dup := yearAt[row.Year]; dup {
					return nil, fmt.Errorf("aggregate: year %d twice", row.Year)
				}
				yearAt[row.Year] = len(d.Years)
				d.Years = append(d.Years, graph.YearData{Year: int(row.Year), Papers: int(row.Papers)})
			case KindNodeYear:
				y, err := year(row.Year)
				if err != nil {
					return nil, err
				}
				i, err := node(row.A)
				if err != nil {
					return nil, err
				}
				y.Nodes = append(y.Nodes, graph.YearNode{Node: i, W: graph.NodeWeights{Papers: int(row.Papers), Intl: int(row.Intl),
					Output: row.Output, Domestic: row.Domestic, Lead: row.Lead, LeadIntl: row.LeadIntl}})
			case KindEdgeYear:
				y, err := year(row.Year)
				if err != nil {
					return nil, err
				}
				i, err := node(row.A)
				if err != nil {
					return nil, err
				}
				j, err := node(row.B)
				if err != nil {
					return nil, err
				}
				e := graph.YearEdge{A: i, B: j, Lead: [2]float64{row.LeadA, row.LeadB}}
				e.W[graph.Full], e.W[graph.BiFrac], e.W[graph.Frac], e.W[graph.Share] = row.Full, row.BiFrac, row.Frac, row.Share
				y.Edges = append(y.Edges, e)
			default:
				return nil, fmt.Errorf("aggregate: row of unknown kind %q", row.Kind)
			}
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			return nil, fmt.Errorf("aggregate: %w", rerr)
		}
	}
	st := reflect.ValueOf(&d.Stats).Elem()
	for i, name := range statNames() {
		st.Field(i).SetInt(statVals[name])
	}
	a.Summary.Read = int(statVals[statRead])
	a.Summary.Skipped = int(statVals[statSkipped])
	a.Summary.Duplicates = int(statVals[statDuplicates])
	if a.Series, err = graph.NewSeries(d); err != nil {
		return nil, fmt.Errorf("aggregate: %w", err)
	}
	return a, nil
}

// Detect reports whether r (of the given size) is an aggregate file:
// Parquet with the aggregate metadata. It reads only the footer.
func Detect(r io.ReaderAt, size int64) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	var magic [4]byte
	if size < 12 {
		return false
	}
	if _, err := r.ReadAt(magic[:], 0); err != nil || string(magic[:]) != "PAR1" {
		return false
	}
	f, err := pq.OpenFile(r, size, pq.SkipPageIndex(true), pq.SkipBloomFilters(true))
	if err != nil {
		return false
	}
	_, ok = f.Lookup(KeyVersion)
	return ok
}
