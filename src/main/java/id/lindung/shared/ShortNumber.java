package id.lindung.shared;

import java.math.BigDecimal;
import java.math.MathContext;

/** A number as a message may repeat it, whatever was sent. */
public final class ShortNumber {

    private ShortNumber() {}

    /**
     * As written up to 24 characters, else in scientific form ({@code 1E+400}). The plain form's length is told from
     * precision and scale first: {@code toPlainString} of 1e999999999 would fill the heap.
     */
    public static String of(BigDecimal value) {
        long digits = (long) value.precision() - value.scale();
        long length = Math.max(digits, 1) + (value.scale() > 0 ? value.scale() + 1L : 0);
        if (length <= 24) {
            return value.toPlainString();
        }
        return value.round(new MathContext(6)).stripTrailingZeros().toString();
    }
}
