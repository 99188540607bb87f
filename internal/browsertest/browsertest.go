// Package browsertest opens the pages coauthnet writes in a real headless
// browser, for tests. It drives Chromium through the DevTools protocol
// with chromedp (pure Go: no driver, no cgo) and skips the test, with a
// message, when no browser is installed, so that the module never needs
// a browser. Only tests import it: it is not linked into the command.
//
// The browser is the one named by $COAUTHNET_BROWSER, else the first of
// chromium-headless-shell, chromium, chromium-browser, google-chrome and
// google-chrome-stable on $PATH. On Debian: apt-get install
// chromium-headless-shell (about 100 MB less than chromium).
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Candidates are the browser binaries looked for on $PATH, in order.
var Candidates = []string{"chromium-headless-shell", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// Path returns the browser to use, or "" when none is installed.
func Path() string {
	if p := os.Getenv("COAUTHNET_BROWSER"); p != "" {
		if found, err := exec.LookPath(p); err == nil {
			return found
		}
		return ""
	}
	for _, name := range Candidates {
		if found, err := exec.LookPath(name); err == nil {
			return found
		}
	}
	return ""
}

// Flags are the browser's command-line flags besides --user-data-dir
// (a fresh temporary directory per browser): headless, no sandbox (tests
// may run as root in containers), no GPU, and no network traffic of the
// browser's own (no QUIC, background networking, component updates or
// sync), so that a test never reaches out.
var Flags = []string{"headless", "no-sandbox", "disable-gpu", "disable-quic", "no-first-run",
	"disable-background-networking", "disable-component-update", "disable-sync",
	"disable-dev-shm-usage", "disable-extensions", "hide-scrollbars", "mute-audio"}

// A Browser is one tab of a headless browser, with the console messages
// of its pages.
type Browser struct {
	// Ctx is the chromedp context of the tab: pass it to chromedp.Run
	// and chromedp.Do.
	Ctx context.Context

	mu       sync.Mutex
	messages []chromedp.ConsoleMessage
}

// New starts a browser with a window of width × height CSS pixels, or
// skips t (with the reason) when no browser is installed. The browser
// stops when t ends.
func New(t testing.TB, width, height int) *Browser {
	t.Helper()
	path := Path()
	if path == "" {
		t.Skipf("no browser: install chromium-headless-shell or chromium (looked for $COAUTHNET_BROWSER and %s on $PATH)", strings.Join(Candidates, ", "))
	}
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(path), chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(width, height)}
	for _, f := range Flags {
		opts = append(opts, chromedp.Flag(f, true))
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	b := &Browser{Ctx: ctx}
	// Start the browser and subscribe to its console before any page
	// loads: a message written before the subscription is lost.
	messages := chromedp.Console(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m, err := range messages {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.messages = append(b.messages, m)
			b.mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Log("browsertest: console reader did not stop")
		}
	})
	return b
}

// Messages returns the console messages so far.
func (b *Browser) Messages() []chromedp.ConsoleMessage {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]chromedp.ConsoleMessage(nil), b.messages...)
}

// Errors returns, as text, the console messages of type error, assert
// or warning, uncaught exceptions, and errors of the browser log (a file
// that did not load, a blocked request): everything a page that works
// should not write. Warnings count because libraries such as
// cytoscape.js report bad styles and options with console.warn.
func (b *Browser) Errors() []string {
	var errs []string
	for _, m := range b.Messages() {
		switch {
		case m.IsException(), m.Type == chromedp.ConsoleError, m.Type == "assert",
			m.Type == chromedp.ConsoleWarning && m.Source == "":
			errs = append(errs, string(m.Type)+": "+m.String())
		}
	}
	return errs
}
