package id.lindung.importing;

import id.lindung.platform.InputProblem;
import id.lindung.platform.ProblemLanguage;
import id.lindung.registry.BulkRegistration;
import id.lindung.platform.CsvDialect;
import id.lindung.platform.SpreadsheetSafe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A batch's refused rows: stored as validation and applying refuse them (with the row as it was in the file, or rebuilt
 * from its staged values), and read back by the importer: the list of rejected lines, their reasons masked for roles
 * that see NIKs masked, and the rejection file to correct and upload again. Beside them, of {@link Kind#WARNING}, the
 * warnings of rows imported as typed (no copy of the row), which no count, list or file of rejections holds. {@link WorkerImports} checks the caller
 * may see the batch (and, for the file, may change data) before asking.
 */
@Service
class ImportRejections {

    /** A refused row: what is wrong and the row as it was in the file. */
    record Rejection(InputProblem problem, String[] raw) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final BulkRegistration bulk;
    private final ProblemLanguage language;

    ImportRejections(JdbcClient jdbc, JdbcTemplate jdbcTemplate, BulkRegistration bulk, ProblemLanguage language) {
        this.language = language;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.bulk = bulk;
    }

    /**
     * What a stored row is (column {@code kind}, V184): a refused row, or a row imported as typed but warned about. Every
     * reader picks its rows by kind, never by code: a warning is never counted, listed or filed as a rejected row.
     */
    enum Kind { REJECTION, WARNING }

    void store(long id, List<Rejection> rejections) {
        store(id, Kind.REJECTION, rejections);
    }

    /** Warnings of imported rows: each keeps no copy of its row (the row is in the register, not refused). */
    void storeWarnings(long id, List<InputProblem> warnings) {
        store(id, Kind.WARNING, warnings.stream().map(w -> new Rejection(w, new String[0])).toList());
    }

    private void store(long id, Kind kind, List<Rejection> rejections) {
        List<Object[]> rows = new ArrayList<>(Math.min(rejections.size(), 10_000));
        for (Rejection r : rejections) {
            rows.add(new Object[] {id, r.problem().line(), r.problem().field(), r.problem().code(), r.problem().message(), r.raw()});
            if (rows.size() == 10_000) {
                insert(kind, rows);
                rows.clear();
            }
        }
        insert(kind, rows);
    }

    private void insert(Kind kind, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate("insert into import_rejection (batch_id, line, field, code, message, raw, kind) values (?, ?, ?, ?, ?, ?, ?)",
                rows.stream().map(r -> new Object[] {r[0], r[1], r[2], r[3], r[4], r[5]}).toList(),
                rows.size(), (ps, r) -> {
                    ps.setLong(1, (Long) r[0]);
                    ps.setLong(2, (Long) r[1]);
                    ps.setString(3, (String) r[2]);
                    ps.setString(4, (String) r[3]);
                    ps.setString(5, (String) r[4]);
                    ps.setArray(6, ps.getConnection().createArrayOf("text", (String[]) r[5]));
                    ps.setString(7, kind.name());
                });
    }

    /** Rows refused while applying (registered elsewhere after validation), with their staged values as the raw row. */
    List<Rejection> refusedLater(long id, List<BulkRegistration.Conflict> conflicts) {
        // a row refused now was not imported: its warning would tell of nothing
        jdbc.sql("delete from import_rejection where batch_id = ? and kind = ? and line = any(?)")
                .params(id, Kind.WARNING.name(), conflicts.stream().map(BulkRegistration.Conflict::line).distinct().toArray(Long[]::new)).update();
        String[] header = jdbc.sql("select header from import_batch where id = ?").param(id)
                .query((rs, n) -> (String[]) rs.getArray(1).getArray()).single();
        WorkerRowParser layout = WorkerRowParser.layout(header);
        Map<Long, Map<String, String>> staged = bulk.staged(id, conflicts.stream().map(BulkRegistration.Conflict::line).distinct().toList());
        return conflicts.stream().map(c -> new Rejection(new InputProblem(c.line(), c.field(), c.code(), c.message()),
                reconstruct(layout, staged.get(c.line())))).toList();
    }

    static String[] reconstruct(WorkerRowParser parser, Map<String, String> values) {
        String[] raw = new String[parser.header().length];
        java.util.Arrays.fill(raw, "");
        if (values == null) {
            return raw;
        }
        for (String column : values.keySet()) {
            int at = parser.position(column);
            if (column.equals("category") && at < 0) {
                at = parser.position("pekerjaan"); // an OpenSID file: its pekerjaan column reads a category name back as that category
            }
            if (at >= 0) {
                raw[at] = values.get(column) == null ? "" : values.get(column);
            }
        }
        return raw;
    }

    /** The first {@code limit} rejected lines of a batch; {@code masked} for a role that sees NIKs masked. */
    List<WorkerImports.RejectedRow> list(long id, int limit, boolean masked) {
        return rows(Kind.REJECTION, id, limit, masked);
    }

    /** The first {@code limit} warned lines of a batch: imported as typed, but looking wrong. */
    List<WorkerImports.RejectedRow> warnings(long id, int limit, boolean masked) {
        return rows(Kind.WARNING, id, limit, masked);
    }

    private List<WorkerImports.RejectedRow> rows(Kind kind, long id, int limit, boolean masked) {
        return jdbc.sql("select line, field, code, message from import_rejection where batch_id = ? and kind = ? order by line limit ?")
                .params(id, kind.name(), limit).query((rs, n) -> new WorkerImports.RejectedRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                        masked ? maskedReason(rs.getString(2), rs.getString(4)) : rs.getString(4))).list();
    }

    /**
     * A rejection reason as a role that sees NIKs masked may read it: the reasons quote what was typed (a NIK, or a
     * birth date that the NIK's digits 7-12 encode), so digit runs keep only their first 6 and last 2 digits and dates
     * only their year.
     */
    static String maskedReason(String field, String message) {
        if (field != null && java.util.Set.of("nik", "sex", "birth_date", "name", "phone").contains(field)) {
            // these reasons quote identity data in many shapes (typed NIKs, dates as DD-M-YY, digits 7-12): none is shown
            // English, as every stored reason is: an Indonesian answer or page words it by its code (ProblemLanguage),
            // an English one shows it as is (it was a fixed Indonesian sentence in English answers too; review6)
            return "Column " + field + " refused (see the code); its details are for roles that see whole NIKs";
        }
        return maskIdentity(message);
    }

    static String maskIdentity(String message) {
        return id.lindung.access.PersonalData.maskTyped(message);
    }

    /**
     * The refused rows as CSV: the file's own columns plus {@code error}, {@code error_code} and {@code line}, one line
     * per refused row (its problems joined), ready to be corrected and uploaded again (the import ignores the three
     * added columns). Cells are neutralised against formulas. The import reads both dialects' files back. {@code error}
     * is in {@code locale} with the values of the English sentence ({@link ProblemLanguage#inLanguage}, as the API
     * answers); {@code error_code} never changes with the language.
     */
    void writeCsv(ImportBatch batch, CsvDialect dialect, Writer out, java.util.Locale locale) {
        long id = batch.id();
        String[] header = jdbc.sql("select header from import_batch where id = ?").param(batch.id())
                .query((rs, n) -> (String[]) rs.getArray(1).getArray()).single();
        TreeMap<Long, Object[]> byLine = new TreeMap<>();
        jdbc.sql("select line, field, message, raw, code from import_rejection where batch_id = ? and kind = ? order by line")
                .params(id, Kind.REJECTION.name())
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    long line = rs.getLong(1);
                    String problem = (rs.getString(2) == null ? "" : rs.getString(2) + ": ")
                            + language.inLanguage(rs.getString(5), rs.getString(3), locale);
                    Object[] entry = byLine.get(line);
                    if (entry == null) {
                        byLine.put(line, new Object[] {(String[]) rs.getArray(4).getArray(), new StringBuilder(problem),
                                new StringBuilder(rs.getString(5))});
                    } else {
                        ((StringBuilder) entry[1]).append(" | ").append(problem);
                        ((StringBuilder) entry[2]).append(" | ").append(rs.getString(5));
                    }
                });
        try (var csv = dialect.writer(out)) {
            List<String> head = new ArrayList<>(List.of(header));
            head.add("error");
            head.add("error_code");
            head.add("line");
            csv.writeRecord(head);
            for (var e : byLine.entrySet()) {
                String[] raw = (String[]) e.getValue()[0];
                List<String> cells = new ArrayList<>(header.length + 2);
                for (int i = 0; i < header.length; i++) {
                    cells.add(SpreadsheetSafe.text(i < raw.length ? raw[i] : ""));
                }
                cells.add(SpreadsheetSafe.text(e.getValue()[1].toString()));
                cells.add(e.getValue()[2].toString());
                cells.add(Long.toString(e.getKey()));
                csv.writeRecord(cells);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
