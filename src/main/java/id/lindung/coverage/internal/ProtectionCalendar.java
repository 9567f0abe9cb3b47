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
        Columns c = columns(month, back);
        var own = rulesFor(month);
        params.addValue("mpulast", own.map(r -> Date.valueOf(r.dueDate(Segment.PU).plusMonths(back))).orElse(null))
                .addValue("mbpulast", own.map(r -> Date.valueOf(r.dueDate(Segment.BPU).plusMonths(back))).orElse(null));
        return params.addValue("d", Date.valueOf(date)).addValue("m", Date.valueOf(month.atDay(1)))
                .addValue("months", c.array(c.months())).addValue("pudue", c.array(c.puDue()))
                .addValue("bpudue", c.array(c.bpuDue())).addValue("pulast", c.array(c.puLast()))
                .addValue("bpulast", c.array(c.bpuLast()));
    }

    /** The calendar's columns, one entry a month with rules in force, and the back-payment windows met. */
    private record Columns(List<String> months, List<String> puDue, List<String> bpuDue, List<String> puLast,
                           List<String> bpuLast, java.util.Set<Integer> windows) {
        String[] array(List<String> column) {
            return column.toArray(String[]::new);
        }
    }

    /** Every month from {@link #FIRST} to {@code last}; {@code back} the window for all months, null: each month's own. */
    private Columns columns(YearMonth last, Integer back) {
        Columns c = new Columns(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new java.util.HashSet<>());
        for (YearMonth m = FIRST; !m.isAfter(last); m = m.plusMonths(1)) {
            var r = rulesFor(m);
            if (r.isEmpty()) {
                continue;
            }
            int window = back != null ? back : r.get().bpuBackPaymentMonths();
            c.windows().add(window);
            LocalDate pu = r.get().dueDate(Segment.PU);
            LocalDate bpu = r.get().dueDate(Segment.BPU);
            c.months().add(m.atDay(1).toString());
            c.puDue().add(pu.toString());
            c.bpuDue().add(bpu.toString());
            c.puLast().add(pu.plusMonths(window).toString());
            c.bpuLast().add(bpu.plusMonths(window).toString());
        }
        return c;
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
        Columns cols = columns(HORIZON, null);
        c = new RollupCalendar(cols.array(cols.months()), cols.array(cols.puDue()), cols.array(cols.bpuDue()),
                cols.array(cols.puLast()), cols.array(cols.bpuLast()), cols.windows().size() <= 1);
        rollupCalendar = c;
        return c;
    }

    /**
     * The rules of a month, kept for the months {@link #FIRST} to {@link #HORIZON} only (at most 306 entries): a later
     * month is looked up each time, so no date asked for can grow the cache (a date in the year 30000 once filled it
     * with 335,815 months; coverage review). Requests name dates up to a year after today (coverage.CoverageDates).
     */
    private java.util.Optional<MonthRules> rulesFor(YearMonth month) {
        if (month.isBefore(FIRST) || month.isAfter(HORIZON)) {
            return lookUp(month);
        }
        return cache.computeIfAbsent(month, this::lookUp);
    }

    private java.util.Optional<MonthRules> lookUp(YearMonth month) {
        try {
            return java.util.Optional.of(rules.forMonth(month));
        } catch (RuntimeException noRulesInForce) {
            return java.util.Optional.empty();
        }
    }

    /** How many months' rules are kept (for the test that pins the bound). */
    int cached() {
        return cache.size();
    }
}
