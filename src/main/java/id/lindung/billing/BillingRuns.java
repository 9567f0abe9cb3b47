package id.lindung.billing;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.platform.AmountJson;
import id.lindung.shared.Rupiah;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The monthly billing run: one bill per payer and month, one line per worker, programme and share.
 *
 * <p>Set-based: the month's rate rows from the regulation go into a temporary table and one statement
 * computes what every active membership term should cost; a second compares that with what is already
 * billed and appends only the difference (a reversal of the old line plus a new line). Re-running a
 * month therefore adds nothing unless memberships or wages changed, and never rewrites a line.
 */
@Service
public class BillingRuns {

    /** A first run that wrote at least this many lines refreshes the planner's statistics before it goes on. */
    static final long STATISTICS_AFTER_LINES = 5_000;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BillingRuns.class);

    private final JdbcClient jdbc;
    private final MonthLines lines;
    private final MonthRulesSource rules;
    private final AuditLog audit;
    private final Allocation allocation;
    private final BillVersions versions;

    private final java.time.Clock clock;
    private final BackfillRule backfillRule;
    private final org.springframework.transaction.support.TransactionTemplate rolledBack;
    /**
     * Payers settled per batch after a run ({@link RunPayers}): 250,000 keeps a batch's ids, arrays and driver buffers
     * to some tens of MB in a 512 MB server, while a national run of 3 million payers is still about a dozen batches.
     */
    private volatile int payersPerBatch = 250_000;

    BillingRuns(JdbcClient jdbc, MonthLines lines, MonthRulesSource rules, AuditLog audit, Allocation allocation,
                java.time.Clock clock, org.springframework.transaction.PlatformTransactionManager transactions,
                @org.springframework.beans.factory.annotation.Value("${lindung.billing.backfill-window-months:2}") int backfillWindowMonths,
                BillVersions versions) {
        this.versions = versions;
        this.clock = clock;
        this.backfillRule = new BackfillRule(backfillWindowMonths);
        this.rolledBack = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.rolledBack.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jdbc = jdbc;
        this.lines = lines;
        this.rules = rules;
        this.audit = audit;
        this.allocation = allocation;
    }

    /** Sets the batch size of the settling after a run (tests cut a run into many batches); returns the previous one. */
    int payersPerBatch(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive: " + size);
        }
        int previous = payersPerBatch;
        payersPerBatch = size;
        return previous;
    }

    /** Locks a month's payers before the run tells apart those with money (RunPayers.of); null: the allocation's lock. */
    private volatile java.util.function.LongConsumer runPayersLock;

    /**
     * Wraps the lock of the run's payers (tests: a payment committed at that moment, after the lines and before the
     * payers are told apart); returns the previous wrapper, null for none.
     */
    java.util.function.LongConsumer runPayersLock(java.util.function.LongConsumer lock) {
        java.util.function.LongConsumer previous = runPayersLock;
        runPayersLock = lock;
        return previous;
    }

    /** What a run did: bills of the month, lines and amount this run added. */
    public record Result(YearMonth month, long bills, long lines, @JsonSerialize(using = AmountJson.Summed.class) Rupiah total,
                         String regulationVersion) {}

    /** A normal run: refused (422 BACKFILL_NOT_CONFIRMED) when it would bill the past, see {@link BackfillRule}. */
    @Transactional
    public Result run(YearMonth month, Actor actor) {
        return run(month, actor, false);
    }

    /** A run; {@code backfill} confirms billing a month older than the window or earlier than a payer's latest bill. */
    @Transactional
    public Result run(YearMonth month, Actor actor, boolean backfill) {
        return run(month, actor, backfill, BillingProgress.NONE);
    }

    /** {@link #run(YearMonth, Actor, boolean)}, telling {@code progress} how far it is (the CLI's bar, a run's page). */
    @Transactional
    public Result run(YearMonth month, Actor actor, boolean backfill, BillingProgress progress) {
        return execute(month, actor, backfill, null, progress);
    }

    /**
     * What {@link #run} would do, written nothing: the same statements run in their own transaction, which is
     * rolled back (identity numbers drawn by it are skipped, nothing else remains).
     */
    public BillingPreview dryRun(YearMonth month, Actor actor) {
        BillingPreview[] preview = new BillingPreview[1];
        rolledBack.executeWithoutResult(tx -> {
            try {
                execute(month, actor, true, p -> preview[0] = p, BillingProgress.NONE);
            } finally {
                tx.setRollbackOnly();
            }
        });
        return preview[0];
    }

    /**
     * What refuses a run before it starts: the role, a month too far ahead, a month before the window without
     * {@code backfill}. A run checks it first; a page checks it before it starts the run in the background.
     */
    public void checkStart(YearMonth month, Actor actor, boolean backfill) {
        if (!actor.can(Role.ADMIN, Role.DPMD)) {
            throw new AccessDeniedException("Only ADMIN and DPMD may run billing");
        }
        YearMonth latest = YearMonth.now(clock).plusMonths(1);
        if (month.isAfter(latest)) {
            throw id.lindung.platform.InvalidInputException.refused("month", "MONTH_TOO_FAR",
                    "Billing can run at most one month ahead (up to " + latest + "), not for " + month);
        }
        if (!backfill) {
            backfillRule.refuse(backfillRule.beforeWindow(month, YearMonth.now(clock)).stream().toList());
        }
    }

    private Result execute(YearMonth month, Actor actor, boolean backfill, java.util.function.Consumer<BillingPreview> dryRun,
                           BillingProgress progress) {
        checkStart(month, actor, backfill);
        List<String> backfillReasons = new java.util.ArrayList<>();
        backfillRule.beforeWindow(month, YearMonth.now(clock)).ifPresent(backfillReasons::add);
        RegionScope scope = actor.scope();
        MonthRules r = rules.forMonth(month);
        LocalDate start = month.atDay(1);
        // one run per month at a time; a second caller waits and then finds nothing left to add
        jdbc.sql("select pg_advisory_xact_lock(4242, ?)").param(month.getYear() * 100 + month.getMonthValue()).query().rowSet();
        long runId = jdbc.sql("insert into billing_run (month, run_by) values (?, ?) returning id")
                .params(Date.valueOf(start), actor.username()).query(Long.class).single();
        // Every line this run writes gets an id above this (identity values only grow), so "the run's lines" is a range
        // of the primary key: bill_line has no index on run_id, and filtering on it alone read every line of every
        // month (three times per run, a cost that grew with the history, not with the month).
        long linesAfter = jdbc.sql("select coalesce(max(id), 0) from bill_line").query(Long.class).single();

        lines.loadRates(r);
        lines.loadReliefStanding(r, start, scope);
        // a district office bills the memberships of its own villages; ADMIN and the scheduler bill the country
        // the area's first line of the month in the lines' village order: "exists (... month = :month ...)" was planned
        // as a scan that stops at the first match, but a billed month's lines are the last ones written, so a re-run
        // read every earlier month first (0.9 s at 200,000 workers with seven months; the whole table nationally).
        // Ordered by village, a billed month is found in the village index, and a month with no line (estimated
        // empty) through the month index
        boolean firstRun = jdbc.sql("""
                select 1 from bill_line where village_code >= :lo and village_code < :hi and month = :month
                order by village_code limit 1""")
                .param("month", Date.valueOf(start)).param("lo", scope.lo()).param("hi", scope.hi())
                .query(Integer.class).optional().isEmpty();
        long reversals = 0;
        long added;
        long newBills;
        if (firstRun) {
            // nothing billed yet for this month: write every line, one statement per part of the area (so a long run
            // can say how far it is), then create the bills
            long t0 = System.nanoTime();
            List<MonthLines.Chunk> chunks = lines.chunks(start, scope);
            long terms = chunks.stream().mapToLong(MonthLines.Chunk::terms).sum();
            long done = 0;
            added = 0;
            progress.advanced(BillingProgress.LINES, 0, terms);
            for (MonthLines.Chunk chunk : chunks) {
                added += lines.insertLines(r, runId, start, chunk.lo(), chunk.hi(), "(" + MonthLines.desired(r) + ")", false);
                done += chunk.terms();
                progress.advanced(BillingProgress.LINES, done, terms);
            }
            long t1 = System.nanoTime();
            progress.advanced(BillingProgress.BILLS, 0, 0);
            newBills = createBills(r, start, runId, linesAfter);
            long t2 = System.nanoTime();
            if (added >= STATISTICS_AFTER_LINES) {
                // The month's lines are not in the planner's statistics yet (a month past the histogram's end, often
                // estimated at one row; an autovacuum ANALYZE that ran while this transaction was open cannot see them
                // either). With that estimate the bill-version and balance statements chose nested loops that ran
                // for many minutes on the demo's 87,232 lines. ANALYZE in this transaction samples its own new rows.
                // (Before the bills instead, for their digests' grouping: 0.27 s slower in the suite, 2026-12-04.)
                jdbc.sql("analyze bill_line, bill").update();
            }
            log.info("Billing {}: {} lines in {} ms, bills with their first versions in {} ms, statistics in {} ms", month, added,
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
        } else {
            progress.advanced(BillingProgress.COMPARING, 0, 0);
            lines.stageDesired(r, start, scope);
            reversals = lines.appendReversals(r, runId, start, scope);
            added = lines.insertLines(r, runId, start, scope, "desired", true);
            newBills = createBills(r, start, runId, linesAfter);
        }
        long checks = System.nanoTime();
        // payers that get lines this month although they already have a bill for a later month (each payer probed
        // once, not once per line); every line staged so far is of this month: a death's come next
        RunPayers.stageRunLines(jdbc, runId, linesAfter);
        long earlierThanLatest = jdbc.sql("""
                select count(*) from run_month_payer l
                where exists (select 1 from bill b where b.payer_id = l.payer_id and b.month > :month)""")
                .param("month", Date.valueOf(start)).query(Long.class).single();
        backfillRule.earlierThanLatest(earlierThanLatest).ifPresent(backfillReasons::add);
        if (!backfill) {
            backfillRule.refuse(backfillReasons);
        }
        // months after a death that were billed before the death was recorded (issue 13): reversed by this run
        long beforeDeaths = jdbc.sql("select coalesce(max(id), 0) from bill_line").query(Long.class).single();
        long deaths = lines.reverseMonthsAfterDeath(r, runId, scope);
        if (deaths > 0) {
            RunPayers.addRunLines(jdbc, runId, beforeDeaths);
        }
        reversals += deaths;
        BigDecimal amount = jdbc.sql("select coalesce(sum(amount), 0) from run_month_payer").query(BigDecimal.class).single();
        long bills = jdbc.sql("select count(*) from bill where month = :month and payer_region_code >= :lo and payer_region_code < :hi")
                .param("month", Date.valueOf(start)).param("lo", scope.lo()).param("hi", scope.hi()).query(Long.class).single();
        jdbc.sql("update billing_run set finished_at = clock_timestamp(), bills = ?, lines_added = ?, amount_added = ? where id = ?")
                .params(bills, reversals + added, amount, runId).update();
        log.debug("Billing {}: checks, deaths, totals in {} ms", month, (System.nanoTime() - checks) / 1_000_000);
        DryRunAllocations dryAllocations = dryRun == null ? null : DryRunAllocations.begin(jdbc);
        if (reversals + added > 0) {
            // a bill whose lines changed is a new version with a new verification code; the old code says "replaced"
            progress.advanced(BillingProgress.SETTLING, 0, 0);
            long settleStart = System.nanoTime();
            long v0 = System.nanoTime();
            long versionsNanos = 0;
            RunPayers.beginRun(jdbc);
            for (LocalDate changed : monthsOfRun(start)) {
                RunPayers payers = RunPayers.of(jdbc, payersPerBatch, changed, changed.equals(start),
                        firstRun && changed.equals(start), runPayersLock != null ? runPayersLock : allocation::lockRunPayers);
                payers.forEachBatch(RunPayers.BILLED_BEFORE, batch -> versions.afterRun(changed, batch));
                long v1 = System.nanoTime();
                versionsNanos += v1 - v0;
                if (dryAllocations != null) {
                    dryAllocations.beforeSettling(changed);
                }
                allocation.reallocatePayersOfRun(changed, linesAfter, payers);
                payers.settled();
                v0 = System.nanoTime();
            }
            log.info("Billing {}: bill versions in {} ms, balances and allocation in {} ms", month, versionsNanos / 1_000_000,
                    (System.nanoTime() - settleStart - versionsNanos) / 1_000_000);
        }
        if (dryRun != null) {
            dryRun.accept(new BillingPreview(month.toString(), bills, newBills, reversals + added, reversals, amount,
                    r.regulationVersion(), !backfillReasons.isEmpty(), List.copyOf(backfillReasons),
                    dryAllocations.changes(start, linesAfter, LocalDate.now(clock), rules::forMonth)));
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("month", month.toString());
        after.put("bills", bills);
        after.put("linesAdded", reversals + added);
        after.put("reversals", reversals);
        after.put("amountAdded", amount);
        after.put("regulationVersion", r.regulationVersion());
        after.put("scope", scope.code());
        audit.record("BILLING_RUN", "billing_run", Long.toString(runId), scope.isNational() ? null : scope.code(), null, after);
        return new Result(month, bills, reversals + added, Rupiah.of(amount), r.regulationVersion());
    }

    /**
     * The bills of the payers the run wrote lines for and that have none for the month, each with its final code
     * ({@link BillVersions#createFirstVersions}): one pass over the run's lines draws the ids from the bill's identity
     * in payer order, after leaving out the payers that already have the month's bill (an earlier run of another
     * area, or a re-run).
     */
    private long createBills(MonthRules r, LocalDate start, long runId, long linesAfter) {
        return versions.createFirstVersions(start, runId, linesAfter, r.bpuDueDate(), r.puDueDate());
    }

    /** The months the run added lines to, oldest first, the run's own month always among them. */
    private List<LocalDate> monthsOfRun(LocalDate start) {
        java.util.TreeSet<LocalDate> months = new java.util.TreeSet<>(jdbc.sql("select distinct month from run_month_payer")
                .query((rs, n) -> rs.getDate(1).toLocalDate()).list());
        months.add(start);
        return List.copyOf(months);
    }

}
