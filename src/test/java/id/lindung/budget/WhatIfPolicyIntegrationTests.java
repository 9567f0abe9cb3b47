package id.lindung.budget;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.platform.InvalidInputException;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The national what-if's policy rules (RULES.md 2.1 and 3.1), the workforce its coverage ratios divide by, and the
 * prioritisation's inputs and enrolment that follow the same rules.
 */
@IntegrationTest
class WhatIfPolicyIntegrationTests {

    static final Actor PROVINCE = TestUsers.actor("whatif-province", Role.DPMD, "72");
    static final Actor NATION = TestUsers.actor("whatif-nation", Role.ADMIN, RegionScope.NATIONAL_CODE);
    static final String DESA = "72.04.03.2004";
    /** A year no other test gives a workforce figure, so that only this test's figure is the latest. */
    static final int FIGURE_YEAR = 2098;

    @Autowired JdbcClient jdbc;
    @Autowired WhatIf whatIf;
    @Autowired BudgetPlans plans;
    @Autowired Prioritisation prioritisation;
    @Autowired PlanOverviews overviews;
    @Autowired id.lindung.support.TestClock clock;

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        clock.reset();
    }

    static WhatIf.Policy policy(Integer vulnerable, String income, List<String> programs, String region) {
        return new WhatIf.Policy(null, true, 8, null, vulnerable, income == null ? null : new BigDecimal(income), programs, null, region);
    }

    @Test
    @SuppressWarnings("unchecked")
    void oneOfADesasPerangkatIsItsSecretaryCostedAtTheSecretarysMinimumSiltap() {
        Map<String, Object> r = whatIf.run(policy(0, null, null, "72.04"), PROVINCE);
        Map<String, Object> per = (Map<String, Object>) r.get("yearlyCostPerPerson");
        // PP 11/2019 Pasal 81, JKK 0.24% + JKM 0.30%, each share rounded half-up, twelve months:
        // kepala desa Rp 2,426,640: 5,824 + 7,280 = 13,104 a month
        assertThat(per.get("kepalaDesa").toString()).isEqualTo("157248");
        // sekretaris desa Rp 2,224,420: 5,339 + 6,673 = 12,012 a month
        assertThat(per.get("sekretarisDesa").toString()).isEqualTo("144144");
        // other perangkat Rp 2,022,200: 4,853 + 6,067 = 10,920 a month
        assertThat(per.get("perangkatDesa").toString()).isEqualTo("131040");
        // a desa of 1 kepala desa and 8 perangkat, one of them the secretary: 157,248 + 144,144 + 7 × 131,040
        assertThat(per.get("desa").toString()).isEqualTo("1218672");
        Map<String, Object> area = (Map<String, Object>) r.get("area");
        assertThat((BigDecimal) area.get("total"))
                .isEqualByComparingTo(BigDecimal.valueOf(1_218_672L * ((Number) area.get("desa")).longValue()));
    }

    @Test
    void vulnerableWorkersAreBpuWithTheMinimumPackageAndAnIncomeInTheRangeEachRefusedAtItsField() {
        assertThat(problems(() -> whatIf.run(policy(5, null, List.of("JHT"), "72.04"), PROVINCE)))
                .containsExactly("vulnerablePrograms:BPU_MINIMUM_PACKAGE");
        assertThat(problems(() -> whatIf.run(policy(5, null, List.of("JKK"), "72.04"), PROVINCE)))
                .containsExactly("vulnerablePrograms:BPU_MINIMUM_PACKAGE");
        assertThat(problems(() -> whatIf.run(policy(5, null, List.of("JKK", "JKM", "JKP"), "72.04"), PROVINCE)))
                .containsExactly("vulnerablePrograms:BPU_JKP_NOT_AVAILABLE");
        assertThat(problems(() -> whatIf.run(policy(5, null, List.of("JKK", "JKM", "JP"), "72.04"), PROVINCE)))
                .containsExactly("vulnerablePrograms:BPU_JP_NOT_AVAILABLE");
        // RULES.md 2.1: a declared income from Rp 1,000,000 to Rp 20,700,000
        assertThat(problems(() -> whatIf.run(policy(5, "500000", null, "72.04"), PROVINCE)))
                .containsExactly("vulnerableIncome:BPU_INCOME_OUT_OF_RANGE");
        assertThat(problems(() -> whatIf.run(policy(5, "20700001", null, "72.04"), PROVINCE)))
                .containsExactly("vulnerableIncome:BPU_INCOME_OUT_OF_RANGE");
        assertThat(whatIf.run(policy(5, "20700000", null, "72.04"), PROVINCE)).containsKey("area");
    }

    @Test
    void aPrioritisationIncomeOutsideTheBpuRangeIsRefusedAtItsField() {
        BudgetFixture fx = new BudgetFixture(jdbc);
        fx.payer("APBDES:" + DESA, "APBDES", "Pemerintah Desa Uji Anggaran", DESA);
        Actor dpmd = TestUsers.actor("whatif-dpmd", Role.DPMD, "72.04");
        int year = plans.today().getYear() + 1;
        long id = ((Number) CurrentActor.runAs(dpmd, () -> plans.create(new PlanRequest("APBDES:" + DESA, year, null, List.of(), null), dpmd))
                .get("id")).longValue();
        assertThat(problems(() -> CurrentActor.runAs(dpmd, () -> prioritisation.prioritise(id, new Prioritisation.Request(
                new BigDecimal("1000000"), null, null, null, new BigDecimal("999999"), null), dpmd))))
                .containsExactly("wage:BPU_INCOME_OUT_OF_RANGE");
    }

    @Test
    void aPlanWhoseStartMonthIsPastEnrolsNobodyIntoPastMonths() {
        String desa = "72.04.03.2005";
        long worker = villageWithOneInformalWorker(desa, "NELAYAN");
        Actor village = TestUsers.actor("past-desa", Role.DPMD, desa);
        long past = plan(village, desa, 2025);
        // a plan of this year made in November starts in December; enrolled in January it would start in the past
        long thisYear = plan(village, desa, 2026);
        clock.fixAt(java.time.Instant.parse("2027-01-10T03:00:00Z"));
        for (long id : List.of(past, thisYear)) {
            Map<String, Object> r = CurrentActor.runAs(village, () -> prioritisation.prioritise(id, new Prioritisation.Request(
                    new BigDecimal("1000000"), null, null, null, null, null), village));
            assertThat(r.get("candidateCount")).isEqualTo(1);
            assertThat(problems(() -> CurrentActor.runAs(village, () -> prioritisation.enrol(id, village))))
                    .containsExactly("plan:PLAN_START_PAST");
        }
        assertThat(jdbc.sql("select count(*) from membership_term where worker_id = ?").param(worker).query(Long.class).single())
                .isZero();
    }

    /** A desa's APBDes payer and one informal worker without a membership, on 10 November 2026 (the business clock). */
    private long villageWithOneInformalWorker(String desa, String category) {
        BudgetFixture fx = new BudgetFixture(jdbc);
        fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa Uji " + desa, desa);
        long worker = fx.worker(desa, "Pekerja Tanpa Kepesertaan " + desa, category, java.time.LocalDate.of(1961, 5, 1), 1);
        clock.fixAt(java.time.Instant.parse("2026-11-10T03:00:00Z"));
        return worker;
    }

    /**
     * A plan for next year finalised in November whose money arrives in March: enrolled in March it opens memberships
     * from March, the month it is enrolled in (never January, months already past), instead of being refused, which
     * left no way forward but a new plan and a new prioritisation.
     */
    @Test
    void aPlanOfThisYearEnrolledAfterItsStartMonthEnrolsFromTheMonthItIsEnrolledIn() {
        String desa = "72.04.03.2007";
        long worker = villageWithOneInformalWorker(desa, "PETANI");
        Actor village = TestUsers.actor("march-desa", Role.DPMD, desa);
        long next = plan(village, desa, 2027);
        clock.fixAt(java.time.Instant.parse("2027-03-05T03:00:00Z"));
        CurrentActor.runAs(village, () -> prioritisation.prioritise(next, new Prioritisation.Request(
                new BigDecimal("1000000"), null, null, null, null, null), village));
        Map<String, Object> r = CurrentActor.runAs(village, () -> prioritisation.enrol(next, village));
        assertThat(r.get("enrolled")).isEqualTo(1);
        assertThat(r.get("from")).isEqualTo("2027-03-01");
        assertThat(jdbc.sql("select distinct valid_from::text from membership_term where worker_id = ?").param(worker)
                .query(String.class).list()).containsExactly("2027-03-01");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDesaIsCoveredOnlyByAFinalPlanHoldingItsKepalaDesaAndItsPerangkatDesa() {
        String desa = "72.04.03.2006";
        new BudgetFixture(jdbc).payer("APBDES:" + desa, "APBDES", "Pemerintah Desa Uji Aparat", desa);
        Actor village = TestUsers.actor("officials-desa", Role.DPMD, desa);
        int year = plans.today().getYear() + 1;
        PlanRequest.CohortInput kades = new PlanRequest.CohortInput("KEPALA_DESA", null, 1L, null, List.of("JKK", "JKM"), null, null);
        PlanRequest.CohortInput perangkat = new PlanRequest.CohortInput("PERANGKAT_DESA", null, 8L, null, List.of("JKK", "JKM"), null, null);
        Map<String, Object> headOnly = CurrentActor.runAs(village, () -> plans.create(new PlanRequest("APBDES:" + desa, year, null,
                List.of(kades), "kepala desa saja"), village));
        assertThat(headOnly.get("officialsByCategory")).isEqualTo(Map.of("KEPALA_DESA", 1L, "PERANGKAT_DESA", 0L));
        CurrentActor.runAs(village, () -> plans.finalise(((Number) headOnly.get("id")).longValue(), village));
        // the kepala desa alone leaves the perangkat uncovered: the desa is still one without a FINAL plan for its officials
        assertThat((List<Map<String, Object>>) overviews.regency(desa, year, village).get("withoutFinalPlan"))
                .extracting(m -> m.get("code")).containsExactly(desa);
        Map<String, Object> both = CurrentActor.runAs(village, () -> plans.create(new PlanRequest("APBDES:" + desa, year, null,
                List.of(kades, perangkat), "kepala desa dan perangkat"), village));
        CurrentActor.runAs(village, () -> plans.finalise(((Number) both.get("id")).longValue(), village));
        assertThat((List<Map<String, Object>>) overviews.regency(desa, year, village).get("withoutFinalPlan")).isEmpty();
    }

    long plan(Actor actor, String desa, int year) {
        return ((Number) CurrentActor.runAs(actor, () -> plans.create(new PlanRequest("APBDES:" + desa, year, null, List.of(), null),
                actor)).get("id")).longValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCoverageRatioDividesOnlyByTheWorkforceOfTheWholeRow() {
        jdbc.sql("insert into potential_workforce (region_code, year, potential_workers, source, recorded_by) values ('72.04', ?, 50000, 'test', 'test')")
                .param(FIGURE_YEAR).update();
        try {
            Map<String, Object> r = whatIf.run(policy(10, null, null, "72"), PROVINCE);
            assertThat(r.get("workforceYear")).isEqualTo(FIGURE_YEAR);
            Map<String, Object> regency = ((List<Map<String, Object>>) r.get("regencies")).stream()
                    .filter(m -> m.get("code").equals("72.04")).findFirst().orElseThrow();
            assertThat(regency.get("potentialWorkforce")).isEqualTo(50000L);
            assertThat(regency.get("coverageRatio")).isEqualTo(PlanOverviews.ratio((Long) regency.get("people"), 50000L));
            // one regency's figure is not the province's: the province's people over it read several hundred percent
            Map<String, Object> province = ((List<Map<String, Object>>) r.get("provinces")).get(0);
            assertThat(province.get("potentialWorkforce")).isNull();
            assertThat(province.get("coverageRatio")).isNull();
            assertThat(((Map<String, Object>) r.get("area")).get("coverageRatio")).isNull();
            // nor is it the nation's
            Map<String, Object> nation = (Map<String, Object>) whatIf.run(policy(10, null, null, null), NATION).get("area");
            assertThat(nation.get("potentialWorkforce")).isNull();
            assertThat(nation.get("coverageRatio")).isNull();
            // narrowed to the regency, its province's row is the regency's part, whose figure is whole
            Map<String, Object> narrowed = whatIf.run(policy(10, null, null, "72.04"), PROVINCE);
            assertThat(((Map<String, Object>) narrowed.get("area")).get("potentialWorkforce")).isEqualTo(50000L);
            assertThat(((List<Map<String, Object>>) narrowed.get("provinces")).get(0).get("potentialWorkforce")).isEqualTo(50000L);
        } finally {
            jdbc.sql("delete from potential_workforce where region_code = '72.04' and year = ?").param(FIGURE_YEAR).update();
        }
    }

    static List<String> problems(Runnable run) {
        try {
            run.run();
        } catch (InvalidInputException e) {
            return e.problems().stream().map(p -> p.field() + ":" + p.code()).toList();
        }
        throw new AssertionError("no problem found");
    }
}
