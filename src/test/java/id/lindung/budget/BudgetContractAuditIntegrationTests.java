package id.lindung.budget;

import static id.lindung.budget.NamedListIntegrationTests.HEADER;
import static id.lindung.budget.NamedListIntegrationTests.JSON;
import static id.lindung.budget.NamedListIntegrationTests.nik;
import static id.lindung.budget.NamedListIntegrationTests.plan;
import static id.lindung.budget.NamedListIntegrationTests.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.NotFoundException;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestClock;
import id.lindung.support.TestUsers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15's contracts as an independent check exercises them (audit of 7 December 2026): each test failed before its fix.
 */
@IntegrationTest
class BudgetContractAuditIntegrationTests {

    static final String DESA = "72.04.04.2006";
    static final Actor NATION = TestUsers.actor("audit15-nation", Role.ADMIN, RegionScope.NATIONAL_CODE);
    static final Actor DPMD = TestUsers.actor("audit15-dpmd", Role.DPMD, "72.04");

    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts accounts;
    @Autowired WhatIf whatIf;
    @Autowired PlanOverviews overviews;
    @LocalServerPort int port;

    Http dpmd() {
        return Http.withToken(port, TestUsers.token(accounts, "audit15-dpmd", Role.DPMD, "72.04"));
    }

    long fishersPlan(Http http, int year) {
        new BudgetFixture(jdbc).payer("APBDES:" + DESA, "APBDES", "Pemerintah Desa Kongkomos", DESA);
        HttpResponse<String> created = http.postJson("/api/v1/budget-plans", "{\"payer\":\"APBDES:" + DESA + "\",\"year\":" + year
                + ",\"cohorts\":[{\"category\":\"NELAYAN\",\"segment\":\"PU\",\"count\":3,\"wage\":3000000,"
                + "\"programs\":[\"JKK\",\"JKM\",\"JHT\"]}]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asLong();
    }

    /** The plan page gives the year per programme and per share (payer, worker), as its PDF and XLSX: it gave neither. */
    @Test
    void thePlanPageShowsTheYearAndEachMonthPerShare() {
        Http dpmd = dpmd();
        long id = fishersPlan(dpmd, TestClock.nextBusinessYear());
        JsonNode plan = JSON.readTree(dpmd.get("/api/v1/budget-plans/" + id).body());
        long payerShare = plan.get("payerShare").asLong();
        long workerShare = plan.get("workerShare").asLong();
        assertThat(payerShare).isPositive();
        assertThat(workerShare).isPositive();

        String page = dpmd.get("/anggaran/" + id + "?lang=id", "text/html").body();
        String year = page.substring(page.indexOf("id=\"plan-year\""));
        assertThat(year).contains("Setahun").contains(rupiah(payerShare, '.')).contains(rupiah(workerShare, '.'))
                .contains(rupiah(plan.get("byProgram").get("JHT").asLong(), '.'));
        assertThat(page).contains("Porsi iuran pemberi kerja").contains("Porsi iuran peserta")
                .contains(rupiah(plan.get("months").get(0).get("payerShare").asLong(), '.'));
        assertThat(dpmd.get("/anggaran/" + id + "?lang=en", "text/html").body())
                .contains("Employer portion of contributions").contains(rupiah(workerShare, ','));
    }

    private static String rupiah(long amount, char grouping) {
        return "Rp " + String.format("%,d", amount).replace(',', grouping);
    }

    /** A region code that is no region is not found, as the regency view's {code}: the what-if answered 200 with nothing. */
    @Test
    void theWhatIfOfARegionThatDoesNotExistIsNotFound() {
        assertThatThrownBy(() -> CurrentActor.runAs(NATION, () -> whatIf.run(
                new WhatIf.Policy(null, null, null, null, null, null, null, null, "99"), NATION)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> CurrentActor.runAs(NATION, () -> whatIf.run(
                new WhatIf.Policy(null, null, null, null, null, null, null, null, "72.99"), NATION)))
                .isInstanceOf(NotFoundException.class);
        // a region that exists still answers
        assertThat(CurrentActor.runAs(NATION, () -> whatIf.run(
                new WhatIf.Policy(null, null, null, null, null, null, null, null, "72.04"), NATION)).get("area")).isNotNull();
    }

    /** "Two or more plans side by side": one plan named twice is one plan, not a comparison of one scenario. */
    @Test
    void comparingAPlanWithItselfIsTooFewScenarios() {
        long id = fishersPlan(dpmd(), TestClock.nextBusinessYear());
        assertThatThrownBy(() -> CurrentActor.runAs(DPMD, () -> overviews.compare(List.of(id, id), DPMD)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("TOO_FEW_SCENARIOS"));
        assertThat(dpmd().get("/api/v1/budget-plans/compare?ids=" + id + "," + id).statusCode()).isEqualTo(400);
    }

    /** An Indonesian client gets no English word: the unknown criterion's answer read "Seharusnya ... CATEGORY or OLDEST". */
    @Test
    void anUnknownOrderingCriterionIsRefusedInIndonesianWithoutAnEnglishWord() {
        Http dpmd = dpmd();
        long id = fishersPlan(dpmd, TestClock.nextBusinessYear());
        HttpResponse<String> refused = dpmd.postJson("/api/v1/budget-plans/" + id + "/prioritise",
                "{\"budget\":1000000,\"order\":[\"TERMUDA\"]}", "Accept-Language", "id");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("errors").get(0).get("code").asString()).isEqualTo("UNKNOWN_ORDER");
        String message = problem.get("errors").get(0).get("message").asString();
        assertThat(message).contains("Kriteria urutan tidak dikenal").contains("'TERMUDA'").doesNotContain(" or ");
        HttpResponse<String> english = dpmd.postJson("/api/v1/budget-plans/" + id + "/prioritise",
                "{\"budget\":1000000,\"order\":[\"TERMUDA\"]}", "Accept-Language", "en");
        assertThat(english.body()).contains("P3KE_DECILE, CATEGORY or OLDEST");
    }

    /**
     * A named list that no longer fits the edited plan names the payer and the year at their places in Indonesian, whatever
     * the file is called: a file name holding a digit was read as a value and took the payer's place ("pembayar
     * daftar2.csv pada APBDES:..."), the year trailing as "Nilai: 2026".
     */
    @Test
    void aListThatNoLongerFitsNamesThePayerAndYearInIndonesianWhateverItsFileIsCalled() {
        Http dpmd = dpmd();
        new BudgetFixture(jdbc).payer("APBDES:" + DESA, "APBDES", "Pemerintah Desa Kongkomos", DESA);
        int year = TestClock.nextBusinessYear();
        long id = plan(dpmd, DESA, year);
        LocalDate birth = LocalDate.of(1971, 3, 4);
        String csv = HEADER + "\n" + row(nik(birth), birth, "NELAYAN", "BPU", "1000000", "JKK;JKM", "2") + "\n";
        HttpResponse<String> uploaded = dpmd.upload("/api/v1/budget-plans/" + id + "/named-list", "file", "daftar2.csv",
                csv.getBytes(StandardCharsets.UTF_8), "-");
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);

        // a year earlier: the list's person starts in January of the plan's year, after the new one
        HttpResponse<String> refused = dpmd.putJson("/api/v1/budget-plans/" + id,
                "{\"payer\":\"APBDES:" + DESA + "\",\"year\":" + (year - 1) + "}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        JsonNode first = JSON.readTree(refused.body()).get("errors").get(0);
        assertThat(first.get("code").asString()).isEqualTo("NAMED_LIST_DOES_NOT_FIT");
        assertThat(first.get("message").asString()).startsWith("1 orang dalam daftar nama 'daftar2.csv' tidak cocok")
                .contains("pembayar 'APBDES:" + DESA + "' pada " + (year - 1) + ":").doesNotContain("Nilai:");
    }
}
