package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Issue 20: a Go program of at most 40 lines outside the module
// (examples/reproduce, its own module with a replace directive) writes
// what coauthnet build --sample and coauthnet report --sample write,
// byte for byte.
func TestLibraryReproducesCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program")
	}
	prog := filepath.Join("..", "..", "examples", "reproduce")
	src, err := os.ReadFile(filepath.Join(prog, "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(src, []byte("\n")); n > 40 {
		t.Errorf("examples/reproduce/main.go has %d lines, want at most 40", n)
	}
	bin := filepath.Join(t.TempDir(), "reproduce")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = prog
	if out, err := build.CombinedOutput(); err != nil {
		t.Skipf("cannot build examples/reproduce: %v\n%s", err, out)
	}

	got, err := exec.Command(bin, "build").Output()
	if err != nil {
		t.Fatal(err)
	}
	code, want, stderr := runCmd(t, "", "build", "--sample")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !bytes.Equal(got, []byte(want)) {
		t.Error("build: the program's GraphML differs from coauthnet build --sample")
	}

	dir := t.TempDir()
	libDir, cmdDir := filepath.Join(dir, "lib"), filepath.Join(dir, "cmd")
	os.Mkdir(libDir, 0o755)
	if out, err := exec.Command(bin, "report", libDir).CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if code, _, stderr := runCmd(t, "", "report", "--sample", "-o", cmdDir); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	names := entries(t, cmdDir)
	if lib := entries(t, libDir); len(lib) != len(names) {
		t.Errorf("report: %d files from the program, %d from the command", len(lib), len(names))
	}
	for _, n := range names {
		a, _ := os.ReadFile(filepath.Join(libDir, n))
		b, _ := os.ReadFile(filepath.Join(cmdDir, n))
		if !bytes.Equal(a, b) {
			t.Errorf("report: %s differs", n)
		}
	}
}
