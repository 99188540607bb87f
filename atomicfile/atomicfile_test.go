package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	if err := Write(path, func(w io.Writer) error { _, err := io.WriteString(w, "one"); return err }); err != nil {
		t.Fatal(err)
	}
	// A failing write leaves the earlier file and no temporary file.
	boom := errors.New("boom")
	err := Write(path, func(w io.Writer) error { io.WriteString(w, "half"); return boom })
	if !errors.Is(err, boom) {
		t.Errorf("error %v", err)
	}
	b, _ := os.ReadFile(path)
	ents, _ := os.ReadDir(dir)
	if string(b) != "one" || len(ents) != 1 {
		t.Errorf("content %q, %d entries", b, len(ents))
	}
	fi, _ := os.Stat(path)
	if want := 0o666 &^ umask(); fi.Mode().Perm() != want {
		t.Errorf("mode %v, want %v", fi.Mode().Perm(), want)
	}
	// RemoveAll during a write: the temporary file goes, the write fails,
	// nothing appears under the new name.
	newPath := filepath.Join(dir, "new.txt")
	err = Write(newPath, func(w io.Writer) error {
		if got := RemoveAll(); len(got) != 1 {
			t.Errorf("RemoveAll removed %q", got)
		}
		return nil
	})
	if err == nil {
		t.Error("write whose temporary file was removed succeeded")
	}
	if _, err := os.Stat(newPath); !os.IsNotExist(err) {
		t.Errorf("new.txt exists: %v", err)
	}
	if len(temps) != 0 {
		t.Errorf("temps %v", temps)
	}
}
