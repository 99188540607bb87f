//go:build unix

package atomicfile

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
)

// umask returns the process's umask, read once: from /proc/self/status
// where Linux has it, else by setting it and back (which could race
// with files created at that instant by other goroutines, once).
var umask = sync.OnceValue(func() os.FileMode {
	if f, err := os.Open("/proc/self/status"); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if v, ok := strings.CutPrefix(sc.Text(), "Umask:"); ok {
				if m, err := strconv.ParseUint(strings.TrimSpace(v), 8, 32); err == nil {
					return os.FileMode(m)
				}
			}
		}
	}
	m := syscall.Umask(0)
	syscall.Umask(m)
	return os.FileMode(m)
})
