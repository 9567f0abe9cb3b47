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
        return "XLSX".equals(format) ? new Xlsx(file) : new Csv(file);
    }

    /** XLSX by its zip signature, else CSV. */
    static String detectFormat(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4 ? "XLSX" : "CSV";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
