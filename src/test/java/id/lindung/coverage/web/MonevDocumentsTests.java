package id.lindung.coverage.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import id.lindung.coverage.DesaSadarVillages;
import id.lindung.coverage.MonevReport;
import id.lindung.platform.Formats;
import id.lindung.shared.Rupiah;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The monitoring report's documents keep every figure when they are made fast: the PDF lists every Desa Sadar village
 * (written as lines of text, not table cells) with the header and page number on every page, and cuts a name too long
 * for its column; the streamed XLSX has every row, numbers as numbers.
 */
class MonevDocumentsTests {

    static final Formats FORMATS = new Formats(Clock.systemDefaultZone());

    @Test
    void thePdfListsEveryDesaSadarVillageWithTheHeaderOnEveryPage() throws Exception {
        MonevReport report = provinceReport(700);
        byte[] pdf = MonevDocuments.pdf(report, k -> k, FORMATS);
        StringBuilder all = new StringBuilder();
        try (PdfReader reader = new PdfReader(pdf)) {
            PdfTextExtractor text = new PdfTextExtractor(reader);
            assertThat(reader.getNumberOfPages()).isGreaterThan(2);
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                String page = text.getTextFromPage(p);
                assertThat(page).as("page " + p).contains("Aceh (11)").contains("monev.pageOf " + p + " /");
                all.append(page).append('\n');
            }
        }
        for (DesaSadarVillages.Village v : report.desaSadar()) {
            assertThat(all).as(v.code()).contains(v.code());
        }
        assertThat(all).contains("monev.desaSadarList: 700").contains("Desa Nomor 699").contains("Desa Dengan Nama Yang Sangat …")
                .contains("monev.sheet.claims").contains("monev.sheet.regulations");
    }

    /** The bundle's Indonesian words, as the report is printed for an Indonesian officer. */
    static Function<String, String> indonesian() throws IOException {
        Properties messages = new Properties();
        try (var in = MonevDocumentsTests.class.getResourceAsStream("/messages.properties")) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return key -> messages.getProperty(key, key);
    }

    @Test
    void everyPageSaysWhichPageOfHowManyItIsAndTheDefinitionsAreInTheReport() throws Exception {
        byte[] pdf = MonevDocuments.pdf(provinceReport(700), indonesian(), FORMATS);
        try (PdfReader reader = new PdfReader(pdf)) {
            PdfTextExtractor text = new PdfTextExtractor(reader);
            int pages = reader.getNumberOfPages();
            for (int p = 1; p <= pages; p++) {
                assertThat(text.getTextFromPage(p).replaceAll("\\s+", " ")).as("page " + p).contains("Halaman " + p + " dari " + pages);
            }
            String first = text.getTextFromPage(1);
            assertThat(first).as("the definitions themselves, not a file of the repository")
                    .contains("Rasio cakupan: terlindungi dibagi potensi").doesNotContain("docs/coverage.md");
            assertThat(first).as("the chart's numbers named directly under it").contains("1  Kabupaten 1 (11.01)")
                    .contains("23  Kabupaten 23 (11.23)");
            StringBuilder all = new StringBuilder();
            for (int p = 1; p <= pages; p++) {
                all.append(text.getTextFromPage(p));
            }
            assertThat(all).as("the claims section says whose payment it counts").contains("Iuran dibayar (Rp)")
                    .contains("Manfaat dibayar (Rp)");
        }
    }

    @Test
    void theChartsAxisEndsAtARoundNumberJustAboveTheHighestRatio() {
        assertThat(MonevChart.axisTop(1.1)).isEqualByComparingTo("1.25");
        assertThat(MonevChart.axisTop(0.92)).isEqualByComparingTo("1");
        assertThat(MonevChart.axisTop(0.2)).isEqualByComparingTo("0.25");
        assertThat(MonevChart.axisTop(7)).isEqualByComparingTo("10");
        assertThat(MonevChart.axisTop(36.7)).isEqualByComparingTo("50");
        assertThat(MonevChart.axisTop(120)).isEqualByComparingTo("125");
        assertThat(MonevChart.axisTop(0)).as("nothing to show").isEqualByComparingTo("1");
    }

    @Test
    void theXlsxHasEveryRowWithNumbersAsNumbers() throws Exception {
        MonevReport report = provinceReport(700);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(MonevDocuments.xlsx(report, k -> k)))) {
            Sheet sadar = book.getSheet("monev.sheet.desaSadar");
            // the header, 23 regencies, the total, 700 villages
            assertThat(sadar.getLastRowNum()).isEqualTo(1 + 23 + 700 - 1 + 1);
            assertThat(sadar.getRow(1 + 23 + 700).getCell(0).getStringCellValue()).isEqualTo(report.desaSadar().get(699).code());
            Sheet coverage = book.getSheet("monev.sheet.coverage");
            assertThat(coverage.getRow(1).getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat((long) coverage.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(report.children().get(0).registered());
        }
    }

    /** A regulation's dates are dates: "1 Mar 2025" in the PDF like its header's, date cells in the XLSX, ISO in CSV. */
    @Test
    void aRegulationsDatesArePrintedAsTheReportsOtherDatesAndStoredAsDates() throws Exception {
        MonevReport base = provinceReport(3);
        var regulation = new id.lindung.coverage.LocalRegulation(1, "11", "Aceh", id.lindung.coverage.LocalRegulationKind.PERGUB,
                "7 Tahun 2025", "Pergub Jamsostek Desa", LocalDate.of(2025, 2, 20), LocalDate.of(2025, 3, 1), null, true, false,
                List.of("JKK", "JKM"), List.of("APBD"), null, null, null, "dpmd", null);
        MonevReport report = new MonevReport(base.region(), base.name(), base.level(), base.semester(), base.from(),
                base.asOf(), base.previousAsOf(), base.total(), base.children(), base.contributions(), base.contributionTotal(),
                base.desaSadar(), base.claims(), List.of(regulation));
        StringBuilder all = new StringBuilder();
        try (PdfReader reader = new PdfReader(MonevDocuments.pdf(report, k -> k, FORMATS))) {
            PdfTextExtractor text = new PdfTextExtractor(reader);
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                all.append(text.getTextFromPage(p)).append('\n');
            }
        }
        assertThat(all).contains(FORMATS.date(LocalDate.of(2025, 3, 1))).contains(FORMATS.date(LocalDate.of(2025, 2, 20)))
                .doesNotContain("2025-03-01");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(MonevDocuments.xlsx(report, k -> k)))) {
            var cell = book.getSheet("monev.sheet.regulations").getRow(1).getCell(5);
            assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(cell.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 3, 1));
        }
    }

    /** A province-sized report: 23 regencies and {@code villages} Desa Sadar villages, one with a very long name. */
    static MonevReport provinceReport(int villages) {
        List<MonevReport.Row> rows = new ArrayList<>();
        List<MonevReport.Contribution> money = new ArrayList<>();
        for (int i = 1; i <= 23; i++) {
            String code = String.format("11.%02d", i);
            rows.add(new MonevReport.Row(code, "Kabupaten " + i, 100_000L + i, 5_000 + i, 4_000 + i, new BigDecimal("0.0401"),
                    4_000L, 3_000L, new BigDecimal("0.0300"), new BigDecimal("1.01"), 1_500, 1_400, 300, 280, 600, 590, 250, 290));
            money.add(new MonevReport.Contribution(code, "Kabupaten " + i, Rupiah.of(new BigDecimal("123456789.00")),
                    Rupiah.of(new BigDecimal("100000000.00")), Rupiah.of(new BigDecimal("5000000.00")), Rupiah.of(new BigDecimal("4000000.00"))));
        }
        List<DesaSadarVillages.Village> sadar = new ArrayList<>();
        for (int i = 0; i < villages; i++) {
            String name = i == 3 ? "Desa Dengan Nama Yang Sangat Panjang Sekali Sampai Tidak Muat Dalam Satu Kolom Daftar" : "Desa Nomor " + i;
            sadar.add(new DesaSadarVillages.Village(String.format("11.%02d.%02d.%04d", 1 + i % 23, 1 + i % 30, 2001 + i), name,
                    DesaSadarVillages.Status.SADAR, List.of()));
        }
        return new MonevReport("11", "Aceh", "PROVINCE", "2026-1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30),
                LocalDate.of(2025, 12, 31), rows.get(0), rows, money, money.get(0), sadar,
                new MonevReport.Claims(0, Rupiah.ZERO, Rupiah.ZERO, "NOT_CONNECTED", null), List.of());
    }
}
