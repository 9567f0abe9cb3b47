-- An allocation's change-log row (V111, V146, V164, V171) takes its village, worker and month from its line. The
-- statement's allocations were joined to bill_line, and the planner chose a merge join over the whole primary key:
-- province 35's arrears file (12,254 payments, 422,577 allocations written) read 15.8 million lines in id order,
-- 12.1 s of the import's 13.4 s trigger at 500,000 workers with thirteen months (docs/benchmarks.md, "The allocations'
-- change log reads each allocation's line by key"). Each allocation now probes its line's key in a lateral subquery
-- kept apart by "offset 0", so the work follows the statement, not the history. Same rows logged.
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
        from new_rows n
        cross join lateral (select l.village_code, l.worker_id, l.month from bill_line l where l.id = n.bill_line_id offset 0) l
        group by 1, 2;
    elsif tg_op = 'UPDATE' then
        insert into billing_village_change (village_code, worker_id, from_month)
        select l.village_code, case when small then l.worker_id end, min(l.month)
        from (select bill_line_id from old_rows union select bill_line_id from new_rows) c
        cross join lateral (select l.village_code, l.worker_id, l.month from bill_line l where l.id = c.bill_line_id offset 0) l
        group by 1, 2;
    else
        insert into billing_village_change (village_code, worker_id, from_month)
        select l.village_code, case when small then l.worker_id end, min(l.month)
        from old_rows o
        cross join lateral (select l.village_code, l.worker_id, l.month from bill_line l where l.id = o.bill_line_id offset 0) l
        group by 1, 2;
    end if;
    return null;
end $$;
