package id.lindung.registry;
import id.lindung.shared.Programme;

import id.lindung.access.Actor;
import id.lindung.platform.InvalidInputException;
import id.lindung.registry.Workers.TermChange;
import id.lindung.registry.internal.WorkerRows;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Opening, versioning and ending a worker's memberships, as dated versions that never overwrite. */
@Service
class ChangingMemberships {

    private final NikLookups lookups;

    private final WorkerRows rows;
    private final TransactionTemplate tx;
    private final WorkerAccess access;
    private final WorkerFacts facts;
    private final TermHistory terms;

    ChangingMemberships(WorkerRows rows, TransactionTemplate tx, WorkerAccess access, WorkerFacts facts, TermHistory terms, NikLookups lookups) {
        this.lookups = lookups;
        this.rows = rows;
        this.tx = tx;
        this.access = access;
        this.facts = facts;
        this.terms = terms;
    }

    /** See {@link Workers#changeTerms}. */
    MembershipTerm changeTerms(String nik, TermChange requested) {
        Actor actor = access.requireWriter();
        TermChange change = requested.withDefaults();
        return tx.execute(status -> {
            Worker worker = lookups.lockedInScope(nik, actor.scope());
            if (!worker.status().equals(WorkerStatus.ACTIVE.name())) {
                throw InvalidInputException.conflict("status", "WORKER_NOT_ACTIVE", "The worker is " + worker.status()
                        + ": memberships are opened or changed only for an active worker");
            }
            List<WorkerInputRules.Problem> problems = facts.rules().check(change.input(), worker.villageCode(), nik);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems.stream().map(WorkerInputRules.Problem::asTermChange).toList());
            }
            Optional<MembershipTerm> open = rows.openTerm(worker.id(), change.program());
            if (open.isPresent()) {
                MembershipTerm current = open.get();
                PayerRef payer = PayerRef.parse(change.payer(), worker.villageCode(), nik);
                if (current.segment() == change.segment() && current.wage().toBigDecimal().compareTo(change.wage()) == 0
                        && current.riskGroup() == change.riskGroup() && current.workerPayerCode().equals(payer.code())) {
                    return current;
                }
                if (!change.validFrom().isAfter(current.validFrom())) {
                    throw InvalidInputException.refused("validFrom", "START_NOT_AFTER_CURRENT", "The new terms must start after "
                            + current.validFrom() + ", when the current terms started");
                }
                terms.close(worker, current, change.validFrom(), EndReason.CHANGED);
            } else {
                // a closed term still running on the new start (an end scheduled after it): the database refused the
                // overlap and the caller got a 500
                Optional<MembershipTerm> later = rows.termEndingAfter(worker.id(), change.program(), change.validFrom());
                if (later.isPresent()) {
                    throw InvalidInputException.conflict("validFrom", "TERMS_OVERLAP", "The " + change.program() + " terms from "
                            + later.get().validFrom() + " run until " + later.get().validTo() + ": new terms may start on or after that");
                }
            }
            return terms.open(worker, change, actor);
        });
    }

    /** See {@link Workers#endTerm}. */
    MembershipTerm endTerm(String nik, Programme program, LocalDate endDate, EndReason reason) {
        Actor actor = access.requireWriter();
        if (reason == null || reason == EndReason.CHANGED) {
            throw new InvalidInputException("reason", "REASON_REQUIRED", "Ending a membership needs a reason: "
                    + "DECEASED, RESIGNED, END_OF_TERM, LAPSED, TRANSFERRED or OTHER");
        }
        if (endDate == null) {
            throw new InvalidInputException("endDate", "REQUIRED", "Ending a membership needs a date");
        }
        return tx.execute(status -> {
            Worker worker = lookups.lockedInScope(nik, actor.scope());
            MembershipTerm current = rows.openTerm(worker.id(), program).orElseThrow(() ->
                    InvalidInputException.conflict("program", "NOT_OPEN", nik + " holds no open " + program + " membership"));
            if (!endDate.isAfter(current.validFrom())) {
                // the open term has not started by then: it is withdrawn and the term it was to follow ends instead
                long ended = terms.endBefore(worker, current, endDate, reason).orElseThrow(() -> InvalidInputException.refused("endDate",
                        "END_NOT_AFTER_START", "The end date must be after " + current.validFrom()));
                return rows.termById(ended);
            }
            terms.close(worker, current, endDate, reason);
            return rows.termById(current.id());
        });
    }
}
