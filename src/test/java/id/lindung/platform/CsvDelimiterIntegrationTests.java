package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestClock;
import id.lindung.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * User review of 3 December 2026: Excel with Indonesian settings (list separator {@code ;}, decimal comma) opened every
 * CSV download as one column. Each download takes {@code delimiter=semicolon} for it; without the parameter the file is
 * what it was; any other value is 400 {@code DELIMITER_INVALID}.
 */
@IntegrationTest
class CsvDelimiterIntegrationTests {

    private static final String WHAT_IF = "/anggaran/simulasi-kebijakan/unduh?table=provinces&year=" + TestClock.nextBusinessYear()
            + "&officials=on&perangkatPerDesa=8&officialPrograms=JKK&officialPrograms=JKM&vulnerablePerDesa=10"
            + "&vulnerableIncome=1000000&vulnerablePrograms=JKK&vulnerablePrograms=JKM&vulnerablePayer=APBDES&lang=id";
    private static final String CHILDREN = "/cakupan/ekspor?region=64.02&date=2026-06-30&table=children&format=csv&lang=id";

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;

    @Test
    void theWorkerExportInTheSemicolonDialectStartsWithAByteOrderMarkAndSplitsItsHeaderOnSemicolons() {
        Http api = Http.withToken(port, TestUsers.token(accounts, "csv-dialect-workers", Role.DPMD, "64.02"));
        var semicolon = semicolonFile(api, "/api/v1/workers/export.csv?region=64.02&delimiter=semicolon");
        assertThat(header(semicolon).split(";")).containsExactly("nik", "name", "sex", "birth_date", "village_code", "category",
                "status", "programs", "payers", "kpj");

        var standard = api.get("/api/v1/workers/export.csv?region=64.02");
        assertThat(standard.body()).as("unchanged without the parameter").startsWith("nik,name,sex,birth_date,village_code,");
        assertThat(api.get("/api/v1/workers/export.csv?region=64.02&delimiter=comma").body()).isEqualTo(standard.body());
        assertThat(semicolon.body().lines().count()).isEqualTo(standard.body().lines().count());
    }

    @Test
    void theCoverageTableInTheSemicolonDialectHasTheDefaultsCellsWithRatiosInDecimalComma() {
        Http page = Http.withToken(port, TestUsers.token(accounts, "csv-dialect-coverage", Role.DPMD, "64.02"));
        var semicolon = semicolonFile(page, CHILDREN + "&delimiter=semicolon");
        assertThat(header(semicolon).split(";")).startsWith("Kode", "Nama", "Potensi", "Terdaftar", "Terlindungi", "Rasio cakupan");
        int columns = header(semicolon).split(";").length;

        var standard = page.get(CHILDREN);
        assertThat(standard.body()).as("unchanged without the parameter").startsWith("\uFEFFKode,Nama,Potensi,Terdaftar,Terlindungi,Rasio cakupan,");
        List<String> rows = semicolon.body().lines().skip(1).toList();
        List<String> standardRows = standard.body().lines().skip(1).toList();
        assertThat(rows).hasSameSizeAs(standardRows).isNotEmpty();
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = rows.get(i).split(";", -1);
            String[] standardCells = standardRows.get(i).split(",", -1);
            assertThat(cells).hasSize(columns).hasSameSizeAs(standardCells);
            String ratio = cells[5];
            String standardRatio = standardCells[5];
            assertThat(ratio).as(rows.get(i)).isEqualTo(standardRatio.replace('.', ','));
            assertThat(ratio).matches("|\\d+(,\\d+)?");
        }
    }

    @Test
    void theWhatIfTableInTheSemicolonDialectStartsWithAByteOrderMarkAndSplitsItsHeaderOnSemicolons() {
        Http page = Http.withToken(port, TestUsers.token(accounts, "csv-dialect-whatif", Role.ADMIN, "ID"));
        var semicolon = semicolonFile(page, WHAT_IF + "&format=csv&delimiter=semicolon");
        assertThat(semicolon.body()).startsWith("\uFEFFKode;Nama;Desa;Jumlah orang;");
        // the last column names the unverified regulation values the costs use (docs/budget.md)
        assertThat(header(semicolon).split(";")).hasSize(10).endsWith("Nilai belum terverifikasi");
        var standard = page.get(WHAT_IF + "&format=csv");
        assertThat(standard.body()).as("unchanged without the parameter").startsWith("\uFEFFKode,Nama,Desa,Jumlah orang,");
        assertThat(semicolon.body().lines().count()).isEqualTo(standard.body().lines().count()).isGreaterThan(1);
        String firstRow = semicolon.body().lines().skip(1).findFirst().orElseThrow();
        assertThat(firstRow.split(";", -1)).hasSize(10);
        assertThat(firstRow).doesNotContainPattern("\\d\\.\\d");
    }

    @Test
    void aDelimiterOtherThanCommaOrSemicolonIsRefusedOnEveryDownload() throws Exception {
        Http api = Http.withToken(port, TestUsers.token(accounts, "csv-dialect-refused", Role.DPMD, "64.02"));
        var workers = api.get("/api/v1/workers/export.csv?region=64.02&delimiter=tab");
        assertThat(workers.statusCode()).isEqualTo(400);
        assertThat(workers.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(workers.body());
        assertThat(problem.path("code").asString()).isEqualTo("DELIMITER_INVALID");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("delimiter");
        assertThat(api.get("/api/v1/workers/export.xlsx?region=64.02&delimiter=tab").statusCode()).isEqualTo(400);
        assertThat(api.get(CHILDREN + "&delimiter=tab").statusCode()).isEqualTo(400);
        assertThat(api.get("/cakupan/regulasi/ekspor?region=64.02&format=csv&delimiter=tab").statusCode()).isEqualTo(400);
        Http national = Http.withToken(port, TestUsers.token(accounts, "csv-dialect-refused-admin", Role.ADMIN, "ID"));
        assertThat(national.get(WHAT_IF + "&format=csv&delimiter=tab").statusCode()).isEqualTo(400);
    }

    /** A download in the semicolon dialect: answered, and starting with the byte-order mark. */
    private static HttpResponse<String> semicolonFile(Http http, String path) {
        var response = http.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.body()).startsWith("\uFEFF");
        return response;
    }

    private static String header(HttpResponse<String> response) {
        return response.body().replace("\uFEFF", "").lines().findFirst().orElseThrow();
    }
}
