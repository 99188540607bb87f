// Package coauthbeam counts a corpus into a coauthnet aggregate with
// Apache Beam (Go SDK), so that a corpus that outgrows one machine —
// OpenAlex has about 250 million works — is counted on Dataflow, Flink or
// Spark and only the small aggregate comes back. It is a module of its
// own (github.com/coauthnet/coauthnet/beam) so that coauthnet itself does
// not depend on Beam's 300-odd modules.
//
// # Pipeline
//
//	MatchFiles(globs) → ReadMatches → read: decode papers, key each by its
//	    identity (normalised DOI, else "id:" + id) as canonical JSON Lines;
//	    per file: records read, skipped, sha256 (input provenance)
//	→ GroupByKey(identity): one paper per identity (the smallest encoding),
//	    the others counted as duplicates
//	→ count: a graph.Counter per bundle (coauthnet's own counting code),
//	    turned at the end of the bundle into partial aggregate rows
//	    (aggregate.FromCounter) keyed by (kind, year, node or edge)
//	→ CombinePerKey: each weight summed over the bundles in ascending
//	    order of value, the rule of aggregate.Merge, so the result does not
//	    depend on how the runner bundled or ordered the work
//	→ one worker assembles the rows into an aggregate.Aggregate and writes
//	    the Parquet file (aggregate schema 1) to the output path.
//
// The output is a coauthnet aggregate like `coauthnet aggregate` writes:
// `coauthnet build ALL.parquet`, `coauthnet merge`, DuckDB's
// aggregate_edges.sql read it. The test in this module runs the pipeline
// on Beam's in-process prism runner and compares it with `coauthnet
// aggregate` on the same files.
//
// # Deduplication
//
// Papers are deduplicated by identity before counting: the normalised DOI
// when the record has one (so a paper exported by two sources counts
// once, as coauthnet's reader does across files), else the source id.
// Records read, skipped and duplicates are in the aggregate's counts.
//
// # Memory per worker
//
// A worker holds, per bundle in flight, the reader's buffers (1 MiB, plus
// the whole file for a Parquet input: keep Parquet parts to a few hundred
// MB; JSON Lines, gzip and zstd are streamed) and the bundle's
// graph.Counter, which grows with the nodes and (year, edge) pairs of the
// bundle's papers, never with their number. `coauthnet aggregate` on one
// machine, which holds one such Counter for the whole corpus and also
// writes the aggregate, peaks at 39–49 MB at country level and 361–501 MB
// at institution level (1.0–1.3 million (year, edge) pairs) for 1 to 10
// million papers (BENCHMARKS.md): a bound for the counting state of one
// bundle, to which the runner's SDK harness adds its own. The GroupByKey
// for deduplication is shuffled by the runner (disk-backed on Dataflow,
// Flink and Spark). The last step holds the whole aggregate on one worker:
// its rows (about 200 bytes each in memory) and its Parquet file (country
// level ≈ 0.45 MB for 20 years; institution level ≈ 37 MB for 1.3 million
// yearly edges). Prism, the in-process runner, keeps every shuffle in
// memory: 1.4–1.6 GB for 100,000 papers; it is for tests. Not measured on
// Dataflow, Flink or Spark (not reachable from where this was written).
//
// Not done here: the summary counts that need coauthnet's readers' full
// context (unmapped country texts, unmapped field categories) are not
// recorded; --field, --field-map and --impact are refused (impact is not
// mergeable, see package aggregate).
package coauthbeam
