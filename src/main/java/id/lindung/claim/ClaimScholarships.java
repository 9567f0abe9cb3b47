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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scholarship years of a case after it opened: a child's marriage or employment, recorded on the child with its
 * date, stops every year from then on; a year is paid by a BPJS officer once it is DUE (its school certificate is in and
 * the case approved), for exactly its amount, recorded like a case payment and audited.
 */
@Service
class ClaimScholarships {

    private final ClaimStore store;
    private final ClaimQueries queries;
    private final CurrentActor actors;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    ClaimScholarships(ClaimStore store, ClaimQueries queries, CurrentActor actors, AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.queries = queries;
        this.actors = actors;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    ClaimCase recordStop(long id, int child, ClaimRequests.ChildStopInput stop) {
        Actor actor = actors.get();
        // the case first: outside the scope it is not found, whatever is wrong with the request
        store.get(id, actor.scope(), false);
        if (!actor.role().canChangeData()) {
            throw new AccessDeniedException("Role " + actor.role() + " may not change a claim");
        }
        List<InputProblem> problems = new ArrayList<>();
        if (stop == null || stop.stop() == null) {
            problems.add(InputProblem.of("stop", "REQUIRED", "stop is required: MARRIED or EMPLOYED"));
        }
        if (stop == null || stop.on() == null) {
            problems.add(InputProblem.of("on", "REQUIRED", "on (the date) is required"));
        } else if (stop.on().isAfter(LocalDate.now(clock))) {
            problems.add(InputProblem.of("on", "DATE_IN_FUTURE", "on is after today"));
        } else if (ClaimInputRules.outOfRange(stop.on(), LocalDate.now(clock))) {
            problems.add(InputProblem.of("on", "OUT_OF_RANGE", "on must be from 1900-01-01"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return tx.execute(status -> {
            ClaimStore.CaseRow row = store.get(id, actor.scope(), true);
            if (store.children(row.regionCode(), id).stream().noneMatch(c -> c.no() == child)) {
                throw new id.lindung.platform.NotFoundException("Child " + child + " of claim " + id + " not found");
            }
            ClaimCase before = queries.view(row, actor);
            store.recordChildStop(row.regionCode(), id, child, stop.stop(), stop.on());
            ClaimCase after = queries.view(store.get(id, actor.scope(), false), actor);
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("child", child);
            change.put("stop", stop.stop());
            change.put("on", stop.on());
            change.put("stoppedYears", after.scholarships().stream().filter(s -> s.childNo() == child
                    && s.status() == ClaimCase.ScholarshipStatus.STOPPED).map(ClaimCase.Scholarship::schoolYear).toList());
            audit.record("CHILD_STOP", "claim_case", Long.toString(id), row.regionCode(), OpeningClaims.auditState(before), change);
            return after;
        });
    }

    ClaimCase pay(long id, ClaimRequests.ScholarshipPayment request) {
        Actor actor = actors.get();
        store.get(id, actor.scope(), false);
        if (!actor.can(Role.BPJS_OFFICER)) {
            throw new AccessDeniedException("Only a BPJS officer records a scholarship payment");
        }
        if (request == null || request.child() == null) {
            throw new InvalidInputException("child", "REQUIRED", "child (its number on the case), schoolYear and payment are required");
        }
        if (request.payment() == null) {
            throw new InvalidInputException("payment", "REQUIRED", "child, schoolYear and payment are required");
        }
        Integer year = ScholarshipSchedule.requireLabel("schoolYear", request.schoolYear());
        int child = request.child();
        ClaimRequests.PaymentInput p = request.payment();
        PaymentRules.requireComplete(p, LocalDate.now(clock));
        return tx.execute(status -> {
            ClaimStore.CaseRow row = store.get(id, actor.scope(), true);
            if (!actor.can(Role.BPJS_OFFICER)) {
                throw new AccessDeniedException("Only a BPJS officer records a scholarship payment");
            }
            ClaimCase before = queries.view(row, actor);
            ClaimCase.Scholarship s = before.scholarships().stream()
                    .filter(x -> x.childNo() == child && x.schoolYear().equals(ScholarshipSchedule.label(year))).findFirst()
                    .orElseThrow(() -> new id.lindung.platform.NotFoundException("No scholarship for child " + child
                            + " in " + request.schoolYear()));
            if (s.status() != ClaimCase.ScholarshipStatus.DUE) {
                throw InvalidInputException.conflict("schoolYear", "SCHOLARSHIP_NOT_DUE", "The scholarship year is " + s.status()
                        + ": it is due once the case is approved and the year's SCHOOL_CERTIFICATE is uploaded");
            }
            Rupiah amount = PaymentRules.requireAmount(p, s.amount(), "the year's amount");
            store.payScholarship(row.regionCode(), id, child, year, PaymentRules.reference(p),
                    p.date(), amount, actor.username());
            ClaimCase after = queries.view(store.get(id, actor.scope(), false), actor);
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("child", child);
            change.put("schoolYear", s.schoolYear());
            change.put("amount", amount.toBigDecimal().toPlainString());
            change.put("reference", p.reference());
            change.put("date", p.date());
            audit.record("PAY_SCHOLARSHIP", "claim_case", Long.toString(id), row.regionCode(), null, change);
            return after;
        });
    }
}
