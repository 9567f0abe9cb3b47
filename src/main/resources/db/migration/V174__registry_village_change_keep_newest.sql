-- Forgetting applied rows keeps the log's newest row (V132 deleted them all). After a mass delete (the first rebuild
-- after a national billing run or a large import forgets millions of rows) every index entry at the high end of
-- registry_village_change_tx_idx points to a dead row until vacuum. Coverage asks the log for rows with
-- tx >= the applied xmin, a constant past the histogram, so the planner reads the index's actual end
-- (get_actual_variable_range) on every refresh: it stepped over the dead entries it had already marked, a few pages
-- more each time: at 500,000 workers the refresh's check grew from 7 to 34 ms (median per 10 s) until autovacuum came
-- (docs/benchmarks.md "The change logs' dead end"). A live newest row ends that walk at once. It is already applied
-- (visible in the applied snapshot), so no refresh reads it again; the next forget deletes it once a newer row exists.
create or replace function registry_forget_village_changes(applied pg_snapshot) returns bigint language sql as $$
    with gone as (
        delete from registry_village_change
        where tx < pg_snapshot_xmin(applied)
          and ctid <> (select n.ctid from registry_village_change n order by n.tx desc limit 1)
        returning 1)
    select count(*) from gone
$$;
