-- Billing's change log (V111), emptied as registry's is (V132): the rows of every transaction older than the xmin of
-- the snapshot its reader (coverage) has applied the log up to.
create function billing_forget_village_changes(applied pg_snapshot) returns bigint language sql as $$
    with gone as (delete from billing_village_change where tx < pg_snapshot_xmin(applied) returning 1)
    select count(*) from gone
$$;
