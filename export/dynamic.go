package export

import (
	"io"

	"github.com/coauthnet/coauthnet/community"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/gexf"
)

// WriteDynamic writes the yearly graphs gs of s (consecutive periods,
// ascending) as one dynamic GEXF file (gexf.WriteDynamic) through
// create, as coauthnet build --by-year --to gexf does: each year's
// frame has the measure columns and o's attachments; with o.Layout,
// one position per node of the union of the years, from the graph of s
// over the whole span of gs (its nodes are that union, in key order),
// seeded with o.Attach.Seed. o.Warn is not used.
func WriteDynamic(s *graph.Series, gs []*graph.Graph, path string, o Options, create Create) error {
	c := o.Countings[0]
	frames := make([]gexf.Frame, len(gs))
	for i, g := range gs {
		cols, _, _ := Attachments(g, c, o.Attach)
		ncols, ecols := MeasureColumns(g, o.Leader, o.Impact)
		frames[i] = gexf.Frame{G: g, Nodes: append(ncols, cols...), Edges: ecols}
	}
	var xs, ys []float64
	if o.Layout {
		span := graph.Period{From: gs[0].Period().From, To: gs[len(gs)-1].Period().To}
		xs, ys = Positions(s.Range(span), c, o.Attach.Seed)
	}
	return create(path, func(w io.Writer) error {
		return gexf.WriteDynamic(w, frames, gexf.Options{Counting: o.Countings, Meta: o.Meta, X: xs, Y: ys})
	})
}

// PoleBlocs classifies every node of s for Attach.Bloc: "focal pole"
// and "rival pole" for the two poles, and for the others their bloc
// towards the focal pole (partner, competitor or hedger). With user
// blocs (community.ReadBlocFile) every node of the graph over the whole
// span gets its user bloc (community.BlocOf: hedger when unlisted);
// without, the blocs are inferred with community.InferBlocs at its
// defaults and only the nodes it assigns are classified.
func PoleBlocs(s *graph.Series, focal, rival string, user map[string]string) (map[string]string, error) {
	bloc := map[string]string{focal: "focal pole", rival: "rival pole"}
	if user != nil {
		g := s.Range(s.Span())
		for v := 0; v < g.Len(); v++ {
			if k := g.Label(v); bloc[k] == "" {
				bloc[k] = community.BlocOf(k, user)
			}
		}
		return bloc, nil
	}
	b, err := community.InferBlocs(s, community.BlocOptions{Focal: focal, Rival: rival})
	if err != nil {
		return nil, err
	}
	for _, a := range b.Assignments {
		bloc[a.Node] = a.Bloc
	}
	return bloc, nil
}
