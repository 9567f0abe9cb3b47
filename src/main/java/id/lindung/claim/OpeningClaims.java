package id.lindung.claim;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.access.CurrentActor;
import id.lindung.access.RegionScope;
import id.lindung.billing.Protection;
import id.lindung.shared.ProtectionStatus;
import id.lindung.claim.ClaimCase.Decision;
import id.lindung.claim.ClaimCase.Effect;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.registry.MembershipTerm;
import id.lindung.registry.NikChecker;
import id.lindung.registry.Worker;
import id.lindung.registry.WorkerStatus;
import id.lindung.registry.Workers;
import id.lindung.shared.RejectedException;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opening a case: the input rules ({@link ClaimInputRules}), the worker in the caller's scope, the named eligibility
 * policies ({@link Eligibility}) over the registry's terms and billing's protection status, the benefit by the
 * regulation in force on the incident date ({@link ClaimBenefit}), heirs, children and the scholarship schedule, all
 * stored in one transaction with the audit entry and, for a death, the registry's dated status change.
 */
@Service
class OpeningClaims {

    private final Workers workers;
    private final Protection protection;
    private final ClaimBenefit benefit;
    private final ClaimStore store;
    private final ClaimQueries queries;
    private final ClaimSettings settings;
    private final CurrentActor actors;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final NikChecker nikChecker;
    private final JsonMapper json;

    OpeningClaims(Workers workers, Protection protection, id.lindung.benefit.BenefitCalculator calculator,
                  id.lindung.regulation.RegulationCatalog catalog, ClaimStore store, ClaimQueries queries, ClaimSettings settings,
                  CurrentActor actors, AuditLog audit, TransactionTemplate tx, Clock clock, NikChecker nikChecker, JsonMapper json) {
        this.workers = workers;
        this.protection = protection;
        this.benefit = new ClaimBenefit(calculator, catalog);
        this.store = store;
        this.queries = queries;
        this.settings = settings;
        this.actors = actors;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.nikChecker = nikChecker;
        this.json = json;
    }

    /** What a case decides before it is stored. */
    record Evaluation(Worker worker, boolean eligible, List<Decision> decisions, List<ClaimCase.Component> components,
                      Rupiah total, Segment segment, Rupiah wage, List<ScholarshipSchedule.Year> scholarships) {

        List<Decision> refusals() {
            return decisions.stream().filter(d -> !d.passed() && d.effect() == Effect.REFUSES_CASE).toList();
        }
    }

    ClaimCase preview(ClaimRequests.Open request) {
        Actor actor = requireOpener();
        ClaimInputRules.requireValid(request, nikChecker, today());
        Evaluation e = tx.execute(status -> {
            status.setRollbackOnly();
            return evaluate(request, actor, false);
        });
        Instant now = clock.instant();
        ClaimStore.CaseRow row = new ClaimStore.CaseRow(0, e.worker().villageCode(), e.worker().id(), e.worker().nik(),
                e.worker().fullName(), request.type(), request.incidentDate(), request.reportedOn(),
                e.eligible() ? ClaimStatus.SUBMITTED : ClaimStatus.REJECTED, e.eligible(), null, null, null, e.total(),
                benefit.regulationVersion(), null, null, null, null, null, null, null, actor.username(), now, now);
        List<ClaimCase.Heir> heirs = new ArrayList<>();
        for (int i = 0; i < request.heirs().size(); i++) {
            var h = request.heirs().get(i);
            heirs.add(new ClaimCase.Heir(i + 1, h.name(), h.nik(), h.relationship(), h.bankAccount(), h.relationship().rank(), false));
        }
        List<ClaimStore.ScholarshipRow> years = e.scholarships().stream().map(y -> new ClaimStore.ScholarshipRow(y.child(),
                y.schoolYear(), y.level(), y.amount(), null, null, null, null, null)).toList();
        return ClaimView.of(new ClaimView.Parts(row, e.decisions(), e.components(), heirs, children(request), years, List.of(),
                List.of()), actor, settings, today(), now);
    }

    ClaimCase open(ClaimRequests.Open request) {
        Actor actor = requireOpener();
        ClaimInputRules.requireValid(request, nikChecker, today());
        return tx.execute(status -> {
            Evaluation e = evaluate(request, actor, true);
            if (!e.eligible() && !request.submitIfIneligible()) {
                throw InvalidInputException.refused(e.refusals().stream()
                        .map(d -> InputProblem.of(fieldOf(d.code()), d.code(), d.message())).toList());
            }
            Instant now = clock.instant();
            String region = e.worker().villageCode();
            ClaimStatus initial = e.eligible() ? ClaimStatus.SUBMITTED : ClaimStatus.REJECTED;
            String reason = e.eligible() ? null : String.join(", ", e.refusals().stream().map(Decision::code).toList());
            long id = store.insert(new ClaimStore.NewCase(region, e.worker().id(), request.type(), request.incidentDate(),
                    request.reportedOn(), initial, e.eligible(), json.writeValueAsString(request),
                    e.segment() == null ? null : e.segment().name(), e.wage(), e.total(), benefit.regulationVersion(), reason,
                    actor.username(), now));
            store.insertDecisions(region, id, e.decisions());
            store.insertComponents(region, id, e.components());
            store.insertHeirs(region, id, ClaimInputRules.normalisedHeirs(request.heirs()));
            store.insertChildren(region, id, ClaimInputRules.normalisedChildren(request.children()));
            store.insertScholarships(region, id, e.scholarships());
            store.addHistory(region, id, initial, "OPENED", reason, actor.username(), now);
            if (e.eligible() && request.type().death() && !WorkerStatus.DECEASED.name().equals(e.worker().status())) {
                // the death is a dated status change of the registry, in this transaction: both or neither
                workers.changeStatus(e.worker().nik(), WorkerStatus.DECEASED, "Klaim " + request.type() + " nomor " + id,
                        request.incidentDate());
            }
            ClaimCase opened = queries.view(store.get(id, actor.scope(), false), actor);
            audit.record("CREATE", "claim_case", Long.toString(id), region, null, auditState(opened));
            return opened;
        });
    }

    /** The decisions, benefit and schedule of a request; {@code lock} serialises cases of one worker. */
    Evaluation evaluate(ClaimRequests.Open r, Actor actor, boolean lock) {
        return evaluate(r, actor, lock, 0);
    }

    /** As when it opened, for an explicit recomputation of case {@code caseId} (which is not another case). */
    Evaluation evaluateExcluding(ClaimRequests.Open r, Actor actor, long caseId) {
        return evaluate(r, actor, true, caseId);
    }

    String regulationVersion() {
        return benefit.regulationVersion();
    }

    private Evaluation evaluate(ClaimRequests.Open r, Actor actor, boolean lock, long excluded) {
        RegionScope scope = actor.scope();
        Worker worker = workers.get(r.nik(), scope);
        if (lock) {
            store.lockWorker(worker.id());
        }
        List<MembershipTerm> terms = workers.terms(worker, scope).stream()
                .filter(t -> t.program() == r.type().programme())
                .sorted(Comparator.comparing(MembershipTerm::validFrom)).toList();
        LocalDate today = today();
        ProtectionStatus status = null;
        if (r.type().insuredRisk() && !r.incidentDate().isAfter(today)) {
            status = protection.ofWorker(worker.id(), r.incidentDate(), scope).programs().stream()
                    .filter(p -> p.program().equals(r.type().programme().name())).map(Protection.ProgramStatus::status)
                    .findFirst().orElse(null);
        }
        List<Eligibility.Child> children = new ArrayList<>();
        for (int i = 0; i < r.children().size(); i++) {
            children.add(new Eligibility.Child(i + 1, r.children().get(i).name(), r.children().get(i).birthDate()));
        }
        ScholarshipLimits limits = scholarshipLimits(r);
        Eligibility.Situation situation = new Eligibility.Situation(r.type(), r.incidentDate(), r.reportedOn(), today,
                terms.stream().map(t -> new Eligibility.Term(t.validFrom(), t.validTo(), t.segment())).toList(), status,
                store.casesOfWorker(worker.id()).stream().filter(c -> c.id() != excluded).toList(), children, limits.minYears(), limits.maxChildren(), limits.maxAge(),
                settings.reportLimitDays);
        List<Decision> decisions = new ArrayList<>(Eligibility.decide(situation));
        if (decisions.stream().anyMatch(d -> !d.passed() && d.effect() == Effect.REFUSES_CASE)) {
            return new Evaluation(worker, false, decisions, List.of(), Rupiah.ZERO, null, null, List.of());
        }
        MembershipTerm term = terms.stream().filter(t -> !t.validFrom().isAfter(r.incidentDate())).reduce((a, b) -> b)
                .orElse(terms.get(0));
        ClaimRequests.Facts facts = r.facts() == null ? ClaimRequests.Facts.NONE : r.facts();
        Rupiah wage = facts.wage() != null ? Rupiah.of(facts.wage(), java.math.RoundingMode.HALF_UP) : term.wage();
        List<ContributionHistory.Month> history = ContributionHistory.months(terms.stream()
                .map(t -> new ContributionHistory.Term(t.validFrom(), t.validTo(), t.wage())).toList(), YearMonth.from(r.incidentDate()));
        List<Integer> allowed = Eligibility.scholarshipChildren(situation, decisions);
        // a JP old-age lump sum pays back what was paid for the worker, as billing settled it
        List<id.lindung.benefit.PensionFacts.Paid> paid = r.type() != ClaimType.JP_OLD_AGE ? List.of()
                : store.paidContributions(worker.id(), r.type().programme(), YearMonth.from(terms.get(0).validFrom()),
                        YearMonth.from(r.incidentDate()));
        ClaimBenefit.Result result;
        try {
            result = benefit.compute(new ClaimBenefit.Input(r.type(), r.incidentDate(), term.segment(), wage,
                    situation.membershipStart(), allowed.size(), r, history, worker.birthDate(),
                    WorkerStatus.DECEASED.name().equals(worker.status()), paid));
        } catch (RejectedException e) {
            decisions.add(Eligibility.fail(e.code(), e.rejection().message(), Effect.REFUSES_CASE));
            return new Evaluation(worker, false, decisions, List.of(), Rupiah.ZERO, term.segment(), wage, List.of());
        }
        decisions.addAll(result.decisions());
        boolean eligible = decisions.stream().noneMatch(d -> !d.passed() && d.effect() == Effect.REFUSES_CASE);
        if (!eligible) {
            return new Evaluation(worker, false, decisions, List.of(), Rupiah.ZERO, term.segment(), wage, List.of());
        }
        Rupiah total = result.total();
        if (r.type().death() && HeirOrder.onlyFuneral(r.heirs().stream().map(ClaimRequests.HeirInput::relationship).toList())) {
            // PP 44/2015 Pasal 37: with no heir the funeral costs go to whoever arranged the funeral, the rest to the fund
            total = result.components().stream().filter(c -> c.code().equals("FUNERAL")).map(ClaimCase.Component::amount)
                    .reduce(Rupiah.ZERO, Rupiah::plus);
            decisions.add(Eligibility.fail("NO_HEIR", "No heir is named: only the funeral costs are paid, to whoever arranged "
                    + "the funeral; the rest of the benefit stays in the fund", Effect.WARNING));
        }
        List<ScholarshipSchedule.Year> years = List.of();
        if (!allowed.isEmpty() && result.components().stream().anyMatch(c -> c.code().equals("SCHOLARSHIP_MAX"))) {
            ScholarshipSchedule.Table table = benefit.scholarshipTable(r.type(), r.incidentDate());
            List<ScholarshipSchedule.Child> kids = allowed.stream().map(no -> {
                var c = r.children().get(no - 1);
                return new ScholarshipSchedule.Child(no, c.birthDate(), c.schoolLevel() == null ? SchoolLevel.NONE : c.schoolLevel());
            }).toList();
            years = ScholarshipSchedule.of(kids, r.incidentDate(), table);
        }
        return new Evaluation(worker, true, decisions, result.components(), total, term.segment(), wage, years);
    }

    /** The scholarship numbers the policies need on the incident date (regulation data; defaults before it exists). */
    private ScholarshipLimits scholarshipLimits(ClaimRequests.Open r) {
        if (!r.type().grantsScholarship() || r.children().isEmpty()) {
            return new ScholarshipLimits(3, 2, 23);
        }
        return benefit.scholarshipLimits(r.incidentDate());
    }

    record ScholarshipLimits(int minYears, int maxChildren, int maxAge) {}

    private Actor requireOpener() {
        Actor actor = actors.get();
        if (!actor.role().canChangeData()) {
            throw new AccessDeniedException("Role " + actor.role() + " may not open a claim");
        }
        return actor;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String fieldOf(String code) {
        return switch (code) {
            case Eligibility.INCIDENT_IN_FUTURE, Eligibility.INCIDENT_BEFORE_MEMBERSHIP, Eligibility.NOT_PROTECTED_ON_INCIDENT_DATE -> "incidentDate";
            default -> "case";
        };
    }

    private static List<ClaimCase.Child> children(ClaimRequests.Open r) {
        List<ClaimCase.Child> list = new ArrayList<>();
        for (int i = 0; i < r.children().size(); i++) {
            var c = r.children().get(i);
            list.add(new ClaimCase.Child(i + 1, c.name(), c.birthDate(), c.schoolLevel() == null ? SchoolLevel.NONE : c.schoolLevel(),
                    null, null));
        }
        return list;
    }

    /** What the audit trail keeps of a case: its decision and money, not its personal data. */
    static Map<String, Object> auditState(ClaimCase c) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("id", c.id());
        state.put("case", c.type());
        state.put("incidentDate", c.incidentDate());
        state.put("status", c.status());
        state.put("eligible", c.eligible());
        state.put("codes", c.decisions().stream().filter(d -> !d.passed()).map(Decision::code).toList());
        state.put("components", c.components().stream().map(x -> x.code() + "=" + x.amount().toBigDecimal().toPlainString()).toList());
        state.put("total", c.total().toBigDecimal().toPlainString());
        state.put("regulationVersion", c.regulationVersion());
        return state;
    }
}
