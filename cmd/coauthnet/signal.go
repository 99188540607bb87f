package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"

	"github.com/coauthnet/coauthnet/atomicfile"
)

// doing is what the command is doing, for the message on interrupt, and
// tempDirs the temporary directories to remove then.
var (
	doingMu  sync.Mutex
	doing    string
	tempDirs = map[string]bool{}
)

func setDoing(s string) {
	doingMu.Lock()
	doing = s
	doingMu.Unlock()
}

// tempDir registers (or, with on false, forgets) a temporary directory
// to remove on interrupt.
func tempDir(dir string, on bool) {
	doingMu.Lock()
	defer doingMu.Unlock()
	if on {
		tempDirs[dir] = true
	} else {
		delete(tempDirs, dir)
	}
}

// onInterrupt removes the temporary files and directories of the outputs
// being written when SIGINT or SIGTERM arrives, says what the command was
// doing, and exits with status 130.
func onInterrupt(stderr io.Writer) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-ch
		removed := atomicfile.RemoveAll()
		doingMu.Lock()
		for d := range tempDirs {
			os.RemoveAll(d)
			removed = append(removed, d)
		}
		what := doing
		doingMu.Unlock()
		if what == "" {
			what = "starting"
		}
		fmt.Fprintf(stderr, "coauthnet: %v while %s: stopped, %d temporary files removed, no output left half-written\n", sig, what, len(removed))
		os.Exit(130)
	}()
}
