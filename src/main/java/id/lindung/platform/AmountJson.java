package id.lindung.platform;

import id.lindung.shared.Rupiah;
import java.math.BigDecimal;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * The JSON numbers the billing API has always sent for amounts read from {@code numeric(18,2)} columns, now that
 * billing holds them as {@link Rupiah} (whose own JSON form, the quote API's, drops whole rupiah's decimals).
 */
public final class AmountJson {

    private AmountJson() {}

    /** Two decimals, as a stored amount or a sum of stored amounts: {@code 150000.00}, {@code 0.00}. */
    public static BigDecimal withSen(Rupiah amount) {
        return amount.toBigDecimal();
    }

    /**
     * A sum that SQL coalesces to {@code 0} when there is nothing to sum: {@code 0} when zero, else two decimals.
     * For sums of positive amounts (payments allocated, a run's lines), zero means there was nothing.
     */
    public static BigDecimal summed(Rupiah amount) {
        return amount.isZero() ? BigDecimal.ZERO : amount.toBigDecimal();
    }

    /** Writes {@link #withSen}. */
    public static final class WithSen extends ValueSerializer<Rupiah> {
        @Override
        public void serialize(Rupiah value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeNumber(withSen(value));
        }
    }

    /** Writes {@link #summed}. */
    public static final class Summed extends ValueSerializer<Rupiah> {
        @Override
        public void serialize(Rupiah value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeNumber(summed(value));
        }
    }
}
