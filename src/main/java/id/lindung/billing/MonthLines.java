package id.lindung.billing;

import id.lindung.access.RegionScope;
import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lines of a month's run (BillingRuns), set-based: the month's rate rows and relief standing loaded into temporary
 * tables, what every active membership term should cost as one statement ({@link #desired}), written whole by a
 * first run or compared with what is billed by a re-run (reversals of what no longer matches, then the missing lines),
 * and the reversals of months billed after a death. Within the run's transaction; its temporary tables are dropped on
 * commit.
 */
@Component
class MonthLines {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    MonthLines(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** The lines the month should have, staged as the temporary table {@code desired} for a re-run's comparison. */
    void stageDesired(MonthRules r, LocalDate start, RegionScope scope) {
        jdbc.sql("create temp table desired on commit drop as " + desired(r)).paramSource(desiredParams(r, start, scope)).update();
        jdbc.sql("analyze desired").update();
    }

    /** A part of the area billed by one statement: the codes in [lo, hi), and its active memberships. */
    record Chunk(String lo, String hi, long terms) {}

    /**
     * The area cut at the level below the scope (provinces of the country, regencies of a province, ...) into ranges
     * that together cover the scope's range with no gap, so every line the one-statement run wrote is written once.
     */
    List<Chunk> chunks(LocalDate start, RegionScope scope) {
        int length = scope.isNational() ? 2 : scope.code().length() + 3;
        if (!scope.isNational() && scope.code().length() >= 13) {
            return List.of(new Chunk(scope.lo(), scope.hi(), 0));
        }
        List<Object[]> parts = jdbc.sql("""
                select left(t.village_code, :length), count(*) from registry_membership_term t
                where t.valid_from < :next and (t.valid_to is null or t.valid_to > :start)
                  and t.village_code >= :lo and t.village_code < :hi
                group by 1 order by 1""")
                .param("length", length).param("start", Date.valueOf(start)).param("next", Date.valueOf(start.plusMonths(1)))
                .param("lo", scope.lo()).param("hi", scope.hi())
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)}).list();
        if (parts.isEmpty()) {
            return List.of(new Chunk(scope.lo(), scope.hi(), 0));
        }
        List<Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String lo = i == 0 ? scope.lo() : (String) parts.get(i)[0];
            String hi = i == parts.size() - 1 ? scope.hi() : (String) parts.get(i + 1)[0];
            chunks.add(new Chunk(lo, hi, (Long) parts.get(i)[1]));
        }
        return chunks;
    }

    /** The month's rate rows as the temporary table month_rate, which {@link #desired} joins. */
    void loadRates(MonthRules r) {
        // several runs may share one transaction (demo data, a year of months): start from a clean slate
        jdbc.sql("drop table if exists month_rate").update();
        jdbc.sql("drop table if exists desired").update();
        jdbc.sql("""
                create temp table month_rate (program text, segment text, share text, risk_group text, labour_intensive boolean,
                    rate numeric, flat numeric, base_cap numeric, band_step numeric, band_min numeric, band_max numeric,
                    relief boolean, full_rate numeric)
                    on commit drop""").update();
        List<Object[]> rows = r.rates().stream().map(x -> new Object[] {x.program(), x.segment(), x.share(), x.riskGroup(),
                x.labourIntensive(), x.rate(), x.flat(), x.baseCap(), x.bandStep(), x.bandMin(), x.bandMax(), x.relief(),
                x.fullRate()}).toList();
        template.batchUpdate("insert into month_rate values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /**
     * Who gets a relief month's relief, from the billing facts (docs/regulations.md, "PP 49/2020 in billing"): per
     * active term, the participant's registration (its first membership start) and how far the term's payer (the
     * employer for PU, the participant for BPU) had paid by July 2020; the calculator's rule decides per distinct pair.
     * Outside the relief the table stays empty and every term takes the rows that apply to all.
     */
    void loadReliefStanding(MonthRules r, LocalDate start, RegionScope scope) {
        jdbc.sql("drop table if exists term_relief").update();
        jdbc.sql("create temp table term_relief (term_id bigint primary key, relief boolean not null) on commit drop").update();
        if (r.relief() == null) {
            return;
        }
        jdbc.sql("drop table if exists term_standing").update();
        YearMonth condition = r.relief().paidThroughCondition();
        jdbc.sql("""
                create temp table term_standing on commit drop as
                select t.id as term_id,
                       (select min(x.valid_from) from registry_membership_term x where x.worker_id = t.worker_id) as registered,
                       coalesce(t.employer_payer_id, t.worker_payer_id) as payer_id
                from registry_membership_term t
                where t.valid_from < :next and (t.valid_to is null or t.valid_to > :start)
                  and t.village_code >= :lo and t.village_code < :hi""")
                .paramSource(desiredParams(r, start, scope)).update();
        // paid through: the condition month when everything billed up to it is settled, else the month before the
        // first unsettled one; null (unknown) for a payer never billed up to it
        Map<Long, YearMonth> paidThrough = new HashMap<>();
        if (condition != null) {
            jdbc.sql("""
                    select s.payer_id,
                           bool_or(true) filter (where l.id is not null) as billed,
                           min(l.month) filter (where coalesce(a.amount, 0) < l.eff) as first_unsettled
                    from (select distinct payer_id from term_standing) s
                    left join bill_line_effective l on l.payer_id = s.payer_id and l.month <= :until
                    left join payment_allocation a on a.bill_line_id = l.id
                    group by s.payer_id""")
                    .param("until", Date.valueOf(condition.atDay(1)))
                    .query((rs, n) -> {
                        if (rs.getBoolean("billed")) {
                            Date unsettled = rs.getDate("first_unsettled");
                            paidThrough.put(rs.getLong("payer_id"),
                                    unsettled == null ? condition : YearMonth.from(unsettled.toLocalDate()).minusMonths(1));
                        }
                        return null;
                    }).list();
        }
        record Standing(LocalDate registered, Long payer) {}
        List<Standing> standings = jdbc.sql("select distinct registered, payer_id from term_standing")
                .query((rs, n) -> new Standing(rs.getDate(1) == null ? null : rs.getDate(1).toLocalDate(), rs.getLong(2)))
                .list();
        List<Object[]> decided = standings.stream().map(st -> new Object[] {
                st.registered() == null ? null : Date.valueOf(st.registered()), st.payer(),
                r.relief().applies().test(st.registered(), paidThrough.get(st.payer()))}).toList();
        jdbc.sql("drop table if exists standing_relief").update();
        jdbc.sql("create temp table standing_relief (registered date, payer_id bigint, relief boolean) on commit drop").update();
        template.batchUpdate("insert into standing_relief values (?, ?, ?)", decided);
        jdbc.sql("""
                insert into term_relief (term_id, relief)
                select t.term_id, s.relief from term_standing t
                join standing_relief s on s.registered is not distinct from t.registered and s.payer_id = t.payer_id""").update();
    }

    /**
     * What each active term should cost this month. A month is billed by the last term active in it
     * (a whole month from the start month through the month of the last day), so a mid-month wage or
     * payer change bills the month once, on the new terms: a term the registry marks as continued (closed
     * inside the month because a successor took over) is billed by that successor. Shares that come to zero are
     * not billed. Terms and payers come from the registry's published views (V53).
     */
    private static final String ACTIVE_TERMS = """
            from registry_membership_term t
            join month_rate m on m.program = t.program and m.segment = t.segment
                 and (m.risk_group is null or m.risk_group = t.risk_group)
                 and (m.labour_intensive is null or m.labour_intensive = t.labour_intensive)
            left join term_relief tr on tr.term_id = t.id
            where t.valid_from < :next and (t.valid_to is null or t.valid_to > :start)
              and t.village_code >= :lo and t.village_code < :hi
              and (t.valid_to is null or t.valid_to >= :next or not t.continued)
              and (m.relief is null or m.relief = coalesce(tr.relief, true))
            """;

    private static final String DESIRED = """
            select * from (
              select t.id as term_id, t.worker_id, t.village_code, t.program, t.segment, m.share,
                     case m.share when 'EMPLOYER' then t.employer_payer_id else t.worker_payer_id end as payer_id,
                     b.base,
                     case when m.flat is not null then null else m.rate end as rate,
                     case when m.flat is not null then m.flat else round(b.base * m.rate, :scale) end as amount,
                     'CONTRIBUTION' as line_type,
                     case when m.full_rate is null then 0
                          else round(b.base * m.full_rate, :scale) - round(b.base * m.rate, :scale) end as deferred
              """ + ACTIVE_TERMS.replace("where t.valid_from", """
              cross join lateral (select case
                      when m.band_step is not null then greatest(m.band_min, least(m.band_max, floor(t.wage / m.band_step) * m.band_step))
                      when m.base_cap is not null then least(t.wage, m.base_cap)
                      else t.wage end as base) b
              where t.valid_from""") + """
            ) lines where amount <> 0""";

    /**
     * A settlement month's instalment of the JP deferred in the relief months, per payer, worker and share, as a line
     * of its own: on the term and village of the worker's last deferred line, billed even if the membership has ended.
     */
    private static final String JP_REPAYMENT = """
            select d.term_id, d.worker_id, d.village_code, 'JP' as program, 'PU' as segment, d.share, d.payer_id,
                   d.total as base, cast(null as numeric) as rate,
                   round(d.total * cast(:instalment as int) / cast(:instalments as int), :scale)
                     - round(d.total * (cast(:instalment as int) - 1) / cast(:instalments as int), :scale) as amount,
                   'JP_DEFERRED' as line_type, cast(0 as numeric) as deferred
            from (select l.payer_id, l.worker_id, l.share, sum(l.deferred) as total,
                         (array_agg(l.term_id order by l.month desc, l.id desc))[1] as term_id,
                         (array_agg(l.village_code order by l.month desc, l.id desc))[1] as village_code
                  from bill_line l
                  where l.program = 'JP' and l.line_type = 'CONTRIBUTION' and l.month between :deferredFrom and :deferredUntil
                    and l.village_code >= :lo and l.village_code < :hi
                  group by l.payer_id, l.worker_id, l.share) d
            where d.total > 0""";

    /** Every line the month should have: the contributions, and in a settlement month the deferred-JP instalments. */
    static String desired(MonthRules r) {
        return r.jpRepayment() == null ? DESIRED : DESIRED + "\nunion all\n" + JP_REPAYMENT;
    }

    private static MapSqlParameterSource desiredParams(MonthRules r, LocalDate start,
                                                                                               RegionScope scope) {
        return desiredParams(r, start, scope.lo(), scope.hi());
    }

    private static MapSqlParameterSource desiredParams(MonthRules r, LocalDate start,
                                                                                               String lo, String hi) {
        return new MapSqlParameterSource()
                .addValue("instalment", r.jpRepayment() == null ? 0 : r.jpRepayment().instalment())
                .addValue("instalments", r.jpRepayment() == null ? 1 : r.jpRepayment().instalments())
                .addValue("deferredFrom", r.jpRepayment() == null ? null : Date.valueOf(r.jpRepayment().deferredFrom().atDay(1)),
                        Types.DATE)
                .addValue("deferredUntil", r.jpRepayment() == null ? null : Date.valueOf(r.jpRepayment().deferredUntil().atDay(1)),
                        Types.DATE)
                .addValue("lo", lo).addValue("hi", hi)
                .addValue("scale", r.roundingScale()).addValue("start", Date.valueOf(start))
                .addValue("next", Date.valueOf(start.plusMonths(1)));
    }

    /** A full reversal of each selected line {@code l}: a negative copy pointing at it, added by this run. */
    private static final String REVERSE_LINES = """
            insert into bill_line (payer_id, month, worker_id, village_code, term_id, program, segment, due_date,
                                   share, kind, base, rate, amount, regulation_version, reverses_line_id, run_id,
                                   line_type, deferred)
            select l.payer_id, l.month, l.worker_id, l.village_code, l.term_id, l.program, l.segment, l.due_date,
                   l.share, 'REVERSAL', l.base, l.rate, -l.amount, :version, l.id, :run, l.line_type, -l.deferred
            """;

    /**
     * Contribution lines of months after the month of a worker's death (a term that ended DECEASED): reversed in full,
     * whatever month this run bills, so that a payer does not pay for a worker who died after the months were billed
     * (RULES.md 2.3, refunds after a JKM claim). The month of death itself stays billed: the worker was protected in it.
     */
    long reverseMonthsAfterDeath(MonthRules r, long runId, RegionScope scope) {
        return jdbc.sql(REVERSE_LINES + """
                from registry_membership_term t
                -- a line's worker and programme are its term's: the few ended terms reach their lines through the
                -- lines' month index, every billed month named, instead of reading every line of every month
                -- (bill_line has no term or worker index, V168)
                join bill_line l on l.month = any(billing_months()) and l.worker_id = t.worker_id and l.program = t.program
                     and l.term_id = t.id
                where t.end_reason = 'DECEASED' and l.month > cast(date_trunc('month', t.valid_to) as date)
                  and l.line_type = 'CONTRIBUTION' and l.kind <> 'REVERSAL'
                  and l.village_code >= :lo and l.village_code < :hi
                  and not exists (select 1 from bill_line x where x.reverses_line_id = l.id)""")
                .param("version", r.regulationVersion()).param("run", runId)
                .param("lo", scope.lo()).param("hi", scope.hi()).update();
    }

    /** Lines billed before that no longer match: reversed in full (a negative line pointing at the original). */
    long appendReversals(MonthRules r, long runId, LocalDate start, RegionScope scope) {
        return jdbc.sql(REVERSE_LINES + """
                from bill_line l
                where l.month = :month and l.kind <> 'REVERSAL' and l.village_code >= :lo and l.village_code < :hi
                  and not exists (select 1 from bill_line x where x.reverses_line_id = l.id)
                  and not exists (select 1 from desired d
                                  where d.worker_id = l.worker_id and d.program = l.program and d.share = l.share
                                    and d.payer_id = l.payer_id and d.term_id = l.term_id and d.amount = l.amount
                                    and d.line_type = l.line_type and d.deferred = l.deferred)""")
                .param("version", r.regulationVersion()).param("run", runId).param("month", Date.valueOf(start))
                .param("lo", scope.lo()).param("hi", scope.hi()).update();
    }

    /**
     * Appends the desired lines that have no matching live line: ORIGINAL the first time a worker,
     * programme and share is billed for the month, ADJUSTMENT after a reversal.
     */
    long insertLines(MonthRules r, long runId, LocalDate start, RegionScope scope, String source, boolean onlyMissing) {
        return insertLines(r, runId, start, scope.lo(), scope.hi(), source, onlyMissing);
    }

    long insertLines(MonthRules r, long runId, LocalDate start, String lo, String hi, String source, boolean onlyMissing) {
        String kind = onlyMissing ? """
                case when exists (select 1 from bill_line e where e.month = :month and e.worker_id = d.worker_id
                                    and e.program = d.program and e.share = d.share and e.line_type = d.line_type)
                     then 'ADJUSTMENT' else 'ORIGINAL' end""" : "'ORIGINAL'";
        String missing = onlyMissing ? """
                where not exists (select 1 from bill_line l
                                  where l.month = :month and l.worker_id = d.worker_id and l.program = d.program
                                    and l.share = d.share and l.payer_id = d.payer_id and l.term_id = d.term_id
                                    and l.amount = d.amount and l.line_type = d.line_type and l.deferred = d.deferred
                                    and l.kind <> 'REVERSAL'
                                    and not exists (select 1 from bill_line x where x.reverses_line_id = l.id))""" : "";
        return jdbc.sql("""
                insert into bill_line (payer_id, month, worker_id, village_code, term_id, program, segment, due_date,
                                       share, kind, base, rate, amount, regulation_version, run_id, line_type, deferred)
                select d.payer_id, :month, d.worker_id, d.village_code, d.term_id, d.program, d.segment,
                       case d.segment when 'BPU' then cast(:bpuDue as date) else cast(:puDue as date) end,
                       d.share, %s, d.base, d.rate, d.amount, :version, :run, d.line_type, d.deferred
                from %s d
                %s""".formatted(kind, source, missing))
                .paramSource(desiredParams(r, start, lo, hi).addValue("month", Date.valueOf(start))
                        .addValue("bpuDue", Date.valueOf(r.bpuDueDate())).addValue("puDue", Date.valueOf(r.puDueDate()))
                        .addValue("version", r.regulationVersion()).addValue("run", runId))
                .update();
    }
}
