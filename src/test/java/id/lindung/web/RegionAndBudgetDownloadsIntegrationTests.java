package id.lindung.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.budget.PlanOverviews;
import id.lindung.region.RegionBrowser;
import id.lindung.region.RegionView;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestClock;
import id.lindung.support.TestUsers;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14: every table exports to XLSX and CSV. The region browser (/wilayah) and a region's view of its villages'
 * budget plans had no download (review of 6 December 2026); each now gives every row the page's lists hold, with the
 * figures the caller may see there and nothing outside the caller's area.
 */
@IntegrationTest
class RegionAndBudgetDownloadsIntegrationTests {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired RegionBrowser browser;
    @Autowired PlanOverviews overviews;

    @Test
    void theRegionTableDownloadsEveryRegionBelowWithTheFiguresThePageShowsTheCaller() throws Exception {
        Http admin = TestUsers.api(port, accounts, "downloads-regions-admin", Role.ADMIN, "ID");
        assertThat(admin.get("/wilayah", "text/html").body()).contains("/wilayah/ekspor?format=csv", "/wilayah/ekspor?format=xlsx");
        assertThat(admin.get("/wilayah/73.02", "text/html").body()).contains("/wilayah/73.02/ekspor?format=csv");
        var csv = admin.get("/wilayah/ekspor?format=csv&lang=id");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("wilayah-ID.csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("\uFEFFKode,Nama,Jenis,Wilayah di bawahnya,Potensi tenaga kerja,Tahun potensi,"
                + "Sumber potensi,Data demo");
        assertThat(lines).as("every province, not a page of them")
                .hasSize((int) browser.children(null, RegionScope.of("ID"), null, 0, 500).total() + 1);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("73,Sulawesi Selatan,,"));

        // a district's villages: all of them, each with its kind by name and its count as a number
        String token = TestUsers.token(accounts, "downloads-regions-dpmd", Role.DPMD, "73.02");
        long villages = browser.children("73.02.01", RegionScope.of("73.02"), null, 0, 500).total();
        try (XSSFWorkbook book = Http.withToken(port, token).getWorkbook("/wilayah/73.02.01/ekspor?format=xlsx&lang=id")) {
            var sheet = book.getSheetAt(0);
            assertThat(book.getSheetName(0)).isEqualTo("wilayah");
            assertThat(sheet.getLastRowNum()).isEqualTo((int) villages);
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isIn("Desa", "Kelurahan");
            assertThat(sheet.getRow(1).getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
        }
        // a regency office sees the province's other regencies named, their figures not: so does its file
        Http dpmd = Http.withToken(port, token);
        List<RegionView> regencies = browser.children("73", RegionScope.of("73.02"), null, 0, 500).items();
        List<String> rows = dpmd.get("/wilayah/73/ekspor?format=csv").body().lines().skip(1).toList();
        assertThat(rows).hasSize(regencies.size());
        for (int i = 0; i < rows.size(); i++) {
            RegionView r = regencies.get(i);
            String[] cells = rows.get(i).split(",", -1);
            assertThat(cells[0]).isEqualTo(r.code());
            assertThat(cells[4]).as(r.code()).isEqualTo(r.potentialWorkforce() == null ? "" : r.potentialWorkforce().toString());
        }
        assertThat(dpmd.get("/wilayah/99/ekspor?format=csv").statusCode()).isEqualTo(404);
        assertThat(dpmd.get("/wilayah/ekspor?format=pdf").statusCode()).isEqualTo(400);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBudgetRegionViewDownloadsItsDesaWithoutAFinalPlanAndItsSums() throws Exception {
        String token = TestUsers.token(accounts, "downloads-budget-dpmd", Role.DPMD, "74.05");
        Http dpmd = Http.withToken(port, token);
        int year = TestClock.nextBusinessYear();
        Map<String, Object> view = overviews.regency("74.05", year, TestUsers.actor("downloads-budget-dpmd", Role.DPMD, "74.05"));
        List<Map<String, Object>> missing = (List<Map<String, Object>>) view.get("withoutFinalPlan");
        assertThat(missing).isNotEmpty();
        assertThat(dpmd.get("/anggaran/wilayah/74.05?year=" + year, "text/html").body())
                .contains("/anggaran/wilayah/74.05/ekspor?year=" + year + "&amp;format=csv");

        var csv = dpmd.get("/anggaran/wilayah/74.05/ekspor?year=" + year + "&format=csv&lang=id");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("rencana-desa-74.05-" + year + ".csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("\uFEFFKode desa,Desa");
        assertThat(lines).hasSize(missing.size() + 1);
        assertThat(lines.get(1)).isEqualTo(missing.get(0).get("code") + "," + missing.get(0).get("name"));
        try (XSSFWorkbook book = Http.withToken(port, token).getWorkbook("/anggaran/wilayah/74.05/ekspor?year=" + year + "&format=xlsx&lang=id")) {
            assertThat(book.getNumberOfSheets()).isEqualTo(2);
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(missing.size());
            var sums = book.getSheetAt(1).getRow(1);
            assertThat(sums.getCell(0).getStringCellValue()).isEqualTo("74.05");
            assertThat(sums.getCell(1).getNumericCellValue()).isEqualTo(year);
            assertThat(sums.getCell(2).getNumericCellValue()).as("desa").isEqualTo(((Number) view.get("desa")).doubleValue());
            assertThat(sums.getCell(11).getNumericCellValue()).as("desa without a final plan")
                    .isEqualTo(((Number) view.get("desaWithoutFinalPlanForOfficials")).doubleValue());
        }
        Http other = TestUsers.api(port, accounts, "downloads-budget-other", Role.DPMD, "73.02");
        assertThat(other.get("/anggaran/wilayah/74.05/ekspor?format=csv").statusCode()).isEqualTo(404);
        assertThat(dpmd.get("/anggaran/wilayah/74.05/ekspor?year=abc&format=csv").statusCode()).isEqualTo(400);
    }

    /** A page lists the first 1,000 desa without a final plan; the download lists every one (Central Java: about 7,800). */
    @Test
    void theBudgetRegionDownloadListsEveryDesaWithoutAFinalPlanNotThePagesFirstThousand() {
        String token = TestUsers.token(accounts, "downloads-budget-province", Role.DPMD, "33");
        int year = TestClock.nextBusinessYear();
        Map<String, Object> view = overviews.regency("33", year, TestUsers.actor("downloads-budget-province", Role.DPMD, "33"));
        long without = ((Number) view.get("desaWithoutFinalPlanForOfficials")).longValue();
        assertThat(without).isGreaterThan(1000);
        assertThat((List<?>) view.get("withoutFinalPlan")).hasSize(1000);

        List<String> rows = Http.withToken(port, token).get("/anggaran/wilayah/33/ekspor?year=" + year + "&format=csv").body()
                .lines().skip(1).toList();
        assertThat(rows).hasSize((int) without);
    }
}
