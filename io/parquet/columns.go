package parquet

import (
	"errors"
	"fmt"
	"io"

	pq "github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/encoding"

	"github.com/coauthnet/coauthnet"
)

// columns are the leaf columns that Minimal reads directly, when the file
// has the canonical layout (affiliation leaves with maximum repetition
// and definition level 2: authors list, affiliations list).
type columns struct {
	id, doi, year         int
	inst, instID, country int
	// For Reader.Extra; extra is false when the file lacks them.
	fields, citations, corresponding int
	extra                            bool
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
	c.extra = leaf(&c.fields, 1, "fields", "list", "element") && leafDef(s, &c.citations, 0, 1, "citations") &&
		leaf(&c.corresponding, 1, "authors", "list", "element", "corresponding")
	return c, ok
}

// leafDef finds a leaf column with the given maximum repetition and
// definition levels.
func leafDef(s *pq.Schema, dst *int, rep, def int, path ...string) bool {
	lc, ok := s.Lookup(path...)
	if !ok || lc.MaxRepetitionLevel != rep || lc.MaxDefinitionLevel != def {
		return false
	}
	*dst = lc.ColumnIndex
	return true
}

// eachPage calls use with every page of column c of row group rg; the
// page is released after the call.
func eachPage(rg pq.RowGroup, c int, use func(pq.Page) error) error {
	pages := rg.ColumnChunks()[c].Pages()
	defer pages.Close()
	for {
		pg, err := pages.ReadPage()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		err = use(pg)
		pq.Release(pg)
		if err != nil {
			return err
		}
	}
}

// errLayout means a page whose values are not the kind its column
// should hold, or do not match its levels.
var errLayout = errors.New("page values do not match the column")

// strs gives the defined values of one BYTE_ARRAY page by position,
// straight from the page's buffers (dictionary indexes or plain bytes:
// no parquet.Value per value).
type strs struct {
	n     int
	at    func(j int) string
	bytes func(j int) []byte // plain pages: the value's bytes, valid during the page
}

// pageStrings returns the defined values of pg. A dictionary page's
// entries are converted by conv once per column chunk (dict caches
// them); plain values are converted by conv on each call of at.
func pageStrings(pg pq.Page, dict *dictCache, conv func([]byte) string) (strs, error) {
	data := pg.Data()
	switch data.Kind() {
	case encoding.Int32: // dictionary indexes
		d := pg.Dictionary()
		if d == nil {
			return strs{}, errLayout
		}
		if d != dict.d {
			dict.d, dict.vals, dict.have = d, make([]string, d.Len()), make([]bool, d.Len())
		}
		idx := data.Int32()
		for _, i := range idx {
			if i < 0 || int(i) >= len(dict.vals) {
				return strs{}, fmt.Errorf("%w: dictionary index %d of %d", errLayout, i, len(dict.vals))
			}
		}
		at := func(j int) string {
			i := idx[j]
			if !dict.have[i] {
				dict.vals[i], dict.have[i] = conv(d.Index(i).ByteArray()), true
			}
			return dict.vals[i]
		}
		return strs{n: len(idx), at: at, bytes: func(j int) []byte { return []byte(at(j)) }}, nil
	case encoding.ByteArray:
		b, offs := data.ByteArray()
		if len(offs) == 0 {
			return strs{}, nil
		}
		for k := 0; k+1 < len(offs); k++ {
			if offs[k] > offs[k+1] || int(offs[k+1]) > len(b) {
				return strs{}, fmt.Errorf("%w: byte offsets %d-%d of %d", errLayout, offs[k], offs[k+1], len(b))
			}
		}
		get := func(j int) []byte { return b[offs[j]:offs[j+1]] }
		return strs{n: len(offs) - 1, at: func(j int) string { return conv(get(j)) }, bytes: get}, nil
	}
	return strs{}, errLayout
}

// dictCache holds the converted entries of one dictionary.
type dictCache struct {
	d    pq.Dictionary
	vals []string
	have []bool
}

// readColumns decodes the papers of row group rg from its columns: id,
// doi, year, then the structure of authors and affiliations from the
// country column's repetition levels (0 a new paper, 1 a new author, 2
// another affiliation of the same author) and definition levels (0 no
// author, 1 an author without affiliation, 2 an affiliation), then the
// institution columns, whose j-th value belongs to the j-th affiliation.
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
	fail := func(err error) ([]coauthnet.Paper, []error) {
		return nil, []error{fmt.Errorf("parquet: %s: %w", r.Name, err)}
	}
	rows := int(rg.NumRows())
	nvals := int(rg.ColumnChunks()[c.country].NumValues())
	if rows < 0 || nvals < 0 {
		return fail(errLayout)
	}
	// Unique strings (ids, DOIs) are gathered into one buffer per column
	// and cut from one string: one allocation a row group, not a paper.
	type uniq struct {
		buf  []byte
		ends []int
	}
	gather := func(u *uniq) func(pq.Page) error {
		var dict dictCache
		return func(pg pq.Page) error {
			v, err := pageStrings(pg, &dict, func(b []byte) string { return string(b) })
			for j := 0; j < v.n; j++ {
				u.buf = append(u.buf, v.bytes(j)...)
				u.ends = append(u.ends, len(u.buf))
			}
			return err
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
	idBuf, doiBuf := uniq{ends: make([]int, 0, rows)}, uniq{ends: make([]int, 0, rows)}
	years := make([]int, 0, rows)
	for _, st := range []struct {
		col int
		use func(pq.Page) error
	}{
		{c.id, gather(&idBuf)},
		{c.doi, gather(&doiBuf)},
		{c.year, func(pg pq.Page) error {
			data := pg.Data()
			if data.Kind() != encoding.Int32 {
				return errLayout
			}
			for _, y := range data.Int32() {
				years = append(years, int(y))
			}
			return nil
		}},
	} {
		if err := eachPage(rg, st.col, st.use); err != nil {
			return fail(err)
		}
	}
	ids, dois := cut(&idBuf), cut(&doiBuf)
	n := len(ids)
	if len(dois) != n || len(years) != n {
		return fail(errors.New("columns of a row group differ in length"))
	}
	papers := make([]coauthnet.Paper, n)
	for i := range papers {
		papers[i] = coauthnet.Paper{ID: ids[i], DOI: dois[i], Year: years[i]}
	}

	// One slab each for the authors and the affiliations of the row
	// group (nvals bounds both): an author's affiliations, and a paper's
	// authors, are contiguous runs, attached when the run ends; the
	// institution columns then fill the affiliations in place.
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
	var countryDict dictCache
	err := eachPage(rg, c.country, func(pg pq.Page) error {
		reps, defs := pg.RepetitionLevels(), pg.DefinitionLevels()
		if len(reps) != len(defs) {
			return errLayout
		}
		v, err := pageStrings(pg, &countryDict, intern)
		if err != nil {
			return err
		}
		j := 0
		for k, d := range defs {
			rep := reps[k]
			if rep == 0 {
				endPaper()
				row++
				if row >= n {
					return errors.New("more affiliation rows than papers")
				}
			}
			if row < 0 {
				return errors.New("affiliation column does not start a row")
			}
			if d >= 1 && rep <= 1 {
				endAuthor()
				if len(authors) == cap(authors) {
					return fmt.Errorf("%w: more authors than the chunk's %d values", errLayout, nvals)
				}
				authors = append(authors, coauthnet.Author{})
			}
			if d == 2 {
				if len(authors) == aStart {
					return errors.New("affiliation without author")
				}
				if j >= v.n || len(affs) == cap(affs) {
					return fmt.Errorf("%w: more defined levels than values", errLayout)
				}
				affs = append(affs, coauthnet.Affiliation{Country: v.at(j)})
				j++
			}
		}
		if j != v.n {
			return fmt.Errorf("%w: %d values for %d defined levels", errLayout, v.n, j)
		}
		return nil
	})
	if err != nil {
		return fail(err)
	}
	endPaper()
	if !r.Countries {
		for _, col := range []struct {
			c   int
			set func(a *coauthnet.Affiliation, s string)
		}{
			{c.inst, func(a *coauthnet.Affiliation, s string) { a.Institution = s }},
			{c.instID, func(a *coauthnet.Affiliation, s string) { a.InstitutionID = s }},
		} {
			var dict dictCache
			j := 0
			err := eachPage(rg, col.c, func(pg pq.Page) error {
				v, err := pageStrings(pg, &dict, intern)
				if err != nil {
					return err
				}
				if j+v.n > len(affs) {
					return fmt.Errorf("%w: more institutions than affiliations", errLayout)
				}
				for k := 0; k < v.n; k++ {
					col.set(&affs[j], v.at(k))
					j++
				}
				return nil
			})
			if err == nil && j != len(affs) {
				err = fmt.Errorf("%w: %d institutions for %d affiliations", errLayout, j, len(affs))
			}
			if err != nil {
				return fail(err)
			}
		}
	}
	if r.Extra {
		if err := r.readExtra(rg, papers, authors, intern); err != nil {
			return fail(err)
		}
	}
	ps = papers[:0] // valid papers, filtered in place
	for i := range papers {
		if err := papers[i].Validate(); err != nil {
			errs = append(errs, &ParseError{Format: "parquet", Name: r.Name, Line: first + i, ID: papers[i].ID, Err: err})
			continue
		}
		ps = append(ps, papers[i])
	}
	return ps, errs
}

// readExtra fills what Reader.Extra adds: each paper's fields and
// citations, and each author's corresponding flag (the j-th value of
// that column belongs to the j-th author of the row group).
func (r *Reader) readExtra(rg pq.RowGroup, papers []coauthnet.Paper, authors []coauthnet.Author, intern func([]byte) string) error {
	c := r.cols
	// fields: rep 0 starts a paper; def 1 is a field.
	var dict dictCache
	row := -1
	err := eachPage(rg, c.fields, func(pg pq.Page) error {
		reps, defs := pg.RepetitionLevels(), pg.DefinitionLevels()
		v, err := pageStrings(pg, &dict, intern)
		if err != nil {
			return err
		}
		if len(reps) != len(defs) {
			return errLayout
		}
		j := 0
		for k, d := range defs {
			if reps[k] == 0 {
				row++
			}
			if row < 0 || row >= len(papers) {
				return fmt.Errorf("%w: fields of %d rows for %d papers", errLayout, row+1, len(papers))
			}
			if d == 1 {
				if j >= v.n {
					return fmt.Errorf("%w: more defined fields than values", errLayout)
				}
				papers[row].Fields = append(papers[row].Fields, v.at(j))
				j++
			}
		}
		if j != v.n {
			return fmt.Errorf("%w: %d field values for %d defined levels", errLayout, v.n, j)
		}
		return nil
	})
	if err != nil {
		return err
	}
	// citations: one level per paper; def 1 is a count. The counts of a
	// row group share one slab.
	cites := make([]int, 0, len(papers))
	row = 0
	err = eachPage(rg, c.citations, func(pg pq.Page) error {
		defs := pg.DefinitionLevels()
		data := pg.Data()
		if data.Kind() != encoding.Int64 {
			return errLayout
		}
		vals := data.Int64()
		j := 0
		for _, d := range defs {
			if row >= len(papers) {
				return fmt.Errorf("%w: more citation rows than papers", errLayout)
			}
			if d == 1 {
				if j >= len(vals) {
					return fmt.Errorf("%w: more defined citations than values", errLayout)
				}
				cites = append(cites, int(vals[j]))
				papers[row].Citations = &cites[len(cites)-1]
				j++
			}
			row++
		}
		return nil
	})
	if err != nil {
		return err
	}
	// corresponding: one boolean per author, in byline order.
	j := 0
	err = eachPage(rg, c.corresponding, func(pg pq.Page) error {
		vr := pg.Values()
		buf := make([]pq.Value, 1024)
		for {
			n, err := vr.ReadValues(buf)
			for _, v := range buf[:n] {
				if v.DefinitionLevel() != 1 {
					continue // a paper without authors
				}
				if j >= len(authors) {
					return fmt.Errorf("%w: more corresponding flags than authors", errLayout)
				}
				authors[j].Corresponding = v.Boolean()
				j++
			}
			if err == io.EOF || (err == nil && n == 0) {
				return nil
			}
			if err != nil {
				return err
			}
		}
	})
	if err == nil && j != len(authors) {
		err = fmt.Errorf("%w: %d corresponding flags for %d authors", errLayout, j, len(authors))
	}
	return err
}
