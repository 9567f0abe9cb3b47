package id.lindung.claim;

import static id.lindung.claim.ClaimWorkflowIntegrationTests.codes;
import static id.lindung.claim.ClaimWorkflowIntegrationTests.expect;
import static id.lindung.claim.ClaimWorkflowIntegrationTests.json;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.billing.BillingRuns;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestClock;
import id.lindung.support.TestUsers;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Claims against billing: protection on the incident date at the edges of a BPU grace period and lapse (billing's
 * published status, end to end), and the contributions billed for the months after a death reversed by the next billing
 * run. Regency 71.05; today is 2 December 2026.
 */
@IntegrationTest
class ClaimBillingIntegrationTests {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired BillingRuns runs;

    private final Actor dpmdActor = TestUsers.actor("claims-billing-dpmd", Role.DPMD, "71.05");
    private Http dpmd;

    @BeforeEach
    void setUp() {
        clock.fixAt(Instant.parse("2026-12-02T03:00:00Z"));
        dpmd = Http.withToken(port, TestUsers.token(accounts, "claims-billing-dpmd", Role.DPMD, "71.05"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void bill(YearMonth month) {
        CurrentActor.runAs(dpmdActor, () -> runs.run(month, dpmdActor, true));
    }

    private LocalDate due(String payer, YearMonth month) {
        return jdbc.sql("select b.due_date from bill b join payer p on p.id = b.payer_id where p.code = ? and b.month = ?")
                .params(payer, Date.valueOf(month.atDay(1))).query(Date.class).single().toLocalDate();
    }

    private JsonNode preview(String nik, LocalDate incident) {
        return json(expect(dpmd.postJson("/api/v1/claims/preview", """
                {"nik":"%s","case":"JKK_MEDICAL","incidentDate":"%s","reportedOn":"%s","claimedCosts":{"medical":1000000}}"""
                .formatted(nik, incident, incident)), 200));
    }

    private static String protection(JsonNode c) {
        for (JsonNode d : c.get("decisions")) {
            if (d.get("code").asString().equals("NOT_PROTECTED_ON_INCIDENT_DATE")) {
                return (d.get("passed").asBoolean() ? "passed " : "failed ") + d.get("message").asString();
            }
        }
        return "absent";
    }

    @Test
    void aBpuIsProtectedOnTheLastDayOfGraceAndNotTheDayAfterNorOnceTheMembershipEnded() {
        String nik = ClaimWorkflowIntegrationTests.worker(dpmd, "71.05.01.2006", "NELAYAN", "[\"JKK\",\"JKM\"]", "BPU", "1000000",
                "SELF", "2026-07-01");
        for (YearMonth m = YearMonth.of(2026, 7); !m.isAfter(YearMonth.of(2026, 11)); m = m.plusMonths(1)) {
            bill(m);
        }
        LocalDate julyDue = due("SELF:" + nik, YearMonth.of(2026, 7));
        assertThat(protection(preview(nik, julyDue))).startsWith("passed").contains("IN_GRACE");
        JsonNode lapsed = preview(nik, julyDue.plusDays(1));
        assertThat(protection(lapsed)).startsWith("failed").contains("LAPSED");
        assertThat(lapsed.get("eligible").asBoolean()).isFalse();
        assertThat(lapsed.get("total").decimalValue()).isEqualByComparingTo("0");
        // four billed months past due and unpaid: more than three, the membership ended
        LocalDate octoberDue = due("SELF:" + nik, YearMonth.of(2026, 10));
        assertThat(protection(preview(nik, octoberDue))).startsWith("failed").contains("LAPSED");
        assertThat(protection(preview(nik, octoberDue.plusDays(1)))).startsWith("failed").contains("ENDED");
        // opening it is refused with the code, and nothing is stored
        assertThat(codes(expect(dpmd.postJson("/api/v1/claims", """
                {"nik":"%s","case":"JKK_MEDICAL","incidentDate":"%s","reportedOn":"%s","claimedCosts":{"medical":1000000}}"""
                .formatted(nik, julyDue.plusDays(1), julyDue.plusDays(1))), 422))).containsExactly("NOT_PROTECTED_ON_INCIDENT_DATE@incidentDate");
        // protected on the due date: the case opens, with the care as claimed
        JsonNode opened = json(expect(dpmd.postJson("/api/v1/claims", """
                {"nik":"%s","case":"JKK_MEDICAL","incidentDate":"%s","reportedOn":"%s","claimedCosts":{"medical":1000000}}"""
                .formatted(nik, julyDue, julyDue)), 201));
        assertThat(opened.get("total").decimalValue()).isEqualByComparingTo("1000000");
    }

    private Map<String, BigDecimal> billedByMonth(String nik) {
        Map<String, BigDecimal> months = new LinkedHashMap<>();
        jdbc.sql("""
                select to_char(l.month, 'YYYY-MM'), sum(l.amount) from bill_line l join worker w on w.id = l.worker_id
                where w.nik = ? group by l.month order by l.month""").param(nik)
                .query((rs, n) -> months.put(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros())).list();
        return months;
    }

    @Test
    void theNextBillingRunReversesTheMonthsBilledAfterTheMonthOfDeath() {
        String nik = ClaimWorkflowIntegrationTests.worker(dpmd, "71.05.01.2005", "KEPALA_DESA", "[\"JKK\",\"JKM\"]", "PU", "2000000",
                "APBDES", "2026-01-01");
        for (YearMonth m = YearMonth.of(2026, 10); !m.isAfter(YearMonth.of(2026, 12)); m = m.plusMonths(1)) {
            bill(m);
        }
        Map<String, BigDecimal> before = billedByMonth(nik);
        assertThat(before).containsOnlyKeys("2026-10", "2026-11", "2026-12");
        assertThat(before.values()).allMatch(v -> v.signum() > 0);

        String heir = ClaimWorkflowIntegrationTests.heirNik("P", "1970-01-01");
        expect(dpmd.postJson("/api/v1/claims", """
                {"nik":"%s","case":"JKM_DEATH","incidentDate":"2026-10-15",
                 "heirs":[{"name":"Istri Kepala Desa","nik":"%s","relationship":"SPOUSE"}]}""".formatted(nik, heir)), 201);
        // the next run (December again, as the scheduler or the office would run it)
        bill(YearMonth.of(2026, 12));

        Map<String, BigDecimal> after = billedByMonth(nik);
        // October, the month of death, stays billed: the official was protected in it
        assertThat(after.get("2026-10")).isEqualByComparingTo(before.get("2026-10"));
        assertThat(after.get("2026-11")).isEqualByComparingTo("0");
        assertThat(after.get("2026-12")).isEqualByComparingTo("0");
        assertThat(jdbc.sql("""
                select count(*) from bill_line l join worker w on w.id = l.worker_id
                where w.nik = ? and l.kind = 'REVERSAL' and l.month = date '2026-11-01'""").param(nik).query(Long.class).single())
                .isPositive();
        // a further run adds nothing
        bill(YearMonth.of(2026, 12));
        assertThat(billedByMonth(nik)).isEqualTo(after);
    }
}
