-- Billing's change log (V111, V146) names the workers of a write of up to 1,000,000 rows, not 1,000: a payment file of
-- a province's arrears (32,808 payments: about 258,000 allocations and as many paid months) logged whole villages, and
-- the next coverage refresh recomputed all 769,692 workers of the 6,468 villages it touched, over the whole year, in
-- 581 s (or rebuilt everything, 419-540 s), where 17,564 workers' money had changed (docs/benchmarks.md, "A province
-- at national density"). A write of up to 1,000,000 rows logs at most that many (village, worker) rows here; a
-- month's billing run of a province (1.7 million lines for province 11) or of the nation still logs one row per
-- village, and a refresh rebuilds when too many villages were logged whole or too many workers named (CoverageRollups).

create or replace function billing_log_villages() returns trigger language plpgsql as $$
declare
    small boolean;
begin
    if tg_op = 'TRUNCATE' then
        insert into billing_village_change (village_code) values (null);
        return null;
    end if;
    if tg_op = 'DELETE' then
        small := (select count(*) from (select 1 from old_rows limit 1000001) s) <= 1000000;
    else
        small := (select count(*) from (select 1 from new_rows limit 1000001) s) <= 1000000;
    end if;
    if tg_op = 'INSERT' then
        insert into billing_village_change (village_code, worker_id)
        select distinct n.village_code, case when small then n.worker_id end from new_rows n;
    elsif tg_op = 'UPDATE' then
        insert into billing_village_change (village_code, worker_id)
        select o.village_code, case when small then o.worker_id end from old_rows o
        union select n.village_code, case when small then n.worker_id end from new_rows n;
    else
        insert into billing_village_change (village_code, worker_id)
        select distinct o.village_code, case when small then o.worker_id end from old_rows o;
    end if;
    return null;
end $$;

-- an allocation names its line, whose village and worker it takes
create or replace function billing_log_allocation_villages() returns trigger language plpgsql as $$
declare
    small boolean;
begin
    if tg_op = 'TRUNCATE' then
        insert into billing_village_change (village_code) values (null);
        return null;
    end if;
    if tg_op = 'DELETE' then
        small := (select count(*) from (select 1 from old_rows limit 1000001) s) <= 1000000;
    else
        small := (select count(*) from (select 1 from new_rows limit 1000001) s) <= 1000000;
    end if;
    if tg_op = 'INSERT' then
        insert into billing_village_change (village_code, worker_id)
        select distinct l.village_code, case when small then l.worker_id end from new_rows n join bill_line l on l.id = n.bill_line_id;
    elsif tg_op = 'UPDATE' then
        insert into billing_village_change (village_code, worker_id)
        select distinct l.village_code, case when small then l.worker_id end
        from (select bill_line_id from old_rows union select bill_line_id from new_rows) c
        join bill_line l on l.id = c.bill_line_id;
    else
        insert into billing_village_change (village_code, worker_id)
        select distinct l.village_code, case when small then l.worker_id end from old_rows o join bill_line l on l.id = o.bill_line_id;
    end if;
    return null;
end $$;
