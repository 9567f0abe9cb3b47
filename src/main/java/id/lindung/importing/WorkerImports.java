package id.lindung.importing;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.access.PersonalData;
import id.lindung.access.CurrentActor;
import id.lindung.access.RegionScope;
import id.lindung.platform.CsvDialect;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.NotFoundException;
import id.lindung.region.RegionLevel;
import id.lindung.region.Regions;
import id.lindung.registry.BulkRegistration;
import id.lindung.registry.NikChecker;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staged worker imports. Upload parses and checks every row in Java (no per-row database round trip),
 * copies the good rows into the registry's staging table and records the refused ones: the batch is then
 * VALIDATED and nothing is registered yet. Confirming applies the staged rows in chunks of lines, each in
 * its own transaction that also advances the batch's progress, so a killed import is resumed by confirming
 * again and ends exactly as an uninterrupted one.
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

    /** Rows read between two {@link Progress#checked} calls. */
    private static final int CHECK_REPORT_EVERY = 10_000;

    /** Test hook: called after each committed chunk (a test throws here to simulate a crash). */
    interface ChunkListener {
        void chunkCommitted(long batchId, int chunk);
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate tx;
    private final BulkRegistration bulk;
    private final Regions regions;
    private final NikChecker nikChecker;
    private final AuditLog audit;
    private final CurrentActor currentActor;
    volatile ChunkListener chunkListener = (batch, chunk) -> { };
    volatile int chunkSize = Integer.getInteger("lindung.import.chunk", 50_000);
    /** Chunks applied at the same time (see {@link #applyChunks}); {@code lindung.import.threads}, default 2. */
    volatile int applyThreads = Integer.getInteger("lindung.import.threads", 2);
    /** How long a chunk waits for the previous one to commit before giving up (breaks a wait on another import). */
    private static final long CHUNK_WAIT_MINUTES = 30;

    private final id.lindung.registry.BpuIncomeRange bpuIncome;
    private final id.lindung.registry.DefaultWages defaultWages;
    private final id.lindung.registry.WorkerCategories categories;
    private final ImportRejections rejections;

    WorkerImports(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionTemplate tx, BulkRegistration bulk, Regions regions,
                  NikChecker nikChecker, AuditLog audit, CurrentActor currentActor, id.lindung.registry.BpuIncomeRange bpuIncome,
                  id.lindung.registry.DefaultWages defaultWages, ImportRejections rejections,
                  id.lindung.registry.WorkerCategories categories) {
        this.categories = categories;
        this.rejections = rejections;
        this.bpuIncome = bpuIncome;
        this.defaultWages = defaultWages;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.tx = tx;
        this.bulk = bulk;
        this.regions = regions;
        this.nikChecker = nikChecker;
        this.audit = audit;
        this.currentActor = currentActor;
    }

    /** The Indonesian name a file may give a risk group instead of its code (SANGAT_RENDAH for VERY_LOW ...). */
    public static String indonesianRiskName(id.lindung.shared.RiskGroup group) {
        return WorkerRowParser.RISK_INDONESIAN.get(group);
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
        String format = RowSource.detectFormat(file);
        long id = jdbc.sql("""
                insert into import_batch (file_name, file_sha256, format, status, created_by, scope_code)
                values (?, ?, ?, 'PENDING', ?, ?) returning id""")
                .params(fileName == null ? file.getFileName().toString() : fileName, sha256(file), format, actor.username(),
                        actor.scope().code()).query(Long.class).single();
        validate(id, file, format, options, actor, progress);
        ImportBatch batch = get(id);
        if (options.autoConfirm() && batch.status().equals("VALIDATED")) {
            return confirm(id, progress);
        }
        return batch;
    }

    private void validate(long id, Path file, String format, Options options, Actor actor, Progress progress) {
        String defaultVillage = options.villageCode() != null && !options.villageCode().isBlank() ? options.villageCode().trim()
                : RegionLevel.ofCode(actor.scope().isNational() ? "00" : actor.scope().code()) == RegionLevel.VILLAGE
                ? actor.scope().code() : null;
        LocalDate today = nikChecker.today();
        var lookups = new WorkerRowParser.Lookups(nikChecker.districtCodes()::contains, villagesIn(actor.scope()),
                apbdRegions(), actor.scope(), today, bpuIncome::range, defaultWages::wage, categories.snapshot());
        var defaults = new WorkerRowParser.Defaults(defaultVillage, options.startDate() != null ? options.startDate() : today);
        List<ImportRejections.Rejection> rejections = new ArrayList<>();
        List<InputProblem> warnings = new ArrayList<>();
        try {
            tx.executeWithoutResult(status -> {
                // held while this batch is validated, so a PENDING batch without it was interrupted (see failInterrupted)
                jdbc.sql("select pg_advisory_xact_lock(?)").param(VALIDATION_LOCK | id).query().singleRow();
                long[] counts = new long[3]; // total, valid, max line
                WorkerRowParser[] parser = new WorkerRowParser[1];
                String[][] header = new String[1][];
                NikLines seen = new NikLines();
                long parseStart = System.nanoTime();
                try (id.lindung.registry.StageWriter stage = bulk.openStage(id)) {
                    RowSource.of(file, format).read((line, raw) -> {
                        // PostgreSQL text holds no NUL: kept visible (U+FFFD) in the rejection file, refused by the parser
                        String[] fields = withoutNul(raw);
                        if (header[0] == null) {
                            header[0] = fields;
                            List<InputProblem> problems = new ArrayList<>();
                            parser[0] = WorkerRowParser.forHeader(fields, defaults, lookups, problems);
                            problems.forEach(p -> rejections.add(new ImportRejections.Rejection(p, fields)));
                            return;
                        }
                        if (parser[0] == null) {
                            return;
                        }
                        counts[0]++;
                        if (counts[0] % CHECK_REPORT_EVERY == 0) {
                            progress.checked(counts[0]);
                        }
                        counts[2] = Math.max(counts[2], line);
                        WorkerRowParser.Outcome outcome = parser[0].parse(line, fields);
                        if (outcome instanceof WorkerRowParser.Ok ok) {
                            long first = seen.putIfAbsent(Long.parseLong(ok.row().nik()), line);
                            if (first != 0) {
                                rejections.add(new ImportRejections.Rejection(new InputProblem(line, "nik", "DUPLICATE_IN_FILE",
                                        "NIK also on line " + first), fields));
                            } else {
                                stage.add(ok.row());
                                counts[1]++;
                                // the row was imported: its warning keeps no copy of the row's identity data
                                warnings.addAll(ok.warnings());
                            }
                        } else if (outcome instanceof WorkerRowParser.Refused refused) {
                            refused.problems().forEach(p -> rejections.add(new ImportRejections.Rejection(p, fields)));
                        }
                    });
                }
                log.debug("batch {}: {} rows parsed, checked and staged in {} ms", id, counts[0], (System.nanoTime() - parseStart) / 1_000_000);
                if (header[0] == null) {
                    rejections.add(new ImportRejections.Rejection(new InputProblem(1, null, "FILE_EMPTY", "The file has no header row"), new String[0]));
                }
                long checkStart = System.nanoTime();
                long conflicted = 0;
                if (parser[0] != null && counts[1] > 0) {
                    long analyzeStart = System.nanoTime();
                    bulk.analyzeStage(); // fresh statistics, so the set-based statements join well
                    log.debug("batch {}: worker_stage analysed in {} ms", id, (System.nanoTime() - analyzeStart) / 1_000_000);
                    List<BulkRegistration.Conflict> conflicts = bulk.check(id, actor);
                    Map<Long, Map<String, String>> staged = bulk.staged(id, conflicts.stream().map(BulkRegistration.Conflict::line).distinct().toList());
                    for (BulkRegistration.Conflict c : conflicts) {
                        rejections.add(new ImportRejections.Rejection(new InputProblem(c.line(), c.field(), c.code(), c.message()),
                                ImportRejections.reconstruct(parser[0], staged.get(c.line()))));
                    }
                    conflicted = conflicts.stream().map(BulkRegistration.Conflict::line).distinct().count();
                }
                log.debug("batch {}: checked against the registry in {} ms", id, (System.nanoTime() - checkStart) / 1_000_000);
                this.rejections.store(id, rejections);
                // a row refused against the registry is not imported: its warning would tell of nothing
                java.util.Set<Long> refused = rejections.stream().map(r -> r.problem().line()).collect(java.util.stream.Collectors.toSet());
                this.rejections.storeWarnings(id, warnings.stream().filter(w -> !refused.contains(w.line())).toList());
                long refusedLines = rejections.stream().filter(r -> r.problem().line() > 1).map(r -> r.problem().line()).distinct().count();
                long valid = counts[1] - conflicted;
                String state = parser[0] == null || valid == 0 ? "FAILED" : "VALIDATED";
                jdbc.sql("""
                        update import_batch set status = :status, header = :header, total_rows = :total, valid_rows = :valid,
                               rejected_rows = :rejected, max_line = :maxLine, chunk_size = :chunk, validated_at = now(),
                               failure = :failure, finished_at = case when :status = 'FAILED' then now() end
                        where id = :id""")
                        .param("status", state).param("header", header[0] == null ? new String[0] : header[0])
                        .param("total", counts[0]).param("valid", valid).param("rejected", refusedLines)
                        .param("maxLine", counts[2]).param("chunk", chunkSizeFor(counts[2], chunkSize, applyThreads))
                        .param("failure", parser[0] == null ? rejections.get(0).problem().message() : valid == 0 ? "No valid rows" : null)
                        .param("id", id).update();
                if (state.equals("FAILED")) {
                    bulk.dropStage(id);
                }
                audit.record("VALIDATE", "import_batch", String.valueOf(id), regionOf(actor), null,
                        Map.of("status", state, "rows", counts[0], "valid", valid, "rejectedLines", refusedLines));
            });
        } catch (id.lindung.platform.TooManyRequestsException e) {
            // more NIKs registered outside the importer's area than their lookups allow: no row is answered, so the
            // file tells no more than single lookups would (docs/privacy.md)
            log.info("batch {}: refused, {}", id, e.getMessage());
            jdbc.sql("update import_batch set status = 'FAILED', failure = ?, finished_at = now() where id = ?")
                    .params(e.getMessage(), id).update();
            this.rejections.store(id, List.of(new ImportRejections.Rejection(new InputProblem(1, null, e.code(), e.getMessage()),
                    new String[0])));
        } catch (RuntimeException e) {
            // a file that cannot be read at all: said in words a user can act on, with a code, never the JDK's text
            InputProblem why = unreadable(e, format);
            log.info("batch {}: the file could not be read: {}", id, e.toString());
            jdbc.sql("update import_batch set status = 'FAILED', failure = ?, finished_at = now() where id = ?")
                    .params(why.message(), id).update();
            this.rejections.store(id, List.of(new ImportRejections.Rejection(why, new String[0])));
        }
    }

    /** Why a file could not be read, as a problem on its line 1 with a stable code. */
    static InputProblem unreadable(Throwable e, String format) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.charset.CharacterCodingException) {
                return new InputProblem(1, null, "FILE_NOT_UTF8", "The file is not UTF-8 text: save it as \"CSV UTF-8\" "
                        + "(Excel) or with the UTF-8 encoding, then upload it again");
            }
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (message.contains("Zip bomb") || message.contains("zip bomb") || message.contains("exceed")
                    && message.contains("max")) {
                return new InputProblem(1, null, "FILE_TOO_EXPANDED", "The workbook expands to far more than its size "
                        + "(it may be damaged or hostile); save it again from Excel or as CSV");
            }
        }
        return new InputProblem(1, null, "FILE_UNREADABLE", "The file could not be read as " + format
                + "; save it again as CSV UTF-8 or XLSX and upload it again");
    }

    private static String[] withoutNul(String[] fields) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] != null && fields[i].indexOf('\u0000') >= 0) {
                fields[i] = fields[i].replace('\u0000', '\uFFFD');
            }
        }
        return fields;
    }

    /** An import of at least this many lines refreshes the registry's planner statistics when it is applied. */
    static final long ANALYZE_AFTER_LINES = 1_000;

    /** Key space of the validation locks: "IMPV" in the high 32 bits, the batch id in the low ones. */
    private static final long VALIDATION_LOCK = 0x494D5056L << 32;

    /**
     * Marks FAILED the PENDING batches whose validation is no longer running (the process was killed or the database
     * restarted mid-validation: its transaction rolled back, so nothing of it was staged). Runs at start-up and
     * before listing batches, so such a batch never stays PENDING.
     */
    public int failInterrupted() {
        return tx.execute(status -> jdbc.sql("""
                with pending as materialized (
                    -- a validation takes its lock a few milliseconds after creating its batch
                    select id from import_batch where status = 'PENDING' and created_at < now() - interval '1 minute')
                update import_batch b set status = 'FAILED', finished_at = now(),
                       failure = 'Validation was interrupted (the server stopped); upload the file again'
                from pending p where b.id = p.id and b.status = 'PENDING' and pg_try_advisory_xact_lock(? | b.id)""")
                .param(VALIDATION_LOCK).update());
    }

    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void failInterruptedAtStartup() {
        failInterrupted();
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
        ImportBatch batch = get(id);
        if (!batch.status().equals("VALIDATED") && !batch.status().equals("IMPORTING")) {
            throw InvalidInputException.conflict("status", "BATCH_NOT_VALIDATED", "Batch " + id + " is " + batch.status()
                    + "; only a VALIDATED batch can be imported");
        }
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
                        .params("The import stopped before its end; confirm again to resume it", id).update();
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
        ImportBatch batch = get(id);
        if (!batch.status().equals("VALIDATED") && !batch.status().equals("IMPORTING")) {
            throw InvalidInputException.conflict("status", "BATCH_NOT_VALIDATED", "Batch " + id + " is " + batch.status()
                    + "; only a VALIDATED batch can be imported");
        }
        jdbc.sql("update import_batch set status = 'IMPORTING' where id = ? and status = 'VALIDATED'").param(id).update();
        Map<String, Object> row = jdbc.sql("select max_line, chunk_size, chunks_done from import_batch where id = ?").param(id)
                .query().singleRow();
        long maxLine = ((Number) row.get("max_line")).longValue();
        int size = ((Number) row.get("chunk_size")).intValue();
        int done = ((Number) row.get("chunks_done")).intValue();
        int chunks = chunks(maxLine, size);
        long lines = Math.max(0, maxLine - 1);
        progress.applied(id, done, chunks, Math.min(lines, (long) done * size), lines);
        if (done < chunks) {
            applyChunks(id, done, chunks, size, actor, (chunk, linesTo) ->
                    progress.applied(id, chunk + 1, chunks, Math.min(lines, linesTo - 2), lines));
            if (lines >= ANALYZE_AFTER_LINES) {
                bulk.refreshStatistics();
            }
        }
        tx.executeWithoutResult(status -> {
            jdbc.sql("""
                    update import_batch set status = case when rejected_rows > 0 then 'PARTIALLY_IMPORTED' else 'IMPORTED' end,
                           finished_at = now() where id = ? and status = 'IMPORTING'""").param(id).update();
            bulk.dropStage(id);
        });
        return get(id);
    }

    /**
     * Applies chunks [first, chunks) on {@link #applyThreads} threads as a pipeline: the set-based statements
     * of chunk k+1 run while chunk k is still being applied, but chunk k+1 commits only after chunk k has
     * committed (and its listener returned), and its likely-duplicate scan runs after that wait, so it sees
     * every earlier chunk's workers. Committed chunks are therefore always a prefix of the batch, and
     * {@code chunks_done} stays an exact resume point: a killed import resumes at the first chunk not
     * committed, as with one thread. Chunks of one batch never wait for each other in the database while one
     * of them waits for the other in Java (their NIKs are distinct and each chunk's payers are committed in a
     * transaction of their own before its statements run). A second confirm of the same batch waits
     * per chunk on a transaction-level advisory lock and skips the chunks already committed.
     */
    private void applyChunks(long id, int first, int chunks, int size, Actor actor, ChunkDone onCommitted) {
        int threads = Math.max(1, Math.min(applyThreads, chunks - first));
        @SuppressWarnings("unchecked")
        java.util.concurrent.CompletableFuture<Void>[] committed = new java.util.concurrent.CompletableFuture[chunks];
        for (int k = first; k < chunks; k++) {
            committed[k] = new java.util.concurrent.CompletableFuture<>();
        }
        java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "import-" + id);
            t.setDaemon(true);
            return t;
        });
        try {
            for (int chunk = first; chunk < chunks; chunk++) {
                int k = chunk;
                pool.execute(() -> {
                    try {
                        if (failed.get()) {
                            throw new IllegalStateException("Import " + id + " stopped before chunk " + k);
                        }
                        CurrentActor.runAs(actor, () -> applyChunk(id, k, size, actor, k == first ? null : committed[k - 1], onCommitted));
                        committed[k].complete(null);
                    } catch (Throwable e) {
                        failed.set(true);
                        committed[k].completeExceptionally(e);
                    }
                });
            }
            for (int k = first; k < chunks; k++) {
                try {
                    committed[k].join();
                } catch (java.util.concurrent.CompletionException e) {
                    // the first failing chunk's own exception (later chunks fail because it did)
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw e;
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Told after chunk {@code k} (lines up to, not including, {@code to}) has committed. */
    private interface ChunkDone {
        void committed(int k, long to);
    }

    private void applyChunk(long id, int k, int size, Actor actor, java.util.concurrent.CompletableFuture<Void> previous,
                            ChunkDone onCommitted) {
        long from = 2 + (long) k * size;
        long to = from + size;
        Map<String, Object> progress = jdbc.sql("select chunks_done, workers_created from import_batch where id = ?").param(id)
                .query().singleRow();
        if (((Number) progress.get("chunks_done")).intValue() > k) {
            return;
        }
        // before this chunk's statements are planned: the workers of the chunks committed so far must not be planned as none
        bulk.refreshStatisticsIfBehind(((Number) progress.get("workers_created")).longValue());
        // the chunk's payers first, in their own transaction: chunks applied at the same time then never wait for
        // each other's uncommitted payers (payers are idempotent; one left by a killed import is reused on resume)
        tx.executeWithoutResult(status -> bulk.applyPayers(id, from, to));
        tx.executeWithoutResult(status -> {
            // two confirms of one batch: the second waits here until the first has finished this chunk, then skips it
            jdbc.sql("select pg_advisory_xact_lock(cast(? % 2147483647 as int), ?)").params(id, k).query().singleRow();
            int current = jdbc.sql("select chunks_done from import_batch where id = ?").param(id).query(Integer.class).single();
            if (current > k) {
                return;
            }
            BulkRegistration.ChunkResult r = bulk.apply(id, from, to, actor.username(), actor.scope());
            long waitStart = System.nanoTime();
            if (previous != null) {
                try {
                    previous.get(CHUNK_WAIT_MINUTES, java.util.concurrent.TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Import " + id + " interrupted before chunk " + k, e);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    throw new IllegalStateException("Import " + id + " stopped before chunk " + k + ": an earlier chunk did not commit", e);
                }
            }
            log.debug("batch {} chunk {}: waited {} ms for the previous chunk to commit", id, k, (System.nanoTime() - waitStart) / 1_000_000);
            long duplicates = bulk.likelyDuplicates(r.createdIds());
            current = jdbc.sql("select chunks_done from import_batch where id = ? for update").param(id).query(Integer.class).single();
            if (current != k) {
                status.setRollbackOnly();
                return;
            }
            long refused = r.refused().stream().map(BulkRegistration.Conflict::line).distinct().count();
            if (refused > 0) {
                rejections.store(id, rejections.refusedLater(id, r.refused()));
            }
            jdbc.sql("""
                    update import_batch set chunks_done = chunks_done + 1, workers_created = workers_created + ?,
                           terms_opened = terms_opened + ?, terms_closed = terms_closed + ?,
                           valid_rows = valid_rows - ?, rejected_rows = rejected_rows + ? where id = ?""")
                    .params(r.workersCreated(), r.termsOpened(), r.termsClosed(), refused, refused, id).update();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("batch", id);
            after.put("chunk", k);
            after.put("lines", from + "-" + (to - 1));
            after.put("workersCreated", r.workersCreated());
            after.put("termsOpened", r.termsOpened());
            after.put("termsClosed", r.termsClosed());
            after.put("likelyDuplicates", duplicates);
            after.put("refused", refused);
            audit.record("IMPORT", "import_batch", String.valueOf(id), regionOf(actor), null, after);
        });
        chunkListener.chunkCommitted(id, k);
        onCommitted.committed(k, to);
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
        Map<String, Object> row = jdbc.sql("select max_line, chunk_size from import_batch where id = ?").param(id)
                .query().singleRow();
        return chunks(((Number) row.get("max_line")).longValue(), ((Number) row.get("chunk_size")).intValue());
    }

    /** From this many lines on, a batch's chunks are evened out over the apply threads ({@link #chunkSizeFor}). */
    static final long BALANCE_FROM_LINES = 10_000;

    /**
     * Lines per chunk of a batch whose last line is {@code maxLine}: at most {@code chunkSize}, and, for a batch of at
     * least {@link #BALANCE_FROM_LINES} lines, as many equal chunks as a multiple of {@code applyThreads}, so that no
     * thread is left alone with the tail (60,000 lines were applied as 50,000 on one thread beside 10,000 on the other).
     */
    static int chunkSizeFor(long maxLine, int chunkSize, int applyThreads) {
        long lines = Math.max(0, maxLine - 1);
        int threads = Math.max(1, applyThreads);
        if (lines < BALANCE_FROM_LINES || threads == 1) {
            return chunkSize;
        }
        long chunks = (lines + chunkSize - 1) / chunkSize;
        chunks = (chunks + threads - 1) / threads * threads;
        return (int) ((lines + chunks - 1) / chunks);
    }

    /** Chunks of {@code size} lines covering the data lines 2..{@code maxLine}. */
    private static int chunks(long maxLine, int size) {
        return (int) ((Math.max(0, maxLine - 1) + size - 1) / size);
    }

    /** The latest batches visible to the caller. */
    public List<ImportBatch> recent(int limit) {
        failInterrupted();
        RegionScope scope = currentActor.get().scope();
        return jdbc.sql("select * from import_batch where scope_code >= :lo and scope_code < :hi order by id desc limit :limit")
                .param("lo", scope.lo()).param("hi", scope.hi()).param("limit", limit).query(WorkerImports::map).list();
    }

    public record RejectedRow(long line, String field, String code, String message) {}

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

    private Map<String, Boolean> villagesIn(RegionScope scope) {
        return WorkerLists.villagesIn(regions, scope);
    }

    private Set<String> apbdRegions() {
        return WorkerLists.apbdRegions(regions);
    }

    private Actor requireWriter() {
        Actor actor = currentActor.get();
        if (!actor.role().canChangeData()) {
            throw new AccessDeniedException("Role " + actor.role() + " may not import workers");
        }
        return actor;
    }

    private static String regionOf(Actor actor) {
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
