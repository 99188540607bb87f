// Package coauthnet holds the bibliographic record that every part of the
// coauthnet module speaks: a [Paper] with its [Author]s in byline order,
// each with zero or more [Affiliation]s (institution and ISO 3166-1 country).
//
// The module turns such records into weighted country and institution
// co-authorship networks and measures how they change. The pipeline, and
// where each step lives:
//
//  1. Read: io/wos, io/scopus and io/openalex map source exports into
//     [Paper]; io/jsonl, io/csv and io/parquet read and write the
//     canonical record. Every reader is a [Reader]: Read returns a
//     *[ParseError] for a record it skipped and any other error for a
//     stream it cannot go on with.
//  2. Normalise: a [CountryPolicy] decides how territories (TW, HK, MO) are
//     counted; it is applied to every paper, whatever its source.
//  3. Count: package graph turns papers into per-year edge and node weights
//     with four counting methods (full, bidirectional fractional,
//     fractional, share) and builds immutable graphs for a year, a range of
//     years or sliding windows.
//  4. Export: io/graphml writes a graph with its provenance.
//  5. The command cmd/coauthnet wires these together.
//
// This package imports nothing else of the module.
package coauthnet

//go:generate go run ./internal/gencountries -o countries_table.go
