package id.lindung.platform;

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
 * A table as a download, the same for every module's lists: CSV (UTF-8 with a byte-order mark so spreadsheet programs read the names right, in the
 * request's {@link CsvDialect}: comma and decimal point, or semicolon and decimal comma) or XLSX (numbers as numbers,
 * one sheet per table).
 */
public final class TableDownload {

    /**
     * One table: message keys of its columns and its rows (String, Long, BigDecimal, LocalDate or null cells), so a
     * download speaks the page's language and numbers stay numbers.
     */
    public record Table(String name, List<String> columns, List<List<Object>> rows) {}

    public static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private TableDownload() {}

    /** Column labels in the request's language: each message key's text, the key itself where it has none. */
    public static Function<String, String> labels(org.springframework.context.MessageSource messages) {
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        return key -> messages.getMessage(key, null, key, locale);
    }

    /**
     * {@link #labels(org.springframework.context.MessageSource)} with each column of {@code timeColumns}, which holds the
     * business zone's wall-clock times, headed with the zone as the pages write it ("Waktu (WIB)", "Sejak (WIB)"): the
     * page says "7 Des 2026 22:39 WIB", the download's cell only the time.
     */
    public static Function<String, String> labels(org.springframework.context.MessageSource messages, Formats formats,
                                                  String... timeColumns) {
        Function<String, String> label = labels(messages);
        java.util.Set<String> zoned = java.util.Set.of(timeColumns);
        return key -> label.apply(key) + (zoned.contains(key) ? " (" + formats.zoneName() + ")" : "");
    }

    /** {@code csv} (the default) or {@code xlsx}; anything else is the {@code FORMAT_UNKNOWN} error on {@code format}. */
    public static String format(String format) {
        String f = format == null || format.isBlank() ? "csv" : format.strip().toLowerCase(java.util.Locale.ROOT);
        if (!f.equals("csv") && !f.equals("xlsx")) {
            throw new InvalidInputException("format", "FORMAT_UNKNOWN", "format must be csv or xlsx");
        }
        return f;
    }

    public static ResponseEntity<byte[]> of(String format, CsvDialect dialect, String fileName, List<Table> tables,
                                     Function<String, String> label) {
        boolean xlsx = "xlsx".equalsIgnoreCase(format);
        byte[] body = xlsx ? xlsx(tables, label) : csv(tables.get(0), label, dialect);
        return ResponseEntity.ok()
                .contentType(xlsx ? XLSX : new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        // the two CSV files of one table get two names, so a second download does not replace the first
                        .filename(fileName + (xlsx ? ".xlsx" : dialect == CsvDialect.SEMICOLON ? "-excel.csv" : ".csv")).build().toString())
                .body(body);
    }

    public static byte[] csv(Table table, Function<String, String> label, CsvDialect dialect) {
        StringBuilder out = new StringBuilder(CsvDialect.BYTE_ORDER_MARK);
        out.append(dialect.record(table.columns().stream().map(label).map(dialect::text).toList()));
        for (List<Object> row : table.rows()) {
            out.append(dialect.record(row.stream().map(dialect::cell).toList()));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Columns of a ratio as a fraction (0.006), shown as a percentage: their message keys end so. */
    private static final String RATIO_COLUMN = ".col.ratio";

    /**
     * Streamed (SXSSF): rows go to the sheet's XML as they are written, a hundred kept in memory, instead of one XML
     * object per cell serialised at the end (XSSF), which made a province's monitoring report (6,500 Desa Sadar villages)
     * cost seconds (docs/benchmarks.md). Text is written inline rather than shared; spreadsheet programs read both.
     * Closing the workbook deletes its temporary files.
     */
    public static byte[] xlsx(List<Table> tables, Function<String, String> label) {
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
            CellStyle quoted = book.createCellStyle();
            quoted.setQuotePrefixed(true);
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle dateTime = book.createCellStyle();
            dateTime.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            for (Table table : tables) {
                // the sheet's name in the file's language where the table has one (sheet.<name>): "bills", not "tagihan"
                String named = label.apply("sheet." + table.name());
                Sheet sheet = book.createSheet(named == null || named.equalsIgnoreCase("sheet." + table.name()) ? table.name() : named);
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
                            if (table.columns().get(i).endsWith(RATIO_COLUMN)) {
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
                        } else if (value instanceof java.time.LocalDateTime t) {
                            // a moment (an audit event, a claim's last change) that sorts and filters as a time
                            var cell = line.createCell(i);
                            cell.setCellValue(t);
                            cell.setCellStyle(dateTime);
                        } else if (value != null) {
                            var cell = line.createCell(i);
                            String text = value.toString();
                            cell.setCellValue(text);
                            if (!text.equals(SpreadsheetSafe.text(text))) {
                                // text that reads like a formula (=, +, -, @): kept as text when a person edits the
                                // cell too, without the apostrophe the CSV needs showing in it
                                cell.setCellStyle(quoted);
                            }
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
