package id.lindung.registry;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.access.RegionScope;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.NotFoundException;
import id.lindung.platform.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reviewing likely duplicates. A flag is shown only to callers whose scope covers both workers (a flag names
 * the other worker), and resolved only by a writer whose scope covers both; every resolution is audited with
 * its note.
 */
@Service
public class LikelyDuplicates {

    private static final int MAX_NOTE = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final Workers workers;
    private final WorkerAccess access;

    private final id.lindung.registry.internal.WorkerRows workerRows;

    LikelyDuplicates(JdbcClient jdbc, TransactionTemplate tx, AuditLog audit, Workers workers, WorkerAccess access,
                     id.lindung.registry.internal.WorkerRows rows) {
        this.workerRows = rows;
        this.access = access;
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.workers = workers;
    }

    /** What the audit trail keeps of a flag (the audit entry itself says who and when). */
    record Resolution(long id, long workerId, long otherId, String status, String note) {}

    private record Row(long id, long workerId, long otherId, double similarity, String status) {}

    /** The open flags of a worker in the scope whose other worker is in the scope too. */
    public List<LikelyDuplicate> openOf(String nik, RegionScope scope) {
        return openOf(workers.get(nik, scope), scope);
    }

    /** {@link #openOf(String, RegionScope)} for a worker already read within the scope. */
    public List<LikelyDuplicate> openOf(Worker w, RegionScope scope) {
        List<Row> rows = jdbc.sql(OPEN + " and (d.worker_id = :id or d.other_id = :id) order by d.id")
                .param("id", w.id()).param("lo", scope.lo()).param("hi", scope.hi()).query(LikelyDuplicates::mapRow).list();
        return withWorkers(rows);
    }

    /** One page of the open flags with a worker under {@code regionCode} (404 outside the scope), oldest first. */
    public Page<LikelyDuplicate> openIn(String regionCode, RegionScope scope, int page, int size) {
        RegionScope region = access.narrow(regionCode, scope);
        int limit = Math.max(1, Math.min(size, 500));
        int offset = Math.max(0, page) * limit;
        String inRegion = " and (a.village_code >= :rlo and a.village_code < :rhi or b.village_code >= :rlo and b.village_code < :rhi)";
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("lo", scope.lo()).addValue("hi", scope.hi())
                .addValue("rlo", region.lo()).addValue("rhi", region.hi());
        long total = jdbc.sql("select count(*) from (" + OPEN + inRegion + ") f").paramSource(params).query(Long.class).single();
        List<Row> rows = jdbc.sql(OPEN + inRegion + " order by d.id limit :limit offset :offset")
                .paramSource(params.addValue("limit", limit).addValue("offset", offset)).query(LikelyDuplicates::mapRow).list();
        return new Page<>(withWorkers(rows), Math.max(0, page), limit, total);
    }

    /** Records what a writer found. A flag is resolved once; the audit trail keeps who said what, when, and the note. */
    public LikelyDuplicate resolve(long id, LikelyDuplicate.Verdict verdict, String note) {
        Actor actor = access.requireWriter();
        if (verdict == null) {
            throw new InvalidInputException("status", "REQUIRED", "Say whether the two workers are SAME_PERSON or DIFFERENT_PEOPLE");
        }
        String trimmed = note == null || note.isBlank() ? null : note.trim();
        if (trimmed != null && trimmed.length() > MAX_NOTE) {
            throw new InvalidInputException("note", "NOTE_TOO_LONG", "A note has at most " + MAX_NOTE + " characters");
        }
        RegionScope scope = actor.scope();
        return tx.execute(status -> {
            Row row = jdbc.sql(IN_SCOPE + " and d.id = :id for update of d")
                    .param("id", id).param("lo", scope.lo()).param("hi", scope.hi()).query(LikelyDuplicates::mapRow).optional()
                    .orElseThrow(() -> new NotFoundException("Likely duplicate " + id + " not found"));
            if (!row.status().equals("OPEN")) {
                throw InvalidInputException.conflict("status", "ALREADY_RESOLVED", "This likely duplicate was already resolved as " + row.status());
            }
            jdbc.sql("update likely_duplicate set status = ? where id = ?").params(verdict.name(), id).update();
            LikelyDuplicate after = withWorkers(List.of(new Row(row.id(), row.workerId(), row.otherId(), row.similarity(), verdict.name())))
                    .get(0);
            Resolution before = new Resolution(id, row.workerId(), row.otherId(), row.status(), null);
            Resolution resolution = new Resolution(id, row.workerId(), row.otherId(), verdict.name(), trimmed);
            // both villages' trails show the verdict
            List.of(after.worker().villageCode(), after.other().villageCode()).stream().distinct().forEach(village ->
                    audit.record("RESOLVE", "likely_duplicate", String.valueOf(id), village, before, resolution));
            return after;
        });
    }

    /** Flags whose two workers both lie in the scope [:lo, :hi). */
    private static final String IN_SCOPE = """
            select d.id, d.worker_id, d.other_id, d.similarity, d.status
            from likely_duplicate d join worker a on a.id = d.worker_id join worker b on b.id = d.other_id
            where a.village_code >= :lo and a.village_code < :hi and b.village_code >= :lo and b.village_code < :hi""";

    private static final String OPEN = IN_SCOPE + " and d.status = 'OPEN'";

    private static Row mapRow(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("worker_id"), rs.getLong("other_id"), rs.getDouble("similarity"),
                rs.getString("status"));
    }

    private List<LikelyDuplicate> withWorkers(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Long[] ids = rows.stream().flatMap(r -> Stream.of(r.workerId(), r.otherId())).distinct().toArray(Long[]::new);
        Map<Long, Worker> byId = jdbc.sql("select * from worker where id = any(:ids)").param("ids", ids)
                .query(workerRows::mapWorker).list().stream().collect(Collectors.toMap(Worker::id, Function.identity()));
        return rows.stream().map(r -> new LikelyDuplicate(r.id(), byId.get(r.workerId()), byId.get(r.otherId()), r.similarity(),
                r.status())).toList();
    }
}
