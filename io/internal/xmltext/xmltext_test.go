package xmltext

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"runtime"
	"strconv"
	"testing"

	"github.com/coauthnet/coauthnet/io/internal/exporttest"
	"github.com/coauthnet/coauthnet/io/table"
)

func TestAppendFloat(t *testing.T) {
	for _, f := range exporttest.Floats(20000, 1) {
		want := strconv.FormatFloat(f, 'g', -1, 64)
		if got := string(AppendFloat([]byte("x"), f)); got != "x"+want {
			t.Fatalf("AppendFloat(%b) = %q, want x%q", math.Float64bits(f), got, want)
		}
	}
	// Every integer around the fast path's bounds (|f| < 10⁶).
	for i := -1_100_000; i <= 1_100_000; i++ {
		f := float64(i)
		if got, want := string(AppendFloat(nil, f)), strconv.FormatFloat(f, 'g', -1, 64); got != want {
			t.Fatalf("AppendFloat(%v) = %q, want %q", f, got, want)
		}
	}
}

func TestAppendEscape(t *testing.T) {
	for _, s := range exporttest.Strings(5000, 1) {
		if got, want := string(AppendEscape([]byte("x"), s)), "x"+Escape(s); got != want {
			t.Fatalf("AppendEscape(%q) = %q, want %q", s, got, want)
		}
	}
	// Escape itself: the five characters and a control as references,
	// invalid UTF-8 as U+FFFD (encoding/xml.EscapeText).
	if got, want := Escape("a&<>\"'\t\n\r\x00\xff"), "a&amp;&lt;&gt;&#34;&#39;&#x9;&#xA;&#xD;\uFFFD\uFFFD"; got != want {
		t.Errorf("Escape = %q, want %q", got, want)
	}
}

func TestAppendValue(t *testing.T) {
	fs := exporttest.Floats(2000, 2)
	is := make([]int, len(fs))
	for i, f := range fs {
		if !math.IsNaN(f) && math.Abs(f) < 1e18 {
			is[i] = int(f)
		}
	}
	ss := exporttest.Strings(len(fs)-1, 2)[:len(fs)]
	for _, c := range []table.Column{table.Floats("f", fs), table.Ints("i", is), table.Strings("s", ss)} {
		for i := range c.Len() {
			if got, want := string(new(FloatCache).AppendValue([]byte("x"), c, i)), "x"+Escape(c.Text(i)); got != want {
				t.Fatalf("%s[%d]: AppendValue = %q, want %q", c.Name, i, got, want)
			}
		}
	}
}

// lines formats items as "item i\n".
func lines(b []byte, lo, hi int, _ *FloatCache) []byte {
	for i := lo; i < hi; i++ {
		b = fmt.Appendf(b, "item %d\n", i)
	}
	return b
}

func TestWriteBlocks(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2, 3, 8} {
		runtime.GOMAXPROCS(procs)
		for _, n := range []int{0, 1, 7, 64, 1000} {
			for _, size := range []int{0, 1, 3, 64, 5000} {
				var got bytes.Buffer
				if err := WriteBlocks(&got, n, size, lines); err != nil {
					t.Fatal(err)
				}
				if want := lines(nil, 0, n, nil); !bytes.Equal(got.Bytes(), want) {
					t.Fatalf("GOMAXPROCS %d, n %d, size %d: %d bytes, want %d", procs, n, size, got.Len(), len(want))
				}
			}
		}
	}
}

// failAfter accepts n writes, then fails.
type failAfter struct{ n, calls int }

var errFull = errors.New("disk full")

func (w *failAfter) Write(p []byte) (int, error) {
	w.calls++
	if w.calls > w.n {
		return 0, errFull
	}
	return len(p), nil
}

func TestWriteBlocksError(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2, 4} {
		runtime.GOMAXPROCS(procs)
		w := &failAfter{n: 3}
		if err := WriteBlocks(w, 1000, 10, lines); err != errFull {
			t.Fatalf("GOMAXPROCS %d: error %v, want %v", procs, err, errFull)
		}
		if w.calls != 4 {
			t.Errorf("GOMAXPROCS %d: %d writes, want 4 (none after the error)", procs, w.calls)
		}
	}
}

// TestFloatCache: the cache appends what AppendFloat appends, for floats
// that recur (hits), that collide in a slot, and every special value.
func TestFloatCache(t *testing.T) {
	fs := exporttest.Floats(20000, 3)
	var c FloatCache
	for round := range 3 {
		for i, f := range fs {
			if round == 1 {
				f = fs[len(fs)-1-i]
			}
			want := AppendFloat([]byte("x"), f)
			if got := c.Append([]byte("x"), f); string(got) != string(want) {
				t.Fatalf("round %d: Append(%b) = %q, want %q", round, math.Float64bits(f), got, want)
			}
		}
	}
	used := 0
	for _, s := range c.slots {
		if s.n > 0 {
			used++
		}
	}
	if used < len(c.slots)/2 {
		t.Errorf("only %d of %d slots used", used, len(c.slots))
	}
}
