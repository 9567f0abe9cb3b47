package id.lindung.contribution;

import id.lindung.regulation.DatedValue;
import id.lindung.regulation.Reference;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.shared.Rate;
import id.lindung.shared.Rupiah;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The regulation values in force on a contribution month's first day, each remembered as it is read. The regulation
 * version fingerprints them in the order they were read, so reading the same values in another order names another
 * version: {@link ContributionSchedule} reads them in one fixed order.
 */
final class ValuesInForce {

    private final RegulationCatalog catalog;
    private final LocalDate day;
    private final Map<String, DatedValue> used = new LinkedHashMap<>();

    ValuesInForce(RegulationCatalog catalog, LocalDate day) {
        this.catalog = catalog;
        this.day = day;
    }

    DatedValue value(String id) {
        return valueOn(id, day);
    }

    /** A value in force on another day than the month's first; it is remembered under its id all the same. */
    DatedValue valueOn(String id, LocalDate on) {
        DatedValue v = catalog.valueOn(id, on);
        used.put(id, v);
        return v;
    }

    /** Whether a value is in force, without remembering it. */
    Optional<DatedValue> find(String id) {
        return catalog.find(id, day);
    }

    /** A relief condition or deadline: only relief months have one. */
    LocalDate optionalDate(String id) {
        return catalog.find(id, day).map(v -> value(id).date()).orElse(null);
    }

    Rate rate(String id) {
        return value(id).rate();
    }

    Rupiah rupiah(String id) {
        return value(id).rupiah();
    }

    /** The references of values already read; a null id is skipped. */
    List<Reference> refs(String... ids) {
        List<Reference> list = new ArrayList<>();
        for (String id : ids) {
            if (id != null) {
                list.add(used.get(id).reference());
            }
        }
        return List.copyOf(list);
    }

    Collection<DatedValue> values() {
        return List.copyOf(used.values());
    }

    List<Reference> references() {
        return used.values().stream().map(DatedValue::reference).toList();
    }

    String fingerprint() {
        return RegulationCatalog.fingerprintValues(used.values());
    }
}
