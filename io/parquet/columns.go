package parquet

import (
	"fmt"
	"io"

	pq "github.com/parquet-go/parquet-go"

	"github.com/coauthnet/coauthnet"
)

// columns are the leaf columns that Minimal reads directly, when the file
// has the canonical layout (affiliation leaves with maximum repetition
// and definition level 2: authors list, affiliations list).
type columns struct {
	id, doi, year         int
	inst, instID, country int
}

var affPath = []string{"authors", "list", "element", "affiliations", "list", "element"}

func lookupColumns(s *pq.Schema) (columns, bool) {
	var c columns
	leaf := func(dst *int, maxLevel int, path ...string) bool {
		lc, ok := s.Lookup(path...)
		if !ok || lc.MaxRepetitionLevel != maxLevel || lc.MaxDefinitionLevel != maxLevel {
			return false
		}
		*dst = lc.ColumnIndex
		return true
	}
	ok := leaf(&c.id, 0, "id") && leaf(&c.doi, 0, "doi") && leaf(&c.year, 0, "year") &&
		leaf(&c.inst, 2, append(affPath[:6:6], "institution")...) &&
		leaf(&c.instID, 2, append(affPath[:6:6], "institution_id")...) &&
		leaf(&c.country, 2, append(affPath[:6:6], "country")...)
	return c, ok
}

// eachValue calls use with the values of column c of row group rg, in
// batches from one reused buffer; the values' bytes are valid only
// during the call.
func eachValue(rg pq.RowGroup, c int, use func([]pq.Value)) error {
	pages := rg.ColumnChunks()[c].Pages()
	defer pages.Close()
	buf := make([]pq.Value, 4096)
	for {
		pg, err := pages.ReadPage()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		vr := pg.Values()
		for {
			n, err := vr.ReadValues(buf)
			use(buf[:n])
			if err == io.EOF || (err == nil && n == 0) {
				break
			}
			if err != nil {
				pq.Release(pg)
				return err
			}
		}
		pq.Release(pg)
	}
}

// readColumns decodes the papers of row group rg from its columns: id,
// doi, year and the affiliations, reconstructed from repetition levels
// (0 a new paper, 1 a new author, 2 another affiliation of the same
// author) and definition levels (0 no author, 1 an author without
// affiliation, 2 an affiliation).
func (r *Reader) readColumns(rg pq.RowGroup, first int) (ps []coauthnet.Paper, errs []error) {
	c := r.cols
	var codes [26 * 26]string // two-letter country codes, without hashing
	cache := map[string]string{}
	intern := func(b []byte) string {
		if len(b) == 0 {
			return ""
		}
		if len(b) == 2 && b[0]-'A' < 26 && b[1]-'A' < 26 {
			k := int(b[0]-'A')*26 + int(b[1]-'A')
			if codes[k] == "" {
				codes[k] = string(b)
			}
			return codes[k]
		}
		if s, ok := cache[string(b)]; ok {
			return s
		}
		s := string(b)
		if len(cache) < 1<<16 {
			cache[s] = s
		}
		return s
	}
	rows := int(rg.NumRows())
	nvals := int(rg.ColumnChunks()[c.country].NumValues())
	var ids, dois []string
	years := make([]int, 0, rows)
	// Unique strings (ids, DOIs) are gathered into one buffer per column
	// and cut from one string: one allocation a row group, not a paper.
	type uniq struct {
		buf  []byte
		ends []int
	}
	idBuf, doiBuf := uniq{ends: make([]int, 0, rows)}, uniq{ends: make([]int, 0, rows)}
	gather := func(u *uniq) func([]pq.Value) {
		return func(vs []pq.Value) {
			for _, v := range vs {
				u.buf = append(u.buf, v.ByteArray()...)
				u.ends = append(u.ends, len(u.buf))
			}
		}
	}
	cut := func(u *uniq) []string {
		all := string(u.buf)
		out := make([]string, len(u.ends))
		start := 0
		for i, e := range u.ends {
			out[i] = all[start:e]
			start = e
		}
		return out
	}
	interned := func(dst *[]string) func([]pq.Value) {
		return func(vs []pq.Value) {
			for _, v := range vs {
				*dst = append(*dst, intern(v.ByteArray()))
			}
		}
	}
	// The three affiliation columns share their levels: keep them once.
	levels := make([]uint8, 0, nvals) // rep<<2 | def
	country := make([]string, 0, nvals)
	var inst, instID []string
	if !r.Countries {
		inst, instID = make([]string, 0, nvals), make([]string, 0, nvals)
	}
	steps := []struct {
		col int
		use func([]pq.Value)
	}{
		{c.id, gather(&idBuf)},
		{c.doi, gather(&doiBuf)},
		{c.year, func(vs []pq.Value) {
			for _, v := range vs {
				years = append(years, int(v.Int32()))
			}
		}},
		{c.inst, interned(&inst)},
		{c.instID, interned(&instID)},
		{c.country, func(vs []pq.Value) {
			for _, v := range vs {
				levels = append(levels, uint8(v.RepetitionLevel())<<2|uint8(v.DefinitionLevel()))
				country = append(country, intern(v.ByteArray()))
			}
		}},
	}
	if r.Countries {
		steps = append(steps[:3], steps[5]) // no institution columns
	}
	for _, st := range steps {
		if err := eachValue(rg, st.col, st.use); err != nil {
			return nil, []error{fmt.Errorf("parquet: %s: %w", r.Name, err)}
		}
	}
	ids, dois = cut(&idBuf), cut(&doiBuf)
	n := len(ids)
	if r.Countries {
		inst = make([]string, len(country))
		instID = inst
	}
	if len(dois) != n || len(years) != n || len(inst) != len(country) || len(instID) != len(country) {
		return nil, []error{fmt.Errorf("parquet: %s: columns of a row group differ in length", r.Name)}
	}
	papers := make([]coauthnet.Paper, n)
	for i := range papers {
		papers[i] = coauthnet.Paper{ID: ids[i], DOI: dois[i], Year: years[i]}
	}
	// Authors and affiliations come from slabs, a few allocations a row
	// group: the authors of a paper, and the affiliations of an author,
	// are contiguous runs, attached when the run ends.
	authors := make([]coauthnet.Author, 0, nvals)
	affs := make([]coauthnet.Affiliation, 0, nvals)
	row, aStart, fStart := -1, 0, 0
	endAuthor := func() {
		if len(authors) > aStart && len(affs) > fStart {
			authors[len(authors)-1].Affiliations = affs[fStart:len(affs):len(affs)]
		}
		fStart = len(affs)
	}
	endPaper := func() {
		endAuthor()
		if row >= 0 && len(authors) > aStart {
			papers[row].Authors = authors[aStart:len(authors):len(authors)]
		}
		aStart = len(authors)
	}
	for k := range country {
		rep, def := int(levels[k]>>2), int(levels[k]&3)
		if rep == 0 {
			endPaper()
			row++
			if row >= n {
				return nil, []error{fmt.Errorf("parquet: %s: more affiliation rows than papers", r.Name)}
			}
		}
		if row < 0 {
			return nil, []error{fmt.Errorf("parquet: %s: affiliation column does not start a row", r.Name)}
		}
		if def >= 1 && rep <= 1 {
			endAuthor()
			if len(authors) == cap(authors) { // new slab; carry this paper's authors over
				next := make([]coauthnet.Author, len(authors)-aStart, max(4096, 2*(len(authors)-aStart)))
				copy(next, authors[aStart:])
				authors, aStart = next, 0
			}
			authors = append(authors, coauthnet.Author{})
		}
		if def == 2 {
			if len(authors) == aStart {
				return nil, []error{fmt.Errorf("parquet: %s: affiliation without author", r.Name)}
			}
			if len(affs) == cap(affs) { // new slab; carry this author's affiliations over
				next := make([]coauthnet.Affiliation, len(affs)-fStart, max(8192, 2*(len(affs)-fStart)))
				copy(next, affs[fStart:])
				affs, fStart = next, 0
			}
			affs = append(affs, coauthnet.Affiliation{Institution: inst[k], InstitutionID: instID[k], Country: country[k]})
		}
	}
	endPaper()
	for i := range papers {
		if err := papers[i].Validate(); err != nil {
			errs = append(errs, &ParseError{Format: "parquet", Name: r.Name, Line: first + i, ID: papers[i].ID, Err: err})
			continue
		}
		ps = append(ps, papers[i])
	}
	return ps, errs
}
