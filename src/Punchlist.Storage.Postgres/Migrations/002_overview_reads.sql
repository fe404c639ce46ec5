-- What the organisation overview reads, measured with bench/Punchlist.Bench.Team (1,000 repositories,
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

-- Replaced by items_open_urgent: no query reads (priority, state) across every version.
DROP INDEX items_priority;
