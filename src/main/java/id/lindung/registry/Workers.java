package id.lindung.registry;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Segment;
import id.lindung.shared.Programme;

import id.lindung.access.RegionScope;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.NotFoundException;
import id.lindung.platform.Page;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * The registry's workers as other modules and the screens see them: registering, reading and changing workers and
 * their membership terms. Each activity is its own use case ({@link RegisteringWorkers}, {@link ChangingMemberships},
 * {@link TransferringWorkers}, {@link ChangingWorkerStatus}, {@link WorkerQueries}); this class only names them.
 * Every query is restricted to the caller's region scope in SQL; a worker outside it answers as not found. Every
 * change is audited in the same transaction.
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

    /**
     * A registered NIK as a scope may know it: {@code workerId} and {@code where} are null when the worker lies
     * outside the scope, which then learns only that the NIK is registered somewhere else.
     */
    public record Registered(Long workerId, DuplicateNikException.Location where) {
        public boolean inScope() {
            return where != null;
        }
    }

    private final RegisteringWorkers registering;
    private final ChangingMemberships memberships;
    private final TransferringWorkers transferring;
    private final ChangingWorkerStatus statuses;
    private final WorkerQueries queries;
    private final WorkerAccess access;

    Workers(RegisteringWorkers registering, ChangingMemberships memberships, TransferringWorkers transferring,
            ChangingWorkerStatus statuses, WorkerQueries queries, WorkerAccess access) {
        this.registering = registering;
        this.memberships = memberships;
        this.transferring = transferring;
        this.statuses = statuses;
        this.queries = queries;
        this.access = access;
    }

    // ---------------------------------------------------------------- changes

    /**
     * Registers a worker. The NIK is unique nationally by a database constraint: of two concurrent
     * registrations of one NIK exactly one wins, the other gets {@link DuplicateNikException}.
     */
    public Worker register(Registration r) {
        return registering.register(r, List.of());
    }

    /**
     * Registers a worker whose input came as text: {@code unreadable} are the problems of the fields the edge could not
     * read (their values are null in {@code r}), refused together with whatever else the rules find.
     */
    public Worker register(Registration r, List<InputProblem> unreadable) {
        return registering.register(r, unreadable);
    }

    /**
     * What a registration is made with but looks wrong, as the quotes warn ({@code warnings}: a PU wage below the usual
     * minimum on its start date, {@link WorkerInputRules#warnings}); never a refusal.
     */
    public List<InputProblem> warnings(Registration r) {
        return registering.warnings(r);
    }

    /**
     * Opens a programme, or versions it: the open term is closed at {@code validFrom} (exclusive end, reason
     * CHANGED) and a new one opens then. Identical terms change nothing.
     */
    public MembershipTerm changeTerms(String nik, TermChange requested) {
        return memberships.changeTerms(nik, requested);
    }

    /**
     * Ends a programme: a reason and a date are required. An open term that starts only on or after the end date (a
     * scheduled change) is withdrawn and the term it was to follow ends instead.
     */
    public MembershipTerm endTerm(String nik, Programme program, LocalDate endDate, EndReason reason) {
        return memberships.endTerm(nik, program, endDate, reason);
    }

    /**
     * Moves a worker to another village. The caller's area must cover both villages (a DPMD of the
     * regency or province, a BPJS branch, or ADMIN): a village cannot pull a worker it may not see. Open
     * terms that started before the effective date are closed as TRANSFERRED and reopened in the new village
     * from it (dated versions, never overwrites); terms that start on or after it have not begun and simply
     * belong to the new village. Either way each share's payer follows the worker (an APBDes share to the new desa's
     * government, an APBD while the new village lies in its region), and a transfer that leaves a share without a
     * payer allowed to pay in the new village changes nothing.
     *
     * @param payer who pays, in the new village, the shares whose payer cannot pay there (the old village's
     *              APBDes when the new village is a kelurahan, an APBD the new village does not belong to);
     *              null when every payer can follow
     */
    public Worker transfer(String nik, String targetVillage, LocalDate effectiveOn, String payer) {
        return transferring.transfer(nik, targetVillage, effectiveOn, payer);
    }

    /**
     * Sets the worker's status with a reason and the date it took effect, recorded in the status history. A
     * status other than ACTIVE ends every open membership term on that date ({@link WorkerStatus#endsTermsAs});
     * ACTIVE again (after MOVED or INACTIVE) opens none: the programmes are registered anew. A death is final.
     */
    public Worker changeStatus(String nik, WorkerStatus newStatus, String reason, LocalDate effectiveOn) {
        return statuses.changeStatus(nik, newStatus, reason, effectiveOn);
    }

    // ---------------------------------------------------------------- reads

    /** The worker's version, its API {@code ETag} ({@link WorkerVersion}), if the scope covers it. */
    public long version(String nik, RegionScope scope) {
        return queries.version(nik, scope);
    }

    /**
     * The worker if the caller's scope covers it and the caller may address workers by NIK, else {@link NotFoundException}
     * (the same answer for every cause; counted and rate-limited per user, see {@link NikLookups}).
     */
    public Worker get(String nik, RegionScope scope) {
        return queries.get(nik, scope);
    }

    /** The worker by its opaque public id (API and page links), if the caller's scope covers it, else {@link NotFoundException}. */
    public Worker getByPublicId(java.util.UUID publicId, RegionScope scope) {
        return queries.getByPublicId(publicId, scope);
    }

    /** The worker by its internal id, which pages use in links so that a URL never carries a NIK. */
    public Worker getById(long id, RegionScope scope) {
        return queries.getById(id, scope);
    }

    /** Every term of the worker (open and closed), programme then newest first. Scoped like {@link #get}. */
    public List<MembershipTerm> terms(String nik, RegionScope scope) {
        return queries.terms(nik, scope);
    }

    /** Every term of a worker already read within {@code scope} (by {@link #getByPublicId} or {@link #getById}). */
    public List<MembershipTerm> terms(Worker w, RegionScope scope) {
        return queries.terms(w, scope);
    }

    /** The status history of a worker already read within the caller's scope. */
    public List<StatusEvent> history(Worker w) {
        return queries.history(w);
    }

    public List<StatusEvent> history(String nik, RegionScope scope) {
        return queries.history(nik, scope);
    }

    /** Whether and where a NIK is registered, told only as far as the scope may know: empty when not registered at all. */
    public Optional<Registered> registration(String nik, RegionScope scope) {
        return queries.registration(nik, scope);
    }

    /**
     * One page of the workers under {@code query.regionCode()} (a village, or any region; default the whole
     * scope) in name order. The region must lie in the scope, else {@link NotFoundException}. A role that sees NIKs
     * masked cannot search by NIK at all ({@link InvalidInputException} {@code NIK_SEARCH_NOT_ALLOWED}).
     */
    public Page<Listed> list(Query query, RegionScope scope, int page, int size) {
        return queries.list(query, scope, page, size);
    }

    /** A worker already read within the caller's scope with its open programmes and payers, as its row in {@link #list}. */
    public Listed listed(Worker w) {
        return queries.listed(w);
    }

    /** {@link #listed(Worker)} of several workers already read within the caller's scope, in one query scoped to it, in their order. */
    public List<Listed> listed(List<Worker> ws, RegionScope scope) {
        return queries.listed(ws, scope);
    }

    /** Every worker matching the query, for export; the caller streams the rows. */
    public void forEach(Query query, RegionScope scope, Consumer<Listed> each) {
        queries.forEach(query, scope, each);
    }

    public String villageName(String code) {
        return access.villageName(code);
    }
}
