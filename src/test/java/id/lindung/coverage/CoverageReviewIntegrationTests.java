package id.lindung.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.Multipart;
import id.lindung.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The coverage pages and API as a reviewer met them: a form that answers on the form with each field's label, a date
 * outside the programmes' range answered on the dashboard with the range, numbers in the page's language with two
 * decimals for every ratio, a list of named people read through the API audited like its download, one code for a
 * malformed date, and a long file name refused as a name.
 */
@IntegrationTest
class CoverageReviewIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired id.lindung.region.PotentialWorkforce workforce;

    private Http dpmd() {
        return Http.withToken(port, TestUsers.token(accounts, "cov-review.dpmd", Role.DPMD, "64.02"));
    }

    private static Map<String, String> regulation(String signedOn) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("kind", "PERBUP");
        form.put("regionCode", "64.02");
        form.put("number", "7 Tahun 2026 " + RUN);
        form.put("title", "Judul yang diketik " + RUN);
        form.put("signedOn", signedOn);
        form.put("inForceFrom", "2026-01-01");
        return form;
    }

    @Test
    void theRegulationFormNamesEachFieldByItsLabelInBothLanguages() {
        Map<String, String> form = regulation("99999-99-99");
        form.put("title", "");
        String id = dpmd().postForm("/cakupan/regulasi?lang=id", form).body();
        // the refused text and the form a date takes, in the Indonesian sentence (it was the value-less "Tanggal tidak valid")
        assertThat(id).contains("Tanggal ditandatangani: Tanggal &#39;99999-99-99&#39; tidak sah: tulis sebagai YYYY-MM-DD.")
                .contains("Judul: Wajib diisi")
                .doesNotContain("{0}").doesNotContain("ditandatangani {0}").doesNotContain("Regulasi daerah: Wajib");
        String en = dpmd().postForm("/cakupan/regulasi?lang=en", regulation("2030-01-01")).body();
        assertThat(en).contains("Date signed: The date 2030-01-01 is after today.").doesNotContain("{0}");
    }

    @Test
    void aBadCheckboxOrARegionOutsideTheScopeShowsTheFormAgainWithTheTypedValues() {
        Map<String, String> form = regulation("2026-01-01");
        form.put("coversApparatus", "maybe");
        HttpResponse<String> bad = dpmd().postForm("/cakupan/regulasi?lang=en", form);
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("Village apparatus: Not one of the choices").contains("Judul yang diketik " + RUN);

        Map<String, String> elsewhere = regulation("2026-01-01");
        elsewhere.put("regionCode", "64.01");
        HttpResponse<String> out = dpmd().postForm("/cakupan/regulasi?lang=id", elsewhere);
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(out.body()).contains("Wilayah: Wilayah ini di luar wilayah Anda").contains("value=\"64.01\"")
                .contains("Judul yang diketik " + RUN);
        assertThat(dpmd().get("/api/v1/local-regulations?region=64.01").statusCode()).as("the API still answers 404").isEqualTo(404);
    }

    @Test
    void aDashboardDateOutsideTheProgrammesIsAnsweredOnTheDashboardWithTheAllowedRange() {
        for (String date : new String[] {"2014-01-01", "2026-13-01"}) {
            HttpResponse<String> r = dpmd().get("/cakupan?region=64.02&date=" + date + "&lang=id", "text/html");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("id=\"date-problem\"").contains(date).contains("1 Jul 2015")
                    .contains("min=\"2015-07-01\"").contains("id=\"children-table\"");
        }
        HttpResponse<String> trend = dpmd().get("/cakupan/tren?region=64.02&date=2014-01-01&lang=en", "text/html");
        assertThat(trend.body()).contains("choose a date from 1 Jul 2015").contains("id=\"trend-table\"");
    }

    @Test
    void readingTheDesaSadarListThroughTheApiIsAuditedLikeItsDownload() {
        Http api = dpmd();
        long before = exports();
        HttpResponse<String> r = api.get("/api/v1/coverage/desa-sadar?region=64.02&status=NEAR");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(exports()).isEqualTo(before + 1);
        String details = jdbc.sql("select after_state::text from audit_event where action = 'EXPORT' and entity_type = 'desa_sadar_list' "
                + "and username = 'cov-review.dpmd' order by id desc limit 1").query(String.class).single();
        assertThat(details).contains("\"format\": \"json\"");
    }

    /** A demo potential workforce figure for this year. */
    private void potential(String region, long workers) {
        String csv = "region_code,year,potential_workers,source\n" + region + "," + id.lindung.support.TestClock.businessToday().getYear()
                + "," + workers + ",BPS Sakernas\n";
        id.lindung.access.Actor admin = TestUsers.actor("cov-review-admin", Role.ADMIN, "ID");
        id.lindung.access.CurrentActor.runAs(admin, () -> workforce.importCsv(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), admin, true));
    }

    private long exports() {
        return jdbc.sql("select count(*) from audit_event where action = 'EXPORT' and entity_type = 'desa_sadar_list' "
                + "and username = 'cov-review.dpmd'").query(Long.class).single();
    }

    @Test
    void anUnsupportedLanguageRendersTheEffectiveOne() {
        assertThat(dpmd().get("/cakupan?region=64.02&lang=xx", "text/html").body()).contains("<html lang=\"id\"");
        assertThat(dpmd().get("/cakupan?region=64.02&lang=en", "text/html").body()).contains("<html lang=\"en\"");
    }

    @Test
    void theNationsWeakestListSaysHowManyProvincesHaveNoRatio() {
        // one province with a potential figure this year, as the demo has: it is ranked, the others are counted below
        potential("64", 2_000_000);
        Http national = Http.withToken(port, TestUsers.token(accounts, "cov-review.national", Role.MONITOR, "ID"));
        String html = national.get("/cakupan?region=ID&lang=en", "text/html").body();
        assertThat(html).contains("id=\"weakest\"").containsPattern("id=\"weakest-unranked\">\\d+ regions below have no ratio");
        assertThat(national.get("/cakupan?region=ID&lang=id", "text/html").body()).contains("tidak berperingkat");
    }

    @Test
    void aMalformedDateOnTheCoverageApiIsDateInvalidNamingItsFieldAndEchoedShort() {
        Http api = dpmd();
        for (String path : new String[] {"/api/v1/coverage?region=64.02&date=2026-02-30", "/api/v1/coverage/children?date=x",
                "/api/v1/coverage/desa-sadar?date=31-12-2025", "/api/v1/coverage?periodFrom=2026-1-1&periodTo=2026-02-01",
                "/api/v1/local-regulations?inForceOn=kemarin"}) {
            HttpResponse<String> r = api.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(json(r).path("code").asString()).as(path).isEqualTo("DATE_INVALID");
        }
        HttpResponse<String> huge = api.get("/api/v1/coverage?region=64.02&date=" + "9".repeat(6000));
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(json(huge).path("errors").get(0).path("field").asString()).isEqualTo("date");
        assertThat(huge.body().length()).as("the value is not echoed whole").isLessThan(1500);
    }

    @Test
    void aTrendStartingAfterTheCurrentMonthIsRefusedAsTheDocsSay() {
        String next = id.lindung.support.TestClock.businessToday().plusMonths(2).toString().substring(0, 7);
        HttpResponse<String> r = dpmd().get("/api/v1/coverage/trend?region=64.02&from=" + next + "&to=" + next);
        assertThat(json(r).path("code").asString()).isEqualTo("PERIOD_IN_FUTURE");
    }

    @Test
    void aFileNameTooLongForTheMultipartHeadersIsFileNameInvalid() {
        byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        Multipart form = Multipart.form().field("kind", "PERBUP").field("regionCode", "64.02").field("number", "8/" + RUN)
                .field("title", "Nama berkas panjang").field("signedOn", "2026-01-01").field("inForceFrom", "2026-01-01")
                .file("file", "a".repeat(600) + ".pdf", "application/pdf", pdf);
        HttpResponse<String> r = dpmd().post("/api/v1/local-regulations", form.contentType(), form.body());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(json(r).path("code").asString()).isEqualTo("FILE_NAME_INVALID");
    }

    @Test
    void ratiosHaveTwoDecimalsAndNumbersFollowThePagesLanguage() throws Exception {
        potential("64.02", 250_000);
        Http page = dpmd();
        String id = page.get("/cakupan?region=64.02&lang=id", "text/html").body();
        String en = page.get("/cakupan?region=64.02&lang=en", "text/html").body();
        assertThat(id).containsPattern("\"stat\">\\d+,\\d\\d %<").doesNotContainPattern(">\\d+ %<").doesNotContainPattern(">\\d+,\\d %<")
                .contains("250.000");
        assertThat(en).containsPattern("\"stat\">\\d+\\.\\d\\d %<").doesNotContainPattern("\\d,\\d{1,2} %")
                .doesNotContainPattern("Rp \\d{1,3}\\.\\d{3}").contains("250,000");

        potential("64.02.03", 20_000);
        var children = HttpRequests.bytes(port, TestUsers.token(accounts, "cov-review.dpmd", Role.DPMD, "64.02"),
                "/cakupan/ekspor?region=64.02&table=children&format=xlsx&lang=id");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(children))) {
            var sheet = book.getSheetAt(0);
            boolean seen = false;
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                var ratio = sheet.getRow(i).getCell(5);
                if (ratio != null && ratio.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    assertThat(ratio.getCellStyle().getDataFormatString()).as("a ratio shown as a percentage, two decimals")
                            .isEqualTo("0.00%");
                    seen = true;
                }
            }
            assertThat(seen).isTrue();
        }
        var xlsx = HttpRequests.bytes(port, TestUsers.token(accounts, "cov-review.dpmd", Role.DPMD, "64.02"),
                "/cakupan/ekspor?region=64.02&table=desa-sadar&format=xlsx&lang=id");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                var missing = sheet.getRow(i).getCell(4);
                if (missing != null) {
                    assertThat(missing.getStringCellValue()).as("a category by its label").doesNotContainPattern("\\([A-Z_]+\\)");
                }
            }
        }
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    /** Bytes of a GET with a bearer token. */
    static final class HttpRequests {
        static byte[] bytes(int port, String token, String path) throws Exception {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
        }
    }
}
