package id.lindung.platform;

import java.util.Arrays;
import java.util.Locale;

/**
 * A named filter value read in any case, as every list reads it: ASCII padding trimmed, ASCII letters only. Names are
 * ASCII, and "paıd" (a dotless i) or "actıve" upper-case to PAID and ACTIVE in Java: they are no names.
 */
public final class EnumNames {

    private EnumNames() {}

    /** The constant named by {@code text}; {@code null} for a blank value (no filter); else {@link IllegalArgumentException}. */
    public static <E extends Enum<E>> E parse(Class<E> type, String text) {
        if (text == null) {
            return null;
        }
        String v = text.trim();
        if (!v.chars().allMatch(c -> c < 128)) {
            throw new IllegalArgumentException("'" + v + "' is not a name of " + type.getSimpleName());
        }
        return v.isEmpty() ? null : Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
    }

    /** {@link #parse}, refused as 400 {@code INVALID_VALUE} on {@code field}, naming the allowed values. */
    public static <E extends Enum<E>> E parse(Class<E> type, String text, String field) {
        try {
            return parse(type, text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "INVALID_VALUE", field + " '" + InputProblem.shown(text.strip()) + "' is not one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }
}
