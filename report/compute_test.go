package report_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/atomicfile"
	"github.com/coauthnet/coauthnet/community"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/load"
	"github.com/coauthnet/coauthnet/report"
)

// TestComputeNoYears: a series with no paper is an error that says so
// (it said "the input has 0", the zero Period's old text, before
// Period.String gave "" for it).
func TestComputeNoYears(t *testing.T) {
	_, err := report.Compute(graph.NewCounter(graph.Options{}).Series(), report.Options{Countings: []graph.Counting{graph.BiFrac}})
	if err == nil || err.Error() != "report needs at least two years with papers; the input has none" {
		t.Errorf("Compute(empty series) = %v; want the error saying the input has no year", err)
	}
}

// institutionReport is the report of the sample's institutions over
// 2019-2020 (harness case 136), computed once.
var institutionReport = onceReport(graph.Institutions, graph.Period{From: 2019, To: 2020})

// onceReport returns a function giving the report of the sample at
// level over years with BiFrac, computed on its first call.
func onceReport(level graph.Level, years graph.Period) func(t *testing.T) *report.Data {
	var once sync.Once
	var d *report.Data
	var err error
	return func(t *testing.T) *report.Data {
		t.Helper()
		once.Do(func() {
			d, err = report.Compute(sampleSeries(t, level, years), report.Options{Countings: []graph.Counting{graph.BiFrac}})
		})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
}

// sampleSeries counts the embedded sample over years at level.
func sampleSeries(t testing.TB, level graph.Level, years graph.Period) *graph.Series {
	t.Helper()
	c := graph.NewCounter(graph.Options{Level: level, Years: years})
	need := load.Countries
	if level == graph.Institutions {
		need = load.Institutions
	}
	if _, err := load.Papers(context.Background(), nil, load.Options{Sample: true, Need: need},
		func(p *coauthnet.Paper) error { c.Add(p); return nil }); err != nil {
		t.Fatal(err)
	}
	return c.Series()
}

// TestComputeCountryAtInstitutionLevel: a pole that is a country at
// institution level is an error saying so, with the country's
// institutions of most collaboration as examples (it said "CHN has no
// papers", as if the country were a missing institution). The sample's
// institution of most collaboration in China is https://ror.org/0CN0001
// (the poles chosen by the report without --focal, case 136 of the
// harness).
func TestComputeCountryAtInstitutionLevel(t *testing.T) {
	s := sampleSeries(t, graph.Institutions, graph.Period{From: 2019, To: 2020})
	for _, o := range []report.Options{{Focal: "CHN"}, {Focal: "https://ror.org/0CN0001", Rival: "United States"}} {
		o.Countings = []graph.Counting{graph.BiFrac}
		_, err := report.Compute(s, o)
		if err == nil {
			t.Fatalf("%+v: no error", o)
		}
		want, ex := "report: CHN is a country; at institution level the poles are institution keys, such as https://ror.org/0CN0001,", "(the institutions of China "
		if o.Rival != "" {
			want, ex = "report: United States is a country; at institution level the poles are institution keys, such as https://ror.org/0US0001,", "(the institutions of United States "
		}
		if !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), ex) {
			t.Errorf("Compute(%s, %s): %v; want %q…%q", o.Focal, o.Rival, err, want, ex)
		}
	}
	// Not a country: the error it was.
	_, err := report.Compute(s, report.Options{Focal: "XX:nowhere", Countings: []graph.Counting{graph.BiFrac}})
	if err == nil || !strings.HasPrefix(err.Error(), "report: XX:nowhere has no papers in 2019-2020 (the nodes with the most collaboration are https://ror.org/0CN0001,") {
		t.Errorf("Compute(XX:nowhere): %v", err)
	}
}

// TestReportPolesOnly: at institution level on two years of the sample,
// no institution moves significantly towards a pole, so the blocs are
// the poles alone. The partition indices (modularity, cross share, E–I)
// are then not defined: empty in indices.csv and trends.csv (verdict
// "not defined"), and the page says why instead of drawing them; they
// were −0.5, 1 and 1, fixed by construction. Fiedler stays.
func TestReportPolesOnly(t *testing.T) {
	d := institutionReport(t)
	for _, b := range d.Blocs.Map() {
		if b == community.Partner || b == community.Competitor {
			t.Fatalf("the sample's 2019-2020 institutions have a %s: not the case this test needs", b)
		}
	}
	dir := t.TempDir()
	if err := report.Write(dir, d, atomicfile.Write); err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	ix := strings.Split(strings.TrimSpace(read("indices.csv")), "\n")
	if len(ix) != 3 {
		t.Fatalf("indices.csv:\n%s", strings.Join(ix, "\n"))
	}
	for _, row := range ix[1:] {
		// year, then modularity, cross_share, ei with their intervals:
		// nine empty cells; then the Fiedler value.
		if c := strings.Split(row, ","); strings.Join(c[1:10], ",") != ",,,,,,,," || c[10] == "" {
			t.Errorf("indices.csv row %q: want the partition indices empty, Fiedler set", row)
		}
	}
	tr := read("trends.csv")
	for _, want := range []string{"modularity,,,,,,not defined\n", "cross_share,,,,,,not defined\n", "ei,,,,,,not defined\n"} {
		if !strings.Contains(tr, want) {
			t.Errorf("trends.csv has no %q:\n%s", want, tr)
		}
	}
	page := read("index.html")
	if !strings.Contains(page, "the two blocs are the two poles alone, so modularity, cross-bloc share and E–I index are not defined") ||
		strings.Contains(page, "bifurcation.svg") || strings.Contains(page, "-0.5") {
		t.Error("index.html: no sentence saying why the bifurcation indices are not defined, or a plot or table of them")
	}
	if _, err := os.Stat(filepath.Join(dir, "bifurcation.svg")); err == nil {
		t.Error("bifurcation.svg drawn without a defined index")
	}
}

// TestReportWords: the page's prose and the plots' titles, labels and
// captions speak of the report's level. At institution level they said
// "the countries' size", "No country moved significantly", "international
// papers"; now institutions and inter-institutional papers (papers with
// another institution: the node weight intl). The leader is the one
// counted (Options.Leader). At country level the words are those of
// before.
func TestReportWords(t *testing.T) {
	script := regexp.MustCompile(`(?s)<script.*?</script>`)
	texts := func(d *report.Data) string {
		page, err := d.HTML()
		if err != nil {
			t.Fatal(err)
		}
		all := []string{script.ReplaceAllString(page, "")}
		for _, p := range d.Plots {
			all = append(all, p.Title, p.YLabel, p.Caption, p.Empty)
		}
		return strings.Join(all, "\n")
	}
	inst := texts(institutionReport(t))
	for _, bad := range regexp.MustCompile(`(?i)\w*(countr|internation)\w*`).FindAllString(inst, -1) {
		if bad != "country_policy" { // the provenance key
			t.Errorf("institution report says %q", bad)
		}
	}
	for _, want := range []string{
		"Share of Univ China 1's inter-institutional papers with each partner",
		"papers with the partner / inter-institutional papers",
		"Intensity grows with the institutions' size",
		"by the partner or by another institution (the first author's institution, split over a first author's affiliations)",
		"No institution moved significantly towards Univ China 1",
	} {
		if !strings.Contains(inst, want) {
			t.Errorf("institution report: no %q", want)
		}
	}
	s := sampleSeries(t, graph.Countries, graph.Period{From: 2018, To: 2020})
	d, err := report.Compute(s, report.Options{Countings: []graph.Counting{graph.BiFrac}, Leader: graph.CorrespondingAuthor})
	if err != nil {
		t.Fatal(err)
	}
	country := texts(d)
	for _, want := range []string{
		"Share of China's international papers with each partner",
		"papers with the partner / international papers",
		"Intensity grows with the countries' size",
		"by the partner or by another country (the corresponding author's country, split over a corresponding author's affiliations)",
	} {
		if !strings.Contains(country, want) {
			t.Errorf("country report: no %q", want)
		}
	}
	if strings.Contains(country, "institution") {
		t.Error("country report speaks of institutions")
	}
}

// TestComputeNoCountings: Options without Countings is an error naming
// the field (it said "report: no counting given", which a library user
// could not map to an option).
func TestComputeNoCountings(t *testing.T) {
	_, err := report.Compute(sampleSeries(t, graph.Countries, graph.Period{From: 2019, To: 2020}), report.Options{})
	if err == nil || !strings.HasPrefix(err.Error(), "report: Options.Countings is empty") {
		t.Errorf("Compute(Options{}) = %v; want an error naming Options.Countings", err)
	}
}

// TestComputeDefaultPoles: the documented rules of Options.Focal,
// Rival and BaseYear are the ones applied. In the wosfile export the
// strongest node by bifrac strength is the Netherlands (4.1, then the
// United States 3.85: the strength column of `coauthnet nodes` on it),
// while the largest fractional output is the United States' (20.05
// against NL 6.15: the doc said output); the Netherlands' partners over 2011-2013 are two plus the
// United States, and 2011 is the first year in which 2 of the 3 have
// one paper's weight with it (2000 has none: TestReportFewPapersSentences).
func TestComputeDefaultPoles(t *testing.T) {
	d := wosfileReport(t, report.Options{})
	if d.Focal != "NL" || d.Rival != "US" || d.BaseYear != 2011 {
		t.Errorf("poles %s, %s, base year %d; want NL, US by strength and 2011", d.Focal, d.Rival, d.BaseYear)
	}
}
