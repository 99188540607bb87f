package mobility

import (
	"cmp"
	"fmt"
	"math"
	"math/bits"
	"slices"
)

// Options are the parameters of the rules (package doc). Use
// [DefaultOptions] and change what you need: zero values are meaningful.
type Options struct {
	Level Level
	// Switch is the cost of a change of home, in papers: a change is
	// made when it explains more than Switch papers better (rule 2).
	// Return is the cost of a change back to the origin.
	Switch, Return float64
	// LagYears is the length of the lag window: papers with the previous
	// home's address in the first LagYears calendar years of a new home
	// cost LagCost instead of 1 (rule 2).
	LagYears int
	LagCost  float64
	// Absent is the cost of an active year without a paper at the home
	// (in the lag window: Absent·LagCost when the previous home is
	// there), on top of the papers' costs (rule 2).
	Absent float64

	// MinPapers is the number of papers at another node during one home
	// period, with less than TravelGap calendar years between
	// consecutive ones, that make travel (rule 3). At least 1.
	MinPapers int
	TravelGap int
}

// DefaultOptions are the defaults: country level, Switch 2.5, LagYears
// 2, LagCost 0.25, MinPapers 2, TravelGap 3 (chosen by TestSweep).
var DefaultOptions = Options{Level: Countries, Switch: 2.5, Return: 1, LagYears: 2, LagCost: 0.25, Absent: 0.5, MinPapers: 2, TravelGap: 3}

// Validate reports options out of range: Switch and Return must be
// above 0, LagCost in [0, 1], Absent and LagYears at least 0, MinPapers
// and TravelGap at least 1 (NaN is out of every range).
func (o Options) Validate() error {
	if o.MinPapers < 1 || o.TravelGap < 1 || !(o.Switch > 0) || !(o.Return > 0) || !(o.LagCost >= 0 && o.LagCost <= 1) || !(o.Absent >= 0) || o.LagYears < 0 {
		return fmt.Errorf("mobility: rules out of range: want Switch and Return > 0, LagCost in [0,1], Absent and LagYears ≥ 0, MinPapers and TravelGap ≥ 1")
	}
	return nil
}

// A Kind is the kind of a move.
type Kind int

const (
	Migrant Kind = iota
	Traveller
)

func (k Kind) String() string {
	if k == Traveller {
		return "traveller"
	}
	return "migrant"
}

// A Class is an author's class.
type Class int

const (
	Stayer Class = iota
	TravellerClass
	MigrantClass
)

func (c Class) String() string {
	switch c {
	case MigrantClass:
		return "migrant"
	case TravellerClass:
		return "traveller"
	}
	return "stayer"
}

// A Move is one migration or travel of one author.
type Move struct {
	Author   int // index in Result.Authors
	From, To int // node indices in Result.Nodes
	Year     int // first year observed at To (migrant) or first travel paper
	Kind     Kind
	// FromPapers are the author's papers at From in the spell or home
	// period left (migrant) or kept (traveller); ToPapers the papers at
	// To that make the move (the spell, or the travel papers).
	FromPapers, ToPapers int
	// Overlap is the number of years after Year in which From was still
	// observed (publication lag or a gradual move); 0 for travel.
	Overlap int
	Return  bool // migrant to the author's origin
	Prior   bool // the author was observed at To before Year
	// Impact is the author's citations per paper over the papers with a
	// known count published before Year (NaN when there is none); Cited
	// is their number. CNCI is the mean over the same papers of their
	// field- and year-normalised citations: a paper's citations divided
	// by the mean citations of the corpus's papers of the same year and
	// field (a paper in k fields: the mean of its k ratios; papers
	// without a field form one group; a field-year never cited gives
	// ratio 1), the CNCI of InCites with the corpus as baseline, as in
	// package graph. It removes the advantage of older papers, which
	// have had more time to be cited.
	Impact float64
	CNCI   float64
	Cited  int
}

// An Author is one career.
type Author struct {
	Key        string
	Origin     int // node index
	Last       int // node index of the last home
	Class      Class
	First, End int // first and last active year
	Papers     int
	Migrations int
	Travels    int
}

// A Result is the careers of a corpus, their moves and the node labels.
type Result struct {
	Options Options
	Nodes   []string // country codes or institution keys
	// NodeCountry is the country of each node (the node itself at country
	// level; an institution's most frequent country otherwise).
	NodeCountry []string
	Authors     []Author // in key order
	Moves       []Move   // by author, then year, then kind, then destination
	Stats       Stats
	// Unobserved are authors with an identifier but no observation at
	// the level (no node on any paper): counted, not in Authors.
	Unobserved int
}

// Analyze classifies every career. It sorts the observations and leaves
// c usable for another Analyze. It panics if opts are out of range
// (Validate: MinPapers or TravelGap below 1, Switch or Return not
// positive, LagCost outside [0, 1], Absent or LagYears negative).
func (c *Careers) Analyze(opts Options) *Result {
	if err := opts.Validate(); err != nil {
		panic(err)
	}
	// Renumber the authors in key order (once: afterwards the order
	// holds), then sort the observations by author, year, paper.
	if !slices.IsSorted(c.keys) {
		byKey := make([]int32, len(c.keys))
		for i := range byKey {
			byKey[i] = int32(i)
		}
		slices.SortFunc(byKey, func(a, b int32) int { return cmp.Compare(c.keys[a], c.keys[b]) })
		rank := make([]int32, len(c.keys))
		keys := make([]string, len(c.keys))
		for r, a := range byKey {
			rank[a] = int32(r)
			keys[r] = c.keys[a]
		}
		c.keys = keys
		for k, v := range c.ids {
			c.ids[k] = rank[v]
		}
		for i := range c.obs {
			c.obs[i].author = rank[c.obs[i].author]
		}
	}
	slices.SortFunc(c.obs, func(a, b obs) int {
		ka := uint64(a.author)<<32 | uint64(uint32(a.year))
		kb := uint64(b.author)<<32 | uint64(uint32(b.year))
		if ka != kb {
			return cmp.Compare(ka, kb)
		}
		return cmp.Compare(a.paper, b.paper)
	})
	r := &Result{Options: opts, Stats: c.Stats()}
	labels := c.countries
	if opts.Level == Institutions {
		labels = c.insts
	}
	// Nodes in label order: remap.
	order := make([]int32, len(labels))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return cmp.Compare(labels[a], labels[b]) })
	remap := make([]int32, len(labels))
	r.Nodes = make([]string, len(labels))
	for i, o := range order {
		remap[o] = int32(i)
		r.Nodes[i] = labels[o]
	}
	r.NodeCountry = c.nodeCountries(opts.Level, remap, len(labels))

	var w worker
	seen := make([]bool, len(c.keys))
	for lo := 0; lo < len(c.obs); {
		hi := lo + 1
		for hi < len(c.obs) && c.obs[hi].author == c.obs[lo].author {
			hi++
		}
		a := c.obs[lo].author
		seen[a] = true
		if !w.load(c.obs[lo:hi], opts.Level, remap, opts.Absent) {
			r.Unobserved++
		} else {
			w.classify(opts, r, c.keys[a], c.cnci)
		}
		lo = hi
	}
	for _, s := range seen {
		if !s {
			r.Unobserved++
		}
	}
	return r
}

// nodeCountries gives each node its country: the most frequent country
// among the observations of an institution (ties: the smaller code).
func (c *Careers) nodeCountries(l Level, remap []int32, n int) []string {
	out := make([]string, n)
	if l == Countries {
		for i, s := range c.countries {
			out[remap[i]] = s
		}
		return out
	}
	count := map[[2]int32]int{}
	for _, o := range c.obs {
		if o.inst >= 0 {
			count[[2]int32{o.inst, o.node}]++
		}
	}
	best := make([]int, n)
	for k, v := range count {
		i := remap[k[0]]
		cc := c.countries[k[1]]
		if v > best[i] || v == best[i] && cc < out[i] {
			best[i], out[i] = v, cc
		}
	}
	return out
}

// maxNodes is the number of nodes of one career that can be a home;
// observations at further nodes (more than 64 institutions in one
// career) count as papers elsewhere.
const maxNodes = 64

// worker holds one career: active years, the node set of each paper,
// and per node and year the papers at it.
type worker struct {
	years  []int32
	nodes  []int32  // node ids of the career (global, remapped)
	pyi    []int    // year index of each paper
	pmask  []uint64 // nodes of each paper
	pcites []int32
	ppaper []int32   // paper index of each paper
	ppy    []int     // papers per year
	cnt    []int     // len(nodes) × len(years): papers with the node
	pre    []float64 // len(nodes) × (len(years)+1): prefix sums of papers without the node
	best   []float64 // len(years) × len(nodes)
	segs   []int
	from   []int32 // back pointer: start year index << 8 | previous home+1
	orig   []int32 // origin of the best segmentation
}

// load fills w from one author's observations (sorted by year, paper);
// false when none has a node at the level.
func (w *worker) load(os []obs, l Level, remap []int32, absent float64) bool {
	w.years, w.nodes, w.pyi, w.pmask, w.pcites, w.ppaper = w.years[:0], w.nodes[:0], w.pyi[:0], w.pmask[:0], w.pcites[:0], w.ppaper[:0]
	lastPaper := int32(-1)
	for _, o := range os {
		id := o.node
		if l == Institutions {
			id = o.inst
		}
		if id < 0 {
			continue
		}
		id = remap[id]
		if len(w.years) == 0 || w.years[len(w.years)-1] != o.year {
			w.years = append(w.years, o.year)
		}
		ni := slices.Index(w.nodes, id)
		if ni < 0 {
			ni = len(w.nodes)
			w.nodes = append(w.nodes, id)
		}
		if o.paper != lastPaper {
			lastPaper = o.paper
			w.pyi = append(w.pyi, len(w.years)-1)
			w.pmask = append(w.pmask, 0)
			w.pcites = append(w.pcites, o.cites)
			w.ppaper = append(w.ppaper, o.paper)
		}
		if ni < maxNodes {
			w.pmask[len(w.pmask)-1] |= 1 << ni
		}
	}
	if len(w.years) == 0 {
		return false
	}
	n, k := min(len(w.nodes), maxNodes), len(w.years)
	w.ppy = resize(w.ppy, k)
	w.cnt = resize(w.cnt, n*k)
	for p, m := range w.pmask {
		y := w.pyi[p]
		w.ppy[y]++
		for m != 0 {
			i := bits.TrailingZeros64(m)
			m &^= 1 << i
			w.cnt[i*k+y]++
		}
	}
	w.pre = resize(w.pre, n*(k+1))
	for i := 0; i < n; i++ {
		for y := 0; y < k; y++ {
			c := float64(w.ppy[y] - w.cnt[i*k+y])
			if w.cnt[i*k+y] == 0 {
				c += absent
			}
			w.pre[i*(k+1)+y+1] = w.pre[i*(k+1)+y] + c
		}
	}
	return true
}

func resize[T int | float64 | int32](s []T, n int) []T {
	s = slices.Grow(s[:0], n)[:n]
	clear(s)
	return s
}

func (w *worker) at(node, yi int) int { return w.cnt[node*len(w.years)+yi] }

// lagged returns the cost that the lag window saves on segment a..b
// (year indices) at home h after home p: (1 − LagCost) for each paper
// of the years within LagYears calendar years of year a that has p and
// not h, and (1 − LagCost)·Absent for each such year without h but
// with p.
func (w *worker) lagged(a, b, h, p int, opts *Options) float64 {
	k := len(w.years)
	saved := 0.0
	for y := a; y <= b && int(w.years[y]-w.years[a]) < opts.LagYears; y++ {
		if w.cnt[h*k+y] == 0 && w.cnt[p*k+y] > 0 {
			saved += opts.Absent
		}
	}
	for q, y := range w.pyi {
		if y < a || y > b || int(w.years[y]-w.years[a]) >= opts.LagYears {
			continue
		}
		if w.pmask[q]&(1<<p) != 0 && w.pmask[q]&(1<<h) == 0 {
			saved++
		}
	}
	return (1 - opts.LagCost) * saved
}

// classify applies the rules to the loaded career and appends the
// author and its moves to r.
func (w *worker) classify(opts Options, r *Result, key string, cnci func(paper, year, cites int32) float64) {
	n, k := min(len(w.nodes), maxNodes), len(w.years)
	label := func(i int) string { return r.Nodes[w.nodes[i]] }
	// Rule 2: the segmentation of least cost, by dynamic programming over
	// segments [a, b] of active years with home h after home p:
	// best[b][h] = min(cost(0..b at h), min over a, p≠h of
	// best[a−1][p] + Switch + cost(a..b at h, lag at p)).
	w.best = resize(w.best, k*n)
	w.segs = resize(w.segs, k*n)
	w.from = resize(w.from, k*n)
	w.orig = resize(w.orig, k*n)
	const eps = 1e-9
	for b := 0; b < k; b++ {
		for h := 0; h < n; h++ {
			base := w.pre[h*(k+1)+b+1]
			bc, bs, bf, bo := base-w.pre[h*(k+1)], 1, int32(0), int32(h)
			if w.at(h, 0) == 0 {
				// Rule 1: the first home is a node of the first year.
				bc = math.Inf(1)
			}
			for a := 1; a <= b; a++ {
				seg := base - w.pre[h*(k+1)+a]
				for p := 0; p < n; p++ {
					if p == h {
						continue
					}
					prev := w.best[(a-1)*n+p]
					sw := opts.Switch
					if int32(h) == w.orig[(a-1)*n+p] {
						sw = opts.Return
					}
					c := prev + sw + seg - w.lagged(a, b, h, p, &opts)
					s := w.segs[(a-1)*n+p] + 1
					if c < bc-eps || c < bc+eps && (s < bs || s == bs && bf != 0 && label(p) < label(int(bf&0xff)-1)) {
						bc, bs, bf, bo = c, s, int32(a<<8|(p+1)), w.orig[(a-1)*n+p]
					}
				}
			}
			w.best[b*n+h], w.segs[b*n+h], w.from[b*n+h], w.orig[b*n+h] = bc, bs, bf, bo
		}
	}
	end := 0
	for h := 1; h < n; h++ {
		c, e := w.best[(k-1)*n+h], w.best[(k-1)*n+end]
		if c < e-eps || c < e+eps && (w.segs[(k-1)*n+h] < w.segs[(k-1)*n+end] ||
			w.segs[(k-1)*n+h] == w.segs[(k-1)*n+end] && label(h) < label(end)) {
			end = h
		}
	}
	// Walk back: homes in order.
	type home struct{ node, from, prev int }
	var homes []home
	for b, h := k-1, end; ; {
		f := w.from[b*n+h]
		a, p := int(f>>8), int(f&0xff)-1
		homes = append(homes, home{node: h, from: a, prev: p})
		if p < 0 {
			break
		}
		b, h = a-1, p
	}
	slices.Reverse(homes)
	origin := homes[0].node
	author := len(r.Authors)
	first := len(r.Moves)
	for j, hm := range homes {
		stop := k
		if j+1 < len(homes) {
			stop = homes[j+1].from
		}
		if j > 0 {
			m := Move{Author: author, From: int(w.nodes[hm.prev]), To: int(w.nodes[hm.node]), Year: int(w.years[hm.from]),
				Kind: Migrant, Return: hm.node == origin}
			for yi := homes[j-1].from; yi < hm.from; yi++ {
				m.FromPapers += w.at(hm.prev, yi)
			}
			for yi := hm.from; yi < stop; yi++ {
				m.ToPapers += w.at(hm.node, yi)
				if w.at(hm.prev, yi) > 0 {
					m.Overlap = int(w.years[yi] - w.years[hm.from])
				}
			}
			for yi := 0; yi < hm.from; yi++ {
				if w.at(hm.node, yi) > 0 {
					m.Prior = true
					break
				}
			}
			r.Moves = append(r.Moves, m)
		}
		// Rule 3: travel, the papers at other nodes in the home period,
		// except those of the lag window without the new home.
		for i := 0; i < len(w.nodes); i++ {
			if i == hm.node {
				continue
			}
			// The move is dated at the first paper of the first run of
			// MinPapers travel papers with less than TravelGap calendar
			// years between consecutive ones.
			papers, firstY, runStart, run, lastY := 0, -1, -1, 0, int32(-1<<30)
			for q, yi := range w.pyi {
				if yi < hm.from || yi >= stop || i >= maxNodes || w.pmask[q]&(1<<i) == 0 {
					continue
				}
				if hm.prev >= 0 && int(w.years[yi]-w.years[hm.from]) < opts.LagYears && w.pmask[q]&(1<<hm.node) == 0 {
					continue // lag: an old paper without the new home
				}
				papers++
				if w.years[yi]-lastY >= int32(opts.TravelGap) {
					runStart, run = yi, 0
				}
				lastY = w.years[yi]
				run++
				if run >= opts.MinPapers && firstY < 0 {
					firstY = runStart
				}
			}
			if firstY < 0 {
				continue
			}
			m := Move{Author: author, From: int(w.nodes[hm.node]), To: int(w.nodes[i]), Year: int(w.years[firstY]),
				Kind: Traveller, ToPapers: papers}
			for yi := hm.from; yi < stop; yi++ {
				m.FromPapers += w.at(hm.node, yi)
			}
			for yi := 0; yi < firstY; yi++ {
				if w.at(i, yi) > 0 {
					m.Prior = true
					break
				}
			}
			r.Moves = append(r.Moves, m)
		}
	}
	a := Author{Key: key, Origin: int(w.nodes[origin]), Last: int(w.nodes[homes[len(homes)-1].node]),
		First: int(w.years[0]), End: int(w.years[k-1]), Papers: len(w.pyi)}
	moves := r.Moves[first:]
	slices.SortFunc(moves, func(a, b Move) int {
		if a.Year != b.Year {
			return cmp.Compare(a.Year, b.Year)
		}
		if a.Kind != b.Kind {
			return cmp.Compare(a.Kind, b.Kind)
		}
		return cmp.Compare(a.To, b.To)
	})
	for i := range moves {
		m := &moves[i]
		if m.Kind == Migrant {
			a.Migrations++
		} else {
			a.Travels++
		}
		sum, norm := 0, 0.0
		for p, yi := range w.pyi {
			if int(w.years[yi]) < m.Year && w.pcites[p] >= 0 {
				sum += int(w.pcites[p])
				norm += cnci(w.ppaper[p], w.years[yi], w.pcites[p])
				m.Cited++
			}
		}
		m.Impact, m.CNCI = math.NaN(), math.NaN()
		if m.Cited > 0 {
			m.Impact = float64(sum) / float64(m.Cited)
			m.CNCI = norm / float64(m.Cited)
		}
	}
	switch {
	case a.Migrations > 0:
		a.Class = MigrantClass
	case a.Travels > 0:
		a.Class = TravellerClass
	}
	r.Authors = append(r.Authors, a)
}

// cnci returns the normalised citations of a cited paper (Move.CNCI).
func (c *Careers) cnci(paper, year, cites int32) float64 {
	fs := c.pfields[c.pstart[paper]:c.pstart[paper+1]]
	sum := 0.0
	for _, f := range fs {
		b := c.base[[2]int32{year, f}]
		if mean := b[0] / b[1]; mean > 0 {
			sum += float64(cites) / mean
		} else {
			sum++
		}
	}
	return sum / float64(len(fs))
}
