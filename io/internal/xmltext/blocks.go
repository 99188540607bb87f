package xmltext

import (
	"io"
	"runtime"
	"sync"
	"sync/atomic"
)

// WriteBlocks writes the text of items 0, …, n−1 to w, in item order.
// format appends the text of items lo, …, hi−1 to dst and returns the
// extended slice; it is called for consecutive blocks of at most size
// items, on up to GOMAXPROCS goroutines at once, so it may only read
// what it shares, and with the float cache of its goroutine. The bytes written are those of one call
// format(nil, 0, n), whatever GOMAXPROCS: each block is formatted alone
// and the blocks are written in order. At most 2·GOMAXPROCS blocks are
// held at once (their buffers are reused). It returns the first write
// error; no block is started after it.
func WriteBlocks(w io.Writer, n, size int, format func(dst []byte, lo, hi int, fc *FloatCache) []byte) error {
	if n <= 0 {
		return nil
	}
	size = max(size, 1)
	blocks := (n + size - 1) / size
	workers := min(runtime.GOMAXPROCS(0), blocks)
	if workers <= 1 {
		var buf []byte
		fc := new(FloatCache)
		for lo := 0; lo < n; lo += size {
			buf = format(buf[:0], lo, min(lo+size, n), fc)
			if _, err := w.Write(buf); err != nil {
				return err
			}
		}
		return nil
	}
	type job struct {
		lo, hi int
		buf    []byte
		done   chan []byte
	}
	held := 2 * workers
	free := make(chan []byte, held)
	for range held {
		free <- nil
	}
	jobs := make(chan job)
	order := make(chan chan []byte, held)
	var stop atomic.Bool
	go func() {
		defer close(order)
		defer close(jobs)
		for lo := 0; lo < n && !stop.Load(); lo += size {
			buf := <-free
			done := make(chan []byte, 1)
			order <- done
			jobs <- job{lo, min(lo+size, n), buf, done}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fc := new(FloatCache)
			for j := range jobs {
				j.done <- format(j.buf[:0], j.lo, j.hi, fc)
			}
		}()
	}
	var err error
	for done := range order {
		buf := <-done
		if err == nil {
			if _, err = w.Write(buf); err != nil {
				stop.Store(true)
			}
		}
		free <- buf
	}
	wg.Wait()
	return err
}
