package load

import (
	"maps"
	"os"
	"path/filepath"
	"testing"
)

// TestReadFieldMap: categories folded (FoldField: lower case, one space),
// comments skipped, the same pair twice allowed; a category mapped to two
// fields, or a wrong header, is an error naming the file and line; an
// empty path is no map.
func TestReadFieldMap(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	m, err := ReadFieldMap(write("ok.csv", "category,field\n# a comment\nNuclear Physics,Physics\n  nuclear   PHYSICS ,Physics\nOptics, Physics\n"))
	if want := map[string]string{"nuclear physics": "Physics", "optics": "Physics"}; err != nil || !maps.Equal(m, want) {
		t.Errorf("ReadFieldMap = %v, %v; want %v", m, err, want)
	}
	bad := write("two.csv", "category,field\nOptics,Physics\noptics,Engineering\n")
	if _, err := ReadFieldMap(bad); err == nil || err.Error() != bad+`:3: category "optics" mapped to "Physics" and "Engineering"` {
		t.Errorf("two fields: %v", err)
	}
	hdr := write("hdr.csv", "cat,field\nOptics,Physics\n")
	if _, err := ReadFieldMap(hdr); err == nil || err.Error() != hdr+": want a header row category,field" {
		t.Errorf("bad header: %v", err)
	}
	if m, err := ReadFieldMap(""); m != nil || err != nil {
		t.Errorf(`ReadFieldMap("") = %v, %v; want nil, nil`, m, err)
	}
}
