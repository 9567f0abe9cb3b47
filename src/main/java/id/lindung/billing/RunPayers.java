package id.lindung.billing;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The payers of a billing run's lines of one month, kept in the temporary table {@code run_payer} of the run's
 * transaction (payer, whether it has a live payment, whether the run created its bill), not in the heap.
 *
 * <p>A national run has millions of payers: at 10,000,000 workers, 3,043,851. Read into Java (the driver buffers the
 * whole result, then lists, arrays and {@code = any(:payers)} parameters) they ran a 512 MB server out of heap
 * (docs/benchmarks.md, "10,000,000 workers", fault 4). Statements that join well read the table itself; those that need
 * the payers pushed into an index (a grouped view, a payer's payments) take them a bounded batch at a time, in payer
 * order, so the heap holds at most one batch whatever the size of the run.
 */
final class RunPayers {

    /** Conditions on {@code run_payer}'s columns naming the sets the run settles. */
    static final String BILLED_BEFORE = "not created";
    static final String PAYING = "paying";
    static final String UNPAYING_BILLED_BEFORE = "not paying and not created";
    static final String UNPAYING_CREATED = "not paying and created";
    static final String UNPAYING = "not paying";

    private final JdbcClient jdbc;
    private final int batch;
    private final long billedBefore;
    private final long paying;
    private final long unpaying;
    private final long unpayingCreated;
    private final boolean firstRunMonth;

    private RunPayers(JdbcClient jdbc, int batch, long[] counts, boolean firstRunMonth) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.firstRunMonth = firstRunMonth;
        this.billedBefore = counts[0];
        this.paying = counts[1];
        this.unpaying = counts[2];
        this.unpayingCreated = counts[3];
    }

    /**
     * Reads the run's lines with ids above {@code after} once, into {@code run_month_payer}: each month and payer with
     * the sum of its lines. A first run writes a million lines per million
     * memberships, and the run read them four times over (the months they are in, their total, and the payers of each
     * month, one scan per month, and a death's reversals add a month): 0.15-0.57 s each at 500,000 workers
     * (docs/benchmarks.md, "A month settled again"). Called once the run's month's lines and bills are written;
     * {@link #addRunLines} adds the lines written after (a death's reversals).
     */
    static void stageRunLines(JdbcClient jdbc, long runId, long after) {
        jdbc.sql("drop table if exists run_month_payer").update();
        jdbc.sql("create temp table run_month_payer on commit drop as " + RUN_LINES).param("after", after).param("run", runId).update();
        jdbc.sql("analyze run_month_payer").update();
    }

    /**
     * Adds the run's lines with ids above {@code after}, written after {@link #stageRunLines} (a death's reversals), to
     * {@code run_month_payer}. A month and payer can then have two rows: every reader sums them or takes distinct
     * values (neither a key nor "on conflict": they cost 0.3 s of the 0.9 s at 500,000 workers).
     */
    static void addRunLines(JdbcClient jdbc, long runId, long after) {
        jdbc.sql("insert into run_month_payer (month, payer_id, amount) " + RUN_LINES).param("after", after).param("run", runId).update();
        jdbc.sql("analyze run_month_payer").update();
    }

    private static final String RUN_LINES = """
            select month, payer_id, sum(amount) as amount from bill_line where id > :after and run_id = :run
            group by month, payer_id""";

    /**
     * Fills {@code run_payer} with the payers of the run's lines of {@code month} ({@code run_month_payer}, staged by
     * {@link #stageRunLines}).
     * {@code created} is known only for the run's own month, whose new bills are in {@code new_bill_content}.
     *
     * <p>{@code paying}: a payer with a live payment, and in the month of a first run only one whose payments exceed
     * what the months before took ({@code bill_balance.paid}, the sum of their allocations): the money that could go
     * to the month's new lines. A payer whose every payment is allocated before the month gets no allocation from the
     * run, exactly as one that never paid: its allocation, recomputed from the month on, would come out empty (there is
     * nothing after the earlier months, and no allocation from the month on to move). The scheduled run comes before
     * the month's payments, so most payers that pay are in that state: 16,004 of 16,007 in the suite's run of
     * 200,000 workers, each of which cost an allocation, its paid months and its balances recomputed. A payer that an
     * earlier month of the run settled (a death's reversals) stays with money: that allocation covered this month.
     *
     * <p>The payers are locked ({@code lock}, given their number) before they are told apart: a payment recorded
     * meanwhile (its allocation cannot see the run's lines yet) either commits before, and is seen here, or waits for
     * the run. Told apart first, a prepayment committed in between left its money unallocated beside the run's unpaid
     * lines of a payer counted as having none.
     *
     * @param firstRunMonth {@code month} is the month of a first run (no line of it in the run's area before)
     * @param lock          locks every payer of {@code run_payer} until the transaction ends, given how many there are
     */
    static RunPayers of(JdbcClient jdbc, int batch, java.time.LocalDate month, boolean runMonth,
                        boolean firstRunMonth, java.util.function.LongConsumer lock) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be positive: " + batch);
        }
        jdbc.sql("drop table if exists run_payer").update();
        // created: a join, not EXISTS. new_bill_content (one row per payer, no index) is hashed only while it fits
        // work_mem; at 10,000,000 workers (3 million payers) it did not, and EXISTS became a scan of the table per
        // payer (still running after ten minutes). A hash join spills to disk instead.
        long payers = jdbc.sql("""
                create temp table run_payer on commit drop as
                select l.payer_id, false as paying, %s as created
                from (select distinct payer_id from run_month_payer where month = :month) l
                %s"""
                        .formatted(runMonth ? "n.payer_id is not null" : "false",
                                runMonth ? "left join new_bill_content n on n.payer_id = l.payer_id" : ""))
                .param("month", Date.valueOf(month)).update();
        jdbc.sql("alter table run_payer add primary key (payer_id)").update();
        lock.accept(payers);
        if (firstRunMonth) {
            markWithMoney(jdbc, month);
        } else {
            jdbc.sql("update run_payer l set paying = true where " + WITH_PAYMENT).update();
        }
        jdbc.sql("analyze run_payer").update();
        long[] counts = jdbc.sql("""
                select count(*) filter (where %s), count(*) filter (where %s), count(*) filter (where %s),
                       count(*) filter (where %s)
                from run_payer""".formatted(BILLED_BEFORE, PAYING, UNPAYING_BILLED_BEFORE, UNPAYING_CREATED))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
        return new RunPayers(jdbc, batch, counts, firstRunMonth);
    }

    /** Payers whose bill existed before the run (the others got their first version with the bill). */
    long billedBefore() {
        return billedBefore;
    }

    /** A payer with a live payment. */
    private static final String WITH_PAYMENT = "exists (select 1 from payment p where p.payer_id = l.payer_id and p.reversed_at is null)";

    /**
     * In the month of a first run, marks the payers with money for it: one whose live payments exceed what its months
     * before {@code month} took (see {@link #of}), or that an earlier month of the same run settled: its allocation from
     * that month on took this month's lines and balances with it, so it is settled again as it was then, never as a
     * payer whose bills the run has just created.
     *
     * <p>Payments less what the months before took is the payer's credit (money no line took, {@code payer_credit},
     * V170) plus what months from {@code month} on took; both are never negative, so the payer has money for the month
     * when it has a credit or an allocation from the month on. Before, every payer's payments and balances were summed
     * over the whole history: 0.6 s per million memberships with no history, 3.5 s at ten months (docs/benchmarks.md).
     *
     * <p>Three joins, one after the other, not one condition joined by OR: an IN under OR is hashed only while its set
     * fits work_mem and is otherwise read again for every payer, and a backfill's allocations from an old month (7
     * million rows against 126,013 payers) ran for 13 minutes. As joins the planner reads the few allocations of a new
     * month from the month index (0.1 ms) and probes each payer's for an old one (0.4 s).
     */
    private static void markWithMoney(JdbcClient jdbc, java.time.LocalDate month) {
        jdbc.sql("update run_payer l set paying = true from run_settled s where s.payer_id = l.payer_id").update();
        jdbc.sql("update run_payer l set paying = true from payer_credit c where c.payer_id = l.payer_id and not l.paying").update();
        jdbc.sql("""
                update run_payer l set paying = true
                where not l.paying
                  and exists (select 1 from payment_allocation a where a.payer_id = l.payer_id and a.month >= :month)""")
                .param("month", Date.valueOf(month)).update();
    }

    /**
     * Starts the settlement of a run: no payer settled yet ({@code run_settled}; several runs can share a transaction,
     * as the demo data's do). The run settles its months in order, and {@link #settled} notes each month's payers with
     * money, whose allocation runs from that month to the last.
     */
    static void beginRun(JdbcClient jdbc) {
        jdbc.sql("drop table if exists run_settled").update();
        jdbc.sql("create temp table run_settled (payer_id bigint primary key) on commit drop").update();
    }

    /** Notes this month's payers with money as settled from it on (see {@link #beginRun}). */
    void settled() {
        if (paying > 0) {
            jdbc.sql("insert into run_settled select payer_id from run_payer where paying on conflict do nothing").update();
        }
    }

    /** Whether the month is the month of a first run (see {@link #of}). */
    boolean firstRunMonth() {
        return firstRunMonth;
    }

    /** Payers with money to settle lines with or credit to move (see {@link #of}). */
    long paying() {
        return paying;
    }

    /** Payers with nothing to allocate (see {@link #of}) whose bill existed before the run. */
    long unpaying() {
        return unpaying;
    }

    /** Payers with nothing to allocate whose bill the run created: all their lines of the month are the run's. */
    long unpayingCreated() {
        return unpayingCreated;
    }

    /** An SQL condition on a payer id column ({@code %s}): the payer is in the set {@code condition} names. */
    static String in(String condition) {
        return "%s in (select payer_id from run_payer where " + condition + ")";
    }

    /**
     * Hands the payers of the set {@code condition} names to {@code action} in batches of at most the batch size, in
     * payer order (keyset pages on the table's key: each page one index range, never an offset scan).
     */
    void forEachBatch(String condition, Consumer<List<Long>> action) {
        long last = Long.MIN_VALUE;
        while (true) {
            List<Long> page = new ArrayList<>(jdbc.sql("select payer_id from run_payer where (" + condition
                            + ") and payer_id > :last order by payer_id limit :size")
                    .param("last", last).param("size", batch).query(Long.class).list());
            if (page.isEmpty()) {
                return;
            }
            action.accept(page);
            if (page.size() < batch) {
                return;
            }
            last = page.get(page.size() - 1);
        }
    }
}
