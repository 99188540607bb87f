package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// buildBinary builds the command for tests that need a process to
// signal.
func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the command")
	}
	bin := filepath.Join(t.TempDir(), "coauthnet")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Skipf("cannot build the command: %v\n%s", err, out)
	}
	return bin
}

// entries lists dir's names (hidden ones included).
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// waitFor polls until cond holds or the process ends; it reports
// whether cond held.
func waitFor(cond func() bool, done <-chan struct{}) bool {
	for {
		if cond() {
			return true
		}
		select {
		case <-done:
			return false
		case <-time.After(2 * time.Millisecond):
		}
	}
}

// Issue 14 item 6: Ctrl-C (SIGINT) or SIGTERM while reading or writing
// leaves no file behind that was not there before, says what the command
// was doing and exits with 130.
func TestInterruptLeavesNothing(t *testing.T) {
	bin := buildBinary(t)
	tests := []struct {
		name  string
		args  func(dir string) []string
		stdin bool // an open, silent standard input: the command blocks reading
		ready func(dir string) bool
		sig   syscall.Signal
		doing string
	}{
		{"build-reading", func(d string) []string { return []string{"build", "-o", filepath.Join(d, "g.graphml"), "-"} }, true,
			nil, syscall.SIGINT, "reading the inputs"},
		{"convert-reading", func(d string) []string {
			return []string{"convert", "--to", "jsonl", "-o", filepath.Join(d, "c.jsonl"), "-"}
		}, true,
			nil, syscall.SIGTERM, "reading the inputs"},
		{"build-writing", func(d string) []string {
			return []string{"build", "--sample", "--by-year", "-o", filepath.Join(d, "y-{year}.graphml")}
		}, false, func(d string) bool {
			for _, n := range entries(t, d) {
				if strings.Contains(n, ".tmp-") {
					return true
				}
			}
			return false
		}, syscall.SIGINT, "writing "},
		{"report-writing", func(d string) []string { return []string{"report", "--sample", "-o", filepath.Join(d, "rep")} }, false,
			func(d string) bool {
				for _, n := range entries(t, d) {
					if strings.HasPrefix(n, ".rep.tmp-") {
						if es, _ := os.ReadDir(filepath.Join(d, n)); len(es) > 0 {
							return true
						}
					}
				}
				return false
			}, syscall.SIGTERM, "writing "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			interrupted := false
			for try := 0; try < 5 && !interrupted; try++ {
				dir := t.TempDir()
				cmd := exec.Command(bin, tt.args(dir)...)
				var stderr strings.Builder
				cmd.Stderr = &stderr
				var stdinW *os.File
				if tt.stdin {
					r, w, err := os.Pipe()
					if err != nil {
						t.Fatal(err)
					}
					cmd.Stdin, stdinW = r, w
					defer w.Close()
				}
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				done := make(chan struct{})
				var waitErr error
				go func() { waitErr = cmd.Wait(); close(done) }()
				ready := true
				if tt.ready != nil {
					ready = waitFor(func() bool { return tt.ready(dir) }, done)
				} else {
					time.Sleep(300 * time.Millisecond) // blocked on the silent stdin by then
				}
				if ready {
					cmd.Process.Signal(tt.sig)
				}
				<-done
				if stdinW != nil {
					stdinW.Close()
				}
				code := cmd.ProcessState.ExitCode()
				if code != 130 {
					if waitErr != nil && code != 0 {
						t.Fatalf("exit %d: %s", code, stderr.String())
					}
					t.Logf("try %d: finished before the signal (exit %d)", try, code)
					continue
				}
				interrupted = true
				if left := entries(t, dir); len(left) > 0 {
					t.Errorf("left behind: %v", left)
				}
				if !strings.Contains(stderr.String(), "while "+tt.doing) {
					t.Errorf("message does not say what it was doing (%q):\n%s", tt.doing, stderr.String())
				}
			}
			if !interrupted {
				t.Error("never interrupted in 5 tries")
			}
		})
	}
}

// A report that fails leaves no directory behind (here the analysis
// fails on one year of papers); one that succeeds leaves only its
// directory, with the usual permissions. (The blocs of worked.jsonl no
// longer fail: the statistical rule shrinks its windows with a warning.)
func TestFailingReportLeavesNoDirectory(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := runCmd(t, "", "report", "--years", "2019", "-o", filepath.Join(dir, "rep"), "testdata/worked.jsonl")
	if code != 1 || !strings.Contains(stderr, "at least two years") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if left := entries(t, dir); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
	code, _, stderr = runCmd(t, "", "report", "--sample", "-o", filepath.Join(dir, "rep"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if left := entries(t, dir); len(left) != 1 || left[0] != "rep" {
		t.Errorf("entries %v", left)
	}
	if fi, err := os.Stat(filepath.Join(dir, "rep")); err != nil || fi.Mode().Perm() != 0o755 {
		t.Errorf("report directory: %v %v", fi.Mode(), err)
	}
}
