-- The months that have lines, kept as lines are written, so that billing_months() no longer reads the bounds of the
-- lines' month index on every call.
--
-- billing_months() (V169) names the months a read of one worker probes (protection, the worker's bills, the person
-- export, coverage's money). It took min(month) and max(month) from bill_line_key_idx. A run that is rolled back (a
-- dry run, the billing preview) leaves its month's lines as dead entries at the index's upper end: 1,256,123 of them
-- at 500,000 workers. max(month) then stepped over all of them on every call (9,246 buffers, 13.6 ms), and one
-- worker's protection took 14.7-18.4 ms (median) instead of 3.7-5.0, until a vacuum of bill_line. Autovacuum starts that
-- when a fifth of the table is dead (3.3 million rows there), so one dry run kept every lookup slow for as long as no
-- other write came (docs/benchmarks.md "A dry run's dead month"). Here a rolled-back run leaves one dead row at most.
--
-- What the table holds: months that have lines, among them always the first and the last (an insert adds the first
-- and the last month of its rows; the months in between lie inside the span). That is all billing_months() needs:
-- every month from the first to the last. Lines are append-only (V40); an operator's repair with that guard off
-- (an update or a delete) drops the months left without lines and adds the lines' first and last month again.
create table bill_line_month (
    month date primary key
);
comment on table bill_line_month is 'distribution: reference';

-- the bounds of the lines written so far: the first and the last month, one descent of the month index each
insert into bill_line_month (month)
select m from (select min(month) as lo, max(month) as hi from bill_line) b cross join lateral (values (b.lo), (b.hi)) v(m)
where m is not null
on conflict do nothing;

create function billing_keep_line_months() returns trigger language plpgsql as $$
begin
    if tg_op = 'TRUNCATE' then
        truncate bill_line_month;
        return null;
    end if;
    if tg_op = 'INSERT' then
        -- one pass over the statement's rows (min and max, no sort or hash); in month order so that two writers take
        -- the same keys in the same order
        insert into bill_line_month (month)
        select distinct m from (select min(month) as lo, max(month) as hi from new_rows) b
        cross join lateral (values (b.lo), (b.hi)) v(m)
        where m is not null
        order by m
        on conflict do nothing;
        return null;
    end if;
    -- an update or a delete, which only a repair makes: the months left without lines go, the lines' bounds stay
    delete from bill_line_month k where not exists (select 1 from bill_line l where l.month = k.month);
    insert into bill_line_month (month)
    select m from (select min(month) as lo, max(month) as hi from bill_line) b cross join lateral (values (b.lo), (b.hi)) v(m)
    where m is not null
    on conflict do nothing;
    return null;
end $$;

create trigger bill_line_month_insert after insert on bill_line
    referencing new table as new_rows for each statement execute function billing_keep_line_months();
create trigger bill_line_month_repair after update or delete on bill_line
    for each statement execute function billing_keep_line_months();
create trigger bill_line_month_truncate after truncate on bill_line
    for each statement execute function billing_keep_line_months();

create or replace function billing_months() returns date[] language sql stable parallel safe as $$
    select coalesce(array(select cast(m as date) from generate_series((select min(month) from bill_line_month),
                                                                      (select max(month) from bill_line_month), interval '1 month') m),
                    '{}')
$$;
