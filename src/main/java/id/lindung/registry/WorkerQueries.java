package id.lindung.registry;

import id.lindung.access.PersonalData;
import id.lindung.access.RegionScope;
import id.lindung.platform.Page;
import id.lindung.registry.Workers.Listed;
import id.lindung.registry.Workers.Query;
import id.lindung.registry.Workers.Registered;
import id.lindung.registry.internal.WorkerRows;
import id.lindung.registry.internal.WorkerSearch;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/** Reading workers, their terms and history, always within the caller's region scope. */
@Service
class WorkerQueries {

    private final WorkerRows rows;
    private final WorkerSearch search;
    private final WorkerAccess access;

    private final NikLookups lookups;

    WorkerQueries(WorkerRows rows, WorkerSearch search, WorkerAccess access, NikLookups lookups) {
        this.lookups = lookups;
        this.rows = rows;
        this.search = search;
        this.access = access;
    }

    Worker get(String nik, RegionScope scope) {
        return lookups.inScope(nik, scope);
    }

    Worker getByPublicId(java.util.UUID publicId, RegionScope scope) {
        return rows.getByPublicId(publicId, scope);
    }

    Worker getById(long id, RegionScope scope) {
        return rows.getById(id, scope);
    }

    List<MembershipTerm> terms(Worker w, RegionScope scope) {
        return rows.terms(w.id(), scope);
    }

    List<StatusEvent> history(Worker w) {
        return rows.history(w.id());
    }

    List<MembershipTerm> terms(String nik, RegionScope scope) {
        return rows.terms(get(nik, scope).id(), scope);
    }

    List<StatusEvent> history(String nik, RegionScope scope) {
        return rows.history(get(nik, scope).id());
    }

    Optional<Worker> findAnywhere(String nik) {
        return rows.findAnywhere(nik);
    }

    /** Where a NIK is registered as a writer may know it; every answer but "in your area" counts as a NIK probe. */
    Optional<Registered> registration(String nik, RegionScope scope) {
        return lookups.anywhere(nik, false).map(w -> scope.covers(w.villageCode())
                ? new Registered(w.id(), new DuplicateNikException.Location(w.villageCode(), access.villageName(w.villageCode()),
                        w.category()))
                : new Registered(null, null));
    }

    Page<Listed> list(Query query, RegionScope scope, int page, int size) {
        RegionScope effective = access.narrow(query.regionCode(), scope);
        int limit = Math.max(1, Math.min(size, 500));
        int offset = Math.max(0, page) * limit;
        boolean nikPrefixes = PersonalData.mayAddressByNik(access.current());
        long total = search.count(query, effective, nikPrefixes);
        List<Listed> items = search.page(query, effective, nikPrefixes, limit, offset);
        return new Page<>(items, Math.max(0, page), limit, total);
    }

    Listed listed(Worker w) {
        return search.one(w);
    }

    List<Listed> listed(List<Worker> ws, RegionScope scope) {
        return search.of(ws, scope);
    }

    void forEach(Query query, RegionScope scope, Consumer<Listed> each) {
        RegionScope effective = access.narrow(query.regionCode(), scope);
        search.forEach(query, effective, PersonalData.mayAddressByNik(access.current()), each);
    }

    long version(String nik, RegionScope scope) {
        return rows.version(nik, scope);
    }
}
