package id.lindung.importing;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.access.CurrentActor;
import id.lindung.registry.BulkRegistration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The second half of a staged import: the staged rows applied in chunks of lines, each in its own transaction that
 * also advances the batch's progress, so a killed import is resumed by confirming again and ends exactly as an
 * uninterrupted one.
 */
@Component
class ImportChunks {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportChunks.class);

    /** Test hook: called after each committed chunk (a test throws here to simulate a crash). */
    interface ChunkListener {
        void chunkCommitted(long batchId, int chunk);
    }

    volatile ChunkListener chunkListener = (batch, chunk) -> { };
    volatile int chunkSize = Integer.getInteger("lindung.import.chunk", 50_000);
    /** Chunks applied at the same time (see {@link #applyChunks}); {@code lindung.import.threads}, default 2. */
    volatile int applyThreads = Integer.getInteger("lindung.import.threads", 2);
    /** How long a chunk waits for the previous one to commit before giving up (breaks a wait on another import). */
    private static final long CHUNK_WAIT_MINUTES = 30;

    /** An import of at least this many lines refreshes the registry's planner statistics when it is applied. */
    static final long ANALYZE_AFTER_LINES = 1_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final BulkRegistration bulk;
    private final AuditLog audit;
    private final ImportRejections rejections;

    ImportChunks(JdbcClient jdbc, TransactionTemplate tx, BulkRegistration bulk, AuditLog audit, ImportRejections rejections) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.bulk = bulk;
        this.audit = audit;
        this.rejections = rejections;
    }

    /**
     * Applies the batch's chunks from the first not yet committed, then marks it IMPORTED, or PARTIALLY_IMPORTED when
     * rows were refused, and drops its staged rows. The batch is VALIDATED or IMPORTING (the caller checked).
     */
    void applyAll(long id, Actor actor, WorkerImports.Progress progress) {
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
            audit.record("IMPORT", "import_batch", String.valueOf(id), WorkerImports.regionOf(actor), null, after);
        });
        chunkListener.chunkCommitted(id, k);
        onCommitted.committed(k, to);
    }

    /** How many chunks applying the batch takes (0 before it is validated); the caller checked its scope. */
    int total(long id) {
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
}
