package id.lindung.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.RegionScope;
import id.lindung.billing.Protection;
import id.lindung.coverage.internal.DesaSadarRule;
import id.lindung.coverage.internal.DesaSadarRules;
import id.lindung.shared.ProtectionStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The coverage indicators counted without coverage: billing's own answer per worker ({@link Protection#ofWorker}, the
 * answer of GET /api/v1/workers/{nik}/protection) and sums over the base tables (terms, workers, bill lines,
 * allocations, {@code claim_payment}, {@code potential_workforce}), for the workers ever registered in one regency.
 * A set-based shortcut or a rollup that drifts from billing's rule fails against it.
 */
final class CoverageOracle {

    static final List<String> PROGRAMMES = List.of("JKK", "JKM", "JHT", "JP", "JKP");

    private final JdbcClient jdbc;
    private final Protection protection;
    private final DesaSadarRules desaSadarRules;
    private final String regency;

    CoverageOracle(JdbcClient jdbc, Protection protection, DesaSadarRules desaSadarRules, String regency) {
        this.jdbc = jdbc;
        this.protection = protection;
        this.desaSadarRules = desaSadarRules;
        this.regency = regency;
    }

    /** One worker registered on the date, as billing and the base tables answer. */
    record Fact(long worker, String village, String segment, String payerKind, String category, boolean protectedOnDate,
                Map<String, Boolean> programmes, Boolean poor, Integer decile) {}

    List<Fact> facts(LocalDate date) {
        List<Fact> facts = new ArrayList<>();
        // every worker ever registered in the regency, whichever test class put them there
        List<Long> everyone = jdbc.sql("select distinct worker_id from membership_term where village_code >= ? and village_code < ?")
                .params(regency, regency + "/").query(Long.class).list();
        for (long worker : everyone) {
            List<Map<String, Object>> terms = jdbc.sql("""
                    select t.program, t.segment, t.village_code, p.kind
                    from membership_term t join payer p on p.id = coalesce(t.employer_payer_id, t.worker_payer_id)
                    where t.worker_id = ? and t.valid_from <= ?
                      and (t.valid_to is null or t.valid_to > ? or (t.valid_to = ? and t.end_reason = 'DECEASED'))""")
                    .params(worker, Date.valueOf(date), Date.valueOf(date), Date.valueOf(date)).query().listOfRows();
            if (terms.isEmpty()) {
                continue;
            }
            terms.sort(Comparator.comparingInt(t -> PROGRAMMES.indexOf((String) t.get("program"))));
            Map<String, Boolean> programmes = new HashMap<>();
            Protection.Report report = protection.ofWorker(worker, date, RegionScope.NATIONAL);
            for (Map<String, Object> t : terms) {
                String program = (String) t.get("program");
                programmes.put(program, report.programs().stream().anyMatch(p -> p.program().equals(program)
                        && (p.status() == ProtectionStatus.PROTECTED || p.status() == ProtectionStatus.IN_GRACE)));
            }
            Map<String, Object> w = jdbc.sql("select category, extreme_poverty, poverty_decile from worker where id = ?")
                    .param(worker).query().singleRow();
            Map<String, Object> first = terms.get(0);
            facts.add(new Fact(worker, (String) first.get("village_code"), (String) first.get("segment"), (String) first.get("kind"),
                    (String) w.get("category"), programmes.getOrDefault("JKK", false) && programmes.getOrDefault("JKM", false),
                    programmes, (Boolean) w.get("extreme_poverty"),
                    w.get("poverty_decile") == null ? null : ((Number) w.get("poverty_decile")).intValue()));
        }
        return facts;
    }

    static Coverage.Count count(List<Fact> facts) {
        return new Coverage.Count(facts.size(), facts.stream().filter(Fact::protectedOnDate).count());
    }

    /** Every indicator of {@code c} equals the oracle's count of {@code all} (the facts of c's date) in c's region. */
    void assertEquals(Coverage c, List<Fact> all, String why) {
        DesaSadarRule rule = desaSadarRules.on(c.date());
        List<Fact> facts = all.stream().filter(f -> RegionScope.of(c.region()).covers(f.village())).toList();
        assertThat(new Coverage.Count(c.registered(), c.protectedWorkers())).as(why + " registered, protected").isEqualTo(count(facts));
        for (String segment : List.of("PU", "BPU")) {
            assertThat(c.bySegment().get(segment)).as(why + " " + segment)
                    .isEqualTo(count(facts.stream().filter(f -> f.segment().equals(segment)).toList()));
        }
        List<String> categories = jdbc.sql("select code from registry_worker_category").query(String.class).list();
        assertThat(c.byCategory().keySet()).as(why + " every category, zeros included").containsExactlyInAnyOrderElementsOf(categories);
        for (String category : categories) {
            assertThat(c.byCategory().get(category)).as(why + " " + category)
                    .isEqualTo(count(facts.stream().filter(f -> f.category().equals(category)).toList()));
        }
        for (String kind : List.of("APBDES", "APBD", "EMPLOYER", "SELF", "DONOR")) {
            assertThat(c.byPayerKind().get(kind)).as(why + " " + kind)
                    .isEqualTo(count(facts.stream().filter(f -> f.payerKind().equals(kind)).toList()));
        }
        for (String program : PROGRAMMES) {
            List<Fact> in = facts.stream().filter(f -> f.programmes().containsKey(program)).toList();
            assertThat(c.byProgramme().get(program)).as(why + " " + program)
                    .isEqualTo(new Coverage.Count(in.size(), in.stream().filter(f -> f.programmes().get(program)).count()));
        }
        Coverage.Count government = count(facts.stream().filter(f -> Set.of("KEPALA_DESA", "PERANGKAT_DESA").contains(f.category())).toList());
        assertThat(new Coverage.Count(c.apparatus().registered(), c.apparatus().protectedWorkers())).as(why + " apparatus").isEqualTo(government);
        assertThat(c.apparatus().bpd()).as(why + " BPD").isEqualTo(count(facts.stream().filter(f -> f.category().equals("BPD")).toList()));
        assertThat(c.apparatus().rtRw()).as(why + " RT/RW").isEqualTo(count(facts.stream().filter(f -> f.category().equals("RT_RW")).toList()));
        List<Fact> poor = facts.stream().filter(f -> Boolean.TRUE.equals(f.poor())).toList();
        assertThat(c.extremePoverty().flagged()).as(why + " extreme poverty").isEqualTo(count(poor));
        for (int decile = 1; decile <= 10; decile++) {
            int d = decile;
            assertThat(c.extremePoverty().byDecile().get(String.valueOf(d))).as(why + " decile " + d)
                    .isEqualTo(count(poor.stream().filter(f -> f.decile() != null && f.decile() == d).toList()));
        }
        assertThat(c.extremePoverty().byDecile().get("UNKNOWN")).as(why + " flagged without a decile")
                .isEqualTo(count(poor.stream().filter(f -> f.decile() == null).toList()));
        // the ratio: protected over the region's own potential figure, null where there is none
        Long own = jdbc.sql("select potential_workers from potential_workforce where region_code = ? and year = ?")
                .params(c.region(), c.date().getYear()).query(Long.class).optional().orElse(null);
        if (own != null) {
            assertThat(c.potential()).as(why + " potential").isEqualTo(own);
        }
        assertThat(c.ratio()).as(why + " ratio").isEqualTo(c.potential() == null || c.potential() == 0 ? null
                : BigDecimal.valueOf(c.protectedWorkers()).divide(BigDecimal.valueOf(c.potential()), 4, RoundingMode.HALF_UP));
        // Desa Sadar: billing's answers judged by the rule in force
        long sadar = 0;
        List<String> villages = facts.stream().map(Fact::village).distinct()
                .filter(v -> jdbc.sql("select kind = 'DESA' from region where code = ?").param(v).query(Boolean.class).single()).toList();
        for (String village : villages) {
            var people = facts.stream().filter(f -> f.village().equals(village) && rule.criterion().categories().contains(f.category()))
                    .map(f -> new DesaSadarRule.Person(f.category(), f.protectedOnDate(), null, null)).toList();
            sadar += rule.judge(people).status() == DesaSadarVillages.Status.SADAR ? 1 : 0;
        }
        assertThat(c.desaSadar().villages()).as(why + " Desa Sadar").isEqualTo(sadar);
        long desa = jdbc.sql("select count(*) from region where active and kind = 'DESA' and code >= ? and code < ?")
                .params(RegionScope.of(c.region()).lo(), RegionScope.of(c.region()).hi()).query(Long.class).single();
        assertThat(c.desaSadar().desa()).as(why + " desa").isEqualTo(desa);
        // money: the base tables, contribution months of the period, settled by its end
        RegionScope r = RegionScope.of(c.region());
        BigDecimal billed = jdbc.sql("""
                select coalesce(sum(amount), 0) from bill_line
                where village_code >= ? and village_code < ? and month >= ? and month <= ?""")
                .params(r.lo(), r.hi(), Date.valueOf(c.money().from().withDayOfMonth(1)), Date.valueOf(c.money().to().withDayOfMonth(1)))
                .query(BigDecimal.class).single();
        BigDecimal paid = jdbc.sql("""
                select coalesce(sum(a.amount), 0) from payment_allocation a join bill_line l on l.id = a.bill_line_id
                where l.village_code >= ? and l.village_code < ? and l.month >= ? and l.month <= ? and a.paid_on <= ?""")
                .params(r.lo(), r.hi(), Date.valueOf(c.money().from().withDayOfMonth(1)), Date.valueOf(c.money().to().withDayOfMonth(1)),
                        Date.valueOf(c.money().to()))
                .query(BigDecimal.class).single();
        assertThat(c.money().billed().toBigDecimal()).as(why + " billed").isEqualByComparingTo(billed);
        assertThat(c.money().paid().toBigDecimal()).as(why + " paid").isEqualByComparingTo(paid);
        assertThat(c.money().outstanding().toBigDecimal()).as(why + " outstanding").isEqualByComparingTo(billed.subtract(paid));
        // benefits: the claims paid in the period by the village of the case; the loss ratio over what was paid
        BigDecimal benefits = jdbc.sql("""
                select coalesce(sum(amount), 0) from claim_payment
                where region_code >= ? and region_code < ? and paid_on >= ? and paid_on <= ?""")
                .params(r.lo(), r.hi(), Date.valueOf(c.money().from()), Date.valueOf(c.money().to())).query(BigDecimal.class).single();
        assertThat(c.money().benefitsPaid().toBigDecimal()).as(why + " benefits paid").isEqualByComparingTo(benefits);
        if (paid.signum() == 0) {
            assertThat(c.money().lossRatio()).as(why + " loss ratio over nothing paid").isNull();
        } else {
            assertThat(c.money().lossRatio()).as(why + " loss ratio")
                    .isEqualByComparingTo(benefits.divide(paid, 4, RoundingMode.HALF_UP));
        }
        // by the kind of each line's payer: every kind listed, and their sums the whole
        Map<String, BigDecimal[]> byKind = new HashMap<>();
        jdbc.sql("""
                select p.kind, coalesce(sum(l.amount), 0),
                       coalesce(sum((select sum(a.amount) from payment_allocation a where a.bill_line_id = l.id and a.paid_on <= ?)), 0)
                from bill_line l join payer p on p.id = l.payer_id
                where l.village_code >= ? and l.village_code < ? and l.month >= ? and l.month <= ?
                group by p.kind""")
                .params(Date.valueOf(c.money().to()), r.lo(), r.hi(), Date.valueOf(c.money().from().withDayOfMonth(1)),
                        Date.valueOf(c.money().to().withDayOfMonth(1)))
                .query((rs, n) -> byKind.put(rs.getString(1), new BigDecimal[] {rs.getBigDecimal(2), rs.getBigDecimal(3)})).list();
        assertThat(c.money().byPayerKind()).as(why + " money kinds").containsKeys("APBDES", "APBD", "EMPLOYER", "SELF", "DONOR");
        c.money().byPayerKind().forEach((kind, m) -> {
            BigDecimal[] d = byKind.getOrDefault(kind, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            assertThat(m.billed().toBigDecimal()).as(why + " " + kind + " billed").isEqualByComparingTo(d[0]);
            assertThat(m.paid().toBigDecimal()).as(why + " " + kind + " paid").isEqualByComparingTo(d[1]);
        });
    }
}
