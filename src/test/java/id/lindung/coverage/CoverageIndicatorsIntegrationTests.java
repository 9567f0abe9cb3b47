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
import id.lindung.shared.Segment;
import id.lindung.coverage.internal.DesaSadarRules;
import id.lindung.importing.ImportBatch;
import id.lindung.importing.WorkerFileGenerator;
import id.lindung.importing.WorkerImports;
import id.lindung.region.RegionLevel;
import id.lindung.region.Regions;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every indicator equals a direct count on generated data at boundary dates. The oracle asks billing itself for each
 * worker's protection ({@link Protection#ofWorker}, the answer of GET /api/v1/workers/{nik}/protection) and reads the
 * base tables for terms and money, so a set-based shortcut that drifts from billing's rule fails here. The history
 * has PU apparatus paid by the village and the regency, self-paying BPU workers who pay on time, late within the
 * window, too late or never, workers imported through the import module, resignations, a transfer between villages, a
 * death, five billing runs, payments and a reversal; dates are billing's own BPU due dates (the grace period's last
 * day, moved off the 15th by weekends and holidays), the lapse's first day and the day after, every back-payment
 * window's last day and the day after, month ends and term boundaries. Besides the counts, the oracle checks the
 * potential and ratio (one village has its own figure; null elsewhere), every category and decile, benefits paid from
 * the claims' view and the loss ratio (null over nothing paid). Regency 18.06 (Tanggamus), which no other test uses.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoverageIndicatorsIntegrationTests {

    static final String REGENCY = "18.06";
    static final List<String> VILLAGES = List.of("18.06.01.2016", "18.06.01.2019", "18.06.01.2020", "18.06.01.1002",
            "18.06.02.2015", "18.06.02.2016");
    static final YearMonth FIRST = YearMonth.of(2026, 7);
    static final YearMonth LAST = YearMonth.of(2026, 11);

    @Autowired JdbcClient jdbc;
    @Autowired CoverageIndicators indicators;
    @Autowired Protection protection;
    @Autowired BillingRuns runs;
    @Autowired Payments payments;
    @Autowired DesaSadarRules desaSadarRules;
    @Autowired MonthRulesSource monthRules;
    @Autowired WorkerImports imports;
    @Autowired Regions regions;

    final Actor dpmd = TestUsers.actor("coverage-dpmd", Role.DPMD, REGENCY);
    final Actor national = TestUsers.actor("coverage-admin", Role.ADMIN, "ID");
    final Set<LocalDate> dates = new TreeSet<>();
    final List<Long> workers = new ArrayList<>();
    CoverageOracle oracle;
    /** Each billed month's BPU due date (the last day IN_GRACE) as billing has it, holidays and weekends moved. */
    final Map<YearMonth, LocalDate> bpuDue = new HashMap<>();
    /** A village with its own potential workforce figure for 2026, so one ratio is a figure and others are null. */
    static final String POTENTIAL_VILLAGE = "18.06.01.2019";

    @BeforeAll
    void history() {
        oracle = new CoverageOracle(jdbc, protection, desaSadarRules, REGENCY);
        CoverageFixture fx = new CoverageFixture(jdbc);
        Random random = new Random(14);
        long apbd = fx.payer("APBD:" + REGENCY, "APBD", "Pemerintah Kabupaten Tanggamus", REGENCY);
        long employer = fx.payer("EMPLOYER:" + REGENCY + ":KOPERASI CAKUPAN", "EMPLOYER", "Koperasi Cakupan", REGENCY);
        List<long[]> selfPayers = new ArrayList<>();
        for (String village : VILLAGES) {
            boolean desa = village.substring(9).startsWith("2");
            long apbdes = desa ? fx.payer("APBDES:" + village, "APBDES", "Pemerintah Desa " + village, village) : apbd;
            List<String> categories = new ArrayList<>(List.of("KEPALA_DESA", "PERANGKAT_DESA", "PERANGKAT_DESA", "BPD", "RT_RW",
                    "PETANI", "NELAYAN", "PETANI", "HONORER"));
            if (random.nextBoolean()) {
                categories.add("PERANGKAT_DESA");
            }
            for (int i = 0; i < categories.size(); i++) {
                String category = categories.get(i);
                boolean poor = category.equals("PETANI") && random.nextBoolean();
                long worker = fx.worker(village, "Cakupan " + village.substring(9) + " " + i, category, poor,
                        poor ? (random.nextInt(4) == 0 ? null : 1 + random.nextInt(3)) : null);
                workers.add(worker);
                LocalDate start = LocalDate.of(2026, 3 + random.nextInt(7), 1 + random.nextInt(28));
                dates.add(start);
                dates.add(start.minusDays(1));
                boolean bpu = category.equals("PETANI") || category.equals("NELAYAN")
                        || (category.equals("PERANGKAT_DESA") && random.nextInt(3) == 0);
                if (bpu) {
                    long self = fx.payer("SELF:" + fx.nik(worker), "SELF", "Peserta mandiri", village);
                    fx.term(worker, village, "JKK", "BPU", null, self, start);
                    fx.term(worker, village, "JKM", "BPU", null, self, start);
                    if (random.nextBoolean()) {
                        fx.term(worker, village, "JHT", "BPU", null, self, start);
                    }
                    selfPayers.add(new long[] {self, random.nextInt(4)});
                } else {
                    long payer = switch (category) {
                        case "HONORER" -> employer;
                        case "BPD", "RT_RW" -> apbd;
                        default -> apbdes;
                    };
                    for (String program : List.of("JKK", "JKM", "JHT")) {
                        fx.term(worker, village, program, "PU", payer, payer, start);
                    }
                }
            }
        }
        // workers imported through the import module (terms from 2025-01-01, each payer kind the file names)
        StringWriter csv = new StringWriter();
        WorkerFileGenerator.write(regions.within(RegionScope.of(VILLAGES.get(5)), RegionLevel.VILLAGE), 8, 1806, 0, csv);
        ImportBatch batch = CurrentActor.runAs(national, () -> imports.upload("cakupan.csv",
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), new WorkerImports.Options(null, null, true)));
        assertThat(batch.workersCreated()).isPositive();
        // resignations, a death and a transfer
        long resigned = workers.get(5);
        fx.close(resigned, LocalDate.of(2026, 9, 20), "RESIGNED");
        long deceased = workers.get(12);
        fx.close(deceased, LocalDate.of(2026, 10, 10), "DECEASED");
        long moving = workers.get(20);
        LocalDate moved = LocalDate.of(2026, 10, 1);
        List<Map<String, Object>> open = jdbc.sql("select * from membership_term where worker_id = ? and valid_to is null")
                .param(moving).query().listOfRows();
        fx.close(moving, moved, "TRANSFERRED");
        for (Map<String, Object> t : open) {
            if (((Date) t.get("valid_from")).toLocalDate().isBefore(moved)) {
                fx.term(moving, VILLAGES.get(4), (String) t.get("program"), (String) t.get("segment"),
                        (Long) t.get("employer_payer_id"), (Long) t.get("worker_payer_id"), moved);
            }
        }
        jdbc.sql("update worker set village_code = ?, status = 'ACTIVE' where id = ?").params(VILLAGES.get(4), moving).update();
        jdbc.sql("update worker set status = 'DECEASED' where id = ?").param(deceased).update();
        dates.addAll(List.of(LocalDate.of(2026, 9, 19), LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 9),
                LocalDate.of(2026, 10, 10), LocalDate.of(2026, 10, 11), moved.minusDays(1), moved));

        for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) {
            YearMonth month = m;
            CurrentActor.runAs(dpmd, () -> runs.run(month, dpmd, true));
            // the grace period's last day is billing's due date (the 15th, or the next working day), the lapse
            // begins the day after; a back-payment counts up to the due date plus the window
            MonthRules rules = monthRules.forMonth(m);
            LocalDate due = rules.dueDate(Segment.BPU);
            LocalDate windowEnd = due.plusMonths(rules.bpuBackPaymentMonths());
            bpuDue.put(m, due);
            dates.addAll(List.of(due.minusDays(1), due, due.plusDays(1), due.plusDays(2), m.atEndOfMonth(),
                    windowEnd, windowEnd.plusDays(1)));
        }
        jdbc.sql("""
                insert into potential_workforce (region_code, year, potential_workers, source, recorded_by)
                values (?, 2026, 40, 'test', 'test')""").param(POTENTIAL_VILLAGE).update();
        // self-payers: 0 pays every month before its due date, 1 pays each month a month late (inside the window),
        // 2 pays July and August then stops, 3 never pays
        int reference = 0;
        for (long[] s : selfPayers) {
            String code = jdbc.sql("select code from payer where id = ?").param(s[0]).query(String.class).single();
            for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) {
                BigDecimal owed = jdbc.sql("select coalesce(sum(amount), 0) from bill_line where payer_id = ? and month = ?")
                        .params(s[0], Date.valueOf(m.atDay(1))).query(BigDecimal.class).single();
                LocalDate on = switch ((int) s[1]) {
                    case 0 -> m.atDay(10);
                    case 1 -> m.plusMonths(1).atDay(20);
                    case 2 -> m.isBefore(FIRST.plusMonths(2)) ? m.atDay(5) : null;
                    default -> null;
                };
                if (owed.signum() > 0 && on != null && on.isBefore(LocalDate.of(2026, 12, 2))) {
                    pay(code, "COV-" + (reference++), on, owed);
                    dates.add(on);
                }
            }
        }
        // the villages pay their apparatus' July to September; the regency pays July only
        for (String village : VILLAGES) {
            if (village.substring(9).startsWith("2")) {
                payAll("APBDES:" + village, LocalDate.of(2026, 10, 25));
            }
        }
        long reversed = payAll("APBD:" + REGENCY, LocalDate.of(2026, 8, 20));
        CurrentActor.runAs(national, () -> payments.reverse(reversed, "posted twice by the bank", national));
        dates.add(LocalDate.of(2026, 12, 1));
        dates.add(LocalDate.of(2025, 12, 31));
    }

    @AfterAll
    void forgetThePotential() {
        jdbc.sql("delete from potential_workforce where region_code = ? and year = 2026 and source = 'test'")
                .param(POTENTIAL_VILLAGE).update();
    }

    private long pay(String payer, String reference, LocalDate on, BigDecimal amount) {
        return CurrentActor.runAs(dpmd, () -> payments.record(new Payments.PaymentRequest(payer, reference, on, amount, "BANK"), dpmd)).id();
    }

    /** Pays a payer's bills of July to September at once. */
    private long payAll(String payer, LocalDate on) {
        BigDecimal owed = jdbc.sql("""
                select coalesce(sum(l.amount), 0) from bill_line l join payer p on p.id = l.payer_id
                where p.code = ? and l.month between date '2026-07-01' and date '2026-09-01'""")
                .param(payer).query(BigDecimal.class).single();
        return pay(payer, "COV-" + payer, on, owed);
    }

    @Test
    void everyIndicatorEqualsADirectCountAtEveryBoundaryDate() {
        Random random = new Random(2026);
        int compared = 0;
        long protectedSeen = 0;
        long lapsedSeen = 0;
        for (LocalDate date : dates) {
            List<CoverageOracle.Fact> facts = oracle.facts(date);
            List<String> regions = new ArrayList<>(List.of(REGENCY, "18.06.01", "18.06.02"));
            regions.add(VILLAGES.get(random.nextInt(VILLAGES.size())));
            for (String region : regions) {
                Coverage c = CurrentActor.runAs(dpmd, () -> indicators.of(region, date));
                oracle.assertEquals(c, facts, region + " on " + date);
                compared++;
            }
            for (Coverage child : CurrentActor.runAs(dpmd, () -> indicators.children("18.06.01", date))) {
                oracle.assertEquals(child, facts, "child " + child.region() + " on " + date);
            }
            protectedSeen += facts.stream().filter(CoverageOracle.Fact::protectedOnDate).count();
            lapsedSeen += facts.stream().filter(f -> !f.protectedOnDate()).count();
        }
        // the history is not trivial: both answers occur
        assertThat(compared).isGreaterThan(100);
        // the dates hold billing's own due dates, one of them moved off the 15th (a weekend or holiday), and at least
        // one lapse: fewer protected on the day after a due date than on the due date itself, the grace period's last day
        assertThat(bpuDue.values()).as("a due date moved off the 15th").anyMatch(d -> d.getDayOfMonth() != 15);
        assertThat(bpuDue.values()).as("a lapse on the day after a due date").anyMatch(due ->
                oracle.facts(due).stream().filter(CoverageOracle.Fact::protectedOnDate).count() > oracle.facts(due.plusDays(1)).stream().filter(CoverageOracle.Fact::protectedOnDate).count());
        assertThat(protectedSeen).isPositive();
        assertThat(lapsedSeen).isPositive();
    }

    @Test
    void aRegencyOfficeSeesNeitherTheNationNorAnotherRegency() {
        CurrentActor.runAs(dpmd, () -> {
            assertThat(indicators.of(REGENCY, LocalDate.of(2026, 11, 1)).region()).isEqualTo(REGENCY);
            assertThat(indicators.of(null, LocalDate.of(2026, 11, 1)).region()).isEqualTo(REGENCY);
            for (String other : List.of("ID", "18", "18.07", "18.07.01.2001")) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> indicators.of(other, LocalDate.of(2026, 11, 1)))
                        .as(other).isInstanceOf(id.lindung.platform.NotFoundException.class);
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> indicators.children(other, LocalDate.of(2026, 11, 1)))
                        .as(other).isInstanceOf(id.lindung.platform.NotFoundException.class);
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> indicators.desaSadar(other, LocalDate.of(2026, 11, 1), null))
                        .as(other).isInstanceOf(id.lindung.platform.NotFoundException.class);
            }
        });
        Coverage nation = CurrentActor.runAs(national, () -> indicators.of("ID", LocalDate.of(2026, 11, 1)));
        Coverage regency = CurrentActor.runAs(dpmd, () -> indicators.of(REGENCY, LocalDate.of(2026, 11, 1)));
        assertThat(nation.registered()).isGreaterThanOrEqualTo(regency.registered());
        assertThat(nation.desaSadar().desa()).isGreaterThan(70_000);
    }

    @Test
    void theTrendHasOneObjectPerMonthEndAndEqualsTheObjectOfThatDate() {
        List<Coverage> trend = CurrentActor.runAs(dpmd, () -> indicators.trend(REGENCY, YearMonth.of(2026, 6), YearMonth.of(2026, 11)));
        assertThat(trend).extracting(Coverage::date).containsExactly(LocalDate.of(2026, 6, 30), LocalDate.of(2026, 7, 31),
                LocalDate.of(2026, 8, 31), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 30));
        Coverage october = CurrentActor.runAs(dpmd, () -> indicators.of(REGENCY, LocalDate.of(2026, 10, 31),
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)));
        assertThat(trend.get(4)).isEqualTo(october);
    }
}
