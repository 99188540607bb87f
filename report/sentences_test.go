package report_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/load"
	"github.com/coauthnet/coauthnet/report"
)

// wosfileReport is the report of testdata/real/wos-plain-wosfile (50
// WoS records of 2000-2013, BSD; the same records as
// ../shared/testdata-real/wos-wosfile) at country level with the
// options o (bifrac counting), the rest chosen by Compute.
func wosfileReport(t *testing.T, o report.Options) *report.Data {
	t.Helper()
	in := filepath.Join("..", "testdata", "real", "wos-plain-wosfile")
	if _, err := os.Stat(in); err != nil {
		t.Skipf("%s: %v", in, err)
	}
	c := graph.NewCounter(graph.Options{Level: graph.Countries})
	if _, err := load.Papers(context.Background(), []string{in}, load.Options{Need: load.Countries},
		func(p *coauthnet.Paper) error { c.Add(p); return nil }); err != nil {
		t.Fatal(err)
	}
	o.Countings = []graph.Counting{graph.BiFrac}
	d, err := report.Compute(c.Series(), o)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// choice is the choice sentence of d that starts with prefix, or "".
func choice(d *report.Data, prefix string) string {
	for _, c := range d.Choices {
		if strings.HasPrefix(c, prefix) {
			return c
		}
	}
	return ""
}

// TestReportPartnersCount: the Partners sentence gives the real number
// of partners. It said "the six strongest partners of China … and
// Netherlands" whatever the count. In the wosfile export China has one
// paper (2007, with Singapore: `coauthnet nodes --by-year` and `edges`
// on it), so no paper and no partner in the partner window 2011-2013,
// and one international paper in all: fewer than the 2 ×
// community.DefaultMinPapers a country needs with it to be placed in a
// bloc (10 on each side of the split), which the page says. The
// Netherlands have two partners over 2011-2013 (United States not
// among them, and with no paper with the Netherlands in the whole
// export, which the sentence now says instead of listing it as if a
// partner) and 5 international papers. On the sample, China's six
// strongest partners over 2022-2024 include the rival United States.
func TestReportPartnersCount(t *testing.T) {
	for _, c := range []struct {
		focal string
		want  []string
	}{
		{"CN", []string{
			"Partners: only Netherlands, as China has no partner over 2011-2013 (by bifrac weight; the last 3 years with papers, partial years left out; China has no paper there).",
			"Few papers: China has 1 international paper over 2000-2013; a country needs at least 10 papers with it on each side of the split year to be placed in a bloc",
		}},
		{"NL", []string{
			"Partners: the two partners Netherlands has over 2011-2013 (fewer than six), and United States (the rival pole, with no paper with Netherlands) (by bifrac weight; the last 3 years with papers, partial years left out; Netherlands has 2 papers there).",
			"Few papers: Netherlands has 5 international papers over 2000-2013;",
		}},
	} {
		d := wosfileReport(t, report.Options{Focal: c.focal})
		all := strings.Join(d.Choices, "\n")
		for _, w := range c.want {
			if !strings.Contains(all, w) {
				t.Errorf("--focal %s: no %q in\n%s", c.focal, w, all)
			}
		}
		if strings.Contains(all, "six strongest") {
			t.Errorf("--focal %s: says six strongest partners:\n%s", c.focal, all)
		}
	}
	d := sampleReport(t)
	if p := choice(d, "Partners:"); !strings.HasPrefix(p, "Partners: the six strongest partners of China over 2022-2024, United States among them (") {
		t.Errorf("sample: %q", p)
	}
	if p := choice(d, "Few papers"); p != "" {
		t.Errorf("sample: %q", p)
	}
}

// sampleReport is the report of the whole sample at country level with
// the command's defaults (harness case 130), computed once.
var sampleReport = onceReport(graph.Countries, graph.Period{})

// blocsEmpty is the sentence of d's bloc plot, "" when it is drawn.
func blocsEmpty(d *report.Data) string {
	for _, p := range d.Plots {
		if p.File == "blocs" {
			return p.Empty
		}
	}
	return ""
}

// TestReportNoBlocsSentence: when no node is a partner or competitor,
// the page says what the others are. It said "every country is a
// hedger (or has too few papers)" when none was a hedger. In the
// wosfile export with China focal, the 22 countries less the two poles
// are 20, every one with insufficient data (China has one paper:
// TestReportPartnersCount). On the sample's institutions in 2019-2020
// some are hedgers and the rest have insufficient data; the counts are
// those of blocs.csv's bloc column.
func TestReportNoBlocsSentence(t *testing.T) {
	d := wosfileReport(t, report.Options{Focal: "CN"})
	want := "No country has enough papers with both poles to be classified: 20 with insufficient data (fewer than 10 papers with a pole on one side of the split year 2006), so there are no blocs to draw"
	if e := blocsEmpty(d); !strings.HasPrefix(e, want) || strings.Contains(e, "hedger") {
		t.Errorf("wosfile CN: %q; want %q…", e, want)
	}
	d = institutionReport(t)
	count := map[any]int{}
	for _, r := range d.Tables["blocs.csv"].Rows {
		count[r[2]]++
	}
	if count["hedger"] == 0 || count["insufficient data"] == 0 || len(count) != 2 {
		t.Fatalf("the sample's 2019-2020 institutions: blocs %v; the test needs hedgers and insufficient data only", count)
	}
	want = fmt.Sprintf("across the split year 2019: %d hedgers, and %d with insufficient data (fewer than 10 papers with a pole on one side of the split year 2019), so there are no blocs to draw", count["hedger"], count["insufficient data"])
	if e := blocsEmpty(d); !strings.Contains(e, want) {
		t.Errorf("institutions: %q; want …%q…", e, want)
	}
}

// section is the HTML of page from the heading that contains title to
// the next heading.
func section(t *testing.T, page, title string) string {
	t.Helper()
	i := strings.Index(page, title)
	if i < 0 {
		t.Fatalf("the page has no %q", title)
	}
	s := page[i:]
	if j := strings.Index(s[1:], "<h2>"); j >= 0 {
		s = s[:j+1]
	}
	return s
}

// firstCells are the first two cells of every row of the first table
// of html, joined by "–".
func firstCells(html string) []string {
	var out []string
	for _, r := range regexp.MustCompile(`<tr><td>([^<]*)</td><td>([^<]*)</td>`).FindAllStringSubmatch(html, -1) {
		out = append(out, r[1]+"–"+r[2])
	}
	return out
}

// TestReportChangePointOrder: the partnerships with a change point are
// listed "the largest change of slope first", and are. They were sorted
// by change (last − first weight): CN–US, IR, PK, EG, NL on the sample.
// From the slopes of the sample's drift-edges.csv, |after − before| is
// US |−13.235 − 7.047| = 20.28, IR |5.243 − 0.556| = 4.69,
// EG |5.251 − 0.647| = 4.60, PK |4.411 − 0.634| = 3.78,
// NL |−1.431 − 0.602| = 2.03.
func TestReportChangePointOrder(t *testing.T) {
	page, err := sampleReport(t).HTML()
	if err != nil {
		t.Fatal(err)
	}
	s := section(t, page, "How China's partnerships changed")
	if !strings.Contains(s, "the largest change of slope first (|slope after − slope before|, in bifrac weight a year;") {
		t.Errorf("the sentence does not say the order:\n%s", s)
	}
	if got, want := strings.Join(firstCells(s), " "), "CN–US CN–IR CN–EG CN–PK CN–NL"; got != want {
		t.Errorf("order %s; want %s", got, want)
	}
}

// TestReportRankMoversFalls: "Largest falls" lists the largest fall
// first, as "Largest rises" the largest rise. They were the last five
// rows of drift-nodes.csv (sorted by rise), so the smallest fall came
// first (TH 15→29 … KR 2→33 last). From the ranks of the sample's
// drift-nodes.csv: KR 2→33 falls 31, CA 4→26 22, AU 5→21 16, then five
// fall 14: JP 3→17, NL 18→32, SE 9→23, TH 15→29, TW 11→25 (by key;
// all shown: a cut inside a tie would choose by name); the rises end
// with IR 12→3 and PL 22→13, both 9.
func TestReportRankMoversFalls(t *testing.T) {
	page, err := sampleReport(t).HTML()
	if err != nil {
		t.Fatal(err)
	}
	s := section(t, page, "Rank movers among China's partners")
	i := strings.Index(s, "Largest falls")
	if i < 0 {
		t.Fatalf("no Largest falls:\n%s", s)
	}
	cells := func(h string) string {
		var out []string
		for _, r := range regexp.MustCompile(`<tr><td>([A-Z]+)</td>`).FindAllStringSubmatch(h, -1) {
			out = append(out, r[1])
		}
		return strings.Join(out, " ")
	}
	if got, want := cells(s[:i]), "RU EG PK CH PT MX SA IR PL"; got != want {
		t.Errorf("rises %s; want %s", got, want)
	}
	if got, want := cells(s[i:]), "KR CA AU JP NL SE TH TW"; got != want {
		t.Errorf("falls %s; want %s", got, want)
	}
}

// plot is d's plot of file name.
func plot(t *testing.T, d *report.Data, file string) report.Plot {
	t.Helper()
	for _, p := range d.Plots {
		if p.File == file {
			return p
		}
	}
	t.Fatalf("no plot %s", file)
	return report.Plot{}
}

// TestReportFewPapersSentences: on small corpora the page's sentences
// agree with each other and with the counts.
//   - wosfile, China focal: no partner has one paper's weight with China
//     in any year (its one paper, with Singapore in 2007, gives bifrac
//     0.71), so the index plot does not suggest "a later --base-year"
//     as it did; China's one partnership is one ("None of China's 1
//     partnerships" before).
//   - wosfile, Netherlands focal with --base-year 2000: the plot
//     names the year the default rule finds, 2011 (the report without
//     --base-year chooses it); "Netherlands'" is the possessive (it was
//     "Netherlands's").
//   - the sample's institutions over 2019-2020: two years are too few
//     for a change point (drift.Edges needs 6), which the page says
//     instead of "consistent with one straight trend".
func TestReportFewPapersSentences(t *testing.T) {
	d := wosfileReport(t, report.Options{Focal: "CN"})
	if c := choice(d, "No indexed timeline"); c != "No indexed timeline: in no year of 2000–2013 does a partner have one paper's bifrac weight with China (an index needs a base)." {
		t.Errorf("choice %q", c)
	}
	if e := plot(t, d, "partners-index").Empty; e != "No partner of China has one paper's bifrac weight with it in any year of 2000–2013, so there is nothing to index." {
		t.Errorf("index plot: %q", e)
	}
	page, err := d.HTML()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page, "China&#39;s one partnership has no significant change point over 2000–2013: its yearly weights") || strings.Contains(page, "1 partnerships") {
		t.Errorf("the change-point sentence of China's one partnership:\n%s", section(t, page, "How China's partnerships"))
	}
	if auto := wosfileReport(t, report.Options{Focal: "NL"}).BaseYear; auto != 2011 {
		t.Errorf("NL: base year %d; the test expects 2011", auto)
	}
	d = wosfileReport(t, report.Options{Focal: "NL", BaseYear: 2000})
	if e := plot(t, d, "partners-index").Empty; !strings.HasSuffix(e, "in the base year 2000, so there is nothing to index; in 2011, 2 of 3 have (--base-year 2011).") {
		t.Errorf("index plot: %q", e)
	}
	if c := choice(d, "Warning: in the base year 2000"); !strings.HasSuffix(c, "; in 2011, 2 of 3 have (--base-year 2011).") {
		t.Errorf("choice %q", c)
	}
	if page, err = d.HTML(); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<h2>Share of Netherlands' international papers", "<h2>Who leads Netherlands' papers", "<h2>Rank movers among Netherlands' partners", "<h2>How Netherlands' partnerships changed", "None of Netherlands&#39; 5 partnerships"} {
		if !strings.Contains(page, want) {
			t.Errorf("no %q", want)
		}
	}
	if strings.Contains(page, "Netherlands's") || strings.Contains(plot(t, d, "partners-share").Title, "Netherlands's") {
		t.Error("Netherlands's")
	}
	if page, err = institutionReport(t).HTML(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page, "No change point is tested: too few years (2, 2019–2020) for a change point (at least 6 years with papers)") || strings.Contains(page, "consistent with one straight trend") {
		t.Errorf("institutions over two years:\n%s", section(t, page, "partnerships changed"))
	}
}

// TestReportHTMLEscaped: outside tags, scripts and styles the page's
// text has no raw "<" (the blocs sentence wrote "bh-adjusted p < 0.1"
// raw, which HTML parsers read as the start of a tag).
func TestReportHTMLEscaped(t *testing.T) {
	page, err := sampleReport(t).HTML()
	if err != nil {
		t.Fatal(err)
	}
	page = regexp.MustCompile(`(?s)<(script|style)\b.*?</(script|style)>`).ReplaceAllString(page, "")
	// What is left: tags, text. A "<" that starts no tag is raw text.
	for _, m := range regexp.MustCompile(`<[^a-zA-Z/!]`).FindAllStringIndex(page, -1) {
		t.Errorf("raw < in %q", page[max(0, m[0]-40):min(len(page), m[1]+20)])
	}
	if !strings.Contains(page, "bh-adjusted p &lt; 0.1") {
		t.Error("no escaped bh-adjusted p &lt; 0.1")
	}
}

// TestReportHTMLPValues: the blocs table of the page shows p-values as
// numbers, never 0: KR's p on the sample is about 1.7e-15 (blocs CSV,
// table.Probabilities), which the page's "below 1e-12 is rounding noise"
// rule used to print as 0.
func TestReportHTMLPValues(t *testing.T) {
	page, err := sampleReport(t).HTML()
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`<tr><td>KR</td>(<td>[^<]*</td>)*?<td>([^<]*e-1[0-9])</td>`).FindStringSubmatch(page)
	if m == nil {
		t.Errorf("KR's row has no p-value below 1e-10 written as a number")
	}
}
