package mobility

import (
	"cmp"
	"math"
	"slices"
)

// Options are the parameters of the rules (package doc). Use
// [DefaultOptions] and change what you need: zero values are meaningful
// only for Level.
type Options struct {
	Level Level
	// Break is the number of consecutive active years without a node
	// that ends its spell (rule 2). At least 1.
	Break int
	// MinPapers is the evidence a spell needs to be a home, a new home
	// needs after the old one's last active year, and travel needs
	// (rules 2–4). At least 1.
	MinPapers int
}

// DefaultOptions are the defaults: country level, Break 3, MinPapers 2.
var DefaultOptions = Options{Level: Countries, Break: 3, MinPapers: 2}

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
	// is their number.
	Impact float64
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

// Analyze classifies every career. It sorts the observations (once) and
// leaves c usable for another Analyze. It panics if opts.Break or
// opts.MinPapers is below 1.
func (c *Careers) Analyze(opts Options) *Result {
	if opts.Break < 1 || opts.MinPapers < 1 {
		panic("mobility: Break and MinPapers must be at least 1")
	}
	rank := make([]int32, len(c.keys))
	{
		byKey := make([]int32, len(c.keys))
		for i := range byKey {
			byKey[i] = int32(i)
		}
		slices.SortFunc(byKey, func(a, b int32) int { return cmp.Compare(c.keys[a], c.keys[b]) })
		for r, a := range byKey {
			rank[a] = int32(r)
		}
	}
	slices.SortFunc(c.obs, func(a, b obs) int {
		if a.author != b.author {
			return cmp.Compare(rank[a.author], rank[b.author])
		}
		if a.year != b.year {
			return cmp.Compare(a.year, b.year)
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
		if !w.load(c.obs[lo:hi], opts.Level, remap) {
			r.Unobserved++
		} else {
			w.classify(opts, r, c.keys[a])
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

// worker holds one career: active years, paper counts per node and
// year, and the papers' years and citations.
type worker struct {
	years  []int32
	nodes  []int32 // node ids of the career (global, remapped)
	cnt    []int   // len(nodes) × len(years)
	tot    []int
	pyears []int32 // per distinct paper
	pcites []int32
	spells []spell
}

type spell struct {
	node       int // local node index
	s, e       int // year indices, inclusive
	papers     int
	incidental bool
}

// load fills w from one author's observations (sorted by year, paper);
// false when none has a node at the level.
func (w *worker) load(os []obs, l Level, remap []int32) bool {
	w.years, w.nodes, w.pyears, w.pcites = w.years[:0], w.nodes[:0], w.pyears[:0], w.pcites[:0]
	type yp struct{ yi, node int }
	var seen []yp // (year index, local node) of the current paper
	lastPaper := int32(-1)
	var entries []yp
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
		yi := len(w.years) - 1
		ni := slices.Index(w.nodes, id)
		if ni < 0 {
			ni = len(w.nodes)
			w.nodes = append(w.nodes, id)
		}
		if o.paper != lastPaper {
			lastPaper = o.paper
			seen = seen[:0]
			w.pyears = append(w.pyears, o.year)
			w.pcites = append(w.pcites, o.cites)
		}
		e := yp{yi, ni}
		if slices.Contains(seen, e) {
			continue
		}
		seen = append(seen, e)
		entries = append(entries, e)
	}
	if len(w.years) == 0 {
		return false
	}
	n, k := len(w.nodes), len(w.years)
	w.cnt = slices.Grow(w.cnt[:0], n*k)[:n*k]
	clear(w.cnt)
	w.tot = slices.Grow(w.tot[:0], n)[:n]
	clear(w.tot)
	for _, e := range entries {
		w.cnt[e.node*k+e.yi]++
		w.tot[e.node]++
	}
	return true
}

func (w *worker) at(node, yi int) int { return w.cnt[node*len(w.years)+yi] }

// classify applies the rules to the loaded career and appends the
// author and its moves to r.
func (w *worker) classify(opts Options, r *Result, key string) {
	n, k := len(w.nodes), len(w.years)
	label := func(i int) string { return r.Nodes[w.nodes[i]] }
	// Rule 1: origin.
	origin := 0
	for i := 1; i < n; i++ {
		a, b := w.at(i, 0), w.at(origin, 0)
		if a > b || a == b && (w.tot[i] > w.tot[origin] || w.tot[i] == w.tot[origin] && label(i) < label(origin)) {
			origin = i
		}
	}
	// Rule 2: spells.
	w.spells = w.spells[:0]
	for i := 0; i < n; i++ {
		cur := -1
		for yi := 0; yi < k; yi++ {
			c := w.at(i, yi)
			if c == 0 {
				continue
			}
			if cur >= 0 && yi-w.spells[cur].e-1 < opts.Break {
				w.spells[cur].e = yi
				w.spells[cur].papers += c
				continue
			}
			w.spells = append(w.spells, spell{node: i, s: yi, e: yi, papers: c})
			cur = len(w.spells) - 1
		}
	}
	for i := range w.spells {
		sp := &w.spells[i]
		sp.incidental = sp.papers < opts.MinPapers && !(sp.node == origin && sp.s == 0)
	}
	slices.SortFunc(w.spells, func(a, b spell) int {
		if a.s != b.s {
			return cmp.Compare(a.s, b.s)
		}
		if a.e != b.e {
			return cmp.Compare(a.e, b.e)
		}
		return cmp.Compare(label(a.node), label(b.node))
	})
	// Rule 3: homes.
	type home struct {
		node     int
		from     int // year index where the home starts
		lastOld  int // last year index of the previous home's spell, -1
		prevNode int
	}
	hi := slices.IndexFunc(w.spells, func(s spell) bool { return s.node == origin && s.s == 0 })
	h := w.spells[hi]
	homes := []home{{node: origin, from: 0, lastOld: -1, prevNode: -1}}
	author := len(r.Authors)
	first := len(r.Moves)
	for j, sp := range w.spells {
		if j == hi {
			continue
		}
		if sp.node == h.node {
			if sp.e > h.e {
				h.e = sp.e
				h.papers += sp.papers
			}
			continue
		}
		if sp.incidental || sp.e <= h.e {
			continue
		}
		tail := 0
		for yi := h.e + 1; yi <= sp.e; yi++ {
			tail += w.at(sp.node, yi)
		}
		if tail < opts.MinPapers {
			continue
		}
		m := Move{Author: author, From: int(w.nodes[h.node]), To: int(w.nodes[sp.node]), Year: int(w.years[sp.s]),
			Kind: Migrant, FromPapers: h.papers, ToPapers: sp.papers, Return: sp.node == origin}
		if h.e > sp.s {
			m.Overlap = int(w.years[h.e] - w.years[sp.s])
		}
		for yi := 0; yi < sp.s; yi++ {
			if w.at(sp.node, yi) > 0 {
				m.Prior = true
				break
			}
		}
		r.Moves = append(r.Moves, m)
		homes = append(homes, home{node: sp.node, from: sp.s, lastOld: h.e, prevNode: h.node})
		h = sp
	}
	// Rule 4: travel.
	for hj, hm := range homes {
		end := k
		if hj+1 < len(homes) {
			end = homes[hj+1].from
		}
		for i := 0; i < n; i++ {
			if i == hm.node {
				continue
			}
			papers, firstY := 0, -1
			for yi := hm.from; yi < end; yi++ {
				if i == hm.prevNode && yi <= hm.lastOld {
					continue
				}
				if c := w.at(i, yi); c > 0 {
					papers += c
					if firstY < 0 {
						firstY = yi
					}
				}
			}
			if papers < opts.MinPapers {
				continue
			}
			homePapers := 0
			for yi := hm.from; yi < end; yi++ {
				homePapers += w.at(hm.node, yi)
			}
			m := Move{Author: author, From: int(w.nodes[hm.node]), To: int(w.nodes[i]), Year: int(w.years[firstY]),
				Kind: Traveller, FromPapers: homePapers, ToPapers: papers}
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
		First: int(w.years[0]), End: int(w.years[k-1]), Papers: len(w.pyears)}
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
		sum := 0
		for p, y := range w.pyears {
			if int(y) < m.Year && w.pcites[p] >= 0 {
				sum += int(w.pcites[p])
				m.Cited++
			}
		}
		m.Impact = math.NaN()
		if m.Cited > 0 {
			m.Impact = float64(sum) / float64(m.Cited)
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
