package summary

import (
	"strconv"
	"strings"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/table"
	"github.com/coauthnet/coauthnet/load"
)

// Provenance returns the graph-level metadata that coauthnet writes into
// every export: the module version ([coauthnet.Version]), the inputs
// with their SHA-256 (the sample describes itself), the country policy
// and unknown-node rule, what was read, used and left out, and when they
// apply the duplicates dropped, the groups and the minimum edge weight.
// s and lo are what load.Papers returned and was given; st and o the
// counter's statistics (Series.Stats) and options.
func Provenance(s *load.Summary, lo load.Options, st graph.Stats, o graph.Options, minWeight float64) []table.Meta {
	var inputs []string
	for _, in := range s.Inputs {
		x := in.Format
		if in.SHA256 != "" {
			x = in.Name + " sha256:" + in.SHA256
		}
		if in.Origin != "" {
			x += " (" + in.Origin + ")"
		}
		inputs = append(inputs, x)
	}
	unknown := "drop"
	if o.KeepUnknown {
		unknown = "node"
	}
	meta := []table.Meta{
		{Key: "coauthnet_version", Value: coauthnet.Version()},
		{Key: "inputs", Value: strings.Join(inputs, "; ")},
		{Key: "country_policy", Value: lo.Policy.String()},
		{Key: "unknown", Value: unknown},
		table.MetaInt("records_read", s.Read),
		table.MetaInt("records_used", st.Used),
		table.MetaInt("records_skipped", s.Skipped),
		table.MetaInt("papers_out_of_years", st.OutOfYears),
		table.MetaInt("papers_without_known_node", st.NoKnownNode),
		table.MetaInt("authors", st.Authors),
		table.MetaInt("authors_without_known_node", st.AuthorsUnknown),
	}
	if n := s.Duplicated(); n > 0 {
		meta = append(meta, table.Meta{Key: "dedup", Value: lo.Dedup.String()}, table.MetaInt("records_duplicate", n))
	}
	if len(o.Groups) > 0 {
		var names []string
		for _, g := range o.Groups {
			names = append(names, g.Name)
		}
		meta = append(meta, table.Meta{Key: "groups", Value: strings.Join(names, ",")})
	}
	if minWeight > 0 {
		meta = append(meta, table.Meta{Key: "min_weight", Value: strconv.FormatFloat(minWeight, 'g', -1, 64)})
	}
	return meta
}
