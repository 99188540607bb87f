package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet/internal/sample"
	"github.com/coauthnet/coauthnet/io/jsonl"
)

// TestBlocsStationary: on a stationary planted corpus (the same expected
// collaboration every year; 60,000 papers, 30 countries) blocs exits 0,
// says that the poles' series has no significant change point and that
// the halves are compared, and at least 90% of the countries are hedgers
// or have insufficient data. A corpus of two years exits 0 too (too few
// years for a change point: halves of one year each).
func TestBlocsStationary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "stationary.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := jsonl.NewWriter(f)
	g := sample.NewPlanted(sample.PlantedConfig{Seed: 3, Papers: 60000, Stationary: true})
	for {
		p, ok := g.Next()
		if !ok {
			break
		}
		if err := w.Write(&p); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	code, out, stderr := runCmd(t, "", "blocs", "--poles", "CN,US", "--bootstrap", "20", path)
	if code != 0 || !strings.Contains(stderr, "no significant change point in the count series of CN–US") || !strings.Contains(stderr, "first half (2001–2011) against second half (2012–2022)") {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	rows := strings.Split(strings.TrimSpace(out), "\n")[1:]
	quiet := 0
	for _, r := range rows {
		if b := strings.Split(r, ",")[2]; b == "hedger" || b == "insufficient data" {
			quiet++
		}
	}
	if len(rows) != 28 || quiet < 26 {
		t.Errorf("%d of %d hedgers or insufficient data", quiet, len(rows))
	}
	code, _, stderr = runCmd(t, "", "blocs", "--poles", "CN,US", "--years", "2021-2022", "--bootstrap", "20", path)
	if code != 0 || !strings.Contains(stderr, "too few for a change point") {
		t.Errorf("two years: exit %d\n%s", code, stderr)
	}
}
