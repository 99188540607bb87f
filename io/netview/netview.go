// Package netview writes an interactive, offline view of co-authorship
// networks: a web page that draws the graph of one year or period at a
// time, with a slider over the years (or periods), node size by output,
// edge width by weight, node colour by bloc or community, a search box
// and details on hover.
//
// The page is drawn by cytoscape.js (https://js.cytoscape.org, MIT
// licence), vendored in assets/ and embedded in the binary (see
// assets/SOURCES.md for the version and checksum); nothing is fetched
// from the network, so a written directory opens from disk. cytoscape.js
// draws on a 2D canvas and needs no WebGL: it works in a headless
// browser, in a virtual machine without a GPU and in old browsers.
//
// Positions are computed here, not in the browser, so that the same
// graphs and seed give the same page: one layout (weighted
// Fruchterman–Reingold, seeded; see positions) of the union of all
// frames, shared by every frame, so that a node keeps its place while
// the slider moves and only sizes, widths and colours change.
//
// Encodings (stated on the page under the legend):
//   - node size by output: diameter = 14 + 90·sqrt(R_A / max R) in the
//     drawing's units (positions span 1000), so that the area above the
//     minimum size is proportional to the fractional output R_A; max R
//     is over every frame, so that sizes compare across years;
//   - edge width = 1 + 15·sqrt(w / max w) and opacity 0.15 + 0.6·sqrt(w /
//     max w), max w over every frame, w the edge's weight under
//     Options.Counting;
//   - colours: the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal
//     Design") in the order of Options.GroupOrder, then of group names;
//     nodes without a group are grey.
//
// Use [WriteDir] for a stand-alone directory (index.html and its
// assets), or [WriteAssets], [Head] and [WriteFragment] to embed one or
// several views in a page of your own.
package netview

import (
	"bytes"
	"cmp"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/coauthnet/coauthnet/graph"
)

//go:embed assets/cytoscape.min.js assets/cytoscape.LICENSE assets/netview.js assets/netview.css
var assets embed.FS

// A Frame is one graph of the view: one year or one period.
type Frame struct {
	// Label is what the slider shows; "" means the graph's period
	// ("2019", "2016-2019").
	Label string
	Graph *graph.Graph
	// Groups gives the bloc or community of nodes by key
	// (graph.Graph.Label). Nil means Options.Groups. Communities differ
	// from year to year: give each frame its own.
	Groups map[string]string
}

// Options configure a view. The zero value is usable.
type Options struct {
	// ID is the HTML id of the view's element, unique in its page:
	// letters, digits, '-' and '_'. Default "netview".
	ID string
	// Title is shown above the view; "" shows none.
	Title string
	// Counting is the edge weight drawn (width) and ranked in the
	// details (strongest partners). Default graph.Full, the number of
	// papers together.
	Counting graph.Counting
	// Groups colours nodes (key → group name) in frames without their
	// own Groups; GroupTitle names what a group is ("bloc",
	// "community"; default "group"). GroupOrder fixes the first colours
	// (for example the focal country's bloc first); other groups follow
	// in name order.
	Groups     map[string]string
	GroupTitle string
	GroupOrder []string
	// MinWeight leaves out edges whose weight is below it.
	MinWeight float64
	// MaxNodes, when positive, keeps only the MaxNodes nodes of largest
	// output summed over the frames (ties: smaller key first), with
	// their edges. Institution graphs need it: a browser draws a few
	// thousand nodes smoothly, not tens of thousands.
	MaxNodes int
	// Start is the label of the frame shown first; "" or a label that
	// no frame has means the last frame.
	Start string
	// Seed seeds the layout; 0 means 1.
	Seed uint64
	// Assets is the URL of the directory holding the files of
	// [WriteAssets], relative to the page ("" = the page's directory).
	// It is used by [Head] and [WriteDir] only.
	Assets string
}

// Okabe–Ito colours (Okabe & Ito 2008), without yellow (too light on
// white), then grey for nodes without a group.
var palette = []string{"#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#000000"}

const noGroup = "#BBBBBB"

// page data, encoded as JSON into the fragment.
type viewData struct {
	Title      string      `json:"title,omitempty"`
	Level      string      `json:"level"`
	Counting   string      `json:"counting"`
	GroupTitle string      `json:"groupTitle"`
	Groups     []groupData `json:"groups"`
	Nodes      []nodeData  `json:"nodes"`
	Frames     []frameData `json:"frames"`
	MaxOutput  num         `json:"maxOutput"`
	MaxWeight  num         `json:"maxWeight"`
	Start      int         `json:"start"`
}

type groupData struct {
	Name  string `json:"name"`
	Color string `json:"color"`
}

type nodeData struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Country string `json:"country,omitempty"`
	X       num1   `json:"x"`
	Y       num1   `json:"y"`
}

type frameData struct {
	Label  string `json:"label"`
	Papers int    `json:"papers"`
	// Nodes: [node index, papers, intl, output, group index or -1].
	Nodes [][5]num `json:"nodes"`
	// Edges: [from index, to index, weight, papers together].
	Edges [][4]num `json:"edges"`
}

// num is a float written with 6 significant digits (enough for a
// tooltip, and a smaller page); NaN and ±Inf as null.
type num float64

func (x num) MarshalJSON() ([]byte, error) {
	f := float64(x)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	if f == 0 {
		return []byte("0"), nil
	}
	return strconv.AppendFloat(nil, f, 'g', 6, 64), nil
}

// num1 is a coordinate, written with one decimal.
type num1 float64

func (x num1) f() float64 { return float64(x) }

func (x num1) MarshalJSON() ([]byte, error) {
	return strconv.AppendFloat(nil, math.Round(float64(x)*10)/10, 'f', -1, 64), nil
}

// build turns frames into the page data.
func build(frames []Frame, opts Options) (*viewData, error) {
	if len(frames) == 0 {
		return nil, errors.New("netview: no frame")
	}
	for i, f := range frames {
		if f.Graph == nil {
			return nil, fmt.Errorf("netview: frame %d has no graph", i)
		}
	}
	level := frames[0].Graph.Level()
	for i, f := range frames {
		if f.Graph.Level() != level {
			return nil, fmt.Errorf("netview: frame %d is at level %s, frame 0 at %s", i, f.Graph.Level(), level)
		}
	}
	if !slices.Contains(graph.Countings, opts.Counting) {
		return nil, fmt.Errorf("netview: unknown counting %v", opts.Counting)
	}
	if err := checkID(opts.ID); err != nil {
		return nil, err
	}

	// The union of the nodes, keyed and ordered by key.
	type agg struct {
		name, country string
		output        float64
	}
	all := map[string]*agg{}
	for _, f := range frames {
		g := f.Graph
		for v := 0; v < g.Len(); v++ {
			a := all[g.Label(v)]
			if a == nil {
				a = &agg{name: g.Name(v), country: g.Country(v)}
				all[g.Label(v)] = a
			}
			a.output += g.Node(v).Output
		}
	}
	keys := make([]string, 0, len(all))
	for k := range all {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if opts.MaxNodes > 0 && len(keys) > opts.MaxNodes {
		bySize := slices.Clone(keys)
		slices.SortStableFunc(bySize, func(a, b string) int { return cmp.Compare(all[b].output, all[a].output) })
		keys = bySize[:opts.MaxNodes]
		slices.Sort(keys)
	}
	index := make(map[string]int, len(keys))
	for i, k := range keys {
		index[k] = i
	}

	// Groups and their colours: GroupOrder first (kept even when unused,
	// so that a group has the same colour in every view given the same
	// order), then the other names in order.
	var names []string
	for _, name := range opts.GroupOrder {
		if name != "" && !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	var rest []string
	for _, m := range append([]map[string]string{opts.Groups}, frameGroups(frames)...) {
		for _, name := range m {
			if name != "" && !slices.Contains(names, name) && !slices.Contains(rest, name) {
				rest = append(rest, name)
			}
		}
	}
	slices.Sort(rest)
	groupIndex := map[string]int{}
	groups := []groupData{}
	for i, name := range append(names, rest...) {
		groupIndex[name] = i
		c := noGroup
		if i < len(palette) {
			c = palette[i]
		}
		groups = append(groups, groupData{Name: name, Color: c})
	}

	d := &viewData{
		Title:      opts.Title,
		Level:      level.String(),
		Counting:   opts.Counting.String(),
		GroupTitle: cmp.Or(opts.GroupTitle, "group"),
		Groups:     groups,
		Nodes:      make([]nodeData, len(keys)),
		Start:      len(frames) - 1,
	}
	for i, k := range keys {
		d.Nodes[i] = nodeData{ID: k, Name: all[k].name, Country: all[k].country}
	}

	// Frames, and the union graph for the layout.
	var maxW float64
	for _, f := range frames {
		g := f.Graph
		fd := frameData{Label: f.Label, Papers: g.Papers(), Nodes: [][5]num{}, Edges: [][4]num{}}
		if fd.Label == "" {
			fd.Label = g.Period().String()
		}
		gm := f.Groups
		if gm == nil {
			gm = opts.Groups
		}
		for v := 0; v < g.Len(); v++ {
			i, ok := index[g.Label(v)]
			if !ok {
				continue
			}
			nw := g.Node(v)
			gi := -1
			if name, ok := gm[g.Label(v)]; ok && name != "" {
				gi = groupIndex[name]
			}
			d.MaxOutput = max(d.MaxOutput, num(nw.Output))
			fd.Nodes = append(fd.Nodes, [5]num{num(i), num(nw.Papers), num(nw.Intl), num(nw.Output), num(gi)})
		}
		for e := range g.Edges() {
			u, uok := index[g.Label(e.From)]
			v, vok := index[g.Label(e.To)]
			w := e.W[opts.Counting]
			if !uok || !vok || w < opts.MinWeight || w <= 0 {
				continue
			}
			maxW = max(maxW, w)
			fd.Edges = append(fd.Edges, [4]num{num(u), num(v), num(w), num(e.W[graph.Full])})
		}
		if opts.Start != "" && fd.Label == opts.Start {
			d.Start = len(d.Frames)
		}
		d.Frames = append(d.Frames, fd)
	}
	d.MaxWeight = num(maxW)

	// Big nodes repel more (mass 1 + 4·sqrt(R/max R), R the output over
	// all frames), so that the largest ones, strongly tied to each other
	// and to everyone, do not overlap (seen on the sample: CN over US).
	lg := newLayoutGraph(len(keys))
	var maxR float64
	for _, k := range keys {
		maxR = max(maxR, all[k].output)
	}
	lg.mass = make([]float64, len(keys))
	for i, k := range keys {
		lg.mass[i] = 1
		if maxR > 0 {
			lg.mass[i] += 4 * math.Sqrt(max(all[k].output, 0)/maxR)
		}
	}
	for _, fd := range d.Frames {
		for _, e := range fd.Edges {
			lg.add(int(e[0]), int(e[1]), float64(e[2]))
		}
	}
	seed := opts.Seed
	if seed == 0 {
		seed = 1
	}
	for i, p := range positions(lg, seed) {
		d.Nodes[i].X, d.Nodes[i].Y = num1(p[0]), num1(p[1])
	}
	return d, nil
}

func frameGroups(frames []Frame) []map[string]string {
	var ms []map[string]string
	for _, f := range frames {
		if f.Groups != nil {
			ms = append(ms, f.Groups)
		}
	}
	return ms
}

func checkID(id string) error {
	for _, r := range id {
		if !(r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return fmt.Errorf("netview: id %q: want letters, digits, '-' and '_'", id)
		}
	}
	return nil
}

// Years returns one frame per year of s with at least one paper, in
// ascending order.
func Years(s *graph.Series) []Frame {
	var fs []Frame
	for y, g := range s.All() {
		fs = append(fs, Frame{Label: strconv.Itoa(y), Graph: g})
	}
	return fs
}

// Periods returns one frame per period of s (for example
// s.Windows(5, 5)), labelled "2016–2020".
func Periods(s *graph.Series, ps []graph.Period) []Frame {
	fs := make([]Frame, len(ps))
	for i, p := range ps {
		label := strconv.Itoa(p.From)
		if p.To != p.From {
			label += "–" + strconv.Itoa(p.To)
		}
		fs[i] = Frame{Label: label, Graph: s.Range(p)}
	}
	return fs
}

// WriteFragment writes the view as an HTML fragment: one <div> with its
// controls, its data (JSON in a script element) and the call that draws
// it. The page must load the files of [WriteAssets] in its head, as
// [Head] writes them. Several views can share a page when their IDs
// differ.
//
// It returns an error for no frame, a frame without a graph, frames at
// different levels, or a bad ID.
func WriteFragment(w io.Writer, frames []Frame, opts Options) error {
	d, err := build(frames, opts)
	if err != nil {
		return err
	}
	data, err := json.Marshal(d) // escapes <, > and &: safe inside <script>
	if err != nil {
		return err
	}
	id := cmp.Or(opts.ID, "netview")
	noun := "country"
	if d.Level == graph.Institutions.String() {
		noun = "institution"
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "<div class=\"netview\" id=\"%s\">\n", id)
	if opts.Title != "" {
		fmt.Fprintf(&b, "<h3 class=\"nv-title\">%s</h3>\n", html.EscapeString(opts.Title))
	}
	fmt.Fprintf(&b, `<div class="nv-bar">
<label class="nv-period">%s <input type="range" class="nv-slider" min="0" max="%d" step="1" value="%d" aria-label="%s"></label>
<output class="nv-frame">%s</output>
<input type="search" class="nv-search" placeholder="Find a%s %s" list="%s-names" aria-label="find a node">
<datalist id="%s-names"></datalist>
<span class="nv-status" role="status"></span>
</div>
<div class="nv-main"><div class="nv-canvas"></div>
<aside class="nv-side"><div class="nv-legend"></div><div class="nv-info"></div></aside></div>
<noscript>This network view needs JavaScript.</noscript>
<script type="application/json" class="nv-data">`,
		sliderNoun(frames), len(frames)-1, d.Start, sliderNoun(frames),
		html.EscapeString(d.Frames[d.Start].Label), article(noun), noun, id, id)
	b.Write(data)
	fmt.Fprintf(&b, "</script>\n<script>(function () { var r = document.getElementById(%q); if (typeof window.netviewDraw === 'function') { window.netviewDraw(r); } else { r.querySelector('.nv-canvas').textContent = 'The network view needs netview.js and cytoscape.min.js, which were not found next to this page.'; } })();</script>\n</div>\n", id)
	_, err = w.Write(b.Bytes())
	return err
}

func sliderNoun(frames []Frame) string {
	for _, f := range frames {
		if p := f.Graph.Period(); p.From != p.To {
			return "Period"
		}
	}
	return "Year"
}

func article(noun string) string {
	if strings.ContainsRune("aeiou", rune(noun[0])) {
		return "n"
	}
	return ""
}

// Head returns the tags that load the view's assets, for a page's
// <head>; assets is the URL of the directory [WriteAssets] wrote to,
// relative to the page ("" for the page's own directory).
func Head(assets string) string {
	if assets != "" && !strings.HasSuffix(assets, "/") {
		assets += "/"
	}
	a := html.EscapeString(assets)
	return fmt.Sprintf("<link rel=\"stylesheet\" href=\"%snetview.css\">\n<script src=\"%scytoscape.min.js\"></script>\n<script src=\"%snetview.js\"></script>\n", a, a, a)
}

// AssetNames are the files [WriteAssets] writes.
var AssetNames = []string{"cytoscape.min.js", "cytoscape.LICENSE", "netview.js", "netview.css"}

// WriteAssets writes the scripts and style sheet of the view, and
// cytoscape.js's licence, into dir (created if needed).
func WriteAssets(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("netview: %w", err)
	}
	for _, name := range AssetNames {
		b, err := fs.ReadFile(assets, "assets/"+name)
		if err != nil {
			return err // cannot happen: embedded
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return fmt.Errorf("netview: %w", err)
		}
	}
	return nil
}

// WriteDir writes a stand-alone view into dir: index.html and the files
// of [WriteAssets]. Open dir/index.html in a browser; no network is
// needed. Options.Assets is ignored.
func WriteDir(dir string, frames []Frame, opts Options) error {
	var frag bytes.Buffer
	if err := WriteFragment(&frag, frames, opts); err != nil {
		return err
	}
	if err := WriteAssets(dir); err != nil {
		return err
	}
	title := cmp.Or(opts.Title, "Co-authorship network")
	var b bytes.Buffer
	fmt.Fprintf(&b, "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>%s</title>\n%s</head>\n<body>\n", html.EscapeString(title), Head(""))
	b.Write(frag.Bytes())
	b.WriteString("</body>\n</html>\n")
	if err := os.WriteFile(filepath.Join(dir, "index.html"), b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("netview: %w", err)
	}
	return nil
}
