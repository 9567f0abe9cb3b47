package id.lindung.shared;

import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A proportion such as a contribution rate (0.24%) or a relief factor (1% payable), exact to
 * 10<sup>-9</sup> of the whole (10<sup>-7</sup> percent). Rates that cannot be held exactly are refused,
 * so a regulation value is never silently shortened.
 */
public final class Rate implements Comparable<Rate> {

    static final long ONE = 1_000_000_000L;
    public static final Rate ZERO = new Rate(0);
    public static final Rate WHOLE = new Rate(ONE);

    private final long nanos;

    private Rate(long nanos) {
        this.nanos = nanos;
    }

    /** From a percentage, for example {@code ofPercent("0.24")} for 0.24%. */
    public static Rate ofPercent(BigDecimal percent) {
        try {
            return new Rate(percent.movePointRight(7).setScale(0, RoundingMode.UNNECESSARY).longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Percentage " + percent.toPlainString() + " is finer than 1e-7 percent");
        }
    }

    public static Rate ofPercent(String percent) {
        return ofPercent(new BigDecimal(percent));
    }

    /** From a fraction of the whole, for example {@code ofFraction(BigDecimal("0.7"))} for 70%. */
    public static Rate ofFraction(BigDecimal fraction) {
        return ofPercent(fraction.movePointRight(2));
    }

    public BigDecimal percent() {
        return BigDecimal.valueOf(nanos, 7).stripTrailingZeros();
    }

    @JsonValue
    public String toJson() {
        return percent().toPlainString();
    }

    public boolean isZero() {
        return nanos == 0;
    }

    public Rate plus(Rate other) {
        return new Rate(Math.addExact(nanos, other.nanos));
    }

    /** 1 − this, for example the payable part when 99% is deferred. */
    public Rate complement() {
        return new Rate(Math.subtractExact(ONE, nanos));
    }

    /** The product of two rates; refused when it cannot be held exactly. */
    public Rate times(Rate other) {
        return new Rate(Rupiah.scale(nanos, other.nanos, ONE, RoundingMode.UNNECESSARY));
    }

    /** This rate of {@code base}, rounded to whole rupiah. */
    public Rupiah applyTo(Rupiah base, RoundingMode mode) {
        return base.scaleToRupiah(nanos, ONE, mode);
    }

    /** This rate of {@code base}, rounded to the sen (for comparing with published figures in sen). */
    public Rupiah applyToSen(Rupiah base, RoundingMode mode) {
        return base.scaleToSen(nanos, ONE, mode);
    }

    @Override
    public int compareTo(Rate o) {
        return Long.compare(nanos, o.nanos);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rate r && r.nanos == nanos;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(nanos);
    }

    @Override
    public String toString() {
        return percent().toPlainString() + "%";
    }
}
