package tables

import (
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
)

// TestMoversLabel: the rank-movers table names each node beside its
// key, as the node tables do (label: graph.Name). At institution level
// the keys are ROR ids, meaningless alone; the table showed only them.
// Hand-made corpus: Univ A (ROR a) writes with Univ B (ROR b) in 2019
// and 2020, and with Univ C (no id: key "FR:univ c") in 2020 only. B
// ranks 1st among A's partners in 2019 and 2nd in 2020 (B and C have
// one paper each with A, a tie broken by key: "FR:…" < "https:…"); its
// drift is 0 (its own partners are A alone both years); C is ranked in
// 2020 only, so it is no mover.
func TestMoversLabel(t *testing.T) {
	aff := func(name, id, country string) coauthnet.Author {
		return coauthnet.Author{Affiliations: []coauthnet.Affiliation{{Institution: name, InstitutionID: id, Country: country}}}
	}
	a := aff("Univ A", "https://ror.org/0aaaaaa00", "CN")
	b := aff("Univ B", "https://ror.org/0bbbbbb00", "US")
	c := aff("Univ C", "", "FR")
	cnt := graph.NewCounter(graph.Options{Level: graph.Institutions})
	for _, p := range []coauthnet.Paper{
		{ID: "1", Year: 2019, Authors: []coauthnet.Author{a, b}},
		{ID: "2", Year: 2020, Authors: []coauthnet.Author{a, b}},
		{ID: "3", Year: 2020, Authors: []coauthnet.Author{a, c}},
	} {
		cnt.Add(&p)
	}
	s := cnt.Series()
	mt := MoversTable(RankMovers(s.At(2019), s.At(2020), "https://ror.org/0aaaaaa00", graph.BiFrac))
	if got := len(mt.Rows); got != 1 {
		t.Fatalf("%d rows: %v", got, mt.Rows)
	}
	if mt.Columns[1] != "label" || mt.Rows[0][0] != "https://ror.org/0bbbbbb00" || mt.Rows[0][1] != "Univ B" || mt.Rows[0][2] != 0.0 || mt.Rows[0][3] != 1 || mt.Rows[0][4] != 2 {
		t.Errorf("columns %v, row %v; want B's key, Univ B, drift 0, rank 1 → 2", mt.Columns, mt.Rows[0])
	}
}
