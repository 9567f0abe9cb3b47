package id.lindung.registry;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.access.CurrentActor;
import id.lindung.access.RegionScope;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.NotFoundException;
import id.lindung.platform.Page;
import id.lindung.region.Region;
import id.lindung.region.Regions;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registering, reading and changing workers and their membership terms. Every query is restricted to the
 * caller's region scope in SQL; a worker outside it answers as not found. Every change is audited in the
 * same transaction.
 */
@Service
public class Workers {

    /** A new worker with, optionally, the programmes to open from {@code startDate}. */
    public record Registration(String nik, String fullName, String sex, LocalDate birthDate, String villageCode,
                               String phone, String kpj, WorkerCategory category, boolean extremePoverty,
                               Integer povertyDecile, List<Programme> programs, Segment segment, BigDecimal wage,
                               RiskGroup riskGroup, String payer, LocalDate startDate) {}

    /** A new version of one programme's terms from {@code validFrom}. */
    public record TermChange(Programme program, Segment segment, BigDecimal wage, RiskGroup riskGroup, String payer,
                             LocalDate validFrom) {

        TermChange withDefaults() {
            return new TermChange(program, segment, wage, WorkerInputRules.riskOrDefault(segment, riskGroup), payer, validFrom);
        }

        WorkerInputRules.TermInput input() {
            return new WorkerInputRules.TermInput(program, segment, wage, riskGroup, payer, validFrom);
        }
    }

    /** Filters of the worker list; null means any. */
    public record Query(String regionCode, WorkerCategory category, Programme program, String payerCode, String status,
                        String search) {
        public static Query all() {
            return new Query(null, null, null, null, null, null);
        }
    }

    /** A row of the worker list: the worker and the programmes currently open. */
    public record Listed(Worker worker, String programs, String payers) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final CurrentActor currentActor;
    private final Regions regions;
    private final NikChecker nikChecker;

    private final BpuIncomeRange bpuIncome;
    private final DefaultWages defaultWages;

    Workers(JdbcClient jdbc, TransactionTemplate tx, AuditLog audit, CurrentActor currentActor, Regions regions,
            NikChecker nikChecker, BpuIncomeRange bpuIncome, DefaultWages defaultWages) {
        this.bpuIncome = bpuIncome;
        this.defaultWages = defaultWages;
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.currentActor = currentActor;
        this.regions = regions;
        this.nikChecker = nikChecker;
    }

    // ---------------------------------------------------------------- registration

    /**
     * Registers a worker. The NIK is unique nationally by a database constraint: of two concurrent
     * registrations of one NIK exactly one wins, the other gets {@link DuplicateNikException}.
     */
    public Worker register(Registration r) {
        return register(r, List.of());
    }

    /**
     * Registers a worker whose input came as text: {@code unreadable} are the problems of the fields the edge could not
     * read (their values are null in {@code r}), refused together with whatever else the rules find.
     */
    public Worker register(Registration r, List<InputProblem> unreadable) {
        Actor actor = requireWriter();
        Region village = villageInScope(r.villageCode(), actor.scope());
        java.util.Set<WorkerInputRules.Field> skip = fields(unreadable);
        Registration withDefaults = withDefaults(r, skip);
        validate(withDefaults, unreadable, skip);
        findAnywhere(r.nik()).ifPresent(existing -> {
            throw duplicate(existing, actor);
        });
        try {
            return tx.execute(status -> insert(withDefaults, village, actor));
        } catch (DuplicateKeyException e) {
            throw duplicate(findAnywhere(r.nik()).orElseThrow(() -> e), actor);
        }
    }

    /** The rules, told about the world by the region hierarchy and the regulation in force. */
    WorkerInputRules rules() {
        return new WorkerInputRules(new WorkerInputRules.Facts() {
            @Override
            public boolean districtExists(String districtCode) {
                return nikChecker.districtCodes().contains(districtCode);
            }

            @Override
            public Optional<Boolean> isDesa(String villageCode) {
                return regions.lookup(villageCode).map(Region::isDesa);
            }

            @Override
            public boolean apbdRegionExists(String regionCode) {
                return regions.exists(regionCode);
            }

            @Override
            public BigDecimal[] bpuIncomeRange(LocalDate on) {
                return bpuIncome.range(on);
            }

            @Override
            public Optional<BigDecimal> defaultWage(WorkerCategory category, Segment segment, LocalDate start) {
                return defaultWages.wage(category, segment, start);
            }

            @Override
            public LocalDate today() {
                return nikChecker.today();
            }
        });
    }

    /** Blank membership values filled in as {@link WorkerInputRules#withDefaults} says, from today. */
    private Registration withDefaults(Registration r, java.util.Set<WorkerInputRules.Field> unreadable) {
        WorkerInputRules.WorkerInput in = rules().withDefaults(input(r), nikChecker.today(), unreadable);
        return new Registration(r.nik(), r.fullName(), r.sex(), r.birthDate(), r.villageCode(), r.phone(), r.kpj(),
                r.category(), r.extremePoverty(), r.povertyDecile(), r.programs(), in.segment(), in.wage(), in.riskGroup(),
                in.payer(), in.startDate());
    }

    private static WorkerInputRules.WorkerInput input(Registration r) {
        return new WorkerInputRules.WorkerInput(r.nik(), r.fullName(), r.sex(), r.birthDate(), r.villageCode(), r.category(),
                r.povertyDecile(), r.programs(), r.segment(), r.wage(), r.riskGroup(), r.payer(), r.startDate());
    }

    /** A PU term without a risk group is VERY_LOW ({@link WorkerInputRules#riskOrDefault}). */
    static RiskGroup riskOrDefault(Segment segment, RiskGroup risk) {
        return WorkerInputRules.riskOrDefault(segment, risk);
    }

    private Worker insert(Registration r, Region village, Actor actor) {
        long id = jdbc.sql("""
                insert into worker (nik, full_name, sex, birth_date, village_code, phone, kpj, category, extreme_poverty,
                                    poverty_decile, created_by)
                values (:nik, :name, :sex, :birth, :village, :phone, :kpj, :category, :poor, :decile, :by) returning id""")
                .param("nik", r.nik()).param("name", r.fullName().trim()).param("sex", r.sex()).param("birth", r.birthDate())
                .param("village", village.code()).param("phone", blankToNull(r.phone())).param("kpj", blankToNull(r.kpj()))
                .param("category", r.category().name()).param("poor", r.extremePoverty())
                .param("decile", r.povertyDecile()).param("by", actor.username())
                .query(Long.class).single();
        statusEvent(id, village.code(), "ACTIVE", "REGISTERED", r.startDate() == null ? nikChecker.today() : r.startDate(), actor);
        Worker worker = byId(id);
        audit.record("CREATE", "worker", r.nik(), village.code(), null, worker);
        if (r.programs() != null) {
            for (Programme p : r.programs()) {
                openTerm(worker, new TermChange(p, r.segment(), r.wage(), r.riskGroup(), r.payer(), r.startDate()), actor);
            }
        }
        flagLikelyDuplicates(worker);
        return worker;
    }

    private static java.util.Set<WorkerInputRules.Field> fields(List<InputProblem> problems) {
        java.util.Set<WorkerInputRules.Field> fields = java.util.EnumSet.noneOf(WorkerInputRules.Field.class);
        for (InputProblem u : problems) {
            for (WorkerInputRules.Field f : WorkerInputRules.Field.values()) {
                if (f.inputName().equals(u.field())) {
                    fields.add(f);
                }
            }
        }
        return fields;
    }

    private void validate(Registration r, List<InputProblem> unreadable, java.util.Set<WorkerInputRules.Field> skip) {
        List<InputProblem> problems = new ArrayList<>(unreadable);
        rules().check(input(r), skip).forEach(p -> problems.add(p.asInput()));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static void refuse(List<WorkerInputRules.Problem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream().map(WorkerInputRules.Problem::asInput).toList());
        }
    }

    /** The payer named in input for a worker of {@code villageCode}, or null with the reason added to {@code problems}. */
    private PayerRef checkPayer(Segment segment, String spec, String villageCode, String nik, List<InputProblem> problems) {
        List<WorkerInputRules.Problem> found = new ArrayList<>();
        PayerRef payer = rules().payer(segment, spec, villageCode, nik, found).orElse(null);
        found.forEach(p -> problems.add(p.asInput()));
        return payer;
    }

    // ---------------------------------------------------------------- memberships

    /**
     * Opens a programme, or versions it: the open term is closed at {@code validFrom} (exclusive end, reason
     * CHANGED) and a new one opens then. Identical terms change nothing.
     */
    public MembershipTerm changeTerms(String nik, TermChange requested) {
        Actor actor = requireWriter();
        TermChange change = requested.withDefaults();
        return tx.execute(status -> {
            Worker worker = lockInScope(nik, actor.scope());
            if (!worker.status().equals(WorkerStatus.ACTIVE.name())) {
                throw new InvalidInputException("status", "WORKER_NOT_ACTIVE", "The worker is " + worker.status()
                        + ": memberships are opened or changed only for an active worker");
            }
            refuse(rules().check(change.input(), worker.villageCode(), nik));
            Optional<MembershipTerm> open = openTerm(worker.id(), change.program());
            if (open.isPresent()) {
                MembershipTerm current = open.get();
                PayerRef payer = PayerRef.parse(change.payer(), worker.villageCode(), nik);
                if (current.segment() == change.segment() && current.wage().compareTo(change.wage()) == 0
                        && current.riskGroup() == change.riskGroup() && current.workerPayerCode().equals(payer.code())) {
                    return current;
                }
                if (!change.validFrom().isAfter(current.validFrom())) {
                    throw new InvalidInputException("validFrom", "START_NOT_AFTER_CURRENT", "The new terms must start after "
                            + current.validFrom() + ", when the current terms started");
                }
                close(worker, current, change.validFrom(), EndReason.CHANGED);
            }
            return openTerm(worker, change, actor);
        });
    }

    /** Ends a programme: a reason and a date are required. */
    public MembershipTerm endTerm(String nik, Programme program, LocalDate endDate, EndReason reason) {
        Actor actor = requireWriter();
        if (reason == null || reason == EndReason.CHANGED) {
            throw new InvalidInputException("reason", "REASON_REQUIRED", "Ending a membership needs a reason: "
                    + "DECEASED, RESIGNED, END_OF_TERM, LAPSED, TRANSFERRED or OTHER");
        }
        if (endDate == null) {
            throw new InvalidInputException("endDate", "REQUIRED", "Ending a membership needs a date");
        }
        return tx.execute(status -> {
            Worker worker = lockInScope(nik, actor.scope());
            MembershipTerm current = openTerm(worker.id(), program).orElseThrow(() ->
                    new InvalidInputException("program", "NOT_OPEN", nik + " holds no open " + program + " membership"));
            if (!endDate.isAfter(current.validFrom())) {
                // the open term has not started by then: it is withdrawn and the term it was to follow ends instead
                long ended = endBefore(worker, current, endDate, reason).orElseThrow(() -> new InvalidInputException("endDate",
                        "END_NOT_AFTER_START", "The end date must be after " + current.validFrom()));
                return termById(ended);
            }
            close(worker, current, endDate, reason);
            return termById(current.id());
        });
    }

    /**
     * Ends a membership on {@code on} when its open term {@code open} only starts on or after that date (a change
     * scheduled for later): the open term never ran, so it is withdrawn (deleted, with its full record in the audit
     * trail), and the term it was to follow, running on {@code on}, ends then with {@code reason}. Empty when there is
     * no such predecessor, or when the open term was billed already (withdrawing it would orphan its bill lines).
     */
    private java.util.Optional<Long> endBefore(Worker worker, MembershipTerm open, LocalDate on, EndReason reason) {
        boolean billed = jdbc.sql("select exists (select 1 from bill_line where term_id = ?)").param(open.id()).query(Boolean.class).single();
        if (billed) {
            return java.util.Optional.empty();
        }
        java.util.Optional<MembershipTerm> running = jdbc.sql(TERM_SELECT + " " + """
                 where t.worker_id = :worker and t.program = :program and t.valid_to = :start and t.valid_from < :on
                 for update of t""")
                .param("worker", worker.id()).param("program", open.program().name()).param("start", open.validFrom()).param("on", on)
                .query(Workers::mapTerm).optional();
        if (running.isEmpty()) {
            return java.util.Optional.empty();
        }
        jdbc.sql("delete from membership_term where id = ? and valid_to is null").param(open.id()).update();
        audit.record("WITHDRAW", "membership_term", String.valueOf(open.id()), worker.villageCode(), open, null);
        jdbc.sql("update membership_term set valid_to = :to, end_reason = :reason where id = :id")
                .param("to", on).param("reason", reason.name()).param("id", running.get().id()).update();
        audit.record("END", "membership_term", String.valueOf(running.get().id()), worker.villageCode(), running.get(),
                termById(running.get().id()));
        return java.util.Optional.of(running.get().id());
    }

    private void close(Worker worker, MembershipTerm term, LocalDate validTo, EndReason reason) {
        jdbc.sql("update membership_term set valid_to = :to, end_reason = :reason where id = :id and valid_to is null")
                .param("to", validTo).param("reason", reason.name()).param("id", term.id()).update();
        audit.record("END", "membership_term", String.valueOf(term.id()), worker.villageCode(), term, termById(term.id()));
    }

    private MembershipTerm openTerm(Worker worker, TermChange change, Actor actor) {
        PayerRef payer = PayerRef.parse(change.payer(), worker.villageCode(), worker.nik());
        long payerId = ensurePayer(payer);
        long id = jdbc.sql("""
                insert into membership_term (worker_id, village_code, program, segment, wage, risk_group, employer_payer_id,
                                             worker_payer_id, valid_from, created_by)
                values (:worker, :village, :program, :segment, :wage, :risk, :employer, :payer, :from, :by) returning id""")
                .param("worker", worker.id()).param("village", worker.villageCode()).param("program", change.program().name())
                .param("segment", change.segment().name()).param("wage", change.wage())
                .param("risk", change.riskGroup() == null ? null : change.riskGroup().name())
                .param("employer", change.segment() == Segment.PU ? payerId : null).param("payer", payerId)
                .param("from", change.validFrom()).param("by", actor.username())
                .query(Long.class).single();
        MembershipTerm term = termById(id);
        audit.record("CREATE", "membership_term", String.valueOf(id), worker.villageCode(), null, term);
        return term;
    }

    /**
     * The payer's id. Government payers exist for every desa, regency and province (V47); an employer or donor
     * named for the first time in its region is created there, audited (docs/decisions/0006-payer-register.md).
     */
    long ensurePayer(PayerRef payer) {
        PayerRows.Ensured ensured = PayerRows.ensure(jdbc, payer);
        if (ensured.created() && PayerKind.valueOf(payer.kind()).isRegisteredByUsers()) {
            audit.record("CREATE", "payer", payer.code(), payer.regionCode(), null, payer);
        }
        return ensured.id();
    }

    // ---------------------------------------------------------------- transfer

    /**
     * Moves a worker to another village. The caller's area must cover both villages (a DPMD of the
     * regency or province, a BPJS branch, or ADMIN): a village cannot pull a worker it may not see. Open
     * terms that started before the effective date are closed as TRANSFERRED and reopened in the new village
     * from it (dated versions, never overwrites); terms that start on or after it have not begun and simply
     * belong to the new village. Either way each share's payer follows the worker as {@link #payersAfterMove}
     * says, and a transfer that leaves a share without a payer allowed to pay in the new village changes nothing.
     *
     * @param payer who pays, in the new village, the shares whose payer cannot pay there (the old village's
     *              APBDes when the new village is a kelurahan, an APBD the new village does not belong to);
     *              null when every payer can follow
     */
    public Worker transfer(String nik, String targetVillage, LocalDate effectiveOn, String payer) {
        Actor actor = requireWriter();
        Region village = villageInScope(targetVillage, actor.scope());
        LocalDate on = effectiveOn == null ? nikChecker.today() : effectiveOn;
        return tx.execute(status -> {
            Worker before = findAnywhere(nik).orElseThrow(() -> new NotFoundException("Worker " + NikCheck.mask(nik) + " not found"));
            if (!actor.scope().covers(before.villageCode())) {
                throw new org.springframework.security.access.AccessDeniedException("Worker " + NikCheck.mask(nik)
                        + " is registered in a village outside your area: the transfer must be made by a user whose area covers"
                        + " both villages (the DPMD of the regency or province, the BPJS branch, or ADMIN)");
            }
            lockInScope(nik, actor.scope());
            if (before.villageCode().equals(village.code())) {
                return before;
            }
            List<MembershipTerm> open = openTerms(before.id());
            Map<String, Long> payers = payersAfterMove(open, before.nik(), village, payer);
            jdbc.sql("update worker set village_code = ? where id = ?").params(village.code(), before.id()).update();
            for (MembershipTerm term : open) {
                Long employer = term.employerPayerCode() == null ? null : payers.get(term.employerPayerCode());
                Long workerPayer = payers.get(term.workerPayerCode());
                if (term.validFrom().isBefore(on)) {
                    close(before, term, on, EndReason.TRANSFERRED);
                    long id = jdbc.sql("""
                            insert into membership_term (worker_id, village_code, program, segment, wage, risk_group, labour_intensive,
                                                         employer_payer_id, worker_payer_id, valid_from, created_by)
                            select worker_id, :village, program, segment, wage, risk_group, labour_intensive, :employer, :payer, :on, :by
                            from membership_term where id = :id returning id""")
                            .param("village", village.code()).param("employer", employer).param("payer", workerPayer)
                            .param("on", java.sql.Date.valueOf(on)).param("by", actor.username()).param("id", term.id())
                            .query(Long.class).single();
                    audit.record("CREATE", "membership_term", String.valueOf(id), village.code(), null, termById(id));
                } else {
                    jdbc.sql("update membership_term set village_code = :village, employer_payer_id = :employer, worker_payer_id = :payer"
                                    + " where id = :id")
                            .param("village", village.code()).param("employer", employer).param("payer", workerPayer)
                            .param("id", term.id()).update();
                    audit.record("UPDATE", "membership_term", String.valueOf(term.id()), village.code(), term, termById(term.id()));
                }
            }
            statusEvent(before.id(), village.code(), before.status(), "TRANSFER from " + before.villageCode(), on, actor);
            Worker after = byId(before.id());
            // both villages' trails show the move
            audit.record("TRANSFER", "worker", nik, village.code(), before, after);
            audit.record("TRANSFER", "worker", nik, before.villageCode(), before, after);
            return after;
        });
    }

    /**
     * The payer id, in the new village, of each payer code of the open terms. A village government's share goes to
     * the new village's government, or to {@code replacement} when the new village is a kelurahan (it has no
     * APBDes); an APBD keeps paying when the new village lies in its regency or province, else {@code replacement}
     * pays (a regional budget pays only for its own residents); the worker and employers follow the worker.
     *
     * @throws InvalidInputException naming each share that has no payer allowed in the new village, before anything changes
     */
    private Map<String, Long> payersAfterMove(List<MembershipTerm> open, String nik, Region village, String replacement) {
        Map<String, PayerRef> moved = new LinkedHashMap<>();
        Map<String, Segment> unpaid = new LinkedHashMap<>();
        for (MembershipTerm term : open) {
            for (String code : new String[] {term.employerPayerCode(), term.workerPayerCode()}) {
                if (code == null || moved.containsKey(code)) {
                    continue;
                }
                String kind = code.substring(0, code.indexOf(':'));
                if (kind.equals("APBDES") && village.isDesa()) {
                    moved.put(code, PayerRef.parse("APBDES", village.code(), nik));
                } else if (kind.equals("APBDES") || (kind.equals("APBD") && !village.code().startsWith(code.substring(5) + "."))) {
                    unpaid.merge(code, term.segment(), (a, b) -> a == Segment.PU ? a : b);
                } else {
                    moved.put(code, null);
                }
            }
        }
        if (!unpaid.isEmpty()) {
            List<InputProblem> problems = new ArrayList<>();
            if (replacement == null || replacement.isBlank()) {
                unpaid.keySet().forEach(code -> problems.add(code.startsWith("APBDES")
                        ? InputProblem.of("payer", "KELURAHAN_HAS_NO_APBDES", village.code() + " is a kelurahan and has no APBDes to take"
                                + " over the share " + code + " pays: name the payer in the new village")
                        : InputProblem.of("payer", "APBD_NOT_OF_NEW_VILLAGE", code + " pays only for residents of its own region, not for "
                                + village.code() + ": name the payer in the new village")));
                throw new InvalidInputException(problems);
            }
            Segment strictest = unpaid.containsValue(Segment.PU) ? Segment.PU : Segment.BPU;
            PayerRef given = checkPayer(strictest, replacement, village.code(), nik, problems);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            unpaid.keySet().forEach(code -> moved.put(code, given));
        }
        Map<String, Long> ids = new LinkedHashMap<>();
        moved.forEach((code, payer) -> ids.put(code, payer == null
                ? jdbc.sql("select id from payer where code = ?").param(code).query(Long.class).single()
                : ensurePayer(payer)));
        return ids;
    }

    /**
     * Sets the worker's status with a reason and the date it took effect, recorded in the status history. A
     * status other than ACTIVE ends every open membership term on that date ({@link WorkerStatus#endsTermsAs});
     * ACTIVE again (after MOVED or INACTIVE) opens none: the programmes are registered anew. A death is final.
     */
    public Worker changeStatus(String nik, WorkerStatus newStatus, String reason, LocalDate effectiveOn) {
        Actor actor = requireWriter();
        List<InputProblem> problems = new ArrayList<>();
        if (newStatus == null) {
            problems.add(InputProblem.of("status", "REQUIRED", "The new status is required: ACTIVE, DECEASED, MOVED or INACTIVE"));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(InputProblem.of("reason", "REASON_REQUIRED", "A status change needs a reason"));
        }
        if (effectiveOn == null) {
            problems.add(InputProblem.of("effectiveOn", "REQUIRED", "A status change needs the date it took effect"));
        } else if (effectiveOn.isAfter(nikChecker.today())) {
            problems.add(InputProblem.of("effectiveOn", "EFFECTIVE_IN_FUTURE", "A status change is recorded once it happened, not before: "
                    + effectiveOn + " is in the future"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return tx.execute(status -> {
            Worker before = lockInScope(nik, actor.scope());
            if (before.status().equals(WorkerStatus.DECEASED.name())) {
                throw new InvalidInputException("status", "WORKER_DECEASED", "The worker is recorded as deceased; a death is final");
            }
            if (before.status().equals(newStatus.name())) {
                throw new InvalidInputException("status", "STATUS_UNCHANGED", "The worker is already " + newStatus);
            }
            List<MembershipTerm> open = newStatus.endsTermsAs() == null ? List.of() : openTerms(before.id());
            for (MembershipTerm term : open) {
                if (effectiveOn.isAfter(term.validFrom())) {
                    close(before, term, effectiveOn, newStatus.endsTermsAs());
                } else if (endBefore(before, term, effectiveOn, newStatus.endsTermsAs()).isEmpty()) {
                    throw new InvalidInputException("effectiveOn", "EFFECTIVE_NOT_AFTER_TERM_START", "The " + term.program()
                            + " membership started on " + term.validFrom() + ": a status that ends it must take effect after that");
                }
            }
            jdbc.sql("update worker set status = ? where id = ?").params(newStatus.name(), before.id()).update();
            statusEvent(before.id(), before.villageCode(), newStatus.name(), reason.trim(), effectiveOn, actor);
            Worker after = byId(before.id());
            audit.record("UPDATE", "worker", nik, before.villageCode(), before, after);
            return after;
        });
    }

    // ---------------------------------------------------------------- reads

    /** The worker if the caller's scope covers it, else {@link NotFoundException}. */
    public Worker get(String nik, RegionScope scope) {
        return jdbc.sql("select * from worker where nik = :nik and village_code >= :lo and village_code < :hi")
                .param("nik", nik).param("lo", scope.lo()).param("hi", scope.hi())
                .query(Workers::mapWorker).optional()
                .orElseThrow(() -> new NotFoundException("Worker " + NikCheck.mask(nik) + " not found"));
    }

    /** The worker by its internal id, which pages use in links so that a URL never carries a NIK. */
    public Worker getById(long id, RegionScope scope) {
        return jdbc.sql("select * from worker where id = :id and village_code >= :lo and village_code < :hi")
                .param("id", id).param("lo", scope.lo()).param("hi", scope.hi())
                .query(Workers::mapWorker).optional()
                .orElseThrow(() -> new NotFoundException("Worker " + id + " not found"));
    }

    /** Every term of the worker (open and closed), programme then newest first. Scoped like {@link #get}. */
    public List<MembershipTerm> terms(String nik, RegionScope scope) {
        Worker w = get(nik, scope);
        return jdbc.sql(TERM_SELECT + " where t.worker_id = :id and t.village_code >= :lo and t.village_code < :hi "
                        + "order by t.program, t.valid_from desc")
                .param("id", w.id()).param("lo", scope.lo()).param("hi", scope.hi()).query(Workers::mapTerm).list();
    }

    public List<StatusEvent> history(String nik, RegionScope scope) {
        Worker w = get(nik, scope);
        return jdbc.sql("select * from worker_status_event where worker_id = ? order by id").param(w.id())
                .query((rs, n) -> new StatusEvent(rs.getString("status"), rs.getString("reason"),
                        rs.getObject("effective_on", LocalDate.class), rs.getString("village_code"), rs.getString("created_by")))
                .list();
    }

    /**
     * A registered NIK as a scope may know it: {@code workerId} and {@code where} are null when the worker lies
     * outside the scope, which then learns only that the NIK is registered somewhere else.
     */
    public record Registered(Long workerId, DuplicateNikException.Location where) {
        public boolean inScope() {
            return where != null;
        }
    }

    /** Whether and where a NIK is registered, told only as far as the scope may know: empty when not registered at all. */
    public Optional<Registered> registration(String nik, RegionScope scope) {
        return findAnywhere(nik).map(w -> scope.covers(w.villageCode())
                ? new Registered(w.id(), new DuplicateNikException.Location(w.villageCode(), villageName(w.villageCode()), w.category()))
                : new Registered(null, null));
    }

    /**
     * One page of the workers under {@code query.regionCode()} (a village, or any region; default the whole
     * scope) in name order. The region must lie in the scope, else {@link NotFoundException}.
     */
    public Page<Listed> list(Query query, RegionScope scope, int page, int size) {
        RegionScope effective = narrow(query.regionCode(), scope);
        int limit = Math.max(1, Math.min(size, 500));
        int offset = Math.max(0, page) * limit;
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("lo", effective.lo()).addValue("hi", effective.hi());
        String where = filter(query, NikPolicy.seesFullNik(currentActor.get()), params);
        long total = jdbc.sql("select count(*) from worker w where " + where).paramSource(params).query(Long.class).single();
        List<Listed> items = jdbc.sql("select w.*, " + OPEN_PROGRAMS + " from worker w where " + where
                        + " order by w.full_name, w.id limit :limit offset :offset")
                .paramSource(params.addValue("limit", limit).addValue("offset", offset))
                .query((rs, n) -> new Listed(mapWorker(rs, n), rs.getString("programs"), rs.getString("payers"))).list();
        return new Page<>(items, Math.max(0, page), limit, total);
    }

    /** Every worker matching the query, for export; the caller streams the rows. */
    public void forEach(Query query, RegionScope scope, java.util.function.Consumer<Listed> each) {
        RegionScope effective = narrow(query.regionCode(), scope);
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("lo", effective.lo()).addValue("hi", effective.hi());
        String where = filter(query, NikPolicy.seesFullNik(currentActor.get()), params);
        jdbc.sql("select w.*, " + OPEN_PROGRAMS + " from worker w where " + where + " order by w.village_code, w.full_name, w.id")
                .paramSource(params)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> each.accept(
                        new Listed(mapWorker(rs, 0), rs.getString("programs"), rs.getString("payers"))));
    }

    private static final String OPEN_PROGRAMS = """
            (select string_agg(t.program, ';' order by t.program) from membership_term t
              where t.worker_id = w.id and t.valid_to is null) as programs,
            (select string_agg(distinct p.code, ';') from membership_term t join payer p on p.id = t.worker_payer_id
              where t.worker_id = w.id and t.valid_to is null) as payers""";

    /**
     * @param nikPrefixes whether digits may match the start of a NIK; a role that sees NIKs masked would recover the
     *                    hidden digits one at a time that way, so it finds a worker only by the whole NIK
     */
    private static String filter(Query q, boolean nikPrefixes, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder("w.village_code >= :lo and w.village_code < :hi");
        if (q.category() != null) {
            where.append(" and w.category = :category");
            params.addValue("category", q.category().name());
        }
        if (q.status() != null && !q.status().isBlank()) {
            where.append(" and w.status = :status");
            params.addValue("status", q.status().trim().toUpperCase(Locale.ROOT));
        }
        if (q.program() != null) {
            where.append(" and exists (select 1 from membership_term t where t.worker_id = w.id and t.valid_to is null and t.program = :program)");
            params.addValue("program", q.program().name());
        }
        if (q.payerCode() != null && !q.payerCode().isBlank()) {
            where.append(" and exists (select 1 from membership_term t join payer p on p.id in (t.worker_payer_id, t.employer_payer_id)"
                    + " where t.worker_id = w.id and t.valid_to is null and (p.code = :payer or p.kind = :payer))");
            params.addValue("payer", q.payerCode().trim().toUpperCase(Locale.ROOT));
        }
        if (q.search() != null && !q.search().isBlank()) {
            String s = q.search().trim();
            if (s.chars().allMatch(Character::isDigit)) {
                if (nikPrefixes) {
                    where.append(" and w.nik like :nikPrefix");
                    params.addValue("nikPrefix", s + "%");
                } else if (s.length() == 16) {
                    where.append(" and w.nik = :nik");
                    params.addValue("nik", s);
                } else {
                    throw new InvalidInputException("q", "NIK_SEARCH_NEEDS_WHOLE_NIK",
                            "Your role sees NIKs masked: search by name or by the whole 16-digit NIK");
                }
            } else {
                where.append(" and lower(w.full_name) like :name");
                params.addValue("name", "%" + s.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        return where.toString();
    }

    /** The region as a scope, when {@code scope} covers it; else {@link NotFoundException}. Null or blank: the whole scope. */
    RegionScope narrow(String regionCode, RegionScope scope) {
        if (regionCode == null || regionCode.isBlank()) {
            return scope;
        }
        RegionScope asked;
        try {
            asked = RegionScope.of(regionCode);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Region " + regionCode + " not found");
        }
        if (!scope.covers(asked)) {
            throw new NotFoundException("Region " + regionCode + " not found");
        }
        return asked;
    }

    public String villageName(String code) {
        return regions.lookup(code).map(Region::name).orElse(code);
    }

    // ---------------------------------------------------------------- helpers

    Actor requireWriter() {
        Actor actor = currentActor.get();
        if (!actor.role().canChangeData()) {
            throw new AccessDeniedException("Role " + actor.role() + " may not change the registry");
        }
        return actor;
    }

    Region villageInScope(String code, RegionScope scope) {
        if (code == null || !scope.covers(code)) {
            throw new NotFoundException("Village " + code + " not found");
        }
        Region village = regions.lookup(code).filter(Region::active)
                .orElseThrow(() -> new NotFoundException("Village " + code + " not found"));
        if (village.level() != id.lindung.region.RegionLevel.VILLAGE) {
            throw new InvalidInputException("villageCode", "NOT_A_VILLAGE", code + " is not a desa or kelurahan code");
        }
        return village;
    }

    private Worker lockInScope(String nik, RegionScope scope) {
        return jdbc.sql("select * from worker where nik = :nik and village_code >= :lo and village_code < :hi for update")
                .param("nik", nik).param("lo", scope.lo()).param("hi", scope.hi())
                .query(Workers::mapWorker).optional()
                .orElseThrow(() -> new NotFoundException("Worker " + NikCheck.mask(nik) + " not found"));
    }

    Optional<Worker> findAnywhere(String nik) {
        return jdbc.sql("select * from worker where nik = ?").param(nik).query(Workers::mapWorker).optional();
    }

    private DuplicateNikException duplicate(Worker existing, Actor actor) {
        return new DuplicateNikException(existing.nik(), actor.scope().covers(existing.villageCode())
                ? new DuplicateNikException.Location(existing.villageCode(), villageName(existing.villageCode()), existing.category())
                : null);
    }

    private Worker byId(long id) {
        return jdbc.sql("select * from worker where id = ?").param(id).query(Workers::mapWorker).single();
    }

    private Optional<MembershipTerm> openTerm(long workerId, Programme program) {
        return jdbc.sql(TERM_SELECT + " where t.worker_id = ? and t.program = ? and t.valid_to is null")
                .params(workerId, program.name()).query(Workers::mapTerm).optional();
    }

    private List<MembershipTerm> openTerms(long workerId) {
        return jdbc.sql(TERM_SELECT + " where t.worker_id = ? and t.valid_to is null order by t.program")
                .param(workerId).query(Workers::mapTerm).list();
    }

    private MembershipTerm termById(long id) {
        return jdbc.sql(TERM_SELECT + " where t.id = ?").param(id).query(Workers::mapTerm).single();
    }

    private void statusEvent(long workerId, String village, String status, String reason, LocalDate on, Actor actor) {
        jdbc.sql("""
                insert into worker_status_event (worker_id, village_code, status, reason, effective_on, created_by)
                values (?, ?, ?, ?, ?, ?)""").params(workerId, village, status, reason, on, actor.username()).update();
    }

    /** Same district of domicile, same birth date, names alike (trigram similarity ≥ 0.6), different NIK. */
    private void flagLikelyDuplicates(Worker w) {
        jdbc.sql(BulkRegistration.likelyDuplicates("n.id = :id")).param("id", w.id()).update();
    }

    private static final String TERM_SELECT = """
            select t.*, ep.code as employer_code, ep.name as employer_name, wp.code as payer_code, wp.name as payer_name
            from membership_term t left join payer ep on ep.id = t.employer_payer_id join payer wp on wp.id = t.worker_payer_id""";

    static Worker mapWorker(ResultSet rs, int n) throws SQLException {
        return new Worker(rs.getLong("id"), rs.getString("nik"), rs.getString("full_name"), rs.getString("sex"),
                rs.getObject("birth_date", LocalDate.class), rs.getString("village_code"), rs.getString("phone"),
                rs.getString("kpj"), WorkerCategory.valueOf(rs.getString("category")), rs.getBoolean("extreme_poverty"),
                (Integer) rs.getObject("poverty_decile", Integer.class), rs.getString("status"));
    }

    static MembershipTerm mapTerm(ResultSet rs, int n) throws SQLException {
        String risk = rs.getString("risk_group");
        String end = rs.getString("end_reason");
        return new MembershipTerm(rs.getLong("id"), Programme.valueOf(rs.getString("program")),
                Segment.valueOf(rs.getString("segment")), rs.getBigDecimal("wage"), risk == null ? null : RiskGroup.valueOf(risk),
                rs.getString("employer_code"), rs.getString("employer_name"), rs.getString("payer_code"),
                rs.getString("payer_name"), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class), end == null ? null : EndReason.valueOf(end), rs.getString("created_by"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
