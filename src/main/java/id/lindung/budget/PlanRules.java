package id.lindung.budget;

import id.lindung.platform.InputProblem;
import id.lindung.platform.TextRules;
import id.lindung.regulation.DatedValue;
import id.lindung.registry.BpuIncomeRange;
import id.lindung.shared.Programme;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The one rule set for a plan's input (API, pages, CLI): each problem with its field and stable code (docs/budget.md,
 * "Bad input"). Pure; the categories and default wages are given as functions.
 */
public final class PlanRules {

    /** The first budget year: BPJS Ketenagakerjaan's programmes began in July 2015. */
    public static final int FIRST_YEAR = 2015;
    /** How far ahead a plan may look (this year's budget, next year's and the one after). */
    public static final int YEARS_AHEAD = 2;

    /** A category as the rules need it. */
    public record CategoryFacts(String code, Segment defaultSegment, boolean villageApparatus) {}

    private final Function<String, Optional<CategoryFacts>> categories;
    private final DefaultWage defaultWage;
    private final Function<LocalDate, BpuIncomeRange.Range> bpuIncome;

    /**
     * The default wage (PU) or income (BPU) of a category on a day, if the regulation data has one: the regulation value
     * itself, so a plan can name it when its sources do not settle it (docs/budget.md, "Unverified values").
     */
    public interface DefaultWage {
        Optional<DatedValue> of(String category, Segment segment, LocalDate on);
    }

    /** Rules without the BPU income range (a BPU cohort's income is then checked only as a wage). */
    public PlanRules(Function<String, Optional<CategoryFacts>> categories, DefaultWage defaultWage) {
        this(categories, defaultWage, null);
    }

    /** @param bpuIncome the declared income a BPU participant may choose on a day (the regulation in force) */
    public PlanRules(Function<String, Optional<CategoryFacts>> categories, DefaultWage defaultWage,
                     Function<LocalDate, BpuIncomeRange.Range> bpuIncome) {
        this.categories = categories;
        this.defaultWage = defaultWage;
        this.bpuIncome = bpuIncome;
    }

    /**
     * A BPU declared income outside the range in force in any month from {@code from} to December: the problem
     * BPU_INCOME_OUT_OF_RANGE at {@code field} (the calculator would refuse that month, without saying which field).
     */
    public static void bpuIncome(String field, Rupiah income, YearMonth from, Function<LocalDate, BpuIncomeRange.Range> range,
                                 List<InputProblem> problems) {
        for (YearMonth m = from; m.getYear() == from.getYear(); m = m.plusMonths(1)) {
            BpuIncomeRange.Range r = range.apply(m.atDay(1));
            if (!r.contains(income)) {
                problems.add(InputProblem.of(field, "BPU_INCOME_OUT_OF_RANGE", "A BPU declared income lies between "
                        + r.min().toBigDecimal().toPlainString() + " and " + r.max().toBigDecimal().toPlainString() + " in " + m
                        + ", not " + income.toBigDecimal().toPlainString()));
                return;
            }
        }
    }

    /** The year's problems (empty when it may be planned). */
    public static List<InputProblem> year(Integer year, LocalDate today) {
        if (year == null) {
            return List.of(InputProblem.of("year", "REQUIRED", "Give the budget year"));
        }
        if (year < FIRST_YEAR) {
            return List.of(InputProblem.of("year", "YEAR_BEFORE_PROGRAMME",
                    "BPJS Ketenagakerjaan's programmes began in July " + FIRST_YEAR + "; " + year + " cannot be planned"));
        }
        if (year > today.getYear() + YEARS_AHEAD) {
            return List.of(InputProblem.of("year", "YEAR_TOO_FAR", "A plan looks at most " + YEARS_AHEAD
                    + " years ahead (up to " + (today.getYear() + YEARS_AHEAD) + "), not " + year));
        }
        return List.of();
    }

    /**
     * The reference date: as given, or today for this year and later, 31 December for a past year. A given date lies
     * between 1 January {@link #YEARS_AHEAD} years before the plan's year (today's date, the default of the furthest
     * plan, is as early as that) and the plan's 31 December; else REFERENCE_DATE_OUT_OF_RANGE.
     */
    public static LocalDate referenceDate(String text, int year, LocalDate today, List<InputProblem> problems) {
        boolean plannable = year(year, today).isEmpty(); // else the year's own problem is reported, and no date is built from it
        if (text == null || text.isBlank()) {
            return plannable && year < today.getYear() ? LocalDate.of(year, 12, 31) : today;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(InputProblem.of("referenceDate", "INVALID_DATE", "referenceDate must be YYYY-MM-DD, got '" + InputProblem.shown(text) + "'"));
            return today;
        }
        if (!plannable) {
            return date;
        }
        LocalDate earliest = LocalDate.of(year - YEARS_AHEAD, 1, 1);
        LocalDate latest = LocalDate.of(year, 12, 31);
        if (date.isBefore(earliest) || date.isAfter(latest)) {
            problems.add(InputProblem.of("referenceDate", "REFERENCE_DATE_OUT_OF_RANGE",
                    "The reference date of a " + year + " plan lies between " + earliest + " and " + latest + ", not " + InputProblem.shown(text.strip())));
            return today;
        }
        return date;
    }

    /** The highest wage or declared income a plan, a prioritisation or a what-if takes: Rp 1,000,000,000 a month. */
    public static final BigDecimal MAX_WAGE = new BigDecimal("1000000000");

    /**
     * A wage or declared income as typed, or null with its problem added: NEGATIVE_WAGE, WAGE_NOT_POSITIVE, or
     * INVALID_AMOUNT (finer than a sen, or above {@link #MAX_WAGE}). Every check only compares, so an absurd exponent
     * such as 1e9999999 is refused at once instead of being expanded into digits.
     */
    public static Rupiah wage(String field, BigDecimal value, List<InputProblem> problems) {
        if (value.signum() < 0) {
            problems.add(InputProblem.of(field, "NEGATIVE_WAGE", "A wage or declared income cannot be negative"));
        } else if (value.signum() == 0) {
            problems.add(InputProblem.of(field, "WAGE_NOT_POSITIVE", "A wage or declared income must be more than zero"));
        } else if (value.scale() > 2 || value.compareTo(MAX_WAGE) > 0) {
            problems.add(InputProblem.of(field, "INVALID_AMOUNT", "A wage is rupiah with at most two decimals, at most 1,000,000,000"));
        } else {
            return Rupiah.of(value);
        }
        return null;
    }

    /**
     * The most people a plan's cohorts cover together (each cohort's {@link Cohort#people()}: its count and every joiner
     * up to December). A cohort has at most 1,000,000 people, but a plan's number of cohorts was not bounded: 300 cohorts
     * of a million wage earners at Rp 1,000,000,000 overflowed the sum of the plan's sen (a 500). Twenty million people
     * at the highest wage, risk and every programme cost about 2 x 10^18 sen a year, a quarter of what the sum holds;
     * no payer's budget plans for more people than that.
     */
    public static final long MAX_PLANNED_PEOPLE = 20_000_000;

    /**
     * The most cohorts a plan has: as many rows as the plan editor posts. Their number was not bounded: a 4 MB body of
     * 30,000 cohorts took 22 s to cost, was stored, and its plan answered 10 MB of JSON and a 30 MB page on every read.
     */
    public static final int MAX_COHORTS = 200;

    /**
     * The cohorts, checked; every problem found is added to {@code problems} (and the cohort left out). More than
     * {@link #MAX_COHORTS} cohorts are TOO_MANY_COHORTS at {@code cohorts}, none of them checked; cohorts covering more
     * than {@link #MAX_PLANNED_PEOPLE} people together are COUNT_TOO_LARGE there.
     */
    public List<Cohort> cohorts(List<PlanRequest.CohortInput> inputs, int year, String payerKind, List<InputProblem> problems) {
        if (inputs.size() > MAX_COHORTS) {
            problems.add(InputProblem.of("cohorts", "TOO_MANY_COHORTS", "A plan has at most " + MAX_COHORTS + " cohorts, not "
                    + inputs.size()));
            return List.of();
        }
        List<Cohort> cohorts = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            cohort(inputs.get(i), "cohorts[" + i + "].", year, payerKind, problems).ifPresent(cohorts::add);
        }
        long people = cohorts.stream().mapToLong(Cohort::people).sum();
        if (people > MAX_PLANNED_PEOPLE) {
            // one value, the limit, as the cohort's own COUNT_TOO_LARGE: the Indonesian sentence is chosen by the count
            // of values, and the two-value one reads "more people than the country has"
            problems.add(InputProblem.of("cohorts", "COUNT_TOO_LARGE", "A plan's cohorts cover at most 20,000,000 people together"));
        }
        return cohorts;
    }

    private Optional<Cohort> cohort(PlanRequest.CohortInput in, String at, int year, String payerKind, List<InputProblem> problems) {
        int before = problems.size();
        if (in == null) {
            problems.add(InputProblem.of(at.substring(0, at.length() - 1), "REQUIRED", "A cohort cannot be empty"));
            return Optional.empty();
        }
        Optional<CategoryFacts> category = in.category() == null || in.category().isBlank()
                ? Optional.empty() : categories.apply(in.category().strip().toUpperCase(Locale.ROOT));
        if (category.isEmpty()) {
            problems.add(InputProblem.of(at + "category", in.category() == null || in.category().isBlank() ? "REQUIRED" : "UNKNOWN_CATEGORY",
                    "Unknown worker category '" + InputProblem.shown(in.category()) + "'"));
        }
        Segment segment = null;
        if (in.segment() != null && !in.segment().isBlank()) {
            try {
                segment = Segment.valueOf(in.segment().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(InputProblem.of(at + "segment", "INVALID_SEGMENT", "segment must be PU or BPU, got '" + InputProblem.shown(in.segment()) + "'"));
            }
        } else if (category.isPresent()) {
            segment = category.get().defaultSegment();
        }
        long count = in.count() == null ? -1 : in.count();
        if (in.count() == null) {
            problems.add(InputProblem.of(at + "count", "REQUIRED", "Give how many people the cohort has"));
        } else if (count < 0) {
            problems.add(InputProblem.of(at + "count", "NEGATIVE_COUNT", "A cohort's count cannot be negative: " + count));
        } else if (count > 1_000_000) {
            problems.add(InputProblem.of(at + "count", "COUNT_TOO_LARGE", "A cohort has at most 1,000,000 people"));
        }
        int joiners = flow(in.joiners(), at + "joiners", problems);
        int leavers = flow(in.leavers(), at + "leavers", problems);
        YearMonth from = YearMonth.of(year, 1);
        if (in.monthFrom() != null && !in.monthFrom().isBlank()) {
            String m = in.monthFrom().strip();
            try {
                from = m.matches("\\d{1,2}") ? YearMonth.of(year, Integer.parseInt(m)) : YearMonth.parse(m);
                if (from.getYear() != year) {
                    problems.add(InputProblem.of(at + "monthFrom", "MONTH_OUTSIDE_YEAR", "monthFrom " + m + " is not in " + year));
                }
            } catch (java.time.DateTimeException | NumberFormatException e) {
                problems.add(InputProblem.of(at + "monthFrom", "INVALID_MONTH", "monthFrom must be YYYY-MM or 1..12, got '" + InputProblem.shown(m) + "'"));
            }
        }
        Rupiah wage = null;
        DatedValue wageDefault = null;
        if (in.wage() != null) {
            wage = wage(at + "wage", in.wage(), problems);
        } else if (category.isPresent() && segment != null) {
            wageDefault = defaultWage.of(category.get().code(), segment, from.atDay(1)).orElse(null);
            wage = wageDefault == null ? null : wageDefault.rupiah();
            if (wage == null) {
                problems.add(InputProblem.of(at + "wage", "REQUIRED", "No default wage is in force for " + category.get().code() + "; give the wage"));
            }
        }
        if (wage != null && segment == Segment.BPU && bpuIncome != null) {
            bpuIncome(at + "wage", wage, from, bpuIncome, problems);
        }
        Set<Programme> programs = EnumSet.noneOf(Programme.class);
        if (in.programs() == null || in.programs().isEmpty()) {
            problems.add(InputProblem.of(at + "programs", "NO_PROGRAMME", "Choose at least one programme"));
        } else {
            for (String p : in.programs()) {
                try {
                    programs.add(Programme.parse(p));
                } catch (IllegalArgumentException | NullPointerException e) {
                    problems.add(InputProblem.of(at + "programs", "UNKNOWN_PROGRAMME", "Unknown programme '" + InputProblem.shown(p) + "'"));
                }
            }
        }
        if (segment == Segment.BPU) {
            if (programs.contains(Programme.JP)) {
                problems.add(InputProblem.of(at + "programs", "BPU_JP_NOT_AVAILABLE", "JP (pension) is not available to BPU participants"));
            }
            if (programs.contains(Programme.JKP)) {
                problems.add(InputProblem.of(at + "programs", "BPU_JKP_NOT_AVAILABLE", "JKP (job loss) is not available to BPU participants"));
            }
            if (!programs.isEmpty() && (!programs.contains(Programme.JKK) || !programs.contains(Programme.JKM))) {
                problems.add(InputProblem.of(at + "programs", "BPU_MINIMUM_PACKAGE", "A BPU participant must take at least JKK and JKM"));
            }
        }
        // a line of text (TextRules): a bell or a direction override in an agency's name was kept and shown
        String line = in.budgetLine() == null || in.budgetLine().isBlank() ? null : TextRules.normalise(in.budgetLine(), TextRules.Kind.LINE);
        // a line of zero-width characters only is empty once normalised: not given, so the default line, not ""
        line = line == null || line.isEmpty() ? null : line;
        TextRules.check(at + "budgetLine", in.budgetLine(), TextRules.Kind.LINE, 100, false).ifPresent(problems::add);
        if (problems.size() > before) {
            return Optional.empty();
        }
        String group = line != null ? line : BudgetLines.of(payerKind, category.get().villageApparatus());
        return Optional.of(new Cohort(category.get().code(), segment, (int) count, wage, programs, from, group, joiners, leavers,
                wageDefault));
    }

    /** People joining or leaving a cohort each month: a count, none when not given. */
    private static int flow(Long value, String field, List<InputProblem> problems) {
        if (value == null) {
            return 0;
        }
        if (value < 0) {
            problems.add(InputProblem.of(field, "NEGATIVE_COUNT", "People joining or leaving per month cannot be negative: " + value));
            return 0;
        }
        if (value > 100_000) {
            problems.add(InputProblem.of(field, "COUNT_TOO_LARGE", "At most 100,000 people join or leave a cohort per month"));
            return 0;
        }
        return value.intValue();
    }
}
