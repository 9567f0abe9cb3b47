package id.lindung.claim;

import id.lindung.access.RegionScope;
import id.lindung.platform.NotFoundException;
import id.lindung.regulation.Reference;
import id.lindung.shared.Rupiah;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The claim tables in SQL. Every read of a case is scoped to a region range on region_code (a case outside it is not
 * found); the worker's NIK and name come from the registry's published view {@code registry_worker}.
 */
@Component
class ClaimStore {

    /** A case row with its worker. */
    record CaseRow(long id, String regionCode, long workerId, String nik, String workerName, ClaimType type,
                   LocalDate incidentDate, LocalDate reportedOn, ClaimStatus status, boolean eligible, String request,
                   String segment, BigDecimal wage, Rupiah total, String regulationVersion, String rejectionReason,
                   LocalDate fileCompleteOn, String paymentReference, LocalDate paidOn, Rupiah paidAmount, String paidHeir,
                   String paidBy, String openedBy, Instant openedAt, Instant statusSince) {}

    record ScholarshipRow(int child, int schoolYear, String level, Rupiah amount, String stopReason, String paymentReference,
                          LocalDate paidOn, Rupiah paidAmount, String paidBy) {}

    record DocumentRow(long id, DocumentType type, Integer child, Integer schoolYear, String fileName, String contentType,
                       long size, String sha256, Instant uploadedAt, String uploadedBy) {}

    /** A new case: everything the case row holds when it opens. */
    record NewCase(String regionCode, long workerId, ClaimType type, LocalDate incidentDate, LocalDate reportedOn,
                   ClaimStatus status, boolean eligible, String request, String segment, Rupiah wage, Rupiah total,
                   String regulationVersion, String rejectionReason, String openedBy, Instant at) {}

    private static final String CASE_COLUMNS = """
            c.id, c.region_code, c.worker_id, w.nik, w.full_name, c.case_type, c.incident_date, c.reported_on, c.status,
            c.eligible, c.request::text as request, c.segment, c.wage, c.total, c.regulation_version, c.rejection_reason,
            c.file_complete_on, c.payment_reference, c.paid_on, c.paid_amount, c.paid_heir, c.paid_by, c.opened_by,
            c.opened_at, c.status_since
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ClaimStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insert(NewCase c) {
        return jdbc.sql("""
                insert into claim_case (region_code, worker_id, case_type, incident_date, reported_on, status, eligible, request,
                                        segment, wage, total, regulation_version, rejection_reason, opened_by, opened_at, status_since)
                values (:region, :worker, :type, :incident, :reported, :status, :eligible, cast(:request as jsonb), :segment, :wage,
                        :total, :version, :reason, :by, :at, :at)
                returning id""")
                .param("region", c.regionCode()).param("worker", c.workerId()).param("type", c.type().name())
                .param("incident", Date.valueOf(c.incidentDate()))
                .param("reported", c.reportedOn() == null ? null : Date.valueOf(c.reportedOn()), java.sql.Types.DATE)
                .param("status", c.status().name()).param("eligible", c.eligible()).param("request", c.request())
                .param("segment", c.segment()).param("wage", c.wage() == null ? null : c.wage().toBigDecimal(), java.sql.Types.NUMERIC)
                .param("total", c.total().toBigDecimal()).param("version", c.regulationVersion())
                .param("reason", c.rejectionReason()).param("by", c.openedBy()).param("at", Timestamp.from(c.at()))
                .query(Long.class).single();
    }

    void insertDecisions(String region, long caseId, List<ClaimCase.Decision> decisions) {
        for (int i = 0; i < decisions.size(); i++) {
            ClaimCase.Decision d = decisions.get(i);
            jdbc.sql("insert into claim_decision (region_code, case_id, position, code, passed, effect, message) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(region, caseId, i + 1, d.code(), d.passed(), d.effect().name(), d.message()).update();
        }
    }

    void insertComponents(String region, long caseId, List<ClaimCase.Component> components) {
        for (int i = 0; i < components.size(); i++) {
            ClaimCase.Component c = components.get(i);
            jdbc.sql("insert into claim_component (region_code, case_id, position, code, amount, refs) values (?, ?, ?, ?, ?, cast(? as jsonb))")
                    .params(region, caseId, i + 1, c.code(), c.amount().toBigDecimal(), json.writeValueAsString(c.references()))
                    .update();
        }
    }

    /** Marks the current components replaced (an explicit recomputation keeps them for the record). */
    void replaceComponents(String region, long caseId, Instant at) {
        jdbc.sql("update claim_component set replaced_at = ? where region_code = ? and case_id = ? and replaced_at is null")
                .params(Timestamp.from(at), region, caseId).update();
    }

    void insertHeirs(String region, long caseId, List<ClaimRequests.HeirInput> heirs) {
        for (int i = 0; i < heirs.size(); i++) {
            ClaimRequests.HeirInput h = heirs.get(i);
            jdbc.sql("insert into claim_heir (region_code, case_id, position, name, nik, relationship, bank_account) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(region, caseId, i + 1, h.name(), h.nik(), h.relationship().name(), h.bankAccount()).update();
        }
    }

    void insertChildren(String region, long caseId, List<ClaimRequests.ChildInput> children) {
        for (int i = 0; i < children.size(); i++) {
            ClaimRequests.ChildInput c = children.get(i);
            jdbc.sql("insert into claim_child (region_code, case_id, position, name, birth_date, school_level) values (?, ?, ?, ?, ?, ?)")
                    .params(region, caseId, i + 1, c.name(), Date.valueOf(c.birthDate()),
                            (c.schoolLevel() == null ? SchoolLevel.NONE : c.schoolLevel()).name()).update();
        }
    }

    void insertScholarships(String region, long caseId, List<ScholarshipSchedule.Year> years) {
        for (ScholarshipSchedule.Year y : years) {
            jdbc.sql("""
                    insert into claim_scholarship (region_code, case_id, child, school_year, level, amount) values (?, ?, ?, ?, ?, ?)
                    on conflict (region_code, case_id, child, school_year) do nothing""")
                    .params(region, caseId, y.child(), y.schoolYear(), y.level(), y.amount().toBigDecimal()).update();
        }
    }

    /** Removes the scholarship years not paid (an explicit recomputation writes them again). */
    void deleteUnpaidScholarships(String region, long caseId) {
        jdbc.sql("delete from claim_scholarship where region_code = ? and case_id = ? and paid_on is null").params(region, caseId).update();
    }

    /** The case if {@code scope} covers its region; locked for update when asked. */
    Optional<CaseRow> find(long id, RegionScope scope, boolean lock) {
        return jdbc.sql("select " + CASE_COLUMNS + """
                from claim_case c join registry_worker w on w.id = c.worker_id
                where c.id = :id and c.region_code >= :lo and c.region_code < :hi""" + (lock ? " for update of c" : ""))
                .param("id", id).param("lo", scope.lo()).param("hi", scope.hi())
                .query(ClaimStore::caseRow).optional();
    }

    CaseRow get(long id, RegionScope scope, boolean lock) {
        return find(id, scope, lock).orElseThrow(() -> new NotFoundException("Claim " + id + " not found"));
    }

    List<ClaimCase.Decision> decisions(String region, long id) {
        return jdbc.sql("select code, passed, message, effect from claim_decision where region_code = ? and case_id = ? order by position")
                .params(region, id).query((rs, n) -> new ClaimCase.Decision(rs.getString(1), rs.getBoolean(2), rs.getString(3),
                        ClaimCase.Effect.valueOf(rs.getString(4)))).list();
    }

    List<ClaimCase.Component> components(String region, long id) {
        return jdbc.sql("""
                select code, amount, refs::text from claim_component where region_code = ? and case_id = ? and replaced_at is null
                order by position""")
                .params(region, id).query((rs, n) -> new ClaimCase.Component(rs.getString(1), Rupiah.of(rs.getBigDecimal(2)),
                        references(rs.getString(3)))).list();
    }

    List<ClaimCase.Heir> heirs(String region, long id) {
        return jdbc.sql("select position, name, nik, relationship, bank_account from claim_heir where region_code = ? and case_id = ? order by position")
                .params(region, id).query((rs, n) -> {
                    HeirRelationship r = HeirRelationship.valueOf(rs.getString(4));
                    return new ClaimCase.Heir(rs.getInt(1), rs.getString(2), rs.getString(3), r, rs.getString(5), r.rank(), false);
                }).list();
    }

    List<ClaimCase.Child> children(String region, long id) {
        return jdbc.sql("""
                select position, name, birth_date, school_level, married_on, employed_on from claim_child
                where region_code = ? and case_id = ? order by position""")
                .params(region, id).query((rs, n) -> new ClaimCase.Child(rs.getInt(1), rs.getString(2), date(rs, 3),
                        SchoolLevel.valueOf(rs.getString(4)), date(rs, 5), date(rs, 6))).list();
    }

    List<ScholarshipRow> scholarships(String region, long id) {
        return jdbc.sql("""
                select child, school_year, level, amount, stop_reason, payment_reference, paid_on, paid_amount, paid_by
                from claim_scholarship where region_code = ? and case_id = ? order by child, school_year""")
                .params(region, id).query((rs, n) -> new ScholarshipRow(rs.getInt(1), rs.getInt(2), rs.getString(3),
                        Rupiah.of(rs.getBigDecimal(4)), rs.getString(5), rs.getString(6), date(rs, 7),
                        rs.getBigDecimal(8) == null ? null : Rupiah.of(rs.getBigDecimal(8)), rs.getString(9))).list();
    }

    List<DocumentRow> documents(String region, long id) {
        return jdbc.sql("""
                select id, type, child, school_year, file_name, content_type, size_bytes, sha256, uploaded_at, uploaded_by
                from claim_document where region_code = ? and case_id = ? order by id""")
                .params(region, id).query((rs, n) -> new DocumentRow(rs.getLong(1), DocumentType.valueOf(rs.getString(2)),
                        (Integer) rs.getObject(3), (Integer) rs.getObject(4), rs.getString(5), rs.getString(6), rs.getLong(7),
                        rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getString(10))).list();
    }

    List<ClaimCase.HistoryEntry> history(String region, long id) {
        return jdbc.sql("select status, at, by_user, reason, action from claim_history where region_code = ? and case_id = ? order by id")
                .params(region, id).query((rs, n) -> new ClaimCase.HistoryEntry(ClaimStatus.valueOf(rs.getString(1)),
                        rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5))).list();
    }

    void addHistory(String region, long id, ClaimStatus status, String action, String reason, String by, Instant at) {
        jdbc.sql("insert into claim_history (region_code, case_id, status, action, reason, at, by_user) values (?, ?, ?, ?, ?, ?, ?)")
                .params(region, id, status.name(), action, reason, Timestamp.from(at), by).update();
    }

    void setStatus(String region, long id, ClaimStatus status, Instant at) {
        jdbc.sql("update claim_case set status = ?, status_since = ? where region_code = ? and id = ?")
                .params(status.name(), Timestamp.from(at), region, id).update();
    }

    void setRejection(String region, long id, String reason) {
        jdbc.sql("update claim_case set rejection_reason = ? where region_code = ? and id = ?").params(reason, region, id).update();
    }

    void setPayment(String region, long id, String reference, LocalDate date, Rupiah amount, String heir, String by) {
        jdbc.sql("""
                update claim_case set payment_reference = ?, paid_on = ?, paid_amount = ?, paid_heir = ?, paid_by = ?
                where region_code = ? and id = ?""")
                .params(reference, Date.valueOf(date), amount.toBigDecimal(), heir, by, region, id).update();
    }

    void setTotal(String region, long id, Rupiah total, String regulationVersion) {
        jdbc.sql("update claim_case set total = ?, regulation_version = ? where region_code = ? and id = ?")
                .params(total.toBigDecimal(), regulationVersion, region, id).update();
    }

    void setFileComplete(String region, long id, LocalDate on) {
        jdbc.sql("update claim_case set file_complete_on = ? where region_code = ? and id = ? and file_complete_on is null")
                .params(Date.valueOf(on), region, id).update();
    }

    /** Serialises the cases of one worker until the transaction ends (CASE_ALREADY_OPEN is decided under it). */
    void lockWorker(long workerId) {
        jdbc.sql("select pg_advisory_xact_lock(1313, cast(? as int))").param((int) (workerId % Integer.MAX_VALUE)).query().rowSet();
    }

    /** Other cases of the worker (any region: a worker may have moved), for CASE_ALREADY_OPEN. */
    List<Eligibility.Existing> casesOfWorker(long workerId) {
        return jdbc.sql("select id, case_type, incident_date, status from claim_case where worker_id = ? order by id")
                .param(workerId).query((rs, n) -> new Eligibility.Existing(rs.getLong(1), ClaimType.valueOf(rs.getString(2)),
                        date(rs, 3), ClaimStatus.valueOf(rs.getString(4)))).list();
    }

    /**
     * What billing settled of the worker's lines of {@code program} per contribution month from {@code from} up to (not
     * including) {@code before}, both shares after reversals, from billing's published view of its lines' money (found
     * through the months, by key: billing keeps no index on the worker alone). Months with nothing settled are left out.
     */
    List<id.lindung.benefit.PensionFacts.Paid> paidContributions(long workerId, id.lindung.shared.Programme program,
                                                                 java.time.YearMonth from, java.time.YearMonth before) {
        List<Date> months = new ArrayList<>();
        for (java.time.YearMonth m = from; m.isBefore(before); m = m.plusMonths(1)) {
            months.add(Date.valueOf(m.atDay(1)));
        }
        if (months.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select l.month, sum(l.paid) as paid from billing_line_money_by_line l
                        where l.month = any(cast(:months as date[])) and l.worker_id = :worker and l.program = :program
                          and l.paid is not null
                        group by l.month having sum(l.paid) > 0 order by l.month""")
                .param("months", months.toArray(Date[]::new)).param("worker", workerId).param("program", program.name())
                .query((rs, n) -> new id.lindung.benefit.PensionFacts.Paid(java.time.YearMonth.from(date(rs, 1)),
                        Rupiah.of(rs.getBigDecimal(2)))).list();
    }

    long insertDocument(String region, long caseId, DocumentType type, Integer child, Integer schoolYear, String fileName,
                        String contentType, byte[] content, String sha256, String by, Instant at) {
        return jdbc.sql("""
                insert into claim_document (region_code, case_id, type, child, school_year, file_name, content_type, size_bytes,
                                            sha256, content, uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(region, caseId, type.name(), child, schoolYear, fileName, contentType, (long) content.length, sha256, content,
                        by, Timestamp.from(at))
                .query(Long.class).single();
    }

    Optional<StoredDocument> document(String region, long caseId, long documentId) {
        return jdbc.sql("""
                select id, type, file_name, content_type, sha256, content from claim_document
                where region_code = ? and case_id = ? and id = ?""")
                .params(region, caseId, documentId)
                .query((rs, n) -> new StoredDocument(rs.getLong(1), DocumentType.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getBytes(6))).optional();
    }

    void recordChildStop(String region, long caseId, int child, ClaimRequests.ChildStop stop, LocalDate on) {
        String column = stop == ClaimRequests.ChildStop.MARRIED ? "married_on" : "employed_on";
        jdbc.sql("update claim_child set " + column + " = ? where region_code = ? and case_id = ? and position = ?")
                .params(Date.valueOf(on), region, caseId, child).update();
        jdbc.sql("""
                update claim_scholarship set stop_reason = ?
                where region_code = ? and case_id = ? and child = ? and paid_on is null and stop_reason is null
                  and make_date(school_year, 7, 1) >= ?""")
                .params(stop.name(), region, caseId, child, Date.valueOf(on)).update();
    }

    void payScholarship(String region, long caseId, int child, int schoolYear, String reference, LocalDate date, Rupiah amount,
                        String by) {
        jdbc.sql("""
                update claim_scholarship set payment_reference = ?, paid_on = ?, paid_amount = ?, paid_by = ?
                where region_code = ? and case_id = ? and child = ? and school_year = ?""")
                .params(reference, Date.valueOf(date), amount.toBigDecimal(), by, region, caseId, child, schoolYear).update();
    }

    /** One page of the cases in {@code scope}, newest first, with the overdue cut-offs per status (null: never overdue). */
    id.lindung.platform.Page<CaseRow> list(RegionScope scope, ClaimStatus status, ClaimType type, Boolean overdue,
                                           Map<ClaimStatus, Instant> overdueBefore, int page, int size) {
        StringBuilder where = new StringBuilder(" where c.region_code >= :lo and c.region_code < :hi");
        var params = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("lo", scope.lo()).addValue("hi", scope.hi());
        if (status != null) {
            where.append(" and c.status = :status");
            params.addValue("status", status.name());
        }
        if (type != null) {
            where.append(" and c.case_type = :type");
            params.addValue("type", type.name());
        }
        if (overdue != null) {
            StringBuilder late = new StringBuilder("(false");
            for (var e : overdueBefore.entrySet()) {
                String p = "due_" + e.getKey().name();
                late.append(" or (c.status = '").append(e.getKey().name()).append("' and c.status_since < :").append(p).append(")");
                params.addValue(p, Timestamp.from(e.getValue()));
            }
            late.append(")");
            where.append(overdue ? " and " + late : " and not " + late);
        }
        long total = jdbc.sql("select count(*) from claim_case c" + where).paramSource(params).query(Long.class).single();
        params.addValue("limit", size).addValue("offset", (long) page * size);
        List<CaseRow> rows = jdbc.sql("select " + CASE_COLUMNS + " from claim_case c join registry_worker w on w.id = c.worker_id"
                        + where + " order by c.id desc limit :limit offset :offset")
                .paramSource(params).query(ClaimStore::caseRow).list();
        return new id.lindung.platform.Page<>(rows, page, size, total);
    }

    private List<Reference> references(String text) {
        List<Map<String, Object>> raw = json.readValue(text, new TypeReference<List<Map<String, Object>>>() {});
        List<Reference> refs = new ArrayList<>();
        for (Map<String, Object> m : raw) {
            @SuppressWarnings("unchecked")
            List<String> sources = m.get("sources") == null ? List.of() : (List<String>) m.get("sources");
            refs.add(new Reference((String) m.get("parameter"), (String) m.get("regulation"), (String) m.get("article"), sources,
                    Boolean.TRUE.equals(m.get("verified")), (String) m.get("note")));
        }
        return refs;
    }

    private static CaseRow caseRow(ResultSet rs, int n) throws SQLException {
        return new CaseRow(rs.getLong("id"), rs.getString("region_code"), rs.getLong("worker_id"), rs.getString("nik"),
                rs.getString("full_name"), ClaimType.valueOf(rs.getString("case_type")), date(rs, "incident_date"),
                date(rs, "reported_on"), ClaimStatus.valueOf(rs.getString("status")), rs.getBoolean("eligible"),
                rs.getString("request"), rs.getString("segment"), rs.getBigDecimal("wage"), Rupiah.of(rs.getBigDecimal("total")),
                rs.getString("regulation_version"), rs.getString("rejection_reason"), date(rs, "file_complete_on"),
                rs.getString("payment_reference"), date(rs, "paid_on"),
                rs.getBigDecimal("paid_amount") == null ? null : Rupiah.of(rs.getBigDecimal("paid_amount")),
                rs.getString("paid_heir"), rs.getString("paid_by"), rs.getString("opened_by"),
                rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("status_since").toInstant());
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
