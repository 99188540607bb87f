package main

import (
	"fmt"
	"io"
	"os"
	"sync/atomic"
	"syscall"

	"github.com/coauthnet/coauthnet/atomicfile"
)

// doing is what the command is doing (a string), for the message on
// interrupt.
var doing atomic.Value

func setDoing(s string) {
	doing.Store(s)
}

// onInterrupt has atomicfile remove the temporary files and directories
// of the outputs being written, and the new outputs of this run
// (atomicfile.Track), when SIGINT or SIGTERM arrives; it then says what
// the command was doing and exits with status 130.
func onInterrupt(stderr io.Writer) {
	atomicfile.OnSignal(func(sig os.Signal, removed []string) {
		what, _ := doing.Load().(string)
		if what == "" {
			what = "starting"
		}
		fmt.Fprintf(stderr, "coauthnet: %v while %s: stopped, %d temporary or new files removed, no output left behind\n", sig, what, len(removed))
		os.Exit(130)
	}, os.Interrupt, syscall.SIGTERM)
}
