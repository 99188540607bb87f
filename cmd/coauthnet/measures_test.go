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
		cmd := []string{"edges", "--focal", c.focal, path}
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
