package load

import "github.com/coauthnet/coauthnet/io/openalex/api"

// origin is the one-line provenance of an input that coauthnet fetch
// wrote (its NAME.provenance.json sidecar, package io/openalex/api), ""
// for any other input; a sidecar that describes other bytes says so.
func origin(name, sha256 string) string {
	if name == "-" || name == "stdin" {
		return ""
	}
	p, err := api.ReadProvenance(name, sha256)
	if err != nil {
		return "provenance sidecar not used: " + err.Error()
	}
	if p == nil {
		return ""
	}
	return p.Summary()
}
