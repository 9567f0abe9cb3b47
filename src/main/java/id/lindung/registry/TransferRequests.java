package id.lindung.registry;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.access.AuditTrail;
import id.lindung.access.RegionScope;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.NotFoundException;
import id.lindung.region.Region;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A village asks for a worker registered in a village it may not see: only a user whose area covers both villages
 * (the DPMD of the regency, or of the province across regencies) may move the worker ({@link Workers#transfer}).
 * A request is kept in the audit trail, not in a table of its own: one {@code TRANSFER_REQUESTED} event in each
 * village's trail (the requesting village's, and the worker's, which is how the worker page finds it), with the
 * entity id {@code <worker id>:<requested village>} so that no NIK is stored with it, and the masked NIK and the
 * requesting user in its state. It is open until the worker is in the requested village or a DPMD declines it
 * ({@code TRANSFER_REQUEST_DECLINED}). docs/registry.md says why.
 */
@Service
public class TransferRequests {

    private final NikLookups lookups;

    static final String ENTITY = "transfer_request";
    static final String REQUESTED = "TRANSFER_REQUESTED";
    static final String DECLINED = "TRANSFER_REQUEST_DECLINED";
    /** The newest events read per village or area: requests are rare, and an old one is looked at long before this. */
    private static final int WINDOW = 500;

    /** An open request: the worker, the village asking for it, who asked and when. */
    public record Request(long workerId, String targetVillage, String targetVillageName, String requestedBy,
                          OffsetDateTime requestedAt) {}

    private final Workers workers;
    private final WorkerAccess access;
    private final WorkerQueries queries;
    private final AuditLog audit;
    private final AuditTrail trail;
    private final TransactionTemplate tx;
    private final java.time.Clock clock;

    TransferRequests(Workers workers, WorkerAccess access, WorkerQueries queries, AuditLog audit, AuditTrail trail,
                     TransactionTemplate tx, java.time.Clock clock, NikLookups lookups) {
        this.lookups = lookups;
        this.clock = clock;
        this.workers = workers;
        this.access = access;
        this.queries = queries;
        this.audit = audit;
        this.trail = trail;
        this.tx = tx;
    }

    /**
     * Records that the caller's village {@code targetVillage} asks for the worker of {@code nik}, who is registered in
     * a village outside the caller's area. Asking again while a request is open records nothing.
     *
     * @return false when an open request of that village already existed
     */
    public boolean request(String nik, String targetVillage) {
        Actor actor = access.requireWriter();
        Region village = access.villageInScope(targetVillage, actor.scope());
        Worker worker = lookups.anywhere(nik, true).orElseThrow(() -> new NotFoundException("NIK " + NikCheck.mask(nik) + " is not registered"));
        if (actor.scope().covers(worker.villageCode())) {
            throw InvalidInputException.refused("nik", "TRANSFER_IN_YOUR_AREA", "The worker is registered in your area: transfer it yourself");
        }
        return Boolean.TRUE.equals(tx.execute(status -> {
            if (isOpen(worker, village.code(), events(worker.villageCode()))) {
                return false;
            }
            record(REQUESTED, worker, village.code(), actor);
            return true;
        }));
    }

    /** Declines an open request: a writer whose area covers both villages. */
    public void decline(long workerId, String targetVillage) {
        Actor actor = access.requireWriter();
        Worker worker = workers.getById(workerId, actor.scope());
        if (!actor.scope().covers(targetVillage)) {
            throw new AccessDeniedException("The requesting village is outside your area");
        }
        tx.executeWithoutResult(status -> {
            if (!isOpen(worker, targetVillage, events(worker.villageCode()))) {
                throw InvalidInputException.conflict("request", "REQUEST_NOT_OPEN", "There is no open transfer request of "
                        + targetVillage + " for this worker");
            }
            record(DECLINED, worker, targetVillage, actor);
        });
    }

    /** The open requests for a worker the scope covers, of villages the scope covers too (the ones it can complete). */
    public List<Request> openFor(Worker worker, RegionScope scope) {
        List<AuditTrail.Event> events = events(worker.villageCode());
        return latest(events).values().stream()
                .filter(e -> e.action().equals(REQUESTED) && workerId(e) == worker.id())
                .filter(e -> scope.covers(target(e)) && !worker.villageCode().equals(target(e)))
                .map(this::toRequest).toList();
    }

    /** Every open request the scope can complete: worker and requesting village both in scope. */
    public List<Request> open(RegionScope scope) {
        List<Request> open = new ArrayList<>();
        for (AuditTrail.Event e : latest(trail.ofType(ENTITY, scope, WINDOW)).values()) {
            if (!e.action().equals(REQUESTED) || !scope.covers(target(e))) {
                continue;
            }
            Optional<Worker> worker = inScope(workerId(e), scope);
            if (worker.isPresent() && !worker.get().villageCode().equals(target(e))) {
                open.add(toRequest(e));
            }
        }
        return open;
    }

    private boolean isOpen(Worker worker, String targetVillage, List<AuditTrail.Event> events) {
        AuditTrail.Event last = latest(events).get(worker.id() + ":" + targetVillage);
        return last != null && last.action().equals(REQUESTED) && !worker.villageCode().equals(targetVillage);
    }

    private void record(String action, Worker worker, String targetVillage, Actor actor) {
        Map<String, String> state = Map.of("nik", NikCheck.mask(worker.nik()), "targetVillage", targetVillage,
                "requestedBy", actor.username());
        String id = worker.id() + ":" + targetVillage;
        audit.record(action, ENTITY, id, targetVillage, null, state);
        audit.record(action, ENTITY, id, worker.villageCode(), null, state);
    }

    private List<AuditTrail.Event> events(String villageCode) {
        return trail.ofType(ENTITY, RegionScope.of(villageCode), WINDOW);
    }

    /** The last event of each request (worker and village), in order of the first. */
    private static Map<String, AuditTrail.Event> latest(List<AuditTrail.Event> events) {
        Map<String, AuditTrail.Event> last = new LinkedHashMap<>();
        events.forEach(e -> last.put(e.entityId(), e));
        return last;
    }

    private Optional<Worker> inScope(long workerId, RegionScope scope) {
        try {
            return Optional.of(workers.getById(workerId, scope));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private Request toRequest(AuditTrail.Event e) {
        // shown as a date: the date in the business zone
        return new Request(workerId(e), target(e), workers.villageName(target(e)), e.username(),
                e.occurredAt().atZoneSameInstant(clock.getZone()).toOffsetDateTime());
    }

    private static long workerId(AuditTrail.Event e) {
        return Long.parseLong(e.entityId().substring(0, e.entityId().indexOf(':')));
    }

    private static String target(AuditTrail.Event e) {
        return e.entityId().substring(e.entityId().indexOf(':') + 1);
    }
}
