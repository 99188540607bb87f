package coauthnet

import (
	"runtime/debug"
	"strings"
	"testing"
)

// TestVersionText checks the line of each kind of build information,
// written out by hand from versionText's doc.
func TestVersionText(t *testing.T) {
	vcs := func(kv ...string) *debug.BuildInfo {
		bi := &debug.BuildInfo{GoVersion: "go1.26.0"}
		for i := 0; i < len(kv); i += 2 {
			bi.Settings = append(bi.Settings, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return bi
	}
	for _, c := range []struct {
		bi   *debug.BuildInfo
		want string
	}{
		{nil, "coauthnet v1.2.3\n"},
		{vcs(), "coauthnet v1.2.3 go1.26.0\n"},
		{vcs("vcs.revision", "abc"), "coauthnet v1.2.3 (revision abc) go1.26.0\n"},
		{vcs("vcs.revision", "abc", "vcs.time", "2026-01-02T03:04:05Z", "vcs.modified", "true"), "coauthnet v1.2.3 (revision abc, 2026-01-02T03:04:05Z, modified) go1.26.0\n"},
		{vcs("vcs.revision", "abc", "vcs.modified", "false"), "coauthnet v1.2.3 (revision abc) go1.26.0\n"},
		{vcs("vcs.time", "2026-01-02T03:04:05Z"), "coauthnet v1.2.3 go1.26.0\n"}, // a time without a revision is not shown
	} {
		if got := versionText("v1.2.3", c.bi); got != c.want {
			t.Errorf("versionText(%v) = %q, want %q", c.bi, got, c.want)
		}
	}
	if got := VersionText(); !strings.HasPrefix(got, "coauthnet "+Version()) || !strings.HasSuffix(got, "\n") {
		t.Errorf("VersionText() = %q, want coauthnet %s ... ending in a newline", got, Version())
	}
}
