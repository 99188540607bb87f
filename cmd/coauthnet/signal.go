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

// doing is what the command is doing, for the message on interrupt.
var (
	doingMu sync.Mutex
	doing   string
)

func setDoing(s string) {
	doingMu.Lock()
	doing = s
	doingMu.Unlock()
}

// onInterrupt removes the temporary files and directories of the outputs
// being written, and the new outputs of this run (atomicfile.Track),
// when SIGINT or SIGTERM arrives, says what the command was
// doing, and exits with status 130.
func onInterrupt(stderr io.Writer) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-ch
		removed := append(atomicfile.RemoveAll(), atomicfile.RemoveCreated()...)
		doingMu.Lock()
		what := doing
		doingMu.Unlock()
		if what == "" {
			what = "starting"
		}
		fmt.Fprintf(stderr, "coauthnet: %v while %s: stopped, %d temporary or new files removed, no output left behind\n", sig, what, len(removed))
		os.Exit(130)
	}()
}
