package scopus

import "testing"

// An export without the Author(s) ID column (Scopus's "Author full
// names" carries the ids in parentheses since 2022): the ids come from
// the names; "(n/a)" is no id; a name list whose count differs from
// Author(s) ID leaves that column unused.
func TestIDsFromFullNames(t *testing.T) {
	const in = `Authors,Author full names,Title,Year,Affiliations,Authors with affiliations,EID
"Li, X.; Smith, J.; Doe, J.","Li, Xiang (57200000001); Smith, John (n/a); Doe, Jane (57200000003)","T",2023,"Tsinghua University, Beijing, China","Li, X., Tsinghua University, Beijing, China",2-s2.0-9
`
	ps, pes, err := read(t, in)
	if err != nil || len(pes) > 0 || len(ps) != 1 {
		t.Fatalf("%d papers, %v, %v", len(ps), pes, err)
	}
	want := []string{"57200000001", "", "57200000003"}
	for i, a := range ps[0].Authors {
		if a.ID != want[i] || a.Name == "" {
			t.Errorf("author %d: %q id %q, want %q", i+1, a.Name, a.ID, want[i])
		}
	}
	// The recent fixture has both: Author(s) ID is used, and agrees.
	ps, _, _ = read(t, recent)
	if ps[0].Authors[0].ID != "57200000001" || ps[0].Authors[1].ID != "57200000002" {
		t.Errorf("recent: %+v", ps[0].Authors)
	}
}
