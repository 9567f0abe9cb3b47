-- Billing's change log (V111, V146, V164) also says from which month a write changed: the earliest month of the
-- lines, paid months or allocations it wrote, per village and worker. A payment file of December changes December's
-- allocations only, yet coverage summed every named worker's money again over the whole history, one descent of the
-- lines' month index per billed month and worker: 7.8-8.2 s of a 9.8-10.5 s catch-up for 51,108 workers at 500,000
-- workers with thirteen months (docs/benchmarks.md, "Money from the month a write changed"). A worker's money of the
-- months before its earliest changed month is kept as it is.
alter table billing_village_change add column from_month date;

-- billing_changed_village: the villages (and, for small writes, the workers) a committed billing write touched.
--   tx            xid8    the writing transaction
--   village_code  text    a village whose bill lines, paid months or allocations changed (null: every village)
--   worker_id     bigint  the worker of those lines or months (null: every worker of the village)
--   from_month    date    the earliest month of those lines, paid months or allocations (null: every month)
create or replace view billing_changed_village as
select c.tx, c.village_code, c.worker_id, c.from_month from billing_village_change c;

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
        insert into billing_village_change (village_code, worker_id, from_month)
        select n.village_code, case when small then n.worker_id end, min(n.month) from new_rows n group by 1, 2;
    elsif tg_op = 'UPDATE' then
        insert into billing_village_change (village_code, worker_id, from_month)
        select c.village_code, case when small then c.worker_id end, min(c.month)
        from (select o.village_code, o.worker_id, o.month from old_rows o
              union all select n.village_code, n.worker_id, n.month from new_rows n) c
        group by 1, 2;
    else
        insert into billing_village_change (village_code, worker_id, from_month)
        select o.village_code, case when small then o.worker_id end, min(o.month) from old_rows o group by 1, 2;
    end if;
    return null;
end $$;

-- an allocation names its line, whose village and worker it takes; its month is the line's
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
        insert into billing_village_change (village_code, worker_id, from_month)
        select l.village_code, case when small then l.worker_id end, min(l.month)
        from new_rows n join bill_line l on l.id = n.bill_line_id group by 1, 2;
    elsif tg_op = 'UPDATE' then
        insert into billing_village_change (village_code, worker_id, from_month)
        select l.village_code, case when small then l.worker_id end, min(l.month)
        from (select bill_line_id from old_rows union select bill_line_id from new_rows) c
        join bill_line l on l.id = c.bill_line_id group by 1, 2;
    else
        insert into billing_village_change (village_code, worker_id, from_month)
        select l.village_code, case when small then l.worker_id end, min(l.month)
        from old_rows o join bill_line l on l.id = o.bill_line_id group by 1, 2;
    end if;
    return null;
end $$;
