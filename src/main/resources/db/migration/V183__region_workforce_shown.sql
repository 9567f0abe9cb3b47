-- The shown potential workforce kept beside the whole one (issue 14: the region browser and the dashboard's source line).
--
-- /wilayah (its pages, its API and its downloads) and the source line of /cakupan show, per region and year, the figure
-- of the region: its own, else the sum of the topmost figures beneath it (whole or not: a partial sum is shown, never
-- divided by), from how many regions directly below, from which sources, and whether any is a demo figure. They read
-- every figure below the region into Java and walked it once per region shown: 83,761 village figures for the nation's
-- 38 provinces, about 2 s a page at national size (docs/benchmarks.md, "Region browser and source line at national
-- size"). V180's pass over the region list already visits every region with a figure at or beneath it; it now keeps
-- these too, so a page reads its regions' rows by key.
--
--   shown_workers       the region's own figure, else the sum of the shown figures of the active regions directly below
--                       that have one (so the topmost figures beneath, through active regions only, as the whole figure
--                       counts them: where it is whole, shown_workers = potential_workers)
--   below_with_figures  the active regions directly below with a figure at or beneath them ("3 dari 10 kabupaten")
--   demo                the own figure is a demo figure, else any counted figure beneath is
--   sources             the own figure's source, else the distinct sources of the counted figures beneath, sorted
alter table potential_workforce_whole
    add column shown_workers      bigint,
    add column below_with_figures int,
    add column demo               boolean,
    add column sources            text[];

-- "the latest year with a figure at or beneath the region": one probe by region
create index potential_workforce_whole_region_idx on potential_workforce_whole (region_code, year);

create or replace function potential_workforce_whole_rebuild(y int) returns void language plpgsql as $$
declare
    levels text[] := array['VILLAGE', 'DISTRICT', 'REGENCY', 'PROVINCE'];
begin
    perform potential_workforce_whole_lock();
    delete from potential_workforce_whole where year = y;
    -- a village is whole by its own figure only
    insert into potential_workforce_whole (year, region_code, potential_workers, own, below, below_whole,
                                           shown_workers, below_with_figures, demo, sources)
    select y, p.region_code, p.potential_workers, true, 0, 0, p.potential_workers, 0, p.demo, array[p.source]
    from potential_workforce p join region r on r.code = p.region_code
    where p.year = y and r.level = 'VILLAGE';
    -- each level up from the rows just kept for the level below: its own figure, else the sum when every active
    -- region directly below is whole; a row for every region with a figure at or beneath it
    for i in 2 .. 4 loop
        insert into potential_workforce_whole (year, region_code, potential_workers, own, below, below_whole,
                                               shown_workers, below_with_figures, demo, sources)
        select y, r.code, coalesce(o.potential_workers, case when c.n = c.k then c.s end), o.region_code is not null,
               coalesce(c.n, 0), coalesce(c.k, 0),
               coalesce(o.potential_workers, c.shown), coalesce(c.with_figures, 0), coalesce(o.demo, c.demo),
               case when o.region_code is not null then array[o.source] else cs.sources end
        from region r
        left join potential_workforce o on o.year = y and o.region_code = r.code
        left join (select ch.parent_code, count(*) as n, count(w.potential_workers) as k, sum(w.potential_workers) as s,
                          count(w.region_code) as with_figures, sum(w.shown_workers) as shown, bool_or(w.demo) as demo
                   from region ch left join potential_workforce_whole w on w.year = y and w.region_code = ch.code
                   where ch.active and ch.level = levels[i - 1]
                   group by ch.parent_code) c on c.parent_code = r.code
        left join (select ch.parent_code, array_agg(distinct s collate "C" order by s collate "C") as sources
                   from region ch join potential_workforce_whole w on w.year = y and w.region_code = ch.code
                   cross join unnest(w.sources) s
                   where ch.active and ch.level = levels[i - 1]
                   group by ch.parent_code) cs on cs.parent_code = r.code
        where r.level = levels[i] and (o.region_code is not null or c.with_figures > 0);
    end loop;
    -- the nation: every active province whole
    insert into potential_workforce_whole (year, region_code, potential_workers, own, below, below_whole,
                                           shown_workers, below_with_figures, demo, sources)
    select y, 'ID', case when count(*) = count(w.potential_workers) then sum(w.potential_workers) end, false, count(*),
           count(w.potential_workers), sum(w.shown_workers), count(w.region_code), coalesce(bool_or(w.demo), false),
           (select array_agg(distinct s collate "C" order by s collate "C")
            from region p2 join potential_workforce_whole w2 on w2.year = y and w2.region_code = p2.code
            cross join unnest(w2.sources) s
            where p2.active and p2.level = 'PROVINCE')
    from region p left join potential_workforce_whole w on w.year = y and w.region_code = p.code
    where p.active and p.level = 'PROVINCE'
    having count(w.region_code) > 0;
end $$;

select potential_workforce_whole_rebuild(year) from (select distinct year from potential_workforce order by 1) y;

alter table potential_workforce_whole
    alter column shown_workers set not null,
    alter column below_with_figures set not null,
    alter column demo set not null,
    alter column sources set not null;
