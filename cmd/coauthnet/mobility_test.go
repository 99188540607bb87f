package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// mobilityInput has two careers with author ids and one author without:
// A2 moves CN→US in 2005 (CN papers of 2005–2006 are lag), A3 stays in
// DE and adds GB in 2003, 2004 and 2007 (the careers A2 and A3 of
// mobility/classify_test.go, worked by hand there). Citations: 10 per
// A2 paper, 3 per A3 paper.
func mobilityInput() string {
	var b strings.Builder
	n := 0
	add := func(id string, year int, cites int, countries ...string) {
		n++
		var affs []string
		for _, c := range countries {
			affs = append(affs, fmt.Sprintf(`{"institution":"Univ %s","country":"%s"}`, c, c))
		}
		fmt.Fprintf(&b, `{"id":"W%d","year":%d,"citations":%d,"authors":[{"id":"%s","affiliations":[%s]},{"name":"X","affiliations":[{"country":"FR"}]}]}`+"\n",
			n, year, cites, id, strings.Join(affs, ","))
	}
	for y := 2000; y <= 2004; y++ {
		add("A2", y, 10, "CN")
	}
	add("A2", 2005, 10, "US")
	add("A2", 2005, 10, "CN")
	add("A2", 2006, 10, "CN")
	add("A2", 2006, 10, "US")
	for y := 2007; y <= 2009; y++ {
		add("A2", y, 10, "US")
	}
	add("A2", 2009, 10, "US")
	for y := 2000; y <= 2010; y++ {
		switch y {
		case 2003, 2004:
			add("A3", y, 3, "DE", "GB")
		case 2007:
			add("A3", y, 3, "GB")
			add("A3", y, 3, "DE")
		default:
			add("A3", y, 3, "DE")
		}
	}
	return b.String()
}

func TestMobilityCommand(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := runCmd(t, mobilityInput(), "mobility", "-o", dir, "--focal", "US", "--quantiles", "2", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	// Impact before the move: A2's five papers of 2000–2004, 10 each;
	// A3's three papers of 2000–2002, 3 each (travel). CNCI: each of
	// those years has one A2 paper (10) and one A3 paper (3), mean 6.5,
	// no fields: 10/6.5 and 3/6.5 (as (3 × 3/6.5)/3 in floating point,
	// 0.4615384615384615). One migration with a known impact: no
	// cut, one class.
	want := `author,from,to,year,kind,from_papers,to_papers,overlap,return,prior,impact,cnci,cited_papers,impact_quantile
A2,CN,US,2005,migrant,5,6,1,0,0,10,1.5384615384615385,5,1
A3,DE,GB,2003,traveller,11,3,0,0,0,3,0.4615384615384615,3,0
`
	if got := read("moves.csv"); got != want {
		t.Errorf("moves.csv:\n%s\nwant\n%s", got, want)
	}
	want = "year,from,to,migrants,travellers\n2003,DE,GB,0,1\n2005,CN,US,1,0\n"
	if got := read("flows.csv"); got != want {
		t.Errorf("flows.csv:\n%s\nwant\n%s", got, want)
	}
	want = "year,partner,impact_quantile,inflow,outflow,returns\n2005,CN,1,1,0,0\n"
	if got := read("focal.csv"); got != want {
		t.Errorf("focal.csv:\n%s\nwant\n%s", got, want)
	}
	// 25 papers (A2 13, A3 12), 50 author slots, 25 of them without an
	// id.
	if !strings.Contains(stderr, "50 author slots on 25 papers: 25 without an id") ||
		!strings.Contains(stderr, "2 authors with an id: 0 stayers, 1 travellers, 1 migrants") {
		t.Errorf("summary:\n%s", stderr)
	}
	g := read("flows.graphml")
	if !strings.Contains(g, `edgedefault="directed"`) || strings.Count(g, "<edge ") != 2 ||
		!strings.Contains(g, `<edge source="CN" target="US">`) {
		t.Errorf("flows.graphml:\n%s", g)
	}
	for _, f := range []string{"flows.gexf", "nodes.csv", "retention.csv", "authors.csv", "impact.csv", "impact.svg", "moves.parquet", "flows.parquet", "authors.parquet"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	// Same input, same bytes.
	dir2 := t.TempDir()
	runCmd(t, mobilityInput(), "mobility", "-o", dir2, "--focal", "US", "--quantiles", "2", "-")
	for _, f := range []string{"moves.csv", "flows.graphml", "impact.svg", "moves.parquet"} {
		a, _ := os.ReadFile(filepath.Join(dir, f))
		b, _ := os.ReadFile(filepath.Join(dir2, f))
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between two runs", f)
		}
	}
}

// TestMobilityORCID reads ORCID's sample records (io/orcid/testdata):
// seven documents, the career-path table of io/orcid's TestSamplePaths.
func TestMobilityORCID(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := runCmd(t, "", "mobility", "--orcid", "-o", dir, filepath.Join("..", "..", "io", "orcid", "testdata"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(filepath.Join(dir, "paths.csv"))
	if err != nil {
		t.Fatal(err)
	}
	want := `first_degree,graduate,employment,path,records
,AF,AF,? → AF → AF,3
,,AF,? → ? → AF,1
,,AS,? → ? → AS,1
,AF,,? → AF → ?,1
AS,AS,,AS → AS → ?,1
`
	if string(b) != want {
		t.Errorf("paths.csv:\n%s\nwant\n%s", b, want)
	}
	if !strings.Contains(stderr, "read 7 ORCID records, 0 skipped") {
		t.Errorf("summary: %s", stderr)
	}
}

func TestMobilityUsage(t *testing.T) {
	for _, args := range [][]string{
		{"mobility", "-"},
		{"mobility", "-o", t.TempDir(), "--quantiles", "0", "-"},
		{"mobility", "-o", t.TempDir(), "--lag-cost", "2", "-"},
	} {
		if code, _, _ := runCmd(t, "", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	// Papers without any author id: exit 1 with the reason.
	code, _, stderr := runCmd(t, `{"id":"W1","year":2020,"authors":[{"name":"X","affiliations":[{"country":"FR"}]}]}`+"\n", "mobility", "-o", t.TempDir(), "-")
	if code != 1 || !strings.Contains(stderr, "1 without an id") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

// orcidRecord is a record in the shape of the ORCID public data file
// (made up, not a real person): BSc in China 2004–2008, PhD in the US
// 2008–2013, postdoc in the US 2013–2015, professor in China from 2016.
const orcidRecord = `<?xml version="1.0" encoding="UTF-8"?>
<record:record path="/0000-0002-1825-0097" xmlns:record="http://www.orcid.org/ns/record" xmlns:common="http://www.orcid.org/ns/common" xmlns:activities="http://www.orcid.org/ns/activities" xmlns:education="http://www.orcid.org/ns/education" xmlns:employment="http://www.orcid.org/ns/employment">
<common:orcid-identifier><common:path>0000-0002-1825-0097</common:path></common:orcid-identifier>
<activities:activities-summary>
<activities:educations><activities:affiliation-group>
<education:education-summary put-code="1"><common:role-title>BSc</common:role-title><common:start-date><common:year>2004</common:year></common:start-date><common:end-date><common:year>2008</common:year></common:end-date><common:organization><common:name>Tsinghua University</common:name><common:address><common:city>Beijing</common:city><common:country>CN</common:country></common:address></common:organization></education:education-summary>
</activities:affiliation-group><activities:affiliation-group>
<education:education-summary put-code="2"><common:role-title>PhD</common:role-title><common:start-date><common:year>2008</common:year></common:start-date><common:end-date><common:year>2013</common:year></common:end-date><common:organization><common:name>MIT</common:name><common:address><common:city>Cambridge</common:city><common:country>US</common:country></common:address></common:organization></education:education-summary>
</activities:affiliation-group></activities:educations>
<activities:employments><activities:affiliation-group>
<employment:employment-summary put-code="3"><common:role-title>Postdoc</common:role-title><common:start-date><common:year>2013</common:year></common:start-date><common:end-date><common:year>2015</common:year></common:end-date><common:organization><common:name>Stanford University</common:name><common:address><common:city>Stanford</common:city><common:country>US</common:country></common:address></common:organization></employment:employment-summary>
</activities:affiliation-group><activities:affiliation-group>
<employment:employment-summary put-code="4"><common:role-title>Professor</common:role-title><common:start-date><common:year>2016</common:year></common:start-date><common:organization><common:name>Peking University</common:name><common:address><common:city>Beijing</common:city><common:country>CN</common:country></common:address></common:organization></employment:employment-summary>
</activities:affiliation-group></activities:employments>
</activities:activities-summary>
</record:record>
`

// TestMobilityORCIDFlows: the record above as a career (one
// observation per affiliation and year: CN 2004–2008, US 2008–2015, CN
// 2016) gives CN→US 2008 (2008 has both: with the move in 2008 the CN
// observation of that year is lag, 0.25; with the move in 2009 the 2008
// US one costs 1) and the return US→CN 2016 (staying US would cost the
// 2016 CN observation and a year without US, 1.5; a return costs 1),
// and the path CN → US → CN.
func TestMobilityORCIDFlows(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(in, "0000-0002-1825-0097.xml"), []byte(orcidRecord), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd(t, "", "mobility", "--orcid", "-o", out, in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, _ := os.ReadFile(filepath.Join(out, "flows.csv"))
	if want := "year,from,to,migrants,travellers\n2008,CN,US,1,0\n2016,US,CN,1,0\n"; string(b) != want {
		t.Errorf("flows.csv:\n%s\nwant\n%s", b, want)
	}
	b, _ = os.ReadFile(filepath.Join(out, "paths.csv"))
	if !strings.Contains(string(b), "CN,US,CN,CN → US → CN,1") {
		t.Errorf("paths.csv:\n%s", b)
	}
}

// TestMobilityInstitutions: the same careers at institution level. The
// input gives each country one institution without an id ("Univ CN"),
// keyed by graph.InstitutionKey as "CN:univ cn"; the moves are those of
// the country level between these keys, and the flow graph's nodes carry
// their country.
func TestMobilityInstitutions(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := runCmd(t, mobilityInput(), "mobility", "--level", "institution", "-o", dir, "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "flows.csv"))
	if want := "year,from,to,migrants,travellers\n2003,DE:univ de,GB:univ gb,0,1\n2005,CN:univ cn,US:univ us,1,0\n"; string(b) != want {
		t.Errorf("flows.csv:\n%s\nwant\n%s", b, want)
	}
	g, _ := os.ReadFile(filepath.Join(dir, "flows.graphml"))
	if !strings.Contains(string(g), `<node id="CN:univ cn">`+"\n      <data key=\"country\">CN</data>") {
		t.Errorf("flows.graphml:\n%s", g)
	}
}
