-- billed_month's key leads with the month. Keyed by worker, each run's rows went into every leaf page of the key
-- across the whole history (a new month interleaves with every worker's earlier months): a leaf touched, often split,
-- and after a checkpoint written whole to the WAL, per few rows. Keyed by month, a new month's rows follow the last
-- month's at the right edge of the index, in the order the trigger writes them. Measured on a copy of the table at
-- 200,000 workers with six months (3,872,659 rows), the 553,193 rows of a new month: 4.0 s keyed by worker, 1.4 s keyed
-- by month, 0.8 s with no index (docs/benchmarks.md "One worker index, not two").
--
-- A read of one or a few workers names the months too (billing_months(): every month from the first billed to the
-- last, a few dozen), one descent of the key per month and worker; reads of a region or of everything scan as before.
-- The lines' month index (bill_line_key_idx) is read the same way for one worker's lines.
alter table billed_month drop constraint billed_month_pkey;
alter table billed_month add primary key (month, worker_id, program);

-- Every month from the first to the last with lines (none before the first run): bounds from the lines' month index.
create function billing_months() returns date[] language sql stable parallel safe as $$
    select coalesce(array(select cast(m as date) from generate_series((select min(month) from bill_line),
                                                                      (select max(month) from bill_line), interval '1 month') m),
                    '{}')
$$;

-- The same trigger, its rows in the new key's order: a new month appends, and two transactions adding rows of the same
-- workers still take the rows' locks in one order.
create or replace function billing_keep_billed_months() returns trigger language plpgsql
set enable_hashagg = off set work_mem = '128MB' as $$
begin
    if tg_op = 'TRUNCATE' then
        truncate billed_month;
        return null;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into billed_month as k (worker_id, program, month, village_code, net, lines)
        select o.worker_id, o.program, o.month, min(o.village_code), -sum(o.amount), -count(*)
        from old_rows o group by o.month, o.worker_id, o.program order by o.month, o.worker_id, o.program
        on conflict (month, worker_id, program) do update set net = k.net + excluded.net, lines = k.lines + excluded.lines;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into billed_month as k (worker_id, program, month, village_code, net, lines)
        select n.worker_id, n.program, n.month, min(n.village_code), sum(n.amount), count(*)
        from new_rows n group by n.month, n.worker_id, n.program order by n.month, n.worker_id, n.program
        on conflict (month, worker_id, program) do update set net = k.net + excluded.net, lines = k.lines + excluded.lines;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        delete from billed_month k using (select distinct month, worker_id, program from old_rows) o
        where k.month = o.month and k.worker_id = o.worker_id and k.program = o.program and k.lines <= 0;
    end if;
    return null;
end $$;

