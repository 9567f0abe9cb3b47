package id.lindung.claim;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.TextRules;
import id.lindung.shared.Rupiah;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workflow: SUBMITTED → VERIFIED → APPROVED or REJECTED → PAID, by a BPJS officer only, with maker-checker (whoever
 * opened a case cannot approve it). A step not allowed from the status is a conflict (409); an approval with a required
 * document missing is refused with DOCUMENT_MISSING naming it; a payment must equal the approved total and go to a
 * recipient. Each step is in the case's history and the audit trail, in its transaction. Also the explicit, audited
 * recomputation of the benefit.
 */
@Service
class MovingClaims {

    private final ClaimStore store;
    private final ClaimQueries queries;
    private final OpeningClaims opening;
    private final CurrentActor actors;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final JsonMapper json;

    MovingClaims(ClaimStore store, ClaimQueries queries, OpeningClaims opening, CurrentActor actors, AuditLog audit,
                 TransactionTemplate tx, Clock clock, JsonMapper json) {
        this.store = store;
        this.queries = queries;
        this.opening = opening;
        this.actors = actors;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.json = json;
    }

    ClaimCase transition(long id, ClaimRequests.Transition t) {
        Actor actor = actors.get();
        store.get(id, actor.scope(), false);
        if (t == null || t.to() == null) {
            throw new InvalidInputException("to", "REQUIRED", "to is required: VERIFIED, APPROVED, REJECTED or PAID");
        }
        return tx.execute(status -> {
            ClaimStore.CaseRow row = store.get(id, actor.scope(), true);
            if (!actor.can(Role.BPJS_OFFICER)) {
                throw new AccessDeniedException("Only a BPJS officer verifies, approves, rejects and pays a claim");
            }
            if (!row.status().canMoveTo(t.to())) {
                throw InvalidInputException.conflict("to", "CLAIM_TRANSITION_NOT_ALLOWED", "A " + row.status() + " case cannot move to "
                        + t.to() + (row.status().next().isEmpty() ? " (it is final)" : "; allowed: " + row.status().next()));
            }
            ClaimCase before = queries.view(row, actor);
            String reason = reason(t);
            switch (t.to()) {
                case APPROVED -> approve(row, actor);
                case REJECTED -> {
                    if (reason == null) {
                        throw new InvalidInputException("reason", "REASON_REQUIRED", "A rejection needs a reason");
                    }
                    store.setRejection(row.regionCode(), id, reason);
                }
                case PAID -> pay(row, before, t.payment(), actor);
                case VERIFIED, SUBMITTED -> { }
            }
            Instant now = clock.instant();
            store.setStatus(row.regionCode(), id, t.to(), now);
            store.addHistory(row.regionCode(), id, t.to(), "TRANSITION", reason, actor.username(), now);
            ClaimCase after = queries.view(store.get(id, actor.scope(), false), actor);
            audit.record(t.to().name().equals("PAID") ? "PAY" : "TRANSITION", "claim_case", Long.toString(id), row.regionCode(),
                    OpeningClaims.auditState(before), OpeningClaims.auditState(after));
            return after;
        });
    }

    private void approve(ClaimStore.CaseRow row, Actor actor) {
        if (row.openedBy().equals(actor.username())) {
            // the name quoted, so it is one value whatever it holds (a digit, capitals) and placed in the Indonesian sentence
            throw new AccessDeniedException("Maker-checker: '" + actor.username() + "' opened case " + row.id()
                    + " and cannot approve it; another BPJS officer approves");
        }
        List<DocumentType> missing = ClaimView.missing(row.type(), store.documents(row.regionCode(), row.id()));
        if (!missing.isEmpty()) {
            throw InvalidInputException.refused(missing.stream().map(type -> InputProblem.of(type.name(), "DOCUMENT_MISSING",
                    "The required document " + type + " is missing")).toList());
        }
    }

    private void pay(ClaimStore.CaseRow row, ClaimCase current, ClaimRequests.PaymentInput p, Actor actor) {
        PaymentRules.requireComplete(p, LocalDate.now(clock));
        PaymentRules.requireNotBefore(p, row.fileCompleteOn());
        Rupiah amount = PaymentRules.requireAmount(p, row.total(), "the approved total");
        String heir = recipient(current, p.heir());
        store.setPayment(row.regionCode(), row.id(), PaymentRules.reference(p), p.date(), amount, heir, actor.username());
    }

    /** The recipient named by NIK or name: must receive by the heirs' order (a case paid to the worker names none). */
    static String recipient(ClaimCase c, String named) {
        List<ClaimCase.Heir> recipients = c.heirs().stream().filter(ClaimCase.Heir::recipient).toList();
        if (recipients.isEmpty()) {
            if (named != null && !named.isBlank()) {
                throw InvalidInputException.refused("payment.heir", "HEIR_NOT_RECIPIENT", "This case is paid to the worker, not to an heir");
            }
            return null;
        }
        if (named == null || named.isBlank()) {
            throw new InvalidInputException("payment.heir", "REQUIRED", "payment.heir (the recipient's NIK or name) is required: "
                    + recipients.stream().map(ClaimCase.Heir::name).toList());
        }
        String n = named.strip();
        return recipients.stream().filter(h -> n.equals(h.nik()) || n.equalsIgnoreCase(h.name())).map(ClaimCase.Heir::name).findFirst()
                .orElseThrow(() -> InvalidInputException.refused("payment.heir", "HEIR_NOT_RECIPIENT", "'" + named
                        + "' does not receive by the order of PP 44/2015 Pasal 37; recipients: '"
                        + recipients.stream().map(ClaimCase.Heir::name).collect(java.util.stream.Collectors.joining(", ")) + "'"));
    }

    private static String reason(ClaimRequests.Transition t) {
        if (t.reason() == null || t.reason().isBlank()) {
            return null;
        }
        TextRules.check("reason", t.reason(), TextRules.Kind.LINE, false).ifPresent(p -> {
            throw new InvalidInputException(List.of(p));
        });
        return TextRules.normalise(t.reason(), TextRules.Kind.LINE);
    }

    /**
     * Recomputes the benefit of a SUBMITTED or VERIFIED case with the regulation data as it is now, from the facts stored
     * when it opened: the replaced components stay on record, the history and the audit trail say who, when and why.
     */
    ClaimCase recompute(long id, ClaimRequests.Recompute request) {
        Actor actor = actors.get();
        store.get(id, actor.scope(), false);
        String reason = request == null || request.reason() == null || request.reason().isBlank() ? null : request.reason();
        if (reason == null) {
            throw new InvalidInputException("reason", "REASON_REQUIRED", "A recomputation needs a reason");
        }
        TextRules.check("reason", reason, TextRules.Kind.LINE, true).ifPresent(p -> {
            throw new InvalidInputException(List.of(p));
        });
        return tx.execute(status -> {
            ClaimStore.CaseRow row = store.get(id, actor.scope(), true);
            if (!actor.can(Role.BPJS_OFFICER)) {
                throw new AccessDeniedException("Only a BPJS officer recomputes a claim");
            }
            if (row.status() != ClaimStatus.SUBMITTED && row.status() != ClaimStatus.VERIFIED) {
                throw InvalidInputException.conflict("status", "CLAIM_NOT_RECOMPUTABLE", "A " + row.status()
                        + " case keeps what was decided; only a SUBMITTED or VERIFIED case is recomputed");
            }
            ClaimCase before = queries.view(row, actor);
            ClaimRequests.Open stored = json.readValue(row.request(), ClaimRequests.Open.class);
            // the case's own record does not count as another case for the same incident
            OpeningClaims.Evaluation e = opening.evaluateExcluding(stored, actor, id);
            if (!e.eligible()) {
                throw InvalidInputException.refused(e.refusals().stream().map(d -> InputProblem.of("case", d.code(), d.message())).toList());
            }
            Instant now = clock.instant();
            store.replaceComponents(row.regionCode(), id, now);
            store.insertComponents(row.regionCode(), id, e.components());
            store.setTotal(row.regionCode(), id, e.total(), opening.regulationVersion());
            store.deleteUnpaidScholarships(row.regionCode(), id);
            store.insertScholarships(row.regionCode(), id, e.scholarships());
            store.addHistory(row.regionCode(), id, row.status(), "RECOMPUTED", TextRules.normalise(reason, TextRules.Kind.LINE),
                    actor.username(), now);
            ClaimCase after = queries.view(store.get(id, actor.scope(), false), actor);
            Map<String, Object> b = OpeningClaims.auditState(before);
            b.put("reason", reason);
            audit.record("RECOMPUTE", "claim_case", Long.toString(id), row.regionCode(), b, OpeningClaims.auditState(after));
            return after;
        });
    }
}
