-- Billing's change log (V111) names the workers a small write touched, as registry's does (V145): a statement of at
-- most 1,000 rows (a payment, a reversal, one worker's bills) logs one row per distinct (village, worker), so the
-- next coverage read recomputes those workers only; a larger one (a billing run) logs one row per village with no
-- worker ("every worker of the village"), as before. A line without a worker logs its village with no worker.
alter table billing_village_change add column worker_id bigint;

-- billing_changed_village: the villages (and, for small writes, the workers) a committed billing write touched.
--   tx            xid8    the writing transaction
--   village_code  text    a village whose bill lines, paid months or allocations changed (null: every village)
--   worker_id     bigint  the worker of those lines or months (null: every worker of the village)
create or replace view billing_changed_village as
select c.tx, c.village_code, c.worker_id from billing_village_change c;

create or replace function billing_log_villages() returns trigger language plpgsql as $$
declare
    small boolean;
begin
    if tg_op = 'TRUNCATE' then
        insert into billing_village_change (village_code) values (null);
        return null;
    end if;
    if tg_op = 'DELETE' then
        small := (select count(*) from (select 1 from old_rows limit 1001) s) <= 1000;
    else
        small := (select count(*) from (select 1 from new_rows limit 1001) s) <= 1000;
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
        small := (select count(*) from (select 1 from old_rows limit 1001) s) <= 1000;
    else
        small := (select count(*) from (select 1 from new_rows limit 1001) s) <= 1000;
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
