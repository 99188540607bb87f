package graph

import (
	"errors"
	"fmt"
	"strings"

	"github.com/coauthnet/coauthnet"
)

// Text forms of the options: each option type implements
// encoding.TextMarshaler and encoding.TextUnmarshaler, so that a command
// line (flag.TextVar), a JSON or a TOML configuration parse the same
// words with the same errors as the Parse functions.

// MarshalText returns "country" or "institution".
func (l Level) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// UnmarshalText parses "country" or "institution", as [ParseLevel].
func (l *Level) UnmarshalText(b []byte) (err error) {
	*l, err = ParseLevel(string(b))
	return err
}

// MarshalText returns the counting's name: full, bifrac, frac or share.
func (c Counting) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText parses a counting name, as [ParseCounting].
func (c *Counting) UnmarshalText(b []byte) (err error) {
	*c, err = ParseCounting(string(b))
	return err
}

// A CountingList is an ordered list of counting methods, the first being
// the one an analysis uses as "weight". Its text form is a comma list
// such as "bifrac,full,frac,share" (the order of [Countings], the
// default); a name given twice or an unknown name is an error
// ([ParseCountings]).
type CountingList []Counting

// MarshalText returns the comma list of the names.
func (cl CountingList) MarshalText() ([]byte, error) {
	names := make([]string, len(cl))
	for i, c := range cl {
		names[i] = c.String()
	}
	return []byte(strings.Join(names, ",")), nil
}

// UnmarshalText parses a comma list of counting names, as [ParseCountings].
func (cl *CountingList) UnmarshalText(b []byte) error {
	cs, err := ParseCountings(string(b))
	if err == nil {
		*cl = cs
	}
	return err
}

// MarshalText returns "first" or "corresponding".
func (l Leader) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// UnmarshalText parses "first" ([FirstAuthor]) or "corresponding"
// ([CorrespondingAuthor]).
func (l *Leader) UnmarshalText(b []byte) error {
	switch string(b) {
	case "first":
		*l = FirstAuthor
	case "corresponding":
		*l = CorrespondingAuthor
	default:
		return fmt.Errorf("leader %q: want first or corresponding", b)
	}
	return nil
}

// MarshalText returns "2019" for one year, "2013-2017" for a range, and
// "" for the zero Period (every year, as in [Options].Years).
func (p Period) MarshalText() ([]byte, error) {
	return []byte(p.String()), nil
}

// UnmarshalText parses "2019" or "2005-2024" ([ParsePeriod]); "" is the
// zero Period, every year.
func (p *Period) UnmarshalText(b []byte) (err error) {
	if len(b) == 0 {
		*p = Period{}
		return nil
	}
	*p, err = ParsePeriod(string(b))
	return err
}

// UnknownNodes is the text form of [Options].KeepUnknown: "drop" (false,
// the default: authors without a known node are left out) or "node"
// (true: they are counted as the node [coauthnet.Unknown], "ZZ"). Bind it
// to the field with a conversion: (*UnknownNodes)(&o.KeepUnknown).
type UnknownNodes bool

// MarshalText returns "drop" or "node".
func (u UnknownNodes) MarshalText() ([]byte, error) {
	if u {
		return []byte("node"), nil
	}
	return []byte("drop"), nil
}

// UnmarshalText parses "drop" or "node".
func (u *UnknownNodes) UnmarshalText(b []byte) error {
	switch string(b) {
	case "drop":
		*u = false
	case "node":
		*u = true
	default:
		return fmt.Errorf("unknown nodes %q: want drop or node", b)
	}
	return nil
}

// HyperPapers is the text form of [Options].HyperOnly: "" (false, the
// default: every paper, or those with at most MaxAuthors authors) or
// "only" (true: only the papers with more than MaxAuthors authors).
// Bind it to the field with a conversion: (*HyperPapers)(&o.HyperOnly).
type HyperPapers bool

// MarshalText returns "" or "only".
func (h HyperPapers) MarshalText() ([]byte, error) {
	if h {
		return []byte("only"), nil
	}
	return []byte{}, nil
}

// UnmarshalText parses "" or "only".
func (h *HyperPapers) UnmarshalText(b []byte) error {
	switch string(b) {
	case "":
		*h = false
	case "only":
		*h = true
	default:
		return fmt.Errorf("hyper %q: want only (and --max-authors N for the threshold)", b)
	}
	return nil
}

// GroupList is the form of [Options].Groups as a repeatable
// command-line flag (a flag.Value): each Set appends one group as
// [ParseGroup] takes it ("NAME=A,B,..." or "EU27"). Bind it to the field
// with a conversion: fs.Var((*GroupList)(&o.Groups), "group", usage).
// Members stay as written: [Options.ResolveGroups] makes them codes.
type GroupList []Group

// String returns the groups' names, comma-separated.
func (g *GroupList) String() string {
	var s []string
	for _, x := range *g {
		s = append(s, x.Name)
	}
	return strings.Join(s, ",")
}

// Set appends the group v ([ParseGroup]); a malformed v is an error
// and appends nothing.
func (g *GroupList) Set(v string) error {
	grp, err := ParseGroup(v)
	if err == nil {
		*g = append(*g, grp)
	}
	return err
}

// PeriodPair is the text form of two periods compared with each other
// (growth, drift): "P1,P2" as [ParsePeriodPair] takes it
// ("2013-2017,2018-2022"); the zero value, no pair, is "".
type PeriodPair [2]Period

// MarshalText returns "P1,P2", or "" for the zero value.
func (p PeriodPair) MarshalText() ([]byte, error) {
	if p == (PeriodPair{}) {
		return []byte{}, nil
	}
	return []byte(p[0].String() + "," + p[1].String()), nil
}

// UnmarshalText parses "P1,P2" (ParsePeriodPair), or "" for no pair.
func (p *PeriodPair) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*p = PeriodPair{}
		return nil
	}
	two, err := ParsePeriodPair(string(b))
	if err != nil {
		return fmt.Errorf("periods %q: want two periods such as 2013-2017,2018-2022", b)
	}
	*p = two
	return nil
}

// Pair returns the two periods, or nil for the zero value (no pair), as
// the options that take an optional pair want them.
func (p *PeriodPair) Pair() *[2]Period {
	if *p == (PeriodPair{}) {
		return nil
	}
	return (*[2]Period)(p)
}

// Node returns the key of a node named as people write it: at level
// [Countries] a country in any form [coauthnet.ParseCountry] takes ("us",
// "China", "Peoples R China", "USA"), the name of one of o.Groups (in any
// case), or [coauthnet.Unknown] with o.KeepUnknown; at level
// [Institutions] the name of a group or ZZ likewise, else the key as
// given, but a country is an error there ("CN is a country; at
// institution level a node is an institution key …"): institution keys
// are ids or COUNTRY:name ([InstitutionKey]), never a bare country. Three
// letters are taken as a key at that level, not as an ISO alpha-3 code:
// acronyms of institutions coincide with them (ETH is Ethiopia's). White
// space around the name is trimmed. An unknown country is an error that
// names near matches; an empty name is an error.
func (o *Options) Node(name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", fmt.Errorf("empty node name")
	}
	for _, g := range o.Groups {
		if strings.EqualFold(g.Name, name) {
			return g.Name, nil
		}
	}
	if strings.EqualFold(name, coauthnet.Unknown) && o.KeepUnknown {
		return coauthnet.Unknown, nil
	}
	if o.Level != Countries {
		if code, err := coauthnet.ParseCountry(name); err == nil && len(name) != 3 {
			if !strings.EqualFold(name, code) {
				name += " (" + code + ")"
			}
			return "", fmt.Errorf("%s is a country; at institution level a node is an institution key: an institution id such as https://ror.org/03cve4549, or COUNTRY:name such as CN:tsinghua univ", name)
		}
		return name, nil
	}
	return coauthnet.ParseCountry(name)
}

// Poles parses two different nodes "P,Q" (each as [Options.Node] takes
// it, e.g. "CN,US" or "China,USA"), the poles of blocs and of a report.
func (o *Options) Poles(s string) (p, q string, err error) {
	a, b, ok := strings.Cut(s, ",")
	if !ok || strings.TrimSpace(a) == "" || strings.TrimSpace(b) == "" || strings.Contains(b, ",") {
		return "", "", fmt.Errorf("poles %q: want two nodes, e.g. CN,US or China,USA", s)
	}
	if p, err = o.Node(a); err == nil {
		q, err = o.Node(b)
	}
	if err != nil {
		return "", "", fmt.Errorf("poles %q: %w", s, err)
	}
	if p == q {
		return "", "", fmt.Errorf("poles %q: the two poles are the same node %s", s, p)
	}
	return p, q, nil
}

// PolePair resolves the two poles of a comparison (blocs, a report's
// timelines) given in any of the three ways a command line gives them:
// poles "P,Q" ([Options.Poles]); focal and rival one by one (each as
// [Options.Node] takes it); or poles with focal naming which of the two
// is focal. It returns the focal pole first. An empty string is an
// option not given, and so is an empty result: focal alone gives an
// empty rival, rival alone an empty focal, nothing two empty strings
// (the caller's defaults, or its error when it needs both). A rival
// given with poles, a focal that is not one of the poles, and a focal
// equal to the rival are errors.
func (o *Options) PolePair(poles, focal, rival string) (p, q string, err error) {
	switch {
	case rival != "" && poles != "":
		return "", "", errors.New("rival goes with focal, instead of poles")
	case poles != "":
		if p, q, err = o.Poles(poles); err != nil || focal == "" {
			return p, q, err
		}
		if focal, err = o.Node(focal); err == nil && focal != p && focal != q {
			err = fmt.Errorf("focal %s is not one of the poles %s", focal, poles)
		}
		if err != nil {
			return "", "", err
		}
		if focal == q {
			p, q = q, p
		}
		return p, q, nil
	}
	if focal != "" {
		if p, err = o.Node(focal); err != nil {
			return "", "", fmt.Errorf("focal: %w", err)
		}
	}
	if rival != "" {
		if q, err = o.Node(rival); err != nil {
			return "", "", fmt.Errorf("rival: %w", err)
		}
	}
	if p != "" && p == q {
		return "", "", fmt.Errorf("focal and rival are the same node %s", p)
	}
	return p, q, nil
}

// ResolveGroups rewrites the members of o.Groups at level [Countries]
// as country codes, each member written in any form
// [coauthnet.ParseCountry] takes ("Germany", "france", "DE"); a member
// that is not a country is an error naming the group. At level
// [Institutions] members are keys and stay as given. The Groups slice
// and its members are copied, not changed in place.
func (o *Options) ResolveGroups() error {
	if o.Level != Countries {
		return nil
	}
	groups := make([]Group, len(o.Groups))
	for i, g := range o.Groups {
		groups[i] = Group{Name: g.Name, Members: make([]string, len(g.Members))}
		for j, m := range g.Members {
			c, err := coauthnet.ParseCountry(m)
			if err != nil {
				return fmt.Errorf("group %s: %w", g.Name, err)
			}
			groups[i].Members[j] = c
		}
	}
	o.Groups = groups
	return nil
}
