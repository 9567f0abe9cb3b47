package id.lindung.registry.internal;

import id.lindung.access.PersonalData;
import id.lindung.access.RegionScope;
import id.lindung.platform.InvalidInputException;
import id.lindung.registry.PayerCode;
import id.lindung.registry.PayerKind;
import id.lindung.registry.Workers;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The worker list's SQL: the filters of {@link Workers.Query} within a region scope, with each worker's open programmes. */
@Component
public class WorkerSearch {

    private static final String OPEN_PROGRAMS = """
            (select string_agg(t.program, ';' order by t.program) from membership_term t
              where t.worker_id = w.id and t.valid_to is null) as programs,
            (select string_agg(distinct p.code, ';') from membership_term t join payer p on p.id = t.worker_payer_id
              where t.worker_id = w.id and t.valid_to is null) as payers""";

    private final JdbcClient jdbc;

    private final WorkerRows rows;

    WorkerSearch(JdbcClient jdbc, WorkerRows rows) {
        this.rows = rows;
        this.jdbc = jdbc;
    }

    /** How many workers match. */
    public long count(Workers.Query query, RegionScope scope, boolean nikPrefixes) {
        MapSqlParameterSource params = scoped(scope);
        String where = filter(query, nikPrefixes, params);
        return jdbc.sql("select count(*) from worker w where " + where).paramSource(params).query(Long.class).single();
    }

    /** One page of the matching workers in name order. */
    public List<Workers.Listed> page(Workers.Query query, RegionScope scope, boolean nikPrefixes, int limit, int offset) {
        MapSqlParameterSource params = scoped(scope);
        String where = filter(query, nikPrefixes, params);
        return jdbc.sql("select w.*, " + OPEN_PROGRAMS + " from worker w where " + where
                        + " order by w.full_name, w.id limit :limit offset :offset")
                .paramSource(params.addValue("limit", limit).addValue("offset", offset))
                .query((rs, n) -> new Workers.Listed(rows.mapWorker(rs, n), rs.getString("programs"), rs.getString("payers")))
                .list();
    }

    /** Every matching worker, village then name order, streamed to {@code each}. */
    public void forEach(Workers.Query query, RegionScope scope, boolean nikPrefixes, Consumer<Workers.Listed> each) {
        MapSqlParameterSource params = scoped(scope);
        String where = filter(query, nikPrefixes, params);
        jdbc.sql("select w.*, " + OPEN_PROGRAMS + " from worker w where " + where + " order by w.village_code, w.full_name, w.id")
                .paramSource(params)
                .query((RowCallbackHandler) rs -> each.accept(
                        new Workers.Listed(rows.mapWorker(rs, 0), rs.getString("programs"), rs.getString("payers"))));
    }

    /**
     * One worker already read within the caller's scope as the list shows it: its open programmes and payers from the
     * same SQL as {@link #page}, so {@code GET /api/v1/workers/{nik}} and the list answer the same for that worker.
     */
    public Workers.Listed one(id.lindung.registry.Worker worker) {
        return jdbc.sql("select " + OPEN_PROGRAMS + " from worker w where w.id = :id")
                .param("id", worker.id())
                .query((rs, n) -> new Workers.Listed(worker, rs.getString("programs"), rs.getString("payers")))
                .single();
    }

    /**
     * {@link #one} for several workers already read within the caller's scope (the likely duplicates of a worker, a page
     * of them) in one statement, not one per worker; in the order given, a worker twice answered twice. The statement is
     * scoped too, so a caller that passes a worker outside {@code scope} gets no programmes or payers for it.
     */
    public List<Workers.Listed> of(List<id.lindung.registry.Worker> workers, RegionScope scope) {
        if (workers.isEmpty()) {
            return List.of();
        }
        java.util.Map<Long, String[]> open = new java.util.HashMap<>();
        jdbc.sql("select w.id, " + OPEN_PROGRAMS + " from worker w where w.id in (:ids)"
                        + " and w.village_code >= :lo and w.village_code < :hi")
                .param("ids", workers.stream().map(id.lindung.registry.Worker::id).distinct().toList())
                .param("lo", scope.lo()).param("hi", scope.hi())
                .query((RowCallbackHandler) rs -> open.put(rs.getLong("id"), new String[] {rs.getString("programs"), rs.getString("payers")}));
        return workers.stream().map(w -> {
            String[] p = open.getOrDefault(w.id(), new String[2]);
            return new Workers.Listed(w, p[0], p[1]);
        }).toList();
    }

    /** Whether {@code text} names a kind of payer ({@code SELF}, {@code APBDES} ...), which the filter also takes. */
    private static boolean isPayerKind(String text) {
        return java.util.Arrays.stream(PayerKind.values()).anyMatch(k -> k.name().equals(text));
    }

    private static MapSqlParameterSource scoped(RegionScope scope) {
        return new MapSqlParameterSource().addValue("lo", scope.lo()).addValue("hi", scope.hi());
    }

    /**
     * @param nikPrefixes whether digits may match the start of a NIK; a role that sees NIKs masked would recover the
     *                    hidden digits that way (by prefix, or by trying whole NIKs), so it cannot search by NIK at all
     */
    private static String filter(Workers.Query q, boolean nikPrefixes, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder("w.village_code >= :lo and w.village_code < :hi");
        if (q.category() != null) {
            where.append(" and w.category = :category");
            params.addValue("category", q.category().code());
        }
        if (q.status() != null && !q.status().isBlank()) {
            where.append(" and w.status = :status");
            // an unknown status is refused (it answered 200 with nobody), as the other lists' filters are
            params.addValue("status", id.lindung.platform.EnumNames.parse(id.lindung.registry.WorkerStatus.class, q.status(), "status").name());
        }
        if (q.program() != null) {
            where.append(" and exists (select 1 from membership_term t where t.worker_id = w.id and t.valid_to is null and t.program = :program)");
            params.addValue("program", q.program().name());
        }
        if (q.payerCode() != null && !q.payerCode().isBlank()) {
            if (!nikPrefixes && q.payerCode().strip().toUpperCase(Locale.ROOT).startsWith("SELF:")) {
                // SELF:<nik> names a NIK: a masked role filters by the kind SELF only
                throw new InvalidInputException("payer", "NIK_SEARCH_NOT_ALLOWED",
                        "Your role sees NIKs masked and cannot search by NIK: filter by the payer kind SELF");
            }
            String payer = q.payerCode().trim().toUpperCase(Locale.ROOT);
            if (!isPayerKind(payer) && PayerCode.tryRead(payer).isEmpty()) {
                // no payer anywhere has such a code: an empty page would hide the typing mistake (as billing's Payers.get)
                throw new InvalidInputException("payer", "PAYER_CODE_INVALID",
                        "'" + PersonalData.echoedPayerCode(q.payerCode()) + "' is not a payer code");
            }
            where.append(" and exists (select 1 from membership_term t join payer p on p.id in (t.worker_payer_id, t.employer_payer_id)"
                    + " where t.worker_id = w.id and t.valid_to is null and (p.code = :payer or p.kind = :payer))");
            params.addValue("payer", payer);
        }
        if (q.search() != null && !q.search().isBlank()) {
            String s = q.search().trim();
            if (s.chars().allMatch(Character::isDigit)) {
                if (!nikPrefixes) {
                    // any answer to a NIK search (one row, none) would tell a masked role whether a guessed NIK exists
                    throw new InvalidInputException("q", "NIK_SEARCH_NOT_ALLOWED",
                            "Your role sees NIKs masked and cannot search by NIK: search by name");
                }
                where.append(" and w.nik like :nikPrefix");
                params.addValue("nikPrefix", s + "%");
            } else {
                where.append(" and lower(w.full_name) like :name");
                params.addValue("name", "%" + s.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        return where.toString();
    }
}
