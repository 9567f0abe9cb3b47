package id.lindung.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Inpres 2/2021 report of a regency for a semester: the PDF opens, carries the region and period in its header and
 * page numbers, and its figures are the coverage API's on the semester's last day; the XLSX has one sheet per section
 * with numbers as numbers; the regulations in force are listed; scope and semesters are checked.
 */
@IntegrationTest
class MonevReportIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;

    private String token() {
        return TestUsers.token(accounts, "monev-dpmd", Role.DPMD, "64.02");
    }

    private byte[] bytes(String path) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
        return r.body();
    }

    private static String grouped(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n).replace(',', '.');
    }

    @Test
    void thePdfOpensAndItsFiguresAreTheApisOnTheSemestersLastDay() throws Exception {
        Http api = Http.withToken(port, token());
        JsonNode coverage = JSON.readTree(api.get("/api/v1/coverage?region=64.02&date=2026-06-30").body());
        JsonNode report = JSON.readTree(api.get("/api/v1/reports/monev?region=64.02&semester=2026-1&format=json").body());
        assertThat(report.path("asOf").asString()).isEqualTo("2026-06-30");
        assertThat(report.path("previousAsOf").asString()).isEqualTo("2025-12-31");
        assertThat(report.path("total").path("registered").asLong()).isEqualTo(coverage.path("registered").asLong());
        assertThat(report.path("total").path("protected").asLong()).isEqualTo(coverage.path("protected").asLong());
        JsonNode children = JSON.readTree(api.get("/api/v1/coverage/children?region=64.02&date=2026-06-30").body());
        assertThat(report.path("children").size()).isEqualTo(children.size());
        for (int i = 0; i < children.size(); i++) {
            assertThat(report.path("children").get(i).path("protected").asLong()).as(children.get(i).path("region").asString())
                    .isEqualTo(children.get(i).path("protected").asLong());
        }

        byte[] pdf = bytes("/api/v1/reports/monev?region=64.02&semester=2026-1&format=pdf");
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PdfReader reader = new PdfReader(pdf)) {
            PdfTextExtractor text = new PdfTextExtractor(reader);
            String first = text.getTextFromPage(1);
            assertThat(first).contains("Kutai Kartanegara").contains("64.02").contains("2026-1").contains("Halaman 1");
            assertThat(first).contains("Terdaftar: " + grouped(coverage.path("registered").asLong()))
                    .contains("Terlindungi: " + grouped(coverage.path("protected").asLong()));
            StringBuilder all = new StringBuilder();
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                String page = text.getTextFromPage(p);
                assertThat(page).as("page " + p + " header and number").contains("64.02").contains("Halaman " + p);
                all.append(page);
            }
            assertThat(all.toString()).as("the claims section names its source").contains("Data klaim Lindung").doesNotContain("belum terhubung");
        }
    }

    @Test
    void theXlsxHasOneSheetPerSectionWithNumbersAsNumbers() throws Exception {
        Http api = Http.withToken(port, token());
        JsonNode report = JSON.readTree(api.get("/api/v1/reports/monev?region=64.02&semester=2026-1&format=json").body());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes("/api/v1/reports/monev?region=64.02&semester=2026-1&format=xlsx")))) {
            List<String> sheets = new ArrayList<>();
            book.forEach(s -> sheets.add(s.getSheetName()));
            assertThat(sheets).containsExactly("Cakupan", "Aparatur desa", "Iuran APBD dan APBDes", "Desa Sadar Jamsostek",
                    "Klaim dan manfaat", "Regulasi daerah");
            Sheet coverage = book.getSheet("Cakupan");
            Row total = coverage.getRow(coverage.getLastRowNum());
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("64.02");
            assertThat(total.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat((long) total.getCell(3).getNumericCellValue()).isEqualTo(report.path("total").path("registered").asLong());
            Row money = book.getSheet("Iuran APBD dan APBDes").getRow(book.getSheet("Iuran APBD dan APBDes").getLastRowNum());
            assertThat(money.getCell(4).getNumericCellValue())
                    .isEqualTo(report.path("contributionTotal").path("apbdesBilled").asDouble());
        }
    }

    @Test
    void aRegulationInForceDuringTheSemesterIsListedAndOneEndedBeforeIsNot() throws Exception {
        Http api = Http.withToken(port, token());
        assertThat(api.postJson("/api/v1/local-regulations", """
                {"kind": "PERBUP", "number": "7 Tahun 2026 %s", "title": "Perlindungan pekerja rentan", "regionCode": "64.02",
                 "signedOn": "2026-02-01", "inForceFrom": "2026-03-01", "coversVulnerable": true}""".formatted(RUN)).statusCode())
                .isEqualTo(201);
        assertThat(api.postJson("/api/v1/local-regulations", """
                {"kind": "SURAT_EDARAN", "number": "SE-%s", "title": "Edaran lama", "regionCode": "64.02",
                 "signedOn": "2024-01-01", "inForceFrom": "2024-01-01", "inForceUntil": "2025-12-31"}""".formatted(RUN)).statusCode())
                .isEqualTo(201);
        String report = api.get("/api/v1/reports/monev?region=64.02&semester=2026-1&format=json").body();
        assertThat(report).contains("7 Tahun 2026 " + RUN).doesNotContain("SE-" + RUN);
    }

    @Test
    void scopeSemesterAndLevelAreChecked() {
        Http api = Http.withToken(port, token());
        assertThat(api.get("/api/v1/reports/monev?region=73.02&semester=2026-1&format=json").statusCode()).isEqualTo(404);
        var future = api.get("/api/v1/reports/monev?region=64.02&semester=2099-1&format=json");
        assertThat(future.statusCode()).isEqualTo(422);
        assertThat(future.body()).contains("SEMESTER_IN_FUTURE");
        var district = api.get("/api/v1/reports/monev?region=64.02.03&semester=2026-1&format=json");
        assertThat(district.statusCode()).isEqualTo(422);
        assertThat(district.body()).contains("REGION_LEVEL_NOT_REPORTED");
    }
}
