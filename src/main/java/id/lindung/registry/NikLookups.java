package id.lindung.registry;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.access.CurrentActor;
import id.lindung.access.PersonalData;
import id.lindung.access.RegionScope;
import id.lindung.platform.NotFoundException;
import id.lindung.platform.TooManyRequestsException;
import id.lindung.registry.internal.WorkerRows;
import java.time.Clock;
import java.time.Duration;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every lookup of a worker by NIK goes through here, so a NIK cannot be used as an existence oracle (issue 12 items 1
 * and 12, docs/privacy.md):
 * <ul>
 * <li>a role that sees NIKs masked never finds a worker by NIK: its lookup answers exactly as a NIK that does not
 * exist (same status, same body);</li>
 * <li>a lookup that does not find the NIK in the caller's scope (absent, or registered outside the scope) is a "probe":
 * audited as {@code NIK_LOOKUP_OUTSIDE_SCOPE} with the masked NIK, and counted per user; past
 * {@code lindung.privacy.nik-probes-per-window} probes within {@code lindung.privacy.nik-probe-window} every NIK lookup
 * of that user answers 429 with Retry-After until the oldest probe leaves the window, whether the NIK exists or not.</li>
 * </ul>
 * The window is read from the business clock, so a test can step past it.
 */
@Component
class NikLookups {

    private final WorkerRows rows;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final int limit;
    private final long windowMillis;
    private final Map<String, Deque<Long>> probes = new ConcurrentHashMap<>();

    NikLookups(WorkerRows rows, CurrentActor currentActor, AuditLog audit, PlatformTransactionManager transactions, Clock clock,
               @Value("${lindung.privacy.nik-probes-per-window:30}") int limit,
               @Value("${lindung.privacy.nik-probe-window:PT10M}") Duration window) {
        this.rows = rows;
        this.currentActor = currentActor;
        this.audit = audit;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.limit = Math.max(1, limit);
        this.windowMillis = Math.max(1000, window.toMillis());
    }

    /** The worker of {@code nik} in {@code scope}; else, and always for a masked role, the same {@link NotFoundException}. */
    Worker inScope(String nik, RegionScope scope) {
        Actor actor = guard();
        Optional<Worker> found = PersonalData.mayAddressByNik(actor) ? rows.find(nik, scope, false) : Optional.empty();
        return found.orElseThrow(() -> probe(actor, nik));
    }

    /** {@link #inScope}, the row locked for update and its version moved on (the writes). */
    Worker lockedInScope(String nik, RegionScope scope) {
        Actor actor = guard();
        Optional<Worker> found = PersonalData.mayAddressByNik(actor) ? rows.find(nik, scope, true) : Optional.empty();
        Worker worker = found.orElseThrow(() -> probe(actor, nik));
        rows.advanceVersion(worker.id()); // under the lock: a stale edit (If-Match, the form's version) is refused here
        return worker;
    }

    /**
     * Where a NIK is registered, for the writer flows that must know it is registered elsewhere (the registration check,
     * a registration, the transfer request): an answer that the NIK is registered outside the caller's scope counts as a
     * probe, and so does "not registered" when {@code missIsProbe} (the transfer request; registering a new NIK is the
     * ordinary case and is not counted). Empty, and a probe, for a masked role.
     */
    Optional<Worker> anywhere(String nik, boolean missIsProbe) {
        Actor actor = guard();
        if (!PersonalData.mayAddressByNik(actor)) {
            probe(actor, nik);
            return Optional.empty();
        }
        Optional<Worker> found = rows.findAnywhere(nik);
        if (found.isPresent() ? !actor.scope().covers(found.get().villageCode()) : missIsProbe) {
            probe(actor, nik);
        }
        return found;
    }

    /** Counts and audits a lookup that did not find {@code nik} in scope; returns the not-found answer to throw. */
    NotFoundException probe(Actor actor, String nik) {
        if (isSystem(actor)) {
            return notFound(nik);
        }
        hits(actor).addLast(clock.millis());
        ownTransaction.executeWithoutResult(status -> audit.record("NIK_LOOKUP_OUTSIDE_SCOPE", "worker_lookup",
                PersonalData.mask(nik), actor.scope().isNational() ? null : actor.scope().code(), null, null));
        return notFound(nik);
    }

    /**
     * The NIKs of an import found registered outside {@code actor}'s scope: each is a probe, as a single registration's
     * "registered elsewhere" answer is. If they do not all fit in what is left of the user's window, the window is
     * filled (the user is held off as after that many single lookups) and the whole check is refused with 429, so a
     * file answers at most as many of them as single lookups would.
     */
    void probedByImport(Actor actor, java.util.List<String> niks) {
        if (niks.isEmpty() || isSystem(actor)) {
            return;
        }
        guard(actor);
        Deque<Long> times = hits(actor);
        long now = clock.millis();
        int room;
        synchronized (times) {
            room = limit - times.size();
            for (int i = 0; i < Math.min(room, niks.size()); i++) {
                times.addLast(now);
            }
        }
        java.util.List<String> counted = niks.subList(0, Math.max(0, Math.min(room, niks.size())));
        ownTransaction.executeWithoutResult(status -> counted.forEach(nik -> audit.record("NIK_LOOKUP_OUTSIDE_SCOPE",
                "worker_lookup", PersonalData.mask(nik), actor.scope().isNational() ? null : actor.scope().code(), null,
                Map.of("via", "import"))));
        if (niks.size() > room) {
            throw new TooManyRequestsException("TOO_MANY_NIK_LOOKUPS", "The file names " + niks.size() + " NIKs registered"
                    + " outside your area, more than the " + limit + " lookups allowed in " + windowMillis / 60_000
                    + " minutes; ask the district office (DPMD) to transfer those workers, or import them in smaller files later",
                    (windowMillis + 999) / 1000);
        }
    }

    /** The answer to a NIK that is not there, the same for every cause. */
    static NotFoundException notFound(String nik) {
        return new NotFoundException("Worker " + PersonalData.mask(nik) + " not found");
    }

    /** The actor, if it may look a NIK up now; else 429. A call with nobody signed in is the system's (jobs, tests). */
    private Actor guard() {
        return guard(currentActor.find().orElseGet(() -> Actor.system("registry")));
    }

    private Actor guard(Actor actor) {
        if (isSystem(actor)) {
            return actor;
        }
        Deque<Long> times = hits(actor);
        long now = clock.millis();
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() >= windowMillis) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                long retry = (times.peekFirst() + windowMillis - now + 999) / 1000;
                throw new TooManyRequestsException("TOO_MANY_NIK_LOOKUPS", "Too many lookups of NIKs that are not in your"
                        + " area; try again in " + retry + " s", retry);
            }
        }
        return actor;
    }

    /** Jobs, the CLI's system actor and internal calls are not limited: they are not a person probing. */
    private static boolean isSystem(Actor actor) {
        return actor.username() != null && actor.username().startsWith("system:");
    }

    private Deque<Long> hits(Actor actor) {
        return probes.computeIfAbsent(actor.username(), u -> new java.util.concurrent.ConcurrentLinkedDeque<>());
    }
}
