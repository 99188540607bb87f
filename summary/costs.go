package summary

import (
	"fmt"
	"strings"
	"time"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/metrics"
)

// MeasureCosts adds up what the node measures cost over the graphs of a
// table (or of several exports), for the line `coauthnet nodes` prints;
// its Note method is a tables.MeasureOptions.Measured. The zero value is
// ready to use.
type MeasureCosts struct {
	costs   map[metrics.Measures]time.Duration // summed over the graphs
	order   []metrics.Measures                 // costs' keys, first use first
	bound   float64                            // largest error bound of sampled betweenness
	samples int                                // its pivot sources
	n       int                                // and the nodes of its graph
}

// Note adds the costs of g's measures v.
func (c *MeasureCosts) Note(g *graph.Graph, v *metrics.NodeValues) {
	if c.costs == nil {
		c.costs = map[metrics.Measures]time.Duration{}
	}
	for _, ct := range v.Costs {
		if _, ok := c.costs[ct.Measures]; !ok {
			c.order = append(c.order, ct.Measures)
		}
		c.costs[ct.Measures] += ct.Time
	}
	if v.Samples > 0 && v.Bound > c.bound {
		c.bound, c.samples, c.n = v.Bound, v.Samples, g.Len()
	}
}

// Lines returns what each measure (or group of measures computed in one
// pass) cost, in seconds, and with sampled betweenness the largest
// error bound (metrics.BetweennessBound); none when nothing was noted.
func (c *MeasureCosts) Lines() []string {
	if len(c.order) == 0 {
		return nil
	}
	var parts []string
	for _, s := range c.order {
		parts = append(parts, fmt.Sprintf("%s %.3g s", s, c.costs[s].Seconds()))
	}
	lines := []string{"measure costs: " + strings.Join(parts, ", ")}
	if c.bound > 0 {
		lines = append(lines, fmt.Sprintf("betweenness estimated from %d pivot sources (seed 1): each value within ±%.3g of the exact one with probability 0.95 (Hoeffding; %d nodes)",
			c.samples, c.bound, c.n))
	}
	return lines
}
