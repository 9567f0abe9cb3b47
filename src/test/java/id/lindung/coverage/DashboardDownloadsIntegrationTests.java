package id.lindung.coverage;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every dashboard table downloads as CSV and XLSX with the API's figures, numbers as numbers, in the page's language. */
@IntegrationTest
class DashboardDownloadsIntegrationTests {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;

    private HttpResponse<byte[]> download(String token, String query) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/cakupan/ekspor?" + query))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theChildRegionsDownloadAsXlsxNumbersAndCsvWithIndonesianHeadings() throws Exception {
        String token = TestUsers.token(accounts, "dl-dpmd", Role.DPMD, "64.02");
        JsonNode children = JsonMapper.builder().build().readTree(Http.withToken(port, token)
                .get("/api/v1/coverage/children?region=64.02&date=2026-06-30").body());

        var xlsx = download(token, "region=64.02&date=2026-06-30&table=children&format=xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Terdaftar");
            assertThat(sheet.getLastRowNum()).isEqualTo(children.size());
            for (int i = 0; i < children.size(); i++) {
                var row = sheet.getRow(i + 1);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(children.get(i).path("region").asString());
                assertThat(row.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat((long) row.getCell(3).getNumericCellValue()).isEqualTo(children.get(i).path("registered").asLong());
                assertThat((long) row.getCell(4).getNumericCellValue()).isEqualTo(children.get(i).path("protected").asLong());
            }
        }

        var csv = download(token, "region=64.02&date=2026-06-30&table=children&format=csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(text).startsWith("\uFEFFKode,Nama,Potensi,Terdaftar,Terlindungi,Rasio cakupan");
        assertThat(text.split("\r\n")).hasSize(children.size() + 1);
        for (String table : new String[] {"weakest", "arrears", "desa-sadar", "trend"}) {
            for (String format : new String[] {"csv", "xlsx"}) {
                assertThat(download(token, "region=64.02&date=2026-06-30&table=" + table + "&format=" + format).statusCode())
                        .as(table + " " + format).isEqualTo(200);
            }
        }
        assertThat(download(token, "region=73.02&table=children&format=csv").statusCode()).as("outside the scope").isEqualTo(404);
    }
}
