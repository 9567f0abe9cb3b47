package id.lindung.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.billing.BillingRuns;
import id.lindung.billing.MonthRules;
import id.lindung.billing.MonthRulesSource;
import id.lindung.billing.Payments;
import id.lindung.billing.Protection;
import id.lindung.coverage.internal.CoverageRollups;
import id.lindung.coverage.internal.DesaSadarRules;
import id.lindung.importing.ImportBatch;
import id.lindung.importing.WorkerFileGenerator;
import id.lindung.importing.WorkerImports;
import id.lindung.region.RegionLevel;
import id.lindung.region.Regions;
import id.lindung.shared.Segment;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rollups answer exactly what a direct count over the published views answers (docs/decisions/0010): after an
 * import, billing runs, payments (on time, late inside the window, too late, never), a transfer, a death and a
 * resignation, a payment reversal, category changes and a back-payment that makes a desa Desa Sadar again, every
 * indicator object (all splits, Desa Sadar counts, money) of the nation, the province, the regency, its districts and
 * villages, the children of each, and the Desa Sadar list with its near misses, on the days around every due date
 * (grace ends, lapse begins), every back-payment window's end, month ends and term bounds. Finally a rebuild from
 * nothing equals the incrementally refreshed rollups. One village has 60 workers more (four donors paying on time, late,
 * then stopping, never; some leaving), so it and its district are read from per-day changes (levelled, over the tests'
 * threshold) while the other districts and villages are read from spans: both ways are compared with the direct count,
 * alone and side by side among the children of the regency and the district. On a due date (the grace period's last
 * day) and the day after (the lapse's first), the regency, the district and two villages are also compared with
 * {@link CoverageOracle} (billing's answer per worker and the base tables) after every step. Regency 14.05, which no other test uses.
 */
@IntegrationTest
class CoverageRollupsIntegrationTests {

    static final String REGENCY = "14.05";
    static final YearMonth FIRST = YearMonth.of(2026, 6);
    static final YearMonth LAST = YearMonth.of(2026, 11);

    @Autowired JdbcClient jdbc;
    @Autowired CoverageIndicators indicators;
    @Autowired CoverageRollups rollups;
    @Autowired BillingRuns runs;
    @Autowired Payments payments;
    @Autowired WorkerImports imports;
    @Autowired Regions regions;
    @Autowired MonthRulesSource monthRules;
    @Autowired Protection protection;
    @Autowired DesaSadarRules desaSadarRules;

    final Actor national = TestUsers.actor("coverage-rollup-admin", Role.ADMIN, "ID");
    final Actor dpmd = TestUsers.actor("coverage-rollup-dpmd", Role.DPMD, REGENCY);
    final TreeSet<LocalDate> dates = new TreeSet<>();
    final Random random = new Random(1405);
    int compared;
    int nearSeen;
    int reference;
    CoverageOracle oracle;

    @Test
    void theRollupsEqualADirectCountAfterEveryKindOfWrite() {
        List<String> districts = jdbc.sql("""
                select distinct left(code, 8) from region_area
                where level = 'VILLAGE' and kind = 'DESA' and active and code >= ? and code < ? order by 1 limit 2""")
                .params(REGENCY, REGENCY + "/").query(String.class).list();
        String imported = districts.get(0);
        String fixed = districts.get(1);
        List<String> villages = jdbc.sql("""
                select code from region_area where level = 'VILLAGE' and kind = 'DESA' and active and code >= ? and code < ?
                order by code limit 3""").params(fixed, fixed + "/").query(String.class).list();
        for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) {
            // billing's BPU due date (the grace period's last day; the 15th or the next working day), the lapse's first
            // day and the one after, and the back-payment window's last day and the day after
            MonthRules rules = monthRules.forMonth(m);
            LocalDate due = rules.dueDate(Segment.BPU);
            LocalDate windowEnd = due.plusMonths(rules.bpuBackPaymentMonths());
            dates.addAll(List.of(due, due.plusDays(1), due.plusDays(2), windowEnd, windowEnd.plusDays(1), m.atEndOfMonth(), m.atDay(1)));
        }
        dates.add(indicators.today());

        // an import through the import module, and workers registered village by village
        StringWriter csv = new StringWriter();
        WorkerFileGenerator.write(regions.within(RegionScope.of(imported), RegionLevel.VILLAGE).subList(0, 2), 6, 14, 0, csv);
        ImportBatch batch = CurrentActor.runAs(national, () -> imports.upload("coverage.csv",
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), new WorkerImports.Options(null, null, true)));
        assertThat(batch.workersCreated()).isPositive();
        oracle = new CoverageOracle(jdbc, protection, desaSadarRules, REGENCY);
        CoverageFixture fx = new CoverageFixture(jdbc);
        long apbd = fx.payer("APBD:" + REGENCY, "APBD", "Pemerintah Kabupaten", REGENCY);
        List<Long> workers = new ArrayList<>();
        List<long[]> selfPayers = new ArrayList<>();
        for (String village : villages) {
            long apbdes = fx.payer("APBDES:" + village, "APBDES", "Pemerintah Desa " + village, village);
            List<String> categories = List.of("KEPALA_DESA", "PERANGKAT_DESA", "PERANGKAT_DESA", "BPD", "RT_RW", "PETANI", "PETANI",
                    "NELAYAN");
            for (int i = 0; i < categories.size(); i++) {
                String category = categories.get(i);
                boolean poor = category.equals("PETANI") && i % 2 == 1;
                long worker = fx.worker(village, "Rollup " + village.substring(9) + " " + i, category, poor, poor ? 1 + i % 3 : null);
                workers.add(worker);
                LocalDate start = LocalDate.of(2026, 3 + random.nextInt(5), 1 + random.nextInt(28));
                dates.addAll(List.of(start.minusDays(1), start));
                // the second perangkat desa, the RT/RW and the farmers pay for themselves (BPU)
                boolean bpu = i == 2 || i >= 4;
                if (bpu) {
                    long self = fx.payer("SELF:" + fx.nik(worker), "SELF", "Peserta mandiri", village);
                    for (String program : List.of("JKK", "JKM")) {
                        fx.term(worker, village, program, "BPU", null, self, start);
                    }
                    selfPayers.add(new long[] {self, i == 2 ? random.nextInt(3) : random.nextInt(4)});
                } else {
                    long payer = category.equals("BPD") ? apbd : apbdes;
                    for (String program : List.of("JKK", "JKM", "JHT")) {
                        fx.term(worker, village, program, "PU", payer, payer, start);
                    }
                }
            }
        }
        // one village with many workers (over the tests' threshold of 40, config/application.properties): it and its
        // district are read from per-day changes, the other villages and districts from their spans
        String large = villages.get(0);
        List<String> crowd = List.of("PETANI", "NELAYAN", "PETANI", "PEDAGANG_UMKM", "PERANGKAT_DESA");
        for (int d = 0; d < 4; d++) {
            long donor = fx.payer("DONOR:" + large + ":" + d, "DONOR", "Donatur " + d, large);
            // donor 0 pays on time, 1 a month late, 2 two months then stops, 3 never (until the back-payments)
            selfPayers.add(new long[] {donor, d});
            for (int i = 0; i < 15; i++) {
                String category = crowd.get((d + i) % crowd.size());
                boolean poor = i % 4 == 0;
                long worker = fx.worker(large, "Banyak " + d + " " + i, category, poor, poor ? 1 + i % 10 : null);
                LocalDate start = LocalDate.of(2026, 3 + random.nextInt(7), 1 + random.nextInt(28));
                dates.addAll(List.of(start.minusDays(1), start));
                for (String program : List.of("JKK", "JKM")) {
                    fx.term(worker, large, program, "BPU", null, donor, start);
                }
                if (i % 5 == 0) {
                    // a few leave before the end: their spans close inside the history
                    LocalDate end = start.plusDays(40 + random.nextInt(90));
                    fx.close(worker, end, "RESIGNED");
                    dates.addAll(List.of(end.minusDays(1), end));
                }
            }
        }
        compare("after the import and registrations", villages);
        assertThat(jdbc.sql("select grp from coverage_levelled_group where grp in (?, ?, ?) order by grp")
                .params(large, large.substring(0, 8), villages.get(1)).query(String.class).list())
                .as("the large village and its district are levelled, a small village is not")
                .containsExactly(large.substring(0, 8), large);

        for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) {
            YearMonth month = m;
            CurrentActor.runAs(dpmd, () -> runs.run(month, dpmd, true));
        }
        compare("after the billing runs", villages);

        // self-payers: 0 on time, 1 a month late (inside the window), 2 July and August then stops, 3 never
        for (long[] s : selfPayers) {
            String code = jdbc.sql("select code from payer where id = ?").param(s[0]).query(String.class).single();
            for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) {
                LocalDate on = switch ((int) s[1]) {
                    case 0 -> m.atDay(10);
                    case 1 -> m.plusMonths(1).atDay(20);
                    case 2 -> m.isBefore(FIRST.plusMonths(2)) ? m.atDay(5) : null;
                    default -> null;
                };
                BigDecimal owed = owed(code, m);
                if (owed.signum() > 0 && on != null && !on.isAfter(indicators.today())) {
                    pay(code, on, owed);
                    dates.add(on);
                }
            }
        }
        for (String village : villages) {
            pay("APBDES:" + village, LocalDate.of(2026, 10, 25), owed("APBDES:" + village, null));
        }
        long reversed = pay("APBD:" + REGENCY, LocalDate.of(2026, 8, 20), owed("APBD:" + REGENCY, null));
        compare("after payments", villages);

        long moving = workers.get(6);
        LocalDate moved = LocalDate.of(2026, 9, 1);
        List<Map<String, Object>> open = jdbc.sql("select * from membership_term where worker_id = ? and valid_to is null")
                .param(moving).query().listOfRows();
        fx.close(moving, moved, "TRANSFERRED");
        for (Map<String, Object> t : open) {
            if (((Date) t.get("valid_from")).toLocalDate().isBefore(moved)) {
                fx.term(moving, villages.get(2), (String) t.get("program"), (String) t.get("segment"),
                        (Long) t.get("employer_payer_id"), (Long) t.get("worker_payer_id"), moved);
            }
        }
        jdbc.sql("update worker set village_code = ? where id = ?").params(villages.get(2), moving).update();
        dates.addAll(List.of(moved.minusDays(1), moved));
        compare("after a transfer", villages);

        fx.close(workers.get(1), LocalDate.of(2026, 10, 10), "DECEASED");
        jdbc.sql("update worker set status = 'DECEASED' where id = ?").param(workers.get(1)).update();
        fx.close(workers.get(13), LocalDate.of(2026, 9, 20), "RESIGNED");
        dates.addAll(List.of(LocalDate.of(2026, 10, 9), LocalDate.of(2026, 10, 10), LocalDate.of(2026, 10, 11),
                LocalDate.of(2026, 9, 19), LocalDate.of(2026, 9, 20)));
        compare("after a death and a resignation", villages);

        CurrentActor.runAs(national, () -> payments.reverse(reversed, "posted twice by the bank", national));
        compare("after a payment reversal", villages);

        jdbc.sql("update worker set category = 'PERANGKAT_DESA' where id = ?").param(workers.get(5)).update();
        jdbc.sql("update worker set category = 'BPD', extreme_poverty = true, poverty_decile = 2 where id = ?")
                .param(workers.get(10)).update();
        compare("after category changes", villages);

        // every self-paying official pays everything still owed: late months inside the window protect again
        for (long[] s : selfPayers) {
            String code = jdbc.sql("select code from payer where id = ?").param(s[0]).query(String.class).single();
            BigDecimal owed = owed(code, null);
            if (owed.signum() > 0) {
                pay(code, indicators.today(), owed);
            }
        }
        compare("after back-payments", villages);

        rollups.rebuild();
        compare("after a rebuild from nothing", villages);

        // a later rule with a share of BPD and RT/RW and a wider near miss: the kept near misses follow the rule in
        // force each day (the rules changed, so the next read rebuilds), as the direct read judges them
        jdbc.sql("""
                insert into coverage_desa_sadar_rule (valid_from, required_present, required_all, share_categories,
                    share_min_percent, near_miss_max, regulation, sources)
                values ('2026-09-01', '{KEPALA_DESA}', '{KEPALA_DESA,PERANGKAT_DESA}', '{BPD,RT_RW}', 50, 4, 'test rule', 'S118')""")
                .update();
        try {
            compare("under a rule with a share", villages);
        } finally {
            jdbc.sql("delete from coverage_desa_sadar_rule where valid_from = '2026-09-01'").update();
        }
        compare("back under the first rule", villages);
        assertThat(compared).isGreaterThan(500);
        // the comparisons were of two ways of counting, and of a history where every answer occurs
        assertThat(rollups.answers(indicators.today())).isTrue();
        assertThat(jdbc.sql("select count(*) from coverage_worker_span where village_code >= ? and village_code < ?")
                .params(REGENCY, REGENCY + "/").query(Long.class).single()).isPositive();
        assertThat(statuses).contains(DesaSadarVillages.Status.SADAR, DesaSadarVillages.Status.NEAR, DesaSadarVillages.Status.NO);
        assertThat(nearSeen).isPositive();
        assertThat(protectedSeen).isPositive();
        assertThat(unprotectedSeen).isPositive();
    }

    /**
     * A payment names its worker in billing's change log (V146), so the next read recomputes that worker only, not the
     * other 44 of a levelled village, and still answers exactly: the village, its district, regency and province and
     * the district's children equal the direct count on the days around every due date, window end and the payment.
     * Regency 14.07, which no other test uses.
     */
    @Test
    void aPaymentInALevelledVillageRecomputesOnlyItsWorkerAndStaysExact() {
        String village = jdbc.sql("""
                select min(code) from region_area where level = 'VILLAGE' and kind = 'DESA' and active
                and code >= '14.07' and code < '14.07/'""").query(String.class).single();
        Actor regencyDpmd = TestUsers.actor("coverage-rollup-dpmd-1407", Role.DPMD, "14.07");
        CoverageFixture fx = new CoverageFixture(jdbc);
        List<String> payers = new ArrayList<>();
        LocalDate start = LocalDate.of(2026, 6, 1);
        for (int i = 0; i < 45; i++) {
            long worker = fx.worker(village, "Petani Besar " + i, "PETANI", false, null);
            long self = fx.payer("SELF:" + fx.nik(worker), "SELF", "Peserta mandiri", village);
            payers.add("SELF:" + fx.nik(worker));
            for (String program : List.of("JKK", "JKM")) {
                fx.term(worker, village, program, "BPU", null, self, start);
            }
        }
        for (YearMonth m = YearMonth.of(2026, 6); !m.isAfter(YearMonth.of(2026, 9)); m = m.plusMonths(1)) {
            YearMonth month = m;
            CurrentActor.runAs(regencyDpmd, () -> runs.run(month, regencyDpmd, true));
        }
        rollups.refresh();
        assertThat(jdbc.sql("select count(*) from coverage_levelled_group where grp = ?").param(village).query(Long.class).single())
                .as("the village is levelled (over the tests' threshold of 40 workers)").isOne();
        // a large write logs the village without a worker: all its workers are recomputed, and the work tables are
        // truncated (over the tests' 40 rows), not left with dead pages the next refresh would plan as that many workers
        jdbc.sql("insert into billing_village_change (village_code) values (?)").param(village).update();
        CoverageRollups.Refresh whole = rollups.refresh();
        assertThat(whole.full()).isFalse();
        assertThat(whole.workers()).isGreaterThanOrEqualTo(45);
        assertThat(jdbc.sql("""
                select pg_relation_size('coverage_refresh_worker') + pg_relation_size('coverage_span_stage')
                    + pg_relation_size('coverage_money_worker_stage')""").query(Long.class).single())
                .as("a large refresh leaves no pages in its work tables").isZero();

        // one worker pays everything owed, late: the months still inside their back-payment window protect again
        LocalDate on = LocalDate.of(2026, 9, 20);
        pay(payers.get(7), on, owed(payers.get(7), null));
        CoverageRollups.Refresh refresh = rollups.refresh();

        assertThat(refresh.full()).isFalse();
        assertThat(refresh.workers()).as("only the paying worker is recomputed").isOne();
        assertThat(refresh.villages()).as("a farmer is no Desa Sadar person: no desa is judged again").isZero();
        assertThat(moneyRows(refresh)).as("only the paying worker's money is summed again").isOne();
        TreeSet<LocalDate> days = new TreeSet<>(List.of(on.minusDays(1), on, on.plusDays(1), start.minusDays(1), start,
                indicators.today()));
        for (YearMonth m = YearMonth.of(2026, 6); !m.isAfter(YearMonth.of(2026, 9)); m = m.plusMonths(1)) {
            LocalDate due = m.atDay(15);
            days.addAll(List.of(due, due.plusDays(1), m.atEndOfMonth(), due.plusMonths(3), due.plusMonths(3).plusDays(1)));
        }
        String district = village.substring(0, 8);
        CurrentActor.runAs(national, () -> {
            for (LocalDate date : days) {
                for (String region : List.of(village, district, "14.07", "14")) {
                    assertThat(indicators.of(region, date)).as(region + " on " + date)
                            .isEqualTo(indicators.of(region, date, null, null, true));
                }
                assertThat(indicators.children(district, date)).as("children of " + district + " on " + date)
                        .isEqualTo(indicators.children(district, date, true));
            }
            return null;
        });
        Coverage after = CurrentActor.runAs(national, () -> indicators.of(village, on));
        assertThat(after.protectedWorkers()).as("the payer protected again on the payment day").isPositive();
    }

    /**
     * Money is kept per worker and village (V157): a payment, its reversal and a re-bill (a death recorded late, whose
     * later months the next run reverses) each sum one worker's lines again, not the other 44 of a levelled village,
     * from the earliest month the write changed (V171: the months before are kept from the worker's row), and
     * add new minus old to the village and its groups, whose billed and paid equal the direct sum over the lines on the
     * days around the payment and over the whole year. Regency 14.08, which no other test uses.
     */
    @Test
    void aPaymentAReversalAndAReBillSumOnlyTheirWorkersMoneyAgain() {
        String village = jdbc.sql("""
                select min(code) from region_area where level = 'VILLAGE' and kind = 'DESA' and active
                and code >= '14.08' and code < '14.08/'""").query(String.class).single();
        Actor regencyDpmd = TestUsers.actor("coverage-rollup-dpmd-1408", Role.DPMD, "14.08");
        CoverageFixture fx = new CoverageFixture(jdbc);
        List<String> payers = new ArrayList<>();
        List<Long> farmers = new ArrayList<>();
        LocalDate start = LocalDate.of(2026, 6, 1);
        for (int i = 0; i < 45; i++) {
            long worker = fx.worker(village, "Petani Uang " + i, "PETANI", false, null);
            long self = fx.payer("SELF:" + fx.nik(worker), "SELF", "Peserta mandiri", village);
            payers.add("SELF:" + fx.nik(worker));
            farmers.add(worker);
            for (String program : List.of("JKK", "JKM")) {
                fx.term(worker, village, program, "BPU", null, self, start);
            }
        }
        for (YearMonth m = YearMonth.of(2026, 6); !m.isAfter(YearMonth.of(2026, 9)); m = m.plusMonths(1)) {
            YearMonth month = m;
            CurrentActor.runAs(regencyDpmd, () -> runs.run(month, regencyDpmd, true));
        }
        // everyone else pays June, so the village's money has settled rows besides the one worker's
        for (int i = 0; i < payers.size(); i++) {
            BigDecimal june = owed(payers.get(i), YearMonth.of(2026, 6));
            if (i != 7 && june.signum() > 0) {
                pay(payers.get(i), LocalDate.of(2026, 6, 10), june);
            }
        }
        rollups.refresh();
        LocalDate on = LocalDate.of(2026, 9, 20);
        List<LocalDate> days = List.of(LocalDate.of(2026, 6, 9), LocalDate.of(2026, 6, 10), on.minusDays(1), on,
                LocalDate.of(2026, 10, 31), indicators.today());

        // a payment of July only: its worker's money is summed from July (V171), June's is kept from its row as it was
        pay(payers.get(3), LocalDate.of(2026, 7, 12), owed(payers.get(3), YearMonth.of(2026, 7)));
        CoverageRollups.Refresh july = rollups.refresh();
        assertThat(moneyRows(july)).as("a payment of July sums its worker's money again").isOne();
        assertMoneyExact("after a payment of July", village, List.of(LocalDate.of(2026, 6, 10), LocalDate.of(2026, 7, 11),
                LocalDate.of(2026, 7, 12), indicators.today()));

        long payment = pay(payers.get(7), on, owed(payers.get(7), null));
        CoverageRollups.Refresh paid = rollups.refresh();
        assertThat(moneyRows(paid)).as("a payment sums its worker's money again").isOne();
        assertMoneyExact("after the payment", village, days);

        CurrentActor.runAs(national, () -> {
            payments.reverse(payment, "posted twice by the bank", national);
            return null;
        });
        CoverageRollups.Refresh reversed = rollups.refresh();
        assertThat(moneyRows(reversed)).as("a reversal sums its worker's money again").isOne();
        assertMoneyExact("after the reversal", village, days);

        long dying = farmers.get(7);
        fx.close(dying, LocalDate.of(2026, 7, 10), "DECEASED");
        jdbc.sql("update worker set status = 'DECEASED' where id = ?").param(dying).update();
        CurrentActor.runAs(regencyDpmd, () -> runs.run(YearMonth.of(2026, 9), regencyDpmd, true));
        assertThat(jdbc.sql("select count(*) from bill_line where worker_id = ? and kind = 'REVERSAL'").param(dying)
                .query(Long.class).single()).as("the run reversed the months after the death").isPositive();
        CoverageRollups.Refresh rebilled = rollups.refresh();
        assertThat(moneyRows(rebilled)).as("a re-bill sums its worker's money again").isOne();
        assertMoneyExact("after the re-bill", village, days);

        assertThat(jdbc.sql("select count(*) from coverage_money_worker where village_code = ?").param(village)
                .query(Long.class).single()).as("one money row per worker of the village").isEqualTo(45);
    }

    /** The rows the refresh's money step summed again (village and worker pairs). */
    private static long moneyRows(CoverageRollups.Refresh refresh) {
        return refresh.steps().stream().filter(s -> s.name().equals("money")).mapToLong(CoverageRollups.Step::rows).sum();
    }

    /** Billed and paid of the village and its groups, from the rollups, equal the direct sum on the days and the year. */
    private void assertMoneyExact(String step, String village, List<LocalDate> days) {
        CurrentActor.runAs(national, () -> {
            for (String region : List.of(village, village.substring(0, 8), village.substring(0, 5), village.substring(0, 2))) {
                for (LocalDate date : days) {
                    Coverage rolled = indicators.of(region, date);
                    Coverage direct = indicators.of(region, date, null, null, true);
                    assertThat(rolled.money()).as(step + ": money of " + region + " on " + date).isEqualTo(direct.money());
                    assertThat(rolled).as(step + ": " + region + " on " + date).isEqualTo(direct);
                }
                LocalDate from = LocalDate.of(2026, 1, 1);
                LocalDate to = LocalDate.of(2026, 12, 31);
                assertThat(indicators.of(region, to, from, to)).as(step + ": " + region + " over 2026")
                        .isEqualTo(indicators.of(region, to, from, to, true));
            }
            return null;
        });
    }

    final java.util.Set<DesaSadarVillages.Status> statuses = new java.util.HashSet<>();
    long protectedSeen;
    long unprotectedSeen;

    private BigDecimal owed(String payer, YearMonth month) {
        return new CoverageFixture(jdbc).owed(payer, month);
    }

    private long pay(String payer, LocalDate on, BigDecimal amount) {
        return CurrentActor.runAs(national, () -> payments.record(
                new Payments.PaymentRequest(payer, "ROLLUP-" + (reference++), on, amount, "BANK"), national)).id();
    }

    /** Every object from the rollups equals the direct count, on a sample of the boundary days. */
    private void compare(String step, List<String> villages) {
        String district = villages.get(0).substring(0, 8);
        List<String> regionsToCompare = List.of("ID", REGENCY.substring(0, 2), REGENCY, district, villages.get(0),
                villages.get(random.nextInt(villages.size())));
        List<String> parents = List.of("ID", REGENCY.substring(0, 2), REGENCY, district);
        List<LocalDate> all = new ArrayList<>(dates);
        // every step compares the days around one month's due date and window end, and ten days drawn from the rest
        List<LocalDate> sample = new ArrayList<>(List.of(indicators.today()));
        YearMonth month = FIRST.plusMonths(random.nextInt(LAST.getMonthValue() - FIRST.getMonthValue() + 1));
        MonthRules rules = monthRules.forMonth(month);
        LocalDate due = rules.dueDate(Segment.BPU);
        sample.addAll(List.of(due, due.plusDays(1), due.plusDays(2), due.plusMonths(rules.bpuBackPaymentMonths()),
                due.plusMonths(rules.bpuBackPaymentMonths()).plusDays(1)));
        for (int i = 0; i < 10; i++) {
            sample.add(all.get(random.nextInt(all.size())));
        }
        CurrentActor.runAs(national, () -> {
            for (LocalDate date : sample) {
                for (String region : regionsToCompare) {
                    assertThat(indicators.of(region, date)).as(step + ": " + region + " on " + date)
                            .isEqualTo(indicators.of(region, date, null, null, true));
                    compared++;
                }
                for (String parent : parents) {
                    assertThat(indicators.children(parent, date)).as(step + ": children of " + parent + " on " + date)
                            .isEqualTo(indicators.children(parent, date, true));
                    compared++;
                }
                if (sample.indexOf(date) == 1 || sample.indexOf(date) == 2) {
                    // the grace period's last day and the lapse's first: also against billing's answer per worker and
                    // the base tables, not only against the direct count the rollups replace (each costs a billing
                    // answer per worker of the regency, so two days a step)
                    List<CoverageOracle.Fact> facts = oracle.facts(date);
                    for (String region : List.of(REGENCY, district, villages.get(0), villages.get(2))) {
                        oracle.assertEquals(indicators.of(region, date), facts, step + ": oracle for " + region + " on " + date);
                    }
                }
                DesaSadarVillages list = indicators.desaSadar(district, date, null);
                assertThat(list).as(step + ": Desa Sadar of " + district + " on " + date)
                        .isEqualTo(indicators.desaSadar(district, date, null, true));
                // the near-miss list reads only the desa the rollups keep as near misses (V185): none left out
                for (String region : List.of(district, REGENCY)) {
                    DesaSadarVillages near = indicators.desaSadar(region, date, DesaSadarVillages.Status.NEAR);
                    assertThat(near).as(step + ": near misses of " + region + " on " + date)
                            .isEqualTo(indicators.desaSadar(region, date, DesaSadarVillages.Status.NEAR, true));
                    nearSeen += near.villages().size();
                }
                list.villages().forEach(v -> statuses.add(v.status()));
                Coverage c = indicators.of(district, date);
                protectedSeen += c.protectedWorkers();
                unprotectedSeen += c.registered() - c.protectedWorkers();
            }
            return null;
        });
    }
}
