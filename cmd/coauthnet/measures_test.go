package main

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestLeadRealWoS compares the led / not-led split and the field filter
// on the real Web of Science exports with testdata/independent/wos_lead.py,
// an independent parse (first author = AF[0], their bracketed C1
// addresses, categories from WC).
func TestLeadRealWoS(t *testing.T) {
	const real = "../../../shared/testdata-real"
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3")
	}
	for _, c := range []struct{ file, focal, field string }{
		{"wos-plain-c3-brunalab/savedrecs.txt", "US", ""},
		{"wos-plain-c3-brunalab/savedrecs.txt", "US", "Ecology"},
		{"wos-plain-c3-brunalab/savedrecs.txt", "BR", "Plant Sciences"},
		{"wos-plain-metaknowledge/ManyAuthors.isi", "US", ""},
		{"wos-plain-metaknowledge/ManyAuthors.isi", "US", "Surgery"},
		{"wos-plain-refsplitr/example_data.txt", "US", ""},
		{"wos-wosfile/wos_plaintext.txt", "CN", ""},
	} {
		path := filepath.Join(real, c.file)
		if _, err := os.Stat(path); err != nil {
			t.Skipf("real test data not available: %v", err)
		}
		args := []string{"testdata/independent/wos_lead.py", path, c.focal}
		if c.field != "" {
			args = append(args, c.field)
		}
		args[0] = filepath.Join("../..", args[0])
		out, err := exec.Command(py, args...).Output()
		if err != nil {
			t.Fatalf("wos_lead.py: %v", err)
		}
		var ind map[string]json.RawMessage
		if err := json.Unmarshal(out, &ind); err != nil {
			t.Fatal(err)
		}
		cmd := []string{"edges", "--focal", c.focal, "--precision", "0", path} // every digit, to compare
		if c.field != "" {
			cmd = append(cmd, "--field", c.field)
		}
		code, table, stderr := runCmd(t, "", cmd...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", cmd, code, stderr)
		}
		// Papers kept by --field: records read minus those not in the field.
		var kept int
		json.Unmarshal(ind["_papers"], &kept)
		read, _ := strconv.Atoi(regexp.MustCompile(`read (\d+) records`).FindStringSubmatch(stderr)[1])
		notIn := 0
		if m := regexp.MustCompile(`(\d+) papers? not in --field`).FindStringSubmatch(stderr); m != nil {
			notIn, _ = strconv.Atoi(m[1])
		}
		if read-notIn != kept {
			t.Errorf("%s %s: coauthnet keeps %d - %d papers, the independent parse %d", c.file, c.field, read, notIn, kept)
		}
		rows, _ := csv.NewReader(strings.NewReader(table)).ReadAll()
		col := map[string]int{}
		for i, name := range rows[0] {
			col[name] = i
		}
		seen := 0
		for _, r := range rows[1:] {
			var want [3]float64
			raw, ok := ind[r[col["target"]]]
			if !ok {
				t.Errorf("%s %s: partner %s only in coauthnet", c.file, c.field, r[col["target"]])
				continue
			}
			json.Unmarshal(raw, &want)
			seen++
			for i, name := range []string{"full", "lead_source", "lead_target"} {
				got, _ := strconv.ParseFloat(r[col[name]], 64)
				if math.Abs(got-want[i]) > 1e-9 {
					t.Errorf("%s %s %s-%s %s = %v, independent %v", c.file, c.field, c.focal, r[col["target"]], name, got, want[i])
				}
			}
		}
		if seen != len(ind)-1 {
			t.Errorf("%s %s: %d partners in coauthnet, %d in the independent parse", c.file, c.field, seen, len(ind)-1)
		}
		t.Logf("%s --focal %s --field %q: %d papers kept, %d partners agree", c.file, c.focal, c.field, kept, seen)
	}
}

// TestFieldMap rolls testdata/fields.jsonl up with the shipped example
// map. By hand: Ecology → Environment/Ecology (F1, F2), Plant Sciences →
// Plant & Animal Science (F2), Surgery → Clinical Medicine (F3), F4 has
// no field.
func TestFieldMap(t *testing.T) {
	code, out, stderr := runCmd(t, "", "nodes", "--by-field", "--field-map", "../../testdata/fields/wos-to-esi-example.csv", "testdata/fields.jsonl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	papers := map[string]string{} // field/node → papers
	rows, _ := csv.NewReader(strings.NewReader(out)).ReadAll()
	if rows[0][0] != "field" {
		t.Fatalf("first column %q, want field", rows[0][0])
	}
	for _, r := range rows[1:] {
		papers[r[0]+"/"+r[2]] = r[4]
	}
	for k, want := range map[string]string{
		"Environment/Ecology/CN": "2", "Environment/Ecology/US": "2", "Plant & Animal Science/CN": "1",
		"Clinical Medicine/PK": "1", "(no field)/PK": "1", "(no field)/CN": "1",
	} {
		if papers[k] != want {
			t.Errorf("%s: %q papers, want %s (all: %v)", k, papers[k], want, papers)
		}
	}
	// CN, US in two fields each; PK in Clinical Medicine and no field;
	// CN also in those two: 8 rows.
	if len(papers) != 8 {
		t.Errorf("%d field/node rows, want 8: %v", len(papers), papers)
	}
	// --field takes the mapped name; case does not matter.
	_, _, stderr = runCmd(t, "", "nodes", "--field", "environment/ecology", "--field-map", "../../testdata/fields/wos-to-esi-example.csv", "testdata/fields.jsonl")
	if !strings.Contains(stderr, "2 papers used") || !strings.Contains(stderr, "2 papers not in --field") {
		t.Errorf("--field summary:\n%s", stderr)
	}
	// Without a map the source categories are the fields.
	_, _, stderr = runCmd(t, "", "nodes", "--field", "Ecology", "testdata/fields.jsonl")
	if !strings.Contains(stderr, "2 papers used") {
		t.Errorf("--field Ecology summary:\n%s", stderr)
	}
}

// TestImpactCLI: normalised impact on testdata/fields.jsonl, by hand.
// Baselines 2020: Ecology (F1 4, F2 0) mean 2; Plant Sciences (F2) 0 →
// ratio 1; no field (F4) mean 2. F3 has no count. F1 4/2 = 2; F2 (0/2 +
// 1)/2 = 0.5; F4 2/2 = 1. CN: F1, F2, F4 → 3.5/3; PK: F4 → 1 over 1;
// CN-US: F1, F2 → 1.25 over 2; impact_ratio_source CN→US = 1.25/(3.5/3).
func TestImpactCLI(t *testing.T) {
	code, out, stderr := runCmd(t, "", "edges", "--impact", "--focal", "CN", "--precision", "0", "testdata/fields.jsonl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "3 of 4 papers with a citation count") || !strings.Contains(stderr, "1 paper-fields in field-years nobody cited") {
		t.Errorf("summary:\n%s", stderr)
	}
	rows, _ := csv.NewReader(strings.NewReader(out)).ReadAll()
	col := map[string]int{}
	for i, n := range rows[0] {
		col[n] = i
	}
	got := map[string][3]string{}
	for _, r := range rows[1:] {
		got[r[col["target"]]] = [3]string{r[col["impact"]], r[col["impact_papers"]], r[col["impact_ratio_source"]]}
	}
	f := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	want := map[string][3]string{
		"US": {f(1.25), "2", f(1.25 / (3.5 / 3))},
		"PK": {f(1), "1", f(1 / (3.5 / 3))}, // F3 (no count) and F4
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("CN-%s impact, papers, ratio = %v, want %v", k, got[k], w)
		}
	}
	// Leadership by the corresponding author: only F4 has one (PK).
	_, out, _ = runCmd(t, "", "edges", "--lead", "corresponding", "--focal", "CN", "testdata/fields.jsonl")
	rows, _ = csv.NewReader(strings.NewReader(out)).ReadAll()
	for _, r := range rows[1:] {
		if r[col["target"]] == "PK" && (r[col["lead_source"]] != "0" || r[col["lead_target"]] != "1") {
			t.Errorf("CN-PK corresponding lead %s %s, want 0 1", r[col["lead_source"]], r[col["lead_target"]])
		}
	}
}

// TestByFieldSample: every sample paper has one field, so a node's
// papers over the fields add up to its papers in the whole.
func TestByFieldSample(t *testing.T) {
	_, all, _ := runCmd(t, "", "nodes", "--sample")
	code, by, stderr := runCmd(t, "", "nodes", "--sample", "--by-field")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	total := map[string]int{}
	rows, _ := csv.NewReader(strings.NewReader(by)).ReadAll()
	fields := map[string]bool{}
	for _, r := range rows[1:] {
		n, _ := strconv.Atoi(r[4])
		total[r[2]] += n
		fields[r[0]] = true
	}
	if len(fields) != 8 {
		t.Errorf("%d fields, want the sample's 8", len(fields))
	}
	rows, _ = csv.NewReader(strings.NewReader(all)).ReadAll()
	for _, r := range rows[1:] {
		if n, _ := strconv.Atoi(r[3]); total[r[1]] != n {
			t.Errorf("%s: %d papers over the fields, %d in all", r[1], total[r[1]], n)
		}
	}
	// The sample marks each paper's first author corresponding.
	_, first, _ := runCmd(t, "", "nodes", "--sample", "--years", "2019")
	_, corr, _ := runCmd(t, "", "nodes", "--sample", "--years", "2019", "--lead", "corresponding")
	if strings.Replace(corr, "corresponding,corresponding_intl", "first,first_intl", 1) != first {
		t.Error("--lead corresponding differs from --lead first on the sample, whose first authors are the corresponding ones")
	}
}

// TestHyperCLI: a 101-author paper under --max-authors 100 and --hyper only.
func TestHyperCLI(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"id":"H","year":2020,"authors":[`)
	for i := range 101 {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`{"affiliations":[{"country":"CH"}]}`)
	}
	b.WriteString("]}\n")
	in := b.String() + `{"id":"S","year":2020,"authors":[{"affiliations":[{"country":"CN"}]},{"affiliations":[{"country":"US"}]}]}` + "\n"
	for _, c := range []struct {
		args []string
		used string
		line string
	}{
		{nil, "2 papers used", "1 paper hyper-authored (more than 100 authors), counted"},
		{[]string{"--max-authors", "100"}, "1 paper used", "1 paper hyper-authored (more than 100 authors), left out by --max-authors"},
		{[]string{"--hyper", "only"}, "1 paper used", "--hyper only: 1 paper with more than 100 authors analysed, 1 paper with fewer left out"},
		{[]string{"--max-authors", "101"}, "2 papers used", "0 papers hyper-authored (more than 101 authors)"},
	} {
		code, _, stderr := runCmd(t, in, append([]string{"nodes", "-"}, c.args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", c.args, code, stderr)
		}
		if !strings.Contains(stderr, c.used) || !strings.Contains(stderr, c.line) {
			t.Errorf("%v: summary lacks %q / %q:\n%s", c.args, c.used, c.line, stderr)
		}
	}
}

// TestMeasuresFromParquet: the measures that need fields, citations and
// corresponding flags read the same from Parquet (columnar path with
// parquet.Reader.Extra) as from the generated papers.
func TestMeasuresFromParquet(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.parquet")
	if code, _, stderr := runCmd(t, "", "convert", "--sample", "-o", path); code != 0 {
		t.Fatalf("convert: %s", stderr)
	}
	flags := []string{"--impact", "--lead", "corresponding", "--by-field", "--focal", "CN", "--years", "2015-2020"}
	_, want, _ := runCmd(t, "", append([]string{"edges", "--sample"}, flags...)...)
	code, got, stderr := runCmd(t, "", append([]string{"edges", path}, flags...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got != want || len(want) < 1000 {
		t.Errorf("edges from Parquet differ from the sample's (%d vs %d bytes)", len(got), len(want))
	}
}
