package id.lindung.importing;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.access.PersonalData;
import id.lindung.access.CurrentActor;
import id.lindung.access.RegionScope;
import id.lindung.platform.CsvDialect;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Staged worker imports, what the pages, the API and the command line call. Upload validates the file
 * ({@link ImportValidation}): the batch is then VALIDATED and nothing is registered yet. Confirming applies the
 * staged rows in chunks ({@link ImportChunks}), resumable after a crash. Reading a batch, its rejections and
 * warnings is scoped to the caller's region.
 */
@Service
public class WorkerImports {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WorkerImports.class);

    /** Options of an upload: defaults for rows that do not say, and whether to import without a separate confirm. */
    public record Options(String villageCode, LocalDate startDate, boolean autoConfirm) {
        public static Options none() {
            return new Options(null, null, false);
        }
    }

    /**
     * What a long import reports as it goes (the CLI prints a progress bar from it). Called on the import's own
     * threads, after a chunk has committed: an implementation must be thread-safe and quick, and must not throw.
     */
    public interface Progress {
        Progress NONE = new Progress() { };

        /** {@code rows} data rows of the file read and checked so far. */
        default void checked(long rows) { }

        /** {@code chunksDone} of {@code chunks} chunks committed, that is {@code linesDone} of the {@code lines} data lines. */
        default void applied(long batchId, int chunksDone, int chunks, long linesDone, long lines) { }
    }

    private final JdbcClient jdbc;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final ImportRejections rejections;
    private final ImportValidation validation;
    private final ImportChunks chunks;

    WorkerImports(JdbcClient jdbc, CurrentActor currentActor, AuditLog audit, ImportRejections rejections,
                  ImportValidation validation, ImportChunks chunks) {
        this.jdbc = jdbc;
        this.currentActor = currentActor;
        this.audit = audit;
        this.rejections = rejections;
        this.validation = validation;
        this.chunks = chunks;
    }

    /** The Indonesian name a file may give a risk group instead of its code (SANGAT_RENDAH for VERY_LOW ...). */
    public static String indonesianRiskName(id.lindung.shared.RiskGroup group) {
        return CellText.RISK_INDONESIAN.get(group);
    }

    /**
     * Reads the upload to a temporary file, then {@link #importFile}. The name the client sent is kept by its last path
     * segment, as every other upload's ({@code ..\..\windows\daftar.csv} was stored and shown whole).
     */
    public ImportBatch upload(String fileName, InputStream content, Options options) {
        String name = id.lindung.platform.UploadNames.of(fileName, 200, "import.csv");
        return TempUploads.read(content, "lindung-import-", file -> importFile(name, file, options));
    }

    /** Creates a batch for the file, validates it, and with {@code autoConfirm} imports it. */
    public ImportBatch importFile(String fileName, Path file, Options options) {
        return importFile(fileName, file, options, Progress.NONE);
    }

    /** {@link #importFile(String, Path, Options)}, telling {@code progress} how far it is. */
    public ImportBatch importFile(String fileName, Path file, Options options, Progress progress) {
        Actor actor = requireWriter();
        if (options.villageCode() != null && !options.villageCode().isBlank() && !actor.scope().covers(options.villageCode())) {
            throw new NotFoundException("Village " + options.villageCode() + " not found");
        }
        String format = RowSource.detectFormat(file, fileName == null ? file.getFileName().toString() : fileName);
        long id = jdbc.sql("""
                insert into import_batch (file_name, file_sha256, format, status, created_by, scope_code)
                values (?, ?, ?, 'PENDING', ?, ?) returning id""")
                .params(fileName == null ? file.getFileName().toString() : fileName, sha256(file), format, actor.username(),
                        actor.scope().code()).query(Long.class).single();
        validation.validate(id, file, format, options, actor, progress, chunks.chunkSize, chunks.applyThreads);
        ImportBatch batch = get(id);
        if (options.autoConfirm() && batch.status().equals("VALIDATED")) {
            return confirm(id, progress);
        }
        return batch;
    }

    /**
     * Marks FAILED the PENDING batches whose validation is no longer running (the process was killed or the database
     * restarted mid-validation): see {@link ImportValidation#failInterrupted}.
     */
    public int failInterrupted() {
        return validation.failInterrupted();
    }

    /**
     * Applies a VALIDATED batch, or resumes one left IMPORTING by a crash, from the first chunk not yet
     * committed. Ends IMPORTED, or PARTIALLY_IMPORTED when rows were refused.
     */
    public ImportBatch confirm(long id) {
        return confirm(id, Progress.NONE);
    }

    /** Batches this process is confirming in the background. */
    private final java.util.Set<Long> confirming = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.ExecutorService background = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "import-confirm");
        t.setDaemon(true);
        return t;
    });

    /**
     * {@link #confirm(long)} in the background, for the batch's page (issue 11 item 16): the batch is marked IMPORTING
     * at once, so its page polls its counters, and the request that confirmed it ends. False when this process is
     * already confirming it (a second click). An import that fails keeps IMPORTING with its failure; confirming again
     * resumes it, as after a crash.
     */
    public boolean confirmInBackground(long id) {
        Actor actor = requireWriter();
        requireConfirmable(get(id));
        if (!confirming.add(id)) {
            return false;
        }
        jdbc.sql("update import_batch set status = 'IMPORTING', failure = null where id = ? and status in ('VALIDATED', 'IMPORTING')")
                .param(id).update();
        background.execute(() -> CurrentActor.runAs(actor, () -> {
            try {
                confirm(id);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(WorkerImports.class).error("Import batch {} stopped", id, e);
                jdbc.sql("update import_batch set failure = ? where id = ?")
                        .params(STOPPED, id).update();
            } finally {
                confirming.remove(id);
            }
        }));
        return true;
    }

    /**
     * Whether this process is importing the batch in the background now: an IMPORTING batch that it is not (its import
     * failed, or the process that ran it was killed) is resumed by confirming it again.
     */
    public boolean confirmingNow(long id) {
        return confirming.contains(id);
    }

    /** {@link #confirm(long)}, telling {@code progress} how far it is. */
    public ImportBatch confirm(long id, Progress progress) {
        Actor actor = requireWriter();
        requireConfirmable(get(id));
        chunks.applyAll(id, actor, progress);
        return get(id);
    }

    /** Only a VALIDATED batch is imported, or an IMPORTING one resumed. */
    private static void requireConfirmable(ImportBatch batch) {
        if (!batch.status().equals("VALIDATED") && !batch.status().equals("IMPORTING")) {
            throw InvalidInputException.conflict("status", "BATCH_NOT_VALIDATED", "Batch " + batch.id() + " is " + batch.status()
                    + "; only a VALIDATED batch can be imported");
        }
    }

    /** The batch if the caller's scope covers the scope it was imported in, else {@link NotFoundException}. */
    public ImportBatch get(long id) {
        RegionScope scope = currentActor.get().scope();
        return jdbc.sql("select * from import_batch where id = :id and scope_code >= :lo and scope_code < :hi")
                .param("id", id).param("lo", scope.isNational() ? "" : scope.lo()).param("hi", scope.hi())
                .query(WorkerImports::map).optional()
                .orElseThrow(() -> new NotFoundException("Import " + id + " not found"));
    }

    /**
     * How many chunks applying the batch takes (0 before it is validated); with {@link ImportBatch#chunksDone()}
     * it is the batch's progress. Same scope rule as {@link #get}.
     */
    public int chunksTotal(long id) {
        get(id);
        return chunks.total(id);
    }

    /** The latest batches visible to the caller. */
    public List<ImportBatch> recent(int limit) {
        failInterrupted();
        RegionScope scope = currentActor.get().scope();
        return jdbc.sql("select * from import_batch where scope_code >= :lo and scope_code < :hi order by id desc limit :limit")
                .param("lo", scope.lo()).param("hi", scope.hi()).param("limit", limit).query(WorkerImports::map).list();
    }

    public record RejectedRow(long line, String field, String code, String message) {}

    /** A batch's stored failure when no row of its file was valid (its rows' problems are its rejections). */
    static final String NO_VALID_ROWS = "No valid rows";
    /** A batch's stored failure when its validation did not end ({@link ImportValidation#failInterrupted}). */
    static final String INTERRUPTED = "Validation was interrupted (the server stopped); upload the file again";
    /** A batch's stored failure when its import in the background stopped ({@link #confirmInBackground}). */
    static final String STOPPED = "The import stopped before its end; confirm again to resume it";

    /** Why a batch failed or stopped: its stored English sentence and the code it is said by in another language (null if none). */
    public record Failure(String code, String english) {}

    /**
     * The batch's failure with its code, so a page says it in its own language ({@code ProblemLanguage#onPage}): the
     * stored failure is the English sentence, one of the batch's own or, for a file that could not be read or whose
     * header was refused, that of its line-1 rejection, which keeps the code. Null when the batch has no failure.
     */
    public Failure failure(ImportBatch batch) {
        if (batch.failure() == null) {
            return null;
        }
        String code = switch (batch.failure()) {
            case NO_VALID_ROWS -> "NO_VALID_ROWS";
            case INTERRUPTED -> "VALIDATION_INTERRUPTED";
            case STOPPED -> "IMPORT_STOPPED";
            default -> jdbc.sql("""
                    select code from import_rejection where batch_id = ? and kind = 'REJECTION' and line <= 1 and message = ?
                    order by line limit 1""").params(batch.id(), batch.failure()).query(String.class).optional().orElse(null);
        };
        return new Failure(code, batch.failure());
    }

    public List<RejectedRow> rejections(long id, int limit) {
        get(id);
        return rejections.list(id, limit, !PersonalData.seesFull(currentActor.get()));
    }

    /**
     * The first {@code limit} rows imported as typed but warned about (a PU wage below the usual minimum on its start
     * date, contribution.LowWage), as the registration and the quotes warn: never rejections.
     */
    public List<RejectedRow> warnings(long id, int limit) {
        get(id);
        return rejections.warnings(id, limit, !PersonalData.seesFull(currentActor.get()));
    }

    /**
     * The refused rows as CSV: the file's own columns plus {@code error}, {@code error_code} and {@code line}, one line
     * per refused row (its problems joined), ready to be corrected and uploaded again (the import ignores the three
     * added columns). Cells are neutralised against formulas. In English: the command line's file beside the imported one.
     */
    public void writeRejectionsCsv(long id, Writer out) {
        writeRejectionsCsv(id, CsvDialect.COMMA, out, java.util.Locale.ENGLISH);
    }

    /**
     * {@link #writeRejectionsCsv(long, Writer)} in a dialect (semicolon-separated for Excel with Indonesian settings) and
     * the requester's language: the {@code error} column in {@code locale}, the codes unchanged.
     */
    public void writeRejectionsCsv(long id, CsvDialect dialect, Writer out, java.util.Locale locale) {
        requireWriter(); // the raw rows hold full NIKs, birth dates and phones: only for those who may correct and re-upload them
        ImportBatch batch = get(id);
        // recorded before the first byte: writing closes the response, and the reader may act on it at once
        audit.exported("import_rejections", String.valueOf(id), batch.scopeCode(), Map.of("format", "csv", "rows", batch.rejectedRows()));
        rejections.writeCsv(batch, dialect, out, locale);
    }

    private Actor requireWriter() {
        Actor actor = currentActor.get();
        if (!actor.role().canChangeData()) {
            throw new AccessDeniedException("Role " + actor.role() + " may not import workers");
        }
        return actor;
    }

    /** The region an audit entry of the actor records: none for a national scope. */
    static String regionOf(Actor actor) {
        return actor.scope().isNational() ? null : actor.scope().code();
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return java.util.HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ImportBatch map(ResultSet rs, int n) throws SQLException {
        var finished = rs.getTimestamp("finished_at");
        return new ImportBatch(rs.getLong("id"), rs.getString("file_name"), rs.getString("format"), rs.getString("status"),
                rs.getString("created_by"), rs.getString("scope_code"), rs.getLong("total_rows"), rs.getLong("valid_rows"),
                rs.getLong("rejected_rows"), rs.getInt("chunks_done"), rs.getLong("workers_created"), rs.getLong("terms_opened"),
                rs.getLong("terms_closed"), rs.getString("failure"), rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
