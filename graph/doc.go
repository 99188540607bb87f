// Package graph turns papers into weighted co-authorship graphs: country
// or institution nodes, four counting methods, per-year series, ranges of
// years, sliding windows and merged groups of nodes.
//
// A [Counter] accumulates papers one at a time into a [Series] of yearly
// weights; [Series.At], [Series.Range] and [Series.Windows] give immutable
// [Graph]s. [Build] and [Yearly] do the same for a slice of papers.
// [Graph.Weighted] presents a graph to gonum's algorithms without a copy.
//
// # Counting
//
// The unit is the author. On paper p, each author i with at least one
// known node (a country, or an institution at level [Institutions])
// carries weight 1, split equally over those affiliations:
//
//	w_iA = (i's affiliations in A) / (i's affiliations with a known node)
//
// n_p is the number of such authors and n_pA = Σ_i w_iA. Authors without
// a known node are left out of n_p and counted in [Stats.AuthorsUnknown];
// [Options.KeepUnknown] keeps them as the node "ZZ" instead. The share of
// node A on p is s_pA = n_pA / n_p. Collaboration between A and B on p is
// carried by pairs of different authors:
//
//	P_p(A,B) = Σ_{i≠j} w_iA·w_jB = n_pA·n_pB − Σ_i w_iA·w_iB
//
// (the subtracted term removes one author's own dual affiliation). The
// weight paper p adds to edge A–B, for A ≠ B, is
//
//	Full    1 when n_pA > 0 and n_pB > 0                (whole counting)
//	BiFrac  2·P_p(A,B) / (n_p(n_p−1)), 0 when n_p < 2
//	Frac    P_p(A,B) / (n_p−1),        0 when n_p < 2
//	Share   s_pA + s_pB
//
// What each conserves on one paper with n_p ≥ 2 and k distinct nodes:
// BiFrac over all pairs plus the self-pairs of Domestic sums to 1
// (Leydesdorff & Park 2017, doi:10.1016/j.joi.2016.11.007; the
// bidirectional fractional counting of the ASPI Critical Technology
// Tracker); Frac gives each author links summing to 1, so the paper
// totals n_p/2 with self-pairs (Perianes-Rodriguez, Waltman & van Eck
// 2016, doi:10.1016/j.joi.2016.10.006; VOSviewer); Full sums to
// k(k−1)/2 and Share to k−1 (the Nature Index bilateral collaboration
// score).
//
// Node weights: Papers (whole count), Output R_A = Σ_p s_pA (fractional
// output), Intl (papers with at least one other node), and Domestic
// Σ_p (n_pA² − Σ_i w_iA²)/(n_p(n_p−1)), the BiFrac weight of pairs of
// different authors inside A.
//
// Every weight is a sum over papers, hence additive over years and over
// shards of a corpus. Edge weights BiFrac and Frac are bilinear in the
// author weights: merging a [Group] of nodes gives, for the edge G–B, the
// sum of the members' edges A–B; Full and Share are not sums (a paper with
// two members counts once).
//
// # Levels and keys
//
// At level [Countries] a node's key is its ISO 3166-1 alpha-2 code. At
// level [Institutions] it is the affiliation's institution identifier
// (ROR or source id) when present, else [InstitutionKey] of its name and
// country, "CN:tsinghua univ" ("ZZ:mit" when the country is unknown: ZZ
// is [coauthnet.Unknown]). An affiliation with neither is unknown at
// that level.
//
// # Cost
//
// Counting a paper costs O(a + k²) for a author-affiliations and k
// distinct nodes, so hyper-authored papers dominate at level
// [Institutions]. Memory grows with nodes and (year, edge) pairs, never
// with papers.
package graph
