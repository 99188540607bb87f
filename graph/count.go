package graph

import (
	"cmp"
	"maps"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/coauthnet/coauthnet"
)

// Stats counts what a [Counter] was given and what it used. Nothing is
// dropped without being counted here.
type Stats struct {
	// Papers is the number of papers given to Add.
	Papers int
	// OutOfYears is the number of papers outside Options.Years.
	OutOfYears int
	// Read is the span of the years of the papers given to Add, in
	// Options.Years or not (papers of year 0, without a year, left out):
	// the zero Period before any. With OutOfYears it tells a user whose
	// Years miss the corpus where the corpus is. Package aggregate does
	// not store it: a Series assembled from aggregates has the zero one.
	Read Period
	// NoKnownNode is the number of papers in Options.Years none of whose
	// authors has a known node; they add nothing.
	NoKnownNode int
	// Used is the number of papers counted.
	Used int
	// Authors is the number of authors on papers in Options.Years.
	Authors int
	// AuthorsUnknown is the number of those authors without any known
	// node: left out of n_p, or counted as node ZZ with KeepUnknown.
	AuthorsUnknown int
	// Grouped is the number of author-affiliations whose node was
	// replaced by a group.
	Grouped int
	// Hyper is the number of papers in Options.Years with more than
	// Options.MaxAuthors authors ([HyperAuthors] when that is 0),
	// whether counted or not.
	Hyper int
	// ByAuthorCount is the number of papers left out by MaxAuthors
	// (the hyper-authored ones) or by HyperOnly (the others).
	ByAuthorCount int
	// NoLeader is the number of papers counted whose lead author (see
	// Options.Leader) is missing or has no known node: they lead nowhere.
	NoLeader int
	// Cited is the number of papers counted with a citation count (with
	// Options.Impact); the other Used − Cited are left out of impact.
	Cited int
	// ZeroBaseline is the number of (paper, field) pairs of cited papers
	// whose field and year had mean citations 0 (their ratio is 1; see
	// [Impact]). Set by Counter.Series.
	ZeroBaseline int
}

// A Counter accumulates the weights of papers, one at a time, into
// per-year sums. Its memory grows with the number of nodes and of
// (year, edge) pairs, not with the number of papers.
//
// A Counter is not safe for concurrent use. Internally, papers are
// queued and the years' sums updated in batches by up to GOMAXPROCS
// goroutines, one per year, each adding its year's papers in input order:
// a Counter fed in a fixed order gives the same bits every run, whatever
// GOMAXPROCS. A batch is added in the background while Add queues the
// next (one batch at a time, in order); Series and Finish wait for it. The weights are sums over papers, so several Counters over
// shards of a corpus give the same result as one over the whole up to
// floating-point rounding (package aggregate merges them).
type Counter struct {
	opts  Options
	ids   *keyTable // node key → internal id
	nodes []nodeInfo
	group map[string]string
	years map[int]*yearAcc
	last  *yearAcc
	lastY int
	stats Stats

	// Scratch space for one paper, reused.
	pos    []int32 // internal id → 1 + local index on the current paper
	local  []int32 // local index → internal id
	nA, qA []float64
	cross  []crossTerm
	aff    []int32   // local indices of one author's known affiliations
	lead   []int32   // local indices of the lead author's known affiliations
	lw     []float64 // lead weight by local index
	grp    []int32   // field groups of the paper

	// Papers counted, not yet in their years' sums: q is being filled
	// by Add; spare is being drained in the background while pending is
	// not nil (closed when it is done), or is empty.
	q, spare *queue
	pending  chan struct{}
	workers  []*worker // scratch of the drain's goroutines
	// Scratch of drain's grouping of records by year (byYear).
	drainYears                                   map[*yearAcc]int32
	drainIDs, drainGroups, drainOrder, drainFill []int32
	drainWork                                    [][2]int // (pairs, group), largest first

	// Citation impact: field groups and the per (year, group) baseline
	// Σ citations and paper count.
	groupIDs   map[string]int32
	groupNames []string
	baseline   map[baseKey][2]float64
}

type baseKey struct {
	year  int
	group int32
}

// impKey is an entity (internal node id or edge index) and a field group.
type impKey struct{ ent, group int32 }

type nodeInfo struct {
	key     string
	name    string // display name for countries and groups
	inst    bool   // an institution: names and countries are tallied
	names   tally  // institution names seen, with counts
	country tally  // institution countries seen, with counts
}

// A tally counts strings. Most institutions are seen under one name
// and one country: a tally holds its first string and count, and makes
// a map only for a second distinct string.
type tally struct {
	first string
	n     int
	more  map[string]int
}

// add counts a non-empty s, storing a copy when it is new: the paper's
// strings may share a large buffer.
func (t *tally) add(s string) {
	switch {
	case s == "":
	case t.more != nil:
		countString(t.more, s)
	case t.n == 0:
		t.first, t.n = strings.Clone(s), 1
	case s == t.first:
		t.n++
	default:
		t.more = map[string]int{t.first: t.n}
		countString(t.more, s)
	}
}

// most returns the most frequent string, the smallest on ties, or "".
func (t *tally) most() string {
	if t.more == nil {
		return t.first
	}
	return mostFrequent(t.more)
}

type crossTerm struct {
	a, b int32 // local indices, a < b
	x    float64
}

type edgeAcc struct {
	a, b int32 // internal ids, a < b
	w    Weights
	lead [2]float64 // led by a, by b
}

type yearAcc struct {
	papers  int       // papers counted
	edgeIdx edgeTable // (a, b) → index in edges
	edges   edgeBlocks
	// The nodes of the year: nodes[nodeAt[id]-1] are the weights of
	// internal id nodeIDs[nodeAt[id]-1] (0: none yet). Compact, so that
	// a year holds its own nodes, not every node of the counter.
	nodeAt  []int32
	nodes   []NodeWeights
	nodeIDs []int32
	// With Options.Impact: Σ citations/k and Σ 1/k per (entity, field
	// group), and the cited papers of each edge (by edge index).
	nodeImp, edgeImp map[impKey][2]float64
	edgeCited        []int
}

// NewCounter returns an empty Counter. It panics if opts is not valid
// (see [Options.Validate]): check options that come from users first.
func NewCounter(opts Options) *Counter {
	if err := opts.Validate(); err != nil {
		panic(err.Error())
	}
	c := &Counter{
		opts:  opts,
		ids:   newKeyTable(),
		group: map[string]string{},
		years: map[int]*yearAcc{},
		q:     &queue{},
		spare: &queue{},

		drainYears: map[*yearAcc]int32{},
	}
	for _, g := range opts.Groups {
		for _, m := range g.Members {
			c.group[m] = g.Name
		}
	}
	return c
}

// Stats returns the counts so far.
func (c *Counter) Stats() Stats { return c.stats }

// key returns the node key of an affiliation at the counter's level, or
// "" when the affiliation has no known node.
func (c *Counter) key(af *coauthnet.Affiliation) string {
	switch c.opts.Level {
	case Countries:
		return af.Country
	case Institutions:
		if af.InstitutionID != "" {
			return af.InstitutionID
		}
		if af.Institution != "" {
			return InstitutionKey(af.Institution, af.Country)
		}
	}
	return ""
}

// InstitutionKey returns the node key of an institution without an
// identifier: its country, a colon and its name folded to lower case with
// runs of spaces and punctuation other than '&' and '-' made one space,
// e.g. "CN:tsinghua univ" for ("Tsinghua Univ.", "CN"). An institution
// without a country gets [coauthnet.Unknown], the code of --unknown
// node: "ZZ:mit" for ("MIT", ""), so that every such key is COUNTRY:name.
func InstitutionKey(name, country string) string {
	if country == "" {
		country = coauthnet.Unknown
	}
	var b strings.Builder
	b.Grow(len(country) + 1 + len(name))
	b.WriteString(country)
	b.WriteByte(':')
	space := false
	for _, r := range name {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '&' || r == '-' {
			if space && b.Len() > len(country)+1 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		} else {
			space = true
		}
	}
	return b.String()
}

// intern returns the internal id of a node key, adding it if new.
func (c *Counter) intern(key string) int32 {
	id, slot, tag := c.ids.find(key)
	if id >= 0 {
		return id
	}
	id = c.ids.insert(key, slot, tag)
	key = strings.Clone(key) // the caller's string may pin a large buffer
	ni := nodeInfo{key: key}
	switch {
	case key == coauthnet.Unknown:
		ni.name = "Unknown"
	case c.isGroup(key):
		ni.name = key
	case c.opts.Level == Countries:
		ni.name = coauthnet.CountryName(key)
	default:
		ni.inst = true
	}
	c.nodes = append(c.nodes, ni)
	c.pos = append(c.pos, 0)
	return id
}

func (c *Counter) isGroup(key string) bool {
	for _, g := range c.opts.Groups {
		if g.Name == key {
			return true
		}
	}
	return false
}

// localIndex returns the local index of internal id on the current paper.
func (c *Counter) localIndex(id int32) int32 {
	if p := c.pos[id]; p != 0 {
		return p - 1
	}
	c.local = append(c.local, id)
	c.nA = append(c.nA, 0)
	c.qA = append(c.qA, 0)
	c.pos[id] = int32(len(c.local))
	return int32(len(c.local) - 1)
}

func (c *Counter) year(y int) *yearAcc {
	if c.last != nil && c.lastY == y {
		return c.last
	}
	acc := c.years[y]
	if acc == nil {
		acc = &yearAcc{}
		if c.opts.Impact {
			acc.nodeImp, acc.edgeImp = map[impKey][2]float64{}, map[impKey][2]float64{}
		}
		c.years[y] = acc
	}
	c.last, c.lastY = acc, y
	return acc
}

// Add counts one paper. It does not keep p.
//
// Cost: O(a + k²) for a author-affiliations and k distinct nodes on the
// paper, so hyper-authored papers at level Institutions dominate.
func (c *Counter) Add(p *coauthnet.Paper) {
	c.stats.Papers++
	if r := &c.stats.Read; p.Year != 0 && (*r == (Period{}) || !r.Contains(p.Year)) {
		if *r == (Period{}) || p.Year < r.From {
			r.From = p.Year
		}
		if p.Year > r.To {
			r.To = p.Year
		}
	}
	if c.opts.Years != (Period{}) && !c.opts.Years.Contains(p.Year) {
		c.stats.OutOfYears++
		return
	}
	thr := c.opts.MaxAuthors
	if thr == 0 {
		thr = HyperAuthors
	}
	hyper := len(p.Authors) > thr
	if hyper {
		c.stats.Hyper++
	}
	if c.opts.MaxAuthors > 0 && hyper != c.opts.HyperOnly {
		c.stats.ByAuthorCount++
		return
	}
	c.stats.Authors += len(p.Authors)
	defer c.reset()

	leader := -1
	switch c.opts.Leader {
	case FirstAuthor:
		leader = 0
	case CorrespondingAuthor:
		for i := range p.Authors {
			if p.Authors[i].Corresponding {
				leader = i
				break
			}
		}
	}
	n := 0 // authors with a known node
	for i := range p.Authors {
		c.aff = c.aff[:0]
		affs := p.Authors[i].Affiliations
		for j := range affs {
			k := c.key(&affs[j])
			if k == "" {
				continue
			}
			if g, ok := c.group[k]; ok {
				k = g
				c.stats.Grouped++
			}
			id := c.intern(k)
			if c.opts.Level == Institutions && c.nodes[id].inst {
				ni := &c.nodes[id]
				ni.names.add(affs[j].Institution)
				ni.country.add(affs[j].Country)
			}
			c.aff = append(c.aff, c.localIndex(id))
		}
		if len(c.aff) == 0 {
			c.stats.AuthorsUnknown++
			if !c.opts.KeepUnknown {
				continue
			}
			c.aff = append(c.aff, c.localIndex(c.intern(coauthnet.Unknown)))
		}
		n++
		if i == leader {
			c.lead = append(c.lead, c.aff...)
		}
		c.addAuthor(c.aff)
	}
	if n == 0 {
		c.stats.NoKnownNode++
		return
	}
	c.stats.Used++
	acc := c.year(p.Year)
	acc.papers++
	c.flush(acc, n, p)
}

// groups sets c.grp to the field groups of fields, each once; a paper
// without fields is in the group "".
func (c *Counter) groups(fields []string) {
	c.grp = c.grp[:0]
	if c.groupIDs == nil {
		c.groupIDs = map[string]int32{}
		c.baseline = map[baseKey][2]float64{}
	}
	add := func(f string) {
		id, ok := c.groupIDs[f]
		if !ok {
			id = int32(len(c.groupNames))
			c.groupIDs[strings.Clone(f)] = id
			c.groupNames = append(c.groupNames, strings.Clone(f))
		}
		if !slices.Contains(c.grp, id) {
			c.grp = append(c.grp, id)
		}
	}
	for _, f := range fields {
		add(f)
	}
	if len(fields) == 0 {
		add("")
	}
}

// addAuthor adds one author's weights w_iA = (affiliations in A) / m,
// with m = len(aff), to n_A and Σ_i w_iA², and records the cross terms
// w_iA·w_iB of an author in several nodes.
func (c *Counter) addAuthor(aff []int32) {
	m := float64(len(aff))
	if len(aff) == 1 {
		c.nA[aff[0]]++
		c.qA[aff[0]]++
		return
	}
	slices.Sort(aff)
	// Distinct nodes of this author with their weights, in local order.
	type nw struct {
		a int32
		w float64
	}
	var buf [8]nw
	ws := buf[:0]
	for i := 0; i < len(aff); {
		j := i
		for j < len(aff) && aff[j] == aff[i] {
			j++
		}
		ws = append(ws, nw{aff[i], float64(j-i) / m})
		i = j
	}
	for _, x := range ws {
		c.nA[x.a] += x.w
		c.qA[x.a] += x.w * x.w
	}
	for i := range ws {
		for j := i + 1; j < len(ws); j++ {
			c.cross = append(c.cross, crossTerm{ws[i].a, ws[j].a, ws[i].w * ws[j].w})
		}
	}
}

// flush turns the current paper's n_A, Σ w², cross terms and lead
// weights into a record for its year (stage 1, on the caller's
// goroutine: everything that is not per year: statistics, the citation
// baseline). The records are added into the years' sums by apply, in
// batches (see [Counter.drain]). n is n_p.
func (c *Counter) flush(acc *yearAcc, n int, p *coauthnet.Paper) {
	k := len(c.local)
	// Lead weights w_lA: the lead author split over their known nodes.
	c.lw = slices.Grow(c.lw[:0], k)[:k]
	clear(c.lw)
	if len(c.lead) == 0 {
		c.stats.NoLeader++
	}
	for _, a := range c.lead {
		c.lw[a] += 1 / float64(len(c.lead))
	}
	// Citation impact: Σ c/k and Σ 1/k per field group.
	cited := c.opts.Impact && p.Citations != nil && *p.Citations >= 0
	q := c.q
	rec := record{acc: acc, n: int32(n), k: int32(k), off: int32(len(q.local)), xoff: int32(len(q.cross)), goff: int32(len(q.grp))}
	if cited {
		c.stats.Cited++
		c.groups(p.Fields)
		rec.cited = true
		rec.cit = float64(*p.Citations)
		for _, g := range c.grp {
			b := c.baseline[baseKey{p.Year, g}]
			c.baseline[baseKey{p.Year, g}] = [2]float64{b[0] + rec.cit, b[1] + 1}
		}
		q.grp = append(q.grp, c.grp...)
	}
	q.local = append(q.local, c.local...)
	q.nA = append(q.nA, c.nA...)
	q.qA = append(q.qA, c.qA...)
	q.lw = append(q.lw, c.lw...)
	q.cross = append(q.cross, c.cross...)
	q.recs = append(q.recs, rec)
	if len(q.recs) >= batchPapers || len(q.local) >= batchNodes {
		c.drainBackground()
	}
}

// parallel calls f(0), …, f(n−1) on up to GOMAXPROCS goroutines and
// returns when all have returned.
func parallel(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		}()
	}
	wg.Wait()
}

// Batches of papers queued before their year sums are updated.
const (
	batchPapers = 4096
	batchNodes  = 1 << 16
)

// A record is one counted paper waiting in the queue: its year and
// n_p, and where its k local nodes (ids, n_A, Σ w², lead weights), its
// cross terms and its field groups are in the queue's arrays.
type record struct {
	acc             *yearAcc
	n, k            int32
	off, xoff, goff int32
	cited           bool
	cit             float64
	nCross, nGroups int32
}

// queue holds the records of a batch, with the arrays they point into.
type queue struct {
	recs   []record
	local  []int32
	nA, qA []float64
	lw     []float64
	cross  []crossTerm
	grp    []int32
}

// A worker holds the scratch space of stage 2 for one goroutine.
type worker struct {
	xsum map[uint64]float64
}

// drainBackground waits for the batch being drained, if any, then
// drains c.q on another goroutine and gives Add the empty queue: the
// batches are drained one at a time, in order.
func (c *Counter) drainBackground() {
	c.wait()
	q, years := c.q, len(c.years)
	c.q, c.spare = c.spare, q
	done := make(chan struct{})
	c.pending = done
	go func() {
		defer close(done)
		c.drain(q, years)
	}()
}

// wait waits for the background drain, if any.
func (c *Counter) wait() {
	if c.pending != nil {
		<-c.pending
		c.pending = nil
	}
}

// drainAll adds every queued record into the years' sums: the batch in
// the background, then the rest.
func (c *Counter) drainAll() {
	c.wait()
	c.drain(c.q, len(c.years))
}

// drain adds the records of q into their years' sums (stage 2) and
// empties q; years is the number of years of the counter. It touches
// no state of the Counter that Add changes (only the years' sums and
// the drain's scratch), so it may run while Add fills the other queue.
//
// Each year is updated by one goroutine, with its records in input
// order, so every sum is added in the same order as a serial count:
// the result does not depend on GOMAXPROCS, bit for bit. Years are
// handed to min(GOMAXPROCS, years) goroutines largest first; no
// goroutine outlives drain.
func (c *Counter) drain(q *queue, years int) {
	if len(q.recs) == 0 {
		return
	}
	// Close the record offsets: each record's cross terms and groups
	// end where the next record's begin.
	for i := range q.recs {
		r := &q.recs[i]
		xend, gend := int32(len(q.cross)), int32(len(q.grp))
		if i+1 < len(q.recs) {
			xend, gend = q.recs[i+1].xoff, q.recs[i+1].goff
		}
		r.nCross, r.nGroups = xend-r.xoff, gend-r.goff
	}
	// The records grouped by year (years in order of first appearance,
	// records in input order within a year), so that each year's sums
	// are updated in one run with its table and edges warm in cache.
	order, groups := c.byYear(q)
	workers := min(runtime.GOMAXPROCS(0), years, len(groups)-1)
	if workers <= 1 || len(q.recs) < 64 {
		w := c.worker(0)
		for _, i := range order {
			c.apply(q, w, &q.recs[i])
		}
	} else {
		// Years are handed out largest first (by Σ k² over their
		// records, the pairs to add), each to the next free goroutine:
		// which goroutine adds a year does not change its sums.
		work := c.drainWork[:0]
		for g := 0; g+1 < len(groups); g++ {
			pairs := 0
			for _, i := range order[groups[g]:groups[g+1]] {
				pairs += int(q.recs[i].k) * int(q.recs[i].k)
			}
			work = append(work, [2]int{pairs, g})
		}
		slices.SortFunc(work, func(x, y [2]int) int {
			if c := cmp.Compare(y[0], x[0]); c != 0 {
				return c
			}
			return cmp.Compare(x[1], y[1])
		})
		c.drainWork = work
		var next atomic.Int64
		var wg sync.WaitGroup
		for s := 0; s < workers; s++ {
			w := c.worker(s)
			wg.Add(1)
			go func() {
				defer wg.Done()
				for j := int(next.Add(1) - 1); j < len(work); j = int(next.Add(1) - 1) {
					g := work[j][1]
					for _, i := range order[groups[g]:groups[g+1]] {
						c.apply(q, w, &q.recs[i])
					}
				}
			}()
		}
		wg.Wait()
	}
	q.recs, q.local, q.nA, q.qA, q.lw = q.recs[:0], q.local[:0], q.nA[:0], q.qA[:0], q.lw[:0]
	q.cross, q.grp = q.cross[:0], q.grp[:0]
}

// byYear returns the indices of q's records grouped by year: group g
// is order[groups[g]:groups[g+1]], the years in order of first
// appearance, the records of a year in input order. The slices are the
// drain's scratch, reused.
func (c *Counter) byYear(q *queue) (order, groups []int32) {
	seen := c.drainYears
	clear(seen)
	ids := c.drainIDs[:0]
	groups = c.drainGroups[:0]
	groups = append(groups, 0)
	for i := range q.recs {
		g, ok := seen[q.recs[i].acc]
		if !ok {
			g = int32(len(groups) - 1)
			seen[q.recs[i].acc] = g
			groups = append(groups, 0)
		}
		ids = append(ids, g)
		groups[g+1]++
	}
	for g := 1; g < len(groups); g++ {
		groups[g] += groups[g-1]
	}
	order = slices.Grow(c.drainOrder[:0], len(ids))[:len(ids)]
	fill := append(c.drainFill[:0], groups...)
	for i, g := range ids {
		order[fill[g]] = int32(i)
		fill[g]++
	}
	c.drainIDs, c.drainGroups, c.drainOrder, c.drainFill = ids, groups, order, fill
	return order, groups
}

func (c *Counter) worker(i int) *worker {
	for len(c.workers) <= i {
		c.workers = append(c.workers, &worker{xsum: map[uint64]float64{}})
	}
	return c.workers[i]
}

// apply adds one record of q into its year's node and edge sums.
func (c *Counter) apply(q *queue, w *worker, r *record) {
	acc := r.acc
	k := int(r.k)
	local := q.local[r.off : int(r.off)+k]
	nA := q.nA[r.off : int(r.off)+k]
	qA := q.qA[r.off : int(r.off)+k]
	lw := q.lw[r.off : int(r.off)+k]
	cross := q.cross[r.xoff : r.xoff+r.nCross]
	grp := q.grp[r.goff : r.goff+r.nGroups]
	n := int(r.n)
	cited := r.cited
	cit, kf := r.cit, float64(len(grp))
	fn := float64(n)
	pairs := fn * (fn - 1) // n(n−1); 0 when n = 1
	for a := 0; a < k; a++ {
		nw := acc.node(local[a])
		nw.Papers++
		if k > 1 {
			nw.Intl++
			nw.LeadIntl += lw[a]
		}
		nw.Lead += lw[a]
		nw.Output += nA[a] / fn
		if n > 1 {
			nw.Domestic += (nA[a]*nA[a] - qA[a]) / pairs
		}
		if cited {
			nw.Impact.N++
			for _, g := range grp {
				key := impKey{local[a], g}
				v := acc.nodeImp[key]
				acc.nodeImp[key] = [2]float64{v[0] + cit/kf, v[1] + 1/kf}
			}
		}
	}
	if k < 2 {
		return
	}
	var xsum map[uint64]float64
	if len(cross) > 0 {
		clear(w.xsum)
		xsum = w.xsum
		for _, t := range cross {
			xsum[uint64(t.a)<<32|uint64(t.b)] += t.x
		}
	}
	for a := 0; a < k; a++ {
		for b := a + 1; b < k; b++ {
			P := nA[a] * nA[b]
			if xsum != nil {
				P -= xsum[uint64(a)<<32|uint64(b)]
			}
			ia, ib := local[a], local[b]
			la, lb := lw[a], lw[b]
			if ia > ib {
				ia, ib, la, lb = ib, ia, lb, la
			}
			ei, slot := acc.edgeIdx.find(&acc.edges, ia, ib)
			if ei < 0 {
				ei = int32(acc.edges.n)
				acc.edges.add(edgeAcc{a: ia, b: ib})
				acc.edgeIdx.insert(&acc.edges, ia, ib, ei, slot)
				if c.opts.Impact {
					acc.edgeCited = append(acc.edgeCited, 0)
				}
			}
			ea := acc.edges.at(ei)
			ea.lead[0] += la
			ea.lead[1] += lb
			if cited {
				acc.edgeCited[ei]++
				for _, g := range grp {
					key := impKey{ei, g}
					v := acc.edgeImp[key]
					acc.edgeImp[key] = [2]float64{v[0] + cit/kf, v[1] + 1/kf}
				}
			}
			wt := &ea.w
			wt[Full]++
			if n > 1 {
				wt[BiFrac] += 2 * P / pairs
				wt[Frac] += P / (fn - 1)
			}
			wt[Share] += (nA[a] + nA[b]) / fn
		}
	}
}

func (c *Counter) reset() {
	for _, id := range c.local {
		c.pos[id] = 0
	}
	c.local = c.local[:0]
	c.nA = c.nA[:0]
	c.qA = c.qA[:0]
	c.cross = c.cross[:0]
	c.lead = c.lead[:0]
}

// Series returns the per-year weights counted so far. The Counter may go
// on counting; the Series does not change.
//
// Cost: O(N log N + E log E) for N nodes and E (year, edge) pairs.
func (c *Counter) Series() *Series { return c.series(false) }

// Finish is Series for a counter that will count no more: it releases
// each year's sums as soon as they are in the series, so that the peak
// memory is about that of the series, not the counter and the series
// together. The Counter is empty afterwards (Stats and Baseline remain).
func (c *Counter) Finish() *Series { return c.series(true) }

func (c *Counter) series(finish bool) *Series {
	c.drainAll()
	n := len(c.nodes)
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return cmp.Compare(c.nodes[a].key, c.nodes[b].key) })
	remap := make([]int32, n)
	s := &Series{
		level:     c.opts.Level,
		stats:     c.stats,
		keys:      make([]string, n),
		names:     make([]string, n),
		countries: make([]string, n),
	}
	for newID, old := range order {
		remap[old] = int32(newID)
		ni := &c.nodes[old]
		s.keys[newID] = ni.key
		s.names[newID] = ni.name
		if c.opts.Level == Countries {
			if ni.key != coauthnet.Unknown && !c.isGroup(ni.key) {
				s.countries[newID] = ni.key
			}
		}
		if ni.inst {
			s.names[newID] = ni.names.most()
			s.countries[newID] = ni.country.most()
			if s.names[newID] == "" {
				s.names[newID] = ni.key
			}
		}
	}
	// Years are converted in parallel, each by one goroutine: every
	// year's data is computed alone, so the result does not depend on
	// GOMAXPROCS.
	ys := slices.Sorted(maps.Keys(c.years))
	s.years = make([]yearData, len(ys))
	yearStats := make([]Stats, len(ys))
	parallel(len(ys), func(i int) {
		y := ys[i]
		acc := c.years[y]
		yd := yearData{year: y, papers: acc.papers}
		nodeSum := c.impactSums(y, acc.nodeImp, len(c.nodes), &yearStats[i])
		edgeSum := c.impactSums(y, acc.edgeImp, acc.edges.n, nil)
		// The year's nodes in series id order: marked by series id,
		// then collected in one scan (no comparison sort).
		at := make([]int32, len(remap)) // 1 + index in acc.nodes, by series id
		count := 0
		for i, nw := range acc.nodes {
			if nw.Papers > 0 {
				at[remap[acc.nodeIDs[i]]] = int32(i + 1)
				count++
			}
		}
		if count > 0 {
			yd.nodes = make([]nodeEntry, 0, count)
		}
		for sid, i := range at {
			if i == 0 {
				continue
			}
			nw := acc.nodes[i-1]
			if nodeSum != nil {
				nw.Impact.Sum = nodeSum[acc.nodeIDs[i-1]]
			}
			yd.nodes = append(yd.nodes, nodeEntry{id: int32(sid), w: nw})
		}
		edge := func(i int) edgeEntry {
			e := acc.edges.at(int32(i))
			a, b := remap[e.a], remap[e.b]
			lead := e.lead
			if a > b {
				a, b = b, a
				lead[0], lead[1] = lead[1], lead[0]
			}
			return edgeEntry{a: a, b: b, w: e.w, lead: lead}
		}
		if c.opts.Impact {
			yd.edges = make([]edgeEntry, acc.edges.n)
			yd.impact = make([]Impact, acc.edges.n)
			for i, n := range acc.edgeCited {
				yd.edges[i] = edge(i)
				yd.impact[i] = Impact{Sum: edgeSum[i], N: n}
			}
			yd.edges, yd.impact = sortEdges(yd.edges, yd.impact)
		} else {
			// Placed by a counting sort on a straight from the
			// accumulator, then each a's edges sorted by b.
			start := make([]int32, len(remap)+1)
			for i := range acc.edges.n {
				e := acc.edges.at(int32(i))
				start[min(remap[e.a], remap[e.b])+1]++
			}
			for a := range len(remap) {
				start[a+1] += start[a]
			}
			fill := slices.Clone(start)
			yd.edges = make([]edgeEntry, acc.edges.n)
			for i := range acc.edges.n {
				e := edge(i)
				yd.edges[fill[e.a]] = e
				fill[e.a]++
			}
			sortRuns(yd.edges, start)
		}
		s.years[i] = yd
		if finish {
			*acc = yearAcc{}
		}
	})
	for _, st := range yearStats {
		s.stats.ZeroBaseline += st.ZeroBaseline
	}
	if finish {
		clear(c.years)
	}
	slices.SortFunc(s.years, func(a, b yearData) int { return cmp.Compare(a.year, b.year) })
	if finish {
		c.last = nil
		c.q, c.spare, c.workers = &queue{}, &queue{}, nil
		clear(c.drainYears)
	}
	return s
}

// edgeBlocks holds a year's edges in blocks of a fixed size, so that a
// growing year never copies its edges into a slice twice as large (the
// freed halves fragment the heap: at institution level the retained
// memory was about twice the live heap).
type edgeBlocks struct {
	blocks [][]edgeAcc
	n      int
}

const edgeBlock = 4096

func (e *edgeBlocks) add(x edgeAcc) {
	if e.n%edgeBlock == 0 {
		e.blocks = append(e.blocks, make([]edgeAcc, 0, edgeBlock))
	}
	b := &e.blocks[len(e.blocks)-1]
	*b = append(*b, x)
	e.n++
}

func (e *edgeBlocks) at(i int32) *edgeAcc { return &e.blocks[i/edgeBlock][i%edgeBlock] }

// node returns the weights of internal id in the year, adding them.
func (acc *yearAcc) node(id int32) *NodeWeights {
	if n := len(acc.nodeAt); int(id) >= n {
		acc.nodeAt = slices.Grow(acc.nodeAt, int(id)+1-n)[:int(id)+1]
		clear(acc.nodeAt[n:])
	}
	i := acc.nodeAt[id]
	if i == 0 {
		acc.nodes = append(acc.nodes, NodeWeights{})
		acc.nodeIDs = append(acc.nodeIDs, id)
		i = int32(len(acc.nodes))
		acc.nodeAt[id] = i
	}
	return &acc.nodes[i-1]
}

// impactSums turns the (entity, field group) sums of year y into each
// entity's Σ normalised impact, adding in (entity, group) order so that
// the result does not depend on map order. With stats, it counts the
// (paper, field) pairs normalised against a zero mean.
func (c *Counter) impactSums(y int, m map[impKey][2]float64, n int, stats *Stats) []float64 {
	if m == nil {
		return nil
	}
	keys := make([]impKey, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b impKey) int {
		if c := cmp.Compare(a.ent, b.ent); c != 0 {
			return c
		}
		return cmp.Compare(a.group, b.group)
	})
	sums := make([]float64, n)
	for _, k := range keys {
		v, b := m[k], c.baseline[baseKey{y, k.group}]
		if mean := b[0] / b[1]; mean > 0 {
			sums[k.ent] += v[0] / mean
		} else {
			sums[k.ent] += v[1] // ratio 1 for a field-year never cited
		}
	}
	if stats != nil {
		for k, b := range c.baseline {
			if k.year == y && b[0] == 0 {
				stats.ZeroBaseline += int(b[1])
			}
		}
	}
	return sums
}

// Baseline returns the mean citations of the papers counted in field
// and year (field "" for papers without fields) and their number, with
// Options.Impact; n is 0 when there are none.
func (c *Counter) Baseline(field string, year int) (mean float64, n int) {
	g, ok := c.groupIDs[field]
	if !ok {
		return math.NaN(), 0
	}
	b := c.baseline[baseKey{year, g}]
	if b[1] == 0 {
		return math.NaN(), 0
	}
	return b[0] / b[1], int(b[1])
}

// countString adds one to m[s] for a non-empty s, storing a copy of s
// when it is new: the paper's strings may share a large buffer.
func countString(m map[string]int, s string) {
	if s == "" {
		return
	}
	if _, ok := m[s]; ok {
		m[s]++
		return
	}
	m[strings.Clone(s)] = 1
}

// mostFrequent returns the most frequent key, the smallest on ties, or ""
// for an empty map.
func mostFrequent(m map[string]int) string {
	best, bn := "", 0
	for k, n := range m {
		if n > bn || (n == bn && k < best) {
			best, bn = k, n
		}
	}
	return best
}

// Yearly counts papers and returns their per-year weights.
func Yearly(papers []coauthnet.Paper, opts Options) *Series {
	c := NewCounter(opts)
	for i := range papers {
		c.Add(&papers[i])
	}
	return c.Series()
}

// Build counts papers and returns one graph over all their years.
func Build(papers []coauthnet.Paper, opts Options) *Graph {
	s := Yearly(papers, opts)
	return s.Range(s.Span())
}
