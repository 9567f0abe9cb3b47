package id.lindung.importing;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/** The rows of an uploaded file, header first, each with its 1-based line (CSV line or sheet row). */
interface RowSource {

    interface RowHandler {
        void row(long line, String[] fields);
    }

    void read(RowHandler handler);

    static RowSource of(Path file, String format) {
        return switch (format) {
            case "XLSX" -> new Xlsx(file);
            case "XLS" -> new Xls(file);
            case "HTML" -> new HtmlTable(file);
            default -> new Csv(file);
        };
    }

    /**
     * XLSX by its zip signature, XLS by the OLE2 signature of Excel 97-2003, HTML when the file is markup with a
     * table (what OpenSID's "Ekspor ke Excel" downloads under a .xls name), else CSV.
     */
    static String detectFormat(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(64 * 1024);
            if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                return "XLSX";
            }
            if (head.length >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11 && (head[3] & 0xFF) == 0xE0) {
                return "XLS";
            }
            String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
            if (text.startsWith("<") && text.toLowerCase(java.util.Locale.ROOT).contains("<table")) {
                return "HTML";
            }
            return "CSV";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@link #detectFormat(Path)}, except that a file named {@code .xlsx} or {@code .xls} that holds text (no workbook's
     * signature, no OpenSID table) is taken at its name's word: its reader then says that it is no Excel workbook
     * ({@link NotAWorkbook}), where read as CSV its random bytes or renamed CSV lacked the header's columns.
     */
    static String detectFormat(Path file, String fileName) {
        String found = detectFormat(file);
        String name = fileName == null ? "" : fileName.strip().toLowerCase(java.util.Locale.ROOT);
        if (!found.equals("CSV")) {
            return found;
        }
        return name.endsWith(".xlsx") ? "XLSX" : name.endsWith(".xls") ? "XLS" : found;
    }

    /** A file read as a workbook of {@code format} that has no such workbook's signature (a renamed CSV, random bytes). */
    final class NotAWorkbook extends IllegalArgumentException {
        NotAWorkbook(String format) {
            super("The file is named as an Excel workbook (" + format + ") but is none, perhaps a renamed CSV file or a "
                    + "damaged one: open it in Excel and save it as XLSX, or save it as CSV UTF-8, then upload it again");
        }

        /** Refuses {@code file} unless its content is a workbook of {@code format}. */
        static void require(Path file, String format) {
            if (!detectFormat(file).equals(format)) {
                throw new NotAWorkbook(format);
            }
        }
    }

    /** CSV in UTF-8 (BOM tolerated), comma- or semicolon-separated, detected from the header line. */
    record Csv(Path file) implements RowSource {
        @Override
        public void read(RowHandler handler) {
            char separator = ',';
            try (var lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String first = lines.readLine();
                if (first != null && first.indexOf(';') >= 0 && first.indexOf(',') < 0) {
                    separator = ';';
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8);
                 CsvReader<CsvRecord> records = CsvReader.builder().fieldSeparator(separator).skipEmptyLines(true)
                         .allowExtraFields(true).allowMissingFields(true).detectBomHeader(true).ofCsvRecord(reader)) {
                for (CsvRecord record : records) {
                    handler.row(record.getStartingLineNumber(), record.getFields().toArray(String[]::new));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The first sheet of an XLSX workbook, read as a SAX stream so a million rows need little memory. */
    record Xlsx(Path file) implements RowSource {
        @Override
        public void read(RowHandler handler) {
            NotAWorkbook.require(file, "XLSX");
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                var strings = new ReadOnlySharedStringsTable(pkg);
                var sheets = reader.getSheetsData();
                if (!sheets.hasNext()) {
                    return;
                }
                try (InputStream sheet = sheets.next()) {
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                            new Rows(handler), new IsoDates(), false));
                    parser.parse(new InputSource(sheet));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalArgumentException("Not a readable XLSX file: " + e.getMessage(), e);
            }
        }
    }

    /** The first sheet of an Excel 97-2003 workbook (small files: read whole, like the desktop tools that write them). */
    record Xls(Path file) implements RowSource {
        @Override
        public void read(RowHandler handler) {
            NotAWorkbook.require(file, "XLS");
            try (var workbook = new org.apache.poi.hssf.usermodel.HSSFWorkbook(Files.newInputStream(file))) {
                if (workbook.getNumberOfSheets() == 0) {
                    return;
                }
                IsoDates formatter = new IsoDates();
                var evaluator = workbook.getCreationHelper().createFormulaEvaluator();
                for (var row : workbook.getSheetAt(0)) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        var cell = row.getCell(c);
                        cells.add(cell == null ? "" : text(cell, formatter, evaluator));
                    }
                    if (cells.stream().anyMatch(v -> !v.isBlank())) {
                        handler.row(row.getRowNum() + 1L, cells.toArray(String[]::new));
                    }
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("Not a readable XLS file: " + e.getMessage(), e);
            }
        }

        /**
         * What a CSV would hold for the cell: a date cell as an ISO date, a number without its display format
         * (no grouping, no locale date order), text as typed; formulas by their value.
         */
        static String text(org.apache.poi.ss.usermodel.Cell cell, IsoDates formatter,
                           org.apache.poi.ss.usermodel.FormulaEvaluator evaluator) {
            var type = cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA
                    ? evaluator.evaluateFormulaCell(cell) : cell.getCellType();
            return switch (type) {
                case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                        ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                        : formatter.formatRawCellContents(cell.getNumericCellValue(), -1, "General");
                case STRING -> cell.getStringCellValue();
                case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
                default -> "";
            };
        }
    }

    /**
     * The first HTML table of a page saved as .xls (OpenSID's resident export is such a page): one row per
     * {@code <tr>}, one field per {@code <th>} or {@code <td>}, tags stripped and entities decoded. A line number
     * is the row's position in the table, the header being 1.
     */
    record HtmlTable(Path file) implements RowSource {
        private static final java.util.regex.Pattern TABLE = java.util.regex.Pattern.compile("(?is)<table\\b.*?(?:</table>|\\z)");
        private static final java.util.regex.Pattern ROW = java.util.regex.Pattern.compile("(?is)<tr\\b[^>]*>(.*?)(?=<tr\\b|</table>|\\z)");
        private static final java.util.regex.Pattern CELL = java.util.regex.Pattern.compile("(?is)<t([hd])\\b[^>]*>(.*?)(?=<t[hd]\\b|</tr>|\\z)");
        private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("(?s)<[^>]*>");
        private static final java.util.regex.Pattern ENTITY = java.util.regex.Pattern.compile("&(#x?[0-9a-fA-F]+|[a-zA-Z]+);");

        @Override
        public void read(RowHandler handler) {
            String html;
            try {
                byte[] bytes = Files.readAllBytes(file);
                java.nio.charset.Charset declared = declaredCharset(bytes);
                if (declared != null) {
                    html = new String(bytes, declared); // a byte the charset cannot map becomes U+FFFD: its row is refused
                } else {
                    try {
                        html = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
                    } catch (java.nio.charset.CharacterCodingException notUtf8) {
                        // no declaration and not UTF-8: older exports and pages saved by desktop Excel are Windows-1252
                        html = new String(bytes, java.nio.charset.Charset.forName("windows-1252"));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            var table = TABLE.matcher(html);
            if (!table.find()) {
                return;
            }
            var rows = ROW.matcher(table.group());
            long line = 0;
            while (rows.find()) {
                List<String> cells = new ArrayList<>();
                var cell = CELL.matcher(rows.group(1));
                while (cell.find()) {
                    cells.add(text(cell.group(2)));
                }
                if (cells.stream().anyMatch(c -> !c.isBlank())) {
                    handler.row(++line, cells.toArray(String[]::new));
                }
            }
        }

        private static final java.util.regex.Pattern META_CHARSET = java.util.regex.Pattern.compile(
                "(?i)<meta[^>]*charset\\s*=\\s*[\"']?([A-Za-z0-9._-]+)");

        /** The charset a {@code <meta>} of the page's head declares, if any and known. */
        static java.nio.charset.Charset declaredCharset(byte[] bytes) {
            String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
            var m = META_CHARSET.matcher(head);
            if (!m.find()) {
                return null;
            }
            try {
                return java.nio.charset.Charset.forName(m.group(1));
            } catch (IllegalArgumentException unknown) {
                return null;
            }
        }

        /** A numeric character reference; a NUL, surrogate or out-of-range one is kept as written. */
        private static String codePoint(String entity, String written) {
            try {
                int cp = entity.startsWith("#x") || entity.startsWith("#X") ? Integer.parseInt(entity.substring(2), 16)
                        : Integer.parseInt(entity.substring(1));
                return cp > 0 && Character.isValidCodePoint(cp) && !(cp >= 0xD800 && cp <= 0xDFFF) ? Character.toString(cp) : written;
            } catch (NumberFormatException e) {
                return written;
            }
        }

        static String text(String markup) {
            String plain = TAG.matcher(markup.replaceAll("(?i)</t[hd]>", "")).replaceAll(" ");
            var m = ENTITY.matcher(plain);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String e = m.group(1);
                String decoded = switch (e.toLowerCase(java.util.Locale.ROOT)) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    case "nbsp" -> " ";
                    default -> e.startsWith("#") ? codePoint(e, m.group()) : m.group();
                };
                m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(decoded));
            }
            m.appendTail(out);
            return out.toString().replaceAll("\\s+", " ").trim();
        }
    }

    /** Date cells as ISO dates, numbers without grouping, so the row parser sees what a CSV would hold. */
    final class IsoDates extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904).toLocalDate().toString();
            }
            if (value == Math.rint(value) && Math.abs(value) < 1e17) {
                return Long.toString((long) value);
            }
            return java.math.BigDecimal.valueOf(value).toPlainString();
        }
    }

    final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowHandler handler;
        private final List<String> cells = new ArrayList<>();
        private int row;

        Rows(RowHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            row = rowNum;
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().anyMatch(c -> c != null && !c.isBlank())) {
                handler.row(row + 1L, cells.stream().map(c -> c == null ? "" : c).toArray(String[]::new));
            }
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int col = ref == null ? cells.size() : new CellReference(ref).getCol();
            while (cells.size() < col) {
                cells.add("");
            }
            cells.add(value);
        }
    }

}
