package id.lindung.budget;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A cohort without a wage is costed at its category's default wage, a regulation value: for RT/RW the villages' flat
 * basis of Rp 1,000,000 ({@code village.defaultWage.otherApparatus}), a reporting practice its sources do not settle
 * ({@code verified: false}). Every amount of the cohort is computed from it, so the plan names it among its unverified
 * values (API, page, PDF, XLSX) and marks its months, as it names the unverified rates and caps the calculator used; a
 * wage the cohort gives is the planner's own figure and is not named. 2025 (its JP wage cap is published), desa
 * 63.09.01.2002 (Balangan), used by no other test.
 */
@IntegrationTest
class DefaultWageUnverifiedIntegrationTests {

    static final String DESA = "63.09.01.2002";
    static final Actor DPMD = TestUsers.actor("default-wage-dpmd", Role.DPMD, "63.09");
    static final String FLAT_BASIS = "village.defaultWage.otherApparatus";

    @LocalServerPort int port;
    @Autowired BudgetPlans plans;
    @Autowired PlanDocuments documents;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    private Map<String, Object> rtRw(BigDecimal wage) {
        return CurrentActor.runAs(DPMD, () -> plans.create(new PlanRequest("APBDES:" + DESA, 2025, null,
                List.of(new PlanRequest.CohortInput("RT_RW", null, 6L, wage, List.of("JKK", "JKM"), "2025-04", null)),
                "RT/RW"), DPMD));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCohortsDefaultWageThatIsAnUnverifiedRegulationValueIsListedAmongThePlansUnverifiedValues() throws Exception {
        new BudgetFixture(jdbc).payer("APBDES:" + DESA, "APBDES", "Pemerintah Desa Uji Upah Bawaan", DESA);

        Map<String, Object> plan = rtRw(null);
        Map<String, Object> cohort = ((List<Map<String, Object>>) plan.get("cohorts")).get(0);
        assertThat(new BigDecimal(cohort.get("wage").toString())).isEqualByComparingTo("1000000");
        assertThat(cohort.get("wageDefault")).isEqualTo(FLAT_BASIS);
        Map<String, Object> basis = UnverifiedParametersIntegrationTests.only(plan.get("unverified"), FLAT_BASIS);
        assertThat(basis.get("value")).isEqualTo("1000000");
        assertThat(basis.get("from")).isEqualTo("2015-07-01");
        assertThat(basis.get("projected")).isEqualTo(false);
        assertThat(basis.get("affects")).isEqualTo(List.of("JKK", "JKM"));
        assertThat((List<String>) basis.get("months")).hasSize(9).startsWith("2025-04").endsWith("2025-12");
        List<Map<String, Object>> months = (List<Map<String, Object>>) plan.get("months");
        assertThat(months.get(2).get("unverified")).as("March: the cohort starts in April").isEqualTo(List.of());
        assertThat((List<String>) months.get(3).get("unverified")).contains(FLAT_BASIS);

        // the same cohort at a wage it gives names no default
        Map<String, Object> typed = rtRw(new BigDecimal("1000000"));
        assertThat(((List<Map<String, Object>>) typed.get("cohorts")).get(0).get("wageDefault")).isNull();
        assertThat((List<Map<String, Object>>) typed.get("unverified")).extracting(u -> u.get("parameter")).doesNotContain(FLAT_BASIS);
        assertThat(typed.get("total")).isEqualTo(plan.get("total"));

        // the stored plan, its page, its PDF and its XLSX name it, Indonesian first
        long id = ((Number) plan.get("id")).longValue();
        Map<String, Object> stored = CurrentActor.runAs(DPMD, () -> plans.get(id, DPMD));
        assertThat(stored.get("unverified")).isEqualTo(plan.get("unverified"));
        String token = TestUsers.token(accounts, "default-wage-dpmd", Role.DPMD, "63.09");
        assertThat(Http.withToken(port, token).get("/api/v1/budget-plans/" + id).body()).contains(FLAT_BASIS);
        String page = Http.withToken(port, token).get("/anggaran/" + id + "?lang=id", "text/html").body();
        assertThat(page).contains("BELUM TERVERIFIKASI").contains("(" + FLAT_BASIS + ") = Rp 1.000.000")
                .contains("memengaruhi JKK, JKM pada 9 bulan");
        try (var reader = new com.lowagie.text.pdf.PdfReader(documents.pdf(stored, Locale.forLanguageTag("id")))) {
            String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s+", " ");
            assertThat(text).contains("BELUM TERVERIFIKASI").contains(FLAT_BASIS);
        }
        assertThat(UnverifiedParametersIntegrationTests.xlsxCells(port, token, id)).contains("BELUM TERVERIFIKASI")
                .contains(FLAT_BASIS);

        // costed again from its stored input (a named list uploaded or removed), the wage is still the default, named
        Map<String, Object> again = CurrentActor.runAs(DPMD, () -> plans.preview(plans.request(id), DPMD));
        assertThat(again.get("unverified")).isEqualTo(plan.get("unverified"));
        assertThat(again.get("total")).isEqualTo(plan.get("total"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNamedPersonsDefaultWageThatIsAnUnverifiedRegulationValueIsListedAmongThePlansUnverifiedValues() throws Exception {
        String desa = "63.09.01.2003";
        new BudgetFixture(jdbc).payer("APBDES:" + desa, "APBDES", "Pemerintah Desa Uji Upah Bawaan Daftar", desa);
        Http dpmd = Http.withToken(port, TestUsers.token(accounts, "default-wage-dpmd", Role.DPMD, "63.09"));
        int year = id.lindung.support.TestClock.nextBusinessYear();
        String header = "nik,name,sex,birth_date,category,segment,wage,programs";

        // an RT/RW row without a wage: the import fills in the villages' flat basis, which the plan names as a cohort's
        long id = NamedListIntegrationTests.plan(dpmd, desa, year);
        var uploaded = NamedListIntegrationTests.upload(dpmd, id, header + "\n6309011405800001,Ketua RT,L,1980-05-14,RT_RW,PU,,JKK;JKM\n");
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        Map<String, Object> plan = CurrentActor.runAs(DPMD, () -> plans.get(id, DPMD));
        Map<String, Object> basis = UnverifiedParametersIntegrationTests.only(plan.get("unverified"), FLAT_BASIS);
        assertThat(basis.get("value")).isEqualTo("1000000");
        assertThat(basis.get("affects")).isEqualTo(List.of("JKK", "JKM"));
        assertThat((List<String>) basis.get("months")).hasSize(12).startsWith(year + "-01").endsWith(year + "-12");
        assertThat((List<String>) ((List<Map<String, Object>>) plan.get("months")).get(0).get("unverified")).contains(FLAT_BASIS);
        assertThat(dpmd.get("/api/v1/budget-plans/" + id + "/named-list").body()).contains("\"wageDefault\":\"" + FLAT_BASIS + "\"");
        assertThat(dpmd.get("/anggaran/" + id + "?lang=id", "text/html").body()).contains("(" + FLAT_BASIS + ") = Rp 1.000.000");
        // a prioritisation over the list costs the person at the same default, and names it too
        var prioritised = dpmd.postJson("/api/v1/budget-plans/" + id + "/prioritise", "{\"budget\":100000000,\"candidates\":\"IMPORTED_LIST\"}");
        assertThat(prioritised.statusCode()).as(prioritised.body()).isEqualTo(200);
        assertThat(prioritised.body()).contains("\"parameter\":\"" + FLAT_BASIS + "\"");

        // the same person at a wage the file gives is the planner's own figure: not named, same total
        long typed = NamedListIntegrationTests.plan(dpmd, desa, year);
        assertThat(NamedListIntegrationTests.upload(dpmd, typed, header
                + "\n6309011405800001,Ketua RT,L,1980-05-14,RT_RW,PU,1000000,JKK;JKM\n").statusCode()).isEqualTo(200);
        Map<String, Object> given = CurrentActor.runAs(DPMD, () -> plans.get(typed, DPMD));
        assertThat((List<Map<String, Object>>) given.get("unverified")).extracting(u -> u.get("parameter")).doesNotContain(FLAT_BASIS);
        assertThat(given.get("total")).isEqualTo(plan.get("total"));
    }
}
