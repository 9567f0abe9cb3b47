package id.lindung.budget;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.access.RegionScope;
import id.lindung.platform.InvalidInputException;
import id.lindung.registry.Workers;
import id.lindung.shared.Programme;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Segment;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Enrols the chosen of a plan's last prioritisation through the registry's {@link Workers}: memberships with the plan's
 * payer from its start month, in the caller's transaction, audited. Each enrolled worker is recorded
 * ({@code budget_enrolment}), so enrolling again creates nothing. Chosen from a named list are enrolled on their own
 * terms from the list, once they are registered; until then they are counted as not registered.
 */
@Component
class Enrolment {

    private final JdbcClient jdbc;
    private final Workers workers;
    private final AuditLog audit;
    private final Clock clock;

    Enrolment(JdbcClient jdbc, Workers workers, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.workers = workers;
        this.audit = audit;
        this.clock = clock;
    }

    /** One worker to enrol, on these terms for each programme. */
    private record Pending(long workerId, String nik, Segment segment, BigDecimal wage, RiskGroup risk, String[] programs) {}

    /** Waits for any edit, prioritisation or enrolment of the plan in progress; a plan that does not exist is left to the read. */
    void lockPlan(long planId) {
        jdbc.sql("select id from budget_plan where id = ? for update").param(planId).query(Long.class).optional();
    }

    Map<String, Object> enrol(long planId, Map<String, Object> plan, Actor actor) {
        // two enrolments of one plan at once: the second waits for the first and then finds its workers enrolled, as
        // one after the other would (it was a 500 on budget_enrolment's key)
        jdbc.sql("select id from budget_plan where id = ? for update").param(planId).query(Long.class).single();
        record Setting(BigDecimal wage, String[] programs, String candidates) {}
        Setting setting = jdbc.sql("select wage, programs, candidates from budget_priority where plan_id = ?").param(planId)
                .query((rs, n) -> new Setting(rs.getBigDecimal(1), (String[]) rs.getArray(2).getArray(), rs.getString(3)))
                .optional()
                .orElseThrow(() -> InvalidInputException.conflict("plan", "NOT_PRIORITISED",
                        "Prioritise the plan under a budget first: enrolment takes the chosen of its last prioritisation"));
        YearMonth startMonth = YearMonth.parse((String) plan.get("startMonth"));
        YearMonth thisMonth = YearMonth.now(clock);
        if (startMonth.isBefore(thisMonth) && thisMonth.getYear() > startMonth.getYear()) {
            // protection is never bought back: a membership dated into past months bills the payer for months nobody
            // was covered in (BPJS protects from registration; RULES.md 2.3) and would move a self-payer's billed months
            throw InvalidInputException.conflict("plan", "PLAN_START_PAST", "Plan " + planId + " covers from " + startMonth
                    + ", a year that has ended: enrolment opens memberships from a plan's start month or this month, never "
                    + "in the past; plan this year or next year instead");
        }
        // a plan of this year whose start month has passed (finalised in November, the APBDes money in March) enrols
        // from this month: never into past months, and not refused, which left no way but a new plan
        LocalDate from = (startMonth.isBefore(thisMonth) ? thisMonth : startMonth).atDay(1);
        String payer = (String) plan.get("payer");
        RegionScope scope = actor.scope();
        boolean fromList = Prioritisation.IMPORTED_LIST.equals(setting.candidates());
        List<Pending> pending;
        long chosen;
        long registered;
        long noLongerEligible = 0;
        RegionScope area = RegionScope.of((String) plan.get("regionCode"));
        if (fromList) {
            // a listed person registered outside the plan's area (another village of the regency) is passed over, not a
            // refusal of the whole enrolment on the payer (it answered PAYER_INVALID on a field the request does not have)
            pending = jdbc.sql("""
                    select w.id, w.nik, l.segment, l.wage, l.risk_group, l.programs
                    from budget_list_choice c
                    join budget_list_person l on l.plan_id = c.plan_id and l.nik = c.nik
                    join registry_worker w on w.nik = c.nik
                    where c.plan_id = :plan and w.status = 'ACTIVE' and w.village_code >= :lo and w.village_code < :hi
                      and w.village_code >= :alo and w.village_code < :ahi
                      and not exists (select 1 from budget_enrolment e where e.plan_id = c.plan_id and e.worker_id = w.id)
                    order by c.rank""")
                    .param("plan", planId).param("lo", scope.lo()).param("hi", scope.hi())
                    .param("alo", area.lo()).param("ahi", area.hi())
                    .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), Segment.valueOf(rs.getString(3)),
                            rs.getBigDecimal(4), rs.getString(5) == null ? null : RiskGroup.valueOf(rs.getString(5)),
                            (String[]) rs.getArray(6).getArray()))
                    .list();
            long[] counts = jdbc.sql("""
                    select count(*), count(w.id),
                           count(w.id) filter (where w.village_code >= :alo and w.village_code < :ahi)
                    from budget_list_choice c
                    left join registry_worker w on w.nik = c.nik and w.status = 'ACTIVE'
                         and w.village_code >= :lo and w.village_code < :hi
                    where c.plan_id = :plan""")
                    .param("plan", planId).param("lo", scope.lo()).param("hi", scope.hi())
                    .param("alo", area.lo()).param("ahi", area.hi())
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
            noLongerEligible = counts[1] - counts[2];
            chosen = counts[0] - noLongerEligible;
            registered = counts[2];
        } else {
            // a chosen worker who died or moved out of the plan's area since the prioritisation is passed over, not a
            // refusal of the whole plan; a lapsed self-payer keeps the declared income and risk group of their term
            // (only who pays changes), a worker with none takes the prioritisation's. One whom another payer took on since
            // (a term on the start month not self-paid BPU running on, or a change after it) is passed over too: the
            // enrolment would move them to this plan's payer without anyone asking
            String enrolled = "exists (select 1 from budget_enrolment e where e.plan_id = c.plan_id and e.worker_id = c.worker_id)";
            String takeable = """
                    not exists (select 1 from registry_membership_term t join registry_payer y on y.id = t.worker_payer_id
                                where t.worker_id = w.id and t.valid_from <= :start and (t.valid_to is null or t.valid_to > :start)
                                  and (t.segment <> 'BPU' or y.kind <> 'SELF' or t.valid_to is not null))
                      and not exists (select 1 from registry_membership_term t where t.worker_id = w.id and t.valid_from > :start)""";
            String eligible = """
                    c.plan_id = :plan and w.status = 'ACTIVE' and w.village_code >= :lo and w.village_code < :hi
                      and w.village_code >= :alo and w.village_code < :ahi
                      and (%s or %s)""".formatted(enrolled, takeable);
            pending = jdbc.sql("""
                    select c.worker_id, w.nik, t.wage, t.risk_group
                    from budget_choice c join registry_worker w on w.id = c.worker_id
                    left join lateral (select t.wage, t.risk_group from registry_membership_term t
                                       where t.worker_id = w.id and t.valid_from <= :start and (t.valid_to is null or t.valid_to > :start)
                                       order by t.program limit 1) t on true
                    where %s and not %s
                    order by c.rank""".formatted(eligible, enrolled))
                    .param("plan", planId).param("lo", scope.lo()).param("hi", scope.hi())
                    .param("alo", area.lo()).param("ahi", area.hi()).param("start", java.sql.Date.valueOf(from))
                    .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), Segment.BPU,
                            rs.getBigDecimal(3) == null ? setting.wage() : rs.getBigDecimal(3),
                            rs.getString(4) == null ? null : RiskGroup.valueOf(rs.getString(4)), setting.programs()))
                    .list();
            chosen = jdbc.sql("select count(*) from budget_choice where plan_id = ?").param(planId).query(Long.class).single();
            registered = jdbc.sql("select count(*) from budget_choice c join registry_worker w on w.id = c.worker_id where "
                    + eligible).param("plan", planId).param("lo", scope.lo()).param("hi", scope.hi())
                    .param("alo", area.lo()).param("ahi", area.hi()).param("start", java.sql.Date.valueOf(from))
                    .query(Long.class).single();
            noLongerEligible = chosen - registered;
            chosen = registered;
        }
        for (Pending p : pending) {
            for (String program : p.programs()) {
                workers.changeTerms(p.nik(), new Workers.TermChange(Programme.valueOf(program), p.segment(), p.wage(), p.risk(),
                        payer, from));
            }
        }
        if (!pending.isEmpty()) {
            jdbc.sql("""
                    insert into budget_enrolment (plan_id, worker_id, enrolled_by)
                    select :plan, w, :by from unnest(cast(:workers as bigint[])) as w""")
                    .param("plan", planId).param("by", actor.username())
                    .param("workers", pending.stream().map(p -> Long.toString(p.workerId())).toArray(String[]::new))
                    .update();
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("enrolled", pending.size());
        after.put("from", from.toString());
        after.put("payer", payer);
        after.put("candidates", setting.candidates());
        audit.record("ENROL", "budget_plan", Long.toString(planId), (String) plan.get("regionCode"), null, after);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("plan", planId);
        v.put("enrolled", pending.size());
        v.put("alreadyEnrolled", registered - pending.size());
        v.put("notRegistered", chosen - registered);
        v.put("noLongerEligible", noLongerEligible);
        v.put("from", from.toString());
        v.put("payer", payer);
        v.put("candidates", setting.candidates());
        return v;
    }
}
