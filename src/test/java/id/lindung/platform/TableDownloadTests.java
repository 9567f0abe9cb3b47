package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.platform.CsvDialect;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Review of 2 December 2026: a coverage CSV cell never starts a formula, also after a leading tab or carriage return. */
class TableDownloadTests {

    @Test
    void aWorkersNameInTheDesaSadarCsvCannotRunAsAFormula() {
        var table = new TableDownload.Table("desa-sadar", List.of("a", "b"), List.of(List.<Object>of("72.04.02.2007", "\t=cmd|' /C calc'!A0")));
        String csv = new String(TableDownload.csv(table, k -> k, CsvDialect.COMMA), StandardCharsets.UTF_8);
        assertThat(csv).contains(",'\t=cmd").doesNotContain(",\t=cmd");
    }

    @Test
    void inTheSemicolonDialectAFormulaInANameIsStillKeptAsText() {
        var table = new TableDownload.Table("desa-sadar", List.of("a", "b"), List.of(List.<Object>of("72.04.02.2007", "=1+1;x")));
        String csv = new String(TableDownload.csv(table, k -> k, CsvDialect.SEMICOLON), StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("\uFEFFa;b\r\n72.04.02.2007;\"'=1+1;x\"\r\n");
    }

    /**
     * Review of 6 December 2026: in the XLSX a name that reads like a formula stays text also when a person edits the
     * cell (quote prefix), without an apostrophe in the value; other text has no such style.
     */
    @Test
    void inTheWorkbookTextThatReadsLikeAFormulaIsQuotePrefixedAndKeptAsItIs() throws Exception {
        var rows = List.<List<Object>>of(List.of("=HYPERLINK(\"http://x/\",\"y\")", "+62 812", "-1+2", "@SUM(A1)", "Desa Biasa"));
        var table = new TableDownload.Table("t", List.of("a", "b", "c", "d", "e"), rows);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(TableDownload.xlsx(List.of(table), k -> k)))) {
            var row = book.getSheet("t").getRow(1);
            for (int i = 0; i < 4; i++) {
                assertThat(row.getCell(i).getCellType()).isEqualTo(CellType.STRING);
                assertThat(row.getCell(i).getStringCellValue()).isEqualTo(rows.get(0).get(i));
                assertThat(row.getCell(i).getCellStyle().getQuotePrefixed()).as(rows.get(0).get(i).toString()).isTrue();
            }
            assertThat(row.getCell(4).getCellStyle().getQuotePrefixed()).isFalse();
        }
        // the sheet takes its name in the file's language where the table has one, else the table's own
        var named = new TableDownload.Table("tagihan", List.of("a"), List.<List<Object>>of(List.of("x")));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(TableDownload.xlsx(List.of(named, table),
                k -> k.equals("sheet.tagihan") ? "bills" : k)))) {
            assertThat(book.getSheetName(0)).isEqualTo("bills");
            assertThat(book.getSheetName(1)).isEqualTo("t");
        }
    }

    /**
     * The workbook is deflated at the fastest level since the nation's Desa Sadar list took seconds to compress
     * (docs/benchmarks.md): the cells stay what they were, text as text (an empty list of missing people an empty text
     * cell), counts and money as numbers with their formats, nothing for null.
     */
    @Test
    void theFastDeflatedWorkbookKeepsEveryCellItsTypeAndFormat() throws Exception {
        var rows = new java.util.ArrayList<java.util.List<Object>>();
        rows.add(java.util.Arrays.asList("11.01.01.2001", "Desa A", "NEAR", 2L, "Budi (Kepala desa); Siti (Perangkat desa)"));
        rows.add(java.util.Arrays.asList("11.01.01.2002", "Desa B", "NO", 0L, ""));
        rows.add(java.util.Arrays.asList("11.01.01.2003", null, "SADAR", new BigDecimal("12500.00"), new BigDecimal("0.2473")));
        var table = new TableDownload.Table("desa-sadar", List.of("a", "b", "c", "d", "dashboard.col.ratio"), rows);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(TableDownload.xlsx(List.of(table), k -> k.toUpperCase())))) {
            var sheet = book.getSheet("desa-sadar");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("DASHBOARD.COL.RATIO");
            assertThat(book.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("Budi (Kepala desa); Siti (Perangkat desa)");
            assertThat(sheet.getRow(1).getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(2.0);
            assertThat(sheet.getRow(2).getCell(4).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(2).getCell(4).getStringCellValue()).isEmpty();
            assertThat(sheet.getRow(3).getCell(1)).isNull();
            assertThat(sheet.getRow(3).getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(sheet.getRow(3).getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(sheet.getRow(3).getCell(4).getNumericCellValue()).isEqualTo(0.2473);
            assertThat(sheet.getColumnWidth(2)).isEqualTo(18 * 256);
        }
    }

    /** An audit event's time and a claim's last change sort as times in the workbook and read as times in the CSV. */
    @Test
    void aMomentIsADateTimeCellInTheWorkbookAndSpreadsheetTextInTheCsv() throws Exception {
        var when = java.time.LocalDateTime.of(2026, 12, 6, 14, 30, 5);
        var table = new TableDownload.Table("t", List.of("a", "b"), List.<List<Object>>of(java.util.Arrays.asList(7L, when)));
        assertThat(new String(TableDownload.csv(table, k -> k, CsvDialect.COMMA), StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFa,b\r\n7,2026-12-06 14:30:05\r\n");
        assertThat(new String(TableDownload.csv(table, k -> k, CsvDialect.SEMICOLON), StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFa;b\r\n7;2026-12-06 14:30:05\r\n");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(TableDownload.xlsx(List.of(table), k -> k)))) {
            var cell = book.getSheet("t").getRow(1).getCell(1);
            assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(cell.getLocalDateTimeCellValue()).isEqualTo(when);
            assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm:ss");
        }
    }
}
