package id.lindung.registry;

import id.lindung.shared.Programme;
import id.lindung.shared.ProtectionStatus;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * What the worker list needs of billing: the protection of each listed worker's programmes on a date, the same answer
 * as the worker's protection endpoint. Billing implements it; the registry declares it, so that billing depends on the
 * registry and never the other way round (as {@link BilledTerms}). Without an implementation the list shows no status.
 */
public interface ProtectionOnDate {

    /**
     * For workers the caller has already scoped (the rows of a list page, never ids from a request), in one set-based
     * read: worker id → programme → status, for the programmes whose membership had started by {@code date}; a worker
     * with none is absent.
     */
    Map<Long, Map<Programme, ProtectionStatus>> of(Collection<Long> workerIds, LocalDate date);
}
