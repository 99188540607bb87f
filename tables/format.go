package tables

import (
	"fmt"
	"path/filepath"
	"strings"
)

// OutputFormat returns the format of a sheet written to path, as the
// table commands' -o and --format choose it: format, "csv" or "json";
// when the format was not named (named false) a path ending in .json
// means "json". A path with an extension other than the format's is an
// error, so that x.xlsx does not silently get CSV; "-" (standard
// output) and a path without extension take the format as it is. The
// messages name the command's flags (-o, --format).
func OutputFormat(path, format string, named bool) (string, error) {
	if format != "csv" && format != "json" {
		return "", fmt.Errorf("tables: --format %q: want csv or json", format)
	}
	if path == "-" {
		return format, nil
	}
	ext := strings.ToLower(filepath.Ext(path))
	if ext == ".json" && !named {
		format = "json"
	}
	if ext != "" && ext != "."+format {
		return "", fmt.Errorf("tables: -o %s: a %s table is written as .%s (--format csv or json)", path, format, format)
	}
	return format, nil
}
