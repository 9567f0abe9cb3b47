package id.lindung.coverage.internal;

/**
 * The statements of the coverage rollups that judge the Desa Sadar days of the refreshed villages and turn them into
 * per-day changes of the Desa Sadar counts (docs/decisions/0010-coverage-rollups.md).
 */
final class DesaSadarRollupSql {

    private DesaSadarRollupSql() {}

    /**
     * The Desa Sadar days of the listed villages (active desa) from the new spans, under the rule in force each day
     * (before the first rule, the first): at least one person of the rule's categories, every required category
     * present, no required person unprotected, and the share met; as IndicatorSql.COUNTS judges one date. The days a
     * desa is a near miss come out too ({@code near}): every required category present, and the unprotected required
     * people plus the people the share still needs between 1 and the rule's near_miss_max, as DesaSadarRule.judge
     * counts them, so a near-miss list reads the people of those desa only.
     */
    static final String DESA_SADAR = """
            insert into coverage_desa_sadar_stage
            with rule as (
                select r.valid_from, r.required_present, r.required_all, r.share_categories, r.share_min_percent,
                       r.near_miss_max, r.required_present || r.required_all || r.share_categories as cats,
                       lead(r.valid_from) over (order by r.valid_from) as next_from,
                       row_number() over (order by r.valid_from) = 1 as first
                from coverage_desa_sadar_rule r),
            v as (
                select a.code as village_code from region_area a join coverage_refresh_village d on d.village_code = a.code
                where a.active and a.kind = 'DESA' and a.level = 'VILLAGE'),
            people as (
                select s.village_code, s.from_day, s.to_day, s.category, s.protected
                from coverage_worker_span s join v on v.village_code = s.village_code
                where s.payer_kind is not null and s.category in (select unnest(cats) from rule)),
            b as (
                select village_code, from_day as d from people
                union select village_code, to_day from people where to_day is not null
                union select p.village_code, r.valid_from from (select distinct village_code from people) p cross join rule r),
            e as (select village_code, d as from_day, lead(d) over (partition by village_code order by d) as to_day from b),
            ec as (
                select e.village_code, e.from_day, e.to_day, r.share_min_percent, r.near_miss_max,
                       count(*) filter (where p.category = any(r.cats)) as people,
                       count(distinct p.category) filter (where p.category = any(r.required_present)) = cardinality(r.required_present)
                           as present,
                       count(*) filter (where p.category = any(r.required_all) and not p.protected) as unprotected,
                       count(*) filter (where p.category = any(r.share_categories) and not p.category = any(r.required_all)
                                          and p.protected) as share_protected,
                       count(*) filter (where p.category = any(r.share_categories) and not p.category = any(r.required_all))
                           as share_people
                from e
                join rule r on (e.from_day >= r.valid_from and (r.next_from is null or e.from_day < r.next_from))
                            or (r.first and e.from_day < r.valid_from)
                left join people p on p.village_code = e.village_code and p.from_day <= e.from_day
                                  and (p.to_day is null or p.to_day > e.from_day)
                group by e.village_code, e.from_day, e.to_day, r.valid_from, r.cats, r.required_present, r.required_all,
                         r.share_categories, r.share_min_percent, r.near_miss_max),
            ev as (
                select ec.village_code, ec.from_day, ec.to_day, ec.people,
                       ec.present and ec.unprotected = 0 and ec.share_protected * 100 >= ec.share_min_percent * ec.share_people
                           as sadar,
                       ec.present and ec.unprotected
                           + greatest(0, ceil(ec.share_min_percent * ec.share_people / 100) - ec.share_protected)
                           between 1 and ec.near_miss_max as near
                from ec),
            s as (
                select ev.*, case when lag(ev.to_day) over w = ev.from_day and lag(ev.near) over w = ev.near then 0 else 1 end as brk
                from ev where ev.people > 0 and (ev.sadar or ev.near)
                window w as (partition by ev.village_code order by ev.from_day)),
            g as (select s.*, sum(brk) over (partition by s.village_code order by s.from_day) as island from s)
            select village_code, min(from_day), (array_agg(to_day order by from_day desc))[1], near
            from g group by village_code, island, near
            """;

    /**
     * The villages whose Desa Sadar days a refresh judges again: those where the refreshed workers' spans that the
     * judgement reads (a payer known, a category of some rule: {@link #DESA_SADAR}'s people) differ between old and
     * new, and those logged whole ({@code :whole}). Run before the old spans are replaced. A farmer's payment changes
     * no desa's people, so it judges none.
     */
    static final String DESA_SADAR_CHANGED = """
            with cats as (
                select distinct unnest(r.required_present || r.required_all || r.share_categories) as category
                from coverage_desa_sadar_rule r),
            n as (
                select s.village_code, s.from_day, s.to_day, s.category, s.protected from coverage_span_stage s
                where s.payer_kind is not null and s.category in (select category from cats)),
            o as (
                select s.village_code, s.from_day, s.to_day, s.category, s.protected
                from coverage_worker_span s join coverage_refresh_worker w on w.worker_id = s.worker_id
                where s.payer_kind is not null and s.category in (select category from cats))
            select village_code from (select * from n except all select * from o) a
            union
            select village_code from (select * from o except all select * from n) b
            union
            select unnest(cast(:whole as text[]))
            """;

    static final String DESA_SADAR_DELTAS = """
            insert into coverage_delta_stage (grp, day, dim, key, d_reg, d_prot)
            select left(s.village_code, lv.len), ev.day, 'DESA_SADAR', '', sum(s.sign * ev.dir), 0
            from (select 1 as sign, n.* from coverage_desa_sadar_stage n where not n.near
                  union all
                  select -1, o.* from coverage_desa_sadar_span o join coverage_refresh_village d on d.village_code = o.village_code
                  where not o.near) s
            cross join lateral (values (s.from_day, 1), (s.to_day, -1)) ev (day, dir)
            cross join """ + CountRollupSql.LEVELS + """
            where ev.day is not null
            group by 1, 2
            having sum(s.sign * ev.dir) <> 0
            """;
}
