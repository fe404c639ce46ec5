-- What the organisation overview and cross-repository search read, measured with bench/Punchlist.Bench.Team (1,000 repositories,
-- a million items; docs/BENCHMARKS.md): it read every head's whole status (a TOASTed document of
-- every tracker's counts) to take its totals, and every item of every head to find the few open P0
-- and P1 ones.

-- A head's totals on their own, small enough to stay in the commit's row.
ALTER TABLE commits ADD COLUMN totals jsonb GENERATED ALWAYS AS (status -> 'totals') STORED;

-- The open P0 and P1 items of each tracker version, with what the attention list shows, so the list is
-- read from this index alone (an index-only scan) rather than from the wide item rows. Its predicate
-- is the attention query's, word for word, so the planner can use it.
CREATE INDEX items_open_urgent ON items (version_id) INCLUDE (priority, due, key, title, state, owner, ordinal)
    WHERE priority IN ('P0', 'P1') AND state NOT IN ('done', 'cancelled');

-- Each tracker version's SLA breaches on their own: the attention list joins every head's analysis for
-- them, and read the whole analyses table (findings and evidence, 33 MB for 1,000 repositories) to do
-- so: 840 of the query's 1,112 ms. From this index alone it takes the 768 kB it needs (360 ms in all).
CREATE INDEX analyses_sla ON analyses (id) INCLUDE (sla);

-- Replaced by items_open_urgent: no query reads (priority, state) across every version.
DROP INDEX items_priority;

-- Every read across repositories starts from the heads (repositories.head_commit). Without an index on
-- it, a search sorted by rank joined each match to the repositories by a filter over all of them: for
-- a word in 3,347 items, 2 million comparisons and half of its 1.1 s (EXPLAIN ANALYZE, 1,000 repositories).
CREATE INDEX repositories_head ON repositories (head_commit);
