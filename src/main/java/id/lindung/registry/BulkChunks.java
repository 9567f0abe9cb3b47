package id.lindung.registry;

import id.lindung.access.RegionScope;
import id.lindung.registry.BulkRegistration.ChunkResult;
import id.lindung.registry.BulkRegistration.Conflict;
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
import org.springframework.stereotype.Component;

/**
 * The apply phase of a bulk registration: a checked batch's payers, then its lines chunk by chunk, each chunk a few
 * set-based statements in the caller's transaction. Its own class because applying is the other use case of the bulk
 * load, with its own statements and its own idempotence argument (see {@link BulkRegistration}).
 */
@Component
class BulkChunks {

    private static final org.slf4j.Logger log = BulkStatements.log;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Clock clock;
    private final BulkStatements statements;

    BulkChunks(JdbcClient jdbc, DataSource dataSource, Clock clock, BulkStatements statements) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.clock = clock;
        this.statements = statements;
    }

    /**
     * Inserts the payers of staged lines [fromLine, toLine) of a batch that are not registered yet (idempotent), the
     * same way as a single registration ({@link PayerRows}): government payers named after their region, an employer
     * or donor in the region its code names. A line naming an employer or donor by the new name it was given after
     * it was created is pointed at that payer's code. The import runs it once for the whole batch before applying
     * chunks, so that chunks applied at the same time never insert, and so never wait for, the same payer.
     */
    long applyPayers(long batchId, long fromLine, long toLine) {
        var params = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("batch", batchId).addValue("from", fromLine).addValue("to", toLine);
        long inserted = statements.timed("payers", """
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
        statements.timed("payers renamed", """
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
     * {@link BulkRegistration}'s class comment for why it can be repeated. Three statements, in this order: closing the
     * open terms of workers already registered whose terms change; opening terms of workers already registered; then, in one
     * statement, the new workers, their status events and their terms (a new worker has no terms, so nothing
     * to compare or to close: its terms are inserted straight from the rows just inserted). The statements on
     * registered workers run before the new workers are inserted, so they only ever see workers that existed
     * before the chunk. Likely duplicates are a separate step ({@link BulkRegistration#likelyDuplicates(Long[])}).
     */
    ChunkResult apply(long batchId, long fromLine, long toLine, String createdBy, RegionScope scope) {
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
        statements.explain("new workers, events and terms", plain, params);
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
        List<Conflict> stale = jdbc.sql(BulkChecks.STALE.formatted(rows, "for share of w")).paramSource(params)
                .query(BulkChecks::stale).list();
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
        long closed = statements.timed("close terms", """
                update membership_term t set valid_to = x.start_date, end_reason = 'CHANGED'
                from (select w.id as worker_id, p.program, s.start_date, s.segment, s.wage, s.risk_group, py.id as payer_id
                      %s where %s) x
                where t.worker_id = x.worker_id and t.program = x.program and t.valid_to is null
                  and x.start_date > t.valid_from
                  and (t.segment, t.wage, coalesce(t.risk_group, ''), t.worker_payer_id)
                      is distinct from (x.segment, x.wage, coalesce(x.risk_group, ''), x.payer_id)""".formatted(registered, rows), params, false);
        long opened = statements.timed("open terms of registered workers", """
                insert into membership_term (worker_id, village_code, program, segment, wage, risk_group, employer_payer_id,
                                             worker_payer_id, valid_from, created_by)
                select w.id, s.village_code, p.program, s.segment, s.wage, s.risk_group,
                       case when s.segment = 'PU' then py.id end, py.id, s.start_date, :by
                %s where %s
                  and not exists (select 1 from membership_term t where t.worker_id = w.id and t.program = p.program
                                  and (t.valid_to is null or t.valid_to > s.start_date))""".formatted(registered, rows), params, false);
        return new long[] {closed, opened};
    }
}
