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
    @Autowired WhatIf whatIf;
    @Autowired Prioritisation prioritisation;

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
        assertThat(xlsxCells(port, token, id)).contains("BELUM TERVERIFIKASI").contains("pu.jp.wageCap");
    }

    /** The cells of the first sheet of a plan's XLSX download, joined by '|'. */
    static String xlsxCells(int port, String token, long id) throws Exception {
        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/v1/budget-plans/" + id + "/xlsx")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            StringBuilder cells = new StringBuilder();
            wb.getSheetAt(0).forEach(row -> row.forEach(cell -> cells.append(cell.toString()).append('|')));
            return cells.toString();
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> only(Object list, String parameter) {
        return ((List<Map<String, Object>>) list).stream().filter(u -> parameter.equals(u.get("parameter"))).findFirst()
                .orElseThrow(() -> new AssertionError(parameter + " not listed in " + list));
    }

    /** The row as plans were written before they listed unverified values: no list, no month marks, no source. */
    private void asStoredBeforePlansListedThem(long id) {
        jdbc.sql("""
                update budget_plan set result = jsonb_set(result - 'unverified' - 'unverifiedSource', '{months}',
                    (select jsonb_agg(m - 'unverified' order by n) from jsonb_array_elements(result -> 'months')
                         with ordinality as e(m, n)))
                where id = ?""").param(id).update();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPlanStoredBeforePlansListedUnverifiedValuesListsThemOnRead() {
        new BudgetFixture(jdbc).payer("APBDES:" + DESA, "APBDES", "Pemerintah Desa Uji Verifikasi", DESA);
        Map<String, Object> plan = officialsWithJp(2026);
        long id = ((Number) plan.get("id")).longValue();
        asStoredBeforePlansListedThem(id);
        assertThat(jdbc.sql("select jsonb_exists(result, 'unverified') or jsonb_exists(result -> 'months' -> 2, 'unverified') from budget_plan where id = ?")
                .param(id).query(Boolean.class).single()).isFalse();

        Map<String, Object> read = CurrentActor.runAs(DPMD, () -> plans.get(id, DPMD));
        assertThat(read.get("unverified")).isEqualTo(plan.get("unverified"));
        assertThat(read.get("unverifiedSource")).as("costed again with the regulation data it was costed with").isEqualTo("COSTED_AGAIN");
        assertThat(plan.get("unverifiedSource")).isEqualTo("COSTED");
        List<Map<String, Object>> months = (List<Map<String, Object>>) read.get("months");
        assertThat(months.get(1).get("unverified")).isEqualTo(List.of());
        assertThat(months.get(2).get("unverified")).isEqualTo(List.of("pu.jp.wageCap"));
        // a list does not cost every such plan again on each request: its flag stays empty, there and in the download
        assertThat(CurrentActor.runAs(DPMD, () -> plans.all("APBDES:" + DESA, 2026, DPMD)))
                .filteredOn(p -> p.id() == id).singleElement().extracting(BudgetPlans.Summary::unverified).isNull();
        String token = TestUsers.token(accounts, "unverified-dpmd", Role.DPMD, "72.04");
        assertThat(Http.withToken(port, token).get("/anggaran/ekspor?year=2026&format=csv&lang=id").body().lines()
                .filter(line -> line.startsWith(id + ",")).findFirst().orElseThrow()).endsWith(",");
        // and nothing is written back: the list stays computed from the plan's input and its own regulation data
        assertThat(jdbc.sql("select jsonb_exists(result, 'unverified') from budget_plan where id = ?").param(id).query(Boolean.class).single())
                .isFalse();
    }


    @Test
    @SuppressWarnings("unchecked")
    void aPlanStoredBeforePlansListedUnverifiedValuesAndCostedWithOtherRegulationDataSaysItsListCannotBeTold() {
        new BudgetFixture(jdbc).payer("APBDES:" + DESA, "APBDES", "Pemerintah Desa Uji Verifikasi", DESA);
        Map<String, Object> plan = officialsWithJp(2026);
        long id = ((Number) plan.get("id")).longValue();
        // stored before plans listed unverified values, costed with regulation data since changed (another version):
        // which of its values were unverified then is not kept, and today's list could name values confirmed since
        asStoredBeforePlansListedThem(id);
        jdbc.sql("""
                update budget_plan set regulation_version = 'reg-0123456789ab',
                       result = jsonb_set(result, '{regulationVersion}', '"reg-0123456789ab"')
                where id = ?""").param(id).update();

        Map<String, Object> read = CurrentActor.runAs(DPMD, () -> plans.get(id, DPMD));
        assertThat(read.get("unverified")).as("not today's list").isNull();
        assertThat(read.get("unverifiedSource")).isEqualTo("REGULATION_CHANGED");
        assertThat(((List<Map<String, Object>>) read.get("months")).get(2).get("unverified")).isNull();
        String token = TestUsers.token(accounts, "unverified-dpmd", Role.DPMD, "72.04");
        var api = Http.withToken(port, token).get("/api/v1/budget-plans/" + id).body();
        assertThat(api).doesNotContain("\"unverified\":[").contains("\"unverifiedSource\":\"REGULATION_CHANGED\"");
        assertThat(Http.withToken(port, token).get("/anggaran/" + id + "?lang=id", "text/html").body())
                .contains("data regulasi telah berubah sejak angkanya dihitung").doesNotContain("BELUM TERVERIFIKASI");
        assertThat(Http.withToken(port, token).get("/anggaran/" + id + "?lang=en", "text/html").body())
                .contains("the regulation data has changed since its figures were computed");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWhatIfNamesTheUnverifiedValuesItsCostsUseOnItsPageAndInItsDownloads() throws Exception {
        Actor national = TestUsers.actor("unverified-national", Role.MONITOR, "ID");
        Map<String, Object> withJp = CurrentActor.runAs(national, () -> whatIf.run(new WhatIf.Policy(2026, true, 8,
                List.of("JKK", "JKM", "JP"), 0, null, null, null, "72.04"), national));
        Map<String, Object> cap = only(withJp.get("unverified"), "pu.jp.wageCap");
        assertThat(cap.get("value")).isEqualTo("11086300");
        assertThat(cap.get("from")).isEqualTo("2026-03-01");
        assertThat(cap.get("affects")).isEqualTo(List.of("JP"));
        assertThat((List<String>) cap.get("months")).hasSize(10).startsWith("2026-03").endsWith("2026-12");
        // officials without JP in 2025 use nothing unverified; vulnerable BPU workers use the inferred income bands
        Map<String, Object> plain = CurrentActor.runAs(national, () -> whatIf.run(new WhatIf.Policy(2025, true, 8,
                List.of("JKK", "JKM"), 0, null, null, null, "72.04"), national));
        assertThat((List<?>) plain.get("unverified")).isEmpty();
        Map<String, Object> vulnerable = CurrentActor.runAs(national, () -> whatIf.run(new WhatIf.Policy(2025, true, 8,
                List.of("JKK", "JKM"), 5, null, null, null, "72.04"), national));
        assertThat(only(vulnerable.get("unverified"), "bpu.income.bandWidth").get("affects")).isEqualTo(List.of("JKK"));

        String token = TestUsers.token(accounts, "unverified-national", Role.MONITOR, "ID");
        String query = "year=2026&officials=on&perangkatPerDesa=8&officialPrograms=JKK&officialPrograms=JKM&officialPrograms=JP"
                + "&vulnerablePerDesa=0&vulnerableIncome=1000000&vulnerablePrograms=JKK&vulnerablePrograms=JKM"
                + "&vulnerablePayer=APBDES&region=72.04";
        Http http = Http.withToken(port, token);
        assertThat(http.get("/anggaran/simulasi-kebijakan?" + query + "&lang=id", "text/html").body())
                .contains("BELUM TERVERIFIKASI").contains("(pu.jp.wageCap) = Rp 11.086.300 sejak 1 Mar 2026")
                .contains("memengaruhi JP pada 10 bulan");
        assertThat(http.get("/anggaran/simulasi-kebijakan?" + query + "&lang=en", "text/html").body())
                .contains("UNVERIFIED").contains("affects JP in 10 month(s)");
        assertThat(http.get("/anggaran/simulasi-kebijakan?" + query.replace("year=2026", "year=2025")
                .replace("&officialPrograms=JP", "") + "&lang=id", "text/html").body())
                .doesNotContain("BELUM TERVERIFIKASI").contains("Hasil ini tidak memakai nilai regulasi yang belum terverifikasi");
        String csv = http.get("/anggaran/simulasi-kebijakan/unduh?table=provinces&" + query + "&lang=id", "text/csv").body();
        assertThat(csv.lines().toList()).first().asString().contains("Nilai belum terverifikasi");
        assertThat(csv.lines().skip(1).toList()).isNotEmpty().allSatisfy(line -> assertThat(line).contains("pu.jp.wageCap"));
        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/anggaran/simulasi-kebijakan/unduh?format=xlsx&" + query + "&lang=id"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            StringBuilder cells = new StringBuilder();
            wb.getSheet("unverified").forEach(row -> row.forEach(cell -> cells.append(cell.toString()).append('|')));
            assertThat(cells.toString()).contains("BELUM TERVERIFIKASI").contains("(pu.jp.wageCap) = Rp 11.086.300 sejak 1 Mar 2026");
        }
    }

    @Test
    void aPrioritisationNamesTheUnverifiedValuesItsCandidatesAreCostedWithInTheApiAndOnItsPage() {
        new BudgetFixture(jdbc).payer("APBDES:" + DESA, "APBDES", "Pemerintah Desa Uji Verifikasi", DESA);
        // next year's plan, so it has all twelve months whatever today is: a plan of the current year starts the month
        // after today, and a fixed 2027 lost January on 1 January 2027
        int year = id.lindung.support.TestClock.nextBusinessYear();
        Map<String, Object> plan = officialsWithJp(year);
        long id = ((Number) plan.get("id")).longValue();
        // candidates are costed as BPU: JKK on the income band, whose width and basis the sources do not settle
        Map<String, Object> result = CurrentActor.runAs(DPMD, () -> prioritisation.prioritise(id,
                new Prioritisation.Request(new BigDecimal("1000000"), null, null, null, null, null), DPMD));
        Map<String, Object> band = only(result.get("unverified"), "bpu.income.bandWidth");
        assertThat(band.get("affects")).isEqualTo(List.of("JKK"));
        assertThat(band.get("months")).isEqualTo(java.util.stream.IntStream.rangeClosed(1, 12)
                .mapToObj(m -> java.time.YearMonth.of(year, m).toString()).toList());

        String token = TestUsers.token(accounts, "unverified-monitor", Role.MONITOR, "72.04");
        String api = Http.withToken(port, token).postJson("/api/v1/budget-plans/" + id + "/prioritise", "{\"budget\":1000000}").body();
        assertThat(api).contains("\"unverified\":[").contains("bpu.income.bandWidth");
        assertThat(Http.withToken(port, token).get("/anggaran/" + id + "/prioritas?budget=1000000&lang=id", "text/html").body())
                .contains("BELUM TERVERIFIKASI").contains("(bpu.income.bandWidth)").contains("memengaruhi JKK pada 12 bulan");
        assertThat(Http.withToken(port, token).get("/anggaran/" + id + "/prioritas?budget=1000000&lang=en", "text/html").body())
                .contains("UNVERIFIED").contains("affects JKK in 12 month(s)");
    }
}
