package exporttest

import (
	"math"
	"math/rand/v2"
	"strconv"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/table"
)

// Floats returns floats that stress a formatter: NaN, ±Inf, ±0, the
// subnormals' ends, the largest float, the integers around 10⁶ (where
// 'g' switches to an exponent) and around 2⁵³, and n random bit
// patterns (any float64, NaN payloads and subnormals included), random
// fractions and random integers.
func Floats(n int, seed uint64) []float64 {
	fs := []float64{
		math.NaN(), math.Inf(1), math.Inf(-1), 0, math.Copysign(0, -1),
		math.SmallestNonzeroFloat64, -math.SmallestNonzeroFloat64,
		math.Float64frombits(0x000fffffffffffff), // largest subnormal
		0x1p-1022, math.MaxFloat64, -math.MaxFloat64, 1e300, 1e-300,
		999999, -999999, 999999.5, 1e6, -1e6, 1e6 + 1, 123456, 100000, 1e21, 1e20,
		1 << 53, 1<<53 + 2, -(1 << 53), 0.1, 1.5, -2.5, 1e-5, 1e-4, 0.0001234,
	}
	r := rand.New(rand.NewPCG(seed, 1))
	for range n {
		fs = append(fs,
			math.Float64frombits(r.Uint64()),
			math.Float64frombits(r.Uint64()&0x800fffffffffffff), // subnormal
			r.Float64(),
			float64(r.IntN(4_000_000)-2_000_000),
			float64(r.IntN(100))/float64(1+r.IntN(100)),
		)
	}
	return fs
}

// Strings returns strings that need escaping or replacing in XML: the
// five special characters, white space and other controls, DEL,
// invalid UTF-8 (a lone continuation byte, a truncated sequence, an
// encoded surrogate, 0xff), non-characters and letters outside ASCII,
// and n random byte strings over those pieces.
func Strings(n int, seed uint64) []string {
	pieces := []string{"", "a", "Univ", " ", "&", "<", ">", `"`, "'", "&amp;", "\t", "\n", "\r", "\x00", "\x01", "\x1f", "\x7f",
		"\x80", "\xc3", "\xe2\x82", "\xed\xa0\x80", "\xff", "\ufffe", "\uffff", "\ufffd", "é", "Côte d'Ivoire", "北京", "\U0001F600", "https://ror.org/i1", "CN:tsinghua univ"}
	ss := append([]string{}, pieces...)
	r := rand.New(rand.NewPCG(seed, 2))
	for range n {
		s := ""
		for range r.IntN(6) {
			s += pieces[r.IntN(len(pieces))]
		}
		ss = append(ss, s)
	}
	return ss
}

// TrickySeries returns a series of n nodes over the given number of
// years from 2020 on, each year with about 6n/years edges, whose keys,
// names and countries are [Strings] (keys made distinct) and whose
// weights are [Floats] (NaN, ±Inf, −0, subnormals, huge values, integers
// around 10⁶), through graph.Assemble (weights taken as given). A node
// may be absent from a year, and an edge present in some years only.
func TrickySeries(n, years int, seed uint64) (*graph.Series, error) {
	fs := Floats(n, seed)
	ss := Strings(n, seed)
	r := rand.New(rand.NewPCG(seed, 3))
	f := func() float64 { return fs[r.IntN(len(fs))] }
	s := func() string { return ss[r.IntN(len(ss))] }
	labels := make([]graph.Label, n)
	for i := range labels {
		labels[i] = graph.Label{Key: s() + strconv.Itoa(i), Name: s(), Country: s()}
	}
	var yts []graph.YearTable
	for y := range years {
		yt := graph.YearTable{Year: 2020 + y, Papers: n}
		in := make([]bool, n)
		for i := range labels {
			if years == 1 || r.IntN(4) > 0 {
				in[i] = true
				yt.Nodes = append(yt.Nodes, graph.NodeRow{Key: labels[i].Key, W: graph.NodeWeights{Papers: 1 + r.IntN(2_000_000), Intl: r.IntN(3) - 1, Output: f(), Domestic: f()}})
			}
		}
		seen := map[[2]int]bool{}
		for range 6 * n / years {
			a, b := r.IntN(n), r.IntN(n)
			if a == b || !in[a] || !in[b] || seen[[2]int{a, b}] || seen[[2]int{b, a}] {
				continue
			}
			seen[[2]int{a, b}] = true
			yt.Edges = append(yt.Edges, graph.EdgeRow{Source: labels[a].Key, Target: labels[b].Key, W: graph.Weights{f(), f(), f(), f()}})
		}
		yts = append(yts, yt)
	}
	return graph.Assemble(graph.Institutions, graph.Stats{}, labels, yts)
}

// TrickyColumns returns m rows of columns of each kind with [Floats],
// random integers and [Strings], named with characters to escape.
func TrickyColumns(m int, seed uint64) []table.Column {
	fs, ss := Floats(m, seed), Strings(m, seed)
	r := rand.New(rand.NewPCG(seed, 4))
	fc, ic, sc := make([]float64, m), make([]int, m), make([]string, m)
	for i := range m {
		fc[i], ic[i], sc[i] = fs[r.IntN(len(fs))], r.IntN(2_000_000)-1_000_000, ss[r.IntN(len(ss))]
	}
	return []table.Column{table.Floats("x<&>", fc), table.Ints("n", ic), table.Strings("s\xff", sc)}
}
