-- Registry's change log (V110) grew by a few rows per write statement, forever. Its reader (coverage) says up to which
-- snapshot it has applied the log; every row of a transaction older than that snapshot's xmin is then applied (a
-- committed one is visible in the snapshot, an aborted one never counts), and is deleted here, by registry, the log's
-- owner. Rows of transactions still running at that snapshot stay until a later call.
create function registry_forget_village_changes(applied pg_snapshot) returns bigint language sql as $$
    with gone as (delete from registry_village_change where tx < pg_snapshot_xmin(applied) returning 1)
    select count(*) from gone
$$;

-- A payer's kind is counted (coverage's byPayerKind) on every term it pays for, so a change of kind logs the villages
-- of those terms, as a change of a worker's category does (V110). Other payer changes (name, contact) log nothing.
create function registry_log_payer_villages() returns trigger language plpgsql as $$
begin
    -- most payer updates keep the kind: they must not look at the terms at all
    if not exists (select 1 from new_rows n join old_rows o on o.id = n.id where o.kind is distinct from n.kind) then
        return null;
    end if;
    insert into registry_village_change (village_code)
    select t.village_code
    from new_rows n join old_rows o on o.id = n.id and o.kind is distinct from n.kind
    join membership_term t on t.employer_payer_id = n.id
    union
    select t.village_code
    from new_rows n join old_rows o on o.id = n.id and o.kind is distinct from n.kind
    join membership_term t on t.worker_payer_id = n.id;
    return null;
end $$;

create trigger payer_changed_update after update on payer
    referencing old table as old_rows new table as new_rows for each statement execute function registry_log_payer_villages();
