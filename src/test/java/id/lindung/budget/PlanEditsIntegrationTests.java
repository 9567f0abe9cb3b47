package id.lindung.budget;

import static id.lindung.budget.NamedListIntegrationTests.HEADER;
import static id.lindung.budget.NamedListIntegrationTests.JSON;
import static id.lindung.budget.NamedListIntegrationTests.nik;
import static id.lindung.budget.NamedListIntegrationTests.plan;
import static id.lindung.budget.NamedListIntegrationTests.row;
import static id.lindung.budget.NamedListIntegrationTests.upload;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.LockWaits;
import id.lindung.support.TestClock;
import id.lindung.support.TestUsers;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Editing a DRAFT through the module (PUT /api/v1/budget-plans/{id}): the named list stays unless removed. */
@IntegrationTest
class PlanEditsIntegrationTests {

    static final String DESA = "72.04.03.2002";
    static final String OTHER_DESA = "72.04.03.2003";
    // BPU at Rp 1,000,000 JKK+JKM: Rp 16,800 a month
    static final long BPU_MONTH = 16_800;

    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired UserAccounts accounts;
    @LocalServerPort int port;

    Http dpmd() {
        return Http.withToken(port, TestUsers.token(accounts, "edit-dpmd", Role.DPMD, "72.04"));
    }

    static String body(String desa, int year, long count, long joiners, String namedList) {
        return "{\"payer\":\"APBDES:" + desa + "\",\"year\":" + year + ",\"cohorts\":[{\"category\":\"NELAYAN\",\"segment\":\"BPU\","
                + "\"count\":" + count + ",\"wage\":1000000,\"programs\":[\"JKK\",\"JKM\"],\"monthFrom\":\"" + year + "-01\","
                + "\"joiners\":" + joiners + "}]" + (namedList == null ? "" : ",\"namedList\":\"" + namedList + "\"") + "}";
    }

    /** The government payers of DESA and OTHER_DESA, for a draft moved from one to the other. */
    private void bothDesasPayers() {
        BudgetFixture fixture = new BudgetFixture(jdbc);
        fixture.payer("APBDES:" + DESA, "APBDES", "Pemerintah Desa Lumbu", DESA);
        fixture.payer("APBDES:" + OTHER_DESA, "APBDES", "Pemerintah Desa Lain", OTHER_DESA);
    }

    @Test
    void editingADraftWithANamedListKeepsTheListAndCostsItWithTheNewCohorts() {
        bothDesasPayers();
        Http dpmd = dpmd();
        int year = TestClock.nextBusinessYear();
        long id = plan(dpmd, DESA, year);
        LocalDate b = LocalDate.of(1975, 6, 7);
        String person = nik(b);
        assertThat(upload(dpmd, id, HEADER + "\n" + row(person, b, "NELAYAN", "BPU", "1000000", "JKK;JKM", "2") + "\n").statusCode())
                .isEqualTo(200);

        // 5 fishers from January, 2 joining a month: 5, 7, ... 27 in December = 192 person-months, plus the list's person
        HttpResponse<String> edited = dpmd.putJson("/api/v1/budget-plans/" + id, body(DESA, year, 5, 2, null));

        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        JsonNode plan = JSON.readTree(edited.body());
        assertThat(plan.get("status").asString()).isEqualTo("DRAFT");
        assertThat(plan.get("listPeople").asLong()).isEqualTo(1);
        assertThat(plan.get("namedList").get("people").asLong()).isEqualTo(1);
        assertThat(new BigDecimal(plan.get("total").asString())).isEqualByComparingTo(BigDecimal.valueOf((192 + 12) * BPU_MONTH));
        assertThat(jdbc.sql("select count(*) from budget_list_person where plan_id = ?").param(id).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select joiners from budget_cohort where plan_id = ?").param(id).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'budget_plan' and entity_id = ? and action = 'UPDATE'")
                .param(Long.toString(id)).query(Long.class).single()).isEqualTo(1);

        // the list was checked for this desa: another desa's payer does not fit it, and nothing changes
        HttpResponse<String> otherPayer = dpmd.putJson("/api/v1/budget-plans/" + id, body(OTHER_DESA, year, 1, 0, null));
        assertThat(otherPayer.statusCode()).as(otherPayer.body()).isEqualTo(422);
        assertThat(otherPayer.body()).contains("\"code\":\"NAMED_LIST_DOES_NOT_FIT\"")
                .contains("{\"line\":2,\"field\":\"village_code\",\"code\":\"VILLAGE_OUT_OF_SCOPE\"");
        assertThat(dpmd.get("/api/v1/budget-plans/" + id).body()).contains("\"payer\":\"APBDES:" + DESA + "\"");

        // removing the list with the edit is the writer's explicit choice
        HttpResponse<String> removed = dpmd.putJson("/api/v1/budget-plans/" + id, body(OTHER_DESA, year, 1, 0, "REMOVE"));
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        JsonNode after = JSON.readTree(removed.body());
        assertThat(after.get("payer").asString()).isEqualTo("APBDES:" + OTHER_DESA);
        assertThat(after.path("namedList").isNull() || after.path("namedList").isMissingNode()).isTrue();
        assertThat(new BigDecimal(after.get("total").asString())).isEqualByComparingTo(BigDecimal.valueOf(12 * BPU_MONTH));
        assertThat(jdbc.sql("select count(*) from budget_list where plan_id = ?").param(id).query(Long.class).single()).isZero();
    }

    @Test
    void anEditIsRefusedWithItsCodeAndChangesNothing() {
        new BudgetFixture(jdbc).payer("APBDES:" + DESA, "APBDES", "Pemerintah Desa Lumbu", DESA);
        Http dpmd = dpmd();
        int year = TestClock.nextBusinessYear();
        long id = plan(dpmd, DESA, year);

        HttpResponse<String> choice = dpmd.putJson("/api/v1/budget-plans/" + id, body(DESA, year, 1, 0, "MAYBE"));
        assertThat(choice.statusCode()).as(choice.body()).isEqualTo(400);
        assertThat(choice.body()).contains("UNKNOWN_LIST_CHOICE");
        HttpResponse<String> negative = dpmd.putJson("/api/v1/budget-plans/" + id, body(DESA, year, -1, 0, null));
        assertThat(negative.statusCode()).as(negative.body()).isEqualTo(422);
        assertThat(negative.body()).contains("NEGATIVE_COUNT");
        assertThat(jdbc.sql("select count(*) from budget_cohort where plan_id = ?").param(id).query(Long.class).single()).isZero();

        Http monitor = Http.withToken(port, TestUsers.token(accounts, "edit-monitor", Role.MONITOR, "72.04"));
        assertThat(monitor.putJson("/api/v1/budget-plans/" + id, body(DESA, year, 1, 0, null)).statusCode()).isEqualTo(403);
        Http elsewhere = Http.withToken(port, TestUsers.token(accounts, "edit-kukar", Role.DPMD, "64.02"));
        assertThat(elsewhere.putJson("/api/v1/budget-plans/" + id, body(DESA, year, 1, 0, null)).statusCode()).isEqualTo(404);

        dpmd.post("/api/v1/budget-plans/" + id + "/final", "application/json", new byte[0]);
        HttpResponse<String> finalPlan = dpmd.putJson("/api/v1/budget-plans/" + id, body(DESA, year, 1, 0, null));
        assertThat(finalPlan.statusCode()).as(finalPlan.body()).isEqualTo(409);
        assertThat(finalPlan.body()).contains("PLAN_FINAL");
    }

    @Test
    void aPayerChangeMadeWhileThePlanIsBeingEnrolledWaitsForTheEnrolmentAndIsRefusedAsOneAfterTheOtherWould() throws Exception {
        bothDesasPayers();
        Http dpmd = dpmd();
        int year = TestClock.nextBusinessYear();
        long id = plan(dpmd, DESA, year);
        // the count of enrolments is what the edit checks: any worker id serves (budget_enrolment does not reference it)
        long worker = 999_000_000L + id;
        // an enrolment of the plan under way (Enrolment#enrol): it holds the plan's row and has enrolled a worker with the
        // plan's payer, not yet committed
        @SuppressWarnings("unchecked")
        HttpResponse<String> edited = (HttpResponse<String>) LockWaits.afterCommitOf(dataSource, jdbc, held -> {
            LockWaits.execute(held, "select id from budget_plan where id = ? for update", id);
            LockWaits.execute(held, "insert into budget_enrolment (plan_id, worker_id, enrolled_by) values (?, ?, ?)", id, worker, "edit-dpmd");
        }, "budget_plan", () -> dpmd.putJson("/api/v1/budget-plans/" + id, body(OTHER_DESA, year, 1, 0, null)));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(409);
        assertThat(edited.body()).contains("PLAN_HAS_ENROLMENTS");
        assertThat(dpmd.get("/api/v1/budget-plans/" + id).body()).contains("\"payer\":\"APBDES:" + DESA + "\"");
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'budget_plan' and entity_id = ? and action = 'UPDATE'")
                .param(Long.toString(id)).query(Long.class).single()).isZero();
    }
}
