package id.lindung.platform;

import id.lindung.shared.RupiahText;
import java.math.BigDecimal;
import java.util.List;

/**
 * A money field of a page form, read as the imports read an amount ({@link RupiahText}): an operator types
 * {@code 1.500.000} or {@code Rp 2.500.000} as on a receipt. What cannot be read is a problem of that field with the
 * form's own codes, so the form comes back with the typed text and a message beside the field.
 */
public final class MoneyField {

    private MoneyField() {}

    /**
     * The amount {@code text} writes, or null when it is blank or unreadable; an unreadable text adds a problem of
     * {@code field} to {@code problems}: {@code decimalsCode} for three or more decimals, else {@code invalidCode}.
     */
    public static BigDecimal read(String field, String text, String invalidCode, String decimalsCode, List<InputProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return RupiahText.parse(text);
        } catch (RupiahText.Unreadable e) {
            problems.add(e.reason() == RupiahText.Reason.MORE_THAN_TWO_DECIMALS
                    ? InputProblem.of(field, decimalsCode, field + " '" + InputProblem.shown(text.strip()) + "' has more than two decimals")
                    : InputProblem.of(field, invalidCode, field + " '" + InputProblem.shown(text.strip()) + "' is not an amount in rupiah"));
            return null;
        }
    }

    /** As {@link #read}, but an unreadable text is refused at once. */
    public static BigDecimal readOrThrow(String field, String text, String invalidCode, String decimalsCode) {
        List<InputProblem> problems = new java.util.ArrayList<>(1);
        BigDecimal amount = read(field, text, invalidCode, decimalsCode, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return amount;
    }
}
