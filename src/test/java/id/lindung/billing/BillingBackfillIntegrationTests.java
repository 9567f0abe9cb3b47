package id.lindung.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.platform.InvalidInputException;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestClock;
import id.lindung.support.TestUsers;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Billing a past month must be confirmed, and a dry run shows first what it would do. Each test bills a regency
 * no other test bills (62.04, 62.08), run by its district office, so no other test's data enters the counts.
 */
@IntegrationTest
class BillingBackfillIntegrationTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts accounts;
    @Autowired BillingRuns runs;
    @Autowired Payments payments;
    @Autowired Bills bills;
    @Autowired TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private final Actor dpmd = TestUsers.actor("backfill-dpmd", Role.DPMD, "62.04");

    private BillingRuns.Result run(YearMonth month, boolean backfill) {
        return run(dpmd, month, backfill);
    }

    private BillingRuns.Result run(Actor who, YearMonth month, boolean backfill) {
        return CurrentActor.runAs(who, () -> runs.run(month, who, backfill));
    }

    private BillingPreview dryRun(YearMonth month) {
        return dryRun(dpmd, month);
    }

    private BillingPreview dryRun(Actor who, YearMonth month) {
        return CurrentActor.runAs(who, () -> runs.dryRun(month, who));
    }

    private long lines(long payer) {
        return jdbc.sql("select count(*) from bill_line where payer_id = ?").param(payer).query(Long.class).single();
    }

    /** Everything billing and allocation write for the regency, as one comparable text. */
    private String state() {
        return state("62.04");
    }

    private String state(String regency) {
        return jdbc.sql("""
                select (select count(*) from bill_line where village_code like :r) || '/'
                    || (select count(*) from bill where payer_region_code like :r) || '/'
                    || (select coalesce(sum(amount), 0) from payment_allocation a join payer p on p.id = a.payer_id
                        where p.region_code like :r) || '/'
                    || (select count(*) from paid_month where village_code like :r) || '/'
                    || (select count(*) from billing_run)""").param("r", regency + "%").query(String.class).single();
    }

    @Test
    void aPastMonthIsRefusedUnlessConfirmedAndTheDryRunShowsWhatTheConfirmedRunDoes() {
        YearMonth current = YearMonth.now(clock);
        String desa = "62.04.01.2001";
        BillingFixture fx = new BillingFixture(jdbc);
        long village = fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa Tampulang", desa);
        long official = fx.worker(desa, "Sekretaris Tampulang", "PERANGKAT_DESA");
        fx.term(official, desa, "JKM", "PU", "2000000", null, village, village, current.minusMonths(6).atDay(1), null);

        // older than the window (this month and the previous one): refused, nothing written
        String before = state();
        assertThatThrownBy(() -> run(current.minusMonths(2), false))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("BACKFILL_NOT_CONFIRMED"))
                .hasMessageContaining("older than the billing window");
        assertThat(state()).isEqualTo(before);

        // the previous and the current month are normal while nothing later is billed
        assertThat(run(current.minusMonths(1), false).lines()).isEqualTo(1);
        assertThat(run(current, false).lines()).isEqualTo(1);
        CurrentActor.runAs(dpmd, () -> payments.record(new Payments.PaymentRequest("APBDES:" + desa, "TAMPULANG-1",
                LocalDate.now(clock), new BigDecimal("12000"), "BANK"), dpmd));
        // a re-run of the previous month that adds nothing is no backfill
        assertThat(run(current.minusMonths(1), false).lines()).isZero();

        // a late joiner would add a line to the previous month of a payer already billed (and paid) for this month
        long joiner = fx.worker(desa, "Kaur Tampulang", "PERANGKAT_DESA");
        fx.term(joiner, desa, "JKM", "PU", "2000000", null, village, village, current.minusMonths(1).atDay(1), null);
        long linesBefore = lines(village);
        String stateBefore = state();
        assertThatThrownBy(() -> run(current.minusMonths(1), false))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("BACKFILL_NOT_CONFIRMED"))
                .hasMessageContaining("already billed for a later month");
        assertThat(state()).isEqualTo(stateBefore);

        // the dry run writes nothing and names the payer whose paid months would move, the run's own month among them:
        // the payment moves to the joiner's line of the previous month, and this month is no longer paid
        BillingPreview preview = dryRun(current.minusMonths(1));
        assertThat(state()).isEqualTo(stateBefore);
        assertThat(preview.backfillRequired()).isTrue();
        assertThat(preview.lines()).isEqualTo(1);
        assertThat(preview.total()).isEqualByComparingTo("6000");
        assertThat(preview.paidMonthsChanged()).singleElement().satisfies(c -> {
            assertThat(c.payer()).isEqualTo("APBDES:" + desa);
            assertThat(c.months()).containsExactly(current.minusMonths(1).toString(), current.toString());
            assertThat(c.details().get(0).paidBefore()).isEqualTo(id.lindung.shared.Rupiah.of(6000));
            assertThat(c.details().get(0).paidAfter()).isEqualTo(id.lindung.shared.Rupiah.of(12000));
        });

        // the confirmed run does exactly what the dry run showed
        BillingRuns.Result done = run(current.minusMonths(1), true);
        assertThat(done.lines()).isEqualTo(preview.lines());
        assertThat(done.bills()).isEqualTo(preview.bills());
        assertThat(done.total().toBigDecimal()).isEqualByComparingTo(preview.total());
        assertThat(done.regulationVersion()).isEqualTo(preview.regulationVersion());
        assertThat(lines(village)).isEqualTo(linesBefore + preview.lines());
    }

    @Test
    void aDryRunOfAnOldMonthAgreesWithTheConfirmedRunLineForLine() {
        YearMonth month = YearMonth.now(clock).minusMonths(5);
        String desa = "62.08.01.2001";
        Actor kotawaringin = TestUsers.actor("backfill-dpmd-2", Role.DPMD, "62.08");
        BillingFixture fx = new BillingFixture(jdbc);
        long village = fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa Natai Sedawak", desa);
        for (int i = 0; i < 3; i++) {
            long w = fx.worker(desa, "Perangkat Natai " + i, "PERANGKAT_DESA");
            fx.term(w, desa, "JKK", "PU", "2000000", "VERY_LOW", village, village, month.minusMonths(1).atDay(1), null);
            fx.term(w, desa, "JKM", "PU", "2000000", null, village, village, month.minusMonths(1).atDay(1), null);
        }
        String before = state("62.08");
        BillingPreview preview = dryRun(kotawaringin, month);
        assertThat(state("62.08")).isEqualTo(before);
        assertThat(preview.backfillRequired()).isTrue();
        assertThat(preview.backfillReasons()).singleElement().asString().contains("older than the billing window");
        assertThat(preview.newBills()).isEqualTo(1);

        BillingRuns.Result done = run(kotawaringin, month, true);
        assertThat(done.lines()).isEqualTo(preview.lines()).isEqualTo(6);
        assertThat(done.bills()).isEqualTo(preview.bills());
        assertThat(done.total().toBigDecimal()).isEqualByComparingTo(preview.total()).isEqualByComparingTo("32400");
        assertThat(jdbc.sql("select count(*) from bill where payer_id = ? and month = ?").params(village, Date.valueOf(month.atDay(1)))
                .query(Long.class).single()).isEqualTo(1);
        // a dry run after the run: nothing left to add, still a backfill by its age
        BillingPreview again = dryRun(kotawaringin, month);
        assertThat(again.lines()).isZero();
        assertThat(again.newBills()).isZero();
    }

    /** Each month's allocated amount of the payer, yyyy-MM to amount. */
    private java.util.Map<String, BigDecimal> allocatedByMonth(long payer) {
        java.util.Map<String, BigDecimal> months = new java.util.TreeMap<>();
        jdbc.sql("select to_char(month, 'YYYY-MM'), sum(amount) from payment_allocation where payer_id = ? group by 1")
                .param(payer).query((rs, n) -> months.put(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros())).list();
        return months;
    }

    /** The months, other than {@code except}, whose allocated amount differs between the two. */
    private static java.util.List<String> movedMonths(java.util.Map<String, BigDecimal> before, java.util.Map<String, BigDecimal> after) {
        java.util.SortedSet<String> months = new java.util.TreeSet<>(before.keySet());
        months.addAll(after.keySet());
        months.removeIf(m -> before.getOrDefault(m, BigDecimal.ZERO).compareTo(after.getOrDefault(m, BigDecimal.ZERO)) == 0);
        return java.util.List.copyOf(months);
    }

    /*
     * A death recorded late makes the run reverse the dead official's lines of two earlier months and settle the
     * village's payments again from the first of them; the dry run keeps each payer's allocations once, at the first
     * month it settles, and must name exactly the months the confirmed run then moves, the run's own month among them.
     * A payer with credit whose earlier months stay as they are is settled too, in the run's own month only, and is named
     * with that month alone (paid from its credit).
     */
    @Test
    void aDryRunAfterALateDeathNamesTheEarlierMonthsTheConfirmedRunSettlesAgainAndNoOther() {
        YearMonth current = YearMonth.now(clock);
        YearMonth first = current.minusMonths(2);
        Actor katingan = TestUsers.actor("backfill-dpmd-3", Role.DPMD, "62.10");
        BillingFixture fx = new BillingFixture(jdbc);
        String desa = fx.firstDesa("62.10");
        String other = jdbc.sql("select min(code) from region_area where level = 'VILLAGE' and kind = 'DESA' and active and code like '62.10.%' and code > ?")
                .param(desa).query(String.class).single();
        long village = fx.villageWithOneOfficial(desa, "Kepala Desa Katingan", "KEPALA_DESA", first.atDay(1));
        long dying = fx.worker(desa, "Sekretaris Katingan", "PERANGKAT_DESA");
        long jkk = fx.term(dying, desa, "JKK", "PU", "2000000", "VERY_LOW", village, village, first.atDay(1), null);
        long jkm = fx.term(dying, desa, "JKM", "PU", "2000000", null, village, village, first.atDay(1), null);
        long creditor = fx.villageWithOneOfficial(other, "Kepala Desa Lain", "KEPALA_DESA", first.atDay(1));
        run(katingan, first, true);
        run(katingan, first.plusMonths(1), false);
        run(katingan, current, false);
        // three months of two officials (21,600 a month) and a little more; the other village pays four months ahead
        CurrentActor.runAs(katingan, () -> payments.record(new Payments.PaymentRequest("APBDES:" + desa, "KATINGAN-1",
                LocalDate.now(clock), new BigDecimal("69800"), "BANK"), katingan));
        CurrentActor.runAs(katingan, () -> payments.record(new Payments.PaymentRequest("APBDES:" + other, "KATINGAN-2",
                LocalDate.now(clock), new BigDecimal("75600"), "BANK"), katingan));
        fx.close(jkk, first.atDay(10), "DECEASED");
        fx.close(jkm, first.atDay(10), "DECEASED");
        java.util.Map<String, BigDecimal> villageBefore = allocatedByMonth(village);
        java.util.Map<String, BigDecimal> creditorBefore = allocatedByMonth(creditor);
        String before = state("62.10");

        YearMonth next = current.plusMonths(1);
        BillingPreview preview = dryRun(katingan, next);
        assertThat(state("62.10")).isEqualTo(before);
        assertThat(preview.reversals()).isEqualTo(4);
        assertThat(preview.paidMonthsChanged()).hasSize(2);
        assertThat(preview.paidMonthsChanged().get(0).payer()).isEqualTo("APBDES:" + desa);
        assertThat(preview.paidMonthsChanged().get(0).months())
                .containsExactly(first.plusMonths(1).toString(), current.toString(), next.toString());
        assertThat(preview.paidMonthsChanged().get(1)).satisfies(c -> {
            assertThat(c.payer()).isEqualTo("APBDES:" + other);
            assertThat(c.months()).containsExactly(next.toString());
            assertThat(c.details().get(0).paidBefore()).isEqualTo(id.lindung.shared.Rupiah.ZERO);
            assertThat(c.details().get(0).paidAfter()).isEqualTo(id.lindung.shared.Rupiah.of(10800));
        });

        run(katingan, next, false);
        assertThat(movedMonths(villageBefore, allocatedByMonth(village)))
                .containsExactlyElementsOf(preview.paidMonthsChanged().get(0).months());
        assertThat(movedMonths(creditorBefore, allocatedByMonth(creditor)))
                .containsExactlyElementsOf(preview.paidMonthsChanged().get(1).months());
    }

    /** One month of a payer as its bill and its workers' paid months show it. */
    private record Shown(id.lindung.shared.Rupiah paid, id.lindung.shared.Rupiah fine, LocalDate paidInFullOn,
                         Map<String, LocalDate> workerMonths) {}

    /**
     * Each month (yyyy-MM) of the payer: the paid amount and fine of its bill as the bills show them today, and the paid
     * date of every worker programme month billed in it ("worker:program"; null while unpaid), from paid_month, which
     * protection reads; the month is paid in full on the latest of those dates when every one is paid.
     */
    private Map<String, Shown> shown(Actor who, String payer) {
        Map<String, Shown> months = new java.util.TreeMap<>();
        for (BillSummary b : bills.find(payer, null, who, LocalDate.now(clock))) {
            Map<String, LocalDate> workerMonths = new java.util.TreeMap<>();
            jdbc.sql("""
                    select distinct l.worker_id || ':' || l.program, m.paid_on
                    from bill_line_effective l join registry_payer p on p.id = l.payer_id
                    left join paid_month m on m.worker_id = l.worker_id and m.program = l.program and m.month = l.month
                    where p.code = ? and l.month = ? and l.eff > 0""").params(payer, Date.valueOf(b.month().atDay(1)))
                    .query((rs, n) -> workerMonths.put(rs.getString(1), rs.getDate(2) == null ? null : rs.getDate(2).toLocalDate()))
                    .list();
            LocalDate inFull = workerMonths.isEmpty() || workerMonths.containsValue(null) ? null
                    : workerMonths.values().stream().max(LocalDate::compareTo).orElseThrow();
            months.put(b.month().toString(), new Shown(b.paid(), b.fine(), inFull, workerMonths));
        }
        return months;
    }

    /** What a run changed of the payers' months, its own month among them, as the dry run reports it. */
    private static List<BillingPreview.PaidMonthsChange> changed(Map<String, Map<String, Shown>> before,
                                                                 Map<String, Map<String, Shown>> after) {
        List<BillingPreview.PaidMonthsChange> changes = new java.util.ArrayList<>();
        before.forEach((payer, old) -> {
            Map<String, Shown> now = after.get(payer);
            java.util.SortedSet<String> months = new java.util.TreeSet<>(old.keySet());
            months.addAll(now.keySet());
            Shown none = new Shown(id.lindung.shared.Rupiah.ZERO, id.lindung.shared.Rupiah.ZERO, null, Map.of());
            List<BillingPreview.MonthChange> details = new java.util.ArrayList<>();
            for (String month : months) {
                Shown b = old.getOrDefault(month, none);
                Shown a = now.getOrDefault(month, none);
                java.util.Set<String> keys = new java.util.TreeSet<>(b.workerMonths().keySet());
                keys.addAll(a.workerMonths().keySet());
                long redated = keys.stream().filter(k -> !java.util.Objects.equals(b.workerMonths().get(k), a.workerMonths().get(k))).count();
                var change = new BillingPreview.MonthChange(month, b.paid(), a.paid(), b.paidInFullOn(), a.paidInFullOn(), b.fine(),
                        a.fine(), redated);
                if (change.changes()) {
                    details.add(change);
                }
            }
            if (!details.isEmpty()) {
                changes.add(new BillingPreview.PaidMonthsChange(payer, details.stream().map(BillingPreview.MonthChange::month).toList(),
                        details));
            }
        });
        return changes;
    }

    /*
     * A backfill moves money within the history without changing which months are paid or by how much: the dry run
     * must still name each month whose paid date, fine or workers' paid dates move, and say how, exactly as the
     * confirmed run then changes them. Five villages billed for the last three months, none for the one before:
     *  - A paid the first month on time, the next two and a month ahead today: billing the month before takes the early
     *    payment, so the first month is paid today instead, late, and fined; its amount stays;
     *  - B's first month was paid by two payments a few days apart, both on time: one official's part moves to the later
     *    one. The month's amount, day paid in full and fine stay; one worker's month is paid on another day;
     *  - D paid the three months exactly: the last one becomes unpaid (the set of paid months changes);
     *  - E's official joined after the backfilled month, F's three months and a month ahead came in one payment: their
     *    months stay as they are, and they are not named;
     *  - G never paid, and its official's death in the backfilled month is recorded late: the run reverses the three
     *    months after it, and the first of them, overdue, loses its fine although nothing was paid.
     */
    @Test
    void aDryRunNamesEveryMonthWhosePaidDateFineOrWorkersPaidDatesMoveAsTheConfirmedRunDoes() {
        // the 10th of this month: last month's PU contributions fall due on the 15th (RULES.md 1.5), so only G's month
        // before it is overdue; from the 16th its last month was fined too, and the test failed every second half-month
        clock.fixAt(YearMonth.now(clock).atDay(10).atTime(10, 0).atZone(clock.getZone()).toInstant());
        YearMonth current = YearMonth.now(clock);
        YearMonth first = current.minusMonths(2);
        YearMonth backfill = current.minusMonths(3);
        LocalDate today = LocalDate.now(clock);
        LocalDate early = current.minusMonths(1).atDay(3);
        LocalDate later = current.minusMonths(1).atDay(8);
        Actor murungRaya = TestUsers.actor("backfill-dpmd-4", Role.DPMD, "62.12");
        BillingFixture fx = new BillingFixture(jdbc);
        List<String> desas = jdbc.sql("select code from region_area where level = 'VILLAGE' and kind = 'DESA' and active and code like '62.12.%' order by code limit 6")
                .query(String.class).list();
        assertThat(desas).hasSize(6);
        Map<String, String> payer = new java.util.LinkedHashMap<>();
        Map<String, Long> terms = new java.util.HashMap<>();
        for (int i = 0; i < 6; i++) {
            String name = List.of("A", "B", "D", "E", "F", "G").get(i);
            String desa = desas.get(i);
            long village = fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa Murung " + name, desa);
            LocalDate from = name.equals("E") ? first.atDay(1) : current.minusMonths(6).atDay(1);
            terms.put(name, fx.term(fx.worker(desa, "Kepala Desa " + name, "KEPALA_DESA"), desa, "JKM", "PU", "2000000", null,
                    village, village, from, null));
            if (name.equals("B")) {
                fx.term(fx.worker(desa, "Sekretaris " + name, "PERANGKAT_DESA"), desa, "JKM", "PU", "2000000", null, village, village,
                        first.atDay(1), null);
            }
            payer.put(name, "APBDES:" + desa);
        }
        run(murungRaya, first, true);
        run(murungRaya, first.plusMonths(1), false);
        run(murungRaya, current, false);
        // Rp 6,000 a month per official (JKM 0.30 % of Rp 2,000,000)
        BillingFixture.pay(payments, murungRaya, payer.get("A"), "MURUNG-A1", early, "6000");
        BillingFixture.pay(payments, murungRaya, payer.get("A"), "MURUNG-A2", today, "18000");
        BillingFixture.pay(payments, murungRaya, payer.get("B"), "MURUNG-B1", early, "6000");
        BillingFixture.pay(payments, murungRaya, payer.get("B"), "MURUNG-B2", later, "36000");
        BillingFixture.pay(payments, murungRaya, payer.get("D"), "MURUNG-D1", early, "18000");
        BillingFixture.pay(payments, murungRaya, payer.get("E"), "MURUNG-E1", early, "18000");
        BillingFixture.pay(payments, murungRaya, payer.get("F"), "MURUNG-F1", early, "24000");
        fx.close(terms.get("G"), backfill.atDay(10), "DECEASED");
        Map<String, Map<String, Shown>> before = new java.util.LinkedHashMap<>();
        payer.values().forEach(code -> before.put(code, shown(murungRaya, code)));
        String state = state("62.12");

        BillingPreview preview = dryRun(murungRaya, backfill);
        assertThat(state("62.12")).isEqualTo(state);
        assertThat(preview.backfillRequired()).isTrue();
        assertThat(preview.reversals()).isEqualTo(3);

        run(murungRaya, backfill, true);
        Map<String, Map<String, Shown>> after = new java.util.LinkedHashMap<>();
        payer.values().forEach(code -> after.put(code, shown(murungRaya, code)));
        List<BillingPreview.PaidMonthsChange> confirmed = changed(before, after);
        assertThat(preview.paidMonthsChanged()).containsExactlyElementsOf(confirmed);

        // what the confirmed run changed is what the scenario meant; in the run's own month, F's credit and the money
        // A, B and D paid early now pay the backfilled month, and G's month, reversed from the 10th, is overdue
        assertThat(confirmed).extracting(BillingPreview.PaidMonthsChange::payer)
                .containsExactly(payer.get("A"), payer.get("B"), payer.get("D"), payer.get("F"), payer.get("G"));
        assertThat(confirmed).allSatisfy(c -> assertThat(c.months()).as(c.payer()).startsWith(backfill.toString()));
        assertThat(confirmed.get(3).details()).singleElement().satisfies(m -> {
            assertThat(m.paidBefore()).isEqualTo(id.lindung.shared.Rupiah.ZERO);
            assertThat(m.paidAfter()).isEqualTo(id.lindung.shared.Rupiah.of(6000));
            assertThat(m.paidInFullOnBefore()).isNull();
            assertThat(m.paidInFullOnAfter()).isEqualTo(early);
        });
        confirmed = confirmed.stream().filter(c -> !c.payer().equals(payer.get("F")))
                .map(c -> BillingPreview.PaidMonthsChange.of(c.payer(), c.details().stream()
                        .filter(m -> !m.month().equals(backfill.toString())).toList())).toList();
        assertThat(confirmed.get(0).details()).singleElement().satisfies(m -> {
            assertThat(m.month()).isEqualTo(first.toString());
            assertThat(m.paidAfter()).isEqualTo(m.paidBefore()).isEqualTo(id.lindung.shared.Rupiah.of(6000));
            assertThat(m.paidInFullOnBefore()).isEqualTo(early);
            assertThat(m.paidInFullOnAfter()).isEqualTo(today);
            assertThat(m.fineBefore()).isEqualTo(id.lindung.shared.Rupiah.ZERO);
            assertThat(m.fineAfter().isGreaterThan(id.lindung.shared.Rupiah.ZERO)).isTrue();
            assertThat(m.workerMonthsRedated()).isEqualTo(1);
        });
        assertThat(confirmed.get(1).details()).singleElement().satisfies(m -> {
            assertThat(m.month()).isEqualTo(first.toString());
            assertThat(m.paidAfter()).isEqualTo(m.paidBefore()).isEqualTo(id.lindung.shared.Rupiah.of(12000));
            assertThat(m.paidInFullOnAfter()).isEqualTo(m.paidInFullOnBefore()).isEqualTo(later);
            assertThat(m.fineAfter()).isEqualTo(m.fineBefore()).isEqualTo(id.lindung.shared.Rupiah.ZERO);
            assertThat(m.workerMonthsRedated()).isEqualTo(1);
        });
        assertThat(confirmed.get(2).details()).singleElement().satisfies(m -> {
            assertThat(m.month()).isEqualTo(current.toString());
            assertThat(m.paidBefore()).isEqualTo(id.lindung.shared.Rupiah.of(6000));
            assertThat(m.paidAfter()).isEqualTo(id.lindung.shared.Rupiah.ZERO);
            assertThat(m.paidInFullOnBefore()).isEqualTo(early);
            assertThat(m.paidInFullOnAfter()).isNull();
        });
        assertThat(confirmed.get(3).details()).singleElement().satisfies(m -> {
            assertThat(m.month()).isEqualTo(first.toString());
            assertThat(m.paidAfter()).isEqualTo(m.paidBefore()).isEqualTo(id.lindung.shared.Rupiah.ZERO);
            assertThat(m.fineBefore().isGreaterThan(id.lindung.shared.Rupiah.ZERO)).isTrue();
            assertThat(m.fineAfter()).isEqualTo(id.lindung.shared.Rupiah.ZERO);
        });
    }

    /**
     * The preview on /tagihan names the months whose payments would move as the rest of the page names months ("Nov
     * 2026, Des 2026", "Dec 2026" in English), not as the dry run keeps them ("2026-11, 2026-12", review of 6 December 2026).
     */
    @Test
    void theBackfillPreviewOnThePageNamesTheMonthsWhosePaymentsMoveInThePagesLanguage() {
        YearMonth current = YearMonth.now(clock);
        YearMonth previous = current.minusMonths(1);
        Actor katingan = TestUsers.actor("backfill-page-dpmd", Role.DPMD, "62.11");
        BillingFixture fx = new BillingFixture(jdbc);
        String desa = fx.firstDesa("62.11");
        fx.villageWithOneOfficial(desa, "Kepala Desa Pratinjau", "KEPALA_DESA", current.minusMonths(6).atDay(1));
        run(katingan, previous, true);
        run(katingan, current, false);
        // a month and a half paid: billing the month before them moves the payment back, changing both months
        BillingFixture.pay(payments, katingan, "APBDES:" + desa, "PRATINJAU-1", LocalDate.now(clock), "16200");

        TestUsers.token(accounts, "backfill-page-dpmd", Role.DPMD, "62.11");
        Http page = Http.browser(port);
        page.login("backfill-page-dpmd", TestUsers.PASSWORD);
        List<String> indonesian = List.of("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des");
        List<String> english = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");
        for (var language : Map.of("id", indonesian, "en", english).entrySet()) {
            var overview = page.get("/tagihan?lang=" + language.getKey());
            var refused = page.postForm("/tagihan/jalankan", Map.of("month", current.minusMonths(2).toString(),
                    "_csrf", Http.csrfOf(overview.body())));
            assertThat(refused.statusCode()).as(language.getKey()).isEqualTo(200);
            var item = java.util.regex.Pattern.compile("<li>(?:(?!</li>).)*APBDES:" + java.util.regex.Pattern.quote(desa)
                    + "(.*?)<ul class=\"muted\">(.*?)</ul>", java.util.regex.Pattern.DOTALL).matcher(refused.body());
            assertThat(item.find()).as(language.getKey() + ": the payer is named in the preview").isTrue();
            String text = ("APBDES:" + desa + item.group(1)).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip();
            List<String> names = language.getValue();
            String previousName = names.get(previous.getMonthValue() - 1) + " " + previous.getYear();
            String currentName = names.get(current.getMonthValue() - 1) + " " + current.getYear();
            YearMonth own = current.minusMonths(2);
            String ownName = names.get(own.getMonthValue() - 1) + " " + own.getYear();
            assertThat(text).as(language.getKey()).isEqualTo("APBDES:" + desa + ": " + ownName + ", " + previousName + ", " + currentName);
            // and how each month changes: the run's own month, billed now, takes Rp 10,800 of the payment and is paid in
            // full today; the previous month keeps half of its Rp 10,800 and is no longer paid in full
            // (one of its two programme months, JKM, goes unpaid); the current month loses its Rp 5,400 (JKK unpaid)
            List<String> details = java.util.regex.Pattern.compile("<li[^>]*>(.*?)</li>", java.util.regex.Pattern.DOTALL)
                    .matcher(item.group(2)).results().map(r -> r.group(1).replaceAll("\\s+", " ").strip()).toList();
            String paidInFull = "id".equals(language.getKey()) ? "lunas " : "paid in full ";
            String paid = "id".equals(language.getKey()) ? "dibayar " : "paid ";
            String notInFull = "id".equals(language.getKey()) ? "belum lunas" : "not in full";
            String redated = "id".equals(language.getKey()) ? "1 bulan program pekerja lunas pada tanggal lain"
                    : "1 worker programme month(s) paid on another day";
            LocalDate today = LocalDate.now(clock);
            String todayName = today.getDayOfMonth() + " " + names.get(today.getMonthValue() - 1) + " " + today.getYear();
            String point = "id".equals(language.getKey()) ? "." : ",";
            assertThat(details).as(language.getKey()).hasSize(3);
            assertThat(details.get(0)).as(language.getKey()).startsWith(ownName + ": " + paid + "Rp 0 → Rp 10" + point + "800; "
                    + paidInFull + notInFull + " → " + todayName + "; ");
            assertThat(details.subList(1, 3)).as(language.getKey()).containsExactly(
                    previousName + ": " + paid + "Rp 10" + point + "800 → Rp 5" + point + "400; " + paidInFull + todayName + " → "
                            + notInFull + "; " + redated,
                    currentName + ": " + paid + "Rp 5" + point + "400 → Rp 0; " + redated);
        }
    }

    @Test
    void theApiRefusesAnUnconfirmedBackfillWith422AndAnswersADryRun() {
        YearMonth old = YearMonth.now(clock).minusMonths(4);
        Http api = Http.withToken(port, TestUsers.token(accounts, "backfill-api-dpmd", Role.DPMD, "62.04"));
        var refused = api.postJson("/api/v1/billing/runs", "{\"month\":\"" + old + "\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("BACKFILL_NOT_CONFIRMED");
        var dry = api.postJson("/api/v1/billing/runs", "{\"month\":\"" + old + "\",\"dryRun\":true}");
        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        assertThat(dry.body()).contains("\"backfillRequired\":true", "\"lines\":", "\"paidMonthsChanged\":");
        var confirmed = api.postJson("/api/v1/billing/runs", "{\"month\":\"" + old + "\",\"backfill\":true}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.body()).contains("\"month\":\"" + old + "\"");
    }
}
