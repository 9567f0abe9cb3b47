package id.lindung.regulation;

import id.lindung.shared.Rate;
import id.lindung.shared.Rupiah;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One value of a parameter, in force from {@code from} until the next value (or until {@code until}
 * inclusive when the parameter ends), with its unit and legal reference.
 *
 * @param text the value exactly as written in the data file
 * @param file the data file it was loaded from
 */
public record DatedValue(String parameter, LocalDate from, LocalDate until, Unit unit, String text, Reference reference,
                         String file) {

    public boolean verified() {
        return reference.verified();
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && (until == null || !date.isAfter(until));
    }

    public Rate rate() {
        expect(Unit.PERCENT);
        return Rate.ofPercent(new BigDecimal(text));
    }

    public Rupiah rupiah() {
        expect(Unit.RUPIAH);
        return Rupiah.of(new BigDecimal(text));
    }

    /** A whole number: months, years, a day of the month or a count. */
    public int whole() {
        if (unit != Unit.MONTHS && unit != Unit.YEARS && unit != Unit.DAY_OF_MONTH && unit != Unit.COUNT) {
            throw new IllegalStateException(parameter + " is in " + unit + ", not a whole number");
        }
        return Integer.parseInt(text);
    }

    public BigDecimal factor() {
        expect(Unit.FACTOR);
        return new BigDecimal(text);
    }

    public LocalDate date() {
        expect(Unit.DATE);
        return LocalDate.parse(text);
    }

    public String code() {
        expect(Unit.CODE);
        return text;
    }

    private void expect(Unit expected) {
        if (unit != expected) {
            throw new IllegalStateException(parameter + " is in " + unit + ", not " + expected);
        }
    }
}
