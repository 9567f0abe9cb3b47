package id.lindung.registry;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.registry.internal.WorkerRows;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Recording that a worker died, moved away, stopped or became active again, and ending the memberships it ends. */
@Service
class ChangingWorkerStatus {

    private final NikLookups lookups;

    private final WorkerRows rows;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final WorkerAccess access;
    private final WorkerFacts facts;
    private final TermHistory terms;

    ChangingWorkerStatus(WorkerRows rows, TransactionTemplate tx, AuditLog audit, WorkerAccess access, WorkerFacts facts,
                         TermHistory terms, NikLookups lookups) {
        this.lookups = lookups;
        this.rows = rows;
        this.tx = tx;
        this.audit = audit;
        this.access = access;
        this.facts = facts;
        this.terms = terms;
    }

    /** See {@link Workers#changeStatus}. */
    Worker changeStatus(String nik, WorkerStatus newStatus, String reason, LocalDate effectiveOn) {
        Actor actor = access.requireWriter();
        List<InputProblem> problems = new ArrayList<>();
        if (newStatus == null) {
            problems.add(InputProblem.of("status", "REQUIRED", "The new status is required: ACTIVE, DECEASED, MOVED or INACTIVE"));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(InputProblem.of("reason", "REASON_REQUIRED", "A status change needs a reason"));
        } else if (id.lindung.platform.TextRules.check("reason", reason, id.lindung.platform.TextRules.Kind.LINE, false).isPresent()) {
            problems.add(id.lindung.platform.TextRules.check("reason", reason, id.lindung.platform.TextRules.Kind.LINE, false).get());
        }
        if (effectiveOn == null) {
            problems.add(InputProblem.of("effectiveOn", "REQUIRED", "A status change needs the date it took effect"));
        } else if (effectiveOn.isAfter(facts.today())) {
            problems.add(InputProblem.of("effectiveOn", "EFFECTIVE_IN_FUTURE", "A status change is recorded once it happened, not before: "
                    + effectiveOn + " is in the future"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return tx.execute(status -> {
            Worker before = lookups.lockedInScope(nik, actor.scope());
            if (before.status().equals(WorkerStatus.DECEASED.name())) {
                throw InvalidInputException.conflict("status", "WORKER_DECEASED", "The worker is recorded as deceased; a death is final");
            }
            if (before.status().equals(newStatus.name())) {
                throw InvalidInputException.conflict("status", "STATUS_UNCHANGED", "The worker is already " + newStatus);
            }
            List<MembershipTerm> open = newStatus.endsTermsAs() == null ? List.of() : rows.openTerms(before.id());
            for (MembershipTerm term : open) {
                if (effectiveOn.isAfter(term.validFrom())) {
                    terms.close(before, term, effectiveOn, newStatus.endsTermsAs());
                } else if (terms.endBefore(before, term, effectiveOn, newStatus.endsTermsAs()).isEmpty()) {
                    throw InvalidInputException.refused("effectiveOn", "EFFECTIVE_NOT_AFTER_TERM_START", "The " + term.program()
                            + " membership started on " + term.validFrom() + ": a status that ends it must take effect after that");
                }
            }
            rows.setStatus(before.id(), newStatus.name());
            rows.statusEvent(before.id(), before.villageCode(), newStatus.name(), id.lindung.platform.TextRules.normalise(reason, id.lindung.platform.TextRules.Kind.LINE), effectiveOn, actor.username());
            Worker after = rows.byId(before.id());
            audit.record("UPDATE", "worker", nik, before.villageCode(), before, after);
            return after;
        });
    }
}
