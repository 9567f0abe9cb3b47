package id.lindung.budget.web;

import id.lindung.platform.CsvDialect;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The what-if's tables as downloads, in the page's language: one table as CSV (UTF-8 with a byte-order mark, in the
 * request's {@link CsvDialect}: comma and decimal point, or semicolon and decimal comma) or the area, the provinces and the regencies as the sheets of one XLSX (amounts as numbers).
 */
final class WhatIfTables {

    static final List<String> COLUMNS = List.of("budget.whatif.col.code", "budget.whatif.col.name", "budget.whatif.col.desa",
            "budget.doc.people", "budget.whatif.col.apbdes", "budget.whatif.col.apbd", "budget.doc.total",
            "budget.whatif.col.potential", "budget.whatif.col.ratio", "budget.whatif.col.unverified");

    private WhatIfTables() {}

    @SuppressWarnings("unchecked")
    static ResponseEntity<byte[]> download(String format, CsvDialect dialect, Map<String, Object> result, String table,
                                           UnaryOperator<String> label, List<String> unverifiedLines) {
        boolean xlsx = "xlsx".equalsIgnoreCase(format);
        // every row is costed per desa with the same people, so every row used the result's unverified values
        String unverified = String.join(", ", ((List<Map<String, Object>>) result.get("unverified")).stream()
                .map(u -> (String) u.get("parameter")).distinct().toList());
        byte[] body;
        if (xlsx) {
            List<Map<String, Object>> area = result.get("area") == null ? List.of() : List.of((Map<String, Object>) result.get("area"));
            body = xlsx(List.of(area, (List<Map<String, Object>>) result.get("provinces"), (List<Map<String, Object>>) result.get("regencies")),
                    List.of("area", "provinces", "regencies"), label, unverified, unverifiedLines);
        } else {
            body = csv((List<Map<String, Object>>) result.get(table), label, dialect, unverified);
        }
        return ResponseEntity.ok()
                .contentType(xlsx ? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        : new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("simulasi-kebijakan-" + (xlsx ? "anggaran.xlsx" : table + ".csv")).build().toString())
                .body(body);
    }

    /** A row's cells in the columns' order: texts, whole numbers and amounts. */
    @SuppressWarnings("unchecked")
    static List<Object> cells(Map<String, Object> r, String unverified) {
        Map<String, Object> byPayer = (Map<String, Object>) r.get("costByPayerKind");
        List<Object> cells = new ArrayList<>();
        cells.add(r.get("code"));
        cells.add(r.get("name"));
        cells.add(r.get("desa"));
        cells.add(r.get("people"));
        cells.add(amount(byPayer.get("APBDES")));
        cells.add(amount(byPayer.get("APBD")));
        cells.add(amount(r.get("total")));
        cells.add(r.get("potentialWorkforce"));
        cells.add(r.get("coverageRatio") == null ? null : amount(r.get("coverageRatio")));
        cells.add(unverified.isEmpty() ? null : unverified);
        return cells;
    }

    private static BigDecimal amount(Object o) {
        return o == null ? null : new BigDecimal(o.toString());
    }

    static byte[] csv(List<Map<String, Object>> rows, UnaryOperator<String> label, CsvDialect dialect, String unverified) {
        StringBuilder out = new StringBuilder(CsvDialect.BYTE_ORDER_MARK);
        out.append(dialect.record(COLUMNS.stream().map(label).map(dialect::text).toList()));
        for (Map<String, Object> r : rows) {
            out.append(dialect.record(cells(r, unverified).stream().map(dialect::cell).toList()));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(List<List<Map<String, Object>>> tables, List<String> names, UnaryOperator<String> label, String unverified,
                       List<String> unverifiedLines) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int t = 0; t < tables.size(); t++) {
                Sheet sheet = book.createSheet(names.get(t));
                Row header = sheet.createRow(0);
                for (int c = 0; c < COLUMNS.size(); c++) {
                    header.createCell(c).setCellValue(label.apply(COLUMNS.get(c)));
                }
                int r = 1;
                for (Map<String, Object> row : tables.get(t)) {
                    Row line = sheet.createRow(r++);
                    List<Object> cells = cells(row, unverified);
                    for (int c = 0; c < cells.size(); c++) {
                        Object v = cells.get(c);
                        if (v instanceof Number n) {
                            line.createCell(c).setCellValue(n.doubleValue());
                        } else if (v != null) {
                            line.createCell(c).setCellValue(v.toString());
                        }
                    }
                }
            }
            if (!unverifiedLines.isEmpty()) {
                // the sentences the page shows: what each value is, since when, which programmes and months it entered
                Sheet sheet = book.createSheet("unverified");
                sheet.createRow(0).createCell(0).setCellValue(label.apply("budget.unverified.resultTitle"));
                for (int i = 0; i < unverifiedLines.size(); i++) {
                    sheet.createRow(i + 1).createCell(0).setCellValue(unverifiedLines.get(i));
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
