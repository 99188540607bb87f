package summary

import (
	"fmt"
	"io"
	"time"

	"github.com/coauthnet/coauthnet/load"
)

// Progress returns a load.Options.Progress function that writes
// "coauthnet: N records, M MB read" to w at most once a second: the
// first call starts the clock and writes nothing, so that a load of
// under a second prints no progress at all.
func Progress(w io.Writer) func(records int, bytes int64) {
	var last time.Time
	return func(records int, bytes int64) {
		now := time.Now()
		if last.IsZero() {
			last = now
			return
		}
		if now.Sub(last) >= time.Second {
			last = now
			fmt.Fprintf(w, "coauthnet: %d records, %.0f MB read\n", records, float64(bytes)/1e6)
		}
	}
}

// Strict returns the error of the command's --strict for a loading
// summary: not nil when a record was skipped or a warning
// (s.Warnings) would be printed.
func Strict(s *load.Summary) error {
	if w := len(s.Warnings()); s.Skipped > 0 || w > 0 {
		return fmt.Errorf("--strict: %s skipped, %s (see the summary above)", Plural(s.Skipped, "record"), Plural(w, "warning"))
	}
	return nil
}
