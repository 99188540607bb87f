package community

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// blocFile is the user bloc file: JSON with lists of node keys.
type blocFile struct {
	Comment     string   `json:"comment"`
	Partners    []string `json:"partners"`
	Competitors []string `json:"competitors"`
}

// ReadBlocFile reads user blocs from a JSON file
// {"comment": "...", "partners": [...], "competitors": [...]} of node
// keys (testdata/blocs-aspi.json), for use instead of inferred blocs: it
// returns node key → [Partner] or [Competitor]. Unknown fields, and a
// node in both lists, are errors naming the file. Nodes in neither list
// are hedgers ([BlocOf]).
func ReadBlocFile(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f blocFile
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%s: %v (want {\"partners\": [...], \"competitors\": [...]})", path, err)
	}
	m := map[string]string{}
	for _, c := range f.Partners {
		m[c] = Partner
	}
	for _, c := range f.Competitors {
		if m[c] == Partner {
			return nil, fmt.Errorf("%s: %s is both a partner and a competitor", path, c)
		}
		m[c] = Competitor
	}
	return m, nil
}

// BlocOf returns the bloc of node in a map of blocs (ReadBlocFile,
// Blocs.Map): [Hedger] when the node is in none.
func BlocOf(node string, bloc map[string]string) string {
	if b := bloc[node]; b != "" {
		return b
	}
	return Hedger
}
