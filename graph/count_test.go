package graph

import (
	"math"
	"testing"

	"github.com/coauthnet/coauthnet"
)

// paper makes a paper whose authors each have the listed countries as
// affiliations.
func paper(id string, year int, authors ...[]string) coauthnet.Paper {
	p := coauthnet.Paper{ID: id, Year: year}
	for i, cs := range authors {
		a := coauthnet.Author{Name: id + "-" + string(rune('a'+i))}
		for _, c := range cs {
			a.Affiliations = append(a.Affiliations, coauthnet.Affiliation{Country: c})
		}
		p.Authors = append(p.Authors, a)
	}
	return p
}

func one(c ...string) []string { return c }

// workedExample is docs/DESIGN.md section 11.
func workedExample() []coauthnet.Paper {
	return []coauthnet.Paper{
		paper("P1", 2019, one("CN"), one("CN"), one("US")),
		paper("P2", 2019, one("CN"), one("US"), one("DE"), one("DE")),
		paper("P3", 2020, one("CN", "SG"), one("US")),
		paper("P4", 2020, one("US")),
	}
}

const tol = 1e-12

func near(a, b float64) bool {
	return math.Abs(a-b) <= tol*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

func TestWorkedExampleEdges(t *testing.T) {
	s := Yearly(workedExample(), Options{})
	// Expected values: docs/DESIGN.md §11, recomputed by hand.
	// P1 (n=3: CN 2, US 1): P(CN,US)=2·1=2; bifrac 2·2/(3·2)=2/3; frac 2/2=1; share 2/3+1/3=1.
	// P2 (n=4: CN 1, US 1, DE 2): P(CN,US)=1 → bifrac 2/12=1/6, frac 1/3, share 1/4+1/4=1/2;
	//   P(CN,DE)=2 → bifrac 4/12=1/3, frac 2/3, share 1/4+1/2=3/4; DE–US the same as CN–DE.
	// P3 (n=2: author 1 CN 1/2 + SG 1/2, author 2 US 1):
	//   P(CN,US)=1/2·1=1/2 → bifrac 2·(1/2)/2=1/2, frac (1/2)/1=1/2, share 1/4+1/2=3/4; SG–US the same;
	//   P(CN,SG)=1/4−1/4=0 → bifrac 0, frac 0, share 1/4+1/4=1/2, full 1.
	tests := []struct {
		year int
		a, b string
		want Weights // indexed Full, BiFrac, Frac, Share
	}{
		{2019, "CN", "US", Weights{2, 2.0/3 + 1.0/6, 1 + 1.0/3, 1 + 1.0/2}},
		{2019, "CN", "DE", Weights{1, 1.0 / 3, 2.0 / 3, 3.0 / 4}},
		{2019, "DE", "US", Weights{1, 1.0 / 3, 2.0 / 3, 3.0 / 4}},
		{2020, "CN", "US", Weights{1, 1.0 / 2, 1.0 / 2, 3.0 / 4}},
		{2020, "SG", "US", Weights{1, 1.0 / 2, 1.0 / 2, 3.0 / 4}},
		{2020, "CN", "SG", Weights{1, 0, 0, 1.0 / 2}},
	}
	for _, tt := range tests {
		g := s.At(tt.year)
		u, ok1 := g.Index(tt.a)
		v, ok2 := g.Index(tt.b)
		if !ok1 || !ok2 {
			t.Fatalf("%d: %s or %s missing", tt.year, tt.a, tt.b)
		}
		got, ok := g.Between(u, v)
		if !ok {
			t.Fatalf("%d: no edge %s-%s", tt.year, tt.a, tt.b)
		}
		for c := Counting(0); c < numCountings; c++ {
			if !near(got[c], tt.want[c]) {
				t.Errorf("%d %s-%s %s = %v, want %v", tt.year, tt.a, tt.b, c, got[c], tt.want[c])
			}
		}
		if back, _ := g.Between(v, u); back != got {
			t.Errorf("%d %s-%s not symmetric: %v vs %v", tt.year, tt.a, tt.b, got, back)
		}
	}
	if n := s.At(2019).NumEdges(); n != 3 {
		t.Errorf("2019 has %d edges, want 3", n)
	}
	if n := s.At(2020).NumEdges(); n != 3 {
		t.Errorf("2020 has %d edges, want 3", n)
	}
}

func TestWorkedExampleNodes(t *testing.T) {
	s := Yearly(workedExample(), Options{})
	// docs/DESIGN.md §11. output: P1 CN 2/3 US 1/3; P2 CN 1/4 US 1/4 DE 1/2; P3 CN 1/4 SG 1/4 US 1/2; P4 US 1.
	// domestic: P1 CN (2²−2)/(3·2)=1/3; P2 DE (2²−2)/(4·3)=1/6; P3 CN (1/4−1/4)/2=0.
	// intl: every node of P1–P3 (k ≥ 2); P4 is single-country.
	tests := []struct {
		year int
		node string
		want NodeWeights
	}{
		{2019, "CN", NodeWeights{Papers: 2, Intl: 2, Output: 2.0/3 + 1.0/4, Domestic: 1.0 / 3}},
		{2019, "US", NodeWeights{Papers: 2, Intl: 2, Output: 1.0/3 + 1.0/4, Domestic: 0}},
		{2019, "DE", NodeWeights{Papers: 1, Intl: 1, Output: 1.0 / 2, Domestic: 1.0 / 6}},
		{2020, "US", NodeWeights{Papers: 2, Intl: 1, Output: 1.0/2 + 1, Domestic: 0}},
		{2020, "CN", NodeWeights{Papers: 1, Intl: 1, Output: 1.0 / 4, Domestic: 0}},
		{2020, "SG", NodeWeights{Papers: 1, Intl: 1, Output: 1.0 / 4, Domestic: 0}},
	}
	for _, tt := range tests {
		g := s.At(tt.year)
		v, ok := g.Index(tt.node)
		if !ok {
			t.Fatalf("%d: node %s missing", tt.year, tt.node)
		}
		got := g.Node(v)
		if got.Papers != tt.want.Papers || got.Intl != tt.want.Intl ||
			!near(got.Output, tt.want.Output) || !near(got.Domestic, tt.want.Domestic) {
			t.Errorf("%d %s = %+v, want %+v", tt.year, tt.node, got, tt.want)
		}
	}
	if g := s.At(2019); g.Len() != 3 || g.Label(0) != "CN" || g.Label(1) != "DE" || g.Label(2) != "US" {
		t.Errorf("2019 nodes not CN, DE, US in label order: %v", g.keys)
	}
}

func TestWorkedExampleIntensity(t *testing.T) {
	// docs/DESIGN.md §11: I(CN,US) 2019 = (5/6)/sqrt(11/12·7/12) ≈ 1.1396.
	g := Yearly(workedExample(), Options{}).At(2019)
	cn, _ := g.Index("CN")
	us, _ := g.Index("US")
	w, _ := g.Between(cn, us)
	got := w[BiFrac] / math.Sqrt(g.Node(cn).Output*g.Node(us).Output)
	if math.Abs(got-1.1396) > 5e-5 {
		t.Errorf("I(CN,US) = %.6f, want 1.1396", got)
	}
}

func TestRangeSumsYears(t *testing.T) {
	s := Yearly(workedExample(), Options{})
	g := s.Range(Period{2019, 2020})
	cn, _ := g.Index("CN")
	us, _ := g.Index("US")
	w, _ := g.Between(cn, us)
	// 2019 + 2020 from the table: full 2+1, bifrac 5/6+1/2, frac 4/3+1/2, share 3/2+3/4.
	want := Weights{3, 5.0/6 + 1.0/2, 4.0/3 + 1.0/2, 3.0/2 + 3.0/4}
	for c := range want {
		if !near(w[c], want[c]) {
			t.Errorf("2019-2020 CN-US %s = %v, want %v", Counting(c), w[c], want[c])
		}
	}
	if got := g.Node(us).Papers; got != 4 {
		t.Errorf("US papers 2019-2020 = %d, want 4", got)
	}
	if g.Len() != 4 || g.NumEdges() != 5 {
		t.Errorf("2019-2020: %v, want 4 nodes, 5 edges (CN-DE CN-SG CN-US DE-US SG-US)", g)
	}
	if b := Build(workedExample(), Options{}); b.NumEdges() != g.NumEdges() {
		t.Errorf("Build = %v, want same as Range over span %v", b, g)
	}
}

func TestSingleAuthorDualAffiliation(t *testing.T) {
	// n_p = 1: one author in CN and SG. Full 1, bifrac and frac 0 (n_p < 2),
	// share s_CN + s_SG = 1/2 + 1/2 = 1; output 1/2 each; both intl.
	g := Build([]coauthnet.Paper{paper("x", 2020, one("CN", "SG"))}, Options{})
	w, ok := g.Between(0, 1)
	if !ok || w != (Weights{1, 0, 0, 1}) {
		t.Errorf("CN-SG = %v %v, want [1 0 0 1]", w, ok)
	}
	for v := 0; v < 2; v++ {
		if nw := g.Node(v); nw.Output != 0.5 || nw.Intl != 1 || nw.Domestic != 0 {
			t.Errorf("%s = %+v", g.Label(v), nw)
		}
	}
}

func TestUnknownAuthors(t *testing.T) {
	p := paper("x", 2020, one("CN"), one(""), one("US"), nil)
	// Two of four authors have no country: dropped, n_p = 2, bifrac CN-US = 2·1/(2·1) = 1.
	s := Yearly([]coauthnet.Paper{p}, Options{})
	if st := s.Stats(); st.AuthorsUnknown != 2 || st.Authors != 4 || st.Used != 1 {
		t.Errorf("stats %+v, want 2 of 4 authors unknown, 1 used", st)
	}
	g := s.At(2020)
	if w, _ := g.Between(0, 1); w[BiFrac] != 1 {
		t.Errorf("drop: CN-US bifrac = %v, want 1", w[BiFrac])
	}
	// Kept as ZZ: n_p = 4, CN-US bifrac 2/(4·3) = 1/6, ZZ domestic (2²−2)/12 = 1/6.
	g = Build([]coauthnet.Paper{p}, Options{KeepUnknown: true})
	zz, ok := g.Index("ZZ")
	if !ok || g.Len() != 3 {
		t.Fatalf("keep: nodes %v, want CN US ZZ", g.keys)
	}
	cn, _ := g.Index("CN")
	us, _ := g.Index("US")
	if w, _ := g.Between(cn, us); !near(w[BiFrac], 1.0/6) {
		t.Errorf("keep: CN-US bifrac = %v, want 1/6", w[BiFrac])
	}
	if d := g.Node(zz).Domestic; !near(d, 1.0/6) {
		t.Errorf("keep: ZZ domestic = %v, want 1/6", d)
	}
	// A paper with no known node at all is counted as such and adds nothing.
	s = Yearly([]coauthnet.Paper{paper("y", 2020, one(""), nil)}, Options{})
	if st := s.Stats(); st.NoKnownNode != 1 || st.Used != 0 || len(s.Years()) != 0 {
		t.Errorf("no known node: stats %+v years %v", st, s.Years())
	}
}

func TestYearsFilter(t *testing.T) {
	s := Yearly(workedExample(), Options{Years: Year(2020)})
	if st := s.Stats(); st.OutOfYears != 2 || st.Used != 2 {
		t.Errorf("stats %+v, want 2 out of years, 2 used", st)
	}
	if ys := s.Years(); len(ys) != 1 || ys[0] != 2020 {
		t.Errorf("years %v, want [2020]", ys)
	}
}

func TestWindows(t *testing.T) {
	var ps []coauthnet.Paper
	for y := 2005; y <= 2014; y++ {
		ps = append(ps, paper("p", y, one("CN"), one("US")))
	}
	s := Yearly(ps, Options{})
	w := s.Windows(5, 2)
	// Starts 2005, 2007, 2009; 2011-2015 would pass 2014.
	want := []Period{{2005, 2009}, {2007, 2011}, {2009, 2013}}
	if len(w) != len(want) {
		t.Fatalf("windows %v, want %v", w, want)
	}
	for i := range w {
		if w[i] != want[i] {
			t.Errorf("window %d = %v, want %v", i, w[i], want[i])
		}
		// One CN–US paper a year with n_p = 2: bifrac 1 per paper.
		g := s.Range(w[i])
		if got, _ := g.Between(0, 1); got[BiFrac] != 5 || got[Full] != 5 {
			t.Errorf("%v: CN-US = %v, want full 5 bifrac 5", w[i], got)
		}
	}
}

func TestGroupEU27(t *testing.T) {
	ps := []coauthnet.Paper{
		paper("a", 2020, one("DE"), one("FR"), one("CN")),
		paper("b", 2020, one("DE", "FR"), one("US")),
	}
	g := Build(ps, Options{Groups: []Group{EU27}})
	eu, ok := g.Index("EU27")
	if !ok || g.Len() != 3 {
		t.Fatalf("nodes %v, want CN EU27 US", g.keys)
	}
	// Paper a as CN + EU27×2: n=3, P(CN,EU)=2 → bifrac 2/3; EU domestic (4−2)/6 = 1/3.
	// Paper b: author 1 DE and FR both EU27, w=1; P(EU,US)=1 → bifrac 1.
	cn, _ := g.Index("CN")
	if w, _ := g.Between(cn, eu); !near(w[BiFrac], 2.0/3) {
		t.Errorf("CN-EU27 bifrac = %v, want 2/3", w[BiFrac])
	}
	if d := g.Node(eu); d.Papers != 2 || !near(d.Domestic, 1.0/3) || !near(d.Output, 2.0/3+1.0/2) {
		t.Errorf("EU27 = %+v", d)
	}
	if g.Name(eu) != "EU27" || g.Country(eu) != "" {
		t.Errorf("EU27 name %q country %q", g.Name(eu), g.Country(eu))
	}
	bad := Options{Groups: []Group{EU27, {Name: "X", Members: []string{"DE"}}}}
	if bad.Validate() == nil {
		t.Error("DE in two groups: Validate returned nil")
	}
}

func TestInstitutions(t *testing.T) {
	tsinghua := coauthnet.Affiliation{Institution: "Tsinghua Univ", InstitutionID: "https://ror.org/03cve4549", Country: "CN"}
	tsinghua2 := coauthnet.Affiliation{Institution: "Tsinghua University", InstitutionID: "https://ror.org/03cve4549", Country: "CN"}
	mit := coauthnet.Affiliation{Institution: "MIT.", Country: "US"}
	mit2 := coauthnet.Affiliation{Institution: "mit", Country: "US"}
	noName := coauthnet.Affiliation{Country: "US"}
	ps := []coauthnet.Paper{
		{ID: "a", Year: 2020, Authors: []coauthnet.Author{
			{Affiliations: []coauthnet.Affiliation{tsinghua}},
			{Affiliations: []coauthnet.Affiliation{mit}},
			{Affiliations: []coauthnet.Affiliation{noName}},
		}},
		{ID: "b", Year: 2020, Authors: []coauthnet.Author{
			{Affiliations: []coauthnet.Affiliation{tsinghua2}},
			{Affiliations: []coauthnet.Affiliation{tsinghua2}},
			{Affiliations: []coauthnet.Affiliation{mit2}},
		}},
	}
	s := Yearly(ps, Options{Level: Institutions})
	g := s.At(2020)
	// Keys: "US:mit" sorts before "https://…"? No: 'U' (0x55) < 'h' (0x68).
	if g.Len() != 2 || g.Label(0) != "US:mit" || g.Label(1) != "https://ror.org/03cve4549" {
		t.Fatalf("nodes %v", g.keys)
	}
	if s.Stats().AuthorsUnknown != 1 {
		t.Errorf("authors unknown %d, want 1 (country but no institution)", s.Stats().AuthorsUnknown)
	}
	// Names are counted per author-affiliation: "Tsinghua University" twice
	// (paper b) beats "Tsinghua Univ" once; "MIT." and "mit" tie 1–1 and the
	// smallest in byte order wins ('M' < 'm').
	if g.Name(0) != "MIT." || g.Name(1) != "Tsinghua University" || g.Country(1) != "CN" || g.Country(0) != "US" {
		t.Errorf("names %q %q countries %q %q", g.Name(0), g.Name(1), g.Country(0), g.Country(1))
	}
	// a: n=2 (third author unknown) bifrac 1; b: n=3, P=2·1 → 4/6 = 2/3.
	if w, _ := g.Between(0, 1); !near(w[BiFrac], 1+2.0/3) || w[Full] != 2 {
		t.Errorf("MIT–Tsinghua = %v", w)
	}
}

// TestInstitutionKey: keys of institutions without an identifier are
// COUNTRY:folded name, ZZ:name without a country.
func TestInstitutionKey(t *testing.T) {
	tests := []struct{ name, country, want string }{
		{"Tsinghua Univ.", "CN", "CN:tsinghua univ"},
		{"  Univ   of  Oxford, ", "GB", "GB:univ of oxford"},
		{"Texas A&M Univ", "US", "US:texas a&m univ"},
		{"Université Paris-Saclay", "FR", "FR:université paris-saclay"},
		// No country: ZZ, the code of the unknown node (the key began
		// with ":" before).
		{"MIT", "", "ZZ:mit"},
		{" Univ. Finland 2", "", "ZZ:univ finland 2"},
	}
	for _, tt := range tests {
		if got := InstitutionKey(tt.name, tt.country); got != tt.want {
			t.Errorf("InstitutionKey(%q, %q) = %q, want %q", tt.name, tt.country, got, tt.want)
		}
	}
}

func TestPapersPerPeriod(t *testing.T) {
	// docs/DESIGN.md §11: P1, P2 in 2019; P3, P4 in 2020; all have a known node.
	s := Yearly(workedExample(), Options{})
	if s.At(2019).Papers() != 2 || s.At(2020).Papers() != 2 || s.Range(s.Span()).Papers() != 4 {
		t.Errorf("papers %d %d %d", s.At(2019).Papers(), s.At(2020).Papers(), s.Range(s.Span()).Papers())
	}
}

// TestStatsRead: Stats.Read spans the years of every paper given, in
// Options.Years or not, leaving out year 0. The worked example has
// papers of 2019 and 2020; with Years 2030 all four are out of years
// and Read is still 2019–2020; a paper without a year changes nothing;
// nothing given leaves the zero Period.
func TestStatsRead(t *testing.T) {
	ps := append(workedExample(), paper("P5", 0, one("CN"), one("US")))
	for _, o := range []Options{{}, {Years: Year(2030)}} {
		if st := Yearly(ps, o).Stats(); st.Read != (Period{2019, 2020}) {
			t.Errorf("Years %v: Read %v, want 2019-2020", o.Years, st.Read)
		}
	}
	if st := Yearly(nil, Options{}).Stats(); st.Read != (Period{}) {
		t.Errorf("no papers: Read %v, want the zero Period", st.Read)
	}
	if st := Yearly([]coauthnet.Paper{paper("a", 2021, one("CN"), one("US")), paper("b", 2003, one("CN"), one("US"))}, Options{}).Stats(); st.Read != (Period{2003, 2021}) {
		t.Errorf("2021 then 2003: Read %v, want 2003-2021", st.Read)
	}
}
