// Package duckdb holds SQL recipes that compute coauthnet's counting in
// DuckDB straight from coauthnet's Parquet files, and the tests that hold
// them to the Go implementation. It is a module of its own
// (github.com/coauthnet/coauthnet/duckdb) because the DuckDB driver needs
// cgo; the main module never does.
//
// Recipes:
//
//   - bifrac_country_edges.sql: yearly country edges (full and bifrac
//     counting) from the canonical paper Parquet written by
//     `coauthnet convert -o papers.parquet`.
//   - aggregate_edges.sql: yearly edges (every counting method and the
//     leadership sums) of a set of partial aggregates written by
//     `coauthnet aggregate` (schema in package aggregate), summed: what
//     `coauthnet merge` computes; partials of other flags or schema
//     versions make it fail.
//
// Run them with the DuckDB CLI (`SET VARIABLE papers = 'papers.parquet';`
// then `.read bifrac_country_edges.sql`; `SET VARIABLE parts =
// 'parts/*.parquet';` for aggregate_edges.sql) or any DuckDB client. The tests
// run them through github.com/duckdb/duckdb-go/v2, which ships DuckDB's
// library: `cd duckdb && go test ./...`.
package duckdb
