package main

import (
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet/internal/help"
)

// TestHelpTopics: help TOPIC prints the topic's text (internal/help),
// also for topics named like a command (blocs, drift); bare help lists
// the commands and the topics.
func TestHelpTopics(t *testing.T) {
	for _, topic := range help.Topics() {
		want, err := help.Text(topic)
		if err != nil {
			t.Fatal(err)
		}
		code, out, stderr := runCmd(t, "", "help", topic)
		if code != 0 || out != want {
			t.Errorf("help %s: exit %d, stderr %q, stdout differs from help.Text", topic, code, stderr)
		}
	}
	code, out, _ := runCmd(t, "", "help")
	if code != 0 || !strings.Contains(out, "report") || !strings.Contains(out, "coauthnet help counting") {
		t.Errorf("help: exit %d, want commands and topics:\n%s", code, out)
	}
	if code, _, stderr := runCmd(t, "", "help", "report"); code != 0 || !strings.Contains(stderr, "-o") {
		t.Errorf("help report: exit %d, want the flags of report: %q", code, stderr)
	}
	if code, _, stderr := runCmd(t, "", "help", "bogus"); code != 2 || !strings.Contains(stderr, "counting") {
		t.Errorf("help bogus: exit %d, want 2 and the topics: %q", code, stderr)
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := runCmd(t, "", "--version")
	if code != 0 || !strings.HasPrefix(out, "coauthnet ") || strings.Count(out, "\n") != 1 {
		t.Errorf("--version: exit %d, %q", code, out)
	}
}

// TestOneLineUsageErrors: a usage error is one line on stderr, without
// the flag list and without a package prefix.
func TestOneLineUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"build", "--nope", "--sample"},
		{"build", "--sample", "--years", "2020-2010"},
	} {
		code, _, stderr := runCmd(t, "", args...)
		if code != 2 || strings.Count(stderr, "\n") != 1 || strings.Contains(stderr, "graph:") || strings.Contains(stderr, "Flags:") {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 and one line", args, code, stderr)
		}
	}
}
