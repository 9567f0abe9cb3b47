package id.lindung.shared;

import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An amount of Indonesian rupiah, exact to the sen (1/100 rupiah). Immutable. Arithmetic that can
 * lose precision takes a {@link RoundingMode}; nothing rounds silently and overflow throws.
 *
 * <p>The value is held as a count of sen in a {@code long} (range about ±92 quadrillion rupiah) so that
 * the contribution calculator can run tens of millions of times without allocating BigDecimals; at the
 * boundary it converts to and from {@link BigDecimal}. The rounding rules are in docs/rounding.md.
 */
public final class Rupiah implements Comparable<Rupiah> {

    public static final Rupiah ZERO = new Rupiah(0);
    private static final long SEN_PER_RUPIAH = 100;

    private final long sen;

    private Rupiah(long sen) {
        this.sen = sen;
    }

    public static Rupiah of(long rupiah) {
        return new Rupiah(Math.multiplyExact(rupiah, SEN_PER_RUPIAH));
    }

    public static Rupiah ofSen(long sen) {
        return new Rupiah(sen);
    }

    /** Exact conversion; an amount finer than one sen is refused (use {@link #of(BigDecimal, RoundingMode)}). */
    public static Rupiah of(BigDecimal amount) {
        return of(amount, RoundingMode.UNNECESSARY);
    }

    public static Rupiah of(BigDecimal amount, RoundingMode mode) {
        return new Rupiah(amount.setScale(2, mode).unscaledValue().longValueExact());
    }

    /** Parses "2333641.85" or "1000000"; thousands separators are not accepted. */
    public static Rupiah parse(String text) {
        try {
            return of(new BigDecimal(text.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not an amount in rupiah: '" + text + "'");
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Amount finer than one sen: '" + text + "'");
        }
    }

    public long sen() {
        return sen;
    }

    /** The exact amount with scale 2. */
    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(sen, 2);
    }

    /** The amount as a JSON number: whole rupiah without decimals, otherwise with two. */
    @JsonValue
    public BigDecimal toNumber() {
        return sen % SEN_PER_RUPIAH == 0 ? BigDecimal.valueOf(sen / SEN_PER_RUPIAH) : BigDecimal.valueOf(sen, 2);
    }

    public boolean isWhole() {
        return sen % SEN_PER_RUPIAH == 0;
    }

    public boolean isZero() {
        return sen == 0;
    }

    public boolean isNegative() {
        return sen < 0;
    }

    public Rupiah plus(Rupiah other) {
        return new Rupiah(Math.addExact(sen, other.sen));
    }

    public Rupiah minus(Rupiah other) {
        return new Rupiah(Math.subtractExact(sen, other.sen));
    }

    public Rupiah times(long factor) {
        return new Rupiah(Math.multiplyExact(sen, factor));
    }

    public Rupiah min(Rupiah other) {
        return sen <= other.sen ? this : other;
    }

    public Rupiah max(Rupiah other) {
        return sen >= other.sen ? this : other;
    }

    /** Rounded to whole rupiah. */
    public Rupiah roundToRupiah(RoundingMode mode) {
        return new Rupiah(Math.multiplyExact(divide(sen, SEN_PER_RUPIAH, mode), SEN_PER_RUPIAH));
    }

    /** Rounded to a multiple of {@code step} (for example the floor of a Rp 100,000 income band). */
    public Rupiah roundToMultipleOf(Rupiah step, RoundingMode mode) {
        if (step.sen <= 0) {
            throw new IllegalArgumentException("Step must be positive: " + step);
        }
        return new Rupiah(Math.multiplyExact(divide(sen, step.sen, mode), step.sen));
    }

    /**
     * {@code this × numerator / denominator}, rounded once to whole rupiah. Used for factors such as
     * "1% × months / 12" so that a chain of factors rounds only at the end.
     */
    public Rupiah scaleToRupiah(long numerator, long denominator, RoundingMode mode) {
        return new Rupiah(Math.multiplyExact(scale(sen, numerator, Math.multiplyExact(denominator, SEN_PER_RUPIAH), mode),
                SEN_PER_RUPIAH));
    }

    /** {@code this × numerator / denominator}, rounded once to the sen. */
    public Rupiah scaleToSen(long numerator, long denominator, RoundingMode mode) {
        return new Rupiah(scale(sen, numerator, denominator, mode));
    }

    static long scale(long value, long numerator, long denominator, RoundingMode mode) {
        if (denominator <= 0) {
            throw new IllegalArgumentException("Denominator must be positive");
        }
        long high = Math.multiplyHigh(value, numerator);
        long low = value * numerator;
        if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
            return divide(low, denominator, mode);
        }
        return new BigDecimal(BigInteger.valueOf(value).multiply(BigInteger.valueOf(numerator)))
                .divide(BigDecimal.valueOf(denominator), 0, mode).longValueExact();
    }

    /** Integer division of {@code x} by a positive {@code d}, rounded by {@code mode}. */
    static long divide(long x, long d, RoundingMode mode) {
        long q = x / d;
        long r = x % d;
        if (r == 0) {
            return q;
        }
        int sign = x < 0 ? -1 : 1;
        boolean away = switch (mode) {
            case UNNECESSARY -> throw new ArithmeticException("Rounding necessary");
            case DOWN -> false;
            case UP -> true;
            case FLOOR -> sign < 0;
            case CEILING -> sign > 0;
            case HALF_UP, HALF_DOWN, HALF_EVEN -> {
                long twice = Math.abs(r) * 2;
                yield twice > d || (twice == d && (mode == RoundingMode.HALF_UP
                        || (mode == RoundingMode.HALF_EVEN && (q & 1) != 0)));
            }
        };
        return away ? q + sign : q;
    }

    @Override
    public int compareTo(Rupiah other) {
        return Long.compare(sen, other.sen);
    }

    public boolean isGreaterThan(Rupiah other) {
        return sen > other.sen;
    }

    public boolean isLessThan(Rupiah other) {
        return sen < other.sen;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rupiah r && r.sen == sen;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sen);
    }

    /** "Rp 2,333,641.85" style, for logs and messages (pages format with their locale). */
    @Override
    public String toString() {
        return "Rp " + String.format(java.util.Locale.ROOT, "%,.2f", toBigDecimal());
    }
}
