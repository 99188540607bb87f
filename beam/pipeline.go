package coauthbeam

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/aggregate"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/internal/input"
	"github.com/coauthnet/coauthnet/io/jsonl"
	"github.com/coauthnet/coauthnet/io/openalex"
	parquetio "github.com/coauthnet/coauthnet/io/parquet"
	"github.com/coauthnet/coauthnet/load"
)

func init() {
	beam.RegisterType(reflect.TypeOf((*readFn)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*countFn)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*sumFn)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*writeFn)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*Row)(nil)).Elem())
	beam.RegisterFunction(toOne)
}

// A Row is one summed row of the aggregate on its way to the writer.
type Row struct {
	Key  string
	Vals []float64
}

// toOne sends every row to the one writer (key 0).
func toOne(k string, v []float64) (int, Row) { return 0, Row{k, v} }

// Config says what to count and where to write it.
type Config struct {
	// Inputs are file globs (local paths, or gs:// with the GCS file
	// system imported).
	Inputs []string
	// Format is auto (by content: Parquet magic, OpenAlex's "authorships",
	// else canonical JSON Lines), jsonl, parquet or openalex.
	Format string
	// Out is the path of the aggregate Parquet file written.
	Out string
	// Options are the counting options; Field, FieldMap and Impact are
	// refused.
	Options aggregate.Options
}

// Build adds the counting pipeline to scope s.
func Build(s beam.Scope, cfg Config) error {
	if cfg.Options.Field != "" || cfg.Options.FieldMap != nil {
		return errors.New("coauthbeam: --field and --field-map are not supported")
	}
	if _, err := cfg.Options.FlagMap(); err != nil {
		return err
	}
	if err := cfg.Options.Graph.Validate(); err != nil {
		return err
	}
	switch cfg.Format {
	case "", "auto", "jsonl", "parquet", "openalex":
	default:
		return fmt.Errorf("coauthbeam: format %q: want auto, jsonl, parquet or openalex", cfg.Format)
	}
	if len(cfg.Inputs) == 0 || cfg.Out == "" {
		return errors.New("coauthbeam: inputs and an output path are needed")
	}
	opts, err := encodeOptions(cfg.Options)
	if err != nil {
		return err
	}
	var matches []beam.PCollection
	for _, glob := range cfg.Inputs {
		matches = append(matches, fileio.MatchFiles(s, glob, fileio.MatchEmptyDisallow()))
	}
	files := fileio.ReadMatches(s, beam.Flatten(s, matches...), fileio.ReadUncompressed())
	papers, readRows := beam.ParDo2(s, &readFn{Format: cfg.Format}, files)
	grouped := beam.GroupByKey(s, papers)
	countRows := beam.ParDo(s, &countFn{Options: opts}, grouped)
	rows := beam.CombinePerKey(s, &sumFn{}, beam.Flatten(s, readRows, countRows))
	beam.ParDo0(s, &writeFn{Out: cfg.Out, Options: opts}, beam.GroupByKey(s, beam.ParDo(s, toOne, rows)))
	return nil
}

// Options travel to workers as a string (the counting flags, one
// "name=value" a line, groups in full).
type wireOptions struct {
	Level, Leader, Policy string
	KeepUnknown, Hyper    bool
	Years                 string
	MaxAuthors            int
	Groups                []string // NAME=A,B,...
}

func encodeOptions(o aggregate.Options) (string, error) {
	g := o.Graph
	var b strings.Builder
	fmt.Fprintf(&b, "level=%s\nlead=%s\npolicy=%s\nunknown=%t\nhyper=%t\nmax_authors=%d\n", g.Level, g.Leader, o.Policy, g.KeepUnknown, g.HyperOnly, g.MaxAuthors)
	if g.Years != (graph.Period{}) {
		fmt.Fprintf(&b, "years=%s\n", g.Years)
	}
	for _, gr := range g.Groups {
		fmt.Fprintf(&b, "group=%s=%s\n", gr.Name, strings.Join(gr.Members, ","))
	}
	return b.String(), nil
}

func decodeOptions(s string) (aggregate.Options, error) {
	var o aggregate.Options
	for _, line := range strings.Split(strings.TrimSpace(s), "\n") {
		k, v, _ := strings.Cut(line, "=")
		var err error
		switch k {
		case "level":
			o.Graph.Level, err = graph.ParseLevel(v)
		case "lead":
			if v == "corresponding" {
				o.Graph.Leader = graph.CorrespondingAuthor
			}
		case "policy":
			o.Policy, err = coauthnet.ParseCountryPolicy(v)
		case "unknown":
			o.Graph.KeepUnknown = v == "true"
		case "hyper":
			o.Graph.HyperOnly = v == "true"
		case "max_authors":
			o.Graph.MaxAuthors, err = strconv.Atoi(v)
		case "years":
			o.Graph.Years, err = graph.ParsePeriod(v)
		case "group":
			name, members, _ := strings.Cut(v, "=")
			o.Graph.Groups = append(o.Graph.Groups, graph.Group{Name: name, Members: strings.Split(members, ",")})
		}
		if err != nil {
			return o, err
		}
	}
	return o, nil
}

// readFn decodes one file: each paper is emitted as canonical JSON Lines
// keyed by its identity, and the file's counts as rows.
type readFn struct {
	Format string
}

// identity is the deduplication key of a paper.
func identity(p *coauthnet.Paper) string {
	if p.DOI != "" {
		return "doi:" + load.NormDOI(p.DOI)
	}
	return "id:" + p.ID
}

func (fn *readFn) ProcessElement(ctx context.Context, f fileio.ReadableFile, emitPaper func(string, []byte), emitRow func(string, []float64)) error {
	name := f.Metadata.Path
	rc, err := f.Open(ctx)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	defer rc.Close()
	// JSON Lines are streamed (hashed as they are read); Parquet needs
	// random access and is read whole.
	// The sha256 is of the raw file, as coauthnet's provenance; gzip and
	// zstd are recognised by content, as coauthnet does.
	h := sha256.New()
	raw := bufio.NewReaderSize(io.TeeReader(rc, h), 1<<20)
	br, _, err := input.Open(raw)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	head, _ := br.Peek(1 << 16)
	format := fn.Format
	if format == "" || format == "auto" {
		format = detect(head)
	}
	var data []byte
	if format == "parquet" {
		if data, err = io.ReadAll(br); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	sha := func() string { io.Copy(io.Discard, raw); return hex.EncodeToString(h.Sum(nil)) }
	var read, skipped int
	reasons := map[string]int{}
	var buf bytes.Buffer
	w := jsonl.NewWriter(&buf)
	emit := func(p *coauthnet.Paper) error {
		buf.Reset()
		if err := w.Write(p); err != nil {
			return err
		}
		if err := w.Flush(); err != nil {
			return err
		}
		emitPaper(identity(p), bytes.Clone(buf.Bytes()))
		return nil
	}
	switch format {
	case "parquet":
		pr, err := parquetio.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		pr.Name = name
		for i := range pr.NumRowGroups() {
			ps, errs := pr.ReadRowGroup(i)
			for _, e := range errs {
				var pe *coauthnet.ParseError
				if !errors.As(e, &pe) {
					pr.Close()
					return e
				}
				read++
				skipped++
				reasons[load.Reason(e)]++
			}
			for j := range ps {
				read++
				if err := emit(&ps[j]); err != nil {
					pr.Close()
					return err
				}
			}
		}
		pr.Close()
	case "jsonl", "openalex":
		var r interface {
			Read() (coauthnet.Paper, error)
		}
		if format == "jsonl" {
			jr := jsonl.NewReader(br)
			jr.Name = name
			r = jr
		} else {
			or := openalex.NewReader(br)
			or.Name = name
			r = or
		}
		for {
			p, err := r.Read()
			if err == io.EOF {
				break
			}
			var pe *coauthnet.ParseError
			if errors.As(err, &pe) {
				read++
				skipped++
				reasons[load.Reason(err)]++
				continue
			}
			if err != nil {
				return err
			}
			read++
			if err := emit(&p); err != nil {
				return err
			}
		}
	default:
		return fmt.Errorf("%s: format %q", name, format)
	}
	emitRow(rowKey("count", "records_read"), []float64{float64(read)})
	emitRow(rowKey("count", "records_skipped"), []float64{float64(skipped)})
	for k, n := range reasons {
		emitRow(rowKey("count", "skipped: "+k), []float64{float64(n)})
	}
	emitRow(rowKey("input", name, sha(), format), []float64{float64(read), float64(skipped)})
	return nil
}

// detect tells Parquet (magic PAR1), OpenAlex JSON Lines (an
// "authorships" key on the first line) and canonical JSON Lines apart.
func detect(data []byte) string {
	if bytes.HasPrefix(data, []byte("PAR1")) {
		return "parquet"
	}
	first, _, _ := bytes.Cut(data, []byte("\n"))
	if bytes.Contains(first, []byte(`"authorships"`)) {
		return "openalex"
	}
	return "jsonl"
}

// countFn keeps one paper of each identity and counts it into the
// bundle's graph.Counter; at the end of the bundle the counter becomes
// partial aggregate rows.
type countFn struct {
	Options string

	opts     aggregate.Options
	c        *graph.Counter
	counts   map[string]int64
	isoCache map[string]bool
}

func (fn *countFn) Setup() error {
	var err error
	fn.opts, err = decodeOptions(fn.Options)
	return err
}

func (fn *countFn) StartBundle(_ context.Context, _ func(string, []float64)) {
	fn.c = graph.NewCounter(fn.opts.Graph)
	fn.counts = map[string]int64{}
	fn.isoCache = map[string]bool{}
}

func (fn *countFn) ProcessElement(_ string, lines func(*[]byte) bool, _ func(string, []float64)) error {
	var best, line []byte
	n := 0
	for lines(&line) {
		if n == 0 || bytes.Compare(line, best) < 0 {
			best = line
		}
		n++
	}
	fn.counts["duplicates"] += int64(n - 1)
	var p coauthnet.Paper
	if err := jsonl.Decode(bytes.TrimRight(best, "\n"), &p); err != nil {
		return fmt.Errorf("coauthbeam: decoding a paper written by the read step: %w", err)
	}
	fn.opts.Policy.Apply(&p, func(from, to string) { fn.counts["policy: "+from+"→"+to]++ })
	for i := range p.Authors {
		for _, af := range p.Authors[i].Affiliations {
			if af.Country == "" {
				continue
			}
			ok, seen := fn.isoCache[af.Country]
			if !seen {
				_, ok = coauthnet.LookupCountry(af.Country)
				ok = ok || af.Country == coauthnet.Unknown
				fn.isoCache[af.Country] = ok
			}
			if !ok {
				fn.counts["not_iso: "+af.Country]++
			}
		}
	}
	fn.c.Add(&p)
	return nil
}

func (fn *countFn) FinishBundle(_ context.Context, emit func(string, []float64)) error {
	a, err := aggregate.FromCounter(fn.c, fn.opts, fn.counts, nil)
	if err != nil {
		return err
	}
	delete(a.Counts, "parts")
	toRows(a, emit)
	return nil
}

// Row keys: the kind and its key fields joined by NUL; values in the
// order of the aggregate's columns for that kind.
func rowKey(parts ...string) string { return strings.Join(parts, "\x00") }

// toRows flattens an aggregate (counts, labels, tallies, years, nodes,
// edges; not flags or inputs) into keyed rows whose values add.
func toRows(a *aggregate.Aggregate, emit func(string, []float64)) {
	for k, v := range a.Counts {
		emit(rowKey("count", k), []float64{float64(v)})
	}
	for k, n := range a.Nodes {
		t := "0"
		if n.Tallied {
			t = "1"
		}
		emit(rowKey("label", k, n.Name, n.Country, t), []float64{1})
		if n.Tallied {
			for s, c := range n.Names {
				emit(rowKey("name", k, s), []float64{float64(c)})
			}
			for s, c := range n.Countries {
				emit(rowKey("country", k, s), []float64{float64(c)})
			}
		}
	}
	for _, yt := range a.Years {
		y := strconv.Itoa(yt.Year)
		emit(rowKey("year", y), []float64{float64(yt.Papers)})
		for _, n := range yt.Nodes {
			w := n.W
			emit(rowKey("node", y, n.Key), []float64{float64(w.Papers), float64(w.Intl), w.Output, w.Domestic, w.Lead, w.LeadIntl})
		}
		for _, e := range yt.Edges {
			emit(rowKey("edge", y, e.Source, e.Target), []float64{e.W[graph.Full], e.W[graph.BiFrac], e.W[graph.Frac], e.W[graph.Share], e.Lead[0], e.Lead[1]})
		}
	}
}

// sumFn adds the rows of one key: every component summed in ascending
// order of value over the partials, as aggregate.Merge does. The
// accumulator is the partials' vectors, each preceded by its length.
type sumFn struct{}

func (sumFn) CreateAccumulator() []float64 { return nil }

func (sumFn) AddInput(acc []float64, v []float64) []float64 {
	return append(append(acc, float64(len(v))), v...)
}

func (sumFn) MergeAccumulators(a, b []float64) []float64 { return append(a, b...) }

func (sumFn) ExtractOutput(acc []float64) []float64 {
	var vecs [][]float64
	for i := 0; i < len(acc); {
		n := int(acc[i])
		vecs = append(vecs, acc[i+1:i+1+n])
		i += 1 + n
	}
	if len(vecs) == 0 {
		return nil
	}
	out := make([]float64, len(vecs[0]))
	col := make([]float64, len(vecs))
	for c := range out {
		for i, v := range vecs {
			if c < len(v) {
				col[i] = v[c]
			}
		}
		slices.Sort(col)
		var s float64
		for _, x := range col {
			s += x
		}
		out[c] = s
	}
	return out
}

// writeFn assembles every summed row into an aggregate and writes it.
type writeFn struct {
	Out, Options string
}

func (fn *writeFn) ProcessElement(ctx context.Context, _ int, rows func(*Row) bool) error {
	opts, err := decodeOptions(fn.Options)
	if err != nil {
		return err
	}
	flags, err := opts.FlagMap()
	if err != nil {
		return err
	}
	a := &aggregate.Aggregate{Flags: flags, Counts: map[string]int64{"parts": 1}, Nodes: map[string]*aggregate.Node{}}
	years := map[int]*graph.YearTable{}
	yearOf := func(s string) (*graph.YearTable, error) {
		y, err := strconv.Atoi(s)
		if err != nil {
			return nil, err
		}
		if years[y] == nil {
			years[y] = &graph.YearTable{Year: y}
		}
		return years[y], nil
	}
	node := func(k string) *aggregate.Node {
		if a.Nodes[k] == nil {
			a.Nodes[k] = &aggregate.Node{}
		}
		return a.Nodes[k]
	}
	var r Row
	for rows(&r) {
		key, v := r.Key, r.Vals
		f := strings.Split(key, "\x00")
		bad := fmt.Errorf("coauthbeam: bad row key %q", key)
		switch f[0] {
		case "count":
			a.Counts[f[1]] += int64(v[0])
		case "input":
			a.Inputs = append(a.Inputs, aggregate.Input{Name: f[1], SHA256: f[2], Format: f[3], Read: int64(v[0]), Skipped: int64(v[1])})
		case "label":
			if _, ok := a.Nodes[f[1]]; ok && a.Nodes[f[1]].Name != "" {
				return fmt.Errorf("coauthbeam: node %q labelled twice (%q and %q)", f[1], a.Nodes[f[1]].Name, f[2])
			}
			n := node(f[1])
			n.Name, n.Country, n.Tallied = f[2], f[3], f[4] == "1"
		case "name", "country":
			n := node(f[1])
			if n.Names == nil {
				n.Names, n.Countries = map[string]int{}, map[string]int{}
			}
			if f[0] == "name" {
				n.Names[f[2]] += int(v[0])
			} else {
				n.Countries[f[2]] += int(v[0])
			}
		case "year":
			yt, err := yearOf(f[1])
			if err != nil {
				return bad
			}
			yt.Papers += int(v[0])
		case "node":
			yt, err := yearOf(f[1])
			if err != nil {
				return bad
			}
			yt.Nodes = append(yt.Nodes, graph.NodeRow{Key: f[2], W: graph.NodeWeights{Papers: int(v[0]), Intl: int(v[1]), Output: v[2], Domestic: v[3], Lead: v[4], LeadIntl: v[5]}})
		case "edge":
			yt, err := yearOf(f[1])
			if err != nil {
				return bad
			}
			e := graph.EdgeRow{Source: f[2], Target: f[3], Lead: [2]float64{v[4], v[5]}}
			e.W[graph.Full], e.W[graph.BiFrac], e.W[graph.Frac], e.W[graph.Share] = v[0], v[1], v[2], v[3]
			yt.Edges = append(yt.Edges, e)
		default:
			return bad
		}
	}
	// Institutions are named by their summed tallies.
	for k, n := range a.Nodes {
		if n.Tallied {
			if n.Names == nil {
				n.Names, n.Countries = map[string]int{}, map[string]int{}
			}
			n.Name, n.Country = graph.MostFrequent(n.Names), graph.MostFrequent(n.Countries)
			if n.Name == "" {
				n.Name = k
			}
		}
	}
	for _, y := range slices.Sorted(mapsKeys(years)) {
		a.Years = append(a.Years, *years[y])
	}
	// Check that the rows make a series before writing them.
	if _, err := a.Series(); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := a.Write(&buf); err != nil {
		return err
	}
	fs, err := filesystem.New(ctx, fn.Out)
	if err != nil {
		return err
	}
	defer fs.Close()
	return filesystem.Write(ctx, fs, fn.Out, buf.Bytes())
}

func mapsKeys(m map[int]*graph.YearTable) func(func(int) bool) {
	return func(yield func(int) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}
