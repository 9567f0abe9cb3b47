-- Registry's change log (V110) grew by a few rows per write statement, forever. Its reader (coverage) says up to which
-- snapshot it has applied the log; every row of a transaction older than that snapshot's xmin is then applied (a
-- committed one is visible in the snapshot, an aborted one never counts), and is deleted here, by registry, the log's
-- owner. Rows of transactions still running at that snapshot stay until a later call.
create function registry_forget_village_changes(applied pg_snapshot) returns bigint language sql as $$
    with gone as (delete from registry_village_change where tx < pg_snapshot_xmin(applied) returning 1)
    select count(*) from gone
$$;
