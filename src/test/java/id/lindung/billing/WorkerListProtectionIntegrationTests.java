package id.lindung.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestClock;
import id.lindung.support.TestUsers;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The village worker list's protection column gives, for each listed worker, the answer of
 * GET /api/v1/workers/{nik}/protection on the same date (today, business time zone). Regency 62.07, which no other
 * test bills or pays for.
 */
@IntegrationTest
class WorkerListProtectionIntegrationTests {

    private static final String VILLAGE = "62.07.01.2005";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 10);

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts accounts;
    @Autowired BillingRuns runs;
    @Autowired Payments payments;
    @Autowired TestClock clock;

    private final Actor dpmd = TestUsers.actor("list-protection-dpmd", Role.DPMD, "62.07");

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theVillageListShowsAPaidSelfPayerProtectedAndOneUnpaidPastItsDueDateNotProtectedAsTheEndpointDoes() throws Exception {
        clock.fixAt(Instant.parse("2026-11-10T03:00:00Z"));
        BillingFixture fx = new BillingFixture(jdbc);
        long paid = selfPayer(fx, "Petani Sungai Perlu Lunas");
        long owing = selfPayer(fx, "Petani Sungai Perlu Menunggak");
        long notYet = fx.worker(VILLAGE, "Petani Sungai Perlu Mulai Januari", "PETANI");
        fx.term(notYet, VILLAGE, "JKK", "BPU", "1000000", "VERY_LOW", null,
                fx.payer("SELF:" + fx.nik(notYet), "SELF", "Peserta mandiri", VILLAGE), LocalDate.of(2027, 1, 1), null);
        for (YearMonth m = YearMonth.of(2026, 9); !m.isAfter(YearMonth.of(2026, 11)); m = m.plusMonths(1)) {
            YearMonth month = m;
            CurrentActor.runAs(dpmd, () -> runs.run(month, dpmd, true));
        }
        String payer = "SELF:" + fx.nik(paid);
        BigDecimal owed = jdbc.sql("""
                select sum(l.amount) from bill_line l join payer p on p.id = l.payer_id where p.code = ?""")
                .param(payer).query(BigDecimal.class).single();
        CurrentActor.runAs(dpmd, () -> payments.record(new Payments.PaymentRequest(payer, "PERLU-2026", TODAY.minusDays(1),
                owed, "BANK"), dpmd));

        Http api = Http.withToken(port, TestUsers.token(accounts, "list-protection-api", Role.DPMD, "62.07"));
        assertThat(endpoint(api, fx.nik(paid))).containsExactly("PROTECTED");
        assertThat(endpoint(api, fx.nik(owing))).containsExactly("LAPSED");
        assertThat(api.get("/api/v1/workers/" + fx.nik(notYet) + "/protection").body()).contains("\"programs\":[]");

        Http browser = Http.browser(port);
        TestUsers.token(accounts, "list-protection-page", Role.DPMD, "62.07");
        browser.login("list-protection-page", TestUsers.PASSWORD);
        var list = browser.get("/desa/" + VILLAGE + "/pekerja");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("<th class=\"hide-sm\"", ">Terlindungi</th>");
        assertThat(protectionCell(list.body(), paid)).contains("data-status=\"PROTECTED\"", ">Terlindungi<")
                .doesNotContain("LAPSED");
        assertThat(protectionCell(list.body(), owing)).contains("data-status=\"LAPSED\"", ">Menunggak (belum terlindungi)<")
                .doesNotContain("PROTECTED");
        assertThat(protectionCell(list.body(), notYet)).contains(">Belum ada JKK/JKM<").doesNotContain("data-status");
    }

    private static long selfPayer(BillingFixture fx, String name) {
        long worker = fx.worker(VILLAGE, name, "PETANI");
        long self = fx.payer("SELF:" + fx.nik(worker), "SELF", "Peserta mandiri", VILLAGE);
        for (String program : new String[] {"JKK", "JKM"}) {
            fx.term(worker, VILLAGE, program, "BPU", "1000000", "VERY_LOW", null, self, LocalDate.of(2026, 9, 1), null);
        }
        return worker;
    }

    /** The statuses of the worker's programmes as the protection endpoint answers them for today. */
    private static Set<String> endpoint(Http api, String nik) throws Exception {
        var response = api.get("/api/v1/workers/" + nik + "/protection");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var report = new ObjectMapper().readTree(response.body());
        assertThat(report.get("date").asText()).isEqualTo(TODAY.toString());
        Set<String> statuses = new HashSet<>();
        report.get("programs").forEach(p -> statuses.add(p.get("status").asText()));
        assertThat(report.get("programs")).hasSize(2);
        return statuses;
    }

    /** The list's protection column in the worker's row (found by the row's link to the worker page). */
    private String protectionCell(String html, long worker) {
        String publicId = jdbc.sql("select public_id::text from worker where id = ?").param(worker).query(String.class).single();
        int row = html.indexOf("/pekerja/p/" + publicId);
        assertThat(row).as("the worker is listed").isPositive();
        String tr = html.substring(row, html.indexOf("</tr>", row));
        int cell = tr.indexOf("class=\"hide-sm protection\"");
        assertThat(cell).as("the row has the protection column").isPositive();
        return tr.substring(cell);
    }
}
