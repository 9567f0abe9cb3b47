package id.lindung.billing;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Settles a payer's bill lines from its payments: oldest month first and, within a month, JKK, JKM,
 * JP, JHT, JKP (protection against accidents and death first), then by worker and share. Partial
 * payments leave the rest as arrears. Allocation is derived data: it is rebuilt from the first month
 * that changed, so a new payment, a reversal or a new bill line all end in the same state. The paid facts of the
 * workers' months it touches are {@link PaidMonths}' to recompute.
 */
@Component
class Allocation {

    static final String PROGRAM_ORDER = "case program when 'JKK' then 1 when 'JKM' then 2 when 'JP' then 3 when 'JHT' then 4 else 5 end";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Allocation.class);

    private final JdbcClient jdbc;
    private final BillBalances balances;
    private final PaidMonths paidMonths;

    Allocation(JdbcClient jdbc, BillBalances balances, PaidMonths paidMonths) {
        this.jdbc = jdbc;
        this.balances = balances;
        this.paidMonths = paidMonths;
    }

    /**
     * After a run, for the payers of its lines in {@code month} ({@code run_payer}): the new lines are all in that month,
     * so earlier months stay settled as they are. The payers without a live payment need only their month's balances
     * (set-based, from the table); the paying ones are reallocated a batch at a time, since only payers that have paid
     * something can have lines to settle or credit to move.
     */
    void reallocatePayersOfRun(LocalDate month, long linesAfter, RunPayers payers) {
        // the reallocation below rebuilds the balances of the payers with money to allocate (RunPayers.of): the run's
        // refresh takes the others (it took every payer of the run, and most of them were then rebuilt a second time)
        long t0 = System.nanoTime();
        if (payers.unpaying() + payers.unpayingCreated() > 0) {
            balances.refreshRun(payers, linesAfter, month);
            paidMonths.settleMonthsOfUnpayingLines(month, linesAfter, payers.firstRunMonth());
        }
        long t1 = System.nanoTime();
        payers.forEachBatch(RunPayers.PAYING, batch -> reallocate(batch, month, null, true));
        log.info("Billing, lines of {}: balances of {} payers with nothing to allocate in {} ms, allocation of {} payers with money in {} ms",
                month, payers.unpaying() + payers.unpayingCreated(), (t1 - t0) / 1_000_000, payers.paying(),
                (System.nanoTime() - t1) / 1_000_000);
    }

    /** After a payment was reversed: everything of the payer is recomputed, not only the months that are not yet settled. */
    void reallocateFromStart(long payerId) {
        lockPayers(List.of(payerId));
        reallocate(List.of(payerId), EPOCH, null, false);
    }

    /**
     * Settles new payments (a payment, a file of them, the demo data): each payer is recomputed from the earlier of its
     * first unsettled month and the first month a payment dated after its earliest new one completed. A payment only
     * adds money, so a settled month stays settled; it changes a settled month's paid date only when it comes before
     * the payment that completed it (payments are taken in date order: a back-dated payment moves the history's paid
     * dates). From the first month, as a file did before, a month's file at twelve months of history recomputed and
     * compared every allocation of the year to settle the last month (docs/benchmarks.md, "A province at national
     * density"); from the first unsettled month alone, as one payment did before, a back-dated payment left the paid
     * dates it moves.
     *
     * @param earliest each payer's earliest new payment date
     */
    void settleNewPayments(java.util.Map<Long, LocalDate> earliest) {
        if (!earliest.isEmpty()) {
            List<Long> payerIds = List.copyOf(earliest.keySet());
            reallocate(payerIds, null, payerIds.stream().map(id -> Date.valueOf(earliest.get(id))).toArray(Date[]::new), false);
        }
    }

    private static final LocalDate EPOCH = LocalDate.of(1900, 1, 1);

    /** Namespace of the per-payer advisory locks (the first key of the two-key form). */
    private static final int PAYER_LOCK = 4343;
    /** Namespace of the one lock that a bulk change takes alone and every per-payer change shares. */
    private static final int ALL_PAYERS_LOCK = 4344;
    /** Above this many payers one exclusive lock replaces the per-payer ones (each lock takes shared memory). */
    static final int BULK_PAYERS = 500;

    /**
     * Serialises everything that changes the payers' payments or allocation until the transaction ends: two
     * payments to one payer at once would otherwise both rebuild its allocation from the same snapshot. A few payers
     * are locked one by one, in payer order (so two transactions cannot deadlock), under a shared "all payers" lock;
     * a bulk change (a national billing run, a large reconciliation file) takes that lock exclusively instead, since
     * PostgreSQL's lock table has room for a few thousand locks, not one per payer of the country.
     */
    void lockPayers(java.util.Collection<Long> payerIds) {
        Long[] sorted = payerIds.stream().distinct().sorted().toArray(Long[]::new);
        lock(sorted.length, "select unnest(:payers) as k", java.util.Map.of("payers", sorted));
    }

    /**
     * How long a payment waits for its payers' locks. A billing run holds every payer's lock for its whole transaction:
     * a payment sent meanwhile waited for it while holding a database connection, and enough of them took every
     * connection, so that reads failed too (review of issues 2, 9 and 12). Past this wait the request ends with
     * PostgreSQL's lock_not_available, answered 503 SERVICE_BUSY with Retry-After (nothing recorded). Twenty seconds:
     * payments to one payer queue one by one, 0.5-1 s each on a loaded 2-core machine, so twenty sent at once still
     * pass (PaymentConcurrencyIntegrationTests), and it is under the connection pool's own 30 s wait.
     */
    static final java.time.Duration PAYMENT_LOCK_WAIT = java.time.Duration.ofSeconds(20);

    /** {@link #lockPayers}, waiting at most {@link #PAYMENT_LOCK_WAIT}; the rest of the transaction waits as before. */
    void lockPayersForPayment(java.util.Collection<Long> payerIds) {
        String before = jdbc.sql("select current_setting('lock_timeout')").query(String.class).single();
        jdbc.sql("select set_config('lock_timeout', :wait, true)").param("wait", PAYMENT_LOCK_WAIT.toMillis() + "ms").query().rowSet();
        lockPayers(payerIds);
        jdbc.sql("select set_config('lock_timeout', :before, true)").param("before", before).query().rowSet();
    }

    /** Locks the payers of a run's {@code run_payer} ({@link RunPayers}) as {@link #lockPayers} locks a list of them. */
    void lockRunPayers(long payers) {
        lock(payers, "select payer_id as k from run_payer", java.util.Map.of());
    }

    /** The locks of {@link #lockPayers} for {@code count} payers that {@code payers} (a select of {@code k}) names. */
    private void lock(long count, String payers, java.util.Map<String, ?> params) {
        if (count > BULK_PAYERS) {
            jdbc.sql("select pg_advisory_xact_lock(:ns, 0)").param("ns", ALL_PAYERS_LOCK).query().rowSet();
        } else if (count > 0) {
            jdbc.sql("select pg_advisory_xact_lock_shared(:ns, 0)").param("ns", ALL_PAYERS_LOCK).query().rowSet();
            jdbc.sql("select pg_advisory_xact_lock(:ns, cast(k % 2147483647 as int)) from (" + payers + " order by 1) s")
                    .params(params).param("ns", PAYER_LOCK).query().rowSet();
        }
    }

    /*
     * Each live line of the payers in alloc_from from the payer's month on, with what its payer's money leaves it after
     * the lines before it (alloc_total, alloc_pay): the payer's new allocation. The lines, and in ALLOCATIONS_CHANGED the
     * allocations, are read per payer through the payer index: "offset 0" keeps the subquery a per-payer scan, and its
     * only month bound is the payer's own, a parameter whose range the planner cannot misjudge. Joined directly, a file
     * with one payer in arrears since the first month was planned as a scan of every line of the history (16.3 million,
     * 3.6 s at 500,000 workers, for a file of 5,353 payments whose payers had 571,643 of them). A second bound by the
     * earliest of the payers' months, a constant, made the planner read a month's index instead whenever that month was
     * newer than the table's statistics: a run's earlier month settled again for 40 payers read 813,476 allocations per
     * payer (2.4 s of a 2.8 s step in the suite at 500,000 workers, docs/benchmarks.md "A month settled again right after
     * the month it follows").
     *
     * <p>Each allocation also carries its late weight (V177, LateFines): its money times the started months each part was
     * late, by the payment that paid it. The payment that completes the line is found anyway (its date is the line's
     * paid date); only a line that this payment did not pay whole (it began inside the line: a few lines per payment)
     * sums the payments that end inside it. Paid by its due date, a line weighs nothing. Measured with LateFineBenchmark
     * (144,000 lines, 40 payments): writing the allocation took 1.7-3.6 s against 2.1-2.2 s without the weight on a
     * machine at load 12-17, where the two-probe form that summed every line's payments took 16 s.
     */
    static final String ALLOC_NEW = """
                create temp table alloc_new on commit drop as
                with ordered as (
                    select l.id, l.payer_id, l.month, l.due_date, l.amount + r.reversed as eff,
                           sum(l.amount + r.reversed) over (partition by l.payer_id order by l.month, %s, l.worker_id, l.share, l.id
                                                            rows unbounded preceding) as cum
                    from alloc_from f
                    cross join lateral (select l.id, l.payer_id, l.month, l.program, l.worker_id, l.share, l.amount, l.due_date
                                        from bill_line l where l.payer_id = f.payer_id and l.month >= f.from_month
                                          and l.kind <> 'REVERSAL' offset 0) l
                    cross join lateral (select coalesce(sum(x.amount), 0) as reversed from bill_line x where x.reverses_line_id = l.id) r
                    where l.amount + r.reversed > 0
                ), placed as (
                    select o.id, o.payer_id, o.month, o.due_date, t.last_paid, least(o.eff, t.paid - t.before - (o.cum - o.eff)) as amount,
                           t.before + o.cum - o.eff as start
                    from ordered o join alloc_total t on t.payer_id = o.payer_id
                    where t.paid - t.before - (o.cum - o.eff) > 0
                    offset 0
                )
                select o.id as bill_line_id, o.payer_id, o.month, o.amount, coalesce(last.paid_on, o.last_paid) as paid_on,
                       case when last.cum_pay is null or last.paid_on <= o.due_date then 0
                            when last.cum_pay - last.amount <= o.start then o.amount * months_late(o.due_date, last.paid_on)
                            else (o.start + o.amount - (last.cum_pay - last.amount)) * months_late(o.due_date, last.paid_on)
                                 + (select sum((p.cum_pay - greatest(o.start, p.cum_pay - p.amount)) * months_late(o.due_date, p.paid_on))
                                    from alloc_pay p where p.payer_id = o.payer_id and p.cum_pay > o.start and p.cum_pay < o.start + o.amount)
                       end as late
                from placed o
                left join lateral (select p.paid_on, p.cum_pay, p.amount from alloc_pay p
                                   where p.payer_id = o.payer_id and p.cum_pay >= o.start + o.amount
                                   order by p.cum_pay limit 1) last on true""".formatted(PROGRAM_ORDER.replace("program", "l.program"));

    /** The payers' allocations that change (gone, new or different) written, and kept in alloc_changed (see ALLOC_NEW). */
    static final String ALLOCATIONS_CHANGED = """
                with gone as (
                    -- the payers' allocations from their months through the payer index, as their lines in ALLOC_NEW,
                    -- less the new ones as a set difference (a "not exists" here was planned inside the per-payer loop)
                    delete from payment_allocation a
                    using (select x.bill_line_id from alloc_from f
                           cross join lateral (select x.bill_line_id from payment_allocation x
                                               where x.payer_id = f.payer_id and x.month >= f.from_month offset 0) x
                           except select bill_line_id from alloc_new) g
                    where a.bill_line_id = g.bill_line_id
                    returning a.bill_line_id, a.payer_id, a.month
                ), written as (
                    insert into payment_allocation as a (bill_line_id, payer_id, month, amount, paid_on, late)
                    select bill_line_id, payer_id, month, amount, paid_on, late from alloc_new order by bill_line_id
                    on conflict (bill_line_id) do update
                    set payer_id = excluded.payer_id, month = excluded.month, amount = excluded.amount, paid_on = excluded.paid_on,
                        late = excluded.late
                    where (a.payer_id, a.month, a.amount, a.paid_on, a.late)
                          is distinct from (excluded.payer_id, excluded.month, excluded.amount, excluded.paid_on, excluded.late)
                    returning a.bill_line_id, a.payer_id, a.month
                )
                insert into alloc_changed select * from gone union all select * from written""";

    /*
     * Settles the lines of the payers from month {@code from} on, with what their payments leave after earlier months.
     * Set-based in three passes (issue 16, docs/benchmarks.md "Billing run"): the payers' totals and running payment
     * sums into temporary tables, the allocation of every line into a third, then only the rows that differ are written.
     * Before, one statement read payment_allocation while filling it, evaluated each line's reversals four times, and
     * deleted and re-inserted every allocation of the payers' history although a payment changes few of them.
     *
     * @param from         the first month recomputed, or null: each payer's own (see settleNewPayments); a payer with
     *                     every line settled before its new payments keeps its allocation
     * @param paidFrom     with {@code from} null, each payer's earliest new payment date, in the order of {@code payerIds}
     * @param linesChanged false when only payments changed (a payment, a reversal, a file of payments): the lines are as
     *                     they were, so paid months and balances can change only where an allocation did; true after a
     *                     billing run, whose new lines need their months' facts and balances whether paid or not
     */
    private void reallocate(List<Long> payerIds, LocalDate from, Date[] paidFrom, boolean linesChanged) {
        long t0 = System.nanoTime();
        lockPayers(payerIds);
        Long[] payers = payerIds.toArray(Long[]::new);
        Date fromDate = from == null ? null : Date.valueOf(from);
        // each payer's first month recomputed: the given one, or its own (see settleNewPayments)
        jdbc.sql("drop table if exists alloc_from, alloc_pay, alloc_total, alloc_new").update();
        if (from != null) {
            jdbc.sql("create temp table alloc_from on commit drop as select distinct unnest(:payers) as payer_id, cast(:from as date) as from_month")
                    .param("payers", payers).param("from", fromDate).update();
        } else {
            // the first unsettled month from the balances (owed: the month's effective lines less their allocation,
            // kept with every change of either, V128), not line by line: that read the payers' whole history, 0.4 s
            // after one month of payments and 4.9 s after six (PaymentAllocationBenchmark, 23,333 payers); a later
            // payment is looked for in the payer's few payments before its allocations are. least() skips a null: a
            // payer with neither has nothing to recompute
            jdbc.sql("""
                    create temp table alloc_from on commit drop as
                    select k.payer_id, least(
                        (select min(b.month) from bill_balance b where b.payer_id = k.payer_id and b.owed <> 0),
                        case when exists (select 1 from payment p where p.payer_id = k.payer_id and p.paid_on > k.paid_from and p.reversed_at is null)
                             then (select min(a.month) from payment_allocation a where a.payer_id = k.payer_id and a.paid_on > k.paid_from) end) as from_month
                    from unnest(cast(:payers as bigint[]), cast(:dates as date[])) as k(payer_id, paid_from)""")
                    .param("payers", payers).param("dates", paidFrom).update();
            // a payer with nothing to recompute keeps its allocation: its new payments are credit
            keepCredit("select payer_id from alloc_from where from_month is null");
            jdbc.sql("delete from alloc_from where from_month is null").update();
        }
        if (!jdbc.sql("select exists (select 1 from alloc_from)").query(Boolean.class).single()) {
            jdbc.sql("drop table alloc_from").update();
            return;
        }
        jdbc.sql("create unique index on alloc_from (payer_id)").update();
        jdbc.sql("analyze alloc_from").update();
        // the payers' running payment totals, indexed so each line finds the payment that completed it
        jdbc.sql("""
                create temp table alloc_pay on commit drop as
                select payer_id, paid_on, amount,
                       sum(amount) over (partition by payer_id order by paid_on, id rows unbounded preceding) as cum_pay
                from payment where payer_id in (select payer_id from alloc_from) and reversed_at is null""").update();
        jdbc.sql("create index on alloc_pay (payer_id, cum_pay)").update();
        jdbc.sql("analyze alloc_pay").update();
        // what each payer has paid, and what months before `from` (kept as they are) already took of it: from the
        // balances, whose paid is the sum of those months' allocations (kept with every change of either, V128; a run
        // settles its months in order, so the earlier ones are current), one row per month and due date instead of
        // one per line (1.5 s against 0.34 s for 22,134 payers with six months of history)
        jdbc.sql("""
                create temp table alloc_total on commit drop as
                select p.payer_id, max(p.cum_pay) as paid, max(p.paid_on) as last_paid,
                       coalesce((select sum(b.paid) from bill_balance b where b.payer_id = p.payer_id and b.month < f.from_month), 0) as before
                from alloc_pay p join alloc_from f on f.payer_id = p.payer_id group by p.payer_id, f.from_month""").update();
        jdbc.sql("create unique index on alloc_total (payer_id)").update();
        jdbc.sql("analyze alloc_total").update();
        // each live line's effective amount (its amount and its reversals) once, as bill_line_effective.eff
        jdbc.sql(ALLOC_NEW).update();
        jdbc.sql("create unique index on alloc_new (bill_line_id)").update();
        jdbc.sql("analyze alloc_new").update();
        // only the rows that change: an allocation no longer there, the new and the changed ones; their lines are kept
        // for the paid months and balances below
        jdbc.sql("drop table if exists alloc_changed").update();
        jdbc.sql("create temp table alloc_changed (bill_line_id bigint, payer_id bigint, month date) on commit drop").update();
        jdbc.sql(ALLOCATIONS_CHANGED).update();
        // the payers' credit (V170): what they paid less what the months before `from` took and what the lines from it
        // take now; a payer without a live payment has none
        jdbc.sql("delete from payer_credit c using alloc_from f where c.payer_id = f.payer_id").update();
        jdbc.sql("""
                insert into payer_credit (payer_id, credit)
                select t.payer_id, t.paid - t.before - coalesce(n.allocated, 0)
                from alloc_total t
                left join (select payer_id, sum(amount) as allocated from alloc_new group by payer_id) n on n.payer_id = t.payer_id
                where t.paid - t.before - coalesce(n.allocated, 0) > 0""").update();
        jdbc.sql("drop table alloc_from, alloc_pay, alloc_total, alloc_new").update();
        if (linesChanged) {
            long t1 = System.nanoTime();
            paidMonths.refreshPaidMonths("select distinct worker_id, program, month from bill_line where payer_id = any(:payers) and month >= :from",
                    java.util.Map.of("payers", payers, "from", fromDate), true);
            long t2 = System.nanoTime();
            balances.refresh(payers, from);
            log.debug("Allocation of {} payers from {}: allocation {} ms, paid months {} ms, balances {} ms", payers.length, from,
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
        } else {
            paidMonths.refreshPaidMonths("select distinct l.worker_id, l.program, l.month from alloc_changed c join bill_line l on l.id = c.bill_line_id",
                    java.util.Map.of(), false);
            List<Object[]> months = jdbc.sql("select distinct payer_id, month from alloc_changed")
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getDate(2)}).list();
            if (!months.isEmpty()) {
                balances.refreshMonths(months.stream().map(m -> (Long) m[0]).toArray(Long[]::new),
                        months.stream().map(m -> (Date) m[1]).toArray(Date[]::new));
            }
        }
        jdbc.sql("drop table alloc_changed").update();
    }

    /**
     * The credit (V170) of the payers {@code payers} selects, whose allocation is as it stands: their live payments less
     * what their months took (the balances' paid, kept with every allocation).
     */
    private void keepCredit(String payers) {
        jdbc.sql("delete from payer_credit where payer_id in (" + payers + ")").update();
        jdbc.sql("""
                insert into payer_credit (payer_id, credit)
                select k.payer_id, c.credit from (%s) k
                cross join lateral (
                    select (select sum(p.amount) from payment p where p.payer_id = k.payer_id and p.reversed_at is null)
                           - coalesce((select sum(b.paid) from bill_balance b where b.payer_id = k.payer_id), 0) as credit) c
                where c.credit > 0""".formatted(payers)).update();
    }
}
