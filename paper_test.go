package coauthnet

import (
	"errors"
	"testing"
)

func TestValidate(t *testing.T) {
	ok := Paper{ID: "x", Year: 2019, Authors: []Author{{Affiliations: []Affiliation{{Country: "CN"}, {Country: "XK"}, {}}}}}
	if err := ok.Validate(); err != nil {
		t.Errorf("valid paper: %v", err)
	}
	tests := []struct {
		name string
		p    Paper
		want error
	}{
		{"no id", Paper{Year: 2019}, ErrNoID},
		{"no year", Paper{ID: "x"}, ErrNoYear},
		{"lower-case country", Paper{ID: "x", Year: 2019, Authors: []Author{{Affiliations: []Affiliation{{Country: "cn"}}}}}, ErrBadCountry},
		{"country name", Paper{ID: "x", Year: 2019, Authors: []Author{{Affiliations: []Affiliation{{Country: "China"}}}}}, ErrBadCountry},
	}
	for _, tt := range tests {
		if err := tt.p.Validate(); !errors.Is(err, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, err, tt.want)
		}
	}
	if err := (&Paper{ID: "x", Year: 20190}).Validate(); err == nil {
		t.Error("year 20190 accepted")
	}
}

func TestCountries(t *testing.T) {
	// Names from Debian iso-codes 4.15 (common_name where present).
	for code, want := range map[string]string{"CN": "China", "TW": "Taiwan", "KR": "South Korea", "CI": "Côte d'Ivoire", "TR": "Türkiye", "GB": "United Kingdom", "ZZ": "Unknown", "XK": "Kosovo", "QQ": "QQ"} {
		if got := CountryName(code); got != want {
			t.Errorf("CountryName(%s) = %q, want %q", code, got, want)
		}
	}
	if n := len(Countries()); n != 249 {
		t.Errorf("%d ISO 3166-1 countries, want 249", n)
	}
}

func TestCountryPolicy(t *testing.T) {
	// docs/DESIGN.md §7: iso keeps TW, HK, MO; prc maps all three to CN;
	// prc-sar maps HK and MO only.
	want := map[CountryPolicy]map[string]string{
		PolicyISO:    {"TW": "TW", "HK": "HK", "MO": "MO", "CN": "CN", "US": "US"},
		PolicyPRC:    {"TW": "CN", "HK": "CN", "MO": "CN", "CN": "CN", "US": "US"},
		PolicyPRCSAR: {"TW": "TW", "HK": "CN", "MO": "CN", "CN": "CN", "US": "US"},
	}
	for pol, m := range want {
		for from, to := range m {
			if got := pol.Map(from); got != to {
				t.Errorf("%s: %s → %s, want %s", pol, from, got, to)
			}
		}
		if p, err := ParseCountryPolicy(pol.String()); err != nil || p != pol {
			t.Errorf("ParseCountryPolicy(%q) = %v, %v", pol, p, err)
		}
	}
	p := Paper{ID: "x", Year: 2020, Authors: []Author{{Affiliations: []Affiliation{{Country: "HK"}, {Country: "TW"}}}}}
	var changes []string
	PolicyPRCSAR.Apply(&p, func(from, to string) { changes = append(changes, from+"→"+to) })
	if len(changes) != 1 || changes[0] != "HK→CN" || p.Authors[0].Affiliations[0].Country != "CN" || p.Authors[0].Affiliations[1].Country != "TW" {
		t.Errorf("prc-sar Apply: %v, %+v", changes, p.Authors[0].Affiliations)
	}
	if _, err := ParseCountryPolicy("china"); err == nil {
		t.Error("unknown policy accepted")
	}
}
