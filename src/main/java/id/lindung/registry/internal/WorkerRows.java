package id.lindung.registry.internal;

import id.lindung.access.RegionScope;
import id.lindung.platform.NotFoundException;
import id.lindung.registry.EndReason;
import id.lindung.registry.MembershipTerm;
import id.lindung.shared.Programme;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import id.lindung.registry.StatusEvent;
import id.lindung.registry.Worker;
import id.lindung.registry.WorkerCategories;
import id.lindung.registry.WorkerCategory;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reading and writing the rows of {@code worker}, {@code membership_term} and {@code worker_status_event}, and
 * mapping them to {@link Worker}, {@link MembershipTerm} and {@link StatusEvent}. No rule and no audit: the use cases
 * decide, this stores.
 */
@Component
public class WorkerRows {

    /** A term with its payers' codes and names. */
    public static final String TERM_SELECT = """
            select t.*, ep.code as employer_code, ep.name as employer_name, wp.code as payer_code, wp.name as payer_name
            from membership_term t left join payer ep on ep.id = t.employer_payer_id join payer wp on wp.id = t.worker_payer_id""";

    private final JdbcClient jdbc;
    private final WorkerCategories categories;

    WorkerRows(JdbcClient jdbc, WorkerCategories categories) {
        this.jdbc = jdbc;
        this.categories = categories;
    }

    // ---------------------------------------------------------------- workers

    /**
     * The worker of {@code nik} if {@code scope} covers it, locked for update when {@code lock}. Only the registry's NIK
     * lookups call this (they count and audit the misses).
     */
    public Optional<Worker> find(String nik, RegionScope scope, boolean lock) {
        return jdbc.sql("select * from worker where nik = :nik and village_code >= :lo and village_code < :hi" + (lock ? " for update" : ""))
                .param("nik", nik).param("lo", scope.lo()).param("hi", scope.hi())
                .query(this::mapWorker).optional();
    }

    /** The worker by its opaque public id if {@code scope} covers it, else {@link NotFoundException}. */
    public Worker getByPublicId(java.util.UUID publicId, RegionScope scope) {
        return jdbc.sql("select * from worker where public_id = :id and village_code >= :lo and village_code < :hi")
                .param("id", publicId).param("lo", scope.lo()).param("hi", scope.hi())
                .query(this::mapWorker).optional()
                .orElseThrow(() -> new NotFoundException("Worker " + publicId + " not found"));
    }

    public Worker getById(long id, RegionScope scope) {
        return jdbc.sql("select * from worker where id = :id and village_code >= :lo and village_code < :hi")
                .param("id", id).param("lo", scope.lo()).param("hi", scope.hi())
                .query(this::mapWorker).optional()
                .orElseThrow(() -> new NotFoundException("Worker " + id + " not found"));
    }

    /**
     * Moves the version of a worker locked for update on and checks it against the edit's expected version
     * ({@link id.lindung.registry.WorkerVersion}): a stale edit is refused before anything changes.
     */
    public void advanceVersion(long workerId) {
        long current = jdbc.sql("update worker set version = version + 1 where id = ? returning version - 1")
                .param(workerId).query(Long.class).single();
        id.lindung.registry.WorkerVersion.check(current);
    }

    /** The worker's version (the ETag of its API resource), if {@code scope} covers it, else {@link NotFoundException}. */
    public long version(String nik, RegionScope scope) {
        return jdbc.sql("select version from worker where nik = :nik and village_code >= :lo and village_code < :hi")
                .param("nik", nik).param("lo", scope.lo()).param("hi", scope.hi()).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("Worker " + id.lindung.access.PersonalData.mask(nik) + " not found"));
    }

    public Optional<Worker> findAnywhere(String nik) {
        return jdbc.sql("select * from worker where nik = ?").param(nik).query(this::mapWorker).optional();
    }

    public Worker byId(long id) {
        return jdbc.sql("select * from worker where id = ?").param(id).query(this::mapWorker).single();
    }

    /** Inserts a worker, ACTIVE; returns its id. */
    public long insertWorker(String nik, String fullName, String sex, LocalDate birthDate, String villageCode, String phone,
                             String kpj, WorkerCategory category, boolean extremePoverty, Integer povertyDecile, String by) {
        return jdbc.sql("""
                insert into worker (nik, full_name, sex, birth_date, village_code, phone, kpj, category, extreme_poverty,
                                    poverty_decile, created_by)
                values (:nik, :name, :sex, :birth, :village, :phone, :kpj, :category, :poor, :decile, :by) returning id""")
                .param("nik", nik).param("name", fullName).param("sex", sex).param("birth", birthDate)
                .param("village", villageCode).param("phone", phone).param("kpj", kpj)
                .param("category", category.code()).param("poor", extremePoverty)
                .param("decile", povertyDecile).param("by", by)
                .query(Long.class).single();
    }

    public void setStatus(long workerId, String status) {
        jdbc.sql("update worker set status = ? where id = ?").params(status, workerId).update();
    }

    public void setVillage(long workerId, String villageCode) {
        jdbc.sql("update worker set village_code = ? where id = ?").params(villageCode, workerId).update();
    }

    public void statusEvent(long workerId, String village, String status, String reason, LocalDate on, String by) {
        jdbc.sql("""
                insert into worker_status_event (worker_id, village_code, status, reason, effective_on, created_by)
                values (?, ?, ?, ?, ?, ?)""").params(workerId, village, status, reason, on, by).update();
    }

    public List<StatusEvent> history(long workerId) {
        return jdbc.sql("select * from worker_status_event where worker_id = ? order by id").param(workerId)
                .query((rs, n) -> new StatusEvent(rs.getString("status"), rs.getString("reason"),
                        rs.getObject("effective_on", LocalDate.class), rs.getString("village_code"), rs.getString("created_by")))
                .list();
    }

    // ---------------------------------------------------------------- membership terms

    /** Every term of the worker in {@code scope}, programme then newest first. */
    public List<MembershipTerm> terms(long workerId, RegionScope scope) {
        return jdbc.sql(TERM_SELECT + " where t.worker_id = :id and t.village_code >= :lo and t.village_code < :hi "
                        + "order by t.program, t.valid_from desc")
                .param("id", workerId).param("lo", scope.lo()).param("hi", scope.hi()).query(WorkerRows::mapTerm).list();
    }

    public Optional<MembershipTerm> openTerm(long workerId, Programme program) {
        return jdbc.sql(TERM_SELECT + " where t.worker_id = ? and t.program = ? and t.valid_to is null")
                .params(workerId, program.name()).query(WorkerRows::mapTerm).optional();
    }

    /** The latest term of the programme that ended after {@code date}: one a new open term from that date would overlap. */
    public Optional<MembershipTerm> termEndingAfter(long workerId, Programme program, java.time.LocalDate date) {
        return jdbc.sql(TERM_SELECT + " where t.worker_id = ? and t.program = ? and t.valid_to > ? order by t.valid_to desc limit 1")
                .params(workerId, program.name(), java.sql.Date.valueOf(date)).query(WorkerRows::mapTerm).optional();
    }

    public List<MembershipTerm> openTerms(long workerId) {
        return jdbc.sql(TERM_SELECT + " where t.worker_id = ? and t.valid_to is null order by t.program")
                .param(workerId).query(WorkerRows::mapTerm).list();
    }

    public MembershipTerm termById(long id) {
        return jdbc.sql(TERM_SELECT + " where t.id = ?").param(id).query(WorkerRows::mapTerm).single();
    }

    /** Inserts a term; returns its id. A PU term's employer also pays the worker share. */
    public long insertTerm(long workerId, String villageCode, Programme program, Segment segment, BigDecimal wage,
                           RiskGroup riskGroup, long payerId, LocalDate validFrom, String by) {
        return jdbc.sql("""
                insert into membership_term (worker_id, village_code, program, segment, wage, risk_group, employer_payer_id,
                                             worker_payer_id, valid_from, created_by)
                values (:worker, :village, :program, :segment, :wage, :risk, :employer, :payer, :from, :by) returning id""")
                .param("worker", workerId).param("village", villageCode).param("program", program.name())
                .param("segment", segment.name()).param("wage", wage)
                .param("risk", riskGroup == null ? null : riskGroup.name())
                .param("employer", segment == Segment.PU ? payerId : null).param("payer", payerId)
                .param("from", validFrom).param("by", by)
                .query(Long.class).single();
    }

    /** Ends the term if it is still open. */
    public void closeTerm(long termId, LocalDate validTo, EndReason reason) {
        jdbc.sql("update membership_term set valid_to = :to, end_reason = :reason where id = :id and valid_to is null")
                .param("to", validTo).param("reason", reason.name()).param("id", termId).update();
    }

    /** The term of the worker's programme that ended when {@code open} started and was running on {@code on}, locked. */
    public Optional<MembershipTerm> lockPredecessorRunningOn(long workerId, MembershipTerm open, LocalDate on) {
        return jdbc.sql(TERM_SELECT + " " + """
                 where t.worker_id = :worker and t.program = :program and t.valid_to = :start and t.valid_from < :on
                 for update of t""")
                .param("worker", workerId).param("program", open.program().name()).param("start", open.validFrom()).param("on", on)
                .query(WorkerRows::mapTerm).optional();
    }

    /** Deletes a term that is still open (one that never ran). */
    public void deleteOpenTerm(long termId) {
        jdbc.sql("delete from membership_term where id = ? and valid_to is null").param(termId).update();
    }

    /** Sets the end of a term, open or not. */
    public void endTerm(long termId, LocalDate validTo, EndReason reason) {
        jdbc.sql("update membership_term set valid_to = :to, end_reason = :reason where id = :id")
                .param("to", validTo).param("reason", reason.name()).param("id", termId).update();
    }

    /** A copy of the term in another village with other payers from {@code on}; returns the new term's id. */
    public long reopenTerm(long termId, String villageCode, Long employerPayerId, Long workerPayerId, LocalDate on, String by) {
        return jdbc.sql("""
                insert into membership_term (worker_id, village_code, program, segment, wage, risk_group, labour_intensive,
                                             employer_payer_id, worker_payer_id, valid_from, created_by)
                select worker_id, :village, program, segment, wage, risk_group, labour_intensive, :employer, :payer, :on, :by
                from membership_term where id = :id returning id""")
                .param("village", villageCode).param("employer", employerPayerId).param("payer", workerPayerId)
                .param("on", java.sql.Date.valueOf(on)).param("by", by).param("id", termId)
                .query(Long.class).single();
    }

    /** Moves a term that has not begun to another village and payers. */
    public void moveTerm(long termId, String villageCode, Long employerPayerId, Long workerPayerId) {
        jdbc.sql("update membership_term set village_code = :village, employer_payer_id = :employer, worker_payer_id = :payer"
                        + " where id = :id")
                .param("village", villageCode).param("employer", employerPayerId).param("payer", workerPayerId)
                .param("id", termId).update();
    }

    public long payerId(String code) {
        return jdbc.sql("select id from payer where code = ?").param(code).query(Long.class).single();
    }

    // ---------------------------------------------------------------- mapping

    public Worker mapWorker(ResultSet rs, int n) throws SQLException {
        return new Worker(rs.getLong("id"), rs.getString("nik"), rs.getString("full_name"), rs.getString("sex"),
                rs.getObject("birth_date", LocalDate.class), rs.getString("village_code"), rs.getString("phone"),
                rs.getString("kpj"), categories.get(rs.getString("category")), rs.getBoolean("extreme_poverty"),
                (Integer) rs.getObject("poverty_decile", Integer.class), rs.getString("status"),
                rs.getObject("public_id", java.util.UUID.class));
    }

    public static MembershipTerm mapTerm(ResultSet rs, int n) throws SQLException {
        String risk = rs.getString("risk_group");
        String end = rs.getString("end_reason");
        return new MembershipTerm(rs.getLong("id"), Programme.valueOf(rs.getString("program")),
                Segment.valueOf(rs.getString("segment")), Rupiah.of(rs.getBigDecimal("wage")), risk == null ? null : RiskGroup.valueOf(risk),
                rs.getString("employer_code"), rs.getString("employer_name"), rs.getString("payer_code"),
                rs.getString("payer_name"), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class), end == null ? null : EndReason.valueOf(end), rs.getString("created_by"));
    }
}
