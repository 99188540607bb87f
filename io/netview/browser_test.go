package netview

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/internal/browsertest"
	"github.com/coauthnet/coauthnet/io/internal/exporttest"
)

// shot saves a screenshot when $COAUTHNET_SHOTS names a directory (for
// a person to look at; tests check the page through its state).
func shot(t *testing.T, b *browsertest.Browser, name string) {
	t.Helper()
	dir := os.Getenv("COAUTHNET_SHOTS")
	if dir == "" {
		return
	}
	img, err := chromedp.Run(b.Ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, img, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s", path)
}

// state is what the page says about itself: its JS state and its DOM.
type state struct {
	Frame      string `json:"frame"`
	Nodes      int    `json:"nodes"`
	Edges      int    `json:"edges"`
	DOMNodes   string `json:"domNodes"`
	DOMEdges   string `json:"domEdges"`
	DOMFrame   string `json:"domFrame"`
	Painted    int    `json:"painted"`    // non-transparent pixels over the view's canvases
	Canvases   int    `json:"canvases"`   // canvases in the view
	Signature  string `json:"signature"`  // a hash of the pixels, to see a change
	Info       string `json:"info"`       // the details panel's text
	Status     string `json:"status"`     // the status line
	Datalist   int    `json:"datalist"`   // options of the search box
	LegendRows int    `json:"legendRows"` // colour rows of the legend
}

const stateJS = `(function (id) {
  var root = document.getElementById(id), v = window.netviews && window.netviews[id];
  if (!v) { return null; }
  var painted = 0, h = 0, cs = root.querySelectorAll('.nv-canvas canvas');
  cs.forEach(function (c) {
    if (c.width === 0 || c.height === 0) { return; }
    var px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (var i = 3; i < px.length; i += 4) {
      if (px[i] !== 0) { painted++; h = (h * 31 + px[i - 3] + 7 * px[i - 2] + 13 * px[i - 1] + i) %% 1000000007; }
    }
  });
  return {
    frame: v.data.frames[v.current()].label, nodes: v.cy.nodes().length, edges: v.cy.edges().length,
    domNodes: root.getAttribute('data-nodes'), domEdges: root.getAttribute('data-edges'), domFrame: root.getAttribute('data-frame'),
    painted: painted, canvases: cs.length, signature: String(h),
    info: root.querySelector('.nv-info').textContent, status: root.querySelector('.nv-status').textContent,
    datalist: document.getElementById(id + '-names').options.length,
    legendRows: root.querySelectorAll('.nv-legend-row').length
  };
})(%q)`

func readState(t *testing.T, b *browsertest.Browser, id string) state {
	t.Helper()
	st, err := chromedp.Run(b.Ctx, chromedp.Evaluate[state](fmt.Sprintf(stateJS, id)))
	if err != nil {
		t.Fatalf("page state: %v", err)
	}
	return st
}

// waitPainted polls until the view exists and its canvases show
// something different from before (cytoscape.js draws on the next
// animation frame).
func waitPainted(t *testing.T, b *browsertest.Browser, id, before string) state {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		ok, err := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](fmt.Sprintf(`!!(window.netviews && window.netviews[%q])`, id)))
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			st := readState(t, b, id)
			if st.Painted > 0 && st.Signature != before {
				return st
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the view %s did not draw (or did not change) within 20 s; console: %v", id, b.Messages())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// frameCounts are the nodes and drawn edges of a frame as Go built them.
func frameCounts(f Frame, opts Options) (nodes, edges int) {
	g := f.Graph
	for e := range g.Edges() {
		if w := e.W[opts.Counting]; w > 0 && w >= opts.MinWeight {
			edges++
		}
	}
	return g.Len(), edges
}

// TestBrowser opens the view of the embedded sample in a headless
// browser and uses it as a person would: the network is drawn, the
// counts match the graphs, the year slider moves by a click and by the
// keyboard and the drawing changes, the search box finds "China",
// hovering a node shows its details, and the console stays clean.
func TestBrowser(t *testing.T) {
	b := browsertest.New(t, 1400, 900)
	s := sampleYears()
	frames := Years(s)
	blocs, order := sampleBlocs()
	opts := Options{Title: "Sample: countries by year", Counting: graph.BiFrac, Groups: blocs, GroupOrder: order, GroupTitle: "bloc (planted)"}
	dir := t.TempDir()
	if err := WriteDir(dir, frames, opts); err != nil {
		t.Fatal(err)
	}
	page := (&url.URL{Scheme: "file", Path: filepath.Join(dir, "index.html")}).String()
	if err := chromedp.Do(b.Ctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	st := waitPainted(t, b, "netview", "")
	last := frames[len(frames)-1]
	wantN, wantE := frameCounts(last, opts)
	if st.Frame != last.Label || st.DOMFrame != last.Label || st.Nodes != wantN || st.Edges != wantE ||
		st.DOMNodes != fmt.Sprint(wantN) || st.DOMEdges != fmt.Sprint(wantE) {
		t.Errorf("first frame: %+v; want %s with %d nodes and %d edges (Go's graph)", st, last.Label, wantN, wantE)
	}
	if st.Canvases == 0 || st.Painted < 10000 {
		t.Errorf("%d canvases with %d painted pixels: the network is not drawn", st.Canvases, st.Painted)
	}
	if st.Datalist != s.NumNodes() || st.LegendRows != len(order)+1 {
		t.Errorf("search list %d (want %d nodes), legend rows %d (want %d blocs + none)", st.Datalist, s.NumNodes(), st.LegendRows, len(order))
	}
	t.Logf("%s: %d nodes, %d edges, %d painted pixels on %d canvases", st.Frame, st.Nodes, st.Edges, st.Painted, st.Canvases)
	shot(t, b, "netview-sample-2024.png")

	// Click the left end of the slider: the first year.
	box, err := chromedp.Run(b.Ctx, chromedp.Dimensions(".nv-slider"))
	if err != nil {
		t.Fatal(err)
	}
	q := box.Content
	x0, y0 := q[0], (q[1]+q[5])/2
	if err := chromedp.Do(b.Ctx, chromedp.MouseClickXY(x0+2, y0)); err != nil {
		t.Fatal(err)
	}
	st2 := waitPainted(t, b, "netview", st.Signature)
	first := frames[0]
	wantN, wantE = frameCounts(first, opts)
	if st2.Frame != first.Label || st2.DOMFrame != first.Label || st2.Nodes != wantN || st2.Edges != wantE {
		t.Errorf("after a click on the slider's left end: %+v; want %s with %d nodes and %d edges", st2, first.Label, wantN, wantE)
	}
	shot(t, b, "netview-sample-2005.png")

	// The keyboard: one step right.
	if err := chromedp.Do(b.Ctx, chromedp.Focus(".nv-slider"), chromedp.KeyEvent(kb.ArrowRight)); err != nil {
		t.Fatal(err)
	}
	st3 := waitPainted(t, b, "netview", st2.Signature)
	if st3.Frame != frames[1].Label {
		t.Errorf("after ArrowRight: frame %s, want %s", st3.Frame, frames[1].Label)
	}

	// Search: type a name and press Enter.
	if err := chromedp.Do(b.Ctx, chromedp.SendKeys(".nv-search", "China"+kb.Enter)); err != nil {
		t.Fatal(err)
	}
	st4 := waitPainted(t, b, "netview", st3.Signature)
	if !strings.HasPrefix(st4.Info, "China (CN)") || !strings.Contains(st4.Info, "Strongest partners") || !strings.Contains(st4.Info, "international") {
		t.Errorf("after searching China, the details say %q", st4.Info)
	}
	shot(t, b, "netview-sample-search.png")

	// Clear the search (a tap on the background), then hover over the
	// United States.
	if err := chromedp.Do(b.Ctx, chromedp.Evaluate[chromedp.Void](`(function(){var v=window.netviews.netview; v.cy.emit('tap');})()`)); err != nil {
		t.Fatal(err)
	}
	pos, err := chromedp.Run(b.Ctx, chromedp.Evaluate[[2]float64](`(function(){
	  var v = window.netviews.netview, n = v.cy.getElementById('US'), p = n.renderedPosition();
	  var r = v.cy.container().getBoundingClientRect();
	  return [r.left + p.x, r.top + p.y];
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(b.Ctx, chromedp.MouseEvent("mouseMoved", pos[0], pos[1])); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for st5 := readState(t, b, "netview"); !strings.HasPrefix(st5.Info, "United States (US)"); st5 = readState(t, b, "netview") {
		if time.Now().After(deadline) {
			t.Errorf("hovering over US at %v: details %q", pos, st5.Info)
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	shot(t, b, "netview-sample-hover.png")

	if errs := b.Errors(); len(errs) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(errs, "\n"))
	}
}

// TestBrowserFragments puts two views in one page, as a report does: an
// institution view whose names hold quotes, '&', '<' and '>', and a
// country view of periods. Both must draw, with their own controls.
func TestBrowserFragments(t *testing.T) {
	b := browsertest.New(t, 1200, 1600)
	dir := t.TempDir()
	if err := WriteAssets(filepath.Join(dir, "lib")); err != nil {
		t.Fatal(err)
	}
	var page bytes.Buffer
	page.WriteString("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>two views</title>\n" + Head("lib") + "</head><body>\n")
	if err := WriteFragment(&page, Years(exporttest.Series()), Options{ID: "inst", Title: "Institutions"}); err != nil {
		t.Fatal(err)
	}
	s := sampleYears()
	if err := WriteFragment(&page, Periods(s, s.Windows(5, 5)), Options{ID: "periods"}); err != nil {
		t.Fatal(err)
	}
	page.WriteString("</body></html>\n")
	path := filepath.Join(dir, "page.html")
	if err := os.WriteFile(path, page.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(b.Ctx, chromedp.Navigate((&url.URL{Scheme: "file", Path: path}).String())); err != nil {
		t.Fatal(err)
	}
	inst := waitPainted(t, b, "inst", "")
	// exporttest.Series: 2021 has P5 only (I5, I1): 2 nodes, 1 edge.
	if inst.Frame != "2021" || inst.Nodes != 2 || inst.Edges != 1 || inst.Datalist != len(exporttest.Labels) {
		t.Errorf("institution view: %+v; want 2021 with 2 nodes, 1 edge, %d names", inst, len(exporttest.Labels))
	}
	per := waitPainted(t, b, "periods", "")
	if per.Frame != "2020–2024" || per.Nodes != s.Range(graph.Period{From: 2020, To: 2024}).Len() {
		t.Errorf("period view: %+v", per)
	}
	names, err := chromedp.Run(b.Ctx, chromedp.Evaluate[[]string](`Array.from(document.getElementById('inst-names').options).map(function(o){return o.value;})`))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(names, "|"), strings.Join(exporttest.Labels, "|"); got != want {
		t.Errorf("institution names in the page:\n%s\nwant\n%s", got, want)
	}
	shot(t, b, "netview-fragments.png")
	if errs := b.Errors(); len(errs) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(errs, "\n"))
	}
}

// TestBrowserNoAssets: a page whose scripts are missing says so in the
// view instead of staying blank.
func TestBrowserNoAssets(t *testing.T) {
	b := browsertest.New(t, 800, 600)
	dir := t.TempDir()
	var page bytes.Buffer
	page.WriteString("<!doctype html><html><head><meta charset=\"utf-8\"><title>x</title>" + Head("missing") + "</head><body>")
	if err := WriteFragment(&page, Years(workedSeries()), Options{}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "p.html")
	if err := os.WriteFile(path, page.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(b.Ctx, chromedp.Navigate((&url.URL{Scheme: "file", Path: path}).String())); err != nil {
		t.Fatal(err)
	}
	text, err := chromedp.Run(b.Ctx, chromedp.Text(".nv-canvas"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "needs netview.js and cytoscape.min.js") {
		t.Errorf("view without its scripts says %q", text)
	}
	// The browser reports the two missing files; nothing else.
	for _, e := range b.Errors() {
		if !strings.Contains(e, "ERR_FILE_NOT_FOUND") {
			t.Errorf("unexpected console message: %s", e)
		}
	}
}

// TestBrowserInstitutions draws the sample's institution graph, the 80
// largest institutions coloured by their country's planted bloc, with
// names as labels.
func TestBrowserInstitutions(t *testing.T) {
	b := browsertest.New(t, 1400, 900)
	s := graph.Yearly(sampleInstitutionPapers(), graph.Options{Level: graph.Institutions})
	blocs, order := sampleBlocs()
	groups := map[string]string{}
	all := s.Range(s.Span())
	for v := 0; v < all.Len(); v++ {
		if bl, ok := blocs[all.Country(v)]; ok {
			groups[all.Label(v)] = bl
		}
	}
	opts := Options{Title: "Sample: the 80 largest institutions", Counting: graph.BiFrac, Groups: groups, GroupOrder: order, GroupTitle: "country's bloc (planted)", MaxNodes: 80}
	dir := t.TempDir()
	if err := WriteDir(dir, Years(s), opts); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(b.Ctx, chromedp.Navigate((&url.URL{Scheme: "file", Path: filepath.Join(dir, "index.html")}).String())); err != nil {
		t.Fatal(err)
	}
	st := waitPainted(t, b, "netview", "")
	if st.Datalist != 80 || st.Nodes == 0 || st.Nodes > 80 || st.Painted < 10000 {
		t.Errorf("institution view: %+v; want at most 80 nodes drawn and 80 names to search", st)
	}
	shot(t, b, "netview-sample-institutions.png")
	// The details of an institution say inter-institutional papers (they
	// said international, the country level's word).
	if err := chromedp.Do(b.Ctx, chromedp.SendKeys(".nv-search", "Univ China 1"+kb.Enter)); err != nil {
		t.Fatal(err)
	}
	if st2 := waitPainted(t, b, "netview", st.Signature); !strings.HasPrefix(st2.Info, "Univ China 1") || !strings.Contains(st2.Info, "inter-institutional") || strings.Contains(st2.Info, "international") {
		t.Errorf("after searching Univ China 1, the details say %q; want inter-institutional papers", st2.Info)
	}
	if errs := b.Errors(); len(errs) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(errs, "\n"))
	}
}
