package id.lindung.budget;

import id.lindung.access.RegionScope;
import id.lindung.registry.ProtectionOnDate;
import id.lindung.regulation.DatedValue;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.shared.Programme;
import id.lindung.shared.ProtectionStatus;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The candidates of a prioritisation, each with their yearly cost from the plan's start month: the registered but
 * unprotected workers of the payer's area (no membership, or a BPU membership that lapsed while someone else was to
 * pay), or the people of the plan's named list not protected yet. Scoped to the payer's area and the caller's in SQL.
 */
@Component
class PriorityCandidates {

    /** How many lapsed members' protection one read asks billing for. */
    private static final int PROTECTION_CHUNK = 5_000;

    private final JdbcClient jdbc;
    private final RegulationCatalog catalog;
    private final ObjectProvider<ProtectionOnDate> protection;

    PriorityCandidates(JdbcClient jdbc, RegulationCatalog catalog, ObjectProvider<ProtectionOnDate> protection) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.protection = protection;
    }

    /** What one candidate costs for the year: the lines of their programmes, from {@code start} to December. */
    Rupiah cost(int year, YearMonth start, Segment segment, Rupiah wage, RiskGroup risk, Set<Programme> programs) {
        return costed(year, start, segment, wage, risk, programs).total();
    }

    /** {@link #cost} with the values it used: the unverified ones are the prioritisation's to name. */
    PlanProjection.Result costed(int year, YearMonth start, Segment segment, Rupiah wage, RiskGroup risk, Set<Programme> programs) {
        return costed(year, start, segment, wage, risk, programs, null);
    }

    /** As above, the wage being {@code wageDefault} (a named person's default wage, named when unverified), else null. */
    private PlanProjection.Result costed(int year, YearMonth start, Segment segment, Rupiah wage, RiskGroup risk,
                                         Set<Programme> programs, DatedValue wageDefault) {
        List<PlanProjection.Line> lines = new ArrayList<>();
        for (Programme p : programs) {
            if (p != Programme.JKP) {
                lines.add(new PlanProjection.Line(BudgetLines.SOCIAL_PROTECTION, segment, wage, risk, false, p, true, true, 1, start,
                        YearMonth.of(year, 12), wageDefault));
            }
        }
        return new PlanProjection(catalog).project(year, lines);
    }

    /**
     * The registered but unprotected workers of {@code area} and the caller's scope, active, each costing {@code cost}:
     * those with no membership term on the start month, and those whose terms on it are all BPU paid by themselves and
     * who are not protected on {@code on} (JKK and JKM each PROTECTED or IN_GRACE, the coverage module's rule, read from
     * billing through the registry's {@link ProtectionOnDate}), each costed on their own declared income: an informal
     * worker who stopped paying is who a regency most often takes over. Only for a plan that starts after this month. A member whom a government, an employer or a donor was to pay (a village official whose
     * desa has not paid, a farmer of a regency in arrears) is that payer's debt to settle, not a budget's candidate.
     */
    List<Prioritising.Candidate> unprotected(RegionScope area, RegionScope scope, int year, YearMonth start, LocalDate on,
                                             Set<Programme> programs, Rupiah cost, List<PlanProjection.Result> costings) {
        List<Prioritising.Candidate> all = new ArrayList<>(jdbc.sql("""
                select w.id, w.nik, w.full_name, p.category, p.poverty_decile, w.birth_date
                from registry_worker w join registry_worker_profile p on p.id = w.id
                where w.village_code >= :alo and w.village_code < :ahi and w.village_code >= :lo and w.village_code < :hi
                  and w.status = 'ACTIVE'
                  and not exists (select 1 from registry_membership_term t where t.worker_id = w.id
                                  and t.valid_from <= :start and (t.valid_to is null or t.valid_to > :start))""")
                .param("alo", area.lo()).param("ahi", area.hi()).param("lo", scope.lo()).param("hi", scope.hi())
                .param("start", Date.valueOf(start.atDay(1)))
                .query((rs, n) -> candidate(rs, cost)).list());
        ProtectionOnDate statuses = protection.getIfAvailable();
        // a plan for the current month or the past takes over nobody: its months are billed to the self-payer already
        if (statuses == null || !start.isAfter(YearMonth.from(on))) {
            return all;
        }
        // every term on the start month self-paid BPU and running on past it, no change scheduled after it (a scheduled
        // change or end would take the payment back, or clash with the enrolment's): costed on its own declared income
        Map<List<Object>, Rupiah> costs = new HashMap<>();
        List<Prioritising.Candidate> members = jdbc.sql("""
                select w.id, w.nik, w.full_name, p.category, p.poverty_decile, w.birth_date, k.wage, k.risk_group
                from registry_worker w join registry_worker_profile p on p.id = w.id
                join lateral (select t.wage, t.risk_group from registry_membership_term t
                              where t.worker_id = w.id and t.valid_from <= :start and (t.valid_to is null or t.valid_to > :start)
                              order by t.program limit 1) k on true
                where w.village_code >= :alo and w.village_code < :ahi and w.village_code >= :lo and w.village_code < :hi
                  and w.status = 'ACTIVE'
                  and not exists (select 1 from registry_membership_term t join registry_payer y on y.id = t.worker_payer_id
                                  where t.worker_id = w.id
                                  and t.valid_from <= :start and (t.valid_to is null or t.valid_to > :start)
                                  and (t.segment <> 'BPU' or y.kind <> 'SELF' or t.valid_to is not null))
                  and not exists (select 1 from registry_membership_term t where t.worker_id = w.id and t.valid_from > :start)""")
                .param("alo", area.lo()).param("ahi", area.hi()).param("lo", scope.lo()).param("hi", scope.hi())
                .param("start", Date.valueOf(start.atDay(1)))
                .query((rs, n) -> {
                    Rupiah wage = Rupiah.of(rs.getBigDecimal(7));
                    RiskGroup risk = rs.getString(8) == null ? null : RiskGroup.valueOf(rs.getString(8));
                    return candidate(rs, costs.computeIfAbsent(java.util.Arrays.asList(wage, risk),
                            k -> costing(costed(year, start, Segment.BPU, wage, risk, programs), costings)));
                }).list();
        for (int i = 0; i < members.size(); i += PROTECTION_CHUNK) {
            List<Prioritising.Candidate> chunk = members.subList(i, Math.min(members.size(), i + PROTECTION_CHUNK));
            Map<Long, Map<Programme, ProtectionStatus>> found = statuses.of(chunk.stream().map(Prioritising.Candidate::workerId).toList(), on);
            for (Prioritising.Candidate c : chunk) {
                Map<Programme, ProtectionStatus> s = found.get(c.workerId());
                // none started by today: a membership that begins later, someone else's to pay, not a lapse
                if (s != null && !(covers(s.get(Programme.JKK)) && covers(s.get(Programme.JKM)))) {
                    all.add(c);
                }
            }
        }
        return all;
    }

    /** A costing's total, the costing kept in {@code costings}. */
    private static Rupiah costing(PlanProjection.Result result, List<PlanProjection.Result> costings) {
        costings.add(result);
        return result.total();
    }

    private static boolean covers(ProtectionStatus status) {
        return status == ProtectionStatus.PROTECTED || status == ProtectionStatus.IN_GRACE;
    }

    private static Prioritising.Candidate candidate(java.sql.ResultSet rs, Rupiah cost) throws java.sql.SQLException {
        return new Prioritising.Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                (Integer) rs.getObject(5, Integer.class), rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(), cost);
    }

    /**
     * The people of the plan's named list in the caller's scope who hold no membership term on the start month (a
     * registered person may already be protected), each costing their own terms from the later of the start month and
     * their own start. The decile is the list's, else the registry's for a registered person. A person is matched to
     * the registry only among the workers of the caller's scope: a NIK registered elsewhere answers exactly as an
     * unregistered one (no decile, not registered, not dropped), so an uploaded list is no way round the NIK lookup's
     * scope, rate limit and audit (docs/privacy.md).
     */
    List<Prioritising.Candidate> fromList(long planId, RegionScope scope, int year, YearMonth start,
                                          List<PlanProjection.Result> costings) {
        record Row(long workerId, String nik, String name, String category, Integer decile, LocalDate birth, Segment segment,
                   Rupiah wage, RiskGroup risk, Set<Programme> programs, LocalDate startDate, String wageDefault) {}
        List<Row> rows = jdbc.sql("""
                select coalesce(w.id, 0), l.nik, l.full_name, l.category, coalesce(l.p3ke_decile, p.poverty_decile), l.birth_date,
                       l.segment, l.wage, l.risk_group, l.programs, l.start_date, l.wage_default
                from budget_list_person l
                left join registry_worker w on w.nik = l.nik and w.village_code >= :lo and w.village_code < :hi
                left join registry_worker_profile p on p.id = w.id
                where l.plan_id = :plan and l.village_code >= :lo and l.village_code < :hi
                  and not exists (select 1 from registry_membership_term t where t.worker_id = w.id
                                  and t.valid_from <= :start and (t.valid_to is null or t.valid_to > :start))""")
                .param("plan", planId).param("lo", scope.lo()).param("hi", scope.hi()).param("start", Date.valueOf(start.atDay(1)))
                .query((rs, n) -> {
                    Set<Programme> programs = EnumSet.noneOf(Programme.class);
                    for (String s : (String[]) rs.getArray(10).getArray()) {
                        programs.add(Programme.valueOf(s));
                    }
                    return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            (Integer) rs.getObject(5, Integer.class), rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(),
                            Segment.valueOf(rs.getString(7)), Rupiah.of(rs.getBigDecimal(8)),
                            rs.getString(9) == null ? null : RiskGroup.valueOf(rs.getString(9)), programs, rs.getDate(11).toLocalDate(),
                            rs.getString(12));
                })
                .list();
        // people on the same terms cost the same: the calculator runs once per distinct set of terms
        Map<List<Object>, Rupiah> costs = new HashMap<>();
        List<Prioritising.Candidate> candidates = new ArrayList<>();
        for (Row r : rows) {
            YearMonth from = YearMonth.from(r.startDate()).isAfter(start) ? YearMonth.from(r.startDate()) : start;
            DatedValue wageDefault = PlanCosting.wageDefault(catalog, r.wageDefault(), r.startDate(), r.wage());
            Rupiah cost = costs.computeIfAbsent(List.of(r.segment(), r.wage(), String.valueOf(r.risk()), r.programs(), from,
                            String.valueOf(wageDefault)),
                    k -> costing(costed(year, from, r.segment(), r.wage(), r.risk(), r.programs(), wageDefault), costings));
            candidates.add(new Prioritising.Candidate(r.workerId(), r.nik(), r.name(), r.category(), r.decile(), r.birth(), cost));
        }
        return candidates;
    }
}
