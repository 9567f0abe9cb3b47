package id.lindung.coverage;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.PersonalData;
import id.lindung.access.RegionScope;
import id.lindung.coverage.internal.BenefitsPaid;
import id.lindung.coverage.internal.CoverageRollups;
import id.lindung.coverage.internal.RollupReads;
import id.lindung.coverage.internal.DesaSadarRule;
import id.lindung.coverage.internal.DesaSadarRules;
import id.lindung.coverage.internal.IndicatorSql;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.NotFoundException;
import id.lindung.region.PotentialWorkforce;
import id.lindung.region.WholeWorkforce;
import id.lindung.shared.Rupiah;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The coverage indicators of any region (village, district, regency or city, province, or the nation {@code ID}) on
 * any date, for the current actor: a region outside the actor's scope, or above it, is not found (404), as anywhere.
 * A null region is the actor's own scope; a null date is today in the business time zone. Exact: every figure is read
 * from the coverage rollups after they took in every committed write (internal.CoverageRollups,
 * docs/decisions/0010-coverage-rollups.md), or counted directly over the registry's and billing's published views
 * (IndicatorSql, the reference) for a date the rollups do not cover (docs/coverage.md).
 */
@Service
public class CoverageIndicators {

    private static final Logger log = LoggerFactory.getLogger(CoverageIndicators.class);

    /** The longest trend one request may ask for. */
    public static final int MAX_TREND_MONTHS = 60;

    /** The length of a regency's code (64.02): the largest region counted directly while the rollups are busy. */
    private static final int REGENCY_CODE_LENGTH = 5;

    /** Up to this many desa with people, a list that leaves out desa without people reads its desa by code. */
    private static final int DESA_READ_BY_CODE = 5_000;

    private final IndicatorSql sql;
    private final CoverageRollups rollups;
    private final RollupReads rolledUp;
    private final DesaSadarRules desaSadarRules;
    private final BenefitsPaid benefits;
    private final PotentialWorkforce workforce;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final CurrentActor currentActor;

    CoverageIndicators(IndicatorSql sql, CoverageRollups rollups, RollupReads rolledUp, DesaSadarRules desaSadarRules,
                       BenefitsPaid benefits, PotentialWorkforce workforce,
                       JdbcClient jdbc, Clock clock, CurrentActor currentActor) {
        this.sql = sql;
        this.rollups = rollups;
        this.rolledUp = rolledUp;
        this.desaSadarRules = desaSadarRules;
        this.benefits = benefits;
        this.workforce = workforce;
        this.jdbc = jdbc;
        this.clock = clock;
        this.currentActor = currentActor;
    }

    /** A region as coverage names it: the nation is {@code ID}, named Indonesia. */
    record Target(String code, String name) {
        boolean national() {
            return RegionScope.NATIONAL_CODE.equals(code);
        }

        RegionScope range() {
            return RegionScope.of(code);
        }

        int prefixLength() {
            return national() ? 0 : code.length();
        }
    }

    /** Today in the business time zone: the default date. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The indicators of a region on a date; money over the date's year up to the date. */
    public Coverage of(String region, LocalDate date) {
        return of(region, date, null, null);
    }

    /** The indicators of a region on a date, with money over {@code from}..{@code to} (default: the date's year to the date). */
    public Coverage of(String region, LocalDate date, LocalDate from, LocalDate to) {
        return of(region, date, from, to, false);
    }

    /** {@code direct}: counted over the published views, not the rollups (the reference the exactness tests compare with). */
    Coverage of(String region, LocalDate date, LocalDate from, LocalDate to, boolean direct) {
        LocalDate d = day(date, from, to);
        Target target = resolve(region);
        LocalDate[] period = period(d, from, to);
        return compute(target.range(), target.prefixLength(), List.of(target), d, period[0], period[1], direct).get(0);
    }

    /**
     * Brings the rollups up to every committed write now, so that the next read does not pay for a bulk load (a
     * rebuild after a national billing run or a large import); returns how long it took, in milliseconds.
     */
    public long warmUp() {
        return rollups.refresh().millis();
    }

    /** The same object for each child region (provinces of the nation, regencies of a province, ...), in code order. */
    public List<Coverage> children(String region, LocalDate date) {
        return children(region, date, null, null, false);
    }

    /** The children, with money over {@code from}..{@code to} (default: the date's year to the date). */
    public List<Coverage> children(String region, LocalDate date, LocalDate from, LocalDate to) {
        return children(region, date, from, to, false);
    }

    List<Coverage> children(String region, LocalDate date, boolean direct) {
        return children(region, date, null, null, direct);
    }

    List<Coverage> children(String region, LocalDate date, LocalDate from, LocalDate to, boolean direct) {
        LocalDate d = day(date, from, to);
        Target target = resolve(region);
        List<Target> children = jdbc.sql(target.national()
                        ? "select code, name from region_area where active and parent_code is null order by code"
                        : "select code, name from region_area where active and parent_code = :code order by code")
                .param("code", target.code())
                .query((rs, n) -> new Target(rs.getString(1), rs.getString(2))).list();
        if (children.isEmpty()) {
            return List.of();
        }
        LocalDate[] period = period(d, from, to);
        return compute(target.range(), children.get(0).code().length(), children, d, period[0], period[1], direct);
    }

    /**
     * One object per month end from {@code from} to {@code to} (a month not yet ended is taken on today), money over
     * that month.
     */
    public List<Coverage> trend(String region, YearMonth from, YearMonth to) {
        return trend(region, from, to, null);
    }

    /**
     * The trend as {@link #trend(String, YearMonth, YearMonth)}, its last month taken on {@code asOf} rather than on its
     * month end when {@code asOf} falls in it (the dashboard's date: the trend ends where the big numbers stand, not on
     * a later day); null is today.
     */
    public List<Coverage> trend(String region, YearMonth from, YearMonth to, LocalDate asOf) {
        LocalDate today = today();
        // both bounds judged before either is refused: every field at fault at once
        List<id.lindung.platform.InputProblem> problems = new ArrayList<>();
        checkMonth("from", from, today, problems);
        checkMonth("to", to, today, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Target target = resolve(region);
        if (from == null || to == null || from.isAfter(to)) {
            throw new InvalidInputException("from", "PERIOD_INVALID", "from and to must be months YYYY-MM with from not after to");
        }
        if (from.plusMonths(MAX_TREND_MONTHS - 1).isBefore(to)) {
            throw new InvalidInputException("to", "PERIOD_TOO_LONG", "A trend covers at most " + MAX_TREND_MONTHS + " months");
        }
        if (from.isAfter(YearMonth.from(today))) {
            throw new InvalidInputException("from", "PERIOD_IN_FUTURE", "The trend cannot start after the current month");
        }
        List<Coverage> result = new ArrayList<>();
        LocalDate last = asOf == null || asOf.isAfter(today) ? today : asOf;
        for (YearMonth m = from; !m.isAfter(to) && !m.isAfter(YearMonth.from(last)); m = m.plusMonths(1)) {
            LocalDate end = m.atEndOfMonth().isAfter(last) ? last : m.atEndOfMonth();
            result.add(compute(target.range(), target.prefixLength(), List.of(target), end, m.atDay(1), end, false).get(0));
        }
        return result;
    }

    private static void checkMonth(String field, YearMonth month, LocalDate today, List<id.lindung.platform.InputProblem> problems) {
        try {
            CoverageDates.check(field, month, today);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
    }

    /** Every desa of the region with its Desa Sadar status on the date (all statuses when {@code only} is null). */
    public DesaSadarVillages desaSadar(String region, LocalDate date, DesaSadarVillages.Status only) {
        return desaSadar(region, date, only, false);
    }

    DesaSadarVillages desaSadar(String region, LocalDate date, DesaSadarVillages.Status only, boolean direct) {
        LocalDate d = day(date, null, null);
        Target target = resolve(region);
        Actor actor = currentActor.get();
        DesaSadarRule rule = desaSadarRules.on(d);
        RegionScope range = target.range();
        boolean fromRollups = !direct && rollups.answers(d) && refreshed(range);
        Map<String, List<DesaSadarRule.Person>> people = new HashMap<>();
        if (fromRollups) {
            // a near-miss list reads the desa the rollups judged near misses only; a desa without people is never one
            boolean nearOnly = only == DesaSadarVillages.Status.NEAR;
            for (RollupReads.Official o : rolledUp.desaSadarOfficials(range.lo(), range.hi(), d, rule.criterion(), nearOnly)) {
                people.computeIfAbsent(o.villageCode(), k -> new ArrayList<>())
                        .add(new DesaSadarRule.Person(o.category(), o.protectedOnDate(), null, null, o.workerId()));
            }
        } else {
            for (IndicatorSql.Person p : sql.desaSadarPeople(range.lo(), range.hi(), d, rule.criterion())) {
                people.computeIfAbsent(p.villageCode(), k -> new ArrayList<>())
                        .add(new DesaSadarRule.Person(p.category(), p.protectedWorkers(), p.nik(), p.name()));
            }
        }
        // most desa of the nation have none of the rule's people registered: one verdict for all of them, judged once,
        // instead of the rule's streams again for each of the 75,000 rows
        DesaSadarRule.Verdict nobody = rule.judge(List.of());
        boolean nobodyListed = only == null || nobody.status() == only;
        List<String[]> listed = new ArrayList<>();
        List<DesaSadarRule.Verdict> verdicts = new ArrayList<>();
        // when no desa without people is listed (a near-miss list), only the few desa with people are read by code,
        // not the 75,000 of the nation
        boolean byCode = !nobodyListed && people.size() <= DESA_READ_BY_CODE;
        jdbc.sql("select code, name from region_area where active and level = 'VILLAGE' and kind = 'DESA'"
                        + " and code >= :lo and code < :hi" + (byCode ? " and code = any(cast(:codes as text[]))" : "") + " order by code")
                .param("lo", range.lo()).param("hi", range.hi())
                .param("codes", byCode ? people.keySet().toArray(String[]::new) : null)
                .query(rs -> {
                    List<DesaSadarRule.Person> here = people.get(rs.getString(1));
                    DesaSadarRule.Verdict verdict = here == null ? (nobodyListed ? nobody : null) : rule.judge(here);
                    if (verdict != null && (only == null || verdict.status() == only)) {
                        listed.add(new String[] {rs.getString(1), rs.getString(2)});
                        verdicts.add(verdict);
                    }
                });
        Naming naming = fromRollups ? naming(verdicts, rule) : null;
        List<DesaSadarVillages.Village> villages = new ArrayList<>(listed.size());
        for (int i = 0; i < listed.size(); i++) {
            List<DesaSadarRule.Person> missing = naming == null ? verdicts.get(i).missing() : naming.named(verdicts.get(i).missing());
            villages.add(new DesaSadarVillages.Village(listed.get(i)[0], listed.get(i)[1], verdicts.get(i).status(), missing.stream()
                    .map(p -> new DesaSadarVillages.Missing(PersonalData.nik(actor, p.nik()), p.name(), p.category()))
                    .toList()));
        }
        return new DesaSadarVillages(target.code(), d, rule.published(), villages);
    }

    /**
     * The NIK and name of every person the listed verdicts name missing, read by worker id, with the database's order
     * of categories and names: a village's missing people come in the order the direct read gives them (the rule's
     * required categories first, then the share's, each by category, name and id).
     */
    private Naming naming(List<DesaSadarRule.Verdict> verdicts, DesaSadarRule rule) {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        verdicts.forEach(v -> v.missing().forEach(p -> ids.add(p.workerId())));
        return new Naming(rolledUp.names(ids), rolledUp.categoryOrder(rule.criterion()), rule.requiredAll());
    }

    private record Naming(Map<Long, RollupReads.Named> names, Map<String, Integer> categoryOrder, List<String> requiredAll) {

        List<DesaSadarRule.Person> named(List<DesaSadarRule.Person> missing) {
            // a span whose worker the registry no longer lists (a restore) is left out, as the direct read's join does
            return missing.stream().filter(p -> names.containsKey(p.workerId()))
                    .sorted(java.util.Comparator.<DesaSadarRule.Person>comparingInt(p -> requiredAll.contains(p.category()) ? 0 : 1)
                            .thenComparingInt(p -> categoryOrder.get(p.category()))
                            .thenComparingInt(p -> names.get(p.workerId()).rank()))
                    .map(p -> new DesaSadarRule.Person(p.category(), p.protectedOnDate(), names.get(p.workerId()).nik(),
                            names.get(p.workerId()).name(), p.workerId()))
                    .toList();
        }
    }

    /**
     * Brings the rollups up to date for a read of the range; false when the read is to count directly instead: a regency
     * or smaller while another transaction's refresh (a catch-up's rebuild) holds them (CoverageRollups.refreshUnlessBusy).
     */
    private boolean refreshed(RegionScope range) {
        if (!range.isNational() && range.code().length() >= REGENCY_CODE_LENGTH) {
            return rollups.refreshUnlessBusy();
        }
        rollups.refresh();
        return true;
    }

    /** The region named, if the actor's scope covers it (a region above or beside the scope is not found). */
    Target resolve(String region) {
        RegionScope scope = currentActor.get().scope();
        String code = region == null || region.isBlank() ? scope.code() : region.trim().toUpperCase(java.util.Locale.ROOT);
        RegionScope wanted;
        try {
            wanted = RegionScope.of(code);
        } catch (IllegalArgumentException e) {
            throw regionCodeInvalid(code);
        }
        if (!scope.covers(wanted)) {
            throw new NotFoundException("Region " + InputProblem.shown(code) + " not found");
        }
        if (wanted.isNational()) {
            return new Target(RegionScope.NATIONAL_CODE, "Indonesia");
        }
        return jdbc.sql("select code, name from region_area where code = :code").param("code", code)
                .query((rs, n) -> new Target(rs.getString(1), rs.getString(2))).optional()
                .orElseThrow(() -> new NotFoundException("Region " + code + " not found"));
    }

    /** The date asked (today when null), once it and the money period's bounds are within CoverageDates' range. */
    private LocalDate day(LocalDate date, LocalDate from, LocalDate to) {
        LocalDate today = today();
        CoverageDates.check("date", date, today);
        CoverageDates.check("periodFrom", from, today);
        CoverageDates.check("periodTo", to, today);
        return date == null ? today : date;
    }

    /** A region asked for that is not a region code (400, whereas a code outside the scope is not found). */
    static InvalidInputException regionCodeInvalid(String code) {
        return new InvalidInputException("region", "REGION_CODE_INVALID", "region '" + InputProblem.shown(code)
                + "' is not ID or a region code such as 64, 64.02, 64.02.03 or 64.02.03.2007");
    }

    private static LocalDate[] period(LocalDate date, LocalDate from, LocalDate to) {
        LocalDate t = to == null ? date : to;
        LocalDate f = from == null ? t.withDayOfYear(1) : from;
        if (f.isAfter(t)) {
            throw new InvalidInputException("periodFrom", "PERIOD_INVALID", "The money period must not start after it ends");
        }
        return new LocalDate[] {f, t};
    }

    private List<Coverage> compute(RegionScope range, int prefixLength, List<Target> targets, LocalDate date,
                                   LocalDate from, LocalDate to, boolean direct) {
        long t0 = System.nanoTime();
        DesaSadarRule rule = desaSadarRules.on(date);
        List<String> groups = targets.stream().map(t -> t.national() ? "" : t.code()).toList();
        // the rollups answer when they cover the date and the money period's end (docs/decisions/0010-coverage-rollups.md)
        boolean fromRollups = !direct && rollups.answers(date) && rollups.answers(to) && refreshed(range);
        long t1 = System.nanoTime();
        List<IndicatorSql.Row> rows = fromRollups ? rolledUp.counts(range.lo(), range.hi(), prefixLength, groups, date)
                : sql.counts(range.lo(), range.hi(), prefixLength, date, rule.criterion());
        Map<String, Map<String, Map<String, Coverage.Count>>> counts = new HashMap<>();
        for (IndicatorSql.Row r : rows) {
            counts.computeIfAbsent(r.group(), k -> new HashMap<>()).computeIfAbsent(r.dimension(), k -> new HashMap<>())
                    .put(r.key() == null ? "" : r.key(), new Coverage.Count(r.registered(), r.protectedWorkers()));
        }
        long t2 = System.nanoTime();
        Map<String, IndicatorSql.MoneyRow> money = fromRollups ? rolledUp.money(range.lo(), range.hi(), prefixLength, groups, from, to)
                : sql.money(range.lo(), range.hi(), prefixLength, from, to);
        long t3 = System.nanoTime();
        Map<String, Rupiah> paidBenefits = benefits.byGroup(range.lo(), range.hi(), prefixLength, groups, from, to);
        long t4 = System.nanoTime();
        Map<String, WholeWorkforce> potentials = potentials(targets, date.getYear());
        List<String> categories = jdbc.sql("select code from registry_worker_category order by sort_order, code")
                .query(String.class).list();
        if (log.isDebugEnabled()) {
            // where an object's time goes, for an operator chasing a slow dashboard (docs/benchmarks.md)
            long t5 = System.nanoTime();
            log.debug("Coverage of {} group(s) under {} on {}: {}; refresh {} µs, counts {} µs, money {} µs, benefits {} µs, "
                            + "potentials {} µs", groups.size(), range.code(), date, fromRollups ? "rollups" : "direct",
                    (t1 - t0) / 1000, (t2 - t1) / 1000, (t3 - t2) / 1000, (t4 - t3) / 1000, (t5 - t4) / 1000);
        }
        return CoverageObjects.of(targets, date, from, to, counts, money, paidBenefits, benefits, potentials, categories);
    }

    /**
     * The denominator of each target for the year: the region module's whole potential workforce (docs/coverage.md
     * "potential"), one lookup for the region, its children or the nation.
     */
    private Map<String, WholeWorkforce> potentials(List<Target> targets, int year) {
        return workforce.whole(targets.stream().map(Target::code).toList(), year);
    }

}
