package id.lindung.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.Multipart;
import id.lindung.support.TestUsers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract and security review of the coverage module: every date a request names is within one range (CoverageDates)
 * or refused as OUT_OF_RANGE naming its field, never a 500 nor a count of seconds; a malformed region is 400 everywhere;
 * a regulation's file is a PDF from its first byte under a PDF's name; one code has one status; echoed input is cut short.
 */
@IntegrationTest
class CoverageInputIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;

    private Http dpmd() {
        return Http.withToken(port, TestUsers.token(accounts, "cov-input.dpmd", Role.DPMD, "64.02"));
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    private static LocalDate today() {
        return id.lindung.support.TestClock.businessToday();
    }

    @Test
    void aDateBeforeTheProgrammesOrMoreThanAYearAheadIsOutOfRangeNamingItsField() {
        Http api = dpmd();
        String tooLate = today().plusYears(1).plusDays(1).toString();
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        for (String date : List.of("%2B999999999-12-31", "-999999999-01-01", "9999-12-31", "%2B10000-01-01", "%2B30000-01-01",
                "5000-06-30", "2060-01-01", tooLate, "2015-06-30", "0000-01-01")) {
            refused.put("/api/v1/coverage?region=64.02&date=" + date, "date");
            refused.put("/api/v1/coverage/children?region=64.02&date=" + date, "date");
            refused.put("/api/v1/coverage/desa-sadar?region=64.02&date=" + date, "date");
            refused.put("/api/v1/coverage?region=64.02&date=2025-12-31&periodFrom=" + date + "&periodTo=2025-12-31", "periodFrom");
            refused.put("/api/v1/coverage?region=64.02&date=2025-12-31&periodTo=" + date, "periodTo");
        }
        refused.put("/api/v1/coverage/trend?region=64.02&from=%2B999999999-12&to=%2B999999999-12", "from");
        refused.put("/api/v1/coverage/trend?region=64.02&from=-999999999-01&to=2025-01", "from");
        refused.put("/api/v1/coverage/trend?region=64.02&from=-0001-01&to=0000-12", "from");
        refused.put("/api/v1/coverage/trend?region=64.02&from=2015-06&to=2016-01", "from");
        refused.put("/api/v1/coverage/trend?region=64.02&from=2025-01&to=%2B999999999-12", "to");
        refused.put("/api/v1/coverage/trend?region=64.02&from=2025-01&to=" + today().plusYears(1).plusMonths(1).toString().substring(0, 7), "to");
        refused.forEach((path, field) -> {
            HttpResponse<String> r = api.get(path);
            assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(400);
            assertThat(json(r).path("code").asString()).as(path).isEqualTo("OUT_OF_RANGE");
            assertThat(json(r).path("errors").get(0).path("field").asString()).as(path).isEqualTo(field);
        });
        // the Indonesian answer (the default) places the date and the bounds in its sentence, not in a tail of values
        HttpResponse<String> r = api.get("/api/v1/coverage/desa-sadar?region=64.02&date=2015-06-30");
        assertThat(json(r).path("detail").asString()).contains("Nilai 2015-06-30 di luar rentang 2015-07-01 sampai ")
                .doesNotContain("Nilai:");
    }

    @Test
    void theChildrenTakeTheMoneyPeriodAsTheRegionsObjectDoes() {
        // children ignored periodFrom and periodTo: "the same object for each child region" had another money period
        // than the region's own object asked with the same parameters (issue 14 audit)
        Http api = dpmd();
        String query = "region=64.02&date=2025-12-31&periodFrom=2025-07-01&periodTo=2025-09-30";
        JsonNode region = json(api.get("/api/v1/coverage?" + query));
        JsonNode children = json(api.get("/api/v1/coverage/children?" + query));
        assertThat(children.size()).isPositive();
        for (JsonNode child : children) {
            assertThat(child.path("money").path("from").asString()).isEqualTo("2025-07-01");
            assertThat(child.path("money").path("to").asString()).isEqualTo("2025-09-30");
        }
        assertThat(region.path("money").path("from").asString()).isEqualTo("2025-07-01");
        HttpResponse<String> bad = api.get("/api/v1/coverage/children?region=64.02&periodFrom=2025-02-30");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).path("errors").get(0).path("field").asString()).isEqualTo("periodFrom");
        assertThat(json(bad).path("code").asString()).isEqualTo("DATE_INVALID");
    }

    @Test
    void theFirstDayOfTheProgrammesAndAYearAheadAreAnswered() {
        Http api = dpmd();
        for (String path : List.of("/api/v1/coverage?region=64.02&date=2015-07-01",
                "/api/v1/coverage?region=64.02&date=" + today().plusYears(1),
                "/api/v1/coverage/trend?region=64.02&from=2015-07&to=2015-08")) {
            HttpResponse<String> r = api.get(path);
            assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        }
    }

    @Test
    void theDashboardItsTrendAndItsDownloadsRefuseADateOutOfRangeWithA400Page() {
        Http api = dpmd();
        for (String date : List.of("%2B999999999-12-31", "-999999999-01-01", "2060-01-01", "2015-06-30")) {
            for (String path : List.of("/cakupan?region=64.02&date=" + date, "/cakupan/tren?region=64.02&date=" + date,
                    "/cakupan/ekspor?region=64.02&table=trend&date=" + date)) {
                assertThat(api.get(path).statusCode()).as(path).isEqualTo(400);
            }
        }
        // a date in the programmes' first two years draws its trend from July 2015
        assertThat(api.get("/cakupan/tren?region=64.02&date=2016-01-31").statusCode()).isEqualTo(200);
        assertThat(api.get("/cakupan/ekspor?region=64.02&table=trend&date=2015-07-01&format=csv").statusCode()).isEqualTo(200);
    }

    @Test
    void aMalformedRegionIsRegionCodeInvalidInTheRegisterAsInTheIndicatorsAndAnotherRegencyIsNotFound() {
        Http api = dpmd();
        for (String path : List.of("/api/v1/local-regulations?region=xx", "/api/v1/coverage?region=xx")) {
            HttpResponse<String> r = api.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(json(r).path("code").asString()).as(path).isEqualTo("REGION_CODE_INVALID");
            assertThat(json(r).path("errors").get(0).path("field").asString()).as(path).isEqualTo("region");
        }
        assertThat(api.get("/cakupan/regulasi?region=xx").statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/local-regulations?region=62.02").statusCode()).isEqualTo(404);
        assertThat(api.get("/cakupan/regulasi?region=62.02").statusCode()).isEqualTo(404);
        // the page says so beside its filter, keeping what was typed, over the scope's own list: not the error page
        for (String typed : List.of("Kutai", "62.02")) {
            String page = api.get("/cakupan/regulasi?region=" + typed + "&lang=id", "text/html").body();
            assertThat(page).contains("id=\"region-refused\"", "&#39;" + typed + "&#39; bukan kode wilayah dalam cakupan Anda")
                    .contains("value=\"" + typed + "\"").contains("<form class=\"filters\"")
                    .doesNotContain("ekspor?region=" + typed);
        }
        // a refused date with no region typed is the 400 it was, never a 500
        assertThat(api.get("/cakupan/regulasi?inForceOn=1900-01-01").statusCode()).isEqualTo(400);
        HttpResponse<String> farFuture = api.get("/api/v1/local-regulations?region=64.02&inForceOn=%2B999999999-12-31");
        assertThat(farFuture.statusCode()).as(farFuture.body()).isEqualTo(400);
        assertThat(json(farFuture).path("code").asString()).isEqualTo("DATE_INVALID");
    }

    @Test
    void anEchoedRegionIsCutToFortyCharacters() {
        String region = "9".repeat(5000);
        for (String path : List.of("/api/v1/coverage?region=" + region, "/api/v1/local-regulations?region=" + region,
                "/api/v1/coverage/trend?region=64.02&from=" + region + "&to=2025-01",
                "/api/v1/coverage/desa-sadar?region=64.02&status=" + region)) {
            // the English text is the one that echoes the value (the Indonesian one names none, ProblemLanguage)
            HttpResponse<String> r = dpmd().get(path, "Accept-Language", "en");
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(r.body()).as(path).contains("9".repeat(40) + "…").doesNotContain("9".repeat(41));
            assertThat(dpmd().get(path).body()).as(path + ", in Indonesian").doesNotContain("9".repeat(41));
        }
    }

    private HttpResponse<String> upload(String number, String fileName, byte[] content) {
        Multipart form = Multipart.form();
        form.field("kind", "PERBUP").field("number", number).field("title", "Perlindungan Aparatur Desa")
                .field("regionCode", "64.02").field("signedOn", "2024-02-01").field("inForceFrom", "2024-03-01");
        form.file("file", fileName, "application/pdf", content);
        return dpmd().post("/api/v1/local-regulations", form.contentType(), form.body());
    }

    @Test
    void aRegulationFileMustStartAsAPdfAndIsKeptAndServedUnderAPdfsName() {
        byte[] html = ("<html><!-- %PDF-1.4 --><script>alert(1)</script></html>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> disguised = upload("HTML " + RUN, "..\\..\\evil.html", html);
        assertThat(disguised.statusCode()).as(disguised.body()).isEqualTo(400);
        assertThat(json(disguised).path("code").asString()).isEqualTo("FILE_NOT_PDF");

        HttpResponse<String> override = upload("RLO " + RUN, "perbup\u202Efdp.exe", LocalRegulationFileTests.pdf());
        assertThat(override.statusCode()).as(override.body()).isEqualTo(400);
        assertThat(json(override).path("code").asString()).isEqualTo("FILE_NAME_INVALID");
        assertThat(json(override).path("errors").get(0).path("field").asString()).isEqualTo("file");

        HttpResponse<String> renamed = upload("PDF " + RUN, "..\\..\\evil.html", LocalRegulationFileTests.pdf());
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(201);
        assertThat(json(renamed).path("file").path("name").asString()).isEqualTo("evil.html.pdf");
        HttpResponse<String> served = dpmd().get("/api/v1/local-regulations/" + json(renamed).path("id").asLong() + "/file");
        assertThat(served.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("evil.html.pdf"));
    }

    @Test
    void aKindTheRegionDoesNotIssueIsRefusedByARuleWith422() {
        HttpResponse<String> r = dpmd().postJson("/api/v1/local-regulations", """
                {"kind": "PERWALI", "number": "W-%s", "title": "x", "regionCode": "64.02", "signedOn": "2024-02-01",
                 "inForceFrom": "2024-02-01"}""".formatted(RUN));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(json(r).path("code").asString()).isEqualTo("KIND_NOT_FOR_REGION");
    }

    @Test
    void aSemesterBeforeTheProgrammesIsSemesterInvalidWith400LikeAMalformedOne() {
        Http api = dpmd();
        for (String semester : List.of("2014-1", "2015-1", "2025-3", "0000-1")) {
            HttpResponse<String> r = api.get("/api/v1/reports/monev?region=64.02&semester=" + semester + "&format=json");
            assertThat(r.statusCode()).as(semester + " " + r.body()).isEqualTo(400);
            assertThat(json(r).path("code").asString()).as(semester).isEqualTo("SEMESTER_INVALID");
        }
        HttpResponse<String> first = api.get("/api/v1/reports/monev?region=64.02&semester=2015-2&format=json");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        // the first semester has no previous one under the programmes: none, not a 0 never counted (docs/coverage.md)
        for (JsonNode row : List.of(json(first).path("total"), json(first).path("children").get(0))) {
            assertThat(row.path("previousRegistered").isNull()).as(row.toString()).isTrue();
            assertThat(row.path("previousProtected").isNull()).as(row.toString()).isTrue();
            assertThat(row.path("previousRatio").isNull()).as(row.toString()).isTrue();
        }
    }

    /** A trend with both months at fault names both, and a report its semester and format (api-errors.md: errors lists
     * every field at fault; the first was answered alone: contract review of 6 December 2026). */
    @Test
    void aTrendWithBothMonthsAtFaultNamesBothAndAReportItsSemesterAndFormat() {
        Http api = dpmd();
        for (String[] c : new String[][] {{"from=2026-13&to=2026-14", "MONTH_INVALID", "MONTH_INVALID"},
                                          {"from=&to=", "REQUIRED", "REQUIRED"},
                                          {"from=2000-01&to=2099-01", "OUT_OF_RANGE", "OUT_OF_RANGE"}}) {
            HttpResponse<String> r = api.get("/api/v1/coverage/trend?region=64.02&" + c[0]);
            assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
            JsonNode errors = json(r).path("errors");
            assertThat(errors.size()).as(c[0] + ": " + r.body()).isEqualTo(2);
            assertThat(errors.get(0).path("field").asString()).isEqualTo("from");
            assertThat(errors.get(0).path("code").asString()).isEqualTo(c[1]);
            assertThat(errors.get(1).path("field").asString()).isEqualTo("to");
            assertThat(errors.get(1).path("code").asString()).isEqualTo(c[2]);
        }
        // one at fault keeps its own code as the answer's
        assertThat(json(api.get("/api/v1/coverage/trend?region=64.02&from=2026-13&to=2026-01")).path("code").asString())
                .isEqualTo("MONTH_INVALID");
        // the monitoring report: a bad semester and a bad format, both named
        HttpResponse<String> monev = api.get("/api/v1/reports/monev?region=64.02&semester=abc&format=docx");
        assertThat(monev.statusCode()).isEqualTo(400);
        JsonNode errors = json(monev).path("errors");
        assertThat(errors.size()).as(monev.body()).isEqualTo(2);
        assertThat(errors.get(0).path("code").asString()).isEqualTo("SEMESTER_INVALID");
        assertThat(errors.get(1).path("code").asString()).isEqualTo("FORMAT_UNKNOWN");
    }

    @Test
    void aMissingMonthOrSemesterIsRequiredInIndonesianWithoutPassingItsExampleOffAsTheValueSent() {
        // "Wajib diisi. Nilai: 2025-1." read as if 2025-1 had been sent (audit14): the example is an example
        Http api = dpmd();
        var trend = api.get("/api/v1/coverage/trend?region=64.02&from=&to=2025-01");
        assertThat(trend.statusCode()).isEqualTo(400);
        assertThat(trend.body()).contains("\"code\":\"REQUIRED\"").contains("Wajib diisi, dalam bentuk YYYY-MM.")
                .doesNotContain("Nilai: YYYY-MM");
        var monev = api.get("/api/v1/reports/monev?region=64.02&format=json");
        assertThat(monev.statusCode()).isEqualTo(400);
        assertThat(monev.body()).contains("\"field\":\"semester\"").contains("Wajib diisi, misalnya 2025-1.")
                .doesNotContain("Nilai: 2025-1");
        // English keeps the sentence written where the problem was made
        assertThat(api.get("/api/v1/reports/monev?region=64.02&format=json", "Accept-Language", "en").body())
                .contains("semester is required, e.g. 2025-1");
    }
}
