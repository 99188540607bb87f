package main

import (
	"strings"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
)

// nodeArg returns the node key of a node given on the command line
// (--focal, --rival, --poles): at country level, a country as people
// write it (coauthnet.ParseCountry: "us", "China", "Peoples R China",
// "USA"), a --group name, or ZZ with --unknown node; at institution
// level the key as given. An unknown country is a usage error that
// names near matches.
func (f *inputFlags) nodeArg(flagName, v string) (string, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", usagef("%s: empty", flagName)
	}
	if f.opts.Level != graph.Countries {
		return v, nil
	}
	for _, g := range f.groups {
		if strings.EqualFold(g.Name, v) {
			return g.Name, nil
		}
	}
	if strings.EqualFold(v, coauthnet.Unknown) && f.opts.KeepUnknown {
		return coauthnet.Unknown, nil
	}
	c, err := coauthnet.ParseCountry(v)
	if err != nil {
		return "", usagef("%s: %s", flagName, userMessage(err))
	}
	return c, nil
}

// parsePoles parses --poles P,Q: two different nodes (countries as
// people write them, see nodeArg).
func (f *inputFlags) parsePoles(s string) (p, q string, err error) {
	a, b, ok := strings.Cut(s, ",")
	if !ok || strings.TrimSpace(a) == "" || strings.TrimSpace(b) == "" || strings.Contains(b, ",") {
		return "", "", usagef("--poles %q: want two nodes, e.g. --poles CN,US or --poles China,USA", s)
	}
	if p, err = f.nodeArg("--poles", a); err != nil {
		return "", "", err
	}
	if q, err = f.nodeArg("--poles", b); err != nil {
		return "", "", err
	}
	if p == q {
		return "", "", usagef("--poles %q: the two poles are the same node %s", s, p)
	}
	return p, q, nil
}

// resolveGroups turns the members of --group into country codes at
// country level (a member that is not a country is a usage error).
func (f *inputFlags) resolveGroups() error {
	if f.opts.Level != graph.Countries {
		return nil
	}
	for i, g := range f.groups {
		members := make([]string, len(g.Members))
		for j, m := range g.Members {
			c, err := coauthnet.ParseCountry(m)
			if err != nil {
				return usagef("--group %s: %s", g.Name, userMessage(err))
			}
			members[j] = c
		}
		f.groups[i].Members = members
	}
	return nil
}
