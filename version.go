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
