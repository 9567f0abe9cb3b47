package id.lindung.budget;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class PrioritisationIntegrationTests {

    static final String DESA = "72.04.02.2005";
    static final Actor DPMD = TestUsers.actor("prio-dpmd", Role.DPMD, "72.04");

    @Autowired JdbcClient jdbc;
    @Autowired BudgetPlans plans;
    @Autowired Prioritisation prioritisation;
    @Autowired UserAccounts accounts;
    @LocalServerPort int port;

    @Test
    void aFixedBudgetCoversTheMostVulnerableFirstNeverMoreThanItHoldsAndEnrollingTwiceCreatesMembershipsOnce() {
        BudgetFixture fx = new BudgetFixture(jdbc);
        fx.payer("APBDES:" + DESA, "APBDES", "Pemerintah Desa Bambapula", DESA);
        long poorestOld = fx.worker(DESA, "Nelayan Tua", "NELAYAN", LocalDate.of(1950, 3, 1), 1);
        long poorestYoung = fx.worker(DESA, "Nelayan Muda", "NELAYAN", LocalDate.of(1990, 3, 1), 1);
        long poorTrader = fx.worker(DESA, "Pedagang Miskin", "PEDAGANG_UMKM", LocalDate.of(1940, 3, 1), 1);
        long decile2 = fx.worker(DESA, "Petani Desil 2", "PETANI", LocalDate.of(1960, 3, 1), 2);
        long unknown = fx.worker(DESA, "Petani Tanpa Desil", "PETANI", LocalDate.of(1930, 3, 1), null);
        int year = LocalDate.now().getYear() + 1;
        Map<String, Object> plan = CurrentActor.runAs(DPMD, () -> plans.create(new PlanRequest("APBDES:" + DESA, year, null, List.of(), null), DPMD));
        long id = ((Number) plan.get("id")).longValue();

        // JKK 1% of Rp 1,000,000 + JKM Rp 6,800 = Rp 16,800 a month, twelve months: Rp 201,600 each
        Map<String, Object> r = CurrentActor.runAs(DPMD, () -> prioritisation.prioritise(id, new Prioritisation.Request(
                new BigDecimal("700000"), null, List.of("NELAYAN", "PETANI", "PEDAGANG_UMKM"), null, null, null), DPMD));
        assertThat(names(r, "chosen")).containsExactly(nik(fx, poorestOld), nik(fx, poorestYoung), nik(fx, poorTrader));
        assertThat(names(r, "left")).containsExactly(nik(fx, decile2), nik(fx, unknown));
        assertThat(r.get("cost").toString()).isEqualTo("604800");
        assertThat(r.toString()).contains("budget exhausted at rank 4");
        assertThat(new BigDecimal(r.get("cost").toString())).isLessThanOrEqualTo(new BigDecimal("700000"));
        Map<String, Object> again = CurrentActor.runAs(DPMD, () -> prioritisation.prioritise(id, new Prioritisation.Request(
                new BigDecimal("700000"), null, List.of("NELAYAN", "PETANI", "PEDAGANG_UMKM"), null, null, null), DPMD));
        assertThat(again).isEqualTo(r);

        long before = terms(poorestOld, poorestYoung, poorTrader);
        Map<String, Object> first = CurrentActor.runAs(DPMD, () -> prioritisation.enrol(id, DPMD));
        assertThat(first.get("enrolled")).isEqualTo(3);
        assertThat(terms(poorestOld, poorestYoung, poorTrader)).isEqualTo(before + 6);
        Map<String, Object> second = CurrentActor.runAs(DPMD, () -> prioritisation.enrol(id, DPMD));
        assertThat(second.get("enrolled")).isEqualTo(0);
        assertThat(second.get("alreadyEnrolled")).isEqualTo(3L);
        assertThat(terms(poorestOld, poorestYoung, poorTrader)).isEqualTo(before + 6);
        assertThat(jdbc.sql("select valid_from from membership_term where worker_id = ? and program = 'JKK'").param(poorestOld)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(year, 1, 1));
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'budget_plan' and entity_id = ? and action = 'ENROL'")
                .param(Long.toString(id)).query(Long.class).single()).isEqualTo(2);

        Http monitor = Http.withToken(port, TestUsers.token(accounts, "prio-monitor", Role.MONITOR, "72.04"));
        HttpResponse<String> masked = monitor.postJson("/api/v1/budget-plans/" + id + "/prioritise", "{\"budget\":700000}");
        assertThat(masked.statusCode()).as(masked.body()).isEqualTo(200);
        assertThat(masked.body()).contains("\"nik\":\"720402******").doesNotContain(nik(fx, decile2));
        assertThat(monitor.postJson("/api/v1/budget-plans/" + id + "/enrol", "{}").statusCode()).isEqualTo(403);

        Http dpmd = Http.withToken(port, TestUsers.token(accounts, "prio-dpmd-api", Role.DPMD, "72.04"));
        HttpResponse<String> zero = dpmd.postJson("/api/v1/budget-plans/" + id + "/prioritise", "{\"budget\":0}");
        assertThat(zero.statusCode()).isEqualTo(422);
        assertThat(zero.body()).contains("BUDGET_NOT_POSITIVE");
        Http elsewhere = Http.withToken(port, TestUsers.token(accounts, "prio-dpmd-kukar", Role.DPMD, "64.02"));
        assertThat(elsewhere.postJson("/api/v1/budget-plans/" + id + "/prioritise", "{\"budget\":700000}").statusCode()).isEqualTo(404);
        assertThat(elsewhere.postJson("/api/v1/budget-plans/" + id + "/enrol", "{}").statusCode()).isEqualTo(404);
    }

    @SuppressWarnings("unchecked")
    static List<Object> names(Map<String, Object> r, String key) {
        return ((List<Map<String, Object>>) r.get(key)).stream().map(m -> m.get("nik")).toList();
    }

    static String nik(BudgetFixture fx, long worker) {
        return fx.nik(worker);
    }

    long terms(long... workers) {
        long n = 0;
        for (long w : workers) {
            n += jdbc.sql("select count(*) from membership_term where worker_id = ?").param(w).query(Long.class).single();
        }
        return n;
    }
}
