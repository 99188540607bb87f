//go:build unix

package atomicfile

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// onSignalDir names the directory of the helper process of
// TestOnSignal (set only in that process).
const onSignalDir = "ATOMICFILE_TEST_ONSIGNAL_DIR"

// TestOnSignal runs a process (this test binary again) that rewrites an
// existing file, writes a new one, starts filling a new directory and
// sends itself SIGTERM midway: OnSignal's function gets SIGTERM and the
// two names to remove (the directory's temporary twin, then the new
// file); afterwards only the rewritten old file is left. Without sigs,
// OnSignal catches nothing (checked in the same process: a SIGUSR1
// caught by a test channel does not reach it).
func TestOnSignal(t *testing.T) {
	if dir := os.Getenv(onSignalDir); dir != "" {
		onSignalHelper(dir)
		return
	}
	if testing.Short() {
		t.Skip("runs a process")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "old.txt"), []byte("before"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestOnSignal$")
	cmd.Env = append(os.Environ(), onSignalDir+"="+dir)
	out, err := cmd.Output()
	if cmd.ProcessState == nil || cmd.ProcessState.ExitCode() != 3 {
		t.Fatalf("helper: %v, want exit status 3; output:\n%s", err, out)
	}
	// What the helper wrote (onSignalHelper): the signal, then the
	// removed names relative to dir, in the order given.
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 3 || lines[0] != "terminated" || !strings.HasPrefix(lines[1], ".part.tmp-") || lines[2] != "new.txt" {
		t.Errorf("helper said %q, want terminated, .part.tmp-*, new.txt", lines)
	}
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 1 || es[0].Name() != "old.txt" {
		t.Errorf("left in the directory: %v, want only old.txt", es)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "old.txt")); string(b) != "after" {
		t.Errorf("old.txt holds %q, want its rewrite %q (it existed before: not removed)", b, "after")
	}

	// Without signals OnSignal installs nothing.
	called := make(chan bool, 1)
	OnSignal(func(os.Signal, []string) { called <- true })
	probe := make(chan os.Signal, 1)
	signal.Notify(probe, syscall.SIGUSR1)
	defer signal.Stop(probe)
	syscall.Kill(os.Getpid(), syscall.SIGUSR1)
	<-probe
	select {
	case <-called:
		t.Error("OnSignal without sigs caught SIGUSR1")
	case <-time.After(100 * time.Millisecond):
	}
}

// onSignalHelper is the process of TestOnSignal: it exits with status 3
// from OnSignal's function, after printing the signal and the names
// removed.
func onSignalHelper(dir string) {
	OnSignal(func(sig os.Signal, removed []string) {
		fmt.Println(sig)
		for _, r := range removed {
			rel, _ := filepath.Rel(dir, r)
			fmt.Println(rel)
		}
		os.Exit(3)
	}, syscall.SIGTERM)
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		Track(p)
		if err := Write(p, func(w io.Writer) error { _, err := io.WriteString(w, text); return err }); err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
	}
	write("old.txt", "after") // existed: rewritten, not tracked
	write("new.txt", "new")   // new and complete: removed on the signal
	part := filepath.Join(dir, "part")
	Track(part)
	WriteDir(part, func(into string) error {
		os.WriteFile(filepath.Join(into, "x"), []byte("x"), 0o644)
		syscall.Kill(os.Getpid(), syscall.SIGTERM)
		select {} // interrupted while writing
	})
}
