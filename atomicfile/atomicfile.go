// Package atomicfile writes output files so that they are never seen
// half-written: each is written to a temporary file in the same
// directory and renamed to its name when complete (rename is atomic
// within a directory on POSIX systems). A failed write removes its
// temporary file and leaves any earlier file of that name untouched.
//
// The temporary files being written are tracked so that a signal
// handler can remove them with [RemoveAll] before the program exits.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
)

var (
	mu    sync.Mutex
	temps = map[string]bool{}
)

// Write calls write with a writer to a new temporary file beside path,
// then syncs, closes and renames it to path. It returns the first error
// (of write, of the file's Sync or Close, of the rename) and removes the
// temporary file on error. A new file gets mode 0666 before the umask, as
// os.Create gives; an existing regular file keeps its mode.
//
// A path that exists and is not a regular file (a device such as
// /dev/null, a named pipe) is written in place, as os.Create would: it
// cannot be replaced. A symbolic link is followed: its target is
// replaced, not the link.
func Write(path string, write func(io.Writer) error) (err error) {
	mode := 0o666 &^ umask()
	if fi, err := os.Stat(path); err == nil {
		if !fi.Mode().IsRegular() {
			return writeInPlace(path, write)
		}
		mode = fi.Mode().Perm()
		if real, err := filepath.EvalSymlinks(path); err == nil {
			path = real
		}
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	fh, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			pe.Path = path // name the file asked for, not the temporary one
		}
		return err
	}
	tmp := fh.Name()
	track(tmp, true)
	defer func() {
		if err != nil {
			fh.Close()
			os.Remove(tmp)
			err = fmt.Errorf("writing %s: %w", path, err)
		}
		track(tmp, false)
	}()
	if err = os.Chmod(tmp, mode); err != nil {
		return err
	}
	if err = write(fh); err != nil {
		return err
	}
	if err = fh.Sync(); err != nil {
		return err
	}
	if err = fh.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// writeInPlace writes to a path that is not a regular file.
func writeInPlace(path string, write func(io.Writer) error) error {
	fh, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return err
	}
	err = write(fh)
	if cerr := fh.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

func track(tmp string, on bool) {
	mu.Lock()
	defer mu.Unlock()
	if on {
		temps[tmp] = true
	} else {
		delete(temps, tmp)
	}
}

// RemoveAll removes the temporary files of the writes in progress and
// returns their names. A write in progress then fails (its rename finds
// no file), so nothing half-written appears under an output name.
func RemoveAll() []string {
	mu.Lock()
	defer mu.Unlock()
	var names []string
	for t := range temps {
		os.Remove(t)
		names = append(names, t)
		delete(temps, t)
	}
	return names
}
