package tables

import (
	"fmt"
	"github.com/coauthnet/coauthnet/atomicfile"
	"path/filepath"
	"strings"
)

// OutputFormat returns the format of a sheet written to path, as the
// table commands' -o and --format choose it: format, "csv" or "json";
// when the format was not named (named false) a path ending in .json
// means "json". A path with an extension other than the format's is an
// error, so that x.xlsx does not silently get CSV: an extension of no
// table format, named or not, or the other format's extension with a
// named format (-o x.json --format csv); "-" (standard output) and a
// path without extension take the format as it is. A file path must be
// one atomicfile.Write can create (atomicfile.CheckParent: its directory
// exists and takes files), checked before any input is read. The
// messages name the command's flags (-o, --format) and what to do.
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
	switch {
	case ext == "" || ext == "."+format:
	case ext != ".csv" && ext != ".json":
		return "", fmt.Errorf("tables: -o %s: %s is not the extension of a table format (csv .csv, json .json): end -o with one of them", path, ext)
	default:
		return "", fmt.Errorf("tables: -o %s with --format %s: the extension %s is %s's; use .%s or leave --format out", path, format, ext, ext[1:], format)
	}
	if err := atomicfile.CheckParent(path); err != nil {
		return "", fmt.Errorf("tables: -o: %w", err)
	}
	return format, nil
}

// Probability reports whether a sheet column holds probabilities, whose
// small values are results rather than rounding noise: the p-values of
// the blocs table, p and p_adj. [Sheet.WriteCSV] never writes them 0
// under the CSV zero rule (table.CSVOptions.Zero, for noise in sums of
// weights), and [Sheet.Typed] makes them [table.Probabilities].
func Probability(column string) bool { return column == "p" || column == "p_adj" }
