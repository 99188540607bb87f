package coauthnet

import "runtime/debug"

// ModulePath is the module's import path.
const ModulePath = "github.com/coauthnet/coauthnet"

// devVersion is the version of a build that carries none: a checkout
// built with go test or go run, or a replace directive.
const devVersion = "0.1.0-dev"

// Version returns the version of the coauthnet module in the running
// program, as exports record it in their provenance: the module version
// of the main program or of the dependency (v1.2.3, or a pseudo-version
// from version control), else "0.1.0-dev".
func Version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return devVersion
	}
	v := ""
	if bi.Main.Path == ModulePath {
		v = bi.Main.Version
	}
	for _, d := range bi.Deps {
		if d.Path == ModulePath && d.Replace == nil {
			v = d.Version
		}
	}
	if v == "" || v == "(devel)" {
		return devVersion
	}
	return v
}

// VersionText is the one-line version of a program built from the
// module, as coauthnet --version prints it: "coauthnet VERSION", then,
// when the binary was built from a version-control checkout, the
// revision, its time and whether the tree was modified in parentheses
// ("(revision 1a2b…, 2026-01-02T03:04:05Z, modified)"), and the Go
// version, ending in a newline. Without build information (a binary
// built without module support) it is "coauthnet VERSION\n".
func VersionText() string {
	return versionText(Version(), buildInfo())
}

// buildInfo is debug.ReadBuildInfo's information, nil when there is none.
func buildInfo() *debug.BuildInfo {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return nil
	}
	return bi
}

// versionText is VersionText for version v and build information bi.
func versionText(v string, bi *debug.BuildInfo) string {
	s := "coauthnet " + v
	if bi == nil {
		return s + "\n"
	}
	var rev, at, dirty string
	for _, kv := range bi.Settings {
		switch kv.Key {
		case "vcs.revision":
			rev = kv.Value
		case "vcs.time":
			at = ", " + kv.Value
		case "vcs.modified":
			if kv.Value == "true" {
				dirty = ", modified"
			}
		}
	}
	if rev != "" {
		s += " (revision " + rev + at + dirty + ")"
	}
	return s + " " + bi.GoVersion + "\n"
}
