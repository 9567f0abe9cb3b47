package id.lindung.billing;

import id.lindung.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A regency-sized bill's fine, read and written, against the database's floor in the same run (V177). One payer with
 * {@code lindung.bench.workers} PU workers (default 2,000: 12,000 lines a month, JKK, JKM and both shares of JHT and
 * JP), twelve months, and 40 payments of uneven size and date, so that many lines are paid by two payments and the
 * last months are partly unpaid. Prints medians of {@code lindung.bench.runs} runs (default 11) of:
 * <ul>
 *   <li>reading the fine of the bill of the month with most split lines: the trace through the payments when read
 *       (before V177), the weight kept with the allocation (now), and the floor, the sum of the same lines' effective
 *       amounts through the same join;</li>
 *   <li>writing the payer's allocation of every month (alloc_new, Allocation.ALLOC_NEW) without and with the weight.</li>
 * </ul>
 * Asserts nothing about time; checks that the two fines are equal. In a rolled-back transaction, on made-up ids.
 * Run: {@code ./mvnw test -Dgroups=benchmark -Dsurefire.excludedGroups= -Dtest=LateFineBenchmark}.
 */
@Tag("benchmark")
@IntegrationTest
class LateFineBenchmark {

    private static final int RUNS = Integer.getInteger("lindung.bench.runs", 11);

    /** LateFines.puLate as it was before V177: each line's money traced to the payments that paid it, on every read. */
    private static final String TRACED = """
            coalesce((select sum(y.unpaid * months_late(y.due_date, :asOf) + coalesce(z.late, 0))
                      from (select coalesce(sum(bb.paid), 0) as before from bill_balance bb
                            where bb.payer_id = {payer} and bb.month < {month}) s
                      cross join (select x.due_date, x.segment, coalesce(a.amount, 0) as alloc,
                                         greatest(x.eff - coalesce(a.amount, 0), 0) as unpaid,
                                         sum(coalesce(a.amount, 0)) over (order by {order}, x.worker_id, x.share, x.id
                                                                          rows unbounded preceding) as upto
                                  from bill_line_effective x left join payment_allocation a on a.bill_line_id = x.id
                                  where x.payer_id = {payer} and x.month = {month} and x.eff > 0) y
                      left join lateral (
                          select sum((least(s.before + y.upto, p.cum) - greatest(s.before + y.upto - y.alloc, p.cum - p.amount))
                                     * months_late(y.due_date, p.paid_on)) as late
                          from (select paid_on, amount, sum(amount) over (order by paid_on, id rows unbounded preceding) as cum
                                from payment where payer_id = {payer} and reversed_at is null) p
                          where y.alloc > 0 and p.cum > s.before + y.upto - y.alloc and p.cum - p.amount < s.before + y.upto) z on true
                      where y.segment = 'PU'), 0)"""
            .replace("{order}", Allocation.PROGRAM_ORDER.replace("program", "x.program"));

    /** The floor: the same lines through the same join, summed. */
    private static final String FLOOR = """
            coalesce((select sum(x.eff - coalesce(a.amount, 0))
                      from bill_line_effective x left join payment_allocation a on a.bill_line_id = x.id
                      where x.payer_id = {payer} and x.month = {month} and x.eff > 0 and x.segment = 'PU'), 0)""";

    /** Allocation.ALLOC_NEW as it was before V177: the payment that completed each line, no weight. */
    private static final String ALLOC_NEW_BEFORE = """
            create temp table alloc_new on commit drop as
            with ordered as (
                select l.id, l.payer_id, l.month, l.amount + r.reversed as eff,
                       sum(l.amount + r.reversed) over (partition by l.payer_id order by l.month, %s, l.worker_id, l.share, l.id
                                                        rows unbounded preceding) as cum
                from alloc_from f
                cross join lateral (select l.id, l.payer_id, l.month, l.program, l.worker_id, l.share, l.amount
                                    from bill_line l where l.payer_id = f.payer_id and l.month >= f.from_month
                                      and l.kind <> 'REVERSAL' offset 0) l
                cross join lateral (select coalesce(sum(x.amount), 0) as reversed from bill_line x where x.reverses_line_id = l.id) r
                where l.amount + r.reversed > 0
            )
            select o.id as bill_line_id, o.payer_id, o.month, least(o.eff, t.paid - t.before - (o.cum - o.eff)) as amount,
                   coalesce((select p.paid_on from alloc_pay p where p.payer_id = o.payer_id and p.cum_pay >= t.before + o.cum
                              order by p.cum_pay limit 1), t.last_paid) as paid_on
            from ordered o join alloc_total t on t.payer_id = o.payer_id
            where t.paid - t.before - (o.cum - o.eff) > 0""".formatted(Allocation.PROGRAM_ORDER.replace("program", "l.program"));

    @Autowired JdbcClient jdbc;
    private long payer;
    @Autowired Allocation allocation;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void aRegencyBillsFineReadAndWrittenAgainstTheFloor() {
        int workers = Integer.getInteger("lindung.bench.workers", 2_000);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            long t0 = System.nanoTime();
            payer = new BillingFixture(jdbc).payer("APBD:BENCH-FINE", "APBD", "Pemerintah Kabupaten (bench)", "73.02");
            setUp(workers);
            allocation.reallocateFromStart(payer);
            System.out.printf("BENCH late fine: %,d lines, %,d allocations, %d payments set up and allocated in %.1f s (load %s)%n",
                    count("bill_line where payer_id = " + payer), count("payment_allocation where payer_id = " + payer),
                    count("payment where payer_id = " + payer), (System.nanoTime() - t0) / 1e9, load());
            String month = jdbc.sql("""
                    select to_char(l.month, 'YYYY-MM-DD') from bill_line l join payment_allocation a on a.bill_line_id = l.id
                    join (select paid_on from payment where payer_id = :payer) p on true
                    where l.payer_id = :payer group by l.month order by count(distinct a.paid_on) desc, l.month limit 1""")
                    .param("payer", payer).query(String.class).single();
            LocalDate asOf = LocalDate.of(2091, 6, 1);
            String traced = TRACED.replace("{payer}", Long.toString(payer)).replace("{month}", "date '" + month + "'");
            String kept = LateFines.puLate(Long.toString(payer), "date '" + month + "'");
            String floor = FLOOR.replace("{payer}", Long.toString(payer)).replace("{month}", "date '" + month + "'");
            java.math.BigDecimal tracedWeight = read(traced, asOf);
            java.math.BigDecimal keptWeight = read(kept, asOf);
            if (tracedWeight.compareTo(keptWeight) != 0) {
                throw new AssertionError("kept weight " + keptWeight + " differs from the trace " + tracedWeight);
            }
            System.out.printf("BENCH late fine: bill of %s, %,d lines, late weight %s (fine at 2%%: Rp %s)%n", month,
                    count("bill_line where payer_id = " + payer + " and month = date '" + month + "'"), keptWeight,
                    keptWeight.multiply(new java.math.BigDecimal("0.02")).setScale(0, java.math.RoundingMode.HALF_UP));
            System.out.printf("BENCH late fine: read, traced when read (before V177)   median %7.1f ms (load %s)%n", median(() -> read(traced, asOf)), load());
            System.out.printf("BENCH late fine: read, weight kept (V177)              median %7.1f ms (load %s)%n", median(() -> read(kept, asOf)), load());
            System.out.printf("BENCH late fine: read, floor (the lines' unpaid sum)   median %7.1f ms (load %s)%n", median(() -> read(floor, asOf)), load());
            allocationInputs();
            if (Boolean.getBoolean("lindung.bench.explain")) {
                for (String st : List.of(ALLOC_NEW_BEFORE, Allocation.ALLOC_NEW)) {
                    jdbc.sql("drop table if exists alloc_new").update();
                    jdbc.sql("explain (analyze, buffers) " + st).query(String.class).list().forEach(l -> System.out.println("PLAN " + l));
                }
            }
            System.out.printf("BENCH late fine: write alloc_new of 12 months, before V177 median %7.1f ms (load %s)%n",
                    median(() -> allocNew(ALLOC_NEW_BEFORE)), load());
            System.out.printf("BENCH late fine: write alloc_new of 12 months, with weight median %7.1f ms (load %s)%n",
                    median(() -> allocNew(Allocation.ALLOC_NEW)), load());
        });
    }

    /**
     * Lines of twelve months of 2090 (JKK 4,800, JKM 6,000, JHT 74,000 + 40,000, JP 40,000 + 20,000 a worker, due the
     * 15th of the next month), and 40 payments that pay about eleven and a half months: their sizes vary by up to
     * half a month's bill, so most payments end inside a line and some are weeks or months late.
     */
    private void setUp(int workers) {
        jdbc.sql("""
                insert into bill_line (payer_id, month, worker_id, village_code, term_id, program, segment, due_date, share,
                                       kind, base, rate, amount, regulation_version)
                select :payer, m.month, -100000 - w, '99.99.99.9999', -100000 - w, p.program, 'PU',
                       (m.month + interval '1 month 14 days')::date, p.share, 'ORIGINAL', 2000000, 0.01, p.amount, 'BENCH-FINE'
                from generate_series(date '2090-01-01', date '2090-12-01', interval '1 month') m(month)
                cross join generate_series(1, :workers) w
                cross join (values ('JKK', 'EMPLOYER', 4800), ('JKM', 'EMPLOYER', 6000), ('JHT', 'EMPLOYER', 74000),
                                   ('JHT', 'WORKER', 40000), ('JP', 'EMPLOYER', 40000), ('JP', 'WORKER', 20000)) p(program, share, amount)""")
                .param("payer", payer).param("workers", workers).update();
        jdbc.sql("""
                insert into payment (payer_id, payer_region_code, reference, paid_on, amount, channel, recorded_by)
                select :payer, '73.02', 'BENCH-FINE-' || i, date '2090-02-10' + (i * 8 + (i * 37) % 23),
                       round(:month * 11.5 / 40 * (0.5 + ((i * 7919) % 100) / 100.0)), 'BENCH', 'bench'
                from generate_series(1, 40) i""")
                .param("payer", payer).param("month", workers * 184_800L).update();
        jdbc.sql("analyze bill_line, payment").update();
    }

    /** The temporary inputs of ALLOC_NEW for the payer from its first month, as Allocation.reallocate makes them. */
    private void allocationInputs() {
        jdbc.sql("drop table if exists alloc_from, alloc_pay, alloc_total, alloc_new").update();
        jdbc.sql("create temp table alloc_from on commit drop as select cast(:payer as bigint) as payer_id, date '2090-01-01' as from_month")
                .param("payer", payer).update();
        jdbc.sql("""
                create temp table alloc_pay on commit drop as
                select payer_id, paid_on, amount, sum(amount) over (partition by payer_id order by paid_on, id rows unbounded preceding) as cum_pay
                from payment where payer_id = :payer and reversed_at is null""").param("payer", payer).update();
        jdbc.sql("create index on alloc_pay (payer_id, cum_pay)").update();
        jdbc.sql("""
                create temp table alloc_total on commit drop as
                select payer_id, max(cum_pay) as paid, max(paid_on) as last_paid, 0::numeric as before from alloc_pay group by payer_id""")
                .update();
        jdbc.sql("analyze alloc_from, alloc_pay, alloc_total").update();
    }

    private Void allocNew(String statement) {
        jdbc.sql("drop table if exists alloc_new").update();
        jdbc.sql(statement).update();
        return null;
    }

    private java.math.BigDecimal read(String expression, LocalDate asOf) {
        return jdbc.sql("select " + expression).param("asOf", Date.valueOf(asOf)).query(java.math.BigDecimal.class).single();
    }

    private static double median(Supplier<?> work) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            work.get();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        ms.sort(Double::compare);
        return ms.get(ms.size() / 2);
    }

    private long count(String from) {
        return jdbc.sql("select count(*) from " + from).query(Long.class).single();
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
