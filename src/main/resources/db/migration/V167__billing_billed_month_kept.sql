-- The billed months kept by billing (issue 14): billing_billed_month was a grouping of every bill line by worker,
-- programme and month, so each rebuild of the coverage rollups and each direct count of a province or the nation hashed
-- every line of the year (8.8 of the 20.1 s of the rollups' spans at 4.7 M lines, docs/benchmarks.md "Rebuild on two
-- connections"). Lines are append-only and each write is one statement, so the net of each worker, programme and month
-- is kept as the lines arrive, by the same kind of statement-level trigger that logs the villages a write touched
-- (V111): every writer, the billing run's reversals and adjustments included, keeps it without knowing.
--
-- A row per worker, programme and month that has lines:
--   net    the lines' sum (both shares, after reversals); the month counts as billed when it is positive
--   lines  how many lines; a row whose lines were all deleted goes (lines are never deleted by the application)
create table billed_month (
    worker_id    bigint not null,
    program      text not null,
    month        date not null,
    -- a village of the month's lines (the first one's when a worker moved within the month): where the row lives
    village_code text collate "C" not null,
    net          numeric(18, 2) not null,
    lines        integer not null,
    primary key (worker_id, program, month)
);
comment on table billed_month is
    'distribution: province of village_code; primary key gains the province';

insert into billed_month (worker_id, program, month, village_code, net, lines)
select l.worker_id, l.program, l.month, min(l.village_code), sum(l.amount), count(*)
from bill_line l
group by l.worker_id, l.program, l.month;
analyze billed_month;

-- Rows are added in key order, so two transactions adding lines of the same workers take the rows' locks in the same
-- order (no deadlock between them). Sorted and grouped in one pass: a hash aggregate of a run's lines (a transition
-- table has no statistics to plan it by) spilled and was sorted again for the order, 4.9 s against 1.6 s for 1,260,000
-- lines (docs/benchmarks.md "Billed months kept by billing").
create function billing_keep_billed_months() returns trigger language plpgsql
set enable_hashagg = off set work_mem = '128MB' as $$
begin
    if tg_op = 'TRUNCATE' then
        truncate billed_month;
        return null;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into billed_month as k (worker_id, program, month, village_code, net, lines)
        select o.worker_id, o.program, o.month, min(o.village_code), -sum(o.amount), -count(*)
        from old_rows o group by o.worker_id, o.program, o.month order by 1, 2, 3
        on conflict (worker_id, program, month) do update set net = k.net + excluded.net, lines = k.lines + excluded.lines;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into billed_month as k (worker_id, program, month, village_code, net, lines)
        select n.worker_id, n.program, n.month, min(n.village_code), sum(n.amount), count(*)
        from new_rows n group by n.worker_id, n.program, n.month order by 1, 2, 3
        on conflict (worker_id, program, month) do update set net = k.net + excluded.net, lines = k.lines + excluded.lines;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        delete from billed_month k using (select distinct worker_id, program, month from old_rows) o
        where k.worker_id = o.worker_id and k.program = o.program and k.month = o.month and k.lines <= 0;
    end if;
    return null;
end $$;

create trigger bill_line_billed_month_insert after insert on bill_line
    referencing new table as new_rows for each statement execute function billing_keep_billed_months();
create trigger bill_line_billed_month_update after update on bill_line
    referencing old table as old_rows new table as new_rows for each statement execute function billing_keep_billed_months();
create trigger bill_line_billed_month_delete after delete on bill_line
    referencing old table as old_rows for each statement execute function billing_keep_billed_months();
create trigger bill_line_billed_month_truncate after truncate on bill_line
    for each statement execute function billing_keep_billed_months();

-- Same columns, same rows: a month billed for a worker and programme with a positive net amount.
create or replace view billing_billed_month as
select k.worker_id, k.program, k.month
from billed_month k
where k.net > 0;
