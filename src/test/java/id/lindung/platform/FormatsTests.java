package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.shared.Rupiah;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

class FormatsTests {

    private final Formats fmt = new Formats(Clock.system(ZoneId.of("Asia/Jakarta")));

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void datesAreWrittenDayShortMonthYearInTheLanguageOfThePage() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("id"));
        assertThat(fmt.date(LocalDate.of(2026, 12, 1))).isEqualTo("1 Des 2026");
        assertThat(fmt.date(LocalDate.of(2026, 8, 17))).isEqualTo("17 Agu 2026");
        assertThat(fmt.month(YearMonth.of(2026, 5))).isEqualTo("Mei 2026");
        assertThat(fmt.month("2026-10")).isEqualTo("Okt 2026");
        assertThat(fmt.date(null)).isEqualTo("–");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(fmt.date(LocalDate.of(2026, 12, 1))).isEqualTo("1 Dec 2026");
    }

    @Test
    void aDateGivenAsTextIsWrittenTheSameWayAndAMaskedYearStaysAYear() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("id"));
        assertThat(fmt.dateOrAsIs("1984-02-17")).isEqualTo("17 Feb 1984");
        assertThat(fmt.dateOrAsIs("1984")).isEqualTo("1984");
        assertThat(fmt.dateOrAsIs(null)).isEqualTo("–");
        assertThat(fmt.dateOrAsIs(" ")).isEqualTo("–");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(fmt.dateOrAsIs("2026-12-01")).isEqualTo("1 Dec 2026");
    }

    @Test
    void timesAreShownInTheBusinessZoneWithItsIndonesianName() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("id"));
        assertThat(fmt.time(Instant.parse("2026-11-30T17:05:00Z"))).isEqualTo("1 Des 2026 00:05 WIB");
        assertThat(fmt.time(OffsetDateTime.parse("2026-12-01T07:30:00+00:00"))).isEqualTo("1 Des 2026 14:30 WIB");
        assertThat(fmt.timeWithSeconds(Instant.parse("2026-12-01T07:30:09Z"))).isEqualTo("1 Des 2026 14:30:09 WIB");
        assertThat(new Formats(Clock.system(ZoneId.of("Asia/Makassar"))).zoneName()).isEqualTo("WITA");
        assertThat(new Formats(Clock.system(ZoneId.of("Asia/Jayapura"))).zoneName()).isEqualTo("WIT");
    }

    @Test
    void rupiahAreGroupedWithPointsAndShowSenOnlyWhenThereAreAny() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("id"));
        assertThat(fmt.rupiah(Rupiah.of(1_030_388))).isEqualTo("Rp 1.030.388");
        assertThat(fmt.rupiah(new BigDecimal("6800.50"))).isEqualTo("Rp 6.800,50");
        assertThat(fmt.rupiah(new BigDecimal("6800.00"))).isEqualTo("Rp 6.800");
        assertThat(fmt.rupiah(Rupiah.of(-2500))).isEqualTo("-Rp 2.500");
        assertThat(fmt.count(35_000L)).isEqualTo("35.000");
        assertThat(fmt.rupiah(null)).isEqualTo("–");
    }

    @Test
    void englishPagesWriteNumbersWithEnglishDigitMarks() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(fmt.rupiah(Rupiah.of(760_810_074))).isEqualTo("Rp 760,810,074");
        assertThat(fmt.rupiah(new BigDecimal("6800.50"))).isEqualTo("Rp 6,800.50");
        assertThat(fmt.count(2_847L)).isEqualTo("2,847");
        assertThat(fmt.decimal(new BigDecimal("0.24"))).isEqualTo("0.24");
    }

    @Test
    void everyRatioIsAPercentageWithTwoDecimalsInThePagesLanguage() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("id"));
        assertThat(fmt.ratio(new BigDecimal("0.006"))).isEqualTo("0,60 %");
        assertThat(fmt.ratio(new BigDecimal("0.0092"))).isEqualTo("0,92 %");
        assertThat(fmt.ratio(new BigDecimal("0.01"))).isEqualTo("1,00 %");
        assertThat(fmt.percent(new BigDecimal("12.345"))).isEqualTo("12,35 %");
        assertThat(fmt.ratio(null)).isEqualTo("–");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(fmt.ratio(new BigDecimal("0.006"))).isEqualTo("0.60 %");
        assertThat(fmt.fixed(new BigDecimal("1234.5"), 2)).isEqualTo("1,234.50");
    }
}
