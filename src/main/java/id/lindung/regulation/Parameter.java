package id.lindung.regulation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A regulation parameter and its values in date order, without gaps or overlaps.
 *
 * @param condition when the parameter applies, in words (for example "labour-intensive industries only"), or null
 */
public record Parameter(String id, String description, Unit unit, String condition, List<DatedValue> values) {

    public Parameter {
        values = List.copyOf(values);
    }

    public Optional<DatedValue> on(LocalDate date) {
        for (int i = values.size() - 1; i >= 0; i--) {
            DatedValue v = values.get(i);
            if (!date.isBefore(v.from())) {
                return v.covers(date) ? Optional.of(v) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    public boolean allVerified() {
        return values.stream().allMatch(DatedValue::verified);
    }
}
