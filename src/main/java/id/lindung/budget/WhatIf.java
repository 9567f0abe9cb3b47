package id.lindung.budget;

import id.lindung.access.Actor;
import id.lindung.access.RegionScope;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.NotFoundException;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.region.PotentialWorkforce;
import id.lindung.registry.BpuIncomeRange;
import id.lindung.shared.Programme;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The national what-if (docs/budget.md, "What-if"): a policy such as "every kepala desa and perangkat desa at the minimum
 * siltap, plus N vulnerable BPU workers per desa at Rp 1,000,000, JKK+JKM", costed for the nation, each province and each
 * regency in one set-based statement over the region list: a person of each kind costs the same everywhere (the
 * calculator, once per kind), so an area's cost is its desa count times the cost of a desa.
 */
@Service
public class WhatIf {

    private final JdbcClient jdbc;
    private final RegulationCatalog catalog;
    private final PotentialWorkforce workforce;
    private final AreaWorkforce areaWorkforce;
    private final BpuIncomeRange bpuIncome;
    private final PlanViews views;
    private final Clock clock;
    private final id.lindung.access.RegionDirectory regions;

    WhatIf(JdbcClient jdbc, RegulationCatalog catalog, PotentialWorkforce workforce, AreaWorkforce areaWorkforce,
           BpuIncomeRange bpuIncome, PlanViews views, Clock clock, id.lindung.access.RegionDirectory regions) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.catalog = catalog;
        this.workforce = workforce;
        this.areaWorkforce = areaWorkforce;
        this.bpuIncome = bpuIncome;
        this.views = views;
        this.clock = clock;
    }

    /**
     * @param perangkatPerDesa  perangkat desa per desa (default 8: sekretaris, 3 kaur, 3 kasi, 1 kepala dusun; an assumption);
     *                          the first is the secretary, at the secretary's minimum siltap (110%), the others at 100%
     * @param vulnerablePayer   who pays the vulnerable workers: APBDES (default) or APBD
     */
    public record Policy(Integer year, Boolean officials, Integer perangkatPerDesa, List<String> officialPrograms,
                         Integer vulnerablePerDesa, BigDecimal vulnerableIncome, List<String> vulnerablePrograms,
                         String vulnerablePayer, String region) {}

    public Map<String, Object> run(Policy policy, Actor actor) {
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(clock);
        int year = policy.year() == null ? today.getYear() + 1 : policy.year();
        List<InputProblem> problems = new ArrayList<>(PlanRules.year(year, today));
        boolean officials = policy.officials() == null || policy.officials();
        int perangkat = policy.perangkatPerDesa() == null ? 8 : policy.perangkatPerDesa();
        int vulnerable = policy.vulnerablePerDesa() == null ? 0 : policy.vulnerablePerDesa();
        // one value per sentence: the Indonesian sentence is chosen by the count of values (ProblemLanguage), and the
        // two-value COUNT_TOO_LARGE reads the first as the count
        if (perangkat < 0 || perangkat > 100) {
            problems.add(perangkat < 0 ? InputProblem.of("perangkatPerDesa", "NEGATIVE_COUNT", "A count of people cannot be negative: " + perangkat)
                    : InputProblem.of("perangkatPerDesa", "COUNT_TOO_LARGE", "At most 100 perangkat per desa"));
        }
        if (vulnerable < 0 || vulnerable > 10_000) {
            problems.add(vulnerable < 0 ? InputProblem.of("vulnerablePerDesa", "NEGATIVE_COUNT", "A count of people cannot be negative: " + vulnerable)
                    : InputProblem.of("vulnerablePerDesa", "COUNT_TOO_LARGE", "At most 10,000 vulnerable workers per desa"));
        }
        Rupiah income = PlanRules.wage("vulnerableIncome",
                policy.vulnerableIncome() == null ? new BigDecimal("1000000") : policy.vulnerableIncome(), problems);
        if (income != null && vulnerable > 0 && PlanRules.year(year, today).isEmpty()) {
            PlanRules.bpuIncome("vulnerableIncome", income, YearMonth.of(year, 1), bpuIncome::range, problems);
        }
        Set<Programme> officialPrograms = programs(policy.officialPrograms(), "officialPrograms", problems);
        int known = problems.size();
        Set<Programme> vulnerablePrograms = programs(policy.vulnerablePrograms(), "vulnerablePrograms", problems);
        boolean unknownProgramme = problems.size() > known;
        // vulnerable workers are BPU: the same codes as a BPU cohort's (JP, JKP, and the JKK+JKM minimum package)
        if (vulnerablePrograms.contains(Programme.JP)) {
            problems.add(InputProblem.of("vulnerablePrograms", "BPU_JP_NOT_AVAILABLE", "Vulnerable workers are BPU: JP (pension) is not available"));
        }
        if (vulnerablePrograms.contains(Programme.JKP)) {
            problems.add(InputProblem.of("vulnerablePrograms", "BPU_JKP_NOT_AVAILABLE", "Vulnerable workers are BPU: JKP (job loss) is not available"));
        }
        if (!unknownProgramme && (!vulnerablePrograms.contains(Programme.JKK) || !vulnerablePrograms.contains(Programme.JKM))) {
            problems.add(InputProblem.of("vulnerablePrograms", "BPU_MINIMUM_PACKAGE", "A BPU participant must take at least JKK and JKM"));
        }
        String vulnerablePayer = policy.vulnerablePayer() == null ? "APBDES" : policy.vulnerablePayer().strip().toUpperCase();
        // strip() takes U+001C..U+001F for spaces: "APBDES\u001f" is refused as every other control character is
        java.util.Optional<InputProblem> payerCharacter = id.lindung.platform.TextRules.controlCharacter("vulnerablePayer", policy.vulnerablePayer());
        if (payerCharacter.isPresent()) {
            problems.add(payerCharacter.get());
        } else if (!vulnerablePayer.equals("APBDES") && !vulnerablePayer.equals("APBD")) {
            problems.add(InputProblem.of("vulnerablePayer", "INVALID_PAYER_KIND", "vulnerablePayer is APBDES or APBD"));
        }
        // a region with a control character is refused as in every other region input, never read without it ("64.02\u0000")
        java.util.Optional<InputProblem> character = id.lindung.platform.TextRules.controlCharacter("region", policy.region());
        character.ifPresent(problems::add);
        RegionScope area;
        try {
            area = character.isPresent() ? actor.scope() : policy.region() == null || policy.region().isBlank() ? actor.scope() : RegionScope.of(policy.region());
        } catch (IllegalArgumentException e) {
            // malformed like every list's region filter (400 REGION_INVALID), not a refusal of the policy
            problems.add(InputProblem.of("region", "REGION_INVALID", "Not a region code: " + InputProblem.shown(policy.region())));
            area = actor.scope();
        }
        if (problems.stream().anyMatch(p -> p.code().equals("REGION_INVALID") || p.code().equals("INVALID_CHARACTER"))) {
            throw new InvalidInputException(problems);
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.refused(problems);
        }
        // a well-formed code that is no region (99, 64.99) is not found, as one outside the scope and as the regency view's
        // {code}: it answered 200 with an area of no name and no desa (audit of issue 15, 7 December 2026)
        if (!actor.scope().covers(area) || (!area.isNational() && !regions.known(area.code()))) {
            throw new NotFoundException("Region " + area.code() + " not found");
        }
        LocalDate jan = LocalDate.of(year, 1, 1);
        PlanProjection projection = new PlanProjection(catalog);
        // each kind of person costed once; the unverified values any of them used are the result's (docs/budget.md)
        List<List<PlanProjection.UnverifiedValue>> unverified = new ArrayList<>();
        Rupiah kades = officials ? yearly(projection, year, lines(Segment.PU,
                catalog.valueOn("village.defaultWage.kepalaDesa", jan).rupiah(), officialPrograms, year), unverified) : Rupiah.ZERO;
        Rupiah oneOfficial = officials ? yearly(projection, year, lines(Segment.PU,
                catalog.valueOn("village.defaultWage.perangkatDesa", jan).rupiah(), officialPrograms, year), unverified) : Rupiah.ZERO;
        // one of a desa's perangkat is its secretary, whose minimum siltap is 110% (PP 11/2019 Pasal 81), not 100%
        boolean secretary = officials && perangkat > 0;
        Rupiah sekdes = secretary ? yearly(projection, year, lines(Segment.PU,
                catalog.valueOn("village.defaultWage.sekretarisDesa", jan).rupiah(), officialPrograms, year), unverified) : Rupiah.ZERO;
        Rupiah oneVulnerable = vulnerable == 0 ? Rupiah.ZERO
                : yearly(projection, year, lines(Segment.BPU, income, vulnerablePrograms, year), unverified);
        Rupiah officialsPerDesa = kades.plus(sekdes).plus(oneOfficial.times(secretary ? perangkat - 1 : perangkat));
        Rupiah vulnerablePerDesaCost = oneVulnerable.times(vulnerable);
        long peoplePerDesa = (officials ? 1 + perangkat : 0) + vulnerable;
        BigDecimal apbdesPerDesa = officialsPerDesa.plus(vulnerablePayer.equals("APBDES") ? vulnerablePerDesaCost : Rupiah.ZERO).toBigDecimal();
        BigDecimal apbdPerDesa = (vulnerablePayer.equals("APBD") ? vulnerablePerDesaCost : Rupiah.ZERO).toBigDecimal();

        // one statement: desa per regency, per province and for the whole area (grouping sets), costed per desa
        record Row(String level, String code, String name, long desa) {}
        List<Row> rows = jdbc.sql("""
                with d as (
                    select substr(r.code, 1, 2) as province, substr(r.code, 1, 5) as regency
                    from region_area r
                    where r.level = 'VILLAGE' and r.kind = 'DESA' and r.active and r.code >= :lo and r.code < :hi),
                g as (
                    select province, regency, count(*) as desa, grouping(province) as gp, grouping(regency) as gr
                    from d group by grouping sets ((province, regency), (province), ()))
                select case when g.gp = 1 then 'AREA' when g.gr = 1 then 'PROVINCE' else 'REGENCY' end as level,
                       case when g.gp = 1 then :area when g.gr = 1 then g.province else g.regency end as code,
                       a.name, g.desa
                from g left join region_area a
                  on a.code = case when g.gp = 1 then :area when g.gr = 1 then g.province else g.regency end
                order by g.gp desc, g.province, g.gr desc, g.regency""")
                .param("lo", area.lo()).param("hi", area.hi()).param("area", area.code())
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4))).list();
        int workforceYear = workforce.latestYear(area.code()).orElse(year);
        // a ratio divides by the workforce of the whole row: a province or nation with figures for only some of its
        // regencies has none (its desa would be counted over part of its workforce: the nation read 34.67%)
        Map<String, Long> figures = areaWorkforce.of(area, rows.stream().map(Row::code).toList(), workforceYear);
        List<Map<String, Object>> provinces = new ArrayList<>();
        List<Map<String, Object>> regencies = new ArrayList<>();
        Map<String, Object> whole = null;
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", r.code());
            // the whole area by its name too ("Kutai Kartanegara"), the nation as Indonesia: it was null
            m.put("name", r.name() == null && RegionScope.NATIONAL_CODE.equals(r.code()) ? "Indonesia" : r.name());
            m.put("desa", r.desa());
            m.put("people", r.desa() * peoplePerDesa);
            Map<String, Object> byPayer = new LinkedHashMap<>();
            // money as JSON numbers, as every other amount of the budget API (they were strings here)
            byPayer.put("APBDES", Rupiah.of(apbdesPerDesa.multiply(BigDecimal.valueOf(r.desa()))).toNumber());
            byPayer.put("APBD", Rupiah.of(apbdPerDesa.multiply(BigDecimal.valueOf(r.desa()))).toNumber());
            m.put("costByPayerKind", byPayer);
            m.put("total", Rupiah.of(apbdesPerDesa.add(apbdPerDesa).multiply(BigDecimal.valueOf(r.desa()))).toNumber());
            Long potential = figures.get(r.code());
            m.put("potentialWorkforce", potential);
            m.put("coverageRatio", PlanOverviews.ratio(r.desa() * peoplePerDesa, potential));
            switch (r.level()) {
                case "AREA" -> whole = m;
                case "PROVINCE" -> provinces.add(m);
                default -> regencies.add(m);
            }
        }
        Map<String, Object> v = new LinkedHashMap<>();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("year", year);
        p.put("officials", officials);
        p.put("perangkatPerDesa", perangkat);
        p.put("officialPrograms", officialPrograms.stream().map(Enum::name).toList());
        p.put("vulnerablePerDesa", vulnerable);
        p.put("vulnerableIncome", income.toNumber());
        p.put("vulnerablePrograms", vulnerablePrograms.stream().map(Enum::name).toList());
        p.put("vulnerablePayer", vulnerablePayer);
        v.put("policy", p);
        Map<String, Object> per = new LinkedHashMap<>();
        per.put("kepalaDesa", kades.toNumber());
        per.put("sekretarisDesa", sekdes.toNumber());
        per.put("perangkatDesa", oneOfficial.toNumber());
        per.put("vulnerable", oneVulnerable.toNumber());
        per.put("desa", officialsPerDesa.plus(vulnerablePerDesaCost).toNumber());
        v.put("yearlyCostPerPerson", per);
        v.put("area", whole);
        v.put("provinces", provinces);
        v.put("regencies", regencies);
        v.put("workforceYear", workforceYear);
        v.put("projected", ParameterProjection.forYear(catalog, year).projected().stream().map(d -> d.parameter()).distinct().toList());
        v.put("unverified", views.unverified(PlanProjection.merged(unverified)));
        v.put("elapsedMs", (System.nanoTime() - started) / 1_000_000);
        return v;
    }

    /** One person's yearly cost; the unverified values it used are added to {@code unverified}. */
    private static Rupiah yearly(PlanProjection projection, int year, List<PlanProjection.Line> lines,
                                 List<List<PlanProjection.UnverifiedValue>> unverified) {
        PlanProjection.Result r = projection.project(year, lines);
        unverified.add(r.unverified());
        return r.total();
    }

    private static List<PlanProjection.Line> lines(Segment segment, Rupiah wage, Set<Programme> programs, int year) {
        List<PlanProjection.Line> lines = new ArrayList<>();
        for (Programme p : programs) {
            if (p != Programme.JKP) {
                lines.add(new PlanProjection.Line(BudgetLines.ALL, segment, wage, RiskGroup.VERY_LOW, false, p, true, true, 1,
                        YearMonth.of(year, 1), YearMonth.of(year, 12)));
            }
        }
        return lines;
    }

    private static Set<Programme> programs(List<String> names, String field, List<InputProblem> problems) {
        Set<Programme> set = EnumSet.noneOf(Programme.class);
        for (String n : names == null || names.isEmpty() ? List.of("JKK", "JKM") : names) {
            try {
                set.add(Programme.parse(n));
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.add(InputProblem.of(field, "UNKNOWN_PROGRAMME", "Unknown programme '" + InputProblem.shown(n) + "'"));
            }
        }
        return set;
    }
}
