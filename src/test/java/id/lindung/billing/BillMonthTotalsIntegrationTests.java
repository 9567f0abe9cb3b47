package id.lindung.billing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestClock;
import id.lindung.support.TestUsers;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * bill_month_total (V129), what the bill list counts, sums and pages by, equals a direct count over the bills' own
 * lines and allocations after billing runs, payments (partial, full, several months), a payment reversal, a
 * recomputation (a corrected wage re-billed: reversal and new lines), a death (months after it reversed) and a new
 * payer. And the list's pages, found from those counts, are the bills a direct query puts at those positions.
 * Regency 17.01, which no other test uses; 17.02 (no other test either) for the kept arrears after a run.
 */
@IntegrationTest
class BillMonthTotalsIntegrationTests {

    static final String REGENCY = "17.01";
    static final Actor ADMIN = TestUsers.actor("bill-totals-admin", Role.ADMIN, "ID");

    @Autowired JdbcClient jdbc;
    @Autowired BillingRuns runs;
    @Autowired Payments payments;
    @Autowired BillOverview overview;
    @Autowired TestClock clock;
    @Autowired Escalations escalations;
    @Autowired PayerArrears arrears;
    @Autowired BillBalances balances;
    @Autowired id.lindung.access.UserAccounts accounts;
    @org.springframework.boot.test.web.server.LocalServerPort int port;

    /** Per month, region, kind and status: bills, their lines' sum and their allocations' sum, counted from the lines. */
    private static final String DIRECT = """
            select b.month, b.payer_region_code, p.kind, x.total > x.paid as unpaid, count(*) as bills,
                   sum(x.total) as total, sum(x.paid) as paid
            from bill b join payer p on p.id = b.payer_id
            cross join lateral (
                select coalesce(sum(l.amount), 0) as total, coalesce(sum(a.amount), 0) as paid
                from bill_line l left join payment_allocation a on a.bill_line_id = l.id
                where l.payer_id = b.payer_id and l.month = b.month) x
            where b.payer_region_code like '17.01%'
            group by 1, 2, 3, 4 order by 1, 2, 3, 4""";

    private static final String ROLLUP = """
            select month, region_code, kind, unpaid, bills, total, paid from bill_month_total
            where region_code like '17.01%' and bills <> 0 order by 1, 2, 3, 4""";

    private List<String> rows(String sql) {
        return jdbc.sql(sql).query((rs, n) -> rs.getDate(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                + rs.getBoolean(4) + " " + rs.getLong(5) + " " + rs.getBigDecimal(6).stripTrailingZeros().toPlainString()
                + " " + rs.getBigDecimal(7).stripTrailingZeros().toPlainString()).list();
    }

    /** Every bill's balance per due date, computed from all its lines and allocations (V67's definition). */
    private static final String DIRECT_BALANCES = """
            select l.payer_id || ' ' || l.month || ' ' || l.due_date || ' ' || sum(l.amount) || ' '
                   || cast(coalesce(sum(a.amount), 0) as numeric(18, 2)) || ' '
                   || cast(coalesce(sum(e.eff - coalesce(a.amount, 0)) filter (where l.kind <> 'REVERSAL'), 0) as numeric(18, 2))
            from bill_line l join payer p on p.id = l.payer_id
            left join payment_allocation a on a.bill_line_id = l.id
            left join bill_line_effective e on e.id = l.id
            where p.region_code like '17.01%'
            group by l.payer_id, l.month, l.due_date order by l.payer_id, l.month, l.due_date""";

    private static final String KEPT_BALANCES = """
            select b.payer_id || ' ' || b.month || ' ' || b.due_date || ' ' || b.total || ' ' || b.paid || ' ' || b.owed
            from bill_balance b join payer p on p.id = b.payer_id
            where p.region_code like '17.01%' order by b.payer_id, b.month, b.due_date""";

    /** Each payer's money that no line took (V170's definition): its live payments less all its allocations. */
    private static final String DIRECT_CREDIT = """
            select p.id || ' ' || (coalesce(pay.total, 0) - coalesce(al.total, 0))
            from payer p
            cross join lateral (select sum(amount) as total from payment where payer_id = p.id and reversed_at is null) pay
            cross join lateral (select sum(amount) as total from payment_allocation where payer_id = p.id) al
            where p.region_code like '17.01%' and coalesce(pay.total, 0) - coalesce(al.total, 0) <> 0 order by p.id""";

    private static final String KEPT_CREDIT = """
            select c.payer_id || ' ' || c.credit from payer_credit c join payer p on p.id = c.payer_id
            where p.region_code like '17.01%' order by c.payer_id""";

    private void assertExact(String after) {
        // the kept credit, which tells a run's payers with money from the others (RunPayers), is the direct one
        assertThat(jdbc.sql(KEPT_CREDIT).query(String.class).list()).as("payer_credit after " + after)
                .containsExactlyElementsOf(jdbc.sql(DIRECT_CREDIT).query(String.class).list());
        // the balances a run writes for the bills it creates come from its own lines alone (BillBalances.refreshRun):
        // they must be the ones every line and allocation of the bill give
        assertThat(jdbc.sql(KEPT_BALANCES).query(String.class).list()).as("bill_balance after " + after)
                .containsExactlyElementsOf(jdbc.sql(DIRECT_BALANCES).query(String.class).list());
        List<String> direct = rows(DIRECT);
        assertThat(direct).as("the direct count has bills after " + after).isNotEmpty();
        assertThat(rows(ROLLUP)).as("bill_month_total after " + after).containsExactlyElementsOf(direct);
        // no rollup row is left over with figures but no bills
        assertThat(jdbc.sql("select count(*) from bill_month_total where region_code like '17.01%' and bills = 0 and (total <> 0 or paid <> 0)")
                .query(Long.class).single()).as("rows without bills after " + after).isZero();
    }

    private void bill(YearMonth month) {
        CurrentActor.runAs(ADMIN, () -> runs.run(month, ADMIN, true));
    }

    private long pay(String payer, String reference, String amount) {
        return CurrentActor.runAs(ADMIN, () -> payments.record(new Payments.PaymentRequest(payer, reference,
                LocalDate.of(2025, 4, 20), new BigDecimal(amount), "BANK"), ADMIN)).id();
    }

    private static final java.util.concurrent.atomic.AtomicBoolean DONE = new java.util.concurrent.atomic.AtomicBoolean();

    @Test
    void theMonthTotalsAndBalancesEqualADirectCountAfterRunsPaymentsReversalsRecomputationsAndADeath() {
        history();
        assertExact("the whole history");
    }

    @Test
    void theLineMoneyReadLineByLineHoldsTheRowsOfTheJoinedLineMoney() {
        history();
        String columns = "id, payer_id, month, worker_id, village_code, program, segment, share, amount, paid, paid_on";
        String rows = "select concat_ws(' ', %s) from %s order by id".formatted(columns, "%s");
        List<String> joined = jdbc.sql(rows.formatted("billing_line_money")).query(String.class).list();
        assertThat(joined).as("the history has settled lines").anyMatch(r -> !r.endsWith(" ") && r.split(" ").length == 11);
        assertThat(jdbc.sql(rows.formatted("billing_line_money_by_line")).query(String.class).list()).containsExactlyElementsOf(joined);
    }

    /**
     * The regency's billing history, checked after every step; once per test run (the database is shared). The runs
     * settle their payers one at a time ({@link RunPayers}: a national run's millions of payers are never all in the
     * heap), and their new bills' balances run as a national run's do (without nested loops, BillBalances), so every
     * step also pins that cutting a run into batches and planning it that way leave the same balances, totals and arrears.
     */
    private void history() {
        if (DONE.getAndSet(true)) {
            return;
        }
        int previous = runs.payersPerBatch(1);
        int previousHash = balances.hashJoinFromBills(1);
        try {
            historyInBatches();
        } finally {
            runs.payersPerBatch(previous);
            balances.hashJoinFromBills(previousHash);
        }
    }

    private void historyInBatches() {
        BillingFixture fx = new BillingFixture(jdbc);
        List<String> villages = jdbc.sql("select code from region where kind = 'DESA' and active and code like '17.01.%' order by code limit 3")
                .query(String.class).list();
        assertThat(villages).hasSize(3);
        List<Long> officials = new ArrayList<>();
        for (String desa : villages) {
            long village = fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa " + desa, desa);
            long w = fx.worker(desa, "Perangkat " + desa, "PERANGKAT_DESA");
            officials.add(fx.term(w, desa, "JKK", "PU", "2000000", "VERY_LOW", village, village, LocalDate.of(2025, 1, 1), null));
            fx.term(w, desa, "JKM", "PU", "2000000", null, village, village, LocalDate.of(2025, 1, 1), null);
        }
        long regency = fx.payer("APBD:" + REGENCY, "APBD", "Pemerintah Kabupaten " + REGENCY, REGENCY);
        long kader = fx.worker(villages.get(2), "Kader " + REGENCY, "KADER");
        fx.term(kader, villages.get(2), "JKK", "PU", "1000000", "VERY_LOW", regency, regency, LocalDate.of(2025, 1, 1), null);
        long nelayan = fx.worker(villages.get(1), "Nelayan " + REGENCY, "NELAYAN");
        long self = fx.payer("SELF:" + fx.nik(nelayan), "SELF", "Peserta mandiri", villages.get(1));
        fx.term(nelayan, villages.get(1), "JKK", "BPU", "1000000", null, null, self, LocalDate.of(2025, 1, 1), null);
        long deathTerm = fx.term(nelayan, villages.get(1), "JKM", "BPU", "1000000", null, null, self, LocalDate.of(2025, 1, 1), null);

        for (int m = 1; m <= 3; m++) {
            bill(YearMonth.of(2025, m));
        }
        assertExact("three billing runs");

        // the first village pays part of January, the second everything billed so far, the self-payer one month
        pay("APBDES:" + villages.get(0), "TOTALS-1", "10000");
        long full = pay("APBDES:" + villages.get(1), "TOTALS-2", "1000000");
        pay("SELF:" + fx.nik(nelayan), "TOTALS-3", "16800");
        assertExact("payments");

        CurrentActor.runAs(ADMIN, () -> payments.reverse(full, "salah rekening", ADMIN));
        assertExact("a payment reversal");

        // the first official's wage was entered wrong: February is recomputed (its lines reversed and billed again)
        jdbc.sql("update membership_term set wage = 3000000 where id = ?").param(officials.get(0)).update();
        clock.fixAt(Instant.parse("2026-12-03T03:00:00Z"));
        try {
            bill(YearMonth.of(2025, 2));
        } finally {
            clock.reset();
        }
        assertExact("a recomputation");

        // the fisher died in February: the months after it are reversed by the next run, which also bills April
        fx.close(deathTerm, LocalDate.of(2025, 2, 10), "DECEASED");
        bill(YearMonth.of(2025, 4));
        pay("APBDES:" + villages.get(2), "TOTALS-4", "500000");
        assertExact("a death, a fourth month and another payment");
        assertThat(jdbc.sql(KEPT_CREDIT).query(String.class).list()).as("the third village paid ahead: it has credit").isNotEmpty();

        // three paying payers get May's lines from one run: each is settled in a batch of its own
        bill(YearMonth.of(2025, 5));
        assertExact("a fifth month with three paying payers, one batch each");
    }

    @Test
    void everyPageOfTheListIsTheBillsADirectQueryPutsAtThoseRowsWhateverTheFilter() {
        history();
        Actor dpmd = TestUsers.actor("bill-totals-dpmd", Role.DPMD, REGENCY);
        for (BillOverview.Status status : new BillOverview.Status[] {null, BillOverview.Status.UNPAID, BillOverview.Status.PAID}) {
            for (String kind : new String[] {null, "APBDES", "SELF"}) {
                var filter = new BillOverview.Filter(YearMonth.of(2025, 2), null, kind, status);
                List<Long> direct = jdbc.sql("""
                        select b.id from bill b join payer p on p.id = b.payer_id
                        cross join lateral (select coalesce(sum(l.amount), 0) as total, coalesce(sum(a.amount), 0) as paid
                                            from bill_line l left join payment_allocation a on a.bill_line_id = l.id
                                            where l.payer_id = b.payer_id and l.month = b.month) x
                        where b.month = date '2025-02-01' and b.payer_region_code like '17.01%'
                          and (cast(:kind as text) is null or p.kind = :kind)
                          and (cast(:status as text) is null or (x.total > x.paid) = (:status = 'UNPAID'))
                        order by b.payer_region_code, b.payer_id""")
                        .param("kind", kind).param("status", status == null ? null : status.name())
                        .query(Long.class).list();
                List<Long> paged = new ArrayList<>();
                for (int page = 0; page < direct.size(); page++) {
                    var result = overview.find(filter, dpmd, page, 1);
                    assertThat(result.totals().bills()).isEqualTo(direct.size());
                    result.rows().forEach(r -> paged.add(r.id()));
                }
                assertThat(paged).as("pages of one bill, kind " + kind + ", status " + status).isEqualTo(direct);
                if (direct.size() >= 2) {
                    assertThat(overview.find(filter, dpmd, 0, 2).rows()).extracting(BillOverview.Row::id)
                            .containsExactlyElementsOf(direct.subList(0, 2));
                }
                assertThat(overview.find(filter, dpmd, 1000, 2).rows()).extracting(BillOverview.Row::id)
                        .as("a page past the end shows the last one")
                        .containsExactlyElementsOf(direct.subList(Math.max(0, (direct.size() - 1) / 2 * 2), direct.size()));
            }
        }
    }

    @Test
    void theKeptArrearsListEqualsTheDirectStatementOnTheDaysAroundEveryDueDate() {
        history();
        var province = id.lindung.access.RegionScope.of("17");
        List<LocalDate> days = new ArrayList<>();
        for (int m = 1; m <= 7; m++) {
            for (int d : new int[] {1, 14, 15, 16, 28}) {
                days.add(LocalDate.of(2025, m, d));
            }
        }
        days.add(LocalDate.of(2026, 12, 2));
        boolean someInArrears = false;
        for (LocalDate day : days) {
            clock.fixAt(day.atTime(10, 0).atZone(java.time.ZoneId.of("Asia/Jakarta")).toInstant());
            try {
                // today's list comes from payer_arrears (rebuilt when a due date passed), the direct one from the balances
                var kept = escalations.forScope(province, day, 0, 500);
                var params = Escalations.params(province, day, 500).addValue("offset", 0L);
                List<String> direct = jdbc.sql(Escalations.SQL).paramSource(params)
                        .query((rs, n) -> rs.getString(1) + " " + rs.getInt(4) + " " + rs.getBigDecimal(5).stripTrailingZeros().toPlainString()
                                + " " + rs.getDate(6) + " " + rs.getString(8) + " " + rs.getLong(10)).list();
                assertThat(kept.items()).extracting(e -> e.payer() + " " + e.monthsInArrears() + " "
                                + e.outstanding().toBigDecimal().stripTrailingZeros().toPlainString() + " " + e.oldestDue() + " "
                                + e.groupCode() + " " + kept.total())
                        .as("arrears as of " + day).containsExactlyElementsOf(direct);
                someInArrears |= !direct.isEmpty();
            } finally {
                clock.reset();
            }
        }
        assertThat(someInArrears).isTrue();
        // a payment on a day the rows are kept for: billing recomputes the payer, so the list follows at once
        LocalDate today = LocalDate.of(2026, 12, 2);
        clock.fixAt(today.atTime(10, 0).atZone(java.time.ZoneId.of("Asia/Jakarta")).toInstant());
        try {
            escalations.forScope(province, today, 0, 500);
            String payer = escalations.forScope(province, today, 0, 500).items().get(0).payer();
            pay(payer, "TOTALS-5", "2000");
            var params = Escalations.params(province, today, 500).addValue("offset", 0L);
            List<String> direct = jdbc.sql(Escalations.SQL).paramSource(params)
                    .query((rs, n) -> rs.getString(1) + " " + rs.getBigDecimal(5).stripTrailingZeros().toPlainString()).list();
            assertThat(escalations.forScope(province, today, 0, 500).items())
                    .extracting(e -> e.payer() + " " + e.outstanding().toBigDecimal().stripTrailingZeros().toPlainString())
                    .containsExactlyElementsOf(direct);
        } finally {
            clock.reset();
        }
    }

    /**
     * The day after a due date the daily job (00:05 in the business zone) rebuilds payer_arrears, so the first page
     * request of the day finds it current and does not rebuild it (the state row is not written again), and what the
     * page shows is the direct statement's count.
     */
    @Test
    void afterADueDateTheDailyJobRebuildsTheArrearsListSoThePageRequestDoesNot() {
        history();
        var job = new PayerArrearsJob(arrears, clock);
        var jakarta = java.time.ZoneId.of("Asia/Jakarta");
        LocalDate due = jdbc.sql("""
                select max(bb.due_date) from bill_balance bb join payer p on p.id = bb.payer_id
                where p.region_code like '17.01%' and bb.owed <> 0""").query(LocalDate.class).single();
        LocalDate next = due.plusDays(1);
        try {
            clock.fixAt(due.atTime(10, 0).atZone(jakarta).toInstant());
            job.rebuildForToday();
            assertThat(arrears.usableFor(due, false)).as("kept for the due date itself").isTrue();

            clock.fixAt(next.atTime(0, 5).atZone(jakarta).toInstant());
            assertThat(arrears.usableFor(next, false)).as("the due date passed: the kept rows are stale").isFalse();
            job.rebuildForToday();
            assertThat(arrears.asOf()).as("the job rebuilt them as of the new day").isEqualTo(next);

            String written = jdbc.sql("select xmin::text from payer_arrears_state").query(String.class).single();
            clock.fixAt(next.atTime(8, 0).atZone(jakarta).toInstant());
            String token = TestUsers.token(accounts, "bill-totals-arrears-job", Role.DPMD, "17");
            var page = id.lindung.support.Http.withToken(port, token).get("/tagihan?month=2025-04");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(jdbc.sql("select xmin::text from payer_arrears_state").query(String.class).single())
                    .as("the page request did not rebuild the list").isEqualTo(written);
            assertThat(arrears.asOf()).isEqualTo(next);

            var params = Escalations.params(id.lindung.access.RegionScope.of("17"), next, 500).addValue("offset", 0L);
            List<String> direct = jdbc.sql(Escalations.SQL).paramSource(params)
                    .query((rs, n) -> rs.getString(1) + " " + rs.getLong(10)).list();
            assertThat(direct).as("payers in arrears the day after " + due).isNotEmpty();
            long total = Long.parseLong(direct.get(0).substring(direct.get(0).lastIndexOf(' ') + 1));
            assertThat(page.body()).contains(total + " pembayar menunggak");
            // the page's 50 are the direct statement's first 50 (a self-payer's code is masked for this role)
            direct.stream().limit(50).map(d -> d.substring(0, d.indexOf(' '))).filter(c -> c.startsWith("APBD"))
                    .forEach(code -> assertThat(page.body()).contains(code));
            assertThat(escalations.forScope(id.lindung.access.RegionScope.of("17"), next, 0, 500).items())
                    .extracting(e -> e.payer() + " " + total).containsExactlyElementsOf(direct);
        } finally {
            clock.reset();
        }
    }

    /**
     * A run recomputes the kept arrears of the payers with a rebuilt balance due before the rows' day, at once and
     * without a rebuild of the list, and leaves the others' rows as they are: a balance due after that day cannot
     * put anyone in arrears on it. The scheduled run bills a month before its due dates, so it recomputes none.
     */
    @Test
    void aRunRecomputesTheKeptArrearsOfItsPayersWithABalanceDueBeforeTheirDayAndLeavesTheOthers() {
        var jakarta = java.time.ZoneId.of("Asia/Jakarta");
        LocalDate day = LocalDate.of(2025, 3, 20);
        var regency = id.lindung.access.RegionScope.of("17.02");
        Actor dpmd = TestUsers.actor("bill-totals-arrears-run", Role.DPMD, "17.02");
        BillingFixture fx = new BillingFixture(jdbc);
        String desa = jdbc.sql("select min(code) from region where kind = 'DESA' and active and code like '17.02.%'")
                .query(String.class).single();
        long village = fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa " + desa, desa);
        long head = fx.worker(desa, "Kepala Desa " + desa, "KEPALA_DESA");
        fx.term(head, desa, "JKK", "PU", "2000000", "VERY_LOW", village, village, LocalDate.of(2025, 1, 1), null);
        fx.term(head, desa, "JKM", "PU", "2000000", null, village, village, LocalDate.of(2025, 1, 1), null);
        clock.fixAt(day.atTime(10, 0).atZone(jakarta).toInstant());
        try {
            // January billed, then the list rebuilt as of the day (a day no other row can have been kept for: the
            // rebuild is certain); one month owed is not yet arrears
            jdbc.sql("update payer_arrears_state set as_of = date '1900-01-01' where id = 1").update();
            CurrentActor.runAs(dpmd, () -> runs.run(YearMonth.of(2025, 1), dpmd, true));
            assertThat(arrears.rebuildIfStale(day)).isTrue();
            assertThat(arrearsOf(regency, day)).isEmpty();
            assertThat(directArrears(regency, day)).isEmpty();
            String state = jdbc.sql("select xmin::text from payer_arrears_state").query(String.class).single();

            // February falls due before the day too: the village is two months in arrears as soon as it is billed
            CurrentActor.runAs(dpmd, () -> runs.run(YearMonth.of(2025, 2), dpmd, true));
            assertThat(jdbc.sql("select xmin::text from payer_arrears_state").query(String.class).single())
                    .as("the list was not rebuilt: the runs recomputed their payer").isEqualTo(state);
            List<String> afterFebruary = arrearsOf(regency, day);
            assertThat(afterFebruary).as("kept, equal to the direct statement").isEqualTo(directArrears(regency, day))
                    .singleElement().asString().startsWith("APBDES:" + desa + " 2 ");
            String row = jdbc.sql("select xmin::text from payer_arrears where payer_id = ?").param(village).query(String.class).single();

            // March falls due after the day: its run leaves the village's row as it was, and the row is still right
            CurrentActor.runAs(dpmd, () -> runs.run(YearMonth.of(2025, 3), dpmd, true));
            assertThat(jdbc.sql("select count(*) from bill_balance where payer_id = ? and month = date '2025-03-01' and due_date > ?")
                    .params(village, day).query(Long.class).single()).as("March is billed and due after the day").isPositive();
            assertThat(jdbc.sql("select xmin::text from payer_arrears where payer_id = ?").param(village).query(String.class).single())
                    .as("the village's row was not recomputed").isEqualTo(row);
            assertThat(arrearsOf(regency, day)).isEqualTo(afterFebruary).isEqualTo(directArrears(regency, day));
        } finally {
            clock.reset();
        }
    }

    /** Payer, months in arrears, outstanding and oldest due date of the kept list as of {@code day}. */
    private List<String> arrearsOf(id.lindung.access.RegionScope scope, LocalDate day) {
        assertThat(arrears.usableFor(day, false)).as("the kept rows answer for " + day).isTrue();
        return escalations.forScope(scope, day, 0, 500).items().stream().map(e -> e.payer() + " " + e.monthsInArrears() + " "
                + e.outstanding().toBigDecimal().stripTrailingZeros().toPlainString() + " " + e.oldestDue()).toList();
    }

    /** The same from the direct statement over the balances (Escalations.SQL). */
    private List<String> directArrears(id.lindung.access.RegionScope scope, LocalDate day) {
        var params = Escalations.params(scope, day, 500).addValue("offset", 0L);
        return jdbc.sql(Escalations.SQL).paramSource(params).query((rs, n) -> rs.getString(1) + " " + rs.getInt(4) + " "
                + rs.getBigDecimal(5).stripTrailingZeros().toPlainString() + " " + rs.getDate(6)).list();
    }
}
