package exporttest

import (
	"math"
	"math/rand/v2"
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
