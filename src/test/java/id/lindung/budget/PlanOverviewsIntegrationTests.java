package id.lindung.budget;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestClock;
import id.lindung.support.TestUsers;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class PlanOverviewsIntegrationTests {

    static final String DESA = "72.04.02.2006";
    static final Actor DPMD = TestUsers.actor("overview-dpmd", Role.DPMD, "72.04");

    @Autowired JdbcClient jdbc;
    @Autowired BudgetPlans plans;
    @Autowired PlanOverviews overviews;
    @Autowired WhatIf whatIf;
    @Autowired UserAccounts accounts;
    @LocalServerPort int port;

    @Test
    @SuppressWarnings("unchecked")
    void scenariosCompareSideBySideAndTheRegencyViewListsDesaWithoutAFinalPlanForTheirOfficials() throws Exception {
        BudgetFixture fx = new BudgetFixture(jdbc);
        long village = fx.payer("APBDES:" + DESA, "APBDES", "Pemerintah Desa Malambigu", DESA);
        long kades = fx.worker(DESA, "Kades Malambigu", "KEPALA_DESA", LocalDate.of(1968, 1, 1), null);
        long sekdes = fx.worker(DESA, "Sekdes Malambigu", "PERANGKAT_DESA", LocalDate.of(1975, 1, 1), null);
        for (String p : List.of("JKK", "JKM")) {
            fx.term(kades, DESA, p, "PU", "3000000", "VERY_LOW", village, village, LocalDate.of(2024, 1, 1), null, null);
            fx.term(sekdes, DESA, p, "PU", "2224420", "VERY_LOW", village, village, LocalDate.of(2024, 1, 1), null, null);
        }
        int year = TestClock.nextBusinessYear();
        PlanRequest.CohortInput rtRw = new PlanRequest.CohortInput("RT_RW", "BPU", 10L, new BigDecimal("1000000"), List.of("JKK", "JKM"), null, null);
        PlanRequest.CohortInput rtRwJht = new PlanRequest.CohortInput("RT_RW", "BPU", 10L, new BigDecimal("1000000"), List.of("JKK", "JKM", "JHT"), null, null);
        Map<String, Object> a = CurrentActor.runAs(DPMD, () -> plans.create(new PlanRequest("APBDES:" + DESA, year, null, List.of(rtRw), "JKK+JKM"), DPMD));
        Map<String, Object> b = CurrentActor.runAs(DPMD, () -> plans.create(new PlanRequest("APBDES:" + DESA, year, null, List.of(rtRwJht), "+JHT"), DPMD));
        long idA = ((Number) a.get("id")).longValue();
        long idB = ((Number) b.get("id")).longValue();

        Map<String, Object> compared = overviews.compare(List.of(idA, idB), DPMD);
        List<Map<String, Object>> scenarios = (List<Map<String, Object>>) compared.get("scenarios");
        assertThat(scenarios).extracting(s -> s.get("name")).containsExactly("JKK+JKM", "+JHT");
        // adding JHT (2% of Rp 1,000,000 a month) for 10 people costs Rp 2,400,000 more a year
        assertThat(new BigDecimal(scenarios.get(1).get("total").toString()).subtract(new BigDecimal(scenarios.get(0).get("total").toString())))
                .isEqualByComparingTo("2400000");

        Map<String, Object> before = overviews.regency("72.04.02", year, DPMD);
        assertThat((List<Map<String, Object>>) before.get("withoutFinalPlan")).extracting(m -> m.get("code")).contains(DESA);
        CurrentActor.runAs(DPMD, () -> plans.finalise(idA, DPMD));
        Map<String, Object> after = overviews.regency("72.04.02", year, DPMD);
        assertThat((List<Map<String, Object>>) after.get("withoutFinalPlan")).extracting(m -> m.get("code")).doesNotContain(DESA);
        assertThat(after.get("desaWithoutFinalPlanForOfficials")).isEqualTo((Long) before.get("desaWithoutFinalPlanForOfficials") - 1);
        // other tests may finalise plans of this regency and year in the shared database: count this one only
        assertThat(after.get("finalPlans")).isEqualTo((Long) before.get("finalPlans") + 1);
        assertThat(after.get("total")).isInstanceOf(BigDecimal.class);
        assertThat(((Map<String, Object>) after.get("byProgram")).get("JKM")).isInstanceOf(BigDecimal.class);

        String token = TestUsers.token(accounts, "overview-api", Role.DPMD, "72.04");
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/budget-plans/" + idA + "/pdf")).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 4)).isEqualTo("%PDF");
        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/budget-plans/" + idA + "/xlsx")).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(new String(xlsx.body(), 0, 2)).isEqualTo("PK");
        Http other = Http.withToken(port, TestUsers.token(accounts, "overview-kukar", Role.DPMD, "64.02"));
        assertThat(other.get("/api/v1/budget-plans/" + idA + "/pdf").statusCode()).isEqualTo(404);
        assertThat(other.get("/api/v1/budget-plans/regions/72.04?year=" + year).statusCode()).isEqualTo(404);
    }

    /** A region code inside the scope that names no region answered a region of zeros: 404 as every other region address. */
    @Test
    void aRegionCodeInsideTheScopeThatNamesNoRegionIsNotFoundNeverARegionOfZeros() {
        Http own = Http.withToken(port, TestUsers.token(accounts, "overview-unknown", Role.DPMD, "72.04"));
        int year = TestClock.nextBusinessYear();
        for (String unknown : new String[] {"72.04.99", "72.04.02.9999"}) {
            assertThat(own.get("/api/v1/budget-plans/regions/" + unknown + "?year=" + year).statusCode()).as(unknown).isEqualTo(404);
            assertThat(own.get("/anggaran/wilayah/" + unknown + "/ekspor?year=" + year + "&format=csv").statusCode()).as(unknown).isEqualTo(404);
        }
        assertThat(own.get("/api/v1/budget-plans/regions/72.04.02?year=" + year).statusCode()).isEqualTo(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWhatIfCostsEveryAreaAsItsDesaCountTimesTheCostOfADesa() {
        Map<String, Object> r = whatIf.run(new WhatIf.Policy(null, true, 8, null, 5, new BigDecimal("1000000"), null, "APBD", "72.04"), DPMD);
        Map<String, Object> area = (Map<String, Object>) r.get("area");
        assertThat(area.get("code")).isEqualTo("72.04");
        assertThat(area.get("name")).isEqualTo(jdbc.sql("select name from region_area where code = '72.04'").query(String.class).single());
        long desa = jdbc.sql("select count(*) from region_area where level = 'VILLAGE' and kind = 'DESA' and active and code like '72.04.%'")
                .query(Long.class).single();
        assertThat(area.get("desa")).isEqualTo(desa);
        assertThat(area.get("people")).isEqualTo(desa * (1 + 8 + 5));
        Map<String, Object> per = (Map<String, Object>) r.get("yearlyCostPerPerson");
        // a vulnerable worker at Rp 1,000,000, JKK+JKM: Rp 16,800 a month
        assertThat(per.get("vulnerable").toString()).isEqualTo("201600");
        Map<String, Object> cost = (Map<String, Object>) area.get("costByPayerKind");
        // amounts are numbers, as everywhere in the budget API (they were strings until 6 December 2026)
        assertThat(cost.get("APBD")).isInstanceOf(BigDecimal.class);
        assertThat((BigDecimal) cost.get("APBD")).isEqualByComparingTo(BigDecimal.valueOf(desa * 5 * 201_600));
        BigDecimal regencies = ((List<Map<String, Object>>) r.get("regencies")).stream()
                .map(m -> (BigDecimal) m.get("total")).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(regencies).isEqualByComparingTo((BigDecimal) area.get("total"));
        assertThat((List<?>) r.get("provinces")).hasSize(1);
    }
}
