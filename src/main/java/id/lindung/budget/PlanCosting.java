package id.lindung.budget;

import id.lindung.access.Actor;
import id.lindung.access.RegionScope;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.NotFoundException;
import id.lindung.platform.TextRules;
import id.lindung.regulation.DatedValue;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.registry.BpuIncomeRange;
import id.lindung.registry.DefaultWages;
import id.lindung.registry.WorkerCategories;
import id.lindung.shared.Programme;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks a plan's input and costs it (docs/budget.md, "A plan" and "Projection"): the memberships the payer pays on the
 * reference date as the registry dates them, the planned cohorts with their joiners and leavers, and the people of a
 * named list, each month by the calculator's schedule of that month. Bad input is refused whole with every problem's
 * code, before anything is read or stored.
 */
@Component
class PlanCosting {

    private final JdbcClient jdbc;
    private final RegulationCatalog catalog;
    private final WorkerCategories categories;
    private final DefaultWages defaultWages;
    private final BpuIncomeRange bpuIncome;
    private final Clock clock;

    PlanCosting(JdbcClient jdbc, RegulationCatalog catalog, WorkerCategories categories, DefaultWages defaultWages,
                BpuIncomeRange bpuIncome, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.categories = categories;
        this.defaultWages = defaultWages;
        this.bpuIncome = bpuIncome;
        this.clock = clock;
    }

    /** One membership term the payer pays, as the plan costs it. */
    record Member(long workerId, String nik, Programme program, Segment segment, Rupiah wage, RiskGroup risk,
                  boolean labourIntensive, boolean paysEmployer, boolean paysWorker, LocalDate validFrom, LocalDate validTo,
                  boolean continued, boolean villageApparatus, String category) {}

    /** A plan's named list as the costing takes it. */
    record NamedList(String fileName, List<NamedLists.Person> people) {}

    /**
     * What a named list added to the plan.
     *
     * @param people         the list's people
     * @param costed         those costed (the others already hold a membership the payer pays and are costed once)
     * @param alreadyMembers the list's people already among the plan's registered people
     */
    record ListCost(String fileName, long people, long costed, long alreadyMembers) {}

    /** An input checked and costed: what a plan stores and shows. */
    record Costed(BudgetPlans.PlanPayer payer, int year, LocalDate referenceDate, YearMonth startMonth, List<Cohort> cohorts,
                  long members, Map<String, Long> officialsByCategory, ListCost list, PlanProjection.Result result,
                  List<Map<String, Object>> assumptions) {

        /** The village officials (kepala desa, perangkat desa) the plan covers. */
        long officials() {
            return officialsByCategory.values().stream().mapToLong(Long::longValue).sum();
        }

        long cohortPeople() {
            return cohorts.stream().mapToLong(Cohort::people).sum();
        }

        long listPeople() {
            return list == null ? 0 : list.costed();
        }

        long people() {
            return members + cohortPeople() + listPeople();
        }
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The rules of cohorts, with the registry's categories and the regulation's default wages. */
    PlanRules rules() {
        return new PlanRules(code -> categories.find(code)
                .map(c -> new PlanRules.CategoryFacts(c.code(), c.defaultSegment(), c.villageApparatus())),
                (code, segment, on) -> defaultWages.value(categories.get(code), segment, on), bpuIncome::range);
    }

    Costed cost(PlanRequest request, Actor actor, NamedList list) {
        LocalDate today = today();
        List<InputProblem> malformed = new ArrayList<>();
        List<InputProblem> refused = new ArrayList<>();
        // the scenario's name is a line of text of at most 200 characters: a longer one broke the table's check (a 500), and
        // control and direction-changing characters were kept
        TextRules.check("name", request.name(), TextRules.Kind.LINE, 200, false).ifPresent(malformed::add);
        // a payer code with a control character is malformed, as in a query parameter, never looked up without it
        Optional<InputProblem> character = TextRules.controlCharacter("payer", request.payer());
        character.ifPresent(malformed::add);
        boolean payerGiven = character.isEmpty() && request.payer() != null && !request.payer().isBlank();
        if (!payerGiven && character.isEmpty()) {
            malformed.add(InputProblem.of("payer", "REQUIRED", "Give the payer's code (APBDES:<desa>, APBD:<code>, EMPLOYER:..., DONOR:...)"));
        }
        for (InputProblem p : PlanRules.year(request.year(), today)) {
            // a missing year is malformed (400), as a missing payer; a year out of the window is refused (422)
            (p.code().equals("REQUIRED") ? malformed : refused).add(p);
        }
        Optional<BudgetPlans.PlanPayer> payer = payerGiven ? payer(request.payer(), actor.scope()) : Optional.empty();
        if (payerGiven && payer.isEmpty()) {
            refused.add(InputProblem.of("payer", "UNKNOWN_PAYER", "No payer " + InputProblem.shown(request.payer()) + " in your area "
                    + "(a self-paying worker is no budget's payer)"));
        }
        // a year no plan may have is refused above; the rest is checked against this year, never built from that one
        int year = request.year() == null || !PlanRules.year(request.year(), today).isEmpty() ? today.getYear() : request.year();
        List<InputProblem> dateProblems = new ArrayList<>();
        LocalDate reference = PlanRules.referenceDate(request.referenceDate(), year, today, dateProblems);
        for (InputProblem p : dateProblems) {
            (p.code().startsWith("INVALID") ? malformed : refused).add(p);
        }
        List<InputProblem> cohortProblems = new ArrayList<>();
        List<Cohort> cohorts = rules().cohorts(request.cohorts(), year, payer.map(BudgetPlans.PlanPayer::kind).orElse("APBDES"),
                cohortProblems);
        for (InputProblem p : cohortProblems) {
            (p.code().equals("REQUIRED") || p.code().startsWith("INVALID") ? malformed : refused).add(p);
        }
        if (!malformed.isEmpty()) {
            malformed.addAll(refused);
            throw new InvalidInputException(malformed);
        }
        if (!refused.isEmpty()) {
            throw InvalidInputException.refused(refused);
        }
        BudgetPlans.PlanPayer p = payer.orElseThrow();
        List<PlanProjection.Line> lines = new ArrayList<>();
        Set<Long> people = new HashSet<>();
        Set<String> memberNiks = new HashSet<>();
        // per official category (kepala desa, perangkat desa), its registered people, then its planned and listed count
        Map<String, Set<Long>> officialMembers = new java.util.TreeMap<>();
        Map<String, Long> officials = new java.util.TreeMap<>();
        for (String category : BudgetPlans.OFFICIALS) {
            officialMembers.put(category, new HashSet<>());
            officials.put(category, 0L);
        }
        boolean riskMissing = false;
        for (Member m : members(p, year, reference, actor.scope())) {
            Optional<YearMonth[]> months = billedMonths(m.validFrom(), m.validTo(), m.continued(), year);
            if (months.isEmpty() || m.program() == Programme.JKP) {
                continue;
            }
            if (m.segment() == Segment.PU && m.program() == Programme.JKK && m.risk() == null) {
                riskMissing = true; // billing bills no JKK for a wage earner without a risk group; neither does the plan
                continue;
            }
            people.add(m.workerId());
            memberNiks.add(m.nik());
            if (BudgetPlans.OFFICIALS.contains(m.category())) {
                officialMembers.get(m.category()).add(m.workerId());
            }
            lines.add(new PlanProjection.Line(BudgetLines.of(p.kind(), m.villageApparatus()), m.segment(), m.wage(), m.risk(),
                    m.labourIntensive(), m.program(), m.paysEmployer(), m.paysWorker(), 1, months.get()[0], months.get()[1]));
        }
        for (Cohort k : cohorts) {
            lines.addAll(cohortLines(k, year));
        }
        ListCost listCost = null;
        if (list != null) {
            long costed = 0;
            for (NamedLists.Person person : list.people()) {
                if (memberNiks.contains(person.nik())) {
                    continue; // already costed as registered: never twice
                }
                costed++;
                if (BudgetPlans.OFFICIALS.contains(person.category())) {
                    officials.merge(person.category(), 1L, Long::sum);
                }
                lines.addAll(personLines(person, BudgetLines.of(p.kind(), villageApparatus(person.category())), year,
                        wageDefault(person)));
            }
            listCost = new ListCost(list.fileName(), list.people().size(), costed, list.people().size() - costed);
        }
        PlanProjection.Result result = new PlanProjection(catalog).project(year, lines);
        YearMonth start = startMonth(year, today);
        List<Map<String, Object>> assumptions = PlanAssumptions.of(catalog, year, today, reference, people.size(), cohorts,
                listCost, result, riskMissing);
        officialMembers.forEach((category, ids) -> officials.merge(category, (long) ids.size(), Long::sum));
        for (Cohort k : cohorts) {
            if (BudgetPlans.OFFICIALS.contains(k.category())) {
                officials.merge(k.category(), k.people(), Long::sum);
            }
        }
        return new Costed(p, year, reference, start, cohorts, people.size(), officials, listCost, result, assumptions);
    }

    /**
     * A cohort's lines: one over its months when its head count stays, else one per month with that month's count
     * (joiners and leavers move it month by month).
     */
    static List<PlanProjection.Line> cohortLines(Cohort k, int year) {
        List<PlanProjection.Line> lines = new ArrayList<>();
        YearMonth december = YearMonth.of(year, 12);
        for (Programme program : k.programs()) {
            if (program == Programme.JKP) {
                continue;
            }
            if (!k.flows()) {
                lines.add(new PlanProjection.Line(k.budgetLine(), k.segment(), k.wage(), RiskGroup.VERY_LOW, false, program,
                        true, true, k.count(), k.monthFrom(), december, k.wageDefault()));
                continue;
            }
            for (YearMonth m = k.monthFrom(); !m.isAfter(december); m = m.plusMonths(1)) {
                lines.add(new PlanProjection.Line(k.budgetLine(), k.segment(), k.wage(), RiskGroup.VERY_LOW, false, program,
                        true, true, k.countIn(m), m, m, k.wageDefault()));
            }
        }
        return lines;
    }

    /**
     * The regulation value a named person's wage is when their row gave none: the value of its parameter on their start,
     * the one the import filled in. A value the regulation data has changed since the upload is no longer the wage the
     * person is costed at, and is not named.
     */
    DatedValue wageDefault(NamedLists.Person person) {
        return wageDefault(catalog, person.wageDefault(), person.startDate(), person.wage());
    }

    /** The value of {@code parameter} on {@code start} when it is still {@code wage}, else (or without one) null. */
    static DatedValue wageDefault(RegulationCatalog catalog, String parameter, LocalDate start, Rupiah wage) {
        return parameter == null ? null : catalog.find(parameter, start).filter(v -> v.rupiah().equals(wage)).orElse(null);
    }

    /**
     * A named list's person: their own terms from their start (January at the earliest) to December, paid by the payer.
     *
     * @param wageDefault the regulation value their wage is (it defaulted), else null
     */
    static List<PlanProjection.Line> personLines(NamedLists.Person person, String budgetLine, int year, DatedValue wageDefault) {
        YearMonth from = YearMonth.from(person.startDate());
        if (from.isBefore(YearMonth.of(year, 1))) {
            from = YearMonth.of(year, 1);
        }
        List<PlanProjection.Line> lines = new ArrayList<>();
        for (Programme program : person.programs()) {
            if (program != Programme.JKP) {
                lines.add(new PlanProjection.Line(budgetLine, person.segment(), person.wage(), person.riskGroup(), false, program,
                        true, true, 1, from, YearMonth.of(year, 12), wageDefault));
            }
        }
        return lines;
    }

    boolean villageApparatus(String category) {
        return categories.find(category).map(c -> c.villageApparatus()).orElse(false);
    }

    /** January of a future year; in the current year the month after today; January for a past year. */
    static YearMonth startMonth(int year, LocalDate today) {
        if (year == today.getYear()) {
            YearMonth next = YearMonth.from(today).plusMonths(1);
            return next.getYear() == year ? next : YearMonth.of(year, 12);
        }
        return YearMonth.of(year, 1);
    }

    /**
     * The months of {@code year} a term is billed in (billing's rule: every month active on any day, except the month a
     * continued term closes inside, which its successor bills), as first and last month; empty if none.
     */
    static Optional<YearMonth[]> billedMonths(LocalDate validFrom, LocalDate validTo, boolean continued, int year) {
        YearMonth from = YearMonth.from(validFrom);
        YearMonth until;
        if (validTo == null) {
            until = YearMonth.of(year, 12);
        } else {
            YearMonth lastDayMonth = YearMonth.from(validTo.minusDays(1));
            until = continued && validTo.getDayOfMonth() != 1 ? lastDayMonth.minusMonths(1) : lastDayMonth;
        }
        if (from.isBefore(YearMonth.of(year, 1))) {
            from = YearMonth.of(year, 1);
        }
        if (until.isAfter(YearMonth.of(year, 12))) {
            until = YearMonth.of(year, 12);
        }
        return from.isAfter(until) ? Optional.empty() : Optional.of(new YearMonth[] {from, until});
    }

    /**
     * The payer of that code in the scope, else {@link NotFoundException}: a payer outside the scope and one that does
     * not exist are never told apart (docs/api-errors.md).
     */
    BudgetPlans.PlanPayer payerInScope(String code, RegionScope scope) {
        id.lindung.platform.TextRules.controlCharacter("payer", code).ifPresent(p -> {
            // a payer code with a control character is refused as such, never looked up without it (a U+001F was stripped)
            throw new InvalidInputException(p.field(), p.code(), p.message());
        });
        if (code != null && !code.isBlank() && id.lindung.registry.PayerCode.tryRead(code).isEmpty()) {
            // a text that is no payer code names no payer anywhere: the typing mistake is said as the bill list says it
            throw new InvalidInputException("payer", "PAYER_CODE_INVALID",
                    "'" + id.lindung.access.PersonalData.echoedPayerCode(code) + "' is not a payer code");
        }
        return (code == null || code.isBlank() ? Optional.<BudgetPlans.PlanPayer>empty() : payer(code, scope))
                .orElseThrow(() -> id.lindung.access.PersonalData.payerNotFound(code));
    }

    /** The payer of a code in the caller's scope (registry's published view); SELF payers are no budget's payers. */
    Optional<BudgetPlans.PlanPayer> payer(String code, RegionScope scope) {
        return jdbc.sql("""
                select id, code, kind, name, region_code from registry_payer
                where code = :code and kind <> 'SELF' and region_code >= :lo and region_code < :hi""")
                .param("code", code.strip().toUpperCase(Locale.ROOT)).param("lo", scope.lo()).param("hi", scope.hi())
                .query((rs, n) -> new BudgetPlans.PlanPayer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .optional();
    }

    /**
     * The terms the payer pays (either share) in the year, of the people holding such a term on the reference date,
     * within the caller's scope (registry's published views).
     */
    private List<Member> members(BudgetPlans.PlanPayer payer, int year, LocalDate reference, RegionScope scope) {
        return jdbc.sql("""
                select t.worker_id, rw.nik, t.program, t.segment, t.wage, t.risk_group, t.labour_intensive,
                       coalesce(t.employer_payer_id = :payer, false), t.worker_payer_id = :payer,
                       t.valid_from, t.valid_to, t.continued, coalesce(c.village_apparatus, false), w.category
                from registry_membership_term t
                join registry_worker rw on rw.id = t.worker_id
                left join registry_worker_profile w on w.id = t.worker_id
                left join registry_worker_category c on c.code = w.category
                where (t.employer_payer_id = :payer or t.worker_payer_id = :payer)
                  and t.valid_from <= :yearEnd and (t.valid_to is null or t.valid_to > :yearStart)
                  and t.village_code >= :lo and t.village_code < :hi
                  and t.worker_id in (select r.worker_id from registry_membership_term r
                                      where (r.employer_payer_id = :payer or r.worker_payer_id = :payer)
                                        and r.valid_from <= :ref and (r.valid_to is null or r.valid_to > :ref))
                order by t.worker_id, t.program, t.valid_from""")
                .param("payer", payer.id()).param("yearStart", Date.valueOf(LocalDate.of(year, 1, 1)))
                .param("yearEnd", Date.valueOf(LocalDate.of(year, 12, 31))).param("ref", Date.valueOf(reference))
                .param("lo", scope.lo()).param("hi", scope.hi())
                .query((rs, n) -> new Member(rs.getLong(1), rs.getString(2), Programme.valueOf(rs.getString(3)),
                        Segment.valueOf(rs.getString(4)), Rupiah.of(rs.getBigDecimal(5)),
                        rs.getString(6) == null ? null : RiskGroup.valueOf(rs.getString(6)), rs.getBoolean(7), rs.getBoolean(8),
                        rs.getBoolean(9), rs.getDate(10).toLocalDate(), rs.getDate(11) == null ? null : rs.getDate(11).toLocalDate(),
                        rs.getBoolean(12), rs.getBoolean(13), rs.getString(14)))
                .list();
    }
}
