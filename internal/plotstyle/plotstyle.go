// Package plotstyle gives coauthnet's figures a style a journal accepts,
// on gonum/plot: print size, a sans-serif font (Liberation Sans, which
// gonum/plot embeds, so output is the same on every machine), a tick at
// every year (or every other year on long spans), the legend outside the
// data, the colour-blind-safe Okabe–Ito palette with one colour per key
// (country) in every figure, uncertainty bands, and SVG plus PNG at
// 300 dpi.
//
//	st := plotstyle.Journal
//	pal := plotstyle.NewPalette("US", "PK", "SA") // once per report
//	p := st.New("China's partners", "publication year", "intensity")
//	l, _ := pal.Line("US", xys)
//	p.Add(l); p.Legend.Add("United States", l)
//	err := st.Save(p, "dir/partners") // partners.svg, partners.png
//
// Reference: M. Okabe and K. Ito, "Color Universal Design (CUD): how to
// make figures and presentations that are friendly to colorblind people"
// (2008), https://jfly.uni-koeln.de/color/.
package plotstyle

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"os"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// A Style is the size, resolution and type of a figure.
type Style struct {
	// Width and Height of the whole figure, legend included.
	Width, Height vg.Length
	// DPI of the PNG.
	DPI int
	// FontSize of tick labels and legend; titles are 1.2× and axis
	// labels 1.1× as large.
	FontSize vg.Length
	// LineWidth of data lines.
	LineWidth vg.Length
}

// Journal is a two-column figure: 174 mm wide (the text width of most
// journals' two-column pages: Elsevier 174 mm, Springer 174 mm, Nature
// 180 mm) by 100 mm, 9 pt text (journals ask for 7–10 pt at final
// size), 1.5 pt lines, PNG at 300 dpi (the minimum most journals set
// for line art with shading; line art alone asks for 600–1000 dpi:
// use the SVG).
var Journal = Style{
	Width:     174 * vg.Millimeter,
	Height:    100 * vg.Millimeter,
	DPI:       300,
	FontSize:  9,
	LineWidth: 1.5,
}

// sans is Liberation Sans, metrically compatible with Arial/Helvetica.
var sans = font.Font{Typeface: "Liberation", Variant: "Sans"}

// New returns a plot in the style: sans-serif text, a light grid under
// the data, and the year ticker on the x axis when xlabel mentions a
// year ("publication year"); set p.X.Tick.Marker yourself otherwise.
func (s Style) New(title, xlabel, ylabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font = font.From(sans, s.FontSize*1.2)
	p.Title.Padding = s.FontSize / 2
	for _, ax := range []*plot.Axis{&p.X, &p.Y} {
		ax.Label.TextStyle.Font = font.From(sans, s.FontSize*1.1)
		ax.Tick.Label.Font = font.From(sans, s.FontSize)
		ax.Padding = 0
	}
	p.X.Label.Text = xlabel
	p.Y.Label.Text = ylabel
	if containsYear(xlabel) {
		p.X.Tick.Marker = YearTicks{}
	}
	p.Legend.TextStyle.Font = font.From(sans, s.FontSize)
	p.Legend.ThumbnailWidth = 0.6 * vg.Centimeter
	g := plotter.NewGrid()
	g.Vertical.Color = color.Gray{Y: 225}
	g.Horizontal.Color = color.Gray{Y: 225}
	g.Vertical.Width, g.Horizontal.Width = 0.5, 0.5
	p.Add(g)
	return p
}

func containsYear(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		if s[i:i+4] == "year" || s[i:i+4] == "Year" {
			return true
		}
	}
	return false
}

// YearTicks marks years on an axis: a labelled tick every Every years,
// on multiples of Every, and an unlabelled minor tick on the other
// years. Every 0 means 1 for spans up to 12 years and 2 beyond (a label
// every year would crowd a 174 mm axis of 20 years at 9 pt); spans over
// 30 years label every 5th year.
type YearTicks struct{ Every int }

// Ticks implements plot.Ticker.
func (t YearTicks) Ticks(min, max float64) []plot.Tick {
	lo, hi := int(math.Ceil(min-1e-9)), int(math.Floor(max+1e-9))
	every := t.Every
	if every <= 0 {
		switch span := hi - lo; {
		case span <= 12:
			every = 1
		case span <= 30:
			every = 2
		default:
			every = 5
		}
	}
	var ts []plot.Tick
	for y := lo; y <= hi; y++ {
		tk := plot.Tick{Value: float64(y)}
		if y%every == 0 {
			tk.Label = strconv.Itoa(y)
		}
		ts = append(ts, tk)
	}
	return ts
}

// OkabeIto is the Okabe–Ito palette without its yellow (#F0E442, too
// light for lines on white): blue, vermillion, bluish green, orange,
// reddish purple, sky blue, black. Hues differ for the common forms of
// colour blindness.
var OkabeIto = []color.Color{
	color.RGBA{0, 114, 178, 255},   // blue #0072B2
	color.RGBA{213, 94, 0, 255},    // vermillion #D55E00
	color.RGBA{0, 158, 115, 255},   // bluish green #009E73
	color.RGBA{230, 159, 0, 255},   // orange #E69F00
	color.RGBA{204, 121, 167, 255}, // reddish purple #CC79A7
	color.RGBA{86, 180, 233, 255},  // sky blue #56B4E9
	color.RGBA{0, 0, 0, 255},       // black
}

// A Palette gives each key (a country code, a bloc) the same colour and
// dash pattern in every figure that uses it: make one per report. Keys
// get colours in the order they are first given (to NewPalette, then to
// Color); after the seven colours, the colours repeat with dashes.
type Palette struct {
	index map[string]int
}

// NewPalette returns a palette with keys assigned first, in order.
func NewPalette(keys ...string) *Palette {
	p := &Palette{index: map[string]int{}}
	for _, k := range keys {
		p.slot(k)
	}
	return p
}

func (p *Palette) slot(key string) int {
	i, ok := p.index[key]
	if !ok {
		i = len(p.index)
		p.index[key] = i
	}
	return i
}

// Color returns key's colour.
func (p *Palette) Color(key string) color.Color {
	return OkabeIto[p.slot(key)%len(OkabeIto)]
}

// Dashes returns key's dash pattern: solid for the first seven keys,
// then dashed, then dotted.
func (p *Palette) Dashes(key string) []vg.Length {
	switch p.slot(key) / len(OkabeIto) {
	case 0:
		return nil
	case 1:
		return []vg.Length{6, 3}
	default:
		return []vg.Length{2, 2}
	}
}

// Line returns a line of key's colour and dashes, width w.
func (p *Palette) Line(key string, xys plotter.XYer, w vg.Length) (*plotter.Line, error) {
	l, err := plotter.NewLine(xys)
	if err != nil {
		return nil, err
	}
	l.Color = p.Color(key)
	l.Dashes = p.Dashes(key)
	l.Width = w
	return l, nil
}

// Band returns the shaded region between lo and hi over x (an interval
// around a line: a confidence or bootstrap interval), in c at 20%
// opacity and without an outline; add it before the line. Points where
// lo or hi is NaN or ±Inf are left out. It is an error for the slices
// to differ in length or to leave fewer than two points.
func Band(x, lo, hi []float64, c color.Color) (*plotter.Polygon, error) {
	if len(x) != len(lo) || len(x) != len(hi) {
		return nil, fmt.Errorf("plotstyle: band of %d x, %d lo, %d hi", len(x), len(lo), len(hi))
	}
	var upper, lower plotter.XYs
	for i := range x {
		if bad(x[i]) || bad(lo[i]) || bad(hi[i]) {
			continue
		}
		upper = append(upper, plotter.XY{X: x[i], Y: hi[i]})
		lower = append(lower, plotter.XY{X: x[i], Y: lo[i]})
	}
	if len(upper) < 2 {
		return nil, fmt.Errorf("plotstyle: band with %d finite points, want 2 or more", len(upper))
	}
	ring := append(plotter.XYs{}, upper...)
	for i := len(lower) - 1; i >= 0; i-- {
		ring = append(ring, lower[i])
	}
	poly, err := plotter.NewPolygon(ring)
	if err != nil {
		return nil, err
	}
	r, g, b, _ := c.RGBA()
	poly.Color = color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 51}
	poly.LineStyle.Width = 0
	return poly, nil
}

func bad(x float64) bool { return math.IsNaN(x) || math.IsInf(x, 0) }

// Save writes p as base+".svg" and base+".png" (at s.DPI), with its
// legend outside the data: in a column on the right of the axes, as
// wide as its longest entry. A plot without legend entries takes the
// whole width. The plot's own Legend is restored before Save returns.
func (s Style) Save(p *plot.Plot, base string) error {
	svg := vgsvg.New(s.Width, s.Height)
	s.draw(p, draw.New(svg))
	if err := writeTo(base+".svg", svg); err != nil {
		return err
	}
	img := vgimg.NewWith(vgimg.UseWH(s.Width, s.Height), vgimg.UseDPI(s.DPI))
	s.draw(p, draw.New(img))
	return writeTo(base+".png", vgimg.PngCanvas{Canvas: img})
}

// Render returns p drawn as Save draws it, in ext ("svg" or "png"), for
// callers that write files their own way.
func (s Style) Render(p *plot.Plot, ext string) (io.WriterTo, error) {
	switch ext {
	case "svg":
		svg := vgsvg.New(s.Width, s.Height)
		s.draw(p, draw.New(svg))
		return svg, nil
	case "png":
		img := vgimg.NewWith(vgimg.UseWH(s.Width, s.Height), vgimg.UseDPI(s.DPI))
		s.draw(p, draw.New(img))
		return vgimg.PngCanvas{Canvas: img}, nil
	}
	return nil, fmt.Errorf("plotstyle: format %q: want svg or png", ext)
}

func writeTo(path string, c io.WriterTo) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("plotstyle: %w", err)
	}
	if _, err := c.WriteTo(f); err != nil {
		f.Close()
		return fmt.Errorf("plotstyle: %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("plotstyle: %w", err)
	}
	return nil
}

// draw draws p on c with the legend in a column on the right.
func (s Style) draw(p *plot.Plot, c draw.Canvas) {
	leg := p.Legend
	r := leg.Rectangle(c)
	w := r.Max.X - r.Min.X
	if w <= 0 {
		p.Draw(c)
		return
	}
	gap := s.FontSize
	plotArea := draw.Crop(c, 0, -(w + 3*gap), 0, 0)
	// The legend's column, with a margin on the right, starts level with
	// the top of the axes, below the title.
	legArea := draw.Crop(c, c.Max.X-c.Min.X-(w+2*gap), -gap, 0, -(p.Title.TextStyle.Font.Size*2 + p.Title.Padding))
	p.Legend = plot.NewLegend()
	p.Draw(plotArea)
	p.Legend = leg
	leg.Top, leg.Left = true, true
	leg.Draw(legArea)
}
