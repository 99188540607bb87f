package mobility

import (
	"context"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/load"
)

// AddPapers reads the inputs with lo (load.Papers; Need is set to
// load.All: careers need author identifiers and citation counts) and
// adds the papers of the years in years (the zero Period: every year)
// to c. It returns the loading summary and the papers added.
func (c *Careers) AddPapers(ctx context.Context, inputs []string, lo load.Options, years graph.Period) (*load.Summary, int, error) {
	used := 0
	lo.Need = load.All
	sum, err := load.Papers(ctx, inputs, lo, func(p *coauthnet.Paper) error {
		if years == (graph.Period{}) || years.Contains(p.Year) {
			used++
			c.Add(p)
		}
		return nil
	})
	return sum, used, err
}
