// Package metrics computes numbers from a co-authorship [graph.Graph]:
// node centralities and pair measures. Results are slices indexed by node
// (or by edge, in the graph's edge order), never maps; the graph is not
// changed.
//
// # Centralities
//
// Each takes the counting method whose weight it uses ([graph.BiFrac] by
// default in the command). Normalisations are networkx's (3.x), and the
// tests compare with networkx on the same weighted graph:
//
//   - [Degree]: number of neighbours. [Strength]: Σ of edge weights.
//   - [PageRank]: weight as strength (the walk leaves a node along an
//     edge with probability weight/strength), damping d (default 0.85),
//     the mass of nodes without edges spread uniformly; sums to 1. Our
//     own power iteration: gonum's starts from a random vector and is
//     not bit-for-bit repeatable.
//   - [Eigenvector]: the leading eigenvector of the weighted adjacency,
//     unit Euclidean norm, by power iteration on A + I from the uniform
//     vector (as networkx.eigenvector_centrality; gonum has none).
//   - [Betweenness], [Closeness], [Harmonic]: on shortest paths where
//     the length of an edge is its distance 1/weight (a strong tie is a
//     short path). Edges of weight 0 (a link carried only by one author's
//     dual affiliation under bifrac or frac) are not paths. Betweenness
//     is Σ_{s≠v≠t} σ_st(v)/σ_st over unordered pairs divided by
//     (n−1)(n−2)/2 (networkx normalized=True); closeness uses the
//     Wasserman–Faust correction for disconnected graphs,
//     C(u) = (r−1)/Σd · (r−1)/(n−1) with r the nodes reachable from u
//     (networkx wf_improved=True); harmonic is Σ_{v≠u} 1/d(u,v).
//     All three come from one weighted Brandes pass ([Paths]): a
//     Dijkstra per source, O(n·(m + n log n)) time and O(n + m) memory
//     per worker, parallel over sources with a fixed summation order
//     (bit-identical for any number of workers), or from K seeded pivot
//     sources (Brandes & Pich 2007) with the error bound
//     [BetweennessBound]. Fine for countries, minutes for tens of
//     thousands of institutions: [Nodes] computes only the [Measures]
//     asked for, the cheap ones ([DefaultMeasures]) by default, and times
//     each.
//
// # Pair measures
//
// For an edge A–B, with C(A,B) the bifrac weight and R the fractional
// output (node weight Output), collaboration intensity is
//
//	I(A,B) = C(A,B) / sqrt(R_A · R_B)
//
// (ASPI Critical Technology Tracker). It is not 1 when A and B
// collaborate as often as their outputs predict: if partners were drawn
// in proportion to output, C ≈ R_A·R_B/m and so I ≈ √(R_A·R_B)/m, which
// grows with the pair's size; association strength (below) is the
// measure whose 1 means "as expected". With c = full (papers with both),
// s_A = papers of A and m = papers in the period (Σ over nodes is not m:
// m is the number of papers counted), the co-occurrence similarities are
//
//	association strength  m·c / (s_A·s_B)   (1 = as often as if independent;
//	                                         van Eck & Waltman 2009, doi:10.1002/asi.21075)
//	Salton cosine         c / sqrt(s_A·s_B)
//	Jaccard               c / (s_A + s_B − c)
//	inclusion             c / min(s_A, s_B)
//
// The partner share of B in A's collaboration is w(A,B)/Σ_X w(A,X) for
// the chosen counting weight, and B's partner rank for A is its place
// when A's partners are sorted by w (1 = strongest; ties by key).
package metrics
