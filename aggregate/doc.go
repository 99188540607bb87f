// Package aggregate is coauthnet's mergeable partial aggregate: the
// per-year node and edge weights of a count, with its summary counts and
// the provenance of its inputs, as one Parquet file that any Parquet tool
// reads (DuckDB, Spark, pyarrow).
//
// Every weight of docs/DESIGN.md section 3 is a sum over papers, so the
// aggregate of a corpus is the sum of the aggregates of its shards when
// every paper is in exactly one shard: split the corpus by paper id
// ([Split], [SplitFiles], `coauthnet split --by id`), or deduplicate
// before counting (the Beam pipeline in beam/ does), count each shard
// ([FromCounter], [FromSummary], `coauthnet aggregate`), add the
// partials ([Merge], [MergeFiles], `coauthnet merge`) and analyse the
// sum ([Aggregate.Series], [Open], any analysis command given the file).
// [ParseFlags] turns an aggregate's flags back into the [Options] it was
// counted with, [Aggregate.Summary] its counts into a load.Summary.
// Duplicates across shards cannot be seen by Merge: a paper in two shards
// counts twice (Merge refuses only the same input file, by sha256, in two
// partials).
//
// # Exactness and order
//
// Merge adds integers exactly. It adds each floating-point weight over
// the partials in ascending order of value, so the sum depends only on
// the multiset of partial values, never on the order the partials are
// given: the bytes written are the same for every order. The sum differs
// from a single pass over the whole corpus by rounding only: the weights
// are sums of non-negative terms, so the relative difference is of the
// order of (papers per weight)·2⁻⁵³; the property test holds it to 1e-12.
// Merge holds every partial in memory: the size of the aggregates, not
// of the corpus.
//
// # What is not mergeable
//
// Normalised citation impact (graph.Options.Impact) divides by the mean
// citations of each field and year over the whole corpus, which no shard
// knows; --by-field produces one series per field. Both are refused.
//
// # Schema (version 1)
//
// One flat table; the column kind says what a row is and which other
// columns it uses (the others hold zero values):
//
//	kind     columns used          meaning
//	meta     key, value            "schema" = "1"; "flag.NAME" = a counting flag (below)
//	count    key, n                an additive count of the run (below)
//	input    key, value, target,   one input file: name, sha256, format,
//	         n, skipped            records read (including skipped), records skipped
//	label    key, value, target, n node key, display name, country; n = 1 when the
//	                               node is an institution named by its tallies
//	name     key, value, n         an institution name seen n times on the node's affiliations
//	country  key, value, n         a country seen n times on the node's affiliations
//	year     year, papers          papers counted in the year
//	node     year, key, papers,    node weights of the year (graph.NodeWeights):
//	         intl, output, domestic, lead, lead_intl
//	edge     year, key, target,    edge weights of the year, key < target (graph.Weights,
//	         full, bifrac, frac,   graph.Edge.Lead): lead_source is led by key,
//	         share, lead_source, lead_target
//
// Rows are written in that order of kinds, each sorted by its key
// columns; column types are string (kind, key, target, value), int32
// (year), int64 (n, skipped, papers, intl) and double (the weights).
//
// Flags (meta rows "flag.NAME"), compared by Merge, which refuses
// partials whose flags or schema versions differ: level, unknown, years,
// country_policy, groups (NAME=A,B;... sorted), max_authors, hyper,
// lead, field, field_map (sha256 of the sorted category→field pairs, or
// empty).
//
// Counts (count rows): records_read, records_skipped, "skipped: REASON",
// duplicates, not_in_field, "policy: FROM→TO", "unmapped_country: TEXT",
// "not_iso: CODE", "unmapped_field: CATEGORY", parts (partials merged;
// 1 for a count) and "stats.NAME" for every field of graph.Stats.
//
// A DuckDB query that sums partials without coauthnet:
//
//	SELECT year, key AS source, target, sum(bifrac) AS bifrac, sum("full") AS "full"
//	FROM read_parquet('parts/*.parquet') WHERE kind = 'edge'
//	GROUP BY ALL ORDER BY ALL;
//
// (duckdb/aggregate_edges.sql, tested against Merge.)
package aggregate
