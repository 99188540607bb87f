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
//  1. Origin: the first home is a node of the first active year (the
//     country of the first publication, as in Robinson-Garcia et al.).
//  2. Homes: the career's active years are cut into consecutive home
//     periods, each with one home node, by the segmentation of least
//     cost (exact, by dynamic programming over segments, O(k²n²) for k
//     active years and n nodes of one career). Costs, in papers: 1 for
//     each paper without the home; [Options.Absent] for each active year
//     without a paper at the home; [Options.Switch] for each change of
//     home ([Options.Return] for a change back to the origin). In the
//     first [Options.LagYears] calendar years of a home, papers with the
//     previous home's address and not the new one cost
//     [Options.LagCost] (publication lag), and so do such years without
//     the new home (LagCost·Absent). Ties go to fewer changes, then to
//     the smaller label of the previous home (and of the last). A change
//     is a migration, dated at the first year of the new home period
//     (the first active year observed at the destination); a paper with
//     the old address after that year does not delay it (Move.Overlap
//     says how long the old home was still seen).
//  3. Travel: in each home period, the papers at another node, except
//     those of the lag window (after a move) without the new home, are
//     travel; a run of at
//     least [Options.MinPapers] of them with less than
//     [Options.TravelGap] calendar years between consecutive ones makes
//     the author a traveller from the home to that node, dated at the
//     run's first paper. Single papers elsewhere (a visit, a misread
//     address) are not travel.
//  4. Class: migrant if the career has a migration, else traveller if it
//     has travel, else stayer. A migration back to the origin is a
//     return; a migration to a node where the author was observed
//     before has prior ties.
//
// Gaps need no rule: years without papers are not active years, cost
// nothing and end nothing. The defaults [DefaultOptions] come from the
// sweep in TestSweep on planted careers (internal/sample.Careers, seed 1)
// and were checked on corpora with other seeds, shares, lags and gaps
// (TestPlanted, whose comments give the measured recall and precision,
// including where the rules are weaker: few papers per year, many gaps,
// lag longer than LagYears).
//
// Ambiguity that no rule removes: a short stay abroad (two or three
// papers) followed by a return looks like travel; a traveller whose
// visit has only papers at the host (or at both) and none at home alone
// looks like a migrant who came back.
//
// # Flows
//
// Each move is an arc from→to in its year. [Result.Flows] sums them per
// year (migrants and travellers); [Result.Nodes] gives per node and year
// the outflow and inflow of migrants, the net flow (in − out), the
// returns (inflow of authors whose origin is the node) and the inflow
// with prior ties; [Result.Retention] the share of the authors of each
// origin whose last home is that origin. [Result.ImpactFlows] splits
// migrations by the author's impact before the move (over the papers
// with a known count published before the move year: citations per
// paper, or normalised by field and year, Move.CNCI), in quantiles of
// that impact over all migrations with one ([Result.ImpactQuantiles]). [Focal] gives one node's
// inflow and outflow by partner, year and impact quantile.
//
// # Inputs and outputs
//
// [Careers.AddPapers] adds the papers of any input that package load
// reads; [Careers.AddORCID] and [Careers.AddORCIDFiles] the papers of
// ORCID public records (package io/orcid), with their career paths.
// report.WriteMobility writes a result as `coauthnet mobility` does:
// the moves, flows, nodes, retention, authors, impact and focal tables
// (CSV, some also Parquet), the flow graphs (GraphML, GEXF) and the
// impact plot (SVG).
//
// Building careers costs O(P) memory for P author-affiliation
// observations (24 bytes each) plus the author keys; analysis sorts them
// once, O(P log P), then costs O(k²n²) per career. Affiliations without
// a country are observed at neither level.
package mobility
