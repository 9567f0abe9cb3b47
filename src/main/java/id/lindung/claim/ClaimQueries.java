package id.lindung.claim;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.PersonalData;
import id.lindung.access.RegionDirectory;
import id.lindung.access.RegionScope;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.Page;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Reading cases, always within the caller's scope (SQL range on region_code): outside it a case is not found. */
@Service
class ClaimQueries {

    private final ClaimStore store;
    private final CurrentActor actors;
    private final ClaimSettings settings;
    private final Clock clock;
    private final RegionDirectory regions;

    ClaimQueries(ClaimStore store, CurrentActor actors, ClaimSettings settings, Clock clock, RegionDirectory regions) {
        this.store = store;
        this.actors = actors;
        this.settings = settings;
        this.clock = clock;
        this.regions = regions;
    }

    ClaimCase get(long id) {
        Actor actor = actors.get();
        return view(store.get(id, actor.scope(), false), actor);
    }

    /** The case of a row already read (and locked) within the caller's scope. */
    ClaimCase view(ClaimStore.CaseRow row, Actor actor) {
        return ClaimView.of(parts(row), actor, settings, LocalDate.now(clock), clock.instant());
    }

    ClaimView.Parts parts(ClaimStore.CaseRow row) {
        String region = row.regionCode();
        long id = row.id();
        return new ClaimView.Parts(row, store.decisions(region, id), store.components(region, id), store.heirs(region, id),
                store.children(region, id), store.scholarships(region, id), store.documents(region, id), store.history(region, id));
    }

    Page<ClaimSummary> list(ClaimRequests.Filter f) {
        Actor actor = actors.get();
        RegionScope scope = narrow(f.region(), actor.scope());
        int size = f.size() <= 0 ? 50 : f.size();
        if (size > 500 || f.page() < 0) {
            throw new InvalidInputException(f.page() < 0 ? "page" : "size", "OUT_OF_RANGE", "page must be 0 or more and size at most 500");
        }
        Instant now = clock.instant();
        Map<ClaimStatus, Instant> overdueBefore = new EnumMap<>(ClaimStatus.class);
        for (ClaimStatus s : ClaimStatus.values()) {
            var after = settings.overdueAfter(s);
            if (after != null) {
                overdueBefore.put(s, now.minus(after));
            }
        }
        Page<ClaimStore.CaseRow> rows = store.list(scope, f.status(), f.type(), f.overdue(), overdueBefore, f.page(), size);
        return new Page<>(rows.items().stream().map(r -> new ClaimSummary(r.id(), PersonalData.nik(actor, r.nik()), r.workerName(),
                r.regionCode(), r.type(), r.incidentDate(), r.status(), r.eligible(), r.total(), r.statusSince(),
                ClaimView.overdue(r.status(), r.statusSince(), settings, now))).toList(), rows.page(), rows.size(), rows.total());
    }

    /** Cases read per statement of a download: the list's largest page. */
    private static final int DOWNLOAD_PAGE = 500;

    /**
     * Every case the filter selects (its page and size aside), newest first, a page at a time; more than {@code max} is
     * the {@code TOO_MANY_ROWS} error on {@code region}, said after the first page and before the rest is read.
     */
    List<ClaimSummary> all(ClaimRequests.Filter f, int max) {
        List<ClaimSummary> all = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            Page<ClaimSummary> p = list(new ClaimRequests.Filter(f.region(), f.status(), f.type(), f.overdue(), page, DOWNLOAD_PAGE));
            if (p.total() > max) {
                throw new InvalidInputException("region", "TOO_MANY_ROWS", "the list holds " + p.total()
                        + " cases, more than the " + max + " one download holds: choose a province, regency or district");
            }
            all.addAll(p.items());
            if (!p.hasNext()) {
                return all;
            }
        }
    }

    /** The region as a scope when the caller's covers it and it exists (404 if not, 400 if no region code); blank: the whole scope. */
    RegionScope narrow(String region, RegionScope scope) {
        return scope.narrow(region, regions);
    }
}
