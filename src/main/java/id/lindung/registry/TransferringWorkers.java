package id.lindung.registry;
import id.lindung.shared.Segment;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.NotFoundException;
import id.lindung.region.Region;
import id.lindung.registry.internal.WorkerRows;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Moving a worker, with its open memberships and their payers, to another village. */
@Service
class TransferringWorkers {

    private final NikLookups lookups;

    private final WorkerRows rows;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final WorkerAccess access;
    private final WorkerFacts facts;
    private final TermHistory terms;

    TransferringWorkers(WorkerRows rows, TransactionTemplate tx, AuditLog audit, WorkerAccess access, WorkerFacts facts,
                        TermHistory terms, NikLookups lookups) {
        this.lookups = lookups;
        this.rows = rows;
        this.tx = tx;
        this.audit = audit;
        this.access = access;
        this.facts = facts;
        this.terms = terms;
    }

    /** See {@link Workers#transfer}. */
    Worker transfer(String nik, String targetVillage, LocalDate effectiveOn, String payer) {
        Actor actor = access.requireWriter();
        Region village = access.villageInScope(targetVillage, actor.scope());
        LocalDate on = effectiveOn == null ? facts.today() : effectiveOn;
        return tx.execute(status -> {
            // a worker outside the caller's area answers as one that does not exist (404, counted and audited), as every
            // NIK lookup does: the transfer-request flow is where a writer learns that a NIK is registered elsewhere
            Worker before = lookups.lockedInScope(nik, actor.scope());
            if (before.villageCode().equals(village.code())) {
                return before;
            }
            List<MembershipTerm> open = rows.openTerms(before.id());
            Map<String, Long> payers = payersAfterMove(open, before.nik(), village, payer);
            rows.setVillage(before.id(), village.code());
            for (MembershipTerm term : open) {
                Long employer = term.employerPayerCode() == null ? null : payers.get(term.employerPayerCode());
                Long workerPayer = payers.get(term.workerPayerCode());
                if (term.validFrom().isBefore(on)) {
                    terms.close(before, term, on, EndReason.TRANSFERRED);
                    long id = rows.reopenTerm(term.id(), village.code(), employer, workerPayer, on, actor.username());
                    audit.record("CREATE", "membership_term", String.valueOf(id), village.code(), null, rows.termById(id));
                } else {
                    rows.moveTerm(term.id(), village.code(), employer, workerPayer);
                    audit.record("UPDATE", "membership_term", String.valueOf(term.id()), village.code(), term, rows.termById(term.id()));
                }
            }
            rows.statusEvent(before.id(), village.code(), before.status(), "TRANSFER from " + before.villageCode(), on,
                    actor.username());
            Worker after = rows.byId(before.id());
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
            if (replacement == null || replacement.isBlank()) {
                List<InputProblem> problems = new ArrayList<>();
                unpaid.keySet().forEach(code -> problems.add(code.startsWith("APBDES")
                        ? InputProblem.of("payer", "KELURAHAN_HAS_NO_APBDES", village.code() + " is a kelurahan and has no APBDes to take"
                                + " over the share " + code + " pays: name the payer in the new village")
                        : InputProblem.of("payer", "APBD_NOT_OF_NEW_VILLAGE", code + " pays only for residents of its own region, not for "
                                + village.code() + ": name the payer in the new village")));
                throw InvalidInputException.refused(problems);
            }
            Segment strictest = unpaid.containsValue(Segment.PU) ? Segment.PU : Segment.BPU;
            List<WorkerInputRules.Problem> problems = new ArrayList<>();
            PayerRef given = facts.rules().payer(strictest, replacement, village.code(), nik, problems).orElse(null);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems.stream().map(WorkerInputRules.Problem::asInput).toList());
            }
            unpaid.keySet().forEach(code -> moved.put(code, given));
        }
        Map<String, Long> ids = new LinkedHashMap<>();
        moved.forEach((code, payer) -> ids.put(code, payer == null ? rows.payerId(code) : terms.ensurePayer(payer)));
        return ids;
    }
}
