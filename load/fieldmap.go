package load

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"strings"
)

// ReadFieldMap reads a field map for [Options].FieldMap: a CSV file with
// a header row category,field and one row per source category (lines
// starting with # are comments). Categories are folded with [FoldField];
// a category mapped to two fields is an error. An empty path is no map:
// nil, the default of Options.FieldMap (categories kept as they are),
// so that an unset option needs no test of its own.
func ReadFieldMap(path string) (map[string]string, error) {
	if path == "" {
		return nil, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.Comment = '#'
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if len(rows) == 0 || len(rows[0]) != 2 || FoldField(rows[0][0]) != "category" || FoldField(rows[0][1]) != "field" {
		return nil, fmt.Errorf("%s: want a header row category,field", path)
	}
	m := map[string]string{}
	for i, row := range rows[1:] {
		c, fld := FoldField(row[0]), strings.TrimSpace(row[1])
		if c == "" || fld == "" {
			return nil, fmt.Errorf("%s:%d: empty category or field", path, i+2)
		}
		if prev, ok := m[c]; ok && prev != fld {
			return nil, fmt.Errorf("%s:%d: category %q mapped to %q and %q", path, i+2, row[0], prev, fld)
		}
		m[c] = fld
	}
	return m, nil
}
