-- Forgetting applied rows keeps the log's newest row (V133 deleted them all), for the reason V174 gives for registry's
-- log: after a mass delete the planner's look at the actual end of billing_village_change_tx_idx stepped over every
-- dead entry it had marked, on every coverage refresh, until vacuum (the suite's first rebuild forgot 16.4 million rows;
-- docs/benchmarks.md "The change logs' dead end"). The kept row is already applied; the next forget deletes it once a
-- newer row exists.
create or replace function billing_forget_village_changes(applied pg_snapshot) returns bigint language sql as $$
    with gone as (
        delete from billing_village_change
        where tx < pg_snapshot_xmin(applied)
          and ctid <> (select n.ctid from billing_village_change n order by n.tx desc limit 1)
        returning 1)
    select count(*) from gone
$$;
