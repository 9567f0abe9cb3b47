package id.lindung.billing;

import id.lindung.shared.Rupiah;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a dry run tells of the payments: the payers whose paid months the run would change, each month with what the
 * payer sees of it before and after (the amount paid, the day it was paid in full, the late fine, and how many of its
 * workers' programme months would be paid on another day). Only a payer with money for a month of the run
 * ({@code run_payer.paying}, {@link RunPayers}) has its allocation recomputed, and only from that month on
 * ({@link Allocation}); every other payer's allocation stays as it is. So the allocations of those payers from that
 * month are kept in the run's transaction just before they are recomputed, line by line with the day and the late
 * weight each was paid with, and compared in SQL with what the run leaves.
 *
 * <p>Compared by line, not by the month's sum: a month keeps its sum when the money that paid it moves within the
 * history (a line paid by an earlier payment is now paid by a later one, on a later day and perhaps late), and the
 * month's sum alone missed it (review of 7 December 2026). The months of a death's reversals are compared too: an
 * unpaid line reversed lowers the month's fine without any allocation moving. The run's own month is named like any
 * other when what the payer sees of it changes: money that pays it (a credit, or a payment the backfill takes from a
 * later month), a line added to a month paid in full, a fine of an overdue month billed late. It was left out, so a
 * backfill that took a payment from a later month named the later month and not the one the money went to.
 *
 * <p>Before, the dry run read every allocation of every payer of the run, before and after, into the heap and compared
 * them there: two scans of {@code bill_line} by run (it has no index on it) and two of the payers' whole history,
 * 6.0-6.1 s each at 500,000 workers with a year of history, 1.6 million map entries in the heap, and at 10,000,000
 * workers more than a 512 MB server holds (docs/benchmarks.md, "A month settled again").
 */
final class DryRunAllocations {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DryRunAllocations.class);

    private final JdbcClient jdbc;
    /** Time spent keeping allocations, for the log. */
    private long keepingNanos;

    private DryRunAllocations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts keeping, in temporary tables of the run's transaction. */
    static DryRunAllocations begin(JdbcClient jdbc) {
        jdbc.sql("drop table if exists dry_alloc_payer, dry_alloc_before, dry_pair").update();
        jdbc.sql("create temp table dry_alloc_payer (payer_id bigint primary key, from_month date not null) on commit drop").update();
        // no key: it is read whole, by hash (the comparison in CANDIDATES and FIGURES), never probed
        jdbc.sql("""
                create temp table dry_alloc_before (bill_line_id bigint, payer_id bigint, month date, amount numeric,
                                                    paid_on date, late numeric) on commit drop""").update();
        return new DryRunAllocations(jdbc);
    }

    /**
     * Before the payers with money for {@code month} ({@code run_payer}) are settled from it: keeps the allocations from
     * {@code month} on of those not kept yet. A payer kept at an earlier month of the run is kept from there: its
     * allocations from this month were already recomputed once. The run settles its months oldest first, so the
     * payers kept from {@code month} are exactly those this call added.
     */
    void beforeSettling(LocalDate month) {
        long t0 = System.nanoTime();
        long kept = jdbc.sql("""
                insert into dry_alloc_payer (payer_id, from_month)
                select payer_id, :month from run_payer where %s
                on conflict (payer_id) do nothing""".formatted(RunPayers.PAYING))
                .param("month", Date.valueOf(month)).update();
        if (kept > 0) {
            // unanalysed, the few payers kept were estimated at a page's worth, and their allocations read by a scan of
            // every allocation (1.0 s at 500,000 workers with a year of history) instead of through the payer index
            jdbc.sql("analyze dry_alloc_payer").update();
            jdbc.sql("""
                    insert into dry_alloc_before (bill_line_id, payer_id, month, amount, paid_on, late)
                    select a.bill_line_id, a.payer_id, a.month, a.amount, a.paid_on, a.late
                    from dry_alloc_payer k join payment_allocation a on a.payer_id = k.payer_id and a.month >= k.from_month
                    where k.from_month = :month""").param("month", Date.valueOf(month)).update();
        }
        keepingNanos += System.nanoTime() - t0;
    }

    /*
     * The payer-months that may have changed: those with an allocation that differs from the kept one (gone, new, or
     * another amount, day or late weight), and the months the run wrote lines to (a death's reversals, lines added to a
     * month billed before, which change its fine and whether it is paid in full). A payer's first bill of the run's own
     * month ({@code new_bill_content}, BillVersions) with no money for it changes nothing it sees unless the month is
     * overdue (a fine): compared then only, so the dry run of a new month does not read every line the run wrote. A
     * join, not EXISTS: new_bill_content has no index (RunPayers.of).
     */
    private static final String CANDIDATES = """
            create temp table dry_pair on commit drop as
            select distinct payer_id, month from (
                select coalesce(n.payer_id, b.payer_id) as payer_id, coalesce(n.month, b.month) as month
                from (select a.bill_line_id, a.payer_id, a.month, a.amount, a.paid_on, a.late
                      from dry_alloc_payer k join payment_allocation a on a.payer_id = k.payer_id and a.month >= k.from_month) n
                full join dry_alloc_before b on b.bill_line_id = n.bill_line_id
                where (n.amount, n.paid_on, coalesce(n.late, 0)) is distinct from (b.amount, b.paid_on, coalesce(b.late, 0))
                union all
                select r.payer_id, r.month from run_month_payer r
                left join new_bill_content n on r.month = :start and n.payer_id = r.payer_id
                where r.month <> :start or :overdue or n.payer_id is null) c""";

    /*
     * Each candidate payer-month before and after the run. Before: the lines written before the run (ids up to :after)
     * with the reversals written before it, and the kept allocations when the payer was settled from that month (else
     * its allocations, which the run left as they were). After: as the run leaves them. The same figures as the bills
     * show: paid is the allocations' sum; a month is paid in full on the latest day its money came when nothing of it
     * is owed; its fine weight is LateFines.puLate's (the paid part's kept weight, the unpaid part late until :asOf); a
     * worker's programme month is paid, on its latest day, when every line of it is settled (PaidMonths.refreshPaidMonths,
     * on the payer's lines).
     *
     * Each payer-month's lines, reversals included (a reversal is a negative copy of its line, with its payer and
     * month: MonthLines.REVERSE_LINES), and its allocations are read by one range of the payer index each, and joined
     * by hash. A backfill of 2025-06 on the demo data compares 23,005 payer-months, 358,292 lines (EXPLAIN ANALYZE,
     * load 10-14): their reversals, allocations and kept allocations probed line by line took 9.6 s of the statement's
     * 14.2 s, read by range and hashed 4.2 s (docs/benchmarks.md, "What a dry run names").
     */
    private static final String FIGURES = """
            with pair as (
                select d.payer_id, d.month, coalesce(k.from_month <= d.month, false) as kept
                from dry_pair d left join dry_alloc_payer k on k.payer_id = d.payer_id
            ), raw as materialized (
                select p.kept, l.* from pair p
                cross join lateral (select l.id, l.payer_id, l.month, l.worker_id, l.program, l.segment, l.due_date, l.kind,
                                           l.amount, l.reverses_line_id
                                    from bill_line l where l.payer_id = p.payer_id and l.month = p.month offset 0) l
            ), reversed as (
                select reverses_line_id as id, sum(amount) filter (where id <= :after) as before, sum(amount) as after
                from raw where kind = 'REVERSAL' group by reverses_line_id
            ), allocated as (
                select a.* from pair p
                cross join lateral (select a.bill_line_id, a.amount, a.paid_on, a.late from payment_allocation a
                                    where a.payer_id = p.payer_id and a.month = p.month offset 0) a
            ), line as (
                select l.payer_id, l.month, l.worker_id, l.program, l.segment = 'PU' as pu, l.due_date,
                       case when l.id <= :after then l.amount + coalesce(r.before, 0) else 0 end as eb,
                       l.amount + coalesce(r.after, 0) as ea,
                       case when l.kept then coalesce(b.amount, 0) else coalesce(n.amount, 0) end as ab,
                       case when l.kept then b.paid_on else n.paid_on end as pb,
                       case when l.kept then coalesce(b.late, 0) else coalesce(n.late, 0) end as lb,
                       coalesce(n.amount, 0) as aa, n.paid_on as pa, coalesce(n.late, 0) as la
                from raw l
                left join reversed r on r.id = l.id
                left join allocated n on n.bill_line_id = l.id
                left join dry_alloc_before b on l.kept and b.bill_line_id = l.id
                where l.kind <> 'REVERSAL'
            ), worker_month as (
                select payer_id, month,
                       sum(ab) as paid_b, sum(aa) as paid_a,
                       sum(greatest(eb - ab, 0)) filter (where eb > 0) as owed_b, sum(greatest(ea - aa, 0)) filter (where ea > 0) as owed_a,
                       bool_or(eb > 0) as billed_b, bool_or(ea > 0) as billed_a, max(pb) as last_b, max(pa) as last_a,
                       -- months_late only where something is unpaid: most lines are paid, and each call costs a dozen
                       -- numeric operations (this grouping took 6.6 s with it on every line, 4.0 s so, in the backfill above)
                       coalesce(sum((eb - ab) * months_late(due_date, :asOf)) filter (where pu and eb > ab), 0)
                           + coalesce(sum(lb) filter (where pu and eb > 0), 0) as late_b,
                       coalesce(sum((ea - aa) * months_late(due_date, :asOf)) filter (where pu and ea > aa), 0)
                           + coalesce(sum(la) filter (where pu and ea > 0), 0) as late_a,
                       case when bool_and(eb <= 0 or ab >= eb) and bool_or(eb > 0) then max(pb) end as on_b,
                       case when bool_and(ea <= 0 or aa >= ea) and bool_or(ea > 0) then max(pa) end as on_a
                from line group by payer_id, month, worker_id, program
            )
            select w.payer_id, p.code, w.month, sum(w.paid_b) as paid_b, sum(w.paid_a) as paid_a,
                   case when bool_or(w.billed_b) and coalesce(sum(w.owed_b), 0) = 0 then max(w.last_b) end as full_b,
                   case when bool_or(w.billed_a) and coalesce(sum(w.owed_a), 0) = 0 then max(w.last_a) end as full_a,
                   sum(w.late_b) as late_b, sum(w.late_a) as late_a,
                   count(*) filter (where w.on_b is distinct from w.on_a) as redated
            from worker_month w join registry_payer p on p.id = w.payer_id
            group by w.payer_id, p.code, w.month
            order by w.payer_id, w.month""";

    /**
     * The payers whose paid months would change, in payer order, each with its months whose figures change, oldest
     * first, {@code start} (the run's own month) among them.
     *
     * @param linesAfter the run's lines and reversals have ids above it
     * @param asOf       the day the fines are counted to, as the bills count them when read
     * @param rules      the regulation of a month, for its fine rate
     */
    List<BillingPreview.PaidMonthsChange> changes(LocalDate start, long linesAfter, LocalDate asOf,
                                                  Function<YearMonth, MonthRules> rules) {
        long t1 = System.nanoTime();
        jdbc.sql("analyze dry_alloc_before").update();
        // the run's month's PU fine counts from the day after its due date (months_late)
        boolean overdue = asOf.isAfter(rules.apply(YearMonth.from(start)).puDueDate());
        long pairs = jdbc.sql(CANDIDATES).param("start", Date.valueOf(start)).param("overdue", overdue).update();
        jdbc.sql("analyze dry_pair").update();
        long t2 = System.nanoTime();
        Map<String, List<BillingPreview.MonthChange>> byPayer = new LinkedHashMap<>();
        Map<YearMonth, MonthRules> monthRules = new java.util.HashMap<>();
        jdbc.sql(FIGURES).param("after", linesAfter).param("asOf", Date.valueOf(asOf))
                .query((rs, n) -> {
                    YearMonth month = YearMonth.from(rs.getDate("month").toLocalDate());
                    MonthRules r = monthRules.computeIfAbsent(month, rules);
                    BillingPreview.MonthChange change = new BillingPreview.MonthChange(month.toString(),
                            Rupiah.of(rs.getBigDecimal("paid_b")), Rupiah.of(rs.getBigDecimal("paid_a")),
                            date(rs, "full_b"), date(rs, "full_a"),
                            r.puFine(rs.getBigDecimal("late_b")), r.puFine(rs.getBigDecimal("late_a")), rs.getLong("redated"));
                    if (change.changes()) {
                        byPayer.computeIfAbsent(rs.getString("code"), k -> new ArrayList<>()).add(change);
                    }
                    return n;
                })
                .list();
        log.info("Dry run: allocations kept in {} ms, {} payer-months to compare found in {} ms, compared in {} ms",
                keepingNanos / 1_000_000, pairs, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
        List<BillingPreview.PaidMonthsChange> changes = new ArrayList<>();
        byPayer.forEach((payer, months) -> changes.add(BillingPreview.PaidMonthsChange.of(payer, months)));
        return changes;
    }

    private static LocalDate date(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
