package report_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/atomicfile"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/load"
	"github.com/coauthnet/coauthnet/report"
)

// realReport writes the report of a real export of testdata/real with
// the command's defaults (no poles given, every counting) into a new
// directory and returns it with the data.
func realReport(t testing.TB, export string) (string, *report.Data) {
	t.Helper()
	in := filepath.Join("..", "testdata", "real", export)
	if _, err := os.Stat(in); err != nil {
		t.Skipf("%s: %v", in, err)
	}
	c := graph.NewCounter(graph.Options{Level: graph.Countries})
	if _, err := load.Papers(context.Background(), []string{in}, load.Options{Need: load.Countries},
		func(p *coauthnet.Paper) error { c.Add(p); return nil }); err != nil {
		t.Fatal(err)
	}
	d, err := report.Compute(c.Series(), report.Options{Countings: []graph.Counting{graph.BiFrac, graph.Full, graph.Frac, graph.Share}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := report.Write(dir, d, atomicfile.Write); err != nil {
		t.Fatal(err)
	}
	return dir, d
}

// TestRealExportReports: on real exports of three sources (WoS plain
// text, WoS tab-delimited with partial last years, Scopus CSV), the
// report with default flags states its choices at the top, and has no
// NaN in its page or tables, no table without rows in its page, and no
// plot without data: every plot is drawn with at least one line of two
// or more years, or replaced by a sentence saying why.
func TestRealExportReports(t *testing.T) {
	for _, export := range []string{"wos-plain-wosanalysis", "wos-tab-scientopy-2023", "scopus-csv-litstudy"} {
		t.Run(export, func(t *testing.T) {
			dir, d := realReport(t, export)
			page, err := os.ReadFile(filepath.Join(dir, "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			p := string(page)
			if i, j := strings.Index(p, "Choices made for this corpus"), strings.Index(p, "<h2>Provenance"); i < 0 || j < i || !strings.Contains(p, "Poles (not given)") {
				t.Errorf("the choices are not stated at the top")
			}
			files, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
			files = append(files, filepath.Join(dir, "index.html"))
			for _, f := range files {
				b, _ := os.ReadFile(f)
				if strings.Contains(string(b), "NaN") || strings.Contains(string(b), "Inf") {
					t.Errorf("%s holds NaN or Inf", filepath.Base(f))
				}
			}
			for _, tb := range regexp.MustCompile(`(?s)<table>(.*?)</table>`).FindAllStringSubmatch(p, -1) {
				if strings.Count(tb[1], "<tr>") < 2 && !strings.Contains(tb[1], "<th>counting (weight)</th>") {
					t.Errorf("a table without rows: %.200s", tb[1])
				}
			}
			for _, pl := range d.Plots {
				if pl.Empty != "" {
					if !strings.Contains(p, strings.ReplaceAll(pl.Empty, "'", "&#39;")) {
						t.Errorf("%s: empty, but the page does not say why", pl.File)
					}
					if strings.Contains(p, pl.File+".svg") {
						t.Errorf("%s: empty, but the page shows it", pl.File)
					}
					continue
				}
				long := false
				for _, l := range pl.Lines {
					long = long || len(l) >= 2
				}
				if !long {
					t.Errorf("%s: no line of two years or more", pl.File)
				}
				if fi, err := os.Stat(filepath.Join(dir, pl.File+".png")); err != nil || fi.Size() < 20000 {
					t.Errorf("%s.png: %v", pl.File, err)
				}
			}
			for _, l := range regexp.MustCompile(`(?:src|href)="([^"]+)"`).FindAllStringSubmatch(p, -1) {
				if _, err := os.Stat(filepath.Join(dir, l[1])); err != nil {
					t.Errorf("index.html links %s: %v", l[1], err)
				}
			}
			t.Logf("%s: poles %s, %s; partial %v; %d plots drawn", export, d.Focal, d.Rival, d.Partial, len(d.Plots))
		})
	}
}

// TestRealExportPartialYears: the WoS export of 2023 ends in two partly
// indexed years (TestPartialYearsRealExports); the report leaves them
// out of its choices and timelines and says so.
func TestRealExportPartialYears(t *testing.T) {
	dir, d := realReport(t, "wos-tab-scientopy-2023")
	if len(d.Partial) != 2 || d.Partial[0] != 2022 || d.PartnerWindow.To != 2021 {
		t.Errorf("partial %v, partner window %v; want 2022, 2023 left out and partners over 2019-2021", d.Partial, d.PartnerWindow)
	}
	for _, pl := range d.Plots {
		for k, l := range pl.Lines {
			if len(l) > 0 && l[len(l)-1].X > 2021 {
				t.Errorf("%s: line %s runs to %g, into the partial years", pl.File, k, l[len(l)-1].X)
			}
		}
	}
	page, _ := os.ReadFile(filepath.Join(dir, "index.html"))
	if !strings.Contains(string(page), "Partly indexed: 2022 (") {
		t.Errorf("the page does not say that 2022 and 2023 are partial")
	}
}
