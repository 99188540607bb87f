// Package mobility follows researchers through their papers: it builds
// each author's career (the countries, or institutions, on the papers
// that carry the author's identifier, year by year), finds the moves in
// it, classifies authors as migrants, travellers and stayers, and counts
// directed flows between countries or institutions.
//
// The classes are those of Robinson-Garcia et al. 2019, "The many faces
// of mobility: Using bibliometric data to measure the movement of
// scientists", J. Informetrics 13(1):50–63, doi:10.1016/j.joi.2018.11.002:
// a migrant leaves the country of origin for another one; a traveller
// keeps the origin and adds affiliations elsewhere; a stayer publishes
// from one country only. The rules below make these operational on
// papers, which are late (a paper written before a move is often
// published after it, with the old address: publication lag) and
// irregular (years without papers: gaps).
//
// # Careers
//
// An author is the Author.ID of the source (OpenAlex author id, Scopus
// author id, canonical "id"), else the ORCID iD (key "orcid:" + iD).
// Authors with neither are counted ([Stats.NoID]) and left out: names are
// never merged. Identifiers from two sources are different authors. On
// each paper the author is observed at every node (country, or
// institution at [Institutions] level) of its affiliations; affiliations
// without a node are counted ([Stats.NoNode]). Active years are the years
// with at least one observation: years without papers do not exist for
// the rules, so gaps never end a stay.
//
// # Rules
//
//  1. Origin: the node with most papers in the first active year; ties
//     go to the node with most papers in the whole career, then to the
//     smaller label.
//  2. Spells: a node's spell is a run of its active years in which it is
//     missing from fewer than [Options.Break] consecutive active years
//     of the author. A spell's papers are the author's papers at the
//     node in it. Spells with fewer than [Options.MinPapers] papers are
//     incidental (a visit, a misattributed address) and never a home;
//     the origin's first spell is always one.
//  3. Homes: the walk starts at the origin's first spell. Spells are
//     taken in order of first year (then last year, then label); a spell
//     of the home node extends the home; a spell of another node that
//     lasts beyond the home's spell and has at least MinPapers papers
//     after the home's last active year is a migration, dated at the
//     spell's first year (the first year observed at the destination).
//     Papers with the old address after that year do not undo or delay
//     the move: this is how publication lag is tolerated; the number of
//     years the old home was still seen is reported as Move.Overlap.
//  4. Travel: during each home period (from its move year to the next
//     move), the papers at another node, except those of the previous
//     home's last spell (lag), are travel; with at least MinPapers of
//     them the author travelled from the home to that node, dated at the
//     first such paper.
//  5. Class: migrant if the career has a migration, else traveller if it
//     has travel, else stayer. A migration back to the origin node is a
//     return; a migration to a node where the author was observed before
//     has prior ties.
//
// The defaults [DefaultOptions] (Break 3, MinPapers 2) come from the
// sweep in TestSweep on planted careers (internal/sample.Careers) and
// were then checked on a differently seeded corpus with other shares,
// lags and gaps (TestPlanted).
//
// # Flows
//
// Each move is an arc from→to in its year. [Result.Flows] sums them per
// year (migrants and travellers); [Result.Nodes] gives per node and year
// the outflow and inflow of migrants, the net flow (in − out), the
// returns (inflow of authors whose origin is the node) and the inflow
// with prior ties; [Result.Retention] the share of the authors of each
// origin whose last home is that origin. [Result.Impact] splits
// migrations by the author's impact before the move (citations per paper
// with a known count published before the move year), in quantiles of
// that impact over all migrations with one. [Focal] gives one node's
// inflow and outflow by partner, year and impact quantile.
//
// Building careers costs O(P) memory for P author-affiliation
// observations (about 28 bytes each) plus the author keys; analysis
// sorts them once, O(P log P), and is then linear.
package mobility
