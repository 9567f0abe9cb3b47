package id.lindung.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The run command's demo data, seeded for one small area (Kota Palangkaraya) as the server seeds it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"lindung.demo=true", "lindung.demo-areas=62.71"})
@ActiveProfiles("serve")
class DemoDataIntegrationTests {

    @Autowired JdbcClient jdbc;
    /** The business clock the demo data was seeded by (this context's own, not the integration tests' TestClock). */
    @Autowired java.time.Clock clock;
    @Autowired org.springframework.scheduling.config.ScheduledTaskHolder scheduled;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void aNewUserSeesDemoAccountsWorkersBillsPaymentsAndArrears() {
        // issue 14 (i14-dashboard): this year's workforce (the coverage ratio's denominator) and the Desa Sadar near
        // misses (made only where the demo areas include 64.02, so a no-op here) are steps too
        assertThat(jdbc.sql("select step from demo_seed order by step").query(String.class).list())
                .containsExactlyElementsOf(new java.util.TreeSet<>(List.of("billing-6-months", "budget-plans", "claims", "coverage-near-misses", "users", "workers",
                        "workforce-2025", "workforce-" + java.time.Year.now(clock))));
        assertThat(count("select count(*) from app_user where demo and username in ('admin', 'dpmd.palangkaraya', 'operator.loaduriilir')"))
                .isEqualTo(3);
        assertThat(count("select count(*) from worker where village_code like '62.71.%'")).isGreaterThan(100);
        // issue 14: the dashboard's extreme-poverty rows have figures (P3KE deciles of informal workers, from the import)
        assertThat(jdbc.sql("""
                select poverty_decile from worker where village_code like '62.71.%' and extreme_poverty
                group by poverty_decile order by 1""").query(Integer.class).list()).containsExactly(1, 2, 3, 4);
        assertThat(count("select count(*) from worker where village_code like '62.71.%' and poverty_decile is not null and category like 'KEPALA%'"))
                .as("officials are not flagged").isZero();
        // the demo's own runs (other tests in the same database may bill other months nationally)
        assertThat(count("""
                select count(distinct l.month) from bill_line l join billing_run r on r.id = l.run_id
                where r.run_by = 'system:demo' and l.village_code like '62.71.%'""")).isEqualTo(6);
        assertThat(count("select count(*) from payment where channel = 'DEMO'")).isPositive();
        assertThat(count("select count(*) from paid_month where village_code like '62.71.%'")).isPositive();
        assertThat(count("""
                select count(*) from bill_line l left join payment_allocation a on a.bill_line_id = l.id
                where l.village_code like '62.71.%' and l.due_date < current_date and coalesce(a.amount, 0) < l.amount"""))
                .as("some payers are in arrears").isPositive();
        // i13-claim-pages: claims in every state of the workflow, opened by the village and decided by BPJS
        assertThat(jdbc.sql("select distinct status from claim_case where region_code like '62.71.%' order by status")
                .query(String.class).list()).containsExactly("APPROVED", "PAID", "REJECTED", "SUBMITTED", "VERIFIED");
        assertThat(count("select count(*) from claim_history h join claim_case c on c.id = h.case_id where c.region_code like '62.71.%'"
                + " and h.status = 'APPROVED' and h.by_user = c.opened_by")).as("nobody approved a case they opened").isZero();
        // an overdue case on the first start (docs/claims.md, "Overdue"): a complete file that has waited at SUBMITTED
        // longer than lindung.claims.overdue-days.submitted (5), opened, documented and recorded on the day it waited from
        assertThat(count("select count(*) from claim_case c where c.region_code like '62.71.%' and c.status = 'SUBMITTED'"
                + " and c.status_since < now() - interval '5 days' and c.opened_at = c.status_since"
                + " and c.file_complete_on = cast(c.opened_at as date)"
                + " and exists (select 1 from claim_history h where h.case_id = c.id and h.at = c.opened_at)"))
                .as("an overdue case").isPositive();
        // review of 3 December 2026: the demo paid back-dated, before the file it was paid on was complete
        assertThat(count("select count(*) from claim_case where region_code like '62.71.%' and paid_on is not null"
                + " and (file_complete_on is null or paid_on < file_complete_on)")).as("a case paid before its file was complete").isZero();
    }

    @Test
    void theServerCatchesTheCoverageRollupsUpAfterWritesOnASchedule() {
        // after a month's payment file the next reader rebuilt every rollup on its request thread (439 s for a province)
        assertThat(scheduled.getScheduledTasks()).extracting(t -> t.getTask().getRunnable().toString())
                .anyMatch(r -> r.contains("RollupWarmUp.catchUp"));
    }
}
