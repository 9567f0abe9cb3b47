package id.lindung.platform;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * How every CSV download is written, chosen by its {@code delimiter} parameter. {@link #COMMA} (the default) is RFC 4180
 * with a decimal point, for programs that read CSV. {@link #SEMICOLON} is what Microsoft Excel reads as columns on a PC
 * with Indonesian regional settings (list separator {@code ;}, decimal comma): fields separated by {@code ;}, fractional
 * numbers with a decimal comma ({@code 0,2473}), and a UTF-8 byte-order mark first so Excel reads names as UTF-8. Whole
 * numbers and whole rupiah are digits only in both (no thousands separator). Every text cell is {@link SpreadsheetSafe}
 * in both, and quoted when it holds the separator, a quote or a line break.
 */
public enum CsvDialect {

    COMMA(','),
    SEMICOLON(';');

    /** The byte-order mark that tells spreadsheet programs the file is UTF-8. */
    public static final String BYTE_ORDER_MARK = "\uFEFF";

    private final char separator;

    CsvDialect(char separator) {
        this.separator = separator;
    }

    /**
     * The dialect a request's {@code delimiter} parameter names: {@code comma} (also when absent or blank) or
     * {@code semicolon}; anything else is refused with {@code DELIMITER_INVALID} (400).
     */
    public static CsvDialect of(String delimiter) {
        if (delimiter == null || delimiter.isBlank()) {
            return COMMA;
        }
        return switch (delimiter.strip().toLowerCase(Locale.ROOT)) {
            case "comma" -> COMMA;
            case "semicolon" -> SEMICOLON;
            default -> throw new InvalidInputException("delimiter", "DELIMITER_INVALID",
                    "delimiter must be comma or semicolon, not " + InputProblem.shown(delimiter));
        };
    }

    /**
     * The separator of a file to read, from its header line: {@code ;} when the header has a semicolon and no comma (a
     * "CSV" saved by Excel with Indonesian settings), else {@code ,}. Peeks at most 64 KiB through {@code in}'s mark,
     * so the reader then starts from the first byte; {@code in} must support mark.
     */
    public static char separatorOf(java.io.InputStream in) throws java.io.IOException {
        int limit = 64 * 1024;
        in.mark(limit);
        try {
            byte[] head = in.readNBytes(limit);
            int end = 0;
            while (end < head.length && head[end] != '\n' && head[end] != '\r') {
                end++;
            }
            String header = new String(head, 0, end, java.nio.charset.StandardCharsets.UTF_8);
            return header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
        } finally {
            in.reset();
        }
    }

    /**
     * The records of an uploaded file to read: UTF-8, comma- or semicolon-separated ({@link #separatorOf}), a byte-order
     * mark tolerated, empty lines skipped, rows with missing or extra fields kept for the caller's own per-row checks.
     */
    public static de.siegmar.fastcsv.reader.CsvReader<de.siegmar.fastcsv.reader.CsvRecord> records(java.io.InputStream csv) {
        java.io.BufferedInputStream in = new java.io.BufferedInputStream(csv, 64 * 1024);
        try {
            char separator = separatorOf(in);
            return de.siegmar.fastcsv.reader.CsvReader.builder().fieldSeparator(separator).skipEmptyLines(true)
                    .allowExtraFields(true).allowMissingFields(true).detectBomHeader(true)
                    .ofCsvRecord(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public char separator() {
        return separator;
    }

    /**
     * What the file starts with: the byte-order mark in the semicolon dialect; in the comma dialect nothing, so a download
     * that had no mark keeps having none (one that always had it writes it itself).
     */
    public String start() {
        return this == SEMICOLON ? BYTE_ORDER_MARK : "";
    }

    /** A number as its plain digits, with a decimal comma instead of the point in the semicolon dialect. */
    public String number(BigDecimal value) {
        String plain = value.toPlainString();
        return this == SEMICOLON ? plain.replace('.', ',') : plain;
    }

    /** A text cell neutralised against formulas, quoted when it holds the separator, a quote or a line break. */
    public String text(String value) {
        String t = SpreadsheetSafe.text(value);
        return t.indexOf(separator) >= 0 || t.indexOf('"') >= 0 || t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0
                ? "\"" + t.replace("\"", "\"\"") + "\"" : t;
    }

    /** How a date and time is written: what Excel and LibreOffice read as a date-time in either dialect. */
    public static final java.time.format.DateTimeFormatter DATE_TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A typed cell: empty for null, a number by {@link #number} (never neutralised: a minus is a sign), else {@link #text}. */
    public String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal b) {
            return number(b);
        }
        if (value instanceof Number n) {
            return this == SEMICOLON ? n.toString().replace('.', ',') : n.toString();
        }
        if (value instanceof java.time.LocalDateTime t) {
            // a moment in the business zone as spreadsheets read one, not Java's 2026-12-06T14:30
            return DATE_TIME.format(t);
        }
        return text(value.toString());
    }

    /** One record of already written cells, with the line break RFC 4180 asks for. */
    public String record(List<String> cells) {
        return String.join(String.valueOf(separator), cells) + "\r\n";
    }

    /**
     * A FastCSV writer on {@code out} with this dialect's separator, the {@link #start()} already written. Its cells are
     * not neutralised: the caller passes them through {@link SpreadsheetSafe}.
     */
    public CsvWriter writer(Writer out) {
        try {
            out.write(start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return CsvWriter.builder().fieldSeparator(separator).build(out);
    }
}
