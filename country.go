package coauthnet

import (
	"fmt"
	"sort"
)

// CountryInfo describes one ISO 3166-1 country.
type CountryInfo struct {
	Code     string // alpha-2, e.g. "CN"
	Alpha3   string // alpha-3, e.g. "CHN"
	Name     string // neutral short name, e.g. "China", "Taiwan", "South Korea"
	ISOName  string // ISO 3166-1 name, e.g. "Korea, Republic of", "Viet Nam"
	Official string // official name when ISO has one, else the ISO name
}

// LookupCountry returns the ISO 3166-1 entry for an alpha-2 code.
// The table is generated from Debian's iso-codes (see countries_table.go).
func LookupCountry(code string) (CountryInfo, bool) {
	i := sort.Search(len(isoCountries), func(i int) bool { return isoCountries[i].Code >= code })
	if i < len(isoCountries) && isoCountries[i].Code == code {
		return isoCountries[i], true
	}
	return CountryInfo{}, false
}

// Countries returns the ISO 3166-1 table, sorted by code. The slice is a
// copy.
func Countries() []CountryInfo {
	return append([]CountryInfo(nil), isoCountries[:]...)
}

// CountryName returns the short name of an alpha-2 code, for labels:
// "Unknown" for [Unknown], "Kosovo" for XK (user-assigned, in wide use),
// and the code itself when it is not in ISO 3166-1.
func CountryName(code string) string {
	switch code {
	case Unknown:
		return "Unknown"
	case "XK":
		return "Kosovo"
	}
	if c, ok := LookupCountry(code); ok {
		return c.Name
	}
	return code
}

// A CountryPolicy says how the territories of Taiwan, Hong Kong and Macao
// are counted. It is a documented, switchable choice, never a silent
// default: results differ, and reports must say which was used. Its
// text form (MarshalText, flags, configuration files) is iso, prc or
// prc-sar.
type CountryPolicy int

const (
	// PolicyISO keeps TW, HK and MO as separate nodes, as ISO 3166-1 does.
	// It is the default.
	PolicyISO CountryPolicy = iota
	// PolicyPRC counts TW, HK and MO as CN.
	PolicyPRC
	// PolicyPRCSAR counts HK and MO (the special administrative regions)
	// as CN and keeps TW separate.
	PolicyPRCSAR
)

var policyNames = [...]string{PolicyISO: "iso", PolicyPRC: "prc", PolicyPRCSAR: "prc-sar"}

// String returns the policy's name as used on the command line.
func (p CountryPolicy) String() string {
	if p >= 0 && int(p) < len(policyNames) {
		return policyNames[p]
	}
	return fmt.Sprintf("CountryPolicy(%d)", int(p))
}

// ParseCountryPolicy parses "iso", "prc" or "prc-sar".
func ParseCountryPolicy(s string) (CountryPolicy, error) {
	for i, n := range policyNames {
		if n == s {
			return CountryPolicy(i), nil
		}
	}
	return 0, fmt.Errorf("unknown country policy %q (want iso, prc or prc-sar)", s)
}

// MarshalText returns the policy's name: iso, prc or prc-sar.
func (p CountryPolicy) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText parses iso, prc or prc-sar, as [ParseCountryPolicy], so
// that flag.TextVar and configuration files take the command's words.
func (p *CountryPolicy) UnmarshalText(b []byte) (err error) {
	*p, err = ParseCountryPolicy(string(b))
	return err
}

// Map returns the code a country is counted as under p.
// UK constituent nations are not handled here: readers map them to GB
// whatever the policy.
func (p CountryPolicy) Map(code string) string {
	switch p {
	case PolicyPRC:
		if code == "TW" || code == "HK" || code == "MO" {
			return "CN"
		}
	case PolicyPRCSAR:
		if code == "HK" || code == "MO" {
			return "CN"
		}
	}
	return code
}

// Apply rewrites the countries of p under policy pol and calls changed,
// if not nil, once for every affiliation whose country it changed, with
// the code before and after. It does nothing under [PolicyISO].
func (pol CountryPolicy) Apply(p *Paper, changed func(from, to string)) {
	if pol == PolicyISO {
		return
	}
	for i := range p.Authors {
		affs := p.Authors[i].Affiliations
		for j := range affs {
			if to := pol.Map(affs[j].Country); to != affs[j].Country {
				if changed != nil {
					changed(affs[j].Country, to)
				}
				affs[j].Country = to
			}
		}
	}
}
