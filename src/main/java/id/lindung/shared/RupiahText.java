package id.lindung.shared;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of rupiah as a spreadsheet cell holds it, read into a number. Operators keep amounts in Excel, with
 * Indonesian settings ({@code Rp 1.500.000}, {@code 1.500.000,00}) or English ones ({@code 1,500,000.00}), and a file
 * saved from there says so; every import reads the amount through this one reader, so each accepts the same shapes:
 *
 * <ul>
 *   <li>plain digits: {@code 1500000}</li>
 *   <li>a prefix {@code Rp}, {@code Rp.} or {@code IDR} (any case), with or without a space: {@code Rp 1.500.000},
 *       {@code Rp1.500.000,00}, {@code IDR 1,500,000}</li>
 *   <li>thousands grouped by dots, every group exactly three digits, then optionally a decimal comma with one or two
 *       decimals or {@code ,-} (whole rupiah, as written on Indonesian receipts): {@code 1.500.000}, {@code 1.500.000,5},
 *       {@code 1.500.000,-}</li>
 *   <li>thousands grouped by commas, every group exactly three digits, then optionally a decimal point with one or two
 *       decimals: {@code 1,500,000}, {@code 1,500,000.50}</li>
 *   <li>plain digits with a decimal comma or point and one or two decimals: {@code 1500000,00}, {@code 1500000.50}</li>
 * </ul>
 *
 * <p>One mark followed by exactly three digits ({@code 1.500}, {@code 1,500}) is a thousands separator, never a
 * decimal mark: Rp 1.500 is fifteen hundred rupiah, as Indonesian prices are written, and three decimals would be finer
 * than a sen anyway. A minus sign is read (the callers' rules refuse amounts that are not positive, with their own
 * code). Everything else is refused, above all what could be read two ways: groups that are not three digits
 * ({@code 1.50.000}), both marks used for grouping ({@code 1.500,000.00}), a space inside the digits, an exponent.
 * Rupiah are exact to the sen, so three or more decimals ({@code 1500000,505}, {@code 1.500.000,000}) are refused
 * as {@link Reason#MORE_THAN_TWO_DECIMALS}, never rounded, and the caller answers with its decimals code.
 */
public final class RupiahText {

    /** Why a text is not an amount. */
    public enum Reason {
        /** Not one of the shapes above. */
        NOT_AN_AMOUNT,
        /** A decimal part of three or more digits: finer than one sen. */
        MORE_THAN_TWO_DECIMALS
    }

    /** A text that is not an amount of rupiah, and why. */
    public static final class Unreadable extends IllegalArgumentException {

        private final Reason reason;

        Unreadable(Reason reason, String text) {
            super((reason == Reason.NOT_AN_AMOUNT ? "Not an amount in rupiah: '" : "More than two decimals: '") + text + "'");
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    private static final Pattern PREFIX = Pattern.compile("(?i)(?:rp\\.?|idr)");
    private static final Pattern DOT_GROUPED = Pattern.compile("(\\d{1,3}(?:\\.\\d{3})+)(?:,(\\d+|-))?");
    private static final Pattern COMMA_GROUPED = Pattern.compile("(\\d{1,3}(?:,\\d{3})+)(?:\\.(\\d+))?");
    private static final Pattern PLAIN = Pattern.compile("(\\d+)(?:[.,](\\d+)|,(-))?");

    private RupiahText() {}

    /**
     * The amount {@code text} writes, with the decimals it writes (at most two).
     *
     * @throws Unreadable when it is not one of the shapes above, or has three or more decimals
     */
    public static BigDecimal parse(String text) {
        String t = strip(text == null ? "" : text);
        boolean negative = t.startsWith("-");
        if (negative) {
            t = strip(t.substring(1));
        }
        Matcher prefix = PREFIX.matcher(t);
        if (prefix.lookingAt()) {
            t = strip(t.substring(prefix.end()));
            if (!negative && t.startsWith("-")) {
                negative = true;
                t = t.substring(1);
            }
        }
        Matcher m;
        String whole;
        String decimals;
        if ((m = DOT_GROUPED.matcher(t)).matches()) {
            whole = m.group(1).replace(".", "");
            decimals = m.group(2);
        } else if ((m = COMMA_GROUPED.matcher(t)).matches()) {
            whole = m.group(1).replace(",", "");
            decimals = m.group(2);
        } else if ((m = PLAIN.matcher(t)).matches()) {
            whole = m.group(1);
            decimals = m.group(2) != null ? m.group(2) : m.group(3);
        } else {
            throw new Unreadable(Reason.NOT_AN_AMOUNT, text);
        }
        if (decimals != null && decimals.equals("-")) {
            decimals = null; // ",-": whole rupiah
        }
        if (decimals != null && decimals.length() > 2) {
            throw new Unreadable(Reason.MORE_THAN_TWO_DECIMALS, text);
        }
        String digits = decimals == null ? whole : whole + "." + decimals;
        return new BigDecimal(negative ? "-" + digits : digits);
    }

    /** Without surrounding spaces, also the no-break space Excel's currency formats put after "Rp". */
    private static String strip(String s) {
        return s.replace('\u00A0', ' ').strip();
    }
}
