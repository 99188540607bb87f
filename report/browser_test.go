package report_test

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/coauthnet/coauthnet/internal/browsertest"
)

// pageState is what the report page says about itself in the browser.
type pageState struct {
	Images   int    `json:"images"`   // <img> elements
	Loaded   int    `json:"loaded"`   // of them, loaded with a size
	View     bool   `json:"view"`     // the network view exists
	Frame    string `json:"frame"`    // its current frame
	Nodes    int    `json:"nodes"`    // nodes drawn
	Edges    int    `json:"edges"`    // edges drawn
	Painted  int    `json:"painted"`  // non-transparent pixels of its canvases
	Frames   int    `json:"frames"`   // frames (years) of the view
	Captions int    `json:"captions"` // figure captions
}

const pageJS = `(function () {
  var imgs = Array.from(document.images), v = window.netviews && window.netviews.network, painted = 0;
  var st = {images: imgs.length, loaded: imgs.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length,
    view: !!v, frame: '', nodes: 0, edges: 0, painted: 0, frames: 0, captions: document.querySelectorAll('figcaption').length};
  if (v) {
    st.frame = v.data.frames[v.current()].label; st.nodes = v.cy.nodes().length; st.edges = v.cy.edges().length;
    st.frames = v.data.frames.length;
    document.querySelectorAll('#network .nv-canvas canvas').forEach(function (c) {
      if (c.width === 0 || c.height === 0) { return; }
      var px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      for (var i = 3; i < px.length; i += 4) { if (px[i] !== 0) { painted++; } }
    });
    st.painted = painted;
  }
  return st;
})()`

func readPage(t *testing.T, b *browsertest.Browser) pageState {
	t.Helper()
	st, err := chromedp.Run(b.Ctx, chromedp.Evaluate[pageState](pageJS))
	if err != nil {
		t.Fatalf("page state: %v", err)
	}
	return st
}

// waitPage polls until the view has drawn and every image has loaded,
// and the frame differs from not (when not is "").
func waitPage(t *testing.T, b *browsertest.Browser, not string) pageState {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		st := readPage(t, b)
		if st.View && st.Painted > 0 && st.Loaded == st.Images && st.Frame != not {
			return st
		}
		if time.Now().After(deadline) {
			t.Fatalf("the page did not finish drawing within 20 s: %+v; console: %v", st, b.Messages())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestReportBrowser opens the report of a real export (WoS plain text,
// 833 records, 58 countries) in a headless browser: every plot loads,
// the network view draws the last complete year, a click on the year
// slider's left end moves it to the first year, and the console stays
// clean. With $COAUTHNET_SHOTS set, it saves screenshots of the network
// view and of two plots there.
func TestReportBrowser(t *testing.T) {
	b := browsertest.New(t, 1200, 900)
	dir, d := realReport(t, "wos-plain-wosanalysis")
	page := (&url.URL{Scheme: "file", Path: filepath.Join(dir, "index.html")}).String()
	if err := chromedp.Do(b.Ctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	st := waitPage(t, b, "")
	drawn := 0
	for _, p := range d.Plots {
		if p.Empty == "" {
			drawn++
		}
	}
	if st.Images != drawn || st.Captions != drawn {
		t.Errorf("%d images and %d captions, want %d (the plots with data)", st.Images, st.Captions, drawn)
	}
	last := fmt.Sprint(d.Years[len(d.Years)-1])
	if st.Frame != last || st.Frames != len(d.Years) || st.Nodes != d.Graphs[len(d.Graphs)-1].Len() || st.Painted < 5000 {
		t.Errorf("network view: %+v; want frame %s of %d with %d nodes, drawn", st, last, len(d.Years), d.Graphs[len(d.Graphs)-1].Len())
	}
	shots(t, b, map[string]string{"#network": "network-" + last + ".png", `img[src="partners-intensity.svg"]`: "partners-intensity.png", `img[src="partners-share.svg"]`: "partners-share.png"})

	box, err := chromedp.Run(b.Ctx, chromedp.Dimensions("#network .nv-slider"))
	if err != nil {
		t.Fatal(err)
	}
	q := box.Content
	if err := chromedp.Do(b.Ctx, chromedp.ScrollIntoView("#network .nv-slider"), chromedp.MouseClickXY(q[0]+2, (q[1]+q[5])/2)); err != nil {
		t.Fatal(err)
	}
	st2 := waitPage(t, b, st.Frame)
	if first := fmt.Sprint(d.Years[0]); st2.Frame != first || st2.Nodes != d.Graphs[0].Len() {
		t.Errorf("after a click on the slider's left end: frame %s with %d nodes, want %s with %d", st2.Frame, st2.Nodes, first, d.Graphs[0].Len())
	}
	if errs := b.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
	t.Logf("%d plots loaded; network %s: %d nodes, %d edges, %d painted pixels", st.Loaded, st.Frame, st.Nodes, st.Edges, st.Painted)
}

// shots saves screenshots of elements (selector → file name) when
// $COAUTHNET_SHOTS names a directory.
func shots(t *testing.T, b *browsertest.Browser, m map[string]string) {
	t.Helper()
	dir := os.Getenv("COAUTHNET_SHOTS")
	if dir == "" {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for sel, name := range m {
		if err := chromedp.Do(b.Ctx, chromedp.ScrollIntoView(sel)); err != nil {
			t.Fatalf("scroll to %s: %v", sel, err)
		}
		img, err := chromedp.Run(b.Ctx, chromedp.ScreenshotScale(sel, 2))
		if err != nil {
			t.Fatalf("screenshot %s: %v", sel, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), img, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot %s", filepath.Join(dir, name))
	}
}
