package id.lindung.billing;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code bill_balance}: per bill and due date, its total, what is paid and what is owed, and with it
 * {@code bill_month_total}: the month's bills per region, payer kind and status. Rebuilt from the lines and
 * allocations of the payers and months that changed, in the same transaction as the change, so a list of bills never
 * sums the lines of a whole country to answer, nor looks up every bill's balance to count them. The payers with a
 * rebuilt balance due before the arrears' day are then recomputed in {@code payer_arrears} ({@link PayerArrears}).
 */
@Component
class BillBalances {

    /*
     * owed: a live line's effective amount (bill_line_effective.eff: the amount and its reversals) less its allocation.
     * The reversals are summed per line by a lateral aggregate (one probe of bill_line_reverses_idx) instead of joining
     * bill_line_effective back to each line (a primary-key probe more per line and a plan built around it; issue 16,
     * docs/benchmarks.md "Billing in the suite"). Same values.
     */
    private static String aggregate(String lines, String allocations, String bills) {
        return """
                with changed as (
                insert into bill_balance (payer_id, month, due_date, total, paid, owed)
                select l.payer_id, l.month, l.due_date, sum(l.amount), coalesce(sum(a.amount), 0),
                       coalesce(sum(l.amount + r.reversed - coalesce(a.amount, 0)) filter (where l.kind <> 'REVERSAL'), 0)
                from %s
                %s
                cross join lateral (select coalesce(sum(x.amount), 0) as reversed from bill_line x where x.reverses_line_id = l.id) r
                where %%s
                group by l.payer_id, l.month, l.due_date
                returning payer_id, month, total, paid)
                """.formatted(lines, allocations) + totals("+", bills);
    }

    /** The lines' allocations as the planner likes: a hash join for a run's month of unpaying payers. */
    private static final String ALLOCATIONS_JOINED = "left join payment_allocation a on a.bill_line_id = l.id";

    /*
     * The lines' allocations one key probe per line, as {@code a} (amount, paid_on): for the payers a payment file names,
     * here, and for the touched months' paid facts (PaidMonths.refreshPaidMonths). Joined, the planner estimated
     * a province's file's payer-month pairs at 60 lines each (8.6 measured) and 2.1 million lines in all (47,267): it
     * then hashed them and read every allocation of the history to probe the hash, 12.4 million rows, 2.3 s of the
     * statement's 2.6 s at 500,000 workers with thirteen months (docs/benchmarks.md, "A payment file's balances and
     * money read their lines' allocations by key"). A lateral subquery that is not pulled up (offset 0) cannot be
     * hashed: each line probes payment_allocation_pkey, a cost that grows with the file, not with the history.
     */
    static final String ALLOCATION_PER_LINE =
            "left join lateral (select x.amount, x.paid_on from payment_allocation x where x.bill_line_id = l.id offset 0) a on true";

    /** The bills of the rebuilt balances, joined: a run's month of bills. */
    private static final String BILLS_JOINED = "join bill b on b.payer_id = x.payer_id and b.month = x.month";

    /**
     * The bills of the rebuilt balances, one probe of the bill's key (payer, month) each: a payment file's. Joined, every
     * bill of the history was read to hash them (1,638,166 at 500,000 workers with thirteen months, for a file's 29,947).
     */
    private static final String BILL_PER_KEY = """
            cross join lateral (select b.payer_id, b.month, b.payer_region_code from bill b
                                where b.payer_id = x.payer_id and b.month = x.month offset 0) b""";

    /** A run's balances of its month ({@code %s}: the lines' condition). */
    private static final String AGGREGATE = aggregate("bill_line l", ALLOCATIONS_JOINED, BILLS_JOINED);

    /** The balances of payers from a month on after their allocation changed ({@code %s}: the lines' condition). */
    private static final String AGGREGATE_OF_PAYMENTS = aggregate("bill_line l", ALLOCATION_PER_LINE, BILL_PER_KEY);

    /**
     * The lines of the payer and month pairs {@code :payers} and {@code :months}, one probe of the payer index per pair.
     * As a semi join the planner took a province file's 44,885 pairs for 4,488 distinct ones (a tenth: it has no
     * statistics of an array's values) of 900 lines each, 4.1 million in all where there were 173,908, and read every line of the history to hash them
     * (16.3 million rows, 6.8 s of the statement's 10.4 s at 500,000 workers with thirteen months; docs/benchmarks.md
     * "A payment file's balances read their pairs' lines by key").
     */
    static final String LINES_OF_PAIRS = """
            (select distinct k.payer_id, k.month from unnest(cast(:payers as bigint[]), cast(:months as date[])) k (payer_id, month)) k
            cross join lateral (select l.id, l.payer_id, l.month, l.due_date, l.amount, l.kind from bill_line l
                                where l.payer_id = k.payer_id and l.month = k.month offset 0) l""";

    /** The balances of the payer and month pairs ({@code :payers}, {@code :months}) a payment file changed. */
    static final String AGGREGATE_OF_PAIRS = aggregate(LINES_OF_PAIRS, ALLOCATION_PER_LINE, BILL_PER_KEY).formatted("true");

    /** The rows about to be rebuilt, taken out of bill_month_total with their bills' figures as they were. */
    private static String remove(String bills) {
        return """
                with changed as (delete from bill_balance b where %s returning b.payer_id, b.month, b.total, b.paid)
                """ + totals("-", bills);
    }

    private static final String REMOVE = remove(BILLS_JOINED);

    private static final String REMOVE_OF_PAYMENTS = remove(BILL_PER_KEY);

    /*
     * bill_month_total (V129) changes by what the rebuilt bills counted before (sign -) and count now (+): every
     * statement here deletes or inserts all balance rows of whole bills (payer and month), so the difference of a
     * bill is its old figures out and its new ones in. An upsert of differences, in key order, rather than a recount
     * of the villages: two allocations of payers in one village add up instead of one overwriting the other.
     */
    private static String totals(String sign, String bills) {
        return """
                insert into bill_month_total as t (month, region_code, kind, unpaid, bills, total, paid)
                select b.month, b.payer_region_code, p.kind, x.total > x.paid, %1$scount(*), %1$ssum(x.total), %1$ssum(x.paid)
                from (select payer_id, month, sum(total) as total, sum(paid) as paid from changed group by payer_id, month) x
                %2$s
                join registry_payer p on p.id = b.payer_id
                group by b.month, b.payer_region_code, p.kind, x.total > x.paid
                order by 1, 2, 3, 4
                on conflict (month, region_code, kind, unpaid) do update
                set bills = t.bills + excluded.bills, total = t.total + excluded.total, paid = t.paid + excluded.paid
                """.formatted(sign, bills);
    }

    /**
     * From this many bills created by one run on, their balances statement runs without nested loops. Its month totals
     * join each bill's payer for its kind; PostgreSQL probes the payer index once per bill, whatever the count (it did
     * even with exact row estimates). At 10,000,000 workers (3,043,888 bills) the probes took 34.4 s of the totals,
     * a hash join over the payer table 14.7 s (docs/plans/billing-balances-10m.txt). A small run keeps the probes: a
     * village's few bills should not read the national payer table.
     */
    static final int HASH_JOIN_FROM_BILLS = 100_000;

    private final JdbcClient jdbc;
    private final PayerArrears arrears;
    private volatile int hashJoinFromBills = HASH_JOIN_FROM_BILLS;

    BillBalances(JdbcClient jdbc, PayerArrears arrears) {
        this.jdbc = jdbc;
        this.arrears = arrears;
    }

    /** After allocation changed: the payers' bills from month {@code from} on. */
    void refresh(Long[] payers, LocalDate from) {
        jdbc.sql(REMOVE_OF_PAYMENTS.formatted("b.payer_id = any(:payers) and b.month >= :from"))
                .param("payers", payers).param("from", Date.valueOf(from)).update();
        jdbc.sql(AGGREGATE_OF_PAYMENTS.formatted("l.payer_id = any(:payers) and l.month >= :from"))
                .param("payers", payers).param("from", Date.valueOf(from)).update();
        arrears.refresh("t.payer_id = any(:payers) and t.month >= :from", java.util.Map.of("payers", payers, "from", Date.valueOf(from)));
    }

    /** After allocation changed only in some months of the payers (their lines as they were): those bills, pair by pair. */
    void refreshMonths(Long[] payers, Date[] months) {
        String pairs = "(%s.payer_id, %s.month) in (select * from unnest(cast(:payers as bigint[]), cast(:months as date[])))";
        jdbc.sql(REMOVE_OF_PAYMENTS.formatted(pairs.formatted("b", "b")))
                .param("payers", payers).param("months", months).update();
        jdbc.sql(AGGREGATE_OF_PAIRS)
                .param("payers", payers).param("months", months).update();
        arrears.refresh(pairs.formatted("t", "t"), java.util.Map.of("payers", payers, "months", months));
    }

    /*
     * The balances of bills a run has just created, with AGGREGATE's values: every line of such a bill is one of the
     * run's (ids above :after, as BillVersions.createFirstVersions relies on), and so is every reversal of one (a
     * reversal comes after its line). None of them is allocated yet (the run allocates only paying payers, after
     * this), so paid is 0 and owed the effective amount. One range of the run's lines with their reversals summed in
     * one table (RunReversals), instead of AGGREGATE's three probes per line (the payer index, the allocation, the reversals).
     */
    private static final String AGGREGATE_CREATED = """
            with changed as (
            insert into bill_balance (payer_id, month, due_date, total, paid, owed)
            select l.payer_id, l.month, l.due_date, sum(l.amount), 0,
                   coalesce(sum(l.amount + coalesce(x.reversed, 0)) filter (where l.kind <> 'REVERSAL'), 0)
            from bill_line l
            %s
            where l.id > :after and l.month = :month and %s
            group by l.payer_id, l.month, l.due_date
            returning payer_id, month, total, paid)
            """ + totals("+", BILLS_JOINED);

    /**
     * After a billing run added lines: the bills of the month of the run's payers without a live payment
     * ({@code run_payer}, {@link RunPayers}), joined from the table rather than passed as arrays (a national run has
     * millions). Those whose bill the run created have all their lines of the month among the run's (ids above
     * {@code linesAfter}) and had no balance of the month to take out (balances are grouped from lines, and a payer's
     * lines come with its bill).
     */
    void refreshRun(RunPayers payers, long linesAfter, LocalDate month) {
        if (payers.unpaying() > 0) {
            String before = RunPayers.in(RunPayers.UNPAYING_BILLED_BEFORE);
            jdbc.sql(REMOVE.formatted("b.month = :month and " + before.formatted("b.payer_id")))
                    .param("month", Date.valueOf(month)).update();
            jdbc.sql(AGGREGATE.formatted("l.month = :month and " + before.formatted("l.payer_id")))
                    .param("month", Date.valueOf(month)).update();
        }
        if (payers.unpayingCreated() > 0) {
            boolean hash = payers.unpayingCreated() >= hashJoinFromBills;
            String nestedLoops = hash ? setLocal("enable_nestloop", "off") : null;
            // the run's reversals as they are now: a death's come after the bills (RunReversals)
            long reversed = RunReversals.stage(jdbc, linesAfter);
            jdbc.sql(AGGREGATE_CREATED.formatted(RunReversals.join(reversed),
                            RunPayers.in(RunPayers.UNPAYING_CREATED).formatted("l.payer_id")))
                    .param("after", linesAfter).param("month", Date.valueOf(month)).update();
            if (hash) {
                // the rest of the run's transaction plans as usual
                setLocal("enable_nestloop", nestedLoops);
            }
        }
        arrears.refresh("t.month = :month and " + RunPayers.in(RunPayers.UNPAYING).formatted("t.payer_id"),
                java.util.Map.of("month", Date.valueOf(month)));
    }

    /** Sets a planner setting for the rest of the transaction; returns the value it had. */
    private String setLocal(String name, String value) {
        String before = jdbc.sql("select current_setting(:n)").param("n", name).query(String.class).single();
        jdbc.sql("select set_config(:n, :v, true)").param("n", name).param("v", value).query(String.class).single();
        return before;
    }

    /** Sets from how many created bills the balances run without nested loops (tests take every run that way); returns the previous. */
    int hashJoinFromBills(int bills) {
        if (bills < 1) {
            throw new IllegalArgumentException("bills must be positive: " + bills);
        }
        int previous = hashJoinFromBills;
        hashJoinFromBills = bills;
        return previous;
    }

    /** Every payer's bills, e.g. after demo data was written directly. */
    void refreshAll(Collection<Long> payers) {
        if (!payers.isEmpty()) {
            refresh(payers.toArray(Long[]::new), LocalDate.of(1900, 1, 1));
        }
    }
}
