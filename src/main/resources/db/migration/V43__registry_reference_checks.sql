-- Set-based reference checks instead of row-by-row foreign keys on the registry's bulk tables
-- (see docs/decisions/0005-registry-reference-checks.md). The five foreign keys below cost about 1.5 s of every
-- 50,000-line import chunk: PostgreSQL checks a foreign key with one lookup and one row lock on the parent per
-- inserted row. They are replaced by statement-level constraint checks (transition tables, one set-based query
-- per statement) that refuse the same rows with the same SQLSTATE (23503, foreign_key_violation) and the same
-- constraint names, for every writer, not only the import:
--   worker.village_code            -> region (code)   worker_village_code_fkey
--   worker_status_event.worker_id  -> worker (id)     worker_status_event_worker_id_fkey
--   membership_term.worker_id      -> worker (id)     membership_term_worker_id_fkey
--   membership_term.worker_payer_id   -> payer (id)   membership_term_worker_payer_id_fkey
--   membership_term.employer_payer_id -> payer (id)   membership_term_employer_payer_id_fkey
-- The parent side (ON DELETE / ON UPDATE NO ACTION) is kept by statement-level checks on region, worker and
-- payer: a delete or key change that leaves a referencing row is refused. Such a check first locks the child
-- tables in SHARE mode, so it waits for every writer in flight and no new reference can be made until it
-- commits; nothing in the application deletes regions, workers or payers, so this lock is never taken in practice.
-- Other foreign keys (payer.region_code, likely_duplicate, ...) are unchanged.

create function registry_refuse_missing_reference(tab text, con text, detail text) returns void language plpgsql as $$
begin
    raise exception using errcode = 'foreign_key_violation', constraint = con, table = tab,
        message = format('insert or update on table "%s" violates foreign key constraint "%s"', tab, con),
        detail = detail;
end $$;

-- children ---------------------------------------------------------------------------------------------------

create function worker_reference_check() returns trigger language plpgsql as $$
declare
    missing text;
begin
    select n.village_code into missing from new_rows n
    where not exists (select 1 from region r where r.code = n.village_code) limit 1;
    if found then
        perform registry_refuse_missing_reference('worker', 'worker_village_code_fkey',
            format('Key (village_code)=(%s) is not present in table "region".', missing));
    end if;
    return null;
end $$;
create trigger worker_reference_check_insert after insert on worker
    referencing new table as new_rows for each statement execute function worker_reference_check();
create trigger worker_reference_check_update after update on worker
    referencing new table as new_rows for each statement execute function worker_reference_check();

create function worker_status_event_reference_check() returns trigger language plpgsql as $$
declare
    missing bigint;
begin
    select n.worker_id into missing from new_rows n
    where not exists (select 1 from worker w where w.id = n.worker_id) limit 1;
    if found then
        perform registry_refuse_missing_reference('worker_status_event', 'worker_status_event_worker_id_fkey',
            format('Key (worker_id)=(%s) is not present in table "worker".', missing));
    end if;
    return null;
end $$;
create trigger worker_status_event_reference_check_insert after insert on worker_status_event
    referencing new table as new_rows for each statement execute function worker_status_event_reference_check();
create trigger worker_status_event_reference_check_update after update on worker_status_event
    referencing new table as new_rows for each statement execute function worker_status_event_reference_check();

create function membership_term_reference_check() returns trigger language plpgsql as $$
declare
    missing bigint;
begin
    select n.worker_id into missing from new_rows n
    where not exists (select 1 from worker w where w.id = n.worker_id) limit 1;
    if found then
        perform registry_refuse_missing_reference('membership_term', 'membership_term_worker_id_fkey',
            format('Key (worker_id)=(%s) is not present in table "worker".', missing));
    end if;
    select n.worker_payer_id into missing from new_rows n
    where not exists (select 1 from payer p where p.id = n.worker_payer_id) limit 1;
    if found then
        perform registry_refuse_missing_reference('membership_term', 'membership_term_worker_payer_id_fkey',
            format('Key (worker_payer_id)=(%s) is not present in table "payer".', missing));
    end if;
    select n.employer_payer_id into missing from new_rows n
    where n.employer_payer_id is not null and not exists (select 1 from payer p where p.id = n.employer_payer_id) limit 1;
    if found then
        perform registry_refuse_missing_reference('membership_term', 'membership_term_employer_payer_id_fkey',
            format('Key (employer_payer_id)=(%s) is not present in table "payer".', missing));
    end if;
    return null;
end $$;
create trigger membership_term_reference_check_insert after insert on membership_term
    referencing new table as new_rows for each statement execute function membership_term_reference_check();
create trigger membership_term_reference_check_update after update on membership_term
    referencing new table as new_rows for each statement execute function membership_term_reference_check();

-- parents ----------------------------------------------------------------------------------------------------

create function registry_refuse_dangling_reference(tab text, con text, detail text) returns void language plpgsql as $$
begin
    raise exception using errcode = 'foreign_key_violation', constraint = con, table = tab,
        message = format('update or delete on table "%s" violates foreign key constraint "%s"', tab, con),
        detail = detail;
end $$;

create function region_reference_guard() returns trigger language plpgsql as $$
declare
    gone text;
begin
    -- codes that no longer exist after the statement (deleted, or changed by an update)
    if not exists (select 1 from old_rows o where not exists (select 1 from region r where r.code = o.code)) then
        return null;
    end if;
    lock table worker in share mode;
    select o.code into gone from old_rows o
    where not exists (select 1 from region r where r.code = o.code)
      and exists (select 1 from worker w where w.village_code = o.code) limit 1;
    if found then
        perform registry_refuse_dangling_reference('region', 'worker_village_code_fkey',
            format('Key (code)=(%s) is still referenced from table "worker".', gone));
    end if;
    return null;
end $$;
create trigger region_reference_guard_delete after delete on region
    referencing old table as old_rows for each statement execute function region_reference_guard();
create trigger region_reference_guard_update after update on region
    referencing old table as old_rows for each statement execute function region_reference_guard();

create function worker_reference_guard() returns trigger language plpgsql as $$
declare
    gone bigint;
begin
    if not exists (select 1 from old_rows o where not exists (select 1 from worker w where w.id = o.id)) then
        return null;
    end if;
    lock table membership_term, worker_status_event in share mode;
    select o.id into gone from old_rows o
    where not exists (select 1 from worker w where w.id = o.id)
      and exists (select 1 from membership_term t where t.worker_id = o.id) limit 1;
    if found then
        perform registry_refuse_dangling_reference('worker', 'membership_term_worker_id_fkey',
            format('Key (id)=(%s) is still referenced from table "membership_term".', gone));
    end if;
    select o.id into gone from old_rows o
    where not exists (select 1 from worker w where w.id = o.id)
      and exists (select 1 from worker_status_event e where e.worker_id = o.id) limit 1;
    if found then
        perform registry_refuse_dangling_reference('worker', 'worker_status_event_worker_id_fkey',
            format('Key (id)=(%s) is still referenced from table "worker_status_event".', gone));
    end if;
    return null;
end $$;
create trigger worker_reference_guard_delete after delete on worker
    referencing old table as old_rows for each statement execute function worker_reference_guard();
create trigger worker_reference_guard_update after update on worker
    referencing old table as old_rows for each statement execute function worker_reference_guard();

create function payer_reference_guard() returns trigger language plpgsql as $$
declare
    gone bigint;
begin
    if not exists (select 1 from old_rows o where not exists (select 1 from payer p where p.id = o.id)) then
        return null;
    end if;
    lock table membership_term in share mode;
    select o.id into gone from old_rows o
    where not exists (select 1 from payer p where p.id = o.id)
      and exists (select 1 from membership_term t where t.worker_payer_id = o.id or t.employer_payer_id = o.id) limit 1;
    if found then
        perform registry_refuse_dangling_reference('payer', 'membership_term_worker_payer_id_fkey',
            format('Key (id)=(%s) is still referenced from table "membership_term".', gone));
    end if;
    return null;
end $$;
create trigger payer_reference_guard_delete after delete on payer
    referencing old table as old_rows for each statement execute function payer_reference_guard();
create trigger payer_reference_guard_update after update on payer
    referencing old table as old_rows for each statement execute function payer_reference_guard();

alter table worker drop constraint worker_village_code_fkey;
alter table worker_status_event drop constraint worker_status_event_worker_id_fkey;
alter table membership_term drop constraint membership_term_worker_id_fkey;
alter table membership_term drop constraint membership_term_worker_payer_id_fkey;
alter table membership_term drop constraint membership_term_employer_payer_id_fkey;

-- Billing reads terms of a month over all workers (a sequential scan); nothing else uses this index, and it
-- cost index upkeep on every inserted term.
drop index membership_term_period_idx;
