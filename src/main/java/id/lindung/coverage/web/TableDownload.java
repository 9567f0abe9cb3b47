package id.lindung.coverage.web;

import id.lindung.platform.CsvDialect;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A table as a download: CSV (UTF-8 with a byte-order mark so spreadsheet programs read the names right, in the
 * request's {@link CsvDialect}: comma and decimal point, or semicolon and decimal comma) or XLSX (numbers as numbers,
 * one sheet per table).
 */
final class TableDownload {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private TableDownload() {}

    static ResponseEntity<byte[]> of(String format, CsvDialect dialect, String fileName, List<DashboardTables.Table> tables,
                                     Function<String, String> label) {
        boolean xlsx = "xlsx".equalsIgnoreCase(format);
        byte[] body = xlsx ? xlsx(tables, label) : csv(tables.get(0), label, dialect);
        return ResponseEntity.ok()
                .contentType(xlsx ? XLSX : new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName + (xlsx ? ".xlsx" : ".csv")).build().toString())
                .body(body);
    }

    static byte[] csv(DashboardTables.Table table, Function<String, String> label, CsvDialect dialect) {
        StringBuilder out = new StringBuilder(CsvDialect.BYTE_ORDER_MARK);
        out.append(dialect.record(table.columns().stream().map(label).map(dialect::text).toList()));
        for (List<Object> row : table.rows()) {
            out.append(dialect.record(row.stream().map(dialect::cell).toList()));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Streamed (SXSSF): rows go to the sheet's XML as they are written, a hundred kept in memory, instead of one XML
     * object per cell serialised at the end (XSSF), which made a province's monitoring report (6,500 Desa Sadar villages)
     * cost seconds (docs/benchmarks.md). Text is written inline rather than shared; spreadsheet programs read both.
     * Closing the workbook deletes its temporary files.
     */
    /** The column of a ratio as a fraction (0.006), shown as a percentage. */
    private static final String RATIO_COLUMN = "dashboard.col.ratio";

    static byte[] xlsx(List<DashboardTables.Table> tables, Function<String, String> label) {
        try (SXSSFWorkbook book = new FastestDeflate(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            var font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            // ratios and percentages shown with two decimals, like the pages; the cell keeps the full number
            CellStyle percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0.00%"));
            CellStyle twoDecimals = book.createCellStyle();
            twoDecimals.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            for (DashboardTables.Table table : tables) {
                Sheet sheet = book.createSheet(table.name());
                Row header = sheet.createRow(0);
                for (int i = 0; i < table.columns().size(); i++) {
                    var cell = header.createCell(i);
                    cell.setCellValue(label.apply(table.columns().get(i)));
                    cell.setCellStyle(bold);
                }
                int r = 1;
                for (List<Object> row : table.rows()) {
                    Row line = sheet.createRow(r++);
                    for (int i = 0; i < row.size(); i++) {
                        Object value = row.get(i);
                        if (value instanceof BigDecimal b) {
                            var cell = line.createCell(i);
                            cell.setCellValue(b.doubleValue());
                            if (RATIO_COLUMN.equals(table.columns().get(i))) {
                                cell.setCellStyle(percent);
                            } else if (b.scale() == 2) {
                                cell.setCellStyle(twoDecimals);
                            }
                        } else if (value instanceof Long l) {
                            line.createCell(i).setCellValue(l);
                        } else if (value instanceof java.time.LocalDate d) {
                            // a date as a date, which a spreadsheet sorts and filters as one
                            var cell = line.createCell(i);
                            cell.setCellValue(d);
                            cell.setCellStyle(date);
                        } else if (value != null) {
                            line.createCell(i).setCellValue(value.toString());
                        }
                    }
                }
                for (int i = 0; i < table.columns().size(); i++) {
                    sheet.setColumnWidth(i, 18 * 256);
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A streamed workbook whose parts are deflated at the fastest level: the nation's Desa Sadar list (75,000 rows) spent
     * more time compressing its sheet at the default level than writing it, for a file a third smaller
     * (docs/benchmarks.md, "Desa Sadar downloads for the nation"). The cells are the same.
     */
    private static final class FastestDeflate extends SXSSFWorkbook {

        FastestDeflate() {
            super(100);
        }

        @Override
        protected org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream createArchiveOutputStream(java.io.OutputStream stream) {
            var zip = super.createArchiveOutputStream(stream);
            zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
            return zip;
        }
    }
}
