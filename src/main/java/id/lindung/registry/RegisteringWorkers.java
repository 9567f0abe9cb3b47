package id.lindung.registry;
import id.lindung.shared.Programme;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.TextRules;
import id.lindung.region.Region;
import id.lindung.registry.Workers.Registration;
import id.lindung.registry.Workers.TermChange;
import id.lindung.registry.internal.WorkerRows;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registering a worker with, optionally, the first memberships: the input is judged by {@link WorkerInputRules}, the
 * village must lie in the writer's area, and the NIK must not be registered anywhere.
 */
@Service
class RegisteringWorkers {

    private final NikLookups lookups;

    private final WorkerRows rows;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final WorkerAccess access;
    private final WorkerFacts facts;
    private final TermHistory terms;

    RegisteringWorkers(WorkerRows rows, JdbcClient jdbc, TransactionTemplate tx, AuditLog audit, WorkerAccess access,
                       WorkerFacts facts, TermHistory terms, NikLookups lookups) {
        this.lookups = lookups;
        this.rows = rows;
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.access = access;
        this.facts = facts;
        this.terms = terms;
    }

    /** See {@link Workers#register(Registration, List)}. */
    Worker register(Registration r, List<InputProblem> unreadable) {
        Actor actor = access.requireWriter();
        Region village = access.villageInScope(r.villageCode(), actor.scope());
        Set<WorkerInputRules.Field> skip = fields(unreadable);
        Registration withDefaults = withDefaults(r, skip);
        validate(withDefaults, unreadable, skip);
        // a NIK registered outside the caller's area is refused without saying where, and counts as a NIK probe
        lookups.anywhere(r.nik(), false).ifPresent(existing -> {
            throw access.duplicate(existing, actor);
        });
        try {
            return tx.execute(status -> insert(withDefaults, village, actor));
        } catch (DuplicateKeyException e) {
            throw access.duplicate(rows.findAnywhere(r.nik()).orElseThrow(() -> e), actor);
        }
    }

    /** See {@link Workers#warnings(Registration)}: with the defaults a registration is made with. */
    List<InputProblem> warnings(Registration r) {
        return facts.rules().warnings(facts.rules().withDefaults(input(r), facts.today(), Set.of())).stream()
                .map(WorkerInputRules.Warning::asInput).toList();
    }

    /** Blank membership values filled in as {@link WorkerInputRules#withDefaults} says, from today. */
    private Registration withDefaults(Registration r, Set<WorkerInputRules.Field> unreadable) {
        WorkerInputRules.WorkerInput in = facts.rules().withDefaults(input(r), facts.today(), unreadable);
        return new Registration(r.nik(), r.fullName(), r.sex(), r.birthDate(), r.villageCode(), r.phone(), r.kpj(),
                r.category(), r.extremePoverty(), r.povertyDecile(), r.programs(), in.segment(), in.wage(), in.riskGroup(),
                in.payer(), in.startDate());
    }

    private static WorkerInputRules.WorkerInput input(Registration r) {
        return new WorkerInputRules.WorkerInput(r.nik(), r.fullName(), r.sex(), r.birthDate(), r.villageCode(), r.category(),
                r.povertyDecile(), r.programs(), r.segment(), r.wage(), r.riskGroup(), r.payer(), r.startDate());
    }

    private static Set<WorkerInputRules.Field> fields(List<InputProblem> problems) {
        Set<WorkerInputRules.Field> fields = EnumSet.noneOf(WorkerInputRules.Field.class);
        for (InputProblem u : problems) {
            for (WorkerInputRules.Field f : WorkerInputRules.Field.values()) {
                if (f.inputName().equals(u.field())) {
                    fields.add(f);
                }
            }
        }
        return fields;
    }

    private void validate(Registration r, List<InputProblem> unreadable, Set<WorkerInputRules.Field> skip) {
        List<InputProblem> problems = new ArrayList<>(unreadable);
        facts.rules().check(input(r), skip).forEach(p -> problems.add(p.asInput()));
        WorkerInputRules.checkContact(r.phone(), r.kpj()).forEach(p -> problems.add(p.asInput()));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private Worker insert(Registration r, Region village, Actor actor) {
        long id = rows.insertWorker(r.nik(), TextRules.normalise(r.fullName(), TextRules.Kind.PERSON_NAME), r.sex(),
                r.birthDate(), village.code(), blankToNull(TextRules.normalise(r.phone(), TextRules.Kind.PHONE)),
                blankToNull(TextRules.normalise(r.kpj(), TextRules.Kind.KPJ)), r.category(),
                // a P3KE/DTKS decile is given for an extreme-poor household only: it flags the worker, as the import does
                r.extremePoverty() || r.povertyDecile() != null, r.povertyDecile(), actor.username());
        rows.statusEvent(id, village.code(), "ACTIVE", "REGISTERED", r.startDate() == null ? facts.today() : r.startDate(),
                actor.username());
        Worker worker = rows.byId(id);
        audit.record("CREATE", "worker", r.nik(), village.code(), null, worker);
        if (r.programs() != null) {
            for (Programme p : r.programs()) {
                terms.open(worker, new TermChange(p, r.segment(), r.wage(), r.riskGroup(), r.payer(), r.startDate()), actor);
            }
        }
        flagLikelyDuplicates(worker);
        return worker;
    }

    /** Same district of domicile, same birth date, names alike (trigram similarity ≥ 0.6), different NIK. */
    private void flagLikelyDuplicates(Worker w) {
        jdbc.sql(BulkRegistration.likelyDuplicates("n.id = :id")).param("id", w.id()).update();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
