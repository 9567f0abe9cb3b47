-- Whole potential workforce: the one definition of the denominator every coverage ratio divides by (issues 14, 15).
--
-- A region's potential workforce for a year is WHOLE when the region has its own imported figure, or when it has
-- regions directly below (active ones) and EVERY one of them is whole, recursively; the whole figure is then its own
-- figure, else the sum of its children's whole figures. The nation ('ID') is whole when every active province is.
-- Judging only one level down was wrong: a regency whose districts all had a figure somewhere beneath them, but one
-- district of which lacked figures for some villages, was taken for whole and its ratio overstated.
--
-- Why kept, not computed per read: the rule reaches down to the 83,762 villages, and one level-wise pass over the
-- country takes 0.5 s (the demo's figures) to 2.4 s (a figure for every village) on a loaded machine (docs/benchmarks.md,
-- "Whole potential workforce"); a coverage object must answer in well under 50 ms. Figures change only by import and the region list only by a new official list, so the pass runs in the
-- writer's transaction (statement triggers below), for the years the write touched, and readers look rows up by key.
--
-- potential_workforce_whole (private to region; read through region.PotentialWorkforce.whole):
--   one row per region (and 'ID') with at least one figure at or beneath it in the year;
--   potential_workers  the whole figure, null when not whole (PARTIAL: some figures beneath, not all);
--   own                the region has its own figure;
--   below, below_whole the active regions directly below, and how many of them are whole (the page says why).
create table potential_workforce_whole (
    year              int not null,
    region_code       text collate "C" not null,
    potential_workers bigint,
    own               boolean not null,
    below             int not null,
    below_whole       int not null,
    primary key (year, region_code)
);

-- One writer of the kept rows at a time, whatever the years, held to the end of the writer's transaction: a lock per
-- year let an upsert (whose UPDATE trigger fires before its INSERT trigger, each locking its years in order) deadlock
-- with an import of the same years, and let a region change that knew no rows of a year yet commit beside that year's
-- first import, which then kept the old shape (review of 7 December 2026). Each trigger takes it before it reads which
-- years to rebuild, so what it reads and rebuilds is what the previous writer committed.
create function potential_workforce_whole_lock() returns void language sql as $$
    select pg_advisory_xact_lock(hashtext('potential_workforce_whole'), 0)
$$;

create function potential_workforce_whole_rebuild(y int) returns void language plpgsql as $$
declare
    levels text[] := array['VILLAGE', 'DISTRICT', 'REGENCY', 'PROVINCE'];
begin
    perform potential_workforce_whole_lock();
    delete from potential_workforce_whole where year = y;
    -- a village is whole by its own figure only
    insert into potential_workforce_whole (year, region_code, potential_workers, own, below, below_whole)
    select y, p.region_code, p.potential_workers, true, 0, 0
    from potential_workforce p join region r on r.code = p.region_code
    where p.year = y and r.level = 'VILLAGE';
    -- each level up from the rows just kept for the level below: its own figure, else the sum when every active
    -- region directly below is whole; a row for every region with a figure at or beneath it
    for i in 2 .. 4 loop
        insert into potential_workforce_whole (year, region_code, potential_workers, own, below, below_whole)
        select y, r.code, coalesce(o.potential_workers, case when c.n = c.k then c.s end), o.region_code is not null,
               coalesce(c.n, 0), coalesce(c.k, 0)
        from region r
        left join potential_workforce o on o.year = y and o.region_code = r.code
        left join (select ch.parent_code, count(*) as n, count(w.potential_workers) as k, sum(w.potential_workers) as s,
                          count(w.region_code) as with_figures
                   from region ch left join potential_workforce_whole w on w.year = y and w.region_code = ch.code
                   where ch.active and ch.level = levels[i - 1]
                   group by ch.parent_code) c on c.parent_code = r.code
        where r.level = levels[i] and (o.region_code is not null or c.with_figures > 0);
    end loop;
    -- the nation: every active province whole
    insert into potential_workforce_whole (year, region_code, potential_workers, own, below, below_whole)
    select y, 'ID', case when count(*) = count(w.potential_workers) then sum(w.potential_workers) end, false, count(*),
           count(w.potential_workers)
    from region p left join potential_workforce_whole w on w.year = y and w.region_code = p.code
    where p.active and p.level = 'PROVINCE'
    having count(w.region_code) > 0;
end $$;

-- a figure imported, changed or removed: its years again
create function potential_workforce_whole_changed() returns trigger language plpgsql as $$
declare
    y int;
begin
    perform potential_workforce_whole_lock();
    if tg_op = 'INSERT' then
        for y in select distinct year from new_rows order by 1 loop
            perform potential_workforce_whole_rebuild(y);
        end loop;
    elsif tg_op = 'UPDATE' then
        for y in select year from new_rows union select year from old_rows order by 1 loop
            perform potential_workforce_whole_rebuild(y);
        end loop;
    elsif tg_op = 'DELETE' then
        for y in select distinct year from old_rows order by 1 loop
            perform potential_workforce_whole_rebuild(y);
        end loop;
    else
        delete from potential_workforce_whole;
    end if;
    return null;
end $$;

create trigger potential_workforce_whole_insert after insert on potential_workforce
    referencing new table as new_rows for each statement execute function potential_workforce_whole_changed();
create trigger potential_workforce_whole_update after update on potential_workforce
    referencing old table as old_rows new table as new_rows for each statement execute function potential_workforce_whole_changed();
create trigger potential_workforce_whole_delete after delete on potential_workforce
    referencing old table as old_rows for each statement execute function potential_workforce_whole_changed();
create trigger potential_workforce_whole_truncate after truncate on potential_workforce
    for each statement execute function potential_workforce_whole_changed();

-- the region list changed in shape (regions added, moved, re-levelled or retired, as region_list_change counts; a new
-- name alone does not): every year with a figure again
create function potential_workforce_whole_regions_changed() returns trigger language plpgsql as $$
declare
    y int;
begin
    -- each operation's test on its own: an INSERT trigger has no old_rows, and PL/pgSQL plans an IF's whole condition
    -- as one query, so "tg_op = 'UPDATE' and ... old_rows" failed every region list that added a code (review)
    if tg_op = 'INSERT' then
        if not exists (select 1 from new_rows) then
            return null;
        end if;
    elsif not exists (
            select 1 from new_rows n join old_rows o on o.code = n.code
            where (o.parent_code, o.level, o.active) is distinct from (n.parent_code, n.level, n.active)) then
        return null;
    end if;
    perform potential_workforce_whole_lock();
    for y in select distinct year from potential_workforce order by 1 loop
        perform potential_workforce_whole_rebuild(y);
    end loop;
    return null;
end $$;

create trigger potential_workforce_whole_region_insert after insert on region
    referencing new table as new_rows for each statement execute function potential_workforce_whole_regions_changed();
create trigger potential_workforce_whole_region_update after update on region
    referencing old table as old_rows new table as new_rows for each statement execute function potential_workforce_whole_regions_changed();

select potential_workforce_whole_rebuild(year) from (select distinct year from potential_workforce order by 1) y;
