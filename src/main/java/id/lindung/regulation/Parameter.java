package id.lindung.regulation;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A regulation parameter and its values in date order, without gaps or overlaps.
 *
 * @param description what the parameter is, in English
 * @param condition when the parameter applies, in words (for example "labour-intensive industries only"), or null
 * @param descriptionInIndonesian the description in Indonesian, or null when the data file has none
 * @param conditionInIndonesian the condition in Indonesian, or null
 */
public record Parameter(String id, String description, Unit unit, String condition, List<DatedValue> values,
                        String descriptionInIndonesian, String conditionInIndonesian) {

    public Parameter {
        values = List.copyOf(values);
    }

    public Parameter(String id, String description, Unit unit, String condition, List<DatedValue> values) {
        this(id, description, unit, condition, values, null, null);
    }

    /** The description in the page's language, falling back to the other language. */
    public String description(Locale locale) {
        return Bilingual.pick(locale, description, descriptionInIndonesian);
    }

    public String condition(Locale locale) {
        return Bilingual.pick(locale, condition, conditionInIndonesian);
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
