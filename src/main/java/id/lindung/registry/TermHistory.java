package id.lindung.registry;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.registry.internal.WorkerRows;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dated versions of a worker's memberships: opening, closing and withdrawing terms, each audited, shared by the
 * use cases that change memberships (registering, changing terms, transferring, changing status).
 */
@Component
class TermHistory {

    private final WorkerRows rows;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final BilledTerms billedTerms;

    TermHistory(WorkerRows rows, JdbcClient jdbc, AuditLog audit, BilledTerms billedTerms) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.audit = audit;
        this.billedTerms = billedTerms;
    }

    MembershipTerm open(Worker worker, Workers.TermChange change, Actor actor) {
        PayerRef payer = PayerRef.parse(change.payer(), worker.villageCode(), worker.nik());
        long payerId = ensurePayer(payer);
        long id = rows.insertTerm(worker.id(), worker.villageCode(), change.program(), change.segment(), change.wage(),
                change.riskGroup(), payerId, change.validFrom(), actor.username());
        MembershipTerm term = rows.termById(id);
        audit.record("CREATE", "membership_term", String.valueOf(id), worker.villageCode(), null, term);
        return term;
    }

    void close(Worker worker, MembershipTerm term, LocalDate validTo, EndReason reason) {
        rows.closeTerm(term.id(), validTo, reason);
        audit.record("END", "membership_term", String.valueOf(term.id()), worker.villageCode(), term, rows.termById(term.id()));
    }

    /**
     * Ends a membership on {@code on} when its open term {@code open} only starts on or after that date (a change
     * scheduled for later): the open term never ran, so it is withdrawn (deleted, with its full record in the audit
     * trail), and the term it was to follow, running on {@code on}, ends then with {@code reason}. Empty when there is
     * no such predecessor, or when the open term was billed already (withdrawing it would orphan its bill lines).
     */
    Optional<Long> endBefore(Worker worker, MembershipTerm open, LocalDate on, EndReason reason) {
        if (billedTerms.billed(open.id())) {
            return Optional.empty();
        }
        Optional<MembershipTerm> running = rows.lockPredecessorRunningOn(worker.id(), open, on);
        if (running.isEmpty()) {
            return Optional.empty();
        }
        rows.deleteOpenTerm(open.id());
        audit.record("WITHDRAW", "membership_term", String.valueOf(open.id()), worker.villageCode(), open, null);
        rows.endTerm(running.get().id(), on, reason);
        audit.record("END", "membership_term", String.valueOf(running.get().id()), worker.villageCode(), running.get(),
                rows.termById(running.get().id()));
        return Optional.of(running.get().id());
    }

    /**
     * The payer's id. Government payers exist for every desa, regency and province (V47); an employer or donor
     * named for the first time in its region is created there, audited (docs/decisions/0006-payer-register.md).
     */
    long ensurePayer(PayerRef payer) {
        PayerRows.Ensured ensured = PayerRows.ensure(jdbc, payer);
        if (ensured.created() && payer.payerCode().kind().isRegisteredByUsers()) {
            audit.record("CREATE", "payer", payer.code(), payer.regionCode(), null, payer);
        }
        return ensured.id();
    }
}
