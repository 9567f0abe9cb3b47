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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A plan names every regulation value its figures were computed with that the regulation data marks unverified
 * (RULES.md's UNVERIFIED, {@code verified: false}): the 2026 JP wage cap (Rp 11,086,300 from March, KEPDIR not confirmed)
 * for a village's officials with JP in 2026, and none for the same officials in 2025, whose cap is published.
 */
@IntegrationTest
class UnverifiedParametersIntegrationTests {

    static final String DESA = "72.04.02.2008";
    static final Actor DPMD = TestUsers.actor("unverified-dpmd", Role.DPMD, "72.04");

    @LocalServerPort int port;
    @Autowired BudgetPlans plans;
    @Autowired PlanDocuments documents;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    Map<String, Object> officialsWithJp(int year) {
        return CurrentActor.runAs(DPMD, () -> plans.create(new PlanRequest("APBDES:" + DESA, year, null,
                List.of(new PlanRequest.CohortInput("PERANGKAT_DESA", "PU", 2L, new BigDecimal("12000000"),
                        List.of("JKK", "JKM", "JHT", "JP"), year + "-01", null)), "perangkat dengan JP"), DPMD));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPlanListsTheUnverifiedValuesItsFiguresUseAndAPlanOfAYearWithoutAnyListsNone() throws Exception {
        new BudgetFixture(jdbc).payer("APBDES:" + DESA, "APBDES", "Pemerintah Desa Uji Verifikasi", DESA);

        Map<String, Object> plan2026 = officialsWithJp(2026);
        List<Map<String, Object>> unverified = (List<Map<String, Object>>) plan2026.get("unverified");
        assertThat(unverified).singleElement().satisfies(u -> {
            assertThat(u.get("parameter")).isEqualTo("pu.jp.wageCap");
            assertThat(u.get("value")).isEqualTo("11086300");
            assertThat(u.get("from")).isEqualTo("2026-03-01");
            assertThat(u.get("affects")).isEqualTo(List.of("JP"));
            assertThat((List<String>) u.get("months")).hasSize(10).startsWith("2026-03").endsWith("2026-12");
            assertThat(u.get("projected")).isEqualTo(false);
        });
        List<Map<String, Object>> months = (List<Map<String, Object>>) plan2026.get("months");
        assertThat(months.get(1).get("unverified")).as("February still uses the verified 2025 cap").isEqualTo(List.of());
        assertThat(months.get(2).get("unverified")).isEqualTo(List.of("pu.jp.wageCap"));

        Map<String, Object> plan2025 = officialsWithJp(2025);
        assertThat((List<?>) plan2025.get("unverified")).isEmpty();

        // the plans list marks the one, not the other
        assertThat(CurrentActor.runAs(DPMD, () -> plans.all("APBDES:" + DESA, null, DPMD)))
                .extracting(BudgetPlans.Summary::year, BudgetPlans.Summary::unverified).contains(
                        org.assertj.core.groups.Tuple.tuple(2026, true), org.assertj.core.groups.Tuple.tuple(2025, false));

        // the stored plan, its page, its PDF and its XLSX say it too, Indonesian first
        long id = ((Number) plan2026.get("id")).longValue();
        Map<String, Object> stored = CurrentActor.runAs(DPMD, () -> plans.get(id, DPMD));
        assertThat(stored.get("unverified")).isEqualTo(plan2026.get("unverified"));
        String token = TestUsers.token(accounts, "unverified-dpmd", Role.DPMD, "72.04");
        String page = Http.withToken(port, token).get("/anggaran/" + id + "?lang=id", "text/html").body();
        assertThat(page).contains("BELUM TERVERIFIKASI").contains("(pu.jp.wageCap) = Rp 11.086.300 sejak 1 Mar 2026")
                .contains("memengaruhi JP pada 10 bulan");
        String english = Http.withToken(port, token).get("/anggaran/" + id + "?lang=en", "text/html").body();
        assertThat(english).contains("UNVERIFIED").contains("affects JP in 10 month(s)");
        long id2025 = ((Number) plan2025.get("id")).longValue();
        assertThat(Http.withToken(port, token).get("/anggaran/" + id2025 + "?lang=id", "text/html").body())
                .doesNotContain("BELUM TERVERIFIKASI").contains("Tidak ada nilai regulasi belum terverifikasi");
        try (var reader = new com.lowagie.text.pdf.PdfReader(documents.pdf(stored, Locale.forLanguageTag("id")))) {
            String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s+", " ");
            assertThat(text).contains("BELUM TERVERIFIKASI").contains("pu.jp.wageCap");
        }
        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/v1/budget-plans/" + id + "/xlsx")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            StringBuilder cells = new StringBuilder();
            wb.getSheetAt(0).forEach(row -> row.forEach(cell -> cells.append(cell.toString()).append('|')));
            assertThat(cells.toString()).contains("BELUM TERVERIFIKASI").contains("pu.jp.wageCap");
        }
    }
}
