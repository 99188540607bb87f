package plotstyle

import (
	"bytes"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/internal/sample"
)

func TestYearTicks(t *testing.T) {
	labels := func(min, max float64, every int) string {
		var ls []string
		for _, tk := range (YearTicks{Every: every}).Ticks(min, max) {
			if tk.Label != "" {
				ls = append(ls, tk.Label)
			}
		}
		return strings.Join(ls, " ")
	}
	for _, tt := range []struct {
		min, max float64
		every    int
		want     string
	}{
		{2019, 2024, 0, "2019 2020 2021 2022 2023 2024"},                     // 5 years: every year
		{2005, 2024, 0, "2006 2008 2010 2012 2014 2016 2018 2020 2022 2024"}, // 19 years: even years
		{1980, 2024, 0, "1980 1985 1990 1995 2000 2005 2010 2015 2020"},      // 44 years: every 5th
		{2004.6, 2010.2, 0, "2005 2006 2007 2008 2009 2010"},                 // padded axis range
		{2005, 2024, 1, "2005 2006 2007 2008 2009 2010 2011 2012 2013 2014 2015 2016 2017 2018 2019 2020 2021 2022 2023 2024"},
	} {
		if got := labels(tt.min, tt.max, tt.every); got != tt.want {
			t.Errorf("YearTicks{%d}.Ticks(%v, %v) labels %q, want %q", tt.every, tt.min, tt.max, got, tt.want)
		}
	}
	// A (minor) tick on every year, labelled or not.
	if n := len((YearTicks{}).Ticks(2005, 2024)); n != 20 {
		t.Errorf("%d ticks over 2005–2024, want 20", n)
	}
}

func TestPalette(t *testing.T) {
	p := NewPalette("US", "PK")
	if p.Color("US") != OkabeIto[0] || p.Color("PK") != OkabeIto[1] {
		t.Error("keys given to NewPalette do not take the first colours in order")
	}
	// A new key takes the next colour, and keeps it: the same colour in
	// a later figure, whatever order the keys come in there.
	if p.Color("SA") != OkabeIto[2] || p.Color("PK") != OkabeIto[1] || p.Color("SA") != OkabeIto[2] {
		t.Error("colours are not stable")
	}
	for _, k := range []string{"a", "b", "c", "d"} { // slots 3..6
		p.Color(k)
	}
	if p.Color("e") != OkabeIto[0] || p.Dashes("e") == nil || p.Dashes("US") != nil {
		t.Error("the eighth key should reuse the first colour, dashed")
	}
	// Okabe–Ito hex values (Okabe & Ito 2008).
	want := []string{"0072B2", "D55E00", "009E73", "E69F00", "CC79A7", "56B4E9", "000000"}
	for i, c := range OkabeIto {
		r, g, b, _ := c.RGBA()
		if got := strings.ToUpper(strconv.FormatInt(int64(r>>8)<<16|int64(g>>8)<<8|int64(b>>8), 16)); strings.Repeat("0", 6-len(got))+got != want[i] {
			t.Errorf("colour %d = %s, want %s", i, got, want[i])
		}
	}
}

func TestBand(t *testing.T) {
	poly, err := Band([]float64{1, 2, 3}, []float64{0, math.NaN(), 1}, []float64{2, 3, 4}, OkabeIto[0])
	if err != nil {
		t.Fatal(err)
	}
	// NaN at x=2 drops that point: upper (1,2) (3,4), then lower reversed (3,1) (1,0).
	min, max, ymin, ymax := poly.DataRange()
	if min != 1 || max != 3 || ymin != 0 || ymax != 4 {
		t.Errorf("band range x %v–%v y %v–%v, want 1–3, 0–4", min, max, ymin, ymax)
	}
	if c := poly.Color.(color.NRGBA); c.A != 51 || c.B != 178 {
		t.Errorf("band colour %v, want the line's colour at 20%% opacity", c)
	}
	if _, err := Band([]float64{1}, []float64{0}, []float64{1}, OkabeIto[0]); err == nil {
		t.Error("a one-point band: no error")
	}
	if _, err := Band([]float64{1, 2}, []float64{0}, []float64{1, 2}, OkabeIto[0]); err == nil {
		t.Error("slices of different lengths: no error")
	}
}

// partnerLines is the data of the report's first plot on the sample:
// China's bifrac collaboration with six partners, 2005–2024, with a 95%
// interval n ± 1.96·√n on the number of papers together (a Poisson
// count), scaled to bifrac by the year's bifrac/full ratio.
func partnerLines(t testing.TB) (keys []string, lines map[string]plotter.XYs, lo, hi map[string][]float64) {
	s := graph.Yearly(sample.Generate(sample.Config{}), graph.Options{})
	keys = []string{"US", "PK", "SA", "JP", "GB", "DE"}
	lines, lo, hi = map[string]plotter.XYs{}, map[string][]float64{}, map[string][]float64{}
	for y, g := range s.All() {
		cn, _ := g.Index("CN")
		for _, k := range keys {
			v, ok := g.Index(k)
			if !ok {
				continue
			}
			w, _ := g.Between(cn, v)
			lines[k] = append(lines[k], plotter.XY{X: float64(y), Y: w[graph.BiFrac]})
			n, r := w[graph.Full], 0.0
			if n > 0 {
				r = w[graph.BiFrac] / n
			}
			lo[k] = append(lo[k], max(0, n-1.96*math.Sqrt(n))*r)
			hi[k] = append(hi[k], (n+1.96*math.Sqrt(n))*r)
		}
	}
	return keys, lines, lo, hi
}

func TestSave(t *testing.T) {
	keys, lines, lo, hi := partnerLines(t)
	st := Journal
	pal := NewPalette(keys...)
	p := st.New("China's collaboration with six partners (sample)", "publication year", "bifrac weight")
	for _, k := range keys {
		var xs []float64
		for _, xy := range lines[k] {
			xs = append(xs, xy.X)
		}
		if k == "US" || k == "PK" {
			b, err := Band(xs, lo[k], hi[k], pal.Color(k))
			if err != nil {
				t.Fatal(err)
			}
			p.Add(b)
		}
		l, err := pal.Line(k, lines[k], st.LineWidth)
		if err != nil {
			t.Fatal(err)
		}
		p.Add(l)
		p.Legend.Add(coauthnet.CountryName(k), l)
	}
	dir := t.TempDir()
	if d := os.Getenv("COAUTHNET_SHOTS"); d != "" {
		dir = d
	}
	base := filepath.Join(dir, "plotstyle-after")
	if err := st.Save(p, base); err != nil {
		t.Fatal(err)
	}
	// PNG at 300 dpi: 174 mm = 6.85 in → 2055 px; 100 mm → 1181 px.
	f, err := os.ReadFile(base + ".png")
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(f))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 2055 || b.Dy() != 1181 {
		t.Errorf("PNG %d×%d px, want 2055×1181 (174×100 mm at 300 dpi)", b.Dx(), b.Dy())
	}
	svg, err := os.ReadFile(base + ".svg")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(svg, []byte("Liberation Sans")) || bytes.Contains(svg, []byte("Liberation Serif")) {
		t.Error("the SVG text is not all in Liberation Sans")
	}
	// The legend is outside the data: every legend label starts to the
	// right of the last x tick label (2024, at the right end of the axis).
	xOf := func(label string) float64 {
		re := regexp.MustCompile(`<text x="([0-9.]+)"[^>]*>` + regexp.QuoteMeta(label) + `</text>`)
		m := re.FindSubmatch(svg)
		if m == nil {
			t.Fatalf("no text %q in the SVG", label)
		}
		x, _ := strconv.ParseFloat(string(m[1]), 64)
		return x
	}
	axisEnd := xOf("2024")
	for _, k := range keys {
		if x := xOf(coauthnet.CountryName(k)); x <= axisEnd {
			t.Errorf("legend entry %s at x=%.1f, inside the axes (2024 at %.1f)", k, x, axisEnd)
		}
	}
	t.Logf("wrote %s.svg and .png", base)
}

// TestBefore writes the report's former style (gonum/plot defaults: 7×4
// in, serif, legend inside, default resolution) for comparison, only
// when $COAUTHNET_SHOTS names a directory.
func TestBefore(t *testing.T) {
	dir := os.Getenv("COAUTHNET_SHOTS")
	if dir == "" {
		t.Skip("set COAUTHNET_SHOTS=DIR to write the before/after figures")
	}
	keys, lines, _, _ := partnerLines(t)
	p := plot.New()
	p.Title.Text = "China's collaboration with six partners (sample)"
	p.X.Label.Text = "publication year"
	p.Y.Label.Text = "bifrac weight"
	p.Legend.Top, p.Legend.Left = true, true
	for i, k := range keys {
		l, _ := plotter.NewLine(lines[k])
		l.Color = OkabeIto[i]
		l.Width = vg.Points(1.5)
		l.Dashes = plotutil.Dashes(i / len(OkabeIto))
		p.Add(l)
		p.Legend.Add(k, l)
	}
	p.Add(plotter.NewGrid())
	if err := p.Save(7*vg.Inch, 4*vg.Inch, filepath.Join(dir, "plotstyle-before.png")); err != nil {
		t.Fatal(err)
	}
}
