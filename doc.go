// Package coauthnet holds the bibliographic record that every part of the
// coauthnet module speaks: a [Paper] with its [Author]s in byline order,
// each with zero or more [Affiliation]s (institution and ISO 3166-1 country).
//
// The module turns such records into weighted country and institution
// co-authorship networks and measures how they change, in three steps
// (Example_pipeline runs them on the embedded sample):
//
//  1. Load: package load opens any number of inputs (files, directories,
//     glob patterns, standard input, gzip or zstd), detects each format
//     (io/wos, io/scopus and io/openalex map source exports into [Paper];
//     io/jsonl, io/csv and io/parquet read the canonical record), decodes
//     on every core, drops duplicates by source id and DOI, applies a
//     [CountryPolicy] to territories (TW, HK, MO), and passes the papers in
//     input order to a sink, with a load.Summary of what was read, used and
//     skipped and why. Every reader is a [Reader]: Read returns a
//     *[ParseError] for a record it skipped and any other error for a
//     stream it cannot go on with.
//  2. Count: package graph turns papers into per-year edge and node
//     weights with four counting methods (full, bidirectional fractional,
//     fractional, share) and builds immutable graphs for a year, a range
//     of years or sliding windows.
//  3. Analyse and export: metrics (centralities, intensity, similarities,
//     partner shares), community (Louvain, blocs, bifurcation indices),
//     drift (change between periods); package tables puts them in node and
//     edge tables, package export writes a graph in any registered format
//     by name (GraphML, GEXF, Pajek, VOSviewer, DOT, CSV, Parquet) with its
//     provenance, package report computes, draws and writes the national
//     report.
//
// The command cmd/coauthnet is flags, wiring and printing over these
// packages; examples/reproduce is a 39-line program that writes what
// coauthnet build and coauthnet report write. ARCHITECTURE.md draws the
// packages and the direction of data flow.
//
// This package imports nothing else of the module.
package coauthnet

//go:generate go run ./internal/gencountries -o countries_table.go
