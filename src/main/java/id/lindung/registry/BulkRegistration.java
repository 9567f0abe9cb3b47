package id.lindung.registry;

import id.lindung.access.Actor;
import id.lindung.access.RegionScope;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
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
    private static final boolean EXPLAIN = Boolean.getBoolean("lindung.bulk.explain");

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Clock clock;
    private final NikLookups lookups;

    BulkRegistration(JdbcClient jdbc, DataSource dataSource, Clock clock, NikLookups lookups) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.clock = clock;
        this.lookups = lookups;
    }

    /**
     * Fresh statistics of the staging table, so that the set-based statements on a batch join well; only of the columns
     * those statements join or filter on (the names, phones and payers' names of 30,000 sampled rows were sorted for
     * statistics nothing reads).
     */
    public void analyzeStage() {
        jdbc.sql("analyze worker_stage (batch_id, line, nik, village_code, payer_code, start_date, registered, rejected)").update();
    }

    /** Copies rows into the staging table; must run inside the caller's transaction. */
    public StageWriter openStage(long batchId) {
        return StageWriter.open(dataSource, batchId);
    }

    /**
     * Checks staged rows against what is registered and marks the refused ones: a NIK registered in
     * another village (told where only when {@code scope} covers it), and new terms that would start on or
     * before the current or an ended term of the same programme. Each NIK found registered outside the scope is a probe
     * of {@code actor}'s, counted and audited as a single lookup's is: past the limit the whole check is refused with
     * 429 {@code TOO_MANY_NIK_LOOKUPS} and answers no row (a file of 2,920 guessed NIKs answered which of them exist,
     * nationwide, unaudited).
     */
    public List<Conflict> check(long batchId, Actor actor) {
        RegionScope scope = actor.scope();
        List<Conflict> conflicts = new ArrayList<>();
        var params = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("batch", batchId).addValue("lo", scope.lo()).addValue("hi", scope.hi());
        long registered = timed("registered NIKs", """
                update worker_stage s set registered = true from worker w where w.nik = s.nik and s.batch_id = :batch""",
                params, false);
        if (registered > 0) {
            analyzeStage();
        }
        // a NIK registered in another village, or a worker no longer active (as in a single registration)
        String stale = STALE.formatted("s.batch_id = :batch and s.registered", "");
        explain("stale registered workers", stale, params);
        conflicts.addAll(jdbc.sql(stale).paramSource(params).query(BulkRegistration::stale).list());
        if (!conflicts.isEmpty()) {
            lookups.probedByImport(actor, jdbc.sql("""
                    select s.nik from worker_stage s join worker w on w.nik = s.nik
                    where s.batch_id = :batch and s.registered and w.village_code <> s.village_code
                      and not (w.village_code >= :lo and w.village_code < :hi)
                    order by s.line""").paramSource(params).query(String.class).list());
        }
        // only rows whose NIK is registered (flagged just above) can meet terms of a registered worker: the others are
        // not joined to the whole worker table at all
        String overlaps = """
                select distinct on (s.line) s.line, p.program, t.valid_from, t.valid_to
                from worker_stage s cross join unnest(s.programs) as p(program)
                join worker w on w.nik = s.nik and w.village_code = s.village_code
                join membership_term t on t.worker_id = w.id and t.program = p.program
                left join payer py on py.code = s.payer_code
                where s.batch_id = :batch and s.registered
                  and ((t.valid_to is null and s.start_date <= t.valid_from
                        and (t.segment, t.wage, coalesce(t.risk_group, ''), t.worker_payer_id)
                            is distinct from (s.segment, s.wage, coalesce(s.risk_group, ''), py.id))
                    or (t.valid_to is not null and t.valid_to > s.start_date
                        and not exists (select 1 from membership_term o where o.worker_id = w.id and o.program = p.program
                                        and o.valid_to is null)))
                order by s.line, t.valid_from desc""";
        explain("terms overlapping", overlaps, params);
        long overlapStart = System.nanoTime();
        jdbc.sql(overlaps).paramSource(params)
                .query((rs, n) -> conflicts.add(new Conflict(rs.getLong("line"), "start_date", "START_OVERLAPS_TERM",
                        "start_date must be after " + (rs.getObject("valid_to") == null
                                ? rs.getObject("valid_from", LocalDate.class) + ", when the current " + rs.getString("program") + " terms started"
                                : rs.getObject("valid_to", LocalDate.class) + ", when the last " + rs.getString("program") + " term ended"))))
                .list();
        log.debug("terms overlapping: {} conflicts so far in {} ms", conflicts.size(), (System.nanoTime() - overlapStart) / 1_000_000);
        if (!conflicts.isEmpty()) {
            jdbc.sql("update worker_stage set rejected = true where batch_id = :batch and line = any(:lines)")
                    .param("batch", batchId).param("lines", conflicts.stream().map(Conflict::line).distinct().toArray(Long[]::new))
                    .update();
        }
        conflicts.sort(java.util.Comparator.comparingLong(Conflict::line));
        return conflicts;
    }

    /**
     * Staged rows ({@code %1$s}) whose worker is registered in another village or is no longer active; the village is
     * named only if {@code :lo}-{@code :hi} covers it. {@code %2$s} may lock the workers.
     */
    private static final String STALE = """
            select s.line, s.village_code as staged_village, w.village_code, w.category, w.status,
                   (w.village_code >= :lo and w.village_code < :hi) as visible
            from worker_stage s join worker w on w.nik = s.nik
            where %1$s and (w.village_code <> s.village_code or w.status <> 'ACTIVE')
            order by s.line
            %2$s""";

    private static Conflict stale(java.sql.ResultSet rs, int n) throws SQLException {
        return rs.getString("village_code").equals(rs.getString("staged_village"))
                ? new Conflict(rs.getLong("line"), "nik", "WORKER_NOT_ACTIVE", "The worker is " + rs.getString("status")
                        + ": memberships are opened or changed only for an active worker")
                : elsewhere(rs, n);
    }

    private static Conflict elsewhere(java.sql.ResultSet rs, int n) throws SQLException {
        return new Conflict(rs.getLong("line"), "nik", "NIK_REGISTERED_ELSEWHERE", rs.getBoolean("visible")
                ? "NIK already registered in village " + rs.getString("village_code") + " as " + rs.getString("category")
                        + "; transfer the worker instead"
                : "NIK already registered in another area; ask for a transfer instead");
    }

    /**
     * Inserts the payers of staged lines [fromLine, toLine) of a batch that are not registered yet (idempotent), the
     * same way as a single registration ({@link PayerRows}): government payers named after their region, an employer
     * or donor in the region its code names. A line naming an employer or donor by the new name it was given after
     * it was created is pointed at that payer's code. The import runs it once for the whole batch before applying
     * chunks, so that chunks applied at the same time never insert, and so never wait for, the same payer.
     */
    public long applyPayers(long batchId, long fromLine, long toLine) {
        var params = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("batch", batchId).addValue("from", fromLine).addValue("to", toLine);
        long inserted = timed("payers", """
                insert into payer (code, kind, name, region_code)
                select s.payer_code, s.payer_kind, %s, s.payer_region
                from (select distinct on (s.payer_code) s.payer_code, s.payer_kind, s.payer_name, s.payer_region
                      from worker_stage s where %s order by s.payer_code) s
                left join region_area r on r.code = s.payer_region
                -- a probe of payer_code_key per distinct code of the chunk (a subplan, not an anti join: the planner
                -- hashed every payer of the country for each chunk, which grows with the register, not with the chunk)
                where (select p.id from payer p where p.code = s.payer_code) is null
                  -- only an employer or donor can have been renamed: as an anti join, the name's key (a regular
                  -- expression) was computed and probed for every new payer, a third of the lines' SELF payers included
                  and (s.payer_kind not in ('EMPLOYER', 'DONOR') or not exists (select 1 from payer p where %s))
                order by s.payer_code
                on conflict do nothing""".formatted(PayerRows.NEW_NAME, ROWS, PayerRows.SAME_NAME_IN_REGION), params, false);
        timed("payers renamed", """
                update worker_stage s set payer_code = p.code
                from payer p
                where %s and %s
                  and not exists (select 1 from payer c where c.code = s.payer_code)""".formatted(ROWS,
                PayerRows.SAME_NAME_IN_REGION), params, false);
        return inserted;
    }

    private static final String ROWS = "s.batch_id = :batch and s.line >= :from and s.line < :to and not s.rejected";

    /**
     * Applies staged lines [fromLine, toLine) of a batch, whose payers {@link #applyPayers} has inserted; see
     * the class comment for why it can be repeated. Three statements, in this order: closing the open terms of
     * workers already registered whose terms change; opening terms of workers already registered; then, in one
     * statement, the new workers, their status events and their terms (a new worker has no terms, so nothing
     * to compare or to close: its terms are inserted straight from the rows just inserted). The statements on
     * registered workers run before the new workers are inserted, so they only ever see workers that existed
     * before the chunk. Likely duplicates are a separate step ({@link #likelyDuplicates(long, long, long)}).
     */
    public ChunkResult apply(long batchId, long fromLine, long toLine, String createdBy, RegionScope scope) {
        var params = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("batch", batchId).addValue("from", fromLine).addValue("to", toLine).addValue("by", createdBy)
                .addValue("today", LocalDate.now(clock));
        // registered workers that moved to another village or stopped being active since validation: refused like at
        // validation, never applied to a worker they no longer describe and never dropped silently
        params.addValue("lo", scope.lo()).addValue("hi", scope.hi());
        List<Conflict> refused = new ArrayList<>(refuseStale(ROWS + " and s.registered", params));
        long[] closedAndOpened = applyToRegistered(ROWS + " and s.registered", params);
        long[] counts = new long[2];
        Long[][] createdIds = new Long[1][];
        Long[][] missed = new Long[1][];
        long start = System.nanoTime();
        String fresh = ROWS + " and not s.registered";
        // a plain insert first: validation flagged every NIK registered then, so a conflict on the NIK means someone
        // registered one of the chunk's workers since; only then is the chunk's insert run again with "on conflict do
        // nothing", whose speculative insertion (a lock and a second WAL record per row) would otherwise be paid by every
        // row. A plain insert skips no line: it inserts every fresh line or fails.
        String plain = NEW_WORKERS.formatted(fresh, "", "cast('{}' as bigint[])");
        explain("new workers, events and terms", plain, params);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Savepoint beforeInsert = connection.setSavepoint();
            try {
                insertNew(plain, params, counts, createdIds, missed);
                connection.releaseSavepoint(beforeInsert);
            } catch (org.springframework.dao.DuplicateKeyException e) {
                if (!String.valueOf(e.getMessage()).contains("worker_nik_key")) {
                    throw e;
                }
                connection.rollback(beforeInsert);
                log.debug("lines {}-{} of batch {}: a NIK was registered since validation; inserting with on conflict",
                        fromLine, toLine - 1, batchId);
                insertNew(NEW_WORKERS.formatted(fresh, "on conflict (nik) do nothing", MISSED.formatted(fresh)), params, counts,
                        createdIds, missed);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("savepoint around the new workers' insert failed", e);
        }
        log.debug("new workers, events and terms: {} workers, {} terms in {} ms", counts[0], counts[1],
                (System.nanoTime() - start) / 1_000_000);
        long closed = closedAndOpened[0];
        long opened = closedAndOpened[1] + counts[1];
        if (missed[0].length > 0) {
            params.addValue("missed", missed[0]);
            // registered meanwhile in another village, or registered and no longer active: refused, never silently dropped
            refused.addAll(refuseStale(ROWS + " and s.line = any(:missed)", params));
            // registered meanwhile in the same village: from now on they are registered rows, and get what a registered worker gets
            jdbc.sql("update worker_stage set registered = true where batch_id = :batch and line = any(:missed)").paramSource(params).update();
            long[] late = applyToRegistered(ROWS + " and s.line = any(:missed)", params);
            closed += late[0];
            opened += late[1];
        }
        return new ChunkResult(counts[0], closed, opened, 0, createdIds[0], refused);
    }

    /**
     * The new workers of the staged rows {@code %1$s}, their status events and their terms, in one statement; {@code %2$s}
     * is the insert's conflict clause. Returns the workers and terms inserted, the new workers' ids, and ({@code %3$s}) the
     * lines whose NIK was registered by someone else since validation (which "on conflict do nothing" skipped).
     */
    private static final String NEW_WORKERS = """
            with created as (
                insert into worker (nik, full_name, sex, birth_date, village_code, phone, kpj, category, extreme_poverty,
                                    poverty_decile, created_by)
                select s.nik, s.full_name, s.sex, s.birth_date, s.village_code, s.phone, s.kpj, s.category,
                       s.poverty_decile is not null, s.poverty_decile, :by
                from worker_stage s where %1$s
                order by s.line
                %2$s
                returning id, nik, village_code)
            , events as (
                insert into worker_status_event (worker_id, village_code, status, reason, effective_on, created_by)
                select c.id, c.village_code, 'ACTIVE', 'REGISTERED by import batch ' || :batch, cast(:today as date), :by from created c)
            -- each distinct payer of the chunk looked up once through payer_code_key (offset 0 keeps it a lookup: joined,
            -- the planner hashed every payer of the country for each chunk), instead of once per term
            , payers as materialized (
                select d.payer_code, x.id
                from (select distinct s.payer_code from worker_stage s where %1$s) d
                cross join lateral (select x.id from payer x where x.code = d.payer_code offset 0) x)
            , terms as (
                insert into membership_term (worker_id, village_code, program, segment, wage, risk_group, employer_payer_id,
                                             worker_payer_id, valid_from, created_by)
                select c.id, c.village_code, p.program, s.segment, s.wage, s.risk_group,
                       case when s.segment = 'PU' then py.id end, py.id, s.start_date, :by
                from created c join worker_stage s on s.batch_id = :batch and s.nik = c.nik
                cross join unnest(s.programs) as p(program)
                join payers py on py.payer_code = s.payer_code
                where %1$s
                returning 1)
            select (select count(*) from created), (select count(*) from terms),
                   (select coalesce(array_agg(id), '{}') from created),
                   %3$s""";

    /** With "on conflict do nothing": the lines whose NIK someone else registered after validation (the insert skipped them). */
    private static final String MISSED = """
            (select coalesce(array_agg(s.line), '{}') from worker_stage s
             where %1$s and not exists (select 1 from created c where c.nik = s.nik))""";

    private void insertNew(String sql, org.springframework.jdbc.core.namedparam.MapSqlParameterSource params, long[] counts,
                           Long[][] createdIds, Long[][] missed) {
        jdbc.sql(sql).paramSource(params).query((rs, n) -> {
            counts[0] = rs.getLong(1);
            counts[1] = rs.getLong(2);
            createdIds[0] = (Long[]) rs.getArray(3).getArray();
            missed[0] = (Long[]) rs.getArray(4).getArray();
            return null;
        }).list();
    }

    /**
     * Refuses (and marks rejected) the staged rows {@code rows} selects whose worker is now registered in another village
     * or is no longer active. The workers are locked until the chunk commits, so a status change cannot slip in between.
     */
    private List<Conflict> refuseStale(String rows, org.springframework.jdbc.core.namedparam.MapSqlParameterSource params) {
        List<Conflict> stale = jdbc.sql(STALE.formatted(rows, "for share of w")).paramSource(params)
                .query(BulkRegistration::stale).list();
        markRejected(stale, params);
        return stale;
    }

    private void markRejected(List<Conflict> refused, org.springframework.jdbc.core.namedparam.MapSqlParameterSource params) {
        if (!refused.isEmpty()) {
            params.addValue("refused", refused.stream().map(Conflict::line).toArray(Long[]::new));
            jdbc.sql("update worker_stage set rejected = true where batch_id = :batch and line = any(:refused)").paramSource(params).update();
        }
    }

    /**
     * Closing the open terms of registered workers whose terms change, then opening their new terms, for the
     * staged rows {@code rows} selects; returns {closed, opened}.
     */
    private long[] applyToRegistered(String rows, org.springframework.jdbc.core.namedparam.MapSqlParameterSource params) {
        String registered = """
                from worker_stage s cross join unnest(s.programs) as p(program)
                join worker w on w.nik = s.nik and w.village_code = s.village_code
                join payer py on py.code = s.payer_code
                """;
        long closed = timed("close terms", """
                update membership_term t set valid_to = x.start_date, end_reason = 'CHANGED'
                from (select w.id as worker_id, p.program, s.start_date, s.segment, s.wage, s.risk_group, py.id as payer_id
                      %s where %s) x
                where t.worker_id = x.worker_id and t.program = x.program and t.valid_to is null
                  and x.start_date > t.valid_from
                  and (t.segment, t.wage, coalesce(t.risk_group, ''), t.worker_payer_id)
                      is distinct from (x.segment, x.wage, coalesce(x.risk_group, ''), x.payer_id)""".formatted(registered, rows), params, false);
        long opened = timed("open terms of registered workers", """
                insert into membership_term (worker_id, village_code, program, segment, wage, risk_group, employer_payer_id,
                                             worker_payer_id, valid_from, created_by)
                select w.id, s.village_code, p.program, s.segment, s.wage, s.risk_group,
                       case when s.segment = 'PU' then py.id end, py.id, s.start_date, :by
                %s where %s
                  and not exists (select 1 from membership_term t where t.worker_id = w.id and t.program = p.program
                                  and (t.valid_to is null or t.valid_to > s.start_date))""".formatted(registered, rows), params, false);
        return new long[] {closed, opened};
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
        return timed("likely duplicates", likelyDuplicates("n.id between :lo and :hi and n.id = any(:ids)"), params, false);
    }

    private long timed(String name, String sql, org.springframework.jdbc.core.namedparam.MapSqlParameterSource params, boolean query) {
        explain(name, sql, params);
        long start = System.nanoTime();
        long n = query ? jdbc.sql(sql).paramSource(params).query(Long.class).single() : jdbc.sql(sql).paramSource(params).update();
        log.debug("{}: {} rows in {} ms", name, n, (System.nanoTime() - start) / 1_000_000);
        return n;
    }

    /** With {@code -Dlindung.bulk.explain=true}: logs EXPLAIN (ANALYZE, BUFFERS) of the statement, run in a savepoint rolled back. */
    private void explain(String name, String sql, org.springframework.jdbc.core.namedparam.MapSqlParameterSource params) {
        if (EXPLAIN) {
            Connection c = DataSourceUtils.getConnection(dataSource);
            try {
                var sp = c.setSavepoint();
                try {
                    jdbc.sql("explain (analyze, buffers) " + sql).paramSource(params).query(String.class).list()
                            .forEach(l -> log.info("{} | {}", name, l));
                } catch (org.springframework.dao.DataAccessException e) {
                    log.info("{} | not explained: {}", name, e.getMostSpecificCause().getMessage());
                }
                c.rollback(sp);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
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
