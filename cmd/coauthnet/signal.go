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
// created the outputs of this run that did not exist before it, to remove
// then.
var (
	doingMu sync.Mutex
	doing   string
	created = map[string]bool{}
)

// willCreate records an output about to be written, when it does not
// exist yet: an interrupt removes it even once it is complete, so that a
// stopped run leaves nothing that was not there before.
func willCreate(path string) {
	if _, err := os.Lstat(path); !os.IsNotExist(err) {
		return
	}
	doingMu.Lock()
	created[path] = true
	doingMu.Unlock()
}

func setDoing(s string) {
	doingMu.Lock()
	doing = s
	doingMu.Unlock()
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
		for p := range created {
			if os.RemoveAll(p) == nil {
				removed = append(removed, p)
			}
		}
		what := doing
		doingMu.Unlock()
		if what == "" {
			what = "starting"
		}
		fmt.Fprintf(stderr, "coauthnet: %v while %s: stopped, %d temporary or new files removed, no output left behind\n", sig, what, len(removed))
		os.Exit(130)
	}()
}
