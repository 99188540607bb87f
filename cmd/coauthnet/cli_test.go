package main

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet/internal/help"
)

// TestHelpTopics: help TOPIC prints the topic's text (internal/help),
// also for topics named like a command (blocs, drift); bare help lists
// the commands and the topics.
func TestHelpTopics(t *testing.T) {
	for _, topic := range help.Topics() {
		want, err := help.Text(topic)
		if err != nil {
			t.Fatal(err)
		}
		code, out, stderr := runCmd(t, "", "help", topic)
		if code != 0 || out != want {
			t.Errorf("help %s: exit %d, stderr %q, stdout differs from help.Text", topic, code, stderr)
		}
	}
	code, out, _ := runCmd(t, "", "help")
	if code != 0 || !strings.Contains(out, "report") || !strings.Contains(out, "coauthnet help counting") {
		t.Errorf("help: exit %d, want commands and topics:\n%s", code, out)
	}
	if code, _, stderr := runCmd(t, "", "help", "report"); code != 0 || !strings.Contains(stderr, "-o") {
		t.Errorf("help report: exit %d, want the flags of report: %q", code, stderr)
	}
	if code, _, stderr := runCmd(t, "", "help", "bogus"); code != 2 || !strings.Contains(stderr, "counting") {
		t.Errorf("help bogus: exit %d, want 2 and the topics: %q", code, stderr)
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := runCmd(t, "", "--version")
	if code != 0 || !strings.HasPrefix(out, "coauthnet ") || strings.Count(out, "\n") != 1 {
		t.Errorf("--version: exit %d, %q", code, out)
	}
}

// TestOneLineUsageErrors: a usage error is one line on stderr, without
// the flag list and without a package prefix.
func TestOneLineUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"build", "--nope", "--sample"},
		{"build", "--sample", "--years", "2020-2010"},
	} {
		code, _, stderr := runCmd(t, "", args...)
		if code != 2 || strings.Count(stderr, "\n") != 1 || strings.Contains(stderr, "graph:") || strings.Contains(stderr, "Flags:") {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 and one line", args, code, stderr)
		}
	}
}

// TestCountriesAsWritten: --focal, --poles and --group take countries
// as people and databases write them; an unknown one is a usage error
// naming near matches.
func TestCountriesAsWritten(t *testing.T) {
	_, want, _ := runCmd(t, "", "edges", "--focal", "US", "testdata/worked.jsonl")
	for _, v := range []string{"us", "USA", "United States"} {
		code, out, stderr := runCmd(t, "", "edges", "--focal", v, "testdata/worked.jsonl")
		if code != 0 || out != want {
			t.Errorf("--focal %q: exit %d %s; want the table of --focal US", v, code, stderr)
		}
	}
	code, _, stderr := runCmd(t, "", "edges", "--focal", "Chnia", "testdata/worked.jsonl")
	if code != 2 || !strings.Contains(stderr, "did you mean China (CN)?") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("--focal Chnia: exit %d %q", code, stderr)
	}
	_, want, _ = runCmd(t, "", "blocs", "--sample", "--poles", "CN,US", "--bootstrap", "5")
	code, out, stderr := runCmd(t, "", "blocs", "--sample", "--poles", "Peoples R China,usa", "--bootstrap", "5")
	if code != 0 || out != want {
		t.Errorf("--poles 'Peoples R China,usa': exit %d %s", code, stderr)
	}
	_, want, _ = runCmd(t, "", "nodes", "--group", "X=DE,FR", "testdata/worked.jsonl")
	code, out, stderr = runCmd(t, "", "nodes", "--group", "X=Germany,france", "testdata/worked.jsonl")
	if code != 0 || out != want {
		t.Errorf("--group X=Germany,france: exit %d %s", code, stderr)
	}
	if code, _, stderr := runCmd(t, "", "nodes", "--group", "FOO=XX", "testdata/worked.jsonl"); code != 2 || !strings.Contains(stderr, "unknown country") {
		t.Errorf("--group FOO=XX: exit %d %q", code, stderr)
	}
}

// TestCSVPrecision: CSV tables have 6 significant digits by default,
// every digit with --precision 0, N with --precision N, the UTF-8 byte
// order mark with --excel; a bad precision is a usage error. Worked
// example (testdata/worked.jsonl, 2019): CN's strength is 7/6 =
// 1.1666666666666665 in float64.
func TestCSVPrecision(t *testing.T) {
	row := func(out string) string {
		for _, l := range strings.Split(out, "\n") {
			if strings.HasPrefix(l, "2019,CN,") {
				return l
			}
		}
		return ""
	}
	_, def, _ := runCmd(t, "", "nodes", "--years", "2019", "testdata/worked.jsonl")
	_, exact, _ := runCmd(t, "", "nodes", "--years", "2019", "--precision", "0", "testdata/worked.jsonl")
	_, three, _ := runCmd(t, "", "nodes", "--years", "2019", "--precision", "3", "--excel", "testdata/worked.jsonl")
	if !strings.Contains(row(def), ",1.16667,") || !strings.Contains(row(exact), ",1.1666666666666665,") || !strings.Contains(row(three), ",1.17,") {
		t.Errorf("CN rows:\n%s\n%s\n%s", row(def), row(exact), row(three))
	}
	if !strings.HasPrefix(three, "\ufeffperiod,") || strings.HasPrefix(def, "\ufeff") {
		t.Errorf("--excel: BOM missing, or present without it")
	}
	if code, _, _ := runCmd(t, "", "nodes", "--precision", "-1", "testdata/worked.jsonl"); code != 2 {
		t.Errorf("--precision -1: exit %d, want 2", code)
	}
}

// TestFlagVocabulary: flags that do not apply to a command and values
// out of range are usage errors (exit 2, one line), never ignored.
func TestFlagVocabulary(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"build", "--sample", "-o", dir + "/x.xlsx"}, "end -o with one of them"},
		// --to does not make x.xlsx a GraphML file name (it used to write
		// GraphML into x.xlsx and exit 0).
		{[]string{"build", "--sample", "--to", "graphml", "-o", dir + "/x.xlsx"}, ".xlsx is not the extension of a graph format; use .graphml"},
		{[]string{"build", "--sample", "--to", "gexf", "-o", dir + "/x.graphml"}, "extension .graphml"},
		{[]string{"nodes", "--sample", "-o", dir + "/x.xlsx"}, "not the extension of a table format (csv .csv, json .json)"},
		{[]string{"nodes", "--sample", "--format", "json", "-o", dir + "/x.xlsx"}, "not the extension of a table format"},
		{[]string{"build", "--sample", "--max-authors", "0"}, "at least 1"},
		{[]string{"build", "--sample", "--min-weight", "-1"}, "0 or more"},
		{[]string{"drift", "--sample", "--window", "0"}, "--window ≥ 1"},
		{[]string{"drift", "--sample", "--step", "0"}, "--step ≥ 1"},
		{[]string{"blocs", "--sample", "--poles", "CN,US", "--window", "0"}, "--window ≥ 1"},
		{[]string{"report", "--sample", "--by-year", "-o", dir + "/r"}, "does not apply to report"},
		{[]string{"nodes", "--sample", "--min-weight", "2"}, "does not apply to nodes"},
		{[]string{"communities", "--sample", "--impact"}, "does not apply to communities"},
		{[]string{"convert", "--sample", "--years", "2019", "-o", dir + "/x.jsonl"}, "does not apply to convert"},
		{[]string{"build", "--sample", "--group", "FOO=XX"}, "unknown country"},
		{[]string{"report", "--sample", "--poles", "CN,US", "--rival", "DE", "-o", dir + "/r"}, "--rival goes with focal, instead of poles"},
		{[]string{"report", "--sample", "--poles", "CN,US", "--focal", "DE", "-o", dir + "/r"}, "--focal DE is not one of the poles CN,US"},
		{[]string{"blocs", "--sample", "--rival", "US"}, "--poles P,Q or --focal P --rival Q is required"},
		{[]string{"blocs", "--sample", "--poles", "CN,US", "--rival", "DE"}, "--rival goes with focal, instead of poles"},
		// community.BlocOptions.Validate: a negative minimum effect is
		// named (no longer "< 0 means 0"); 0 is a value (harness case
		// blocs --min-effect 0).
		{[]string{"blocs", "--sample", "--poles", "CN,US", "--min-effect", "-0.5"}, "min effect -0.5: want 0 or more"},
		{[]string{"blocs", "--sample", "--poles", "CN,US", "--bootstrap", "0"}, "--bootstrap ≥ 1"},
		{[]string{"nodes", "--sample", "--precision", "18"}, "--precision 18: want 1 to 17 significant digits"},
		// export.SeriesOptions.Validate: NaN is out of range (before, a
		// NaN level passed the check and built a graph).
		{[]string{"build", "--sample", "--alpha", "NaN"}, "--alpha NaN: want a level between 0 and 1"},
	} {
		code, _, stderr := runCmd(t, "", c.args...)
		if code != 2 || !strings.Contains(stderr, c.want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 and one line with %q", c.args, code, stderr, c.want)
		}
	}
	// The same flag means the same thing: edges --between is --periods;
	// blocs --focal P --rival Q is --poles P,Q; report --poles P,Q is
	// --focal P --rival Q.
	_, a, _ := runCmd(t, "", "edges", "--sample", "--periods", "2013-2017,2018-2022")
	_, b, _ := runCmd(t, "", "edges", "--sample", "--between", "2013-2017,2018-2022")
	if a == "" || a != b {
		t.Errorf("edges --between differs from --periods")
	}
	_, a, _ = runCmd(t, "", "blocs", "--sample", "--poles", "CN,US", "--bootstrap", "5")
	_, b, _ = runCmd(t, "", "blocs", "--sample", "--focal", "China", "--rival", "USA", "--bootstrap", "5")
	if a == "" || a != b {
		t.Errorf("blocs --focal --rival differs from --poles")
	}
	// blocs --since (deprecated) is --split, bound to the same option:
	// given both, the last one given counts, as with edges --periods
	// and --between.
	_, a, _ = runCmd(t, "", "blocs", "--sample", "--poles", "CN,US", "--split", "2016", "--bootstrap", "5")
	for _, args := range [][]string{{"--since", "2016"}, {"--split", "2015", "--since", "2016"}, {"--since", "2015", "--split", "2016"}} {
		_, b, _ = runCmd(t, "", append([]string{"blocs", "--sample", "--poles", "CN,US", "--bootstrap", "5"}, args...)...)
		if a == "" || a != b {
			t.Errorf("blocs %q differs from --split 2016", args)
		}
	}
}

// TestREADMEFlagTable: every flag a command lists in -h, unless it is
// one the command rejects (notFor), has a row in the README's flag
// table naming the command (or every command that reads papers).
func TestREADMEFlagTable(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, sec, ok := strings.Cut(string(readme), "## Flags: one vocabulary")
	if !ok {
		t.Fatal("README has no section Flags: one vocabulary")
	}
	sec, _, _ = strings.Cut(sec, "\n## ")
	rows := map[string]string{} // flag → commands cell
	for _, l := range strings.Split(sec, "\n") {
		cells := strings.Split(l, " | ")
		if len(cells) < 3 || !strings.HasPrefix(cells[0], "| `-") {
			continue
		}
		name := strings.Fields(strings.Trim(cells[0], "| `"))[0]
		rows[strings.TrimLeft(name, "-")] = cells[1]
	}
	flagLine := regexp.MustCompile(`^  -(\S+)`)
	for _, c := range commands {
		args := []string{c.name, "-h"}
		if c.name == "fetch" {
			args = []string{"fetch", "openalex", "-h"}
		}
		_, _, usage := runCmd(t, "", args...)
		for _, l := range strings.Split(usage, "\n") {
			m := flagLine.FindStringSubmatch(l)
			if m == nil || slices.Contains(notFor[m[1]], c.name) {
				continue
			}
			cell, ok := rows[m[1]]
			reads := c.name != "fetch" && c.name != "merge" && (strings.HasPrefix(cell, "every command that reads papers") ||
				strings.HasPrefix(cell, "every command that counts papers") && c.name != "convert" && c.name != "split")
			if !ok || !reads && !slices.Contains(strings.Split(cell, ", "), c.name) {
				t.Errorf("README flag table: no row for -%s of %s (row: %q)", m[1], c.name, cell)
			}
		}
	}
}
