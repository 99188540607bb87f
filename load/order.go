package load

import (
	"context"
	"runtime"
	"sync"

	"github.com/coauthnet/coauthnet"
)

// inOrder runs decode on the jobs that next yields, on every core, and
// calls use with the results in the order of the jobs, so that what is
// passed on does not depend on scheduling. It stops at the first error of
// next or use, or when ctx is done. No goroutine outlives it.
func inOrder[J any](ctx context.Context, next func() (J, bool, error), decode func(J) ([]coauthnet.Paper, []error), use func([]coauthnet.Paper, []error) error) error {
	type job struct {
		seq int
		j   J
	}
	type result struct {
		seq    int
		papers []coauthnet.Paper
		errs   []error
	}
	workers := runtime.GOMAXPROCS(0)
	jobs := make(chan job, workers)
	results := make(chan result, workers)
	done := make(chan struct{})
	var nextErr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // producer
		defer wg.Done()
		defer close(jobs)
		for seq := 0; ; seq++ {
			if err := ctx.Err(); err != nil {
				nextErr = err
				return
			}
			j, ok, err := next()
			if err != nil {
				nextErr = err
			}
			if !ok || err != nil {
				return
			}
			select {
			case jobs <- job{seq, j}:
			case <-done:
				return
			}
		}
	}()
	var workersWG sync.WaitGroup
	for w := 0; w < workers; w++ {
		workersWG.Add(1)
		go func() {
			defer workersWG.Done()
			for j := range jobs {
				ps, errs := decode(j.j)
				select {
				case results <- result{j.seq, ps, errs}:
				case <-done:
					return
				}
			}
		}()
	}
	go func() { workersWG.Wait(); close(results) }()

	pending := map[int]result{}
	seq := 0
	var useErr error
	for res := range results {
		if useErr != nil {
			continue // drain
		}
		pending[res.seq] = res
		for {
			res, ok := pending[seq]
			if !ok {
				break
			}
			delete(pending, seq)
			seq++
			if err := use(res.papers, res.errs); err != nil {
				useErr = err
				close(done)
				break
			}
		}
	}
	if useErr == nil {
		close(done)
	}
	wg.Wait()
	// nextErr is written by the producer before wg.Done.
	if nextErr != nil {
		return nextErr
	}
	return useErr
}
