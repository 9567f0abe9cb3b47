-- Registry's change log (V110) names the workers a small write touched, not only their villages (issue 14, coverage
-- refresh). Coverage recomputed every worker of a changed village, so one change in a 10,000-worker village cost
-- 10.5 s at the next read (docs/benchmarks.md). A statement of at most 1,000 rows now logs one row per distinct
-- (village, worker); a larger one (an import, a billing-sized write) logs one row per village with no worker, as
-- before, which means "every worker of the village". The size test reads at most 1,001 rows of the transition table.
alter table registry_village_change add column worker_id bigint;

-- registry_changed_village: the villages (and, for small writes, the workers) a committed registry write touched.
--   tx            xid8    the writing transaction
--   village_code  text    a village whose workers' terms or category changed (null: every village)
--   worker_id     bigint  the worker whose terms or category changed (null: every worker of the village)
create or replace view registry_changed_village as
select c.tx, c.village_code, c.worker_id from registry_village_change c;

create or replace function registry_log_term_villages() returns trigger language plpgsql as $$
declare
    small boolean;
begin
    if tg_op = 'TRUNCATE' then
        insert into registry_village_change (village_code) values (null);
        return null;
    end if;
    if tg_op = 'DELETE' then
        small := (select count(*) from (select 1 from old_rows limit 1001) s) <= 1000;
    else
        small := (select count(*) from (select 1 from new_rows limit 1001) s) <= 1000;
    end if;
    if tg_op = 'INSERT' then
        insert into registry_village_change (village_code, worker_id)
        select distinct n.village_code, case when small then n.worker_id end from new_rows n;
    elsif tg_op = 'UPDATE' then
        insert into registry_village_change (village_code, worker_id)
        select o.village_code, case when small then o.worker_id end from old_rows o
        union select n.village_code, case when small then n.worker_id end from new_rows n;
    else
        insert into registry_village_change (village_code, worker_id)
        select distinct o.village_code, case when small then o.worker_id end from old_rows o;
    end if;
    return null;
end $$;

-- a worker's category and poverty flag are read as they are now, so a change moves the worker's counts in every
-- village of their terms
create or replace function registry_log_worker_villages() returns trigger language plpgsql as $$
declare
    small boolean;
begin
    if tg_op = 'UPDATE' then
        small := (select count(*) from (select 1 from new_rows limit 1001) s) <= 1000;
        insert into registry_village_change (village_code, worker_id)
        select distinct t.village_code, case when small then n.id end
        from new_rows n join old_rows o on o.id = n.id
        join membership_term t on t.worker_id = n.id
        where (n.category, n.extreme_poverty, n.poverty_decile) is distinct from (o.category, o.extreme_poverty, o.poverty_decile);
    else
        insert into registry_village_change (village_code) values (null);
    end if;
    return null;
end $$;
