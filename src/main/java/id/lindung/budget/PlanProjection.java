package id.lindung.budget;

import id.lindung.contribution.ContributionCalculator;
import id.lindung.contribution.ContributionLine;
import id.lindung.contribution.ContributionSchedule;
import id.lindung.regulation.DatedValue;
import id.lindung.regulation.Reference;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.shared.Programme;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A plan's cost month by month: every line (a membership term the payer pays, or a planned cohort's programme) costs, in
 * each month it is active, what the contribution calculator's schedule of that month says, times its head count, for
 * the shares the payer pays. Parameters not yet published for the year are projected ({@link ParameterProjection}) and
 * named in every month that uses them; so is every value the regulation data marks unverified that a costed line used
 * ({@link UnverifiedValue}). Pure: no Spring, clock or database.
 */
public final class PlanProjection {

    /** The programmes a plan shows; JKP costs the payer nothing (funded by recomposition, docs/rules). */
    public static final List<Programme> SHOWN = List.of(Programme.JKK, Programme.JKM, Programme.JHT, Programme.JP);

    private final RegulationCatalog catalog;

    public PlanProjection(RegulationCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * One programme of one membership or cohort, active from {@code from} to {@code until} (inclusive months).
     *
     * @param group         the budget line it is written on (PERSONNEL, SOCIAL_PROTECTION, an agency, ALL)
     * @param employerShare the payer pays the employer's share
     * @param workerShare   the payer pays the worker's share (a village pays both for its officials; all of BPU is the
     *                      worker's share)
     * @param wageDefault   the regulation value {@code wage} is (a cohort's default wage), else null: named among the
     *                      unverified values in every month the line costs when its sources do not settle it
     */
    public record Line(String group, Segment segment, Rupiah wage, RiskGroup risk, boolean labourIntensive, Programme program,
                       boolean employerShare, boolean workerShare, long count, YearMonth from, YearMonth until,
                       DatedValue wageDefault) {
        public Line {
            Objects.requireNonNull(segment);
            Objects.requireNonNull(wage);
            Objects.requireNonNull(program);
        }

        /** A line at a wage given (a membership's, a named person's, a typed cohort wage). */
        public Line(String group, Segment segment, Rupiah wage, RiskGroup risk, boolean labourIntensive, Programme program,
                    boolean employerShare, boolean workerShare, long count, YearMonth from, YearMonth until) {
            this(group, segment, wage, risk, labourIntensive, program, employerShare, workerShare, count, from, until, null);
        }

        boolean activeIn(YearMonth m) {
            return !m.isBefore(from) && !m.isAfter(until);
        }
    }

    /** A month's cost: per programme, per share and in total (what the payer pays). */
    public record MonthCost(YearMonth month, Map<Programme, Rupiah> byProgram, Rupiah payerShare, Rupiah workerShare,
                            Rupiah total, List<String> projected, List<String> unverified, String regulationVersion) {}

    /** A budget line's cost for the year. */
    public record GroupCost(String group, Map<Programme, Rupiah> byProgram, Rupiah payerShare, Rupiah workerShare, Rupiah total) {}

    public record Result(int year, List<MonthCost> months, List<GroupCost> groups, Map<Programme, Rupiah> byProgram,
                         Rupiah payerShare, Rupiah workerShare, Rupiah total, List<String> projected,
                         List<ProjectedValue> projectedValues, List<UnverifiedValue> unverified) {}

    /**
     * A regulation value the plan's figures were computed with that its sources do not settle: marked unverified in the
     * regulation data ({@code verified: false}, RULES.md's UNVERIFIED), or projected (never verified).
     *
     * @param from    when the value took effect; with {@code value}, null for a value not read on a month's first day
 * @param affects the programmes whose amounts it entered
     * @param months  the months whose amounts it entered
     */
    public record UnverifiedValue(String parameter, LocalDate from, String value, boolean projected, List<Programme> affects,
                                  List<YearMonth> months) {}

    /**
     * The unverified values of several results (a what-if's kinds of person, a prioritisation's candidates' costings),
     * each value once: the programmes and months of every result that used it.
     */
    public static List<UnverifiedValue> merged(List<List<UnverifiedValue>> lists) {
        Map<String, UnverifiedValue> byValue = new TreeMap<>();
        for (List<UnverifiedValue> list : lists) {
            for (UnverifiedValue u : list) {
                byValue.merge(u.parameter() + "|" + (u.from() == null ? "" : u.from()), u, (a, b) -> new UnverifiedValue(
                        a.parameter(), a.from(), a.value(), a.projected(), union(a.affects(), b.affects()),
                        union(a.months(), b.months())));
            }
        }
        return List.copyOf(byValue.values());
    }

    private static <T extends Comparable<T>> List<T> union(List<T> a, List<T> b) {
        TreeSet<T> all = new TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** A value the plan assumed because it is not published yet. */
    public record ProjectedValue(String parameter, LocalDate from, String value, String basis) {}

    /** The months of {@code year} in which contributions exist (from July 2015, when BPJS's programmes began). */
    public List<YearMonth> months(int year) {
        YearMonth first = YearMonth.from(catalog.programmeStart(Programme.JKK));
        List<YearMonth> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth ym = YearMonth.of(year, m);
            if (!ym.isBefore(first)) {
                months.add(ym);
            }
        }
        return months;
    }

    public Result project(int year, List<Line> lines) {
        ParameterProjection.Extended extended = ParameterProjection.forYear(catalog, year);
        ContributionCalculator calculator = new ContributionCalculator(extended.catalog());
        List<MonthCost> months = new ArrayList<>();
        Map<String, Acc> groups = new LinkedHashMap<>();
        Acc year_ = new Acc();
        TreeSet<String> projected = new TreeSet<>();
        Map<String, Unverified> unverified = new TreeMap<>();
        for (YearMonth month : months(year)) {
            ContributionSchedule schedule = calculator.schedule(month);
            Acc acc = new Acc();
            TreeSet<String> monthUnverified = new TreeSet<>();
            for (Line line : lines) {
                if (!line.activeIn(month) || line.count() == 0
                        || extended.catalog().find("programme." + line.program().name() + ".inForce", month.atDay(1)).isEmpty()) {
                    continue;
                }
                ContributionLine c = cost(schedule, line);
                Rupiah employer = line.employerShare() ? c.employer().times(line.count()) : Rupiah.ZERO;
                Rupiah worker = line.workerShare() ? c.worker().times(line.count()) : Rupiah.ZERO;
                acc.add(line.program(), employer, worker);
                groups.computeIfAbsent(line.group(), g -> new Acc()).add(line.program(), employer, worker);
                if (!line.employerShare() && !line.workerShare()) {
                    continue;
                }
                // the values the calculator says it used, as the regulation data flags them (no list of them in code)
                for (Reference ref : c.references()) {
                    if (!ref.verified()) {
                        // the value in force on the month's first day, the day the schedule reads; a value the
                        // calculator read on another day (a relief window) is named by its parameter alone
                        DatedValue v = extended.catalog().find(ref.parameter(), month.atDay(1)).orElse(null);
                        monthUnverified.add(ref.parameter());
                        unverified.computeIfAbsent(ref.parameter() + "|" + (v == null ? "" : v.from()),
                                k -> new Unverified(ref.parameter(), v, v != null && extended.projected().contains(v)))
                                .add(line.program(), month);
                    }
                }
                // the wage itself, when it is a regulation value (a cohort's default wage) its sources do not settle
                DatedValue wage = line.wageDefault();
                if (wage != null && !wage.verified()) {
                    monthUnverified.add(wage.parameter());
                    unverified.computeIfAbsent(wage.parameter() + "|" + wage.from(), k -> new Unverified(wage.parameter(), wage, false))
                            .add(line.program(), month);
                }
            }
            year_.merge(acc);
            List<String> monthProjected = extended.projectedOn(month.atDay(1));
            projected.addAll(monthProjected);
            months.add(new MonthCost(month, acc.byProgram(), acc.employer, acc.worker, acc.employer.plus(acc.worker),
                    monthProjected, List.copyOf(monthUnverified), schedule.regulationVersion()));
        }
        List<GroupCost> groupCosts = groups.entrySet().stream().map(e -> new GroupCost(e.getKey(), e.getValue().byProgram(),
                e.getValue().employer, e.getValue().worker, e.getValue().employer.plus(e.getValue().worker))).toList();
        List<ProjectedValue> values = extended.projected().stream()
                .map(v -> new ProjectedValue(v.parameter(), v.from(), v.text(), v.reference().note())).toList();
        return new Result(year, List.copyOf(months), groupCosts, year_.byProgram(), year_.employer, year_.worker,
                year_.employer.plus(year_.worker), List.copyOf(projected), values,
                unverified.values().stream().map(Unverified::value).toList());
    }

    /** One unverified value as the months use it. */
    private static final class Unverified {
        final String parameter;
        final DatedValue value;
        final boolean projected;
        final TreeSet<Programme> programmes = new TreeSet<>();
        final TreeSet<YearMonth> months = new TreeSet<>();

        Unverified(String parameter, DatedValue value, boolean projected) {
            this.parameter = parameter;
            this.value = value;
            this.projected = projected;
        }

        void add(Programme p, YearMonth month) {
            programmes.add(p);
            months.add(month);
        }

        UnverifiedValue value() {
            return new UnverifiedValue(parameter, value == null ? null : value.from(), value == null ? null : value.text(),
                    projected, List.copyOf(programmes), List.copyOf(months));
        }
    }

    /** One person's cost of one line for a month (what {@link #project} multiplies by the head count). */
    static ContributionLine cost(ContributionSchedule schedule, Line line) {
        // a relief month (PP 49/2020) is costed with the relief, as billing does for a payer whose standing is unknown
        return line.segment() == Segment.BPU ? schedule.bpuLine(line.program(), line.wage(), true)
                : schedule.puLine(line.program(), line.wage(), line.risk() == null ? RiskGroup.VERY_LOW : line.risk(),
                        line.labourIntensive(), true);
    }

    /** The yearly cost to the payer of one person on {@code lines} (prioritisation ranks people by it). */
    public Rupiah yearlyCost(int year, List<Line> lines) {
        return project(year, lines).total();
    }

    private static final class Acc {
        final EnumMap<Programme, Rupiah> program = new EnumMap<>(Programme.class);
        Rupiah employer = Rupiah.ZERO;
        Rupiah worker = Rupiah.ZERO;

        void add(Programme p, Rupiah e, Rupiah w) {
            program.merge(p, e.plus(w), Rupiah::plus);
            employer = employer.plus(e);
            worker = worker.plus(w);
        }

        void merge(Acc other) {
            other.program.forEach((p, v) -> program.merge(p, v, Rupiah::plus));
            employer = employer.plus(other.employer);
            worker = worker.plus(other.worker);
        }

        Map<Programme, Rupiah> byProgram() {
            Map<Programme, Rupiah> m = new LinkedHashMap<>();
            for (Programme p : SHOWN) {
                m.put(p, program.getOrDefault(p, Rupiah.ZERO));
            }
            return m;
        }
    }
}
