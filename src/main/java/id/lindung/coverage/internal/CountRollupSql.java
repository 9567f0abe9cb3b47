package id.lindung.coverage.internal;

/**
 * The statements of the coverage rollups' counts (docs/decisions/0010-coverage-rollups.md). A worker's counted facts
 * change only at the bounds of their terms and of their lapses, so the refresh writes each worker's spans of constant
 * facts; a count on a date is then the sum of the per-day changes up to it (nation, provinces, regencies, and districts
 * and villages with many workers) or the spans covering it (the other districts and villages). Every statement works on
 * the refresh's work lists, set-based.
 */
final class CountRollupSql {

    private CountRollupSql() {}

    /** The group lengths kept as per-day changes: the nation, provinces and regencies. */
    static final String LEVELS = "(values (0), (2), (5)) lv (len)";

    /**
     * A span's counted rows: the worker once per split, as IndicatorSql.COUNTS counts (a worker whose payer is unknown
     * only per programme, as its inner join to the payer leaves them out elsewhere).
     */
    static final String EXPAND = """
            cross join lateral (
                select 'ALL' as dim, '' as key, s.protected as prot where s.payer_kind is not null
                union all select 'SEGMENT', s.segment, s.protected where s.payer_kind is not null
                union all select 'CATEGORY', s.category, s.protected where s.payer_kind is not null
                union all select 'PAYER_KIND', s.payer_kind, s.protected where s.payer_kind is not null
                union all select 'APPARATUS', s.apparatus, s.protected where s.payer_kind is not null and s.apparatus is not null
                union all select 'POVERTY', s.poverty, s.protected where s.payer_kind is not null and s.poverty is not null
                union all select 'PROGRAMME', pr, pr = any(s.prot_programs) from unnest(s.reg_programs) pr) k
            """;

    /**
     * The spans of the listed workers ({@code %s}: the filter of each base read by worker). Billing's rule
     * (billing.ProtectionPolicy) as intervals: a BPU programme is lapsed from the day after a billed month's due date
     * (never before that month) to the first day of the first month from it on that was paid within its window; the
     * due dates are those of the segment of the programme's latest term. Protected days are a term's days minus the
     * lapses for BPU, all of them for PU. Facts are evaluated at each bound and merged where they do not change.
     */
    static final String SPANS = """
            insert into coverage_span_stage
            with cal (m, pu_due, bpu_due, pu_last, bpu_last) as (
                select * from unnest(cast(:months as date[]), cast(:pudue as date[]), cast(:bpudue as date[]),
                                     cast(:pulast as date[]), cast(:bpulast as date[]))),
            t as (
                select t.worker_id, t.program, t.segment, t.village_code, t.valid_from,
                       coalesce(t.employer_payer_id, t.worker_payer_id) as payer_id,
                       daterange(t.valid_from, case when t.valid_to is null then null
                                                    when t.end_reason = 'DECEASED' then greatest(t.valid_to + 1, t.valid_from)
                                                    else greatest(t.valid_to, t.valid_from) end) as r,
                       array_position(array['JKK', 'JKM', 'JHT', 'JP', 'JKP'], t.program) as rank
                from registry_membership_term t where %1$s),
            ls as not materialized (
                -- the segment of each programme's latest term, for the programmes with a BPU term: only BPU terms
                -- lapse, so the months of the others (PU only) leave before the per-programme sort and window.
                -- Grouped from the terms, not from t, and inlined where used: a CTE has no statistics, so the planner
                -- hashed the billed and paid months (millions) to join these few, not these to stream those
                -- (docs/benchmarks.md "Billed months kept by billing")
                select t.worker_id, t.program, (array_agg(t.segment order by t.valid_from desc))[1] as segment
                from registry_membership_term t where %1$s
                group by t.worker_id, t.program having bool_or(t.segment = 'BPU')),
            months as (
                select b.worker_id, b.program, b.month, true as billed, null::date as good,
                       case when ls.segment = 'BPU' then cal.bpu_due else cal.pu_due end as due
                from billing_billed_month b
                join ls on ls.worker_id = b.worker_id and ls.program = b.program
                join cal on cal.m = b.month
                where %2$s
                union all
                select p.worker_id, p.program, p.month, false, p.month, null
                from billing_paid_month p
                join ls on ls.worker_id = p.worker_id and ls.program = p.program
                join cal on cal.m = p.month
                where %3$s and p.paid_on <= case when ls.segment = 'BPU' then cal.bpu_last else cal.pu_last end),
            nxt as (
                select worker_id, program, billed, greatest(due + 1, month) as lo,
                       min(good) over (partition by worker_id, program order by month desc) as next_good
                from months),
            lapse as (
                select worker_id, program, range_agg(daterange(lo, next_good)) as lapsed
                from nxt where billed and (next_good is null or next_good > lo)
                group by worker_id, program),
            pt as (
                select t.*, case when t.segment = 'BPU' then datemultirange(t.r) - coalesce(l.lapsed, '{}'::datemultirange)
                                 else datemultirange(t.r) end as p
                from t left join lapse l on l.worker_id = t.worker_id and l.program = t.program
                where not isempty(t.r)),
            b as (
                select distinct pt.worker_id, u.d
                from pt cross join lateral (
                    select lower(pt.r) union all select upper(pt.r)
                    union all select lower(x) from unnest(pt.p) x union all select upper(x) from unnest(pt.p) x) u (d)
                where u.d is not null),
            e as (
                select worker_id, d as from_day, lead(d) over (partition by worker_id order by d) as to_day from b),
            ev as (
                select e.worker_id, e.from_day, e.to_day,
                       (array_agg(pt.village_code order by pt.rank))[1] as village_code,
                       (array_agg(pt.segment order by pt.rank))[1] as segment,
                       (array_agg(pt.payer_id order by pt.rank))[1] as payer_id,
                       array_agg(pt.program order by pt.rank) as reg_programs,
                       coalesce(array_agg(pt.program order by pt.rank) filter (where pt.p @> e.from_day), '{}') as prot_programs,
                       coalesce(bool_or(pt.program = 'JKK' and pt.p @> e.from_day), false)
                           and coalesce(bool_or(pt.program = 'JKM' and pt.p @> e.from_day), false) as protected
                from e join pt on pt.worker_id = e.worker_id and pt.r @> e.from_day
                group by e.worker_id, e.from_day, e.to_day),
            f as (
                select ev.worker_id, ev.village_code, ev.from_day, ev.to_day, ev.segment, py.kind as payer_kind, p.category,
                       case when p.category in ('KEPALA_DESA', 'PERANGKAT_DESA') then 'GOVERNMENT'
                            when p.category = 'BPD' then 'BPD' when p.category = 'RT_RW' then 'RT_RW' end as apparatus,
                       """ + IndicatorSql.POVERTY_DECILE + """
                        as poverty,
                       ev.protected, ev.reg_programs, ev.prot_programs
                from ev
                join registry_worker_profile p on p.id = ev.worker_id
                left join registry_payer py on py.id = ev.payer_id),
            k as (
                select f.*, case when lag(f.to_day) over w = f.from_day
                                      and lag(concat_ws('|', f.village_code, f.segment, coalesce(f.payer_kind, '-'), f.category,
                                                        coalesce(f.apparatus, '-'), coalesce(f.poverty, '-'), f.protected,
                                                        f.reg_programs, f.prot_programs)) over w
                                          = concat_ws('|', f.village_code, f.segment, coalesce(f.payer_kind, '-'), f.category,
                                                      coalesce(f.apparatus, '-'), coalesce(f.poverty, '-'), f.protected,
                                                      f.reg_programs, f.prot_programs)
                                 then 0 else 1 end as brk
                from f window w as (partition by f.worker_id order by f.from_day)),
            g as (select k.*, sum(brk) over (partition by k.worker_id order by k.from_day) as island from k)
            select worker_id, village_code, min(from_day), (array_agg(to_day order by from_day desc))[1], segment, payer_kind,
                   category, apparatus, poverty, protected, reg_programs, prot_programs
            from g
            group by worker_id, island, village_code, segment, payer_kind, category, apparatus, poverty, protected,
                     reg_programs, prot_programs
            """;

    /**
     * The listed workers' old spans taken away and their new ones added, as per-day changes of every group level: summed
     * per levelled village, else levelled district, else regency first (coverage_levelled_group), then the wider groups
     * from those sums (one expansion of the spans, not five). A levelled village's district is levelled too (it has at
     * least the village's workers, and both are judged together).
     */
    static final String SPAN_DELTAS = """
            insert into coverage_delta_stage (grp, day, dim, key, d_reg, d_prot)
            with s as (
                select x.*, case when v.grp is not null then x.village_code when d.grp is not null then left(x.village_code, 8)
                                 else left(x.village_code, 5) end as grp
                from (select 1 as sign, n.* from coverage_span_stage n
                      union all
                      select -1, o.* from coverage_worker_span o join coverage_refresh_worker w on w.worker_id = o.worker_id) x
                left join coverage_levelled_group v on v.grp = x.village_code
                left join coverage_levelled_group d on d.grp = left(x.village_code, 8)),
            r as (
                select s.grp, ev.day, k.dim, k.key, sum(s.sign * ev.dir) as d_reg, sum(s.sign * ev.dir * k.prot::int) as d_prot
                from s
                cross join lateral (values (s.from_day, 1), (s.to_day, -1)) ev (day, dir)
            """ + EXPAND + """
                where ev.day is not null
                group by 1, 2, 3, 4)
            select x.grp, x.day, x.dim, x.key, sum(x.d_reg), sum(x.d_prot)
            from (select * from r
                  union all select left(r.grp, 8), r.day, r.dim, r.key, r.d_reg, r.d_prot from r where length(r.grp) > 8
                  union all select left(r.grp, 5), r.day, r.dim, r.key, r.d_reg, r.d_prot from r where length(r.grp) > 5
                  union all select left(r.grp, 2), r.day, r.dim, r.key, r.d_reg, r.d_prot from r
                  union all select '', r.day, r.dim, r.key, r.d_reg, r.d_prot from r) x
            group by 1, 2, 3, 4
            having sum(x.d_reg) <> 0 or sum(x.d_prot) <> 0
            """;

    /**
     * The districts and villages of the refreshed villages that now have at least {@code :min} workers and are not
     * levelled yet (a rebuild judges every village: the work list then holds them all).
     */
    static final String PROMOTE = """
            with c as (
                select distinct left(v.village_code, lv.len) as grp
                from coverage_refresh_village v cross join (values (8), (13)) lv (len)
                where not exists (select 1 from coverage_levelled_group l where l.grp = left(v.village_code, lv.len)))
            insert into coverage_levelled_group (grp)
            select c.grp from c
            where (select count(distinct s.worker_id) from coverage_worker_span s
                   where s.village_code >= c.grp and s.village_code < c.grp || '/') >= :min
            returning grp
            """;

    /** All the per-day changes of newly levelled groups, from their current spans. */
    static final String PROMOTED_DELTAS = """
            insert into coverage_delta_stage (grp, day, dim, key, d_reg, d_prot)
            select g.grp, ev.day, k.dim, k.key, sum(ev.dir), sum(ev.dir * k.prot::int)
            from unnest(cast(:groups as text[])) g (grp)
            join coverage_worker_span s on s.village_code >= g.grp and s.village_code < g.grp || '/'
            cross join lateral (values (s.from_day, 1), (s.to_day, -1)) ev (day, dir)
            """ + EXPAND + """
            where ev.day is not null
            group by 1, 2, 3, 4
            having sum(ev.dir) <> 0 or sum(ev.dir * k.prot::int) <> 0
            """;

    /**
     * The number of active desa of every group level, at the beginning of time (a rebuild writes it: the official
     * list is reference data, not logged as changed, docs/decisions/0010-coverage-rollups.md).
     */
    static final String DESA_COUNTS = """
            insert into coverage_delta_stage (grp, day, dim, key, d_reg, d_prot)
            select left(a.code, lv.len), '-infinity', 'DESA', '', count(*), 0
            from region_area a cross join """ + LEVELS + """
            where a.active and a.level = 'VILLAGE' and a.kind = 'DESA'
            group by 1
            """;

    /**
     * The staged changes as rows of the days and of their months: a rebuild loads them as they are (the tables are
     * empty, their keys dropped until the load ends), a refresh adds them to what is there ({@link #UPSERT_DAYS}).
     */
    static final String LOAD_DAYS = """
            insert into coverage_delta (grp, day, dim, key, d_reg, d_prot)
            select grp, day, dim, key, sum(d_reg), sum(d_prot) from coverage_delta_stage group by 1, 2, 3, 4
            """;

    static final String LOAD_MONTHS = """
            insert into coverage_delta_month (grp, month, dim, key, d_reg, d_prot)
            select grp, date_trunc('month', day)::date, dim, key, sum(d_reg), sum(d_prot) from coverage_delta_stage group by 1, 2, 3, 4
            """;

    static final String UPSERT_DAYS = LOAD_DAYS + """
            on conflict (grp, day, dim, key) do update
            set d_reg = coverage_delta.d_reg + excluded.d_reg, d_prot = coverage_delta.d_prot + excluded.d_prot
            """;

    static final String UPSERT_MONTHS = LOAD_MONTHS + """
            on conflict (grp, month, dim, key) do update
            set d_reg = coverage_delta_month.d_reg + excluded.d_reg, d_prot = coverage_delta_month.d_prot + excluded.d_prot
            """;
}
