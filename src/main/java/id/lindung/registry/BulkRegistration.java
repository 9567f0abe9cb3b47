package id.lindung.registry;

import id.lindung.access.Actor;
import id.lindung.access.RegionScope;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Set-based registration of many workers at once: rows are copied ({@code COPY}) into {@code worker_stage}
 * under a batch id, checked against the registry in a few statements, then applied in chunks of lines, a few
 * set-based statements per chunk (see {@link #apply}). Applying a chunk is idempotent (a NIK already registered makes
 * the chunk's insert of workers run again with {@code on conflict do nothing}, terms of new workers inserted only with
 * the worker, terms of registered workers opened only where none is open, versions only where the terms differ), so a
 * chunk interrupted by a crash can simply be applied again. Callers own the transactions: one per chunk.
 */
@Service
public class BulkRegistration {

    /** A staged row refused by a check against the registry. */
    public record Conflict(long line, String field, String code, String message) {}

    /** What applying one chunk changed. */
    public record ChunkResult(long workersCreated, long termsClosed, long termsOpened, long likelyDuplicates, Long[] createdIds,
                              List<Conflict> refused) {}

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BulkRegistration.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final BulkStatements statements;
    private final BulkChecks checks;
    private final BulkChunks chunks;

    BulkRegistration(JdbcClient jdbc, DataSource dataSource, BulkStatements statements, BulkChecks checks, BulkChunks chunks) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.statements = statements;
        this.checks = checks;
        this.chunks = chunks;
    }

    /** Fresh statistics of the staging table, so that the set-based statements on a batch join well ({@link BulkChecks#analyzeStage}). */
    public void analyzeStage() {
        checks.analyzeStage();
    }

    /** Copies rows into the staging table; must run inside the caller's transaction. */
    public StageWriter openStage(long batchId) {
        return StageWriter.open(dataSource, batchId);
    }

    /**
     * Checks staged rows against what is registered and marks the refused ones; each NIK found registered outside the
     * actor's scope counts as a lookup of theirs, past the limit refused with 429 {@code TOO_MANY_NIK_LOOKUPS}
     * ({@link BulkChecks#check}).
     */
    public List<Conflict> check(long batchId, Actor actor) {
        return checks.check(batchId, actor);
    }

    /**
     * Inserts the payers of staged lines [fromLine, toLine) of a batch that are not registered yet (idempotent); run once
     * for the whole batch before its chunks are applied ({@link BulkChunks#applyPayers}).
     */
    public long applyPayers(long batchId, long fromLine, long toLine) {
        return chunks.applyPayers(batchId, fromLine, toLine);
    }

    /** Applies staged lines [fromLine, toLine) of a batch, whose payers are inserted; repeatable ({@link BulkChunks#apply}). */
    public ChunkResult apply(long batchId, long fromLine, long toLine, String createdBy, RegionScope scope) {
        return chunks.apply(batchId, fromLine, toLine, createdBy, scope);
    }

    /**
     * Flags likely duplicates of workers just created (idempotent). It sees only committed workers and its own
     * transaction's: the import runs it for a chunk once every earlier chunk has committed, so no pair within
     * the batch is missed (a pair is found when the later of its two workers is created).
     */
    public long likelyDuplicates(Long[] createdIds) {
        if (createdIds.length == 0) {
            return 0;
        }
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (Long id : createdIds) {
            lo = Math.min(lo, id);
            hi = Math.max(hi, id);
        }
        // the id range keeps the scan of n on the primary key instead of every worker
        var params = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("ids", createdIds).addValue("lo", lo).addValue("hi", hi);
        return statements.timed("likely duplicates", likelyDuplicates("n.id between :lo and :hi and n.id = any(:ids)"), params, false);
    }

    /**
     * Fresh planner statistics for the tables an import grew. A register imported into a fresh database is otherwise
     * planned as empty until autovacuum analyses it: the suite's billing run right after such an import took 185 s
     * for 9,825 lines, and 3.5 s when the tables had been analysed (issue 16).
     */
    public void refreshStatistics() {
        long start = System.nanoTime();
        // on two connections at once (the import's two apply threads are idle by now): each ANALYZE is one backend's CPU
        java.util.concurrent.CompletableFuture<Void> terms = java.util.concurrent.CompletableFuture.runAsync(
                () -> jdbc.sql("analyze membership_term").update(), r -> {
                    Thread t = new Thread(r, "import-analyze");
                    t.setDaemon(true);
                    t.start();
                });
        jdbc.sql("analyze worker, worker_status_event, payer").update();
        try {
            terms.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
        log.debug("statistics refreshed in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Analyses the tables an import grows when the planner believes {@code worker} holds fewer than half the workers
     * this import has already committed, and says whether it did. A VACUUM that ran while the only rows of
     * {@code worker} were an earlier chunk's uncommitted ones (after a rolled-back import, say) leaves its pages with
     * {@code reltuples = 0}, and the planner then scales zero rows per page to any size: the next chunk's statements
     * were planned with one worker and one term, drove nested loops from them and ran for 39 minutes without
     * finishing (a 200,000-row import, 2026-12-03), where a chunk takes seconds.
     */
    public boolean refreshStatisticsIfBehind(long workersCommitted) {
        double planned = jdbc.sql("select reltuples from pg_class where oid = 'worker'::regclass").query(Double.class).single();
        if (!PlannerStatistics.behind(planned, workersCommitted)) {
            return false;
        }
        long start = System.nanoTime();
        jdbc.sql("analyze worker, membership_term, worker_status_event").update();
        log.info("planner statistics of the registry were behind an import ({} rows planned, {} workers committed): "
                + "analysed in {} ms", (long) planned, workersCommitted, (System.nanoTime() - start) / 1_000_000);
        return true;
    }

    /** Removes a batch's staging rows once it is finished. */
    public void dropStage(long batchId) {
        jdbc.sql("delete from worker_stage where batch_id = ?").param(batchId).update();
    }

    /** The staged values of refused rows, for the rejection file: line → canonical column → value. */
    public java.util.Map<Long, java.util.Map<String, String>> staged(long batchId, java.util.Collection<Long> lines) {
        java.util.Map<Long, java.util.Map<String, String>> result = new java.util.HashMap<>();
        jdbc.sql("select * from worker_stage where batch_id = :batch and line = any(:lines)")
                .param("batch", batchId).param("lines", lines.toArray(Long[]::new))
                .query((rs, n) -> {
                    var m = new java.util.HashMap<String, String>();
                    m.put("nik", rs.getString("nik"));
                    m.put("name", rs.getString("full_name"));
                    m.put("sex", rs.getString("sex"));
                    m.put("birth_date", rs.getString("birth_date"));
                    m.put("village_code", rs.getString("village_code"));
                    m.put("category", rs.getString("category"));
                    m.put("segment", rs.getString("segment"));
                    m.put("wage", rs.getBigDecimal("wage").toPlainString());
                    m.put("risk", rs.getString("risk_group"));
                    m.put("programs", String.join(";", (String[]) rs.getArray("programs").getArray()));
                    m.put("payer", rs.getString("payer_code"));
                    m.put("start_date", rs.getString("start_date"));
                    m.put("phone", rs.getString("phone"));
                    m.put("kpj", rs.getString("kpj"));
                    return result.put(rs.getLong("line"), m);
                }).list();
        return result;
    }

    /**
     * Flags pairs in the same district of domicile with the same birth date and names alike (pg_trgm
     * similarity of the lower-cased names ≥ 0.6) for review; {@code where} selects the new workers {@code n}.
     */
    static String likelyDuplicates(String where) {
        return """
                insert into likely_duplicate (worker_id, other_id, village_code, similarity)
                select least(n.id, o.id), greatest(n.id, o.id), n.village_code, o.similarity
                from worker n
                cross join lateral (
                    -- per new worker, through worker_district_birth_idx (offset 0 keeps the planner from turning this
                    -- into a hash join over every worker, which cost up to 2 s per import chunk near 1M workers)
                    select o.id, similarity(lower(n.full_name), lower(o.full_name)) as similarity
                    from worker o where substr(o.village_code, 1, 8) = substr(n.village_code, 1, 8)
                                    and o.birth_date = n.birth_date and o.id <> n.id
                    offset 0) o
                where %s and o.similarity >= 0.6
                on conflict do nothing""".formatted(where);
    }
}
