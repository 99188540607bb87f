package graph

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// A Level says what a node is. Its text form (MarshalText, flags,
// configuration files) is "country" or "institution".
type Level int

const (
	// Countries: one node per ISO 3166-1 alpha-2 country code.
	Countries Level = iota
	// Institutions: one node per institution, keyed by its identifier
	// (ROR or source id) when present, else by country and normalised name.
	Institutions
)

var levelNames = [...]string{Countries: "country", Institutions: "institution"}

func (l Level) String() string {
	if l >= 0 && int(l) < len(levelNames) {
		return levelNames[l]
	}
	return fmt.Sprintf("Level(%d)", int(l))
}

// ParseLevel parses "country" or "institution".
func ParseLevel(s string) (Level, error) {
	for i, n := range levelNames {
		if strings.EqualFold(n, strings.TrimSpace(s)) {
			return Level(i), nil
		}
	}
	return 0, fmt.Errorf("unknown level %q (want country or institution)", s)
}

// A Counting is a method of turning a paper into edge weights. Every
// graph carries all of them; see the package documentation for formulas.
// Its text form is its name: full, bifrac, frac or share ([CountingList]
// is a comma list of them).
type Counting int

const (
	Full   Counting = iota // whole counting: 1 per paper with both nodes
	BiFrac                 // bidirectional fractional (Leydesdorff & Park 2017)
	Frac                   // fractional, author-link normalised (Perianes-Rodriguez et al. 2016)
	Share                  // Nature Index bilateral score s_A + s_B
	numCountings
)

// Countings lists every counting method in its default order.
var Countings = []Counting{BiFrac, Full, Frac, Share}

var countingNames = [...]string{Full: "full", BiFrac: "bifrac", Frac: "frac", Share: "share"}

func (c Counting) String() string {
	if c >= 0 && c < numCountings {
		return countingNames[c]
	}
	return fmt.Sprintf("Counting(%d)", int(c))
}

// ParseCounting parses one counting name: full, bifrac, frac or share.
func ParseCounting(s string) (Counting, error) {
	for i, n := range countingNames {
		if n == s {
			return Counting(i), nil
		}
	}
	return 0, fmt.Errorf("unknown counting %q (want full, bifrac, frac or share)", s)
}

// ParseCountings parses a comma-separated list of counting names, keeping
// its order and rejecting repeats and empty lists.
func ParseCountings(s string) ([]Counting, error) {
	var cs []Counting
	for _, f := range strings.Split(s, ",") {
		c, err := ParseCounting(strings.TrimSpace(f))
		if err != nil {
			return nil, err
		}
		if slices.Contains(cs, c) {
			return nil, fmt.Errorf("counting %q given twice", c)
		}
		cs = append(cs, c)
	}
	return cs, nil
}

// Weights holds one edge's weight under every counting method, indexed
// by [Counting]: w[graph.BiFrac].
type Weights [numCountings]float64

// NodeWeights are the weights of one node over a period.
type NodeWeights struct {
	// Papers is the whole count of papers with the node.
	Papers int
	// Intl is the number of those papers with at least one other node.
	Intl int
	// Output is the fractional output R_A = Σ_p s_pA.
	Output float64
	// Domestic is the bidirectional fractional weight of pairs of
	// different authors both in the node: Σ_p (n_pA² − Σ_i w_iA²)/(n_p(n_p−1)).
	Domestic float64
	// Lead is the number of papers the node leads: Σ_p w_lA, the lead
	// author's share in A (1 for an author with one affiliation, split
	// equally over a lead author's affiliations with a known node).
	// Options.Leader says who the lead author is.
	Lead float64
	// LeadIntl is Lead over the international papers only (those with
	// at least two nodes).
	LeadIntl float64
	// Impact sums the normalised citation impact of the node's papers
	// that have a citation count (with Options.Impact).
	Impact Impact
}

// Impact is a sum of normalised citation impacts over N papers.
//
// A paper's normalised impact is its citations divided by the mean
// citations of the papers counted in the same field and year (the
// CNCI of Clarivate's InCites, with the corpus as the baseline); for a
// paper in k fields it is the mean of its k ratios. A field-year whose
// papers were never cited has mean 0: its papers' ratio is taken as 1
// (cited exactly as their field, not at all). Papers without a citation
// count are not in N: unknown is not zero.
type Impact struct {
	Sum float64 // Σ normalised impact
	N   int     // papers with a citation count
}

// Mean returns Sum/N, or NaN when N is 0.
func (m Impact) Mean() float64 {
	if m.N == 0 {
		return math.NaN()
	}
	return m.Sum / float64(m.N)
}

func (m *Impact) add(o Impact) { m.Sum += o.Sum; m.N += o.N }

// A Leader says which author leads a paper. Its text form is "first"
// or "corresponding".
type Leader int

const (
	// FirstAuthor: the first author in byline order.
	FirstAuthor Leader = iota
	// CorrespondingAuthor: the first author marked corresponding
	// (reprint); papers without one have no leader.
	CorrespondingAuthor
)

func (l Leader) String() string {
	if l == CorrespondingAuthor {
		return "corresponding"
	}
	return "first"
}

// A Group is a named set of nodes counted as one node, as if it were a
// single country (or institution). Members are node keys: ISO codes at
// level [Countries], institution keys at level [Institutions].
type Group struct {
	Name    string
	Members []string
}

// EU27 is the European Union after 1 February 2020 (27 member states).
var EU27 = Group{Name: "EU27", Members: []string{
	"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
	"IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
}}

// ParseGroup parses a group as the command's --group takes it:
// "NAME=A,B,..." (spaces around the name and members trimmed, empty
// members dropped), or "EU27" for [EU27]. A missing name or member list
// is an error; a list of empty members gives a group without members,
// which [Options.Validate] refuses.
func ParseGroup(v string) (Group, error) {
	if v == "EU27" {
		return EU27, nil
	}
	name, list, ok := strings.Cut(v, "=")
	name = strings.TrimSpace(name)
	if !ok || name == "" || strings.TrimSpace(list) == "" {
		return Group{}, fmt.Errorf("want NAME=A,B,... or EU27, not %q", v)
	}
	g := Group{Name: name}
	for _, m := range strings.Split(list, ",") {
		if m = strings.TrimSpace(m); m != "" {
			g.Members = append(g.Members, m)
		}
	}
	return g, nil
}

// Options configure counting. The zero value counts countries, drops
// authors without a known node, uses every year and merges nothing.
type Options struct {
	Level Level
	// KeepUnknown keeps authors without any known node as the explicit
	// node [coauthnet.Unknown] ("ZZ") instead of leaving them out of n_p.
	KeepUnknown bool
	// Years restricts counting to papers published in Years (inclusive).
	// The zero Period means every year.
	Years Period
	// Groups are merged into one node each. A node may belong to one
	// group at most.
	Groups []Group
	// Leader says whose affiliations lead a paper (NodeWeights.Lead,
	// Edge.Lead).
	Leader Leader
	// MaxAuthors, when positive, leaves out papers with more than
	// MaxAuthors authors (hyper-authored papers), or with HyperOnly
	// counts only them. Stats.Hyper counts such papers either way (with
	// threshold [HyperAuthors] when MaxAuthors is 0).
	MaxAuthors int
	HyperOnly  bool
	// Impact computes normalised citation impact (NodeWeights.Impact,
	// Edge.Impact) from the papers' Citations and Fields.
	Impact bool
}

// HyperAuthors is the author count above which Stats.Hyper reports a
// paper as hyper-authored when Options.MaxAuthors is 0.
const HyperAuthors = 100

// Validate reports a group without a name or members, a name used twice,
// or a node in two groups.
func (o *Options) Validate() error {
	seen := map[string]string{}
	names := map[string]bool{}
	for _, g := range o.Groups {
		if g.Name == "" {
			return fmt.Errorf("graph: group without a name")
		}
		if len(g.Members) == 0 {
			return fmt.Errorf("graph: group %s has no members", g.Name)
		}
		if names[g.Name] {
			return fmt.Errorf("graph: group %s defined twice", g.Name)
		}
		names[g.Name] = true
		for _, m := range g.Members {
			if prev, ok := seen[m]; ok && prev != g.Name {
				return fmt.Errorf("graph: %s is in groups %s and %s", m, prev, g.Name)
			}
			seen[m] = g.Name
		}
	}
	if o.HyperOnly && o.MaxAuthors <= 0 {
		return fmt.Errorf("graph: HyperOnly needs MaxAuthors, the threshold")
	}
	if o.MaxAuthors < 0 {
		return fmt.Errorf("graph: MaxAuthors %d < 0", o.MaxAuthors)
	}
	if o.Years != (Period{}) && o.Years.From > o.Years.To {
		return fmt.Errorf("graph: years %d-%d: start after end", o.Years.From, o.Years.To)
	}
	return nil
}

// A Period is a closed range of publication years. A single year has
// From == To. Its text form is "2019" or "2013-2017", and "" for the
// zero Period (every year in [Options].Years).
type Period struct {
	From, To int
}

// Year returns the period of one year.
func Year(y int) Period { return Period{y, y} }

// Contains reports whether year y is in p.
func (p Period) Contains(y int) bool { return y >= p.From && y <= p.To }

// ParsePeriodPair parses two periods "P1,P2" (each as ParsePeriod
// takes it, e.g. "2013-2017,2018-2022"), as compared by growth and drift.
func ParsePeriodPair(s string) ([2]Period, error) {
	var two [2]Period
	a, b, ok := strings.Cut(s, ",")
	var err1, err2 error
	two[0], err1 = ParsePeriod(a)
	two[1], err2 = ParsePeriod(b)
	if !ok || err1 != nil || err2 != nil {
		return two, fmt.Errorf("graph: %q: want two periods such as 2013-2017,2018-2022", s)
	}
	return two, nil
}

// String returns "2019" for one year, "2013-2017" for a range and ""
// for the zero Period (every year), as [Period.MarshalText] does.
func (p Period) String() string {
	if p == (Period{}) {
		return ""
	}
	if p.From == p.To {
		return fmt.Sprint(p.From)
	}
	return fmt.Sprintf("%d-%d", p.From, p.To)
}

// ParsePeriod parses "2019" or "2005-2024".
func ParsePeriod(s string) (Period, error) {
	var p Period
	a, b, ok := strings.Cut(strings.TrimSpace(s), "-")
	if _, err := fmt.Sscanf(a, "%d", &p.From); err != nil || strings.TrimSpace(a) != fmt.Sprint(p.From) {
		return Period{}, fmt.Errorf("bad year range %q (want 2019 or 2005-2024)", s)
	}
	p.To = p.From
	if ok {
		if _, err := fmt.Sscanf(b, "%d", &p.To); err != nil || strings.TrimSpace(b) != fmt.Sprint(p.To) {
			return Period{}, fmt.Errorf("bad year range %q (want 2019 or 2005-2024)", s)
		}
	}
	if p.From > p.To {
		return Period{}, fmt.Errorf("bad year range %q: start after end", s)
	}
	return p, nil
}
