package id.lindung.budget;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.billing.BillingRuns;
import id.lindung.contribution.ContributionCalculator;
import id.lindung.contribution.ContributionQuote;
import id.lindung.contribution.ContributionRequest;
import id.lindung.regulation.DatedValue;
import id.lindung.regulation.Reference;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.regulation.Unit;
import id.lindung.shared.Programme;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Rupiah;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestClock;
import id.lindung.support.TestUsers;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class BudgetPlansIntegrationTests {

    static final String DESA = "72.04.02.2001";
    static final Actor ADMIN = TestUsers.actor("budget-admin", Role.ADMIN, "ID");
    static final Actor DPMD = TestUsers.actor("budget-dpmd", Role.DPMD, "72.04");

    @Autowired JdbcClient jdbc;
    @Autowired BillingRuns runs;
    @Autowired BudgetPlans plans;
    @Autowired UserAccounts accounts;
    @Autowired RegulationCatalog catalog;
    @LocalServerPort int port;
    BudgetFixture fx;

    @BeforeEach
    void setUp() {
        fx = new BudgetFixture(jdbc);
    }

    @Test
    void aPlanForAPastYearEqualsRupiahForRupiahTheSumOfThatYearsBillsForTheSamePayerAndPeople() {
        long village = fx.payer("APBDES:" + DESA, "APBDES", "Pemerintah Desa Banagan", DESA);
        long kades = fx.worker(DESA, "Kepala Desa Banagan", "KEPALA_DESA", LocalDate.of(1970, 5, 1), null);
        for (String p : List.of("JKK", "JKM", "JHT", "JP")) {
            fx.term(kades, DESA, p, "PU", "11000000", "VERY_LOW", village, village, LocalDate.of(2024, 6, 1), null, null);
        }
        long joiner = fx.worker(DESA, "Kaur Baru", "PERANGKAT_DESA", LocalDate.of(1990, 2, 3), null);
        fx.term(joiner, DESA, "JKK", "PU", "2022200", "VERY_LOW", village, village, LocalDate.of(2025, 4, 20), null, null);
        fx.term(joiner, DESA, "JKM", "PU", "2022200", null, village, village, LocalDate.of(2025, 4, 20), null, null);
        long raised = fx.worker(DESA, "Kasi Naik Gaji", "PERANGKAT_DESA", LocalDate.of(1985, 7, 8), null);
        fx.term(raised, DESA, "JHT", "PU", "2000000", null, village, village, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 7, 15), "CHANGED");
        fx.term(raised, DESA, "JHT", "PU", "2500000", null, village, village, LocalDate.of(2025, 7, 15), null, null);
        long fisher = fx.worker(DESA, "Nelayan Dibantu", "NELAYAN", LocalDate.of(1960, 1, 2), 1);
        fx.term(fisher, DESA, "JKK", "BPU", "1250000", null, null, village, LocalDate.of(2025, 2, 1), null, null);
        fx.term(fisher, DESA, "JKM", "BPU", "1250000", null, null, village, LocalDate.of(2025, 2, 1), null, null);
        long leaver = fx.worker(DESA, "Sekdes Lama", "PERANGKAT_DESA", LocalDate.of(1975, 3, 4), null);
        fx.term(leaver, DESA, "JKM", "PU", "2224420", null, village, village, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 10), "RESIGNED");

        CurrentActor.runAs(ADMIN, () -> {
            for (int m = 1; m <= 12; m++) {
                runs.run(YearMonth.of(2025, m), ADMIN, true);
            }
        });
        Map<String, Object> plan = CurrentActor.runAs(DPMD, () -> plans.create(
                new PlanRequest("APBDES:" + DESA, 2025, null, List.of(), null), DPMD));

        List<Long> people = List.of(kades, joiner, raised, fisher);
        assertThat(plan.get("registeredPeople")).isEqualTo(4L);
        assertThat(plan.get("projected")).isEqualTo(List.of());
        BigDecimal billed = jdbc.sql("""
                select sum(amount) from bill_line where payer_id = :payer and month between '2025-01-01' and '2025-12-01'
                  and worker_id in (:people)""").param("payer", village).param("people", people).query(BigDecimal.class).single();
        assertThat(new BigDecimal(plan.get("total").toString())).isEqualByComparingTo(billed);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> months = (List<Map<String, Object>>) plan.get("months");
        assertThat(months).hasSize(12);
        for (Map<String, Object> month : months) {
            BigDecimal monthBilled = jdbc.sql("""
                    select coalesce(sum(amount), 0) from bill_line where payer_id = :payer and month = :month and worker_id in (:people)""")
                    .param("payer", village).param("month", Date.valueOf(YearMonth.parse((String) month.get("month")).atDay(1)))
                    .param("people", people).query(BigDecimal.class).single();
            assertThat(new BigDecimal(month.get("total").toString())).as("month %s", month.get("month")).isEqualByComparingTo(monthBilled);
        }
        // per programme too
        @SuppressWarnings("unchecked")
        Map<String, Object> byProgram = (Map<String, Object>) plan.get("byProgram");
        for (String p : List.of("JKK", "JKM", "JHT", "JP")) {
            BigDecimal programBilled = jdbc.sql("""
                    select coalesce(sum(amount), 0) from bill_line where payer_id = :payer and program = :p
                      and month between '2025-01-01' and '2025-12-01' and worker_id in (:people)""")
                    .param("payer", village).param("p", p).param("people", people).query(BigDecimal.class).single();
            assertThat(new BigDecimal(byProgram.get(p).toString())).as(p).isEqualByComparingTo(programBilled);
        }
    }

    @Test
    void theApiCreatesAPlanWith201AndAnswersItInScopeOnlyAndRefusesBadInputWithItsCodeStoringNothing() {
        String desa = "72.04.02.2002";
        long village = fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa Kabinuang", desa);
        long kades = fx.worker(desa, "Kades Kabinuang", "KEPALA_DESA", LocalDate.of(1972, 1, 1), null);
        for (String p : List.of("JKK", "JKM", "JHT", "JP")) {
            fx.term(kades, desa, p, "PU", "12000000", "VERY_LOW", village, village, LocalDate.of(2024, 1, 1), null, null);
        }
        int next = TestClock.nextBusinessYear();
        Http dpmd = Http.withToken(port, TestUsers.token(accounts, "budget-api-dpmd", Role.DPMD, "72.04"));
        HttpResponse<String> created = dpmd.postJson("/api/v1/budget-plans", """
                {"payer":"APBDES:%s","year":%d,"cohorts":[{"category":"RT_RW","segment":"BPU","count":24,"wage":1000000,
                 "programs":["JKK","JKM"],"monthFrom":"%d-01"}]}""".formatted(desa, next, next));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"payer\":\"APBDES:" + desa + "\"", "\"status\":\"DRAFT\"", "\"months\":[",
                "\"byProgram\":{\"JKK\":", "\"payerShare\":", "\"workerShare\":", "\"people\":25", "\"assumptions\":[");
        String id = created.body().replaceAll("(?s)^\\{\"id\":(\\d+),.*", "$1");
        assertThat(dpmd.get("/api/v1/budget-plans/" + id).body()).contains("\"id\":" + id);
        HttpResponse<String> listed = dpmd.get("/api/v1/budget-plans?payer=APBDES:" + desa + "&year=" + next);
        assertThat(listed.body()).contains("\"id\":" + id);
        assertThat(listed.headers().firstValue("X-Total-Count")).contains("1");

        Http otherRegion = Http.withToken(port, TestUsers.token(accounts, "budget-api-kukar", Role.DPMD, "64.02"));
        assertThat(otherRegion.get("/api/v1/budget-plans/" + id).statusCode()).isEqualTo(404);
        assertCode(otherRegion.get("/api/v1/budget-plans?payer=APBDES:" + desa), 404, "NOT_FOUND");

        long before = jdbc.sql("select count(*) from budget_plan").query(Long.class).single();
        assertCode(dpmd.postJson("/api/v1/budget-plans", "{\"payer\":\"APBDES:99.99.99.9999\",\"year\":" + next + "}"), 422, "UNKNOWN_PAYER");
        assertCode(otherRegion.postJson("/api/v1/budget-plans", "{\"payer\":\"APBDES:" + desa + "\",\"year\":" + next + "}"), 422, "UNKNOWN_PAYER");
        assertCode(dpmd.postJson("/api/v1/budget-plans", "{\"payer\":\"APBDES:" + desa + "\",\"year\":2014}"), 422, "YEAR_BEFORE_PROGRAMME");
        // a missing year is malformed, as a missing payer is: 400, where it was 422 (contract review of 6 December 2026)
        assertCode(dpmd.postJson("/api/v1/budget-plans", "{\"payer\":\"APBDES:" + desa + "\"}"), 400, "REQUIRED");
        assertCode(dpmd.postJson("/api/v1/budget-plans", "{\"year\":" + next + "}"), 400, "REQUIRED");
        assertCode(dpmd.postJson("/api/v1/budget-plans", "{\"payer\":\"APBDES:" + desa + "\",\"year\":" + (next + 2) + "}"), 422, "YEAR_TOO_FAR");
        assertCode(dpmd.postJson("/api/v1/budget-plans", """
                {"payer":"APBDES:%s","year":%d,"cohorts":[{"category":"NELAYAN","segment":"BPU","count":-3,"wage":1000000,"programs":["JKK","JKM"]}]}"""
                .formatted(desa, next)), 422, "NEGATIVE_COUNT");
        assertCode(dpmd.postJson("/api/v1/budget-plans", """
                {"payer":"APBDES:%s","year":%d,"cohorts":[{"category":"NELAYAN","segment":"BPU","count":3,"wage":-1,"programs":["JKK","JKM"]}]}"""
                .formatted(desa, next)), 422, "NEGATIVE_WAGE");
        assertCode(dpmd.postJson("/api/v1/budget-plans", """
                {"payer":"APBDES:%s","year":%d,"cohorts":[{"category":"NELAYAN","segment":"BPU","count":3,"wage":1000000,"programs":["JKK","JKM","JP"]}]}"""
                .formatted(desa, next)), 422, "BPU_JP_NOT_AVAILABLE");
        for (String date : List.of("+999999-01-01", "0001-01-01", (next - 3) + "-12-31", (next + 1) + "-01-01")) {
            assertCode(dpmd.postJson("/api/v1/budget-plans", "{\"payer\":\"APBDES:" + desa + "\",\"year\":" + next
                    + ",\"referenceDate\":\"" + date + "\"}"), 422, "REFERENCE_DATE_OUT_OF_RANGE");
        }
        assertCode(dpmd.postJson("/api/v1/budget-plans", "{\"payer\":\"APBDES:" + desa + "\",\"year\":2147483647,"
                + "\"referenceDate\":\"2027-01-01\",\"cohorts\":[{\"category\":\"NELAYAN\",\"count\":1,\"programs\":[\"JKK\",\"JKM\"]}]}"),
                422, "YEAR_TOO_FAR");
        assertThat(jdbc.sql("select count(*) from budget_plan").query(Long.class).single()).isEqualTo(before);
        assertCode(dpmd.get("/api/v1/budget-plans/regions/72.04?year=-1"), 422, "YEAR_BEFORE_PROGRAMME");
        assertCode(dpmd.get("/api/v1/budget-plans/regions/72.04?year=" + (next + 2)), 422, "YEAR_TOO_FAR");

        Http monitor = Http.withToken(port, TestUsers.token(accounts, "budget-api-monitor", Role.MONITOR, "72.04"));
        assertThat(monitor.postJson("/api/v1/budget-plans", "{\"payer\":\"APBDES:" + desa + "\",\"year\":" + next + "}").statusCode()).isEqualTo(403);
        assertThat(monitor.get("/api/v1/budget-plans/" + id).statusCode()).isEqualTo(200);

        // the list's download (UI review of 6 December 2026): every plan of the year in the caller's area, not only
        // the newest thousand the page shows, with the list's figures
        String file = dpmd.get("/anggaran/ekspor?year=" + next + "&format=csv&lang=id").body();
        assertThat(file).startsWith("\uFEFFNomor rencana,Kode pembayar,Pembayar,Nama rencana,Tahun,Status,Jumlah,Jumlah orang,"
                + "Tanggal acuan,Parameter proyeksi,Memakai nilai belum terverifikasi\r\n").contains("\n" + id + ",APBDES:" + desa + ",Pemerintah Desa Kabinuang,");
        var dpmdActor = TestUsers.actor("budget-api-dpmd", Role.DPMD, "72.04");
        assertThat(file.lines().count() - 1).isEqualTo(plans.count(null, next, dpmdActor))
                .isEqualTo(plans.list(null, next, dpmdActor).size());
        assertThat(monitor.get("/anggaran/ekspor?format=xlsx").statusCode()).isEqualTo(200);
        assertThat(otherRegion.get("/anggaran/ekspor?year=" + next + "&format=csv").body()).doesNotContain(desa);
        assertThat(dpmd.get("/anggaran/ekspor?year=" + next + "&format=pdf").statusCode()).isEqualTo(400);
        assertThat(dpmd.get("/anggaran/ekspor?year=abc&format=csv").statusCode()).isBetween(400, 422);
    }

    @Test
    void theListsPayerFilterIsNotFoundForAPayerOutsideTheScopeOrUnknownAsTheBillListsIs() {
        String desa = "72.04.02.2002";
        fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa Kabinuang", desa);
        Http dpmd = Http.withToken(port, TestUsers.token(accounts, "budget-list-dpmd", Role.DPMD, "72.04"));
        Http otherRegion = Http.withToken(port, TestUsers.token(accounts, "budget-list-kukar", Role.DPMD, "64.02"));

        // a payer of the caller's area with no plan that year is an empty list, as before
        HttpResponse<String> none = dpmd.get("/api/v1/budget-plans?payer=APBDES:" + desa + "&year=2015");
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(none.body()).isEqualTo("[]");
        // outside the area, or no payer at all: 404, never told apart (it was an empty list, which reads as "no plans")
        assertCode(otherRegion.get("/api/v1/budget-plans?payer=APBDES:" + desa), 404, "NOT_FOUND");
        assertCode(otherRegion.get("/api/v1/budget-plans?payer=apbdes:" + desa + "&year=2027"), 404, "NOT_FOUND");
        assertCode(dpmd.get("/api/v1/budget-plans?payer=APBDES:72.04.02.9999"), 404, "NOT_FOUND");
        // a text that is no payer code names no payer anywhere: 400 as the bill list's filter says it, not "not found"
        assertCode(dpmd.get("/api/v1/budget-plans?payer=NOPE"), 400, "PAYER_CODE_INVALID");
        assertCode(dpmd.get("/api/v1/budget-payers/NOPE/category-rank"), 400, "PAYER_CODE_INVALID");
        assertThat(dpmd.get("/api/v1/budget-plans?payer=apbdes:99.99.99.9999").body())
                .contains("'apbdes:99.99.99.9999'");
        // no payer filter is every plan of the area, as before
        assertThat(otherRegion.get("/api/v1/budget-plans").statusCode()).isEqualTo(200);
    }

    @Test
    void cohortsOfMoreThanTwentyMillionPeopleTogetherAreRefusedAsTooLargeNeverA500AndNothingIsStored() {
        // 200 cohorts (as many as a plan may have) of a million officials at Rp 1,000,000,000 overflow the plan's sum of
        // sen (about 1.5 x 10^19): it was a 500
        String million = "{\"category\":\"KEPALA_DESA\",\"segment\":\"PU\",\"count\":1000000,\"wage\":1000000000,"
                + "\"programs\":[\"JKK\",\"JKM\",\"JHT\",\"JP\",\"JKP\"]}";
        assertCohortsRefusedStoringNothing("72.04.04.2001", "Sibaluton", million, PlanRules.MAX_COHORTS, "COUNT_TOO_LARGE");
    }

    @Test
    void aPlanOfMoreThanTwoHundredCohortsIsRefusedAndNothingIsStored() {
        // 30,000 cohorts in a 4 MB body took 22 s to cost and were stored; each read of the plan answered 10 MB
        String one = "{\"category\":\"NELAYAN\",\"segment\":\"BPU\",\"count\":1,\"wage\":1000000,\"programs\":[\"JKK\",\"JKM\"]}";
        assertCohortsRefusedStoringNothing("72.04.04.2002", "Kayu Lompa", one, PlanRules.MAX_COHORTS + 1, "TOO_MANY_COHORTS");
    }

    /** A new plan of next year for the desa with {@code copies} of the cohort is refused with 422 {@code code} at cohorts. */
    private void assertCohortsRefusedStoringNothing(String desa, String desaName, String cohort, int copies, String code) {
        fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa " + desaName, desa);
        Http dpmd = Http.withToken(port, TestUsers.token(accounts, "budget-cohorts-dpmd", Role.DPMD, "72.04"));
        String body = "{\"payer\":\"APBDES:" + desa + "\",\"year\":" + TestClock.nextBusinessYear() + ",\"cohorts\":["
                + String.join(",", java.util.Collections.nCopies(copies, cohort)) + "]}";
        long before = jdbc.sql("select count(*) from budget_plan").query(Long.class).single();
        HttpResponse<String> r = dpmd.postJson("/api/v1/budget-plans", body);
        assertCode(r, 422, code);
        // one problem at cohorts, not one per cohort
        assertThat(r.body()).contains("\"field\":\"cohorts\"").hasSizeLessThan(2_000);
        assertThat(jdbc.sql("select count(*) from budget_plan").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aRefusedBudgetValueIsRepeatedInTheProblemAtMostFortyCharactersLongNeverWhole() {
        String desa = "72.04.02.2002";
        fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa Kabinuang", desa);
        Http dpmd = Http.withToken(port, TestUsers.token(accounts, "budget-echo-dpmd", Role.DPMD, "72.04"));
        String longText = "9".repeat(3000);
        int next = TestClock.nextBusinessYear();
        String plan = "{\"payer\":\"APBDES:" + desa + "\",\"year\":" + next;
        String cohort = ",\"cohorts\":[{\"category\":\"RT_RW\",\"segment\":\"BPU\",\"count\":1,\"wage\":1000000,"
                + "\"programs\":[\"JKK\",\"JKM\"]";
        Map<String, HttpResponse<String>> answers = new java.util.LinkedHashMap<>();
        answers.put("list year", dpmd.get("/api/v1/budget-plans?year=" + longText, "Accept-Language", "en"));
        answers.put("compare ids", dpmd.get("/api/v1/budget-plans/compare?ids=1," + longText, "Accept-Language", "en"));
        answers.put("payer", dpmd.postJson("/api/v1/budget-plans", "{\"payer\":\"APBDES:" + longText + "\",\"year\":" + next + "}",
                "Accept-Language", "en"));
        answers.put("referenceDate", dpmd.postJson("/api/v1/budget-plans", plan + ",\"referenceDate\":\"" + longText + "\"}",
                "Accept-Language", "en"));
        answers.put("segment", dpmd.postJson("/api/v1/budget-plans", plan + cohort.replace("\"BPU\"", "\"" + longText + "\"") + "}]}",
                "Accept-Language", "en"));
        answers.put("monthFrom", dpmd.postJson("/api/v1/budget-plans", plan + cohort + ",\"monthFrom\":\"" + longText + "\"}]}",
                "Accept-Language", "en"));
        answers.put("programs", dpmd.postJson("/api/v1/budget-plans", plan + cohort.replace("\"JKM\"", "\"" + longText + "\"") + "}]}",
                "Accept-Language", "en"));
        answers.put("category", dpmd.postJson("/api/v1/budget-plans", plan + cohort.replace("\"RT_RW\"", "\"" + longText + "\"") + "}]}",
                "Accept-Language", "en"));
        answers.forEach((what, r) -> {
            assertThat(r.statusCode()).as(what + ": " + r.body()).isBetween(400, 422);
            // cut to its first 40 characters and "…" (InputProblem.shown), as every other API problem repeats a value
            assertThat(r.body()).as(what).contains("…").doesNotContain("9".repeat(41));
        });
    }

    @Test
    void aPlanTwoYearsAheadEqualsTwelveMonthsOfTheContributionCalculatorWithTheProjectedJpWageCapMarked() {
        String desa = "72.04.02.2003";
        long village = fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa Ogotua", desa);
        long kades = fx.worker(desa, "Kades Ogotua", "KEPALA_DESA", LocalDate.of(1971, 1, 1), null);
        Rupiah wage = Rupiah.of(12_000_000); // above every cap, so JP's base is the cap of the month
        fx.term(kades, desa, "JP", "PU", "12000000", null, village, village, LocalDate.of(2024, 1, 1), null, null);
        fx.term(kades, desa, "JKM", "PU", "12000000", null, village, village, LocalDate.of(2024, 1, 1), null, null);
        // the catalog publishes the JP cap up to March 2026: 2027 always needs a projection (docs/budget.md)
        int year = 2027;
        Map<String, Object> plan = CurrentActor.runAs(DPMD, () -> plans.preview(
                new PlanRequest("APBDES:" + desa, year, null, List.of(), null), DPMD));
        assertThat(plan.get("projected")).isEqualTo(List.of("pu.jp.wageCap"));
        assertThat(plan.toString()).contains("PROJECTED_PARAMETER");

        // the calculator given the projected cap (11,652,700 from March 2027) as if it were published
        RegulationCatalog withCap = catalog.withAppended(List.of(new DatedValue("pu.jp.wageCap", LocalDate.of(2027, 3, 1), null,
                Unit.RUPIAH, "11652700", new Reference("pu.jp.wageCap", "test", null, List.of(), false, null), "test")));
        ContributionCalculator calculator = new ContributionCalculator(withCap);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> months = (List<Map<String, Object>>) plan.get("months");
        assertThat(months).hasSize(12);
        Rupiah expected = Rupiah.ZERO;
        for (int m = 1; m <= 12; m++) {
            ContributionQuote q = calculator.quote(ContributionRequest.pu(YearMonth.of(year, m), wage, RiskGroup.VERY_LOW,
                    EnumSet.of(Programme.JP, Programme.JKM)));
            expected = expected.plus(q.total());
            Map<String, Object> month = months.get(m - 1);
            assertThat(new BigDecimal(month.get("total").toString())).as("month %d", m).isEqualByComparingTo(q.total().toBigDecimal());
            assertThat(month.get("projected")).as("month %d", m).isEqualTo(m >= 3 ? List.of("pu.jp.wageCap") : List.of());
        }
        assertThat(new BigDecimal(plan.get("total").toString())).isEqualByComparingTo(expected.toBigDecimal());
    }

    @Test
    void aCohortsJoinersAndLeaversAreCostedMonthByMonthStoredAndListedInTheAssumptions() {
        Map<String, Object> plan = nextYearsPlan("72.04.02.2011", "Pemerintah Desa Pesaku",
                new PlanRequest.CohortInput("NELAYAN", "BPU", 10L, new BigDecimal("1000000"), List.of("JKK", "JKM"), "3", null, 3L, 1L));
        // 10 in March, then +2 a month: 10 + 12 + ... + 28 = 190 person-months at Rp 16,800
        assertThat(new BigDecimal(plan.get("total").toString())).isEqualByComparingTo(BigDecimal.valueOf(190L * 16_800));
        assertThat(plan.get("plannedPeople")).isEqualTo(37L);
        assertThat(plan.toString()).contains("JOINERS_LEAVERS");
        long id = ((Number) plan.get("id")).longValue();
        assertThat(jdbc.sql("select joiners || '/' || leavers from budget_cohort where plan_id = ?").param(id).query(String.class).single())
                .isEqualTo("3/1");
        assertThat(CurrentActor.runAs(DPMD, () -> plans.get(id, DPMD)).get("total").toString()).isEqualTo(plan.get("total").toString());
    }

    /**
     * A PU cohort of Rp 100 a month was costed without a word (contributions of nearly nothing). RULES.md gives a PU wage
     * no floor, so it is still costed as typed, and the plan's assumptions name it (WAGE_BELOW_USUAL_MINIMUM), also on
     * the plan's page; a cohort at a usual wage is not named.
     */
    @Test
    void aPuCohortWageFarBelowAnyUsualWageIsCostedAndNamedInTheAssumptions() {
        Map<String, Object> plan = nextYearsPlan("72.04.02.2004", "Pemerintah Desa Tompoh",
                new PlanRequest.CohortInput("RT_RW", "PU", 2L, new BigDecimal("100"), List.of("JKK", "JKM"), "1", null, 0L, 0L),
                new PlanRequest.CohortInput("LINMAS", "PU", 2L, new BigDecimal("1000000"), List.of("JKK", "JKM"), "1", null, 0L, 0L));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> low = ((List<Map<String, Object>>) plan.get("assumptions")).stream()
                .filter(a -> "WAGE_BELOW_USUAL_MINIMUM".equals(a.get("code"))).toList();
        assertThat(low).hasSize(1);
        assertThat(low.get(0).get("args")).isEqualTo(List.of("RT_RW", "100", "1000000"));
        Http page = Http.browser(port);
        TestUsers.token(accounts, "budget-low-wage", Role.DPMD, "72.04");
        page.login("budget-low-wage", TestUsers.PASSWORD);
        assertThat(page.get("/anggaran/" + plan.get("id") + "?lang=id", "text/html").body())
                .contains("RT_RW: upah PU Rp 100 di bawah Rp 1.000.000");
    }

    /** A plan of next year for a new desa payer, with these cohorts. */
    private Map<String, Object> nextYearsPlan(String desa, String payerName, PlanRequest.CohortInput... cohorts) {
        fx.payer("APBDES:" + desa, "APBDES", payerName, desa);
        int next = TestClock.nextBusinessYear();
        return CurrentActor.runAs(DPMD, () -> plans.create(new PlanRequest("APBDES:" + desa, next, null, List.of(cohorts), null), DPMD));
    }

    static void assertCode(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).contains("\"" + code + "\"");
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    }
}
