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
// A bundle's Counter holds the nodes and (year, edge) pairs of the
// papers of the bundle, never the papers: at country level a few hundred
// kB whatever the bundle size (≤ 40k yearly edges over 20 years); at
// institution level it grows with the distinct institution pairs of the
// bundle (BENCHMARKS.md: about 257 MB per 100k papers counted at
// institution level in one Counter). A worker runs as many bundles at a
// time as it has harness threads. The GroupByKey for deduplication is
// shuffled by the runner (disk-backed on Dataflow, Flink and Spark). The
// combined rows are the size of the aggregate, and the last step holds
// the whole aggregate on one worker (country level: about 2 MB of
// Parquet for 20 years; institution level: plan for its edge count ×
// ~200 bytes).
//
// Not done here: the summary counts that need coauthnet's readers' full
// context (unmapped country texts, unmapped field categories) are not
// recorded; --field, --field-map and --impact are refused (impact is not
// mergeable, see package aggregate).
package coauthbeam
