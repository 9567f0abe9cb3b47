package id.lindung.coverage.internal;

import id.lindung.billing.MonthRules;
import id.lindung.billing.MonthRulesSource;
import id.lindung.shared.Segment;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * The regulation's due dates of every contribution month up to a date, as SQL arrays, so the set-based protection
 * status (IndicatorSql) applies exactly billing's rule (billing.ProtectionPolicy via billing.Protection): a month's
 * due date by segment from the rules of that month, and the BPU back-payment window from the rules of the date's
 * month. Months without rules in force (before the programmes began) are left out.
 */
@Component
public class ProtectionCalendar {

    /** The first contribution month of JKK and JKM under BPJS Ketenagakerjaan (PP 44/2015). */
    static final YearMonth FIRST = YearMonth.of(2015, 7);

    private final MonthRulesSource rules;
    private final Map<YearMonth, java.util.Optional<MonthRules>> cache = new ConcurrentHashMap<>();

    ProtectionCalendar(MonthRulesSource rules) {
        this.rules = rules;
    }

    /** Adds :d, :m, :months, :pudue, :bpudue, :pulast, :bpulast, and the date's month's own :mpulast, :mbpulast. */
    public MapSqlParameterSource params(LocalDate date, MapSqlParameterSource params) {
        YearMonth month = YearMonth.from(date);
        int back = rulesFor(month).map(MonthRules::bpuBackPaymentMonths).orElse(0);
        List<String> months = new ArrayList<>();
        List<String> puDue = new ArrayList<>();
        List<String> bpuDue = new ArrayList<>();
        List<String> puLast = new ArrayList<>();
        List<String> bpuLast = new ArrayList<>();
        for (YearMonth m = FIRST; !m.isAfter(month); m = m.plusMonths(1)) {
            var r = rulesFor(m);
            if (r.isEmpty()) {
                continue;
            }
            LocalDate pu = r.get().dueDate(Segment.PU);
            LocalDate bpu = r.get().dueDate(Segment.BPU);
            months.add(m.atDay(1).toString());
            puDue.add(pu.toString());
            bpuDue.add(bpu.toString());
            puLast.add(pu.plusMonths(back).toString());
            bpuLast.add(bpu.plusMonths(back).toString());
        }
        var own = rulesFor(month);
        params.addValue("mpulast", own.map(r -> Date.valueOf(r.dueDate(Segment.PU).plusMonths(back))).orElse(null))
                .addValue("mbpulast", own.map(r -> Date.valueOf(r.dueDate(Segment.BPU).plusMonths(back))).orElse(null));
        return params.addValue("d", Date.valueOf(date)).addValue("m", Date.valueOf(month.atDay(1)))
                .addValue("months", months.toArray(String[]::new)).addValue("pudue", puDue.toArray(String[]::new))
                .addValue("bpudue", bpuDue.toArray(String[]::new)).addValue("pulast", puLast.toArray(String[]::new))
                .addValue("bpulast", bpuLast.toArray(String[]::new));
    }

    /** The last month the rollups (CoverageRollups) cover; a later date is counted directly. */
    public static final YearMonth HORIZON = YearMonth.of(2040, 12);

    /**
     * The calendar of every month from {@link #FIRST} to {@link #HORIZON} for the rollups: due dates by segment and the
     * last day a payment counts, with the BPU back-payment window of the month itself. Billing applies the window of
     * the <em>date's</em> month to every month; the two agree while the window never changed, which
     * {@code constantWindow} says (the rollups stand aside otherwise, and every figure is counted directly).
     */
    public record RollupCalendar(String[] months, String[] puDue, String[] bpuDue, String[] puLast, String[] bpuLast,
                                 boolean constantWindow) {
        public MapSqlParameterSource addTo(MapSqlParameterSource params) {
            return params.addValue("months", months).addValue("pudue", puDue).addValue("bpudue", bpuDue)
                    .addValue("pulast", puLast).addValue("bpulast", bpuLast);
        }

        public String hash() {
            return Integer.toHexString(java.util.Arrays.hashCode(months)) + Integer.toHexString(java.util.Arrays.hashCode(puDue))
                    + Integer.toHexString(java.util.Arrays.hashCode(bpuDue)) + Integer.toHexString(java.util.Arrays.hashCode(puLast))
                    + Integer.toHexString(java.util.Arrays.hashCode(bpuLast));
        }
    }

    private volatile RollupCalendar rollupCalendar;

    public RollupCalendar rollupCalendar() {
        RollupCalendar c = rollupCalendar;
        if (c != null) {
            return c;
        }
        List<String> months = new ArrayList<>();
        List<String> puDue = new ArrayList<>();
        List<String> bpuDue = new ArrayList<>();
        List<String> puLast = new ArrayList<>();
        List<String> bpuLast = new ArrayList<>();
        java.util.Set<Integer> windows = new java.util.HashSet<>();
        for (YearMonth m = FIRST; !m.isAfter(HORIZON); m = m.plusMonths(1)) {
            var r = rulesFor(m);
            if (r.isEmpty()) {
                continue;
            }
            int back = r.get().bpuBackPaymentMonths();
            windows.add(back);
            LocalDate pu = r.get().dueDate(Segment.PU);
            LocalDate bpu = r.get().dueDate(Segment.BPU);
            months.add(m.atDay(1).toString());
            puDue.add(pu.toString());
            bpuDue.add(bpu.toString());
            puLast.add(pu.plusMonths(back).toString());
            bpuLast.add(bpu.plusMonths(back).toString());
        }
        c = new RollupCalendar(months.toArray(String[]::new), puDue.toArray(String[]::new), bpuDue.toArray(String[]::new),
                puLast.toArray(String[]::new), bpuLast.toArray(String[]::new), windows.size() <= 1);
        rollupCalendar = c;
        return c;
    }

    private java.util.Optional<MonthRules> rulesFor(YearMonth month) {
        return cache.computeIfAbsent(month, m -> {
            try {
                return java.util.Optional.of(rules.forMonth(m));
            } catch (RuntimeException noRulesInForce) {
                return java.util.Optional.empty();
            }
        });
    }
}
