package id.lindung.coverage;

import id.lindung.platform.InvalidInputException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The one rule for every date and month a coverage request names (the API's date, periodFrom, periodTo, trend from
 * and to, the dashboard's and its downloads' date, Desa Sadar's date, the monitoring report's semester): from
 * {@link #EARLIEST}, when JKK and JKM began under BPJS Ketenagakerjaan and the regulation data begins, to a year after
 * today in the business time zone. Anything else is OUT_OF_RANGE (400) naming the field, before any count: a date
 * beyond the rollups' horizon was counted directly and cost seconds, and Java's years up to ±999,999,999 reached
 * PostgreSQL, which refused them (coverage review, docs/coverage.md "Dates").
 */
public final class CoverageDates {

    /** The first day of the programmes (PP 44/2015) and of the regulation data (regulations/programmes.yaml). */
    public static final LocalDate EARLIEST = LocalDate.of(2015, 7, 1);

    private CoverageDates() {}

    /**
     * The date a request writes in {@code field}, null when absent or blank, else DATE_INVALID (400) naming the field with
     * the value cut to 40 characters: the one answer for a malformed date on every coverage page and endpoint.
     */
    public static LocalDate parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(field, "DATE_INVALID", field + " '" + id.lindung.platform.InputProblem.shown(text.strip())
                    + "' is not a date YYYY-MM-DD");
        }
    }

    /** The last day a request may name: a year after today. */
    public static LocalDate latest(LocalDate today) {
        return today.plusYears(1);
    }

    /** {@code date} itself when null or within the bounds, else OUT_OF_RANGE on {@code field}. */
    public static LocalDate check(String field, LocalDate date, LocalDate today) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(latest(today)))) {
            throw outOfRange(field, date.toString(), EARLIEST.toString(), latest(today).toString());
        }
        return date;
    }

    /** {@code month} itself when null or within the bounds' months, else OUT_OF_RANGE on {@code field}. */
    public static YearMonth check(String field, YearMonth month, LocalDate today) {
        YearMonth first = YearMonth.from(EARLIEST);
        YearMonth last = YearMonth.from(latest(today));
        if (month != null && (month.isBefore(first) || month.isAfter(last))) {
            throw outOfRange(field, month.toString(), first.toString(), last.toString());
        }
        return month;
    }

    private static InvalidInputException outOfRange(String field, String value, String first, String last) {
        return new InvalidInputException(field, "OUT_OF_RANGE", field + " " + id.lindung.platform.InputProblem.shown(value)
                + " is outside " + first + " to " + last + " (from the start of the social security programmes to a year after today)");
    }
}
