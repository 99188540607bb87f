// Package atomicfile writes output files so that they are never seen
// half-written: each is written to a temporary file in the same
// directory and renamed to its name when complete (rename is atomic
// within a directory on POSIX systems). A failed write removes its
// temporary file and leaves any earlier file of that name untouched.
//
// The temporary files being written are tracked so that a signal
// handler can remove them with [RemoveAll] before the program exits.
// RemoveAll stops the writes for good: a write in progress never renames
// its file into place afterwards, and later writes block, so that an
// interrupted program leaves no output that its handler did not see.
// [OnSignal] installs such a handler: on SIGINT or SIGTERM it removes
// the temporary files and the new outputs of the run ([Track]) and
// calls the program's function, which says so and exits.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"sync"
	"time"
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
	// Created and registered under the lock, so that RemoveAll never
	// misses a temporary file that exists.
	mu.Lock()
	fh, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err == nil {
		temps[fh.Name()] = true
	}
	mu.Unlock()
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			pe.Path = path // name the file asked for, not the temporary one
		}
		return err
	}
	tmp := fh.Name()
	renamed := false
	defer func() {
		if renamed {
			return
		}
		if err != nil {
			fh.Close()
			os.Remove(tmp)
			err = fmt.Errorf("writing %s: %w", path, err)
		}
		mu.Lock()
		delete(temps, tmp)
		mu.Unlock()
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
	// Renamed under the lock: after RemoveAll (which keeps the lock) a
	// file is never renamed into place.
	mu.Lock()
	defer mu.Unlock()
	if err = os.Rename(tmp, path); err == nil {
		renamed = true
		delete(temps, tmp)
	}
	return err
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

// CheckParent reports whether [Write] could create a file at path,
// without writing it: for a program to call before its work, so that an
// output in a directory that does not exist (a typing mistake in -o) is
// an error at once, not after reading every input. The error names path
// and says what is wrong: the directory does not exist, is not a
// directory, or does not let a file be created in it (checked by creating
// and removing an empty temporary file there, under the lock that
// [RemoveAll] takes, so that a signal handler never leaves it). A path that is a directory is an error; one that exists
// and is not a regular file (/dev/null) is written in place by Write and
// passes. It is a check, not a promise: the directory may change before
// Write.
func CheckParent(path string) error {
	fi, err := os.Stat(path)
	if err == nil {
		if fi.IsDir() {
			return fmt.Errorf("cannot write %s: it is a directory", path)
		}
		if !fi.Mode().IsRegular() {
			return nil
		}
	}
	dir := filepath.Dir(path)
	di, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("cannot write %s: directory %s does not exist", path, dir)
	case err != nil:
		return fmt.Errorf("cannot write %s: %w", path, err)
	case !di.IsDir():
		return fmt.Errorf("cannot write %s: %s is not a directory", path, dir)
	}
	mu.Lock()
	fh, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err == nil {
		fh.Close()
		os.Remove(fh.Name())
	}
	mu.Unlock()
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return fmt.Errorf("cannot write %s: cannot create a file in %s: %w", path, dir, err)
	}
	return nil
}

// WriteDir calls write with a directory to fill for dir. When dir does
// not exist, that is a new temporary directory beside it, renamed to dir
// when write succeeds and removed when it fails, so that a failed or
// interrupted run leaves no partial directory; the new directory gets
// mode 0777 before the umask. When dir exists, write gets dir itself (its
// files should be written with [Write]).
func WriteDir(dir string, write func(into string) error) (err error) {
	if _, err := os.Stat(dir); err == nil {
		return write(dir)
	}
	parent, base := filepath.Split(filepath.Clean(dir))
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o777); err != nil {
		return err
	}
	mu.Lock()
	tmp, err := os.MkdirTemp(parent, "."+base+".tmp-*")
	if err == nil {
		temps[tmp] = true
	}
	mu.Unlock()
	if err != nil {
		return err
	}
	renamed := false
	defer func() {
		if renamed {
			return
		}
		if err != nil {
			os.RemoveAll(tmp)
		}
		mu.Lock()
		delete(temps, tmp)
		mu.Unlock()
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = os.Chmod(tmp, 0o777&^umask()); err != nil {
		return err
	}
	mu.Lock()
	defer mu.Unlock()
	if err = os.Rename(tmp, dir); err == nil {
		renamed = true
		delete(temps, tmp)
	}
	return err
}

// RemoveAll removes the temporary files and directories of the writes in
// progress and returns their names. It is meant for a program about to
// exit (a signal handler): it keeps the package's lock, so that no write
// in progress renames its file into place afterwards and every later
// write blocks. A temporary directory is removed again while something
// else still writes into it (up to ten tries, 10 ms apart).
func RemoveAll() []string {
	mu.Lock()
	var names []string
	for t := range temps {
		for try := 0; try < 10; try++ {
			if os.RemoveAll(t) == nil {
				if _, err := os.Lstat(t); os.IsNotExist(err) {
					break
				}
			}
			time.Sleep(10 * time.Millisecond)
		}
		names = append(names, t)
		delete(temps, t)
	}
	return names
}

// created are the outputs recorded by Track, under their own lock:
// RemoveAll keeps mu for good, and RemoveCreated runs after it.
var (
	createdMu sync.Mutex
	created   = map[string]bool{}
)

// Track records path as an output about to be written when it does not
// exist yet, so that [RemoveCreated] removes it even once complete: an
// interrupted run then leaves nothing that was not there before it. A
// path that exists (or cannot be checked) is not tracked.
func Track(path string) {
	if _, err := os.Lstat(path); !os.IsNotExist(err) {
		return
	}
	createdMu.Lock()
	created[path] = true
	createdMu.Unlock()
}

// RemoveCreated removes every path recorded by Track (files and
// directories, recursively) and returns those it removed: a path
// tracked but never written is not among them. Called after RemoveAll
// (which stops every write), it removes the complete new outputs too.
func RemoveCreated() []string {
	createdMu.Lock()
	defer createdMu.Unlock()
	var names []string
	for p := range created {
		if _, err := os.Lstat(p); err == nil && os.RemoveAll(p) == nil {
			names = append(names, p)
		}
		delete(created, p)
	}
	return names
}

// OnSignal makes the first of sigs that the program receives (e.g.
// os.Interrupt and syscall.SIGTERM: Ctrl-C and kill) remove what the
// run was writing and had written: the temporary files and directories
// of the writes in progress ([RemoveAll], which stops every write for
// good), then the new outputs recorded by [Track] ([RemoveCreated]).
// It then calls f, in a goroutine of its own, with the signal and the
// names removed (temporary ones first). As no write can complete
// afterwards, f should end the program: say what it was doing and call
// os.Exit (130 is the shell's status for an interrupt). Without sigs
// OnSignal does nothing (signal.Notify would relay every signal, the
// runtime's own among them).
func OnSignal(f func(sig os.Signal, removed []string), sigs ...os.Signal) {
	if len(sigs) == 0 {
		return
	}
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, sigs...)
	go func() {
		sig := <-ch
		f(sig, append(RemoveAll(), RemoveCreated()...))
	}()
}
