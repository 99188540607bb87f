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

// Probability reports whether a sheet column holds probabilities, whose
// small values are results rather than rounding noise: the p-values of
// the blocs table, p and p_adj. [Sheet.WriteCSV] never writes them 0
// under the CSV zero rule (table.CSVOptions.Zero, for noise in sums of
// weights), and [Sheet.Typed] makes them [table.Probabilities].
func Probability(column string) bool { return column == "p" || column == "p_adj" }
