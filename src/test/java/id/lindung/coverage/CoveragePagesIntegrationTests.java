package id.lindung.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.region.PotentialWorkforce;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The coverage pages as a new user meets them: money that never breaks inside a number, a ratio always beside its
 * numerator and denominator (and the denominator's source, marked when it is demo data), every table downloadable,
 * and a monitoring-report form that answers on the page, in the page's language, with the form kept.
 */
@IntegrationTest
class CoveragePagesIntegrationTests {

    static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired MonevReports reports;
    @Autowired PotentialWorkforce workforce;

    private String token() {
        return TestUsers.token(accounts, "pages-dpmd", Role.DPMD, "64.02");
    }

    private HttpResponse<byte[]> bytes(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theDashboardKeepsMoneyWholeShowsEveryRatioWithItsDenominatorAndItsSourceAndGroupsTheBreakdown() {
        // demo figures for 2026, as the demo loads them: the regency's own and one district's
        String csv = "region_code,year,potential_workers,source\n64.02,2026,250000,BPS Sakernas\n64.02.03,2026,20000,BPS Sakernas\n";
        Actor admin = TestUsers.actor("pages-admin", Role.ADMIN, "ID");
        CurrentActor.runAs(admin, () -> workforce.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), admin, true));
        Http page = Http.withToken(port, token());
        String html = page.get("/cakupan?region=64.02&date=2026-06-30&lang=id", "text/html").body();
        assertThat(html).as("money figures in unbreakable spans").contains("<span class=\"amount\">Rp");
        assertThat(html).as("the ratio of each child with protected / potential for phones").contains("class=\"ratio-of\"");
        assertThat(html).as("the denominator's year and source, and the demo badge /wilayah shows")
                .contains("id=\"potential-source\"").contains("Potensi tenaga kerja 2026: BPS Sakernas").contains("badge demo");
        assertThat(html).contains("id=\"split-table\"").contains("Segmen").contains("Jenis pembayar")
                .contains("Penerima upah (PU)").contains("Pemerintah desa (APBDes)").doesNotContain("??segment")
                .contains("table=split&amp;format=csv").contains("table=split&amp;format=xlsx");

        // the date picker allows what the figures allow (a year ahead), as the message for a refused date says; it
        // stopped at today while a typed later date was answered (review of 6 December 2026)
        var picker = java.util.regex.Pattern.compile("name=\"date\"[^>]*max=\"(\\d{4}-\\d{2}-\\d{2})\"").matcher(html);
        assertThat(picker.find()).as("the date picker has a max").isTrue();
        assertThat(java.time.LocalDate.parse(picker.group(1))).isAfter(id.lindung.support.TestClock.businessToday().plusMonths(11));

        String trend = page.get("/cakupan/tren?region=64.02&date=2026-06-30&lang=id", "text/html").body();
        assertThat(trend).as("the trend's numbers carry the ratio's denominator").contains(">Potensi</th>");
    }

    @Test
    void theBreakdownDownloadsAsXlsxNumbersAndCsvWithTheApisCounts() throws Exception {
        JsonNode api = JsonMapper.builder().build().readTree(Http.withToken(port, token())
                .get("/api/v1/coverage?region=64.02&date=2026-06-30").body());
        var xlsx = bytes("/cakupan/ekspor?region=64.02&date=2026-06-30&table=split&format=xlsx&lang=id");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = book.getSheetAt(0);
            // every split of the API's object is a group of rows: segment, category, programme, payer kind, extreme poverty
            assertThat(sheet.getLastRowNum()).isEqualTo(api.path("bySegment").size() + api.path("byCategory").size()
                    + api.path("byProgramme").size() + api.path("byPayerKind").size() + 1 + api.path("extremePoverty").path("byDecile").size());
            var pu = sheet.getRow(1);
            assertThat(pu.getCell(0).getStringCellValue()).isEqualTo("Segmen");
            assertThat(pu.getCell(1).getStringCellValue()).isEqualTo("PU");
            assertThat(pu.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat((long) pu.getCell(3).getNumericCellValue()).isEqualTo(api.path("bySegment").path("PU").path("registered").asLong());
            assertThat((long) pu.getCell(4).getNumericCellValue()).isEqualTo(api.path("bySegment").path("PU").path("protected").asLong());
        }
        String csv = new String(bytes("/cakupan/ekspor?region=64.02&date=2026-06-30&table=split&format=csv&lang=id").body(),
                StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFKelompok,Kode,Nama,Terdaftar,Terlindungi\r\n");
        assertThat(csv).contains("Jenis pembayar,APBDES,Pemerintah desa (APBDes),"
                + api.path("byPayerKind").path("APBDES").path("registered").asLong() + ",");
        assertThat(csv).contains("Kategori pekerja,KEPALA_DESA,Kepala desa,"
                + api.path("byCategory").path("KEPALA_DESA").path("registered").asLong() + ",");
        assertThat(csv).contains("Program,JKM,");
        assertThat(csv).contains("Miskin ekstrem (P3KE/DTKS),FLAGGED,Semua yang ditandai miskin ekstrem,"
                + api.path("extremePoverty").path("flagged").path("registered").asLong() + ",");
        assertThat(csv).contains("Miskin ekstrem (P3KE/DTKS),3,Desil 3,").contains("Miskin ekstrem (P3KE/DTKS),UNKNOWN,Desil tidak diketahui,");
    }

    @Test
    void theTrendOfAPastDateEndsOnThatDateWhereTheBigNumbersStand() throws Exception {
        // it ended on the month end after the date, a day the rest of the page does not show (issue 14 audit)
        String csv = new String(bytes("/cakupan/ekspor?region=64.02&date=2026-06-15&table=trend&format=csv&lang=id").body(),
                StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertThat(lines[lines.length - 1]).startsWith("2026-06-15,");
        assertThat(lines[lines.length - 2]).startsWith("2026-05-31,");
        JsonNode here = JsonMapper.builder().build().readTree(Http.withToken(port, token())
                .get("/api/v1/coverage?region=64.02&date=2026-06-15").body());
        assertThat(lines[lines.length - 1]).contains("," + here.path("registered").asLong() + "," + here.path("protected").asLong() + ",");
        String fragment = Http.withToken(port, token()).get("/cakupan/tren?region=64.02&date=2026-06-15&lang=id", "text/html").body();
        assertThat(fragment).contains("15 Jun 2026").doesNotContain("30 Jun 2026");
    }

    @Test
    void theBreakdownOnThePageSplitsByEveryDimensionTheIssueNamesEachWithItsDefinition() {
        String html = Http.withToken(port, token()).get("/cakupan?region=64.02&date=2026-06-30&lang=id", "text/html").body();
        // segment and payer kind were shown, category, programme and extreme poverty only in the API (issue 14 audit)
        assertThat(html).contains("id=\"split-category\"").contains("Kategori pekerja").contains("Kepala desa")
                .contains("id=\"split-programme\"").contains("JKK – Jaminan Kecelakaan Kerja")
                .contains("id=\"split-poverty\"").contains("Semua yang ditandai miskin ekstrem")
                .contains("Kategori pekerja: kategori pekerja saat ini").contains("Program: terdaftar = ")
                .contains("Miskin ekstrem (Inpres 4/2022)").doesNotContain("??");
    }

    @Test
    void theRegulationRegisterDownloadsAsCsvAndXlsxWithTheRowsOfThePage() throws Exception {
        Http api = Http.withToken(port, token());
        assertThat(api.postJson("/api/v1/local-regulations", """
                {"kind": "PERBUP", "number": "9 Tahun 2026 %s", "title": "Perlindungan pekerja rentan, desa dan nelayan",
                 "regionCode": "64.02", "signedOn": "2026-02-01", "inForceFrom": "2026-03-01", "coversVulnerable": true,
                 "programs": ["JKK", "JKM"]}""".formatted(RUN)).statusCode()).isEqualTo(201);
        String html = api.get("/cakupan/regulasi?region=64.02&lang=id", "text/html").body();
        assertThat(html).contains("/cakupan/regulasi/ekspor?region=64.02&amp;inForceOn=&amp;format=csv").contains("data-label=\"Berkas PDF\"");

        String csv = new String(bytes("/cakupan/regulasi/ekspor?region=64.02&format=csv&lang=id").body(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFJenis,Nomor,Judul,");
        assertThat(csv).contains("Peraturan Bupati,9 Tahun 2026 " + RUN + ",\"Perlindungan pekerja rentan, desa dan nelayan\"");
        var xlsx = bytes("/cakupan/regulasi/ekspor?region=64.02&format=xlsx&lang=id");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo("Nomor");
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(csv.split("\r\n").length - 1);
        }
    }

    @Test
    void aMonevReportThatCannotBeMadeShowsTheFormAgainWithTheReasonInThePagesLanguage() throws Exception {
        Http page = Http.withToken(port, token());
        String form = page.get("/cakupan/monev?lang=id", "text/html").body();
        assertThat(form).as("the page's form lands on a page, not on the API").contains("action=\"/cakupan/monev/unduh\"")
                .doesNotContain("/api/v1/reports/monev");
        assertThat(form).as("the regency of the scope is offered, not its districts")
                .contains("<option value=\"64.02\" selected=\"selected\">").doesNotContain("value=\"64.02.03\"");

        String semester = reports.recentSemesters(2).get(1);
        var district = page.get("/cakupan/monev/unduh?region=64.02.03&semester=" + semester + "&format=xlsx&lang=id", "text/html");
        assertThat(district.statusCode()).isEqualTo(422);
        assertThat(district.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(district.body()).contains("id=\"monev-problems\"").contains("bukan untuk kecamatan atau desa")
                .doesNotContain("REGION_LEVEL_NOT_REPORTED")
                .as("the form is kept").contains("<option value=\"xlsx\" selected=\"selected\">")
                .contains("<option value=\"" + semester + "\" selected=\"selected\">");
        var english = page.get("/cakupan/monev/unduh?region=64.02.03&semester=" + semester + "&format=pdf&lang=en", "text/html");
        assertThat(english.body()).contains("not for a district or village");
        assertThat(page.get("/cakupan/monev/unduh?region=73.02&semester=" + semester + "&lang=id", "text/html").statusCode())
                .as("outside the scope").isEqualTo(404);

        var pdf = bytes("/cakupan/monev/unduh?region=Kutai%20Kartanegara&semester=" + semester + "&format=pdf&lang=id");
        assertThat(pdf.statusCode()).as("a regency named from the list downloads").isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
    }
}
