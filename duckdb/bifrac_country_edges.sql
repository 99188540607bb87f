-- Yearly country co-authorship edges, whole (`full`) and bidirectional
-- fractional (`bifrac`) counting, computed by DuckDB straight from
-- coauthnet's canonical Parquet file (io/parquet: one row per paper,
-- authors a list of structs, each with a list of affiliations).
--
-- Usage (DuckDB CLI or any client):
--   SET VARIABLE papers = 'papers.parquet';   -- a path or a glob
--   .read bifrac_country_edges.sql
--
-- It follows DESIGN.md section 3 exactly, so its result equals
-- `coauthnet edges --counting full,bifrac` on the same file when the file
-- holds each paper once (coauthnet removes duplicates by id and DOI while
-- reading; deduplicate before you write the Parquet, or by id in `papers`
-- below) and the default flags are used (country level, --unknown drop,
-- every author count).
--
--   w_iA   = (affiliations of author i in country A) / (i's affiliations with a country)
--   n_p    = authors with at least one country;  n_pA = Σ_i w_iA
--   P(A,B) = n_pA·n_pB − Σ_i w_iA·w_iB          (pairs of different authors)
--   bifrac = 2·P(A,B) / (n_p·(n_p − 1)), 0 when n_p < 2   (Leydesdorff & Park 2017,
--            doi:10.1016/j.joi.2016.11.007)
--   full   = 1 for every pair of countries on the paper
--
-- The test in this directory (recipe_test.go) checks every yearly edge of
-- the embedded sample against coauthnet's own counting.
WITH papers AS (
    SELECT row_number() OVER () AS pid, year, authors
    FROM read_parquet(getvariable('papers'))
),
authors AS (
    SELECT pid, year, generate_subscripts(authors, 1) AS i, unnest(authors) AS a
    FROM papers
),
affiliations AS (
    SELECT pid, year, i, unnest(a.affiliations).country AS country
    FROM authors
),
w AS (          -- w_iA for every author with a known country
    SELECT pid, year, i, country,
           count(*) / sum(count(*)) OVER (PARTITION BY pid, i) AS w
    FROM affiliations
    WHERE country IS NOT NULL AND country <> '' AND country <> 'ZZ'
    GROUP BY pid, year, i, country
),
np AS (         -- n_p
    SELECT pid, count(DISTINCT i) AS n FROM w GROUP BY pid
),
na AS (         -- n_pA
    SELECT pid, year, country, sum(w) AS n_a FROM w GROUP BY pid, year, country
),
own AS (        -- Σ_i w_iA·w_iB: an author's own dual affiliation
    SELECT x.pid, x.country AS a, y.country AS b, sum(x.w * y.w) AS s
    FROM w x JOIN w y ON x.pid = y.pid AND x.i = y.i AND x.country < y.country
    GROUP BY ALL
),
pairs AS (
    SELECT x.pid, x.year, x.country AS a, y.country AS b,
           x.n_a * y.n_a - coalesce(own.s, 0) AS p
    FROM na x
    JOIN na y ON x.pid = y.pid AND x.country < y.country
    LEFT JOIN own ON own.pid = x.pid AND own.a = x.country AND own.b = y.country
)
SELECT year, a AS source, b AS target,
       count(*) AS "full",
       sum(CASE WHEN n >= 2 THEN 2 * p / (n * (n - 1)) ELSE 0 END) AS bifrac
FROM pairs JOIN np USING (pid)
GROUP BY year, a, b
ORDER BY year, source, target;
