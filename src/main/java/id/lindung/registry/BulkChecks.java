package id.lindung.registry;

import id.lindung.access.Actor;
import id.lindung.access.RegionScope;
import id.lindung.registry.BulkRegistration.Conflict;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The validation phase of a bulk registration: a staged batch checked against what is registered, before any of it is
 * applied. Its own class because it is a different use case from applying chunks (one statement set per batch, under
 * the NIK lookup limit), and the stale-worker query it owns is the one the chunks repeat at apply time.
 */
@Component
class BulkChecks {

    private static final org.slf4j.Logger log = BulkStatements.log;

    private final JdbcClient jdbc;
    private final BulkStatements statements;
    private final NikLookups lookups;

    BulkChecks(JdbcClient jdbc, BulkStatements statements, NikLookups lookups) {
        this.jdbc = jdbc;
        this.statements = statements;
        this.lookups = lookups;
    }

    /**
     * Fresh statistics of the staging table, so that the set-based statements on a batch join well; only of the columns
     * those statements join or filter on (the names, phones and payers' names of 30,000 sampled rows were sorted for
     * statistics nothing reads).
     */
    void analyzeStage() {
        jdbc.sql("analyze worker_stage (batch_id, line, nik, village_code, payer_code, start_date, registered, rejected)").update();
    }

    /**
     * Checks staged rows against what is registered and marks the refused ones: a NIK registered in
     * another village (told where only when {@code scope} covers it), and new terms that would start on or
     * before the current or an ended term of the same programme. Each NIK found registered outside the scope is a probe
     * of {@code actor}'s, counted and audited as a single lookup's is: past the limit the whole check is refused with
     * 429 {@code TOO_MANY_NIK_LOOKUPS} and answers no row (a file of 2,920 guessed NIKs answered which of them exist,
     * nationwide, unaudited).
     */
    List<Conflict> check(long batchId, Actor actor) {
        RegionScope scope = actor.scope();
        List<Conflict> conflicts = new ArrayList<>();
        var params = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("batch", batchId).addValue("lo", scope.lo()).addValue("hi", scope.hi());
        long registered = statements.timed("registered NIKs", """
                update worker_stage s set registered = true from worker w where w.nik = s.nik and s.batch_id = :batch""",
                params, false);
        if (registered > 0) {
            analyzeStage();
        }
        // a NIK registered in another village, or a worker no longer active (as in a single registration)
        String stale = STALE.formatted("s.batch_id = :batch and s.registered", "");
        statements.explain("stale registered workers", stale, params);
        conflicts.addAll(jdbc.sql(stale).paramSource(params).query(BulkChecks::stale).list());
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
        statements.explain("terms overlapping", overlaps, params);
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
    static final String STALE = """
            select s.line, s.village_code as staged_village, w.village_code, w.category, w.status,
                   (w.village_code >= :lo and w.village_code < :hi) as visible
            from worker_stage s join worker w on w.nik = s.nik
            where %1$s and (w.village_code <> s.village_code or w.status <> 'ACTIVE')
            order by s.line
            %2$s""";

    static Conflict stale(java.sql.ResultSet rs, int n) throws SQLException {
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
}
