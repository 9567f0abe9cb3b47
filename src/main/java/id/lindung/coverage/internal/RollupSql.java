package id.lindung.coverage.internal;

import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The statements of the coverage rollups (docs/decisions/0010-coverage-rollups.md). A worker's counted facts change
 * only at the bounds of their terms and of their lapses, so the refresh writes each worker's spans of constant facts;
 * a count on a date is then the sum of the per-day changes up to it (nation, provinces, regencies, and districts and
 * villages with many workers) or the spans covering it (the other districts and villages). Every statement works on the refresh's work lists, set-based.
 */
final class RollupSql {

    private RollupSql() {}

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
            cross join """ + LEVELS + """
            where ev.day is not null
            group by 1, 2
            having sum(s.sign * ev.dir) <> 0
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

    /**
     * Money per village and worker ({@code %1$s}: the table written, {@code %2$s}: the lines, billing_line_money or a
     * part of it as a derived table): the worker's lines in
     * that village summed per month, settling day and the line payer's kind, as IndicatorSql.MONEY sums them, kept as
     * parallel arrays (one row per worker and village, not per month: coverage_money_worker, V157 and V160). Every array
     * is aggregated in the same order.
     */
    static final String MONEY_WORKERS = """
            insert into %1$s (village_code, worker_id, months, days, billed, paid, kinds)
            select m.village_code, m.worker_id, array_agg(m.month order by m.month, m.day, m.kind),
                   array_agg(m.day order by m.month, m.day, m.kind), array_agg(m.billed order by m.month, m.day, m.kind),
                   array_agg(m.paid order by m.month, m.day, m.kind), array_agg(m.kind order by m.month, m.day, m.kind)
            from (select l.village_code, l.worker_id, l.month, coalesce(l.paid_on, '-infinity') as day, p.kind,
                         sum(l.amount) as billed, coalesce(sum(l.paid), 0) as paid
                  from %2$s l join registry_payer p on p.id = l.payer_id
                  group by 1, 2, 3, 4, 5
                  %3$s) m
            group by 1, 2
            """;

    /**
     * The lines a refresh sums again (a derived table; its parameters are added to {@code params}): those of the
     * villages logged whole ({@code :v}), then those of the named workers elsewhere from the earliest month billing
     * changed for each (V171; their earlier months are kept, RollupSql.MONEY_KEPT_MONTHS). The workers are read a group
     * per earliest month, each group's months and workers given as arrays the planner can count: a worker's lines are
     * then read through the lines' month index (billing keeps no worker index on them, V168). Joined to the workers
     * and their months as a table instead, the planner hashed every line of the history (4.7 s at 500,000 workers
     * against 1.6 s for every month of every worker). A December payment file reads December: before, every named
     * worker's thirteen months and their allocations were read, 7.5-8.2 s of a 9.8-10.5 s catch-up for 50,673 workers
     * (docs/benchmarks.md, "Money from the month a write changed"). The named workers' lines are read with their
     * allocations probed by key (billing_line_money_by_line, V172): joined, a group's 20,000 lines or more made the
     * planner hash them and read every allocation of the history (1.2-2.0 s a group at 500,000 workers).
     *
     * @param named each named worker and its earliest changed month (null: every month)
     */
    static String moneyLines(List<Object[]> named, Date[] billedMonths, MapSqlParameterSource params) {
        Map<Date, List<Long>> groups = new HashMap<>();
        for (Object[] worker : named) {
            groups.computeIfAbsent((Date) worker[1], k -> new ArrayList<>()).add((Long) worker[0]);
        }
        StringBuilder lines = new StringBuilder("(select * from billing_line_money where village_code = any(cast(:v as text[]))");
        int i = 0;
        for (Map.Entry<Date, List<Long>> group : groups.entrySet()) {
            Date from = group.getKey();
            Date[] months = Arrays.stream(billedMonths).filter(m -> from == null || !m.before(from)).toArray(Date[]::new);
            if (months.length == 0) {
                continue;
            }
            params.addValue("bm" + i, months).addValue("w" + i, group.getValue().toArray(Long[]::new));
            lines.append("""

                     union all
                     select * from billing_line_money_by_line where month = any(cast(:bm%1$d as date[])) and worker_id = any(cast(:w%1$d as bigint[]))
                       and not village_code = any(cast(:v as text[]))""".formatted(i));
            i++;
        }
        return lines.append(")").toString();
    }

    /**
     * For {@link #MONEY_WORKERS}' third argument in a refresh: the named workers' kept money of the months before the
     * earliest one billing changed for each ({@code :w} and {@code :wf}, null: every month changed), outside the
     * villages summed whole ({@code :v}), taken from their rows as they are. The lines read are those from that month
     * on (CoverageRollups.MONEY_LINES), so each row holds the worker's every month again.
     */
    static final String MONEY_KEPT_MONTHS = """
            union all
            select o.village_code, o.worker_id, x.month, x.day, x.kind, x.billed, x.paid
            from unnest(cast(:w as bigint[]), cast(:wf as date[])) k (worker_id, from_month)
            join coverage_money_worker o on o.worker_id = k.worker_id
            cross join lateral unnest(o.months, o.days, o.billed, o.paid, o.kinds) x (month, day, billed, paid, kind)
            where x.month < k.from_month and not o.village_code = any(cast(:v as text[]))
            """;

    /** A rebuild's money per village, month, settling day and payer kind: the sum of every worker's (the table is empty before). */
    static final String MONEY_VILLAGES = """
            insert into coverage_money_stage (village_code, month, day, billed, paid, kind)
            select w.village_code, m.month, m.day, sum(m.billed), sum(m.paid), m.kind
            from coverage_money_worker w
            cross join lateral unnest(w.months, w.days, w.billed, w.paid, w.kinds) m (month, day, billed, paid, kind)
            group by w.village_code, m.month, m.day, m.kind
            """;

    /**
     * A refresh's change of money per village, month, settling day and payer kind: the listed workers' new money minus their old
     * ({@code %s}: the filter of the old rows, the same workers and villages as the new ones were read for).
     */
    static final String MONEY_CHANGES = """
            insert into coverage_money_stage (village_code, month, day, billed, paid, kind)
            select s.village_code, m.month, m.day, sum(s.sign * m.billed), sum(s.sign * m.paid), m.kind
            from (select 1 as sign, n.village_code, n.months, n.days, n.billed, n.paid, n.kinds from coverage_money_worker_stage n
                  union all
                  select -1, o.village_code, o.months, o.days, o.billed, o.paid, o.kinds from coverage_money_worker o where %s) s
            cross join lateral unnest(s.months, s.days, s.billed, s.paid, s.kinds) m (month, day, billed, paid, kind)
            group by s.village_code, m.month, m.day, m.kind
            having sum(s.sign * m.billed) <> 0 or sum(s.sign * m.paid) <> 0
            """;

    /**
     * The staged money per village as rows of every group level: a rebuild's whole money into the empty table, a
     * refresh's changes added to what is there ({@link #UPSERT_MONEY}).
     */
    static final String LOAD_MONEY = """
            insert into coverage_money (grp, month, day, billed, paid, kind)
            select left(s.village_code, lv.len), s.month, s.day, sum(s.billed), sum(s.paid), s.kind
            from coverage_money_stage s
            cross join """ + LEVELS + """
            group by 1, 2, 3, s.kind
            having sum(s.billed) <> 0 or sum(s.paid) <> 0
            """;

    static final String UPSERT_MONEY = LOAD_MONEY + """
            on conflict (grp, month, day, kind) do update
            set billed = coverage_money.billed + excluded.billed, paid = coverage_money.paid + excluded.paid
            """;

    /** A refresh's changes added to the villages' money; rows left at zero are removed by {@link #MONEY_ZEROS}. */
    static final String UPSERT_MONEY_VILLAGE = """
            insert into coverage_money_village (village_code, month, day, billed, paid, kind)
            select village_code, month, day, billed, paid, kind from coverage_money_stage
            on conflict (village_code, month, day, kind) do update
            set billed = coverage_money_village.billed + excluded.billed, paid = coverage_money_village.paid + excluded.paid
            """;

    /**
     * The village rows a refresh brought to zero (typically the unsettled row of a month just paid), so they do not
     * pile up; a read sums them, so a zero row and no row answer the same.
     */
    static final String MONEY_ZEROS = """
            delete from coverage_money_village v using coverage_money_stage s
            where v.village_code = s.village_code and v.month = s.month and v.day = s.day and v.kind = s.kind
              and v.billed = 0 and v.paid = 0
            """;

    // --- reads ---------------------------------------------------------------------------------------------------

    /** Counts of groups kept as per-day changes: the sum of the changes up to the date. */
    static final String COUNTS_FROM_DELTAS = """
            select grp, dim, key, sum(d_reg), sum(d_prot)
            from (select grp, dim, key, d_reg, d_prot from coverage_delta_month
                  where grp = any(cast(:groups as text[])) and month < :m
                  union all
                  select grp, dim, key, d_reg, d_prot from coverage_delta
                  where grp = any(cast(:groups as text[])) and day >= :m and day <= :d) x
            group by grp, dim, key
            having sum(d_reg) <> 0 or sum(d_prot) <> 0
            """;

    /**
     * Counts of districts and villages: the per-day changes of the levelled ones ({@code :levelled}), the spans covering
     * the date of the others ({@code :small}), and the Desa Sadar spans of all ({@code :groups}).
     * <p>
     * The spans are read per group by a lateral subquery that cannot be flattened ({@code offset 0}): as a join on the
     * code range the planner cannot estimate how few spans a handful of villages hold, and from about 100,000 spans on
     * it scanned every span of the country and tested each against each group (1.3 s for a district's villages at
     * 1,000,000 workers, docs/benchmarks.md); per group it is an index range scan on {@code (village_code, from_day)}.
     */
    static final String COUNTS_BELOW_REGENCY = COUNTS_FROM_DELTAS.replace(":groups", ":levelled") + """
            union all
            select g.grp, k.dim, k.key, count(*), count(*) filter (where k.prot)
            from unnest(cast(:small as text[])) g (grp)
            cross join lateral (
                select s.protected, s.payer_kind, s.segment, s.category, s.apparatus, s.poverty, s.reg_programs, s.prot_programs
                from coverage_worker_span s
                where s.village_code >= g.grp and s.village_code < g.grp || '/'
                  and s.from_day <= :d and (s.to_day is null or s.to_day > :d)
                offset 0) s
            """ + EXPAND + """
            group by 1, 2, 3
            union all
            select g.grp, 'DESA_SADAR', '', count(*), 0
            from unnest(cast(:groups as text[])) g (grp)
            join coverage_desa_sadar_span s on s.village_code >= g.grp and s.village_code < g.grp || '/'
            where not s.near and s.from_day <= :d and (s.to_day is null or s.to_day > :d)
            group by 1
            """;

    static final String DESA = """
            select left(r.code, :glen), count(*)
            from region_area r
            where r.active and r.level = 'VILLAGE' and r.kind = 'DESA' and r.code >= :lo and r.code < :hi
            group by 1
            """;

    /** Money of the groups by payer kind, as IndicatorSql.MONEY answers it. */
    static final String MONEY_FROM_LEVELS = """
            select grp, kind, coalesce(sum(billed), 0), coalesce(sum(paid) filter (where day <= :to), 0)
            from coverage_money where grp = any(cast(:groups as text[])) and month >= :mfrom and month <= :mto
            group by grp, kind
            """;

    static final String MONEY_FROM_VILLAGES = """
            select left(village_code, :glen), kind, coalesce(sum(billed), 0), coalesce(sum(paid) filter (where day <= :to), 0)
            from coverage_money_village
            where village_code >= :lo and village_code < :hi and month >= :mfrom and month <= :mto
            group by 1, 2
            """;

    /**
     * The people of the Desa Sadar categories in each desa on the date, as IndicatorSql.DESA_SADAR_PEOPLE finds them, by
     * worker id only: a verdict needs the category and the protection, and only the people it lists missing need a
     * name. Joining every official's name and sorting them by it cost the nation's list a hash join and a sort spilled
     * to disk over 315,068 officials (1.06 s of the database's time at 334,988 workers, docs/benchmarks.md "Desa Sadar
     * of the nation"), to name the few of the near misses.
     */
    static final String DESA_SADAR_OFFICIALS = """
            select s.village_code, s.category, s.protected, s.worker_id
            from coverage_worker_span s
            where s.village_code >= :lo and s.village_code < :hi and s.from_day <= :d and (s.to_day is null or s.to_day > :d)
              and s.payer_kind is not null and s.category = any(cast(:cats as text[]))
            """;

    /**
     * {@link #DESA_SADAR_OFFICIALS} of the desa that are near misses on the date only (their kept near-miss spans, V185):
     * the near-miss list of the nation reads a few hundred people, not every kepala desa and perangkat desa.
     */
    static final String DESA_NEAR_OFFICIALS = """
            select s.village_code, s.category, s.protected, s.worker_id
            from coverage_desa_sadar_span n
            join coverage_worker_span s on s.village_code = n.village_code
            where n.near and n.village_code >= :lo and n.village_code < :hi and n.from_day <= :d and (n.to_day is null or n.to_day > :d)
              and s.from_day <= :d and (s.to_day is null or s.to_day > :d)
              and s.payer_kind is not null and s.category = any(cast(:cats as text[]))
            """;

    /** The NIK and name of the workers a verdict lists missing. */
    static final String NAMES = """
            select rw.id, rw.nik, rw.full_name from registry_worker rw where rw.id = any(cast(:ids as bigint[]))
            order by rw.full_name, rw.id
            """;
}
