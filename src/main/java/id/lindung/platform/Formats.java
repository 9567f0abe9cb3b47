package id.lindung.platform;

import id.lindung.shared.Rupiah;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * One way to write dates, months, times and amounts on every page, the Indonesian way: "1 Des 2026", "Des 2026",
 * "1 Des 2026 14:05 WIB", "Rp 1.030.388", "0,60 %". English pages get English month names in the same order and the
 * English digit marks ("Rp 1,030,388", "0.60 %"), as their charts do (coverage review: an English page mixing
 * "2.847" in its table with "2,847" in its chart). Templates call it as {@code ${@fmt.date(x)}}; a missing value is
 * a dash.
 */
@Component("fmt")
public class Formats {

    private static final List<String> MONTHS_ID = List.of("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des");
    private static final List<String> MONTHS_EN = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");
    /** Indonesia's three time zones by their Indonesian abbreviations; any other zone is written by its id. */
    private static final Map<String, String> ZONE_NAMES = Map.of("Asia/Jakarta", "WIB", "Asia/Pontianak", "WIB",
            "Asia/Makassar", "WITA", "Asia/Jayapura", "WIT");
    private static final String NONE = "–";

    private final ZoneId zone;

    public Formats(Clock clock) {
        this.zone = clock.getZone();
    }

    /** How Lindung names a self-paying worker as a payer (access.PersonalData.SELF_PAYER_NAME, the stored and API form). */
    public static final String SELF_PAYER_NAME = "Peserta mandiri ";

    /**
     * A payer's name as a page shows it: a self-paying worker's name, which Lindung makes in Indonesian ("Peserta
     * mandiri 640203********01"), reads "Self-paying worker 640203********01" on an English page (review of 6 December
     * 2026); every other name is the payer's own.
     */
    public String payerName(String name) {
        if (name != null && name.startsWith(SELF_PAYER_NAME) && "en".equals(LocaleContextHolder.getLocale().getLanguage())) {
            return "Self-paying worker " + name.substring(SELF_PAYER_NAME.length());
        }
        return name;
    }

    /** "1 Des 2026" (English: "1 Dec 2026"). */
    public String date(LocalDate date) {
        return date == null ? NONE : date.getDayOfMonth() + " " + monthName(date.getMonthValue()) + " " + date.getYear();
    }

    /**
     * "1 Des 2026" for a date written as text ("2026-12-01", as a masked field gives it to a reader who sees it in
     * full); any other text (a masked reader's bare year "1980") is written as it is, so formatting never unmasks.
     */
    public String dateOrAsIs(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        try {
            return date(LocalDate.parse(text.strip()));
        } catch (java.time.format.DateTimeParseException notADate) {
            return text;
        }
    }

    /** "Des 2026" for a month (a YearMonth, its first day, or a "2026-12" text as SQL rows give it). */
    public String month(Object month) {
        if (month == null) {
            return NONE;
        }
        YearMonth m = month instanceof YearMonth ym ? ym
                : month instanceof LocalDate d ? YearMonth.from(d) : YearMonth.parse(month.toString().strip().substring(0, 7));
        return monthName(m.getMonthValue()) + " " + m.getYear();
    }

    /** "1 Des 2026 14:05 WIB": an instant in the business zone, with the zone written out. */
    public String time(TemporalAccessor when) {
        return time(when, false);
    }

    /** "1 Des 2026 14:05:09 WIB", for the audit trail, where the second matters. */
    public String timeWithSeconds(TemporalAccessor when) {
        return time(when, true);
    }

    private String time(TemporalAccessor when, boolean seconds) {
        if (when == null) {
            return NONE;
        }
        ZonedDateTime at;
        if (when instanceof OffsetDateTime o) {
            at = o.atZoneSameInstant(zone);
        } else if (when instanceof ZonedDateTime z) {
            at = z.withZoneSameInstant(zone);
        } else {
            at = Instant.from(when).atZone(zone);
        }
        return date(at.toLocalDate()) + " " + (seconds ? String.format(Locale.ROOT, "%02d:%02d:%02d", at.getHour(), at.getMinute(), at.getSecond())
                : String.format(Locale.ROOT, "%02d:%02d", at.getHour(), at.getMinute())) + " " + zoneName();
    }

    /** "WIB" for Asia/Jakarta, "WITA", "WIT", or the zone id. */
    public String zoneName() {
        return ZONE_NAMES.getOrDefault(zone.getId(), zone.getId());
    }

    /** "Rp 1.030.388", with sen only when there are any ("Rp 6.800,50"); a Rupiah, a BigDecimal or a whole number. */
    public String rupiah(Object amount) {
        BigDecimal value = number(amount);
        return value == null ? NONE : (value.signum() < 0 ? "-Rp " : "Rp ") + grouped(value.abs());
    }

    /** "1.030.388": a count or an amount without the currency, grouped with points. */
    public String count(Object amount) {
        BigDecimal value = number(amount);
        return value == null ? NONE : (value.signum() < 0 ? "-" : "") + grouped(value.abs());
    }

    /** "0,24" or "1.000": a number as the regulation data writes it, with a decimal comma and no trailing zeros. */
    public String decimal(Object value) {
        BigDecimal number = number(value);
        if (number == null) {
            return NONE;
        }
        BigDecimal plain = number.stripTrailingZeros();
        return fixed(plain, Math.max(0, plain.scale()));
    }

    /**
     * "0,60 %" (English "0.60 %"): a percentage always with two decimals, so a column of ratios lines up and "1 %" is
     * not read as rounder than "0,92 %"; half up, as the monitoring report rounds.
     */
    public String percent(Object value) {
        BigDecimal number = number(value);
        return number == null ? NONE : fixed(number.setScale(2, java.math.RoundingMode.HALF_UP), 2) + " %";
    }

    /** A ratio (a fraction, 0.006) as a percentage: "0,60 %". */
    public String ratio(BigDecimal ratio) {
        return ratio == null ? NONE : percent(ratio.movePointRight(2));
    }

    /** The number with exactly {@code decimals} decimals, grouped, in the page's digit marks. */
    public String fixed(Object value, int decimals) {
        BigDecimal number = number(value);
        if (number == null) {
            return NONE;
        }
        DecimalFormat format = new DecimalFormat("#,##0", symbols());
        format.setMaximumFractionDigits(decimals);
        format.setMinimumFractionDigits(decimals);
        format.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return format.format(number);
    }

    private static BigDecimal number(Object amount) {
        if (amount == null) {
            return null;
        }
        if (amount instanceof Rupiah r) {
            return r.toBigDecimal();
        }
        if (amount instanceof BigDecimal b) {
            return b;
        }
        return new BigDecimal(amount.toString().strip());
    }

    private static String grouped(BigDecimal value) {
        boolean whole = value.stripTrailingZeros().scale() <= 0;
        DecimalFormat format = new DecimalFormat(whole ? "#,##0" : "#,##0.00", symbols());
        return format.format(value);
    }

    /** Points and a decimal comma on Indonesian pages, commas and a decimal point on English ones. */
    private static DecimalFormatSymbols symbols() {
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator(english ? ',' : '.');
        symbols.setDecimalSeparator(english ? '.' : ',');
        return symbols;
    }

    private static String monthName(int month) {
        return ("en".equals(LocaleContextHolder.getLocale().getLanguage()) ? MONTHS_EN : MONTHS_ID).get(month - 1);
    }
}
