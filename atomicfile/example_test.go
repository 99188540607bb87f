package atomicfile_test

import (
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"

	"github.com/coauthnet/coauthnet/atomicfile"
)

// This example writes a file atomically; a write that fails leaves the
// earlier content in place.
func Example() {
	dir, err := os.MkdirTemp("", "atomicfile-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "graph.csv")
	write := func(text string, fail bool) error {
		return atomicfile.Write(path, func(w io.Writer) error {
			if _, err := io.WriteString(w, text); err != nil {
				return err
			}
			if fail {
				return fmt.Errorf("interrupted")
			}
			return nil
		})
	}
	fmt.Println(write("complete\n", false))
	fmt.Println(write("half", true) != nil)
	b, _ := os.ReadFile(path)
	fmt.Print(string(b))
	// Output:
	// <nil>
	// true
	// complete
}
