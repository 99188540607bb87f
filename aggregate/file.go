package aggregate

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"

	pq "github.com/parquet-go/parquet-go"

	"github.com/coauthnet/coauthnet/graph"
)

// row is one row of the file; see the package documentation for which
// columns each kind uses.
type row struct {
	Kind       string  `parquet:"kind,dict"`
	Year       int32   `parquet:"year"`
	Key        string  `parquet:"key,dict"`
	Target     string  `parquet:"target,dict"`
	Value      string  `parquet:"value"`
	N          int64   `parquet:"n"`
	Skipped    int64   `parquet:"skipped"`
	Papers     int64   `parquet:"papers"`
	Intl       int64   `parquet:"intl"`
	Output     float64 `parquet:"output"`
	Domestic   float64 `parquet:"domestic"`
	Lead       float64 `parquet:"lead"`
	LeadIntl   float64 `parquet:"lead_intl"`
	Full       float64 `parquet:"full"`
	BiFrac     float64 `parquet:"bifrac"`
	Frac       float64 `parquet:"frac"`
	Share      float64 `parquet:"share"`
	LeadSource float64 `parquet:"lead_source"`
	LeadTarget float64 `parquet:"lead_target"`
}

// columns are the column names of the schema, in order.
var columns = []string{"kind", "year", "key", "target", "value", "n", "skipped", "papers", "intl",
	"output", "domestic", "lead", "lead_intl", "full", "bifrac", "frac", "share", "lead_source", "lead_target"}

// batch is the number of rows written or read at a time.
const batch = 4096

// Write writes a in Parquet (zstd) to w. The same aggregate gives the
// same bytes.
func (a *Aggregate) Write(w io.Writer) error {
	pw := pq.NewGenericWriter[row](w, pq.Compression(&pq.Zstd), pq.KeyValueMetadata("coauthnet.aggregate.schema", Schema))
	buf := make([]row, 0, batch)
	put := func(r row) error {
		buf = append(buf, r)
		if len(buf) == batch {
			_, err := pw.Write(buf)
			buf = buf[:0]
			return err
		}
		return nil
	}
	var err error
	add := func(r row) {
		if err == nil {
			err = put(r)
		}
	}
	add(row{Kind: "meta", Key: "schema", Value: Schema})
	for _, k := range slices.Sorted(maps.Keys(a.Flags)) {
		add(row{Kind: "meta", Key: "flag." + k, Value: a.Flags[k]})
	}
	for _, k := range slices.Sorted(maps.Keys(a.Counts)) {
		add(row{Kind: "count", Key: k, N: a.Counts[k]})
	}
	in := slices.Clone(a.Inputs)
	sortInputs(in)
	for _, x := range in {
		add(row{Kind: "input", Key: x.Name, Value: x.SHA256, Target: x.Format, N: x.Read, Skipped: x.Skipped})
	}
	keys := slices.Sorted(maps.Keys(a.Nodes))
	for _, k := range keys {
		n := a.Nodes[k]
		r := row{Kind: "label", Key: k, Value: n.Name, Target: n.Country}
		if n.Tallied {
			r.N = 1
		}
		add(r)
	}
	for _, kind := range []string{"name", "country"} {
		for _, k := range keys {
			m := a.Nodes[k].Names
			if kind == "country" {
				m = a.Nodes[k].Countries
			}
			for _, v := range slices.Sorted(maps.Keys(m)) {
				add(row{Kind: kind, Key: k, Value: v, N: int64(m[v])})
			}
		}
	}
	years := slices.Clone(a.Years)
	slices.SortFunc(years, func(x, y graph.YearTable) int { return cmp.Compare(x.Year, y.Year) })
	for _, yt := range years {
		add(row{Kind: "year", Year: int32(yt.Year), Papers: int64(yt.Papers)})
	}
	for _, yt := range years {
		nodes := slices.Clone(yt.Nodes)
		slices.SortFunc(nodes, func(x, y graph.NodeRow) int { return cmp.Compare(x.Key, y.Key) })
		for _, n := range nodes {
			add(row{Kind: "node", Year: int32(yt.Year), Key: n.Key, Papers: int64(n.W.Papers), Intl: int64(n.W.Intl),
				Output: n.W.Output, Domestic: n.W.Domestic, Lead: n.W.Lead, LeadIntl: n.W.LeadIntl})
		}
	}
	for _, yt := range years {
		edges := make([]graph.EdgeRow, len(yt.Edges))
		for i, e := range yt.Edges {
			if e.Source > e.Target {
				e.Source, e.Target = e.Target, e.Source
				e.Lead[0], e.Lead[1] = e.Lead[1], e.Lead[0]
			}
			edges[i] = e
		}
		slices.SortFunc(edges, func(x, y graph.EdgeRow) int {
			return cmp.Or(cmp.Compare(x.Source, y.Source), cmp.Compare(x.Target, y.Target))
		})
		for _, e := range edges {
			add(row{Kind: "edge", Year: int32(yt.Year), Key: e.Source, Target: e.Target,
				Full: e.W[graph.Full], BiFrac: e.W[graph.BiFrac], Frac: e.W[graph.Frac], Share: e.W[graph.Share],
				LeadSource: e.Lead[0], LeadTarget: e.Lead[1]})
		}
	}
	if err != nil {
		return fmt.Errorf("aggregate: %w", err)
	}
	if len(buf) > 0 {
		if _, err := pw.Write(buf); err != nil {
			return fmt.Errorf("aggregate: %w", err)
		}
	}
	if err := pw.Close(); err != nil {
		return fmt.Errorf("aggregate: %w", err)
	}
	return nil
}

// WriteTo writes a as [Aggregate.Write] does and returns the number of
// bytes written (io.WriterTo): the size of the file, which a summary
// can report without encoding a first into a buffer.
func (a *Aggregate) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	err := a.Write(cw)
	return cw.n, err
}

// countWriter counts the bytes written to w.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// WriteFile writes a to the file path.
func (a *Aggregate) WriteFile(path string) error {
	var buf bytes.Buffer
	if err := a.Write(&buf); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// ErrNotAggregate is returned by Read for a Parquet file without the
// aggregate's columns (such as a file of papers).
var ErrNotAggregate = errors.New("aggregate: not a coauthnet aggregate")

// Is reports whether the Parquet file in r has the aggregate's columns:
// how commands tell an aggregate from a Parquet file of papers. It reads
// the footer only; a file that is not Parquet gives false.
func Is(r io.ReaderAt, size int64) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	f, err := pq.OpenFile(r, size, pq.SkipPageIndex(true), pq.SkipBloomFilters(true), pq.SkipMagicBytes(false))
	if err != nil {
		return false
	}
	return hasColumns(f)
}

// IsFile reports whether the named file is an aggregate: a regular file
// that starts with the Parquet magic "PAR1" and has the aggregate's
// columns (Is). "-" (standard input), a directory, a file that cannot be
// opened and a Parquet file of papers give false.
func IsFile(name string) bool {
	if name == "-" {
		return false
	}
	fh, err := os.Open(name)
	if err != nil {
		return false
	}
	defer fh.Close()
	fi, err := fh.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return false
	}
	var magic [4]byte
	if _, err := fh.ReadAt(magic[:], 0); err != nil || string(magic[:]) != "PAR1" {
		return false
	}
	return Is(fh, fi.Size())
}

func hasColumns(f *pq.File) bool {
	have := map[string]bool{}
	for _, fld := range f.Schema().Fields() {
		have[fld.Name()] = true
	}
	for _, c := range columns {
		if !have[c] {
			return false
		}
	}
	return true
}

// Read reads an aggregate written by Write. It reports a file that is
// not Parquet or not an aggregate (ErrNotAggregate), a schema version
// this package does not know, and rows it cannot make sense of — never a
// panic, even on a corrupt file.
func Read(r io.ReaderAt, size int64) (a *Aggregate, err error) {
	defer func() {
		if v := recover(); v != nil { // parquet-go panics on some corrupt files
			a, err = nil, fmt.Errorf("aggregate: corrupt file: %v", v)
		}
	}()
	f, err := pq.OpenFile(r, size, pq.SkipPageIndex(true), pq.SkipBloomFilters(true))
	if err != nil {
		return nil, fmt.Errorf("aggregate: %w", err)
	}
	if !hasColumns(f) {
		return nil, ErrNotAggregate
	}
	a = &Aggregate{Flags: map[string]string{}, Counts: map[string]int64{}, Nodes: map[string]*Node{}}
	rd := pq.NewGenericReader[row](f)
	defer rd.Close()
	buf := make([]row, min(batch, rd.NumRows()))
	schema := ""
	years := map[int]*graph.YearTable{}
	yearOf := func(y int32) *graph.YearTable {
		yt := years[int(y)]
		if yt == nil {
			yt = &graph.YearTable{Year: int(y)}
			years[int(y)] = yt
		}
		return yt
	}
	node := func(k string) *Node {
		n := a.Nodes[k]
		if n == nil {
			n = &Node{}
			a.Nodes[k] = n
		}
		return n
	}
	rowNum := 0
	// Never ask for more rows than are left: parquet-go (v0.32) retries
	// reading pages to fill a larger buffer, 50 times slower on small files.
	left := rd.NumRows()
	for left > 0 {
		n, rerr := rd.Read(buf[:min(len(buf), int(left))])
		left -= int64(n)
		for _, r := range buf[:n] {
			rowNum++
			switch r.Kind {
			case "meta":
				if r.Key == "schema" {
					schema = r.Value
				} else if k, ok := strings.CutPrefix(r.Key, "flag."); ok {
					a.Flags[k] = r.Value
				}
			case "count":
				a.Counts[r.Key] += r.N
			case "input":
				a.Inputs = append(a.Inputs, Input{Name: r.Key, SHA256: r.Value, Format: r.Target, Read: r.N, Skipped: r.Skipped})
			case "label":
				nd := node(r.Key)
				nd.Name, nd.Country, nd.Tallied = r.Value, r.Target, r.N == 1
				if nd.Tallied && nd.Names == nil {
					nd.Names, nd.Countries = map[string]int{}, map[string]int{}
				}
			case "name", "country":
				nd := node(r.Key)
				if nd.Names == nil {
					nd.Names, nd.Countries = map[string]int{}, map[string]int{}
				}
				if r.Kind == "name" {
					nd.Names[r.Value] += int(r.N)
				} else {
					nd.Countries[r.Value] += int(r.N)
				}
			case "year":
				yearOf(r.Year).Papers += int(r.Papers)
			case "node":
				yt := yearOf(r.Year)
				yt.Nodes = append(yt.Nodes, graph.NodeRow{Key: r.Key, W: graph.NodeWeights{
					Papers: int(r.Papers), Intl: int(r.Intl), Output: r.Output, Domestic: r.Domestic, Lead: r.Lead, LeadIntl: r.LeadIntl}})
			case "edge":
				yt := yearOf(r.Year)
				e := graph.EdgeRow{Source: r.Key, Target: r.Target, Lead: [2]float64{r.LeadSource, r.LeadTarget}}
				e.W[graph.Full], e.W[graph.BiFrac], e.W[graph.Frac], e.W[graph.Share] = r.Full, r.BiFrac, r.Frac, r.Share
				yt.Edges = append(yt.Edges, e)
			default:
				return nil, fmt.Errorf("aggregate: row %d: unknown kind %q", rowNum, r.Kind)
			}
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			return nil, fmt.Errorf("aggregate: %w", rerr)
		}
		if n == 0 {
			return nil, fmt.Errorf("aggregate: row %d: no progress reading rows", rowNum+1)
		}
	}
	if schema != Schema {
		if schema == "" {
			return nil, fmt.Errorf("aggregate: no schema version (meta row \"schema\" missing)")
		}
		return nil, fmt.Errorf("aggregate: schema version %q, this coauthnet reads version %s", schema, Schema)
	}
	if _, err := a.Level(); err != nil {
		return nil, fmt.Errorf("aggregate: flag level: %w", err)
	}
	for k, nd := range a.Nodes {
		if !nd.Tallied && nd.Names != nil {
			return nil, fmt.Errorf("aggregate: name or country tallies for node %q, which is not an institution", k)
		}
	}
	for _, y := range slices.Sorted(maps.Keys(years)) {
		a.Years = append(a.Years, *years[y])
	}
	sortInputs(a.Inputs)
	return a, nil
}

// ReadFile reads the aggregate in the file path, naming the file in
// errors.
func ReadFile(path string) (*Aggregate, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("%s is a directory", path)
	}
	a, err := Read(f, fi.Size())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return a, nil
}

// ReadSeries reads and merges the aggregates in files and returns their
// series with the merged aggregate (its counts and inputs are the
// summary of the run). This is the entry point of every analysis given
// aggregates instead of papers.
func ReadSeries(files ...string) (*graph.Series, *Aggregate, error) {
	var parts []*Aggregate
	for _, name := range files {
		a, err := ReadFile(name)
		if err != nil {
			return nil, nil, err
		}
		parts = append(parts, a)
	}
	a, err := Merge(parts...)
	if err != nil {
		return nil, nil, err
	}
	s, err := a.Series()
	if err != nil {
		return nil, nil, err
	}
	return s, a, nil
}

// Detect tells aggregates from papers among the named inputs (IsFile):
// it returns false when none is an aggregate, true when all are, and
// true with an error when some are and some are not (an analysis takes
// aggregates or papers, not both).
func Detect(names []string) (bool, error) {
	n := 0
	for _, name := range names {
		if IsFile(name) {
			n++
		}
	}
	if n > 0 && n < len(names) {
		return true, fmt.Errorf("%d of %d inputs are aggregates: give aggregates or papers, not both (count the papers with coauthnet aggregate first)", n, len(names))
	}
	return n > 0, nil
}

// MergeFiles reads the named aggregates (ReadFile) and merges them
// (Merge).
func MergeFiles(names ...string) (*Aggregate, error) {
	var parts []*Aggregate
	for _, name := range names {
		a, err := ReadFile(name)
		if err != nil {
			return nil, err
		}
		parts = append(parts, a)
	}
	return Merge(parts...)
}
