package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
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
	// RemoveAll during a write: the temporary file goes and the write
	// never renames anything into place: it blocks (the program is about
	// to exit), and when the lock is given back it fails.
	newPath := filepath.Join(dir, "new.txt")
	done := make(chan error)
	go func() {
		done <- Write(newPath, func(w io.Writer) error {
			if got := RemoveAll(); len(got) != 1 {
				t.Errorf("RemoveAll removed %q", got)
			}
			return nil
		})
	}()
	select {
	case err := <-done:
		t.Fatalf("Write returned %v after RemoveAll: want it to block", err)
	case <-time.After(100 * time.Millisecond):
	}
	mu.Unlock() // what os.Exit would end; here the test goes on
	if err := <-done; err == nil {
		t.Error("write whose temporary file was removed succeeded")
	}
	if _, err := os.Stat(newPath); !os.IsNotExist(err) {
		t.Errorf("new.txt exists: %v", err)
	}
	if len(temps) != 0 {
		t.Errorf("temps %v", temps)
	}
}

// /dev/null is written in place, never replaced; a symbolic link's
// target is replaced and the link kept; an existing file keeps its mode.
func TestWriteSpecial(t *testing.T) {
	if err := Write(os.DevNull, func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(os.DevNull); err != nil || fi.Mode().IsRegular() {
		t.Fatalf("%s became a regular file: %v", os.DevNull, err)
	}
	dir := t.TempDir()
	target, link := filepath.Join(dir, "target"), filepath.Join(dir, "link")
	os.WriteFile(target, []byte("old"), 0o600)
	if err := os.Symlink(target, link); err != nil {
		t.Skip(err)
	}
	if err := Write(link, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(target)
	fi, _ := os.Lstat(link)
	ti, _ := os.Stat(target)
	if string(b) != "new" || fi.Mode()&os.ModeSymlink == 0 || ti.Mode().Perm() != 0o600 {
		t.Errorf("target %q, link mode %v, target mode %v", b, fi.Mode(), ti.Mode().Perm())
	}
}

// WriteDir: a failing write leaves no directory; a successful one leaves
// only the new directory; an existing directory is written in place.
func TestWriteDir(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "report")
	boom := errors.New("boom")
	err := WriteDir(dir, func(into string) error {
		os.WriteFile(filepath.Join(into, "a.csv"), []byte("x"), 0o644)
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("error %v", err)
	}
	ents, _ := os.ReadDir(parent)
	if len(ents) != 0 {
		t.Errorf("left behind: %v", ents)
	}
	if err := WriteDir(dir, func(into string) error {
		return Write(filepath.Join(into, "a.csv"), func(io.Writer) error { return nil })
	}); err != nil {
		t.Fatal(err)
	}
	ents, _ = os.ReadDir(parent)
	fi, _ := os.Stat(dir)
	if len(ents) != 1 || ents[0].Name() != "report" || fi.Mode().Perm() != 0o777&^umask() {
		t.Errorf("entries %v, mode %v", ents, fi.Mode())
	}
	var got string
	WriteDir(dir, func(into string) error { got = into; return nil })
	if got != dir {
		t.Errorf("existing directory: wrote into %q", got)
	}
}

// CheckParent: each way an output cannot be created is an error naming
// the path and the cause, before anything is written; a writable
// directory passes and is left as it was.
func TestCheckParent(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, []byte("x"), 0o666); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path, want string // want "" for no error
	}{
		{filepath.Join(dir, "out.graphml"), ""},
		{file, ""}, // an existing file is replaced
		{filepath.Join(dir, "nodir", "sub", "out.csv"), "cannot write " + filepath.Join(dir, "nodir", "sub", "out.csv") + ": directory " + filepath.Join(dir, "nodir", "sub") + " does not exist"},
		{filepath.Join(file, "out.csv"), file + " is not a directory"},
		{dir, "cannot write " + dir + ": it is a directory"},
		{os.DevNull, ""}, // written in place
	} {
		err := CheckParent(c.path)
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("CheckParent(%s) = %v, want %q", c.path, err, c.want)
		}
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("CheckParent left %d entries, want the 1 file", len(ents))
	}
	// A directory that lets no file be created (not for root, whom
	// permissions do not stop).
	if os.Geteuid() == 0 {
		t.Log("root: read-only directory not checked")
		return
	}
	ro := filepath.Join(dir, "ro")
	if err := os.Mkdir(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	if err := CheckParent(filepath.Join(ro, "x.csv")); err == nil || !strings.Contains(err.Error(), "cannot create a file in "+ro) {
		t.Errorf("read-only directory: %v", err)
	}
}
