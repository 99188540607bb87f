-- Yearly edges of a set of coauthnet partial aggregates (package
-- aggregate, `coauthnet aggregate`), summed by DuckDB: what `coauthnet
-- merge` followed by `coauthnet edges --by-year` computes, without
-- coauthnet.
--
-- Usage (DuckDB CLI or any client):
--   SET VARIABLE parts = 'parts/*.parquet';   -- a path, a glob or a list
--   .read aggregate_edges.sql
--
-- An aggregate is one flat table whose column `kind` says what a row is
-- (schema in aggregate/doc.go); edge rows carry year, key (source) <
-- target and one column per counting method. Every weight is a sum over
-- papers, so the partials of shards that hold each paper once add up to
-- the count of the whole corpus (DESIGN.md section 3). Like `coauthnet
-- merge`, the recipe refuses partials of another schema version or
-- counted with different flags (DuckDB's error() stops the query).
-- DuckDB adds in its own order, so sums may differ from coauthnet's in
-- the last bits (coauthnet adds each weight in ascending order of value).
WITH parts AS (
    SELECT * FROM read_parquet(getvariable('parts'), filename = true)
),
meta AS (       -- one value per flag over all partials, and schema 1
    SELECT CASE
        WHEN count(DISTINCT value) FILTER (WHERE key = 'schema') <> 1
          OR any_value(value) FILTER (WHERE key = 'schema') <> '1'
            THEN error('aggregate: schema version is not 1 in every partial')
        WHEN max(n) > 1
            THEN error('aggregate: partials counted with different flags')
        ELSE true END AS ok
    FROM (SELECT key, value, count(DISTINCT value) OVER (PARTITION BY key) AS n
          FROM parts WHERE kind = 'meta')
),
flagged AS (    -- every partial has every flag
    SELECT CASE WHEN count(DISTINCT filename) FILTER (WHERE kind = 'meta' AND key = 'schema')
                     <> count(DISTINCT filename)
                THEN error('aggregate: a file without a schema row is not an aggregate')
                ELSE true END AS ok
    FROM parts
)
SELECT year, key AS source, target,
       sum("full")::BIGINT AS "full", sum(bifrac) AS bifrac, sum(frac) AS frac, sum(share) AS share,
       sum(lead_source) AS lead_source, sum(lead_target) AS lead_target
FROM parts, meta, flagged
WHERE kind = 'edge' AND meta.ok AND flagged.ok
GROUP BY year, key, target
ORDER BY year, source, target;
