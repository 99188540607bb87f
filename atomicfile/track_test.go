package atomicfile

import (
	"io"
	"os"
	"path/filepath"
	"testing"
)

// Track records only outputs that do not exist yet; RemoveCreated
// removes them once written, and leaves what existed before. A path
// tracked but never written is not reported as removed.
func TestTrackRemoveCreated(t *testing.T) {
	dir := t.TempDir()
	old, new := filepath.Join(dir, "old.txt"), filepath.Join(dir, "new")
	if err := os.WriteFile(old, []byte("before"), 0o644); err != nil {
		t.Fatal(err)
	}
	Track(old)
	Track(new)
	Track(filepath.Join(dir, "never")) // never written
	if err := Write(old, func(w io.Writer) error { _, err := w.Write([]byte("after")); return err }); err != nil {
		t.Fatal(err)
	}
	if err := WriteDir(new, func(into string) error { return os.WriteFile(filepath.Join(into, "x"), nil, 0o644) }); err != nil {
		t.Fatal(err)
	}
	removed := RemoveCreated()
	if len(removed) != 1 || removed[0] != new {
		t.Errorf("RemoveCreated = %v, want [%s]", removed, new)
	}
	if _, err := os.Stat(new); !os.IsNotExist(err) {
		t.Errorf("%s still there: %v", new, err)
	}
	if b, err := os.ReadFile(old); err != nil || string(b) != "after" {
		t.Errorf("%s: %q, %v; want it kept", old, b, err)
	}
	if again := RemoveCreated(); len(again) != 0 {
		t.Errorf("second RemoveCreated = %v, want nothing", again)
	}
}
