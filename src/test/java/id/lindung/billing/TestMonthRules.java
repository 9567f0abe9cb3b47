package id.lindung.billing;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * PP 44/2015, 45/2015 and 46/2015 rates for billing tests, with the JP cap switching in March 2024
 * and March 2025, until the billing module reads the regulation catalog.
 */
@Configuration(proxyBeanMethods = false)
class TestMonthRules {

    @Bean
    @Primary
    MonthRulesSource testMonthRulesSource() {
        return TestMonthRules::rules;
    }

    static MonthRules rules(YearMonth month) {
        BigDecimal cap = month.isBefore(YearMonth.of(2024, 3)) ? new BigDecimal("9559600")
                : month.isBefore(YearMonth.of(2025, 3)) ? new BigDecimal("10042300") : new BigDecimal("10547400");
        List<RateRow> rows = new ArrayList<>();
        String[] risks = {"VERY_LOW", "LOW", "MEDIUM", "HIGH", "VERY_HIGH"};
        String[] jkk = {"0.0024", "0.0054", "0.0089", "0.0127", "0.0174"};
        for (int i = 0; i < risks.length; i++) {
            rows.add(new RateRow("JKK", "PU", "EMPLOYER", risks[i], null, new BigDecimal(jkk[i]), null, null, null, null, null));
        }
        rows.add(new RateRow("JKM", "PU", "EMPLOYER", null, null, new BigDecimal("0.003"), null, null, null, null, null));
        rows.add(new RateRow("JHT", "PU", "EMPLOYER", null, null, new BigDecimal("0.037"), null, null, null, null, null));
        rows.add(new RateRow("JHT", "PU", "WORKER", null, null, new BigDecimal("0.02"), null, null, null, null, null));
        rows.add(new RateRow("JP", "PU", "EMPLOYER", null, null, new BigDecimal("0.02"), null, cap, null, null, null));
        rows.add(new RateRow("JP", "PU", "WORKER", null, null, new BigDecimal("0.01"), null, cap, null, null, null));
        BigDecimal step = new BigDecimal("100000");
        BigDecimal min = new BigDecimal("1000000");
        BigDecimal max = new BigDecimal("20700000");
        rows.add(new RateRow("JKK", "BPU", "WORKER", null, null, new BigDecimal("0.01"), null, null, step, min, max));
        rows.add(new RateRow("JKM", "BPU", "WORKER", null, null, null, new BigDecimal("6800"), null, null, null, null));
        rows.add(new RateRow("JHT", "BPU", "WORKER", null, null, new BigDecimal("0.02"), null, null, step, min, max));
        return new MonthRules(month, rows, workingDay(month.plusMonths(1).atDay(15)), workingDay(month.atDay(15)), 0,
                new BigDecimal("0.02"), BigDecimal.ZERO, 3,
                "Sebulan penuh sejak bulan mulai; bulan ditagih bila kepesertaan aktif pada salah satu harinya",
                "TEST-" + month, List.of("PP 44/2015", "PP 45/2015", "PP 46/2015"));
    }

    static LocalDate workingDay(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY ? d.plusDays(2) : d.getDayOfWeek() == DayOfWeek.SUNDAY ? d.plusDays(1) : d;
    }
}
