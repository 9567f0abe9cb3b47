package id.lindung.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.billing.BillingRuns;
import id.lindung.billing.Payments;
import id.lindung.billing.Protection;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Desa Sadar at its edge, through the service and GET /api/v1/coverage/desa-sadar: a desa whose every official is
 * protected loses the status the day after a self-paying official's month falls due unpaid, shows as a near miss
 * naming that official (NIK masked for a monitor), and is Desa Sadar again once the month is paid inside its window.
 * Also the API's shape, its refusals and its scope. Desa Karang Anyar, 18.06.03.2001.
 */
@IntegrationTest
class DesaSadarIntegrationTests {

    static final String DESA = "18.06.03.2001";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired CoverageIndicators indicators;
    @Autowired BillingRuns runs;
    @Autowired Payments payments;
    @Autowired Protection protection;
    @Autowired UserAccounts accounts;

    final Actor dpmd = TestUsers.actor("desa-sadar-dpmd", Role.DPMD, "18.06.03");

    private DesaSadarVillages.Village village(LocalDate date) {
        return CurrentActor.runAs(dpmd, () -> indicators.desaSadar(DESA, date, null)).villages().get(0);
    }

    private long sadarCount(LocalDate date) {
        return CurrentActor.runAs(dpmd, () -> indicators.of(DESA, date)).desaSadar().villages();
    }

    private void pay(String payer, YearMonth month, LocalDate on) {
        BigDecimal owed = jdbc.sql("""
                select sum(l.amount) from bill_line l join payer p on p.id = l.payer_id where p.code = ? and l.month = ?""")
                .params(payer, Date.valueOf(month.atDay(1))).query(BigDecimal.class).single();
        CurrentActor.runAs(dpmd, () -> payments.record(new Payments.PaymentRequest(payer, "SADAR-" + month, on, owed, "BANK"), dpmd));
    }

    @Test
    void aDesaLosesTheStatusWhenAnOfficialLapsesAndRegainsItWhenThePaymentComesInsideTheWindow() {
        CoverageFixture fx = new CoverageFixture(jdbc);
        long village = fx.payer("APBDES:" + DESA, "APBDES", "Pemerintah Desa Karang Anyar", DESA);
        long kades = fx.worker(DESA, "Kades Karang Anyar", "KEPALA_DESA", false, null);
        long sekdes = fx.worker(DESA, "Sekdes Karang Anyar", "PERANGKAT_DESA", false, null);
        long kaur = fx.worker(DESA, "Kaur Karang Anyar", "PERANGKAT_DESA", false, null);
        String kaurNik = fx.nik(kaur);
        String self = "SELF:" + kaurNik;
        long selfPayer = fx.payer(self, "SELF", "Peserta mandiri", DESA);
        for (long official : new long[] {kades, sekdes}) {
            fx.term(official, DESA, "JKK", "PU", village, village, LocalDate.of(2026, 6, 1));
            fx.term(official, DESA, "JKM", "PU", village, village, LocalDate.of(2026, 6, 1));
        }
        fx.term(kaur, DESA, "JKK", "BPU", null, selfPayer, LocalDate.of(2026, 7, 1));
        fx.term(kaur, DESA, "JKM", "BPU", null, selfPayer, LocalDate.of(2026, 7, 1));
        for (YearMonth m = YearMonth.of(2026, 7); !m.isAfter(YearMonth.of(2026, 11)); m = m.plusMonths(1)) {
            YearMonth month = m;
            CurrentActor.runAs(dpmd, () -> runs.run(month, dpmd, true));
        }
        for (YearMonth m = YearMonth.of(2026, 7); !m.isAfter(YearMonth.of(2026, 9)); m = m.plusMonths(1)) {
            pay(self, m, m.atDay(10));
        }

        assertThat(village(LocalDate.of(2026, 10, 15)).status()).isEqualTo(DesaSadarVillages.Status.SADAR);
        assertThat(sadarCount(LocalDate.of(2026, 10, 15))).isEqualTo(1);
        // October falls due on the 15th unpaid: the official lapses the next day, and the desa misses by one
        var lapsed = village(LocalDate.of(2026, 10, 16));
        assertThat(lapsed.status()).isEqualTo(DesaSadarVillages.Status.NEAR);
        assertThat(lapsed.missing()).extracting(DesaSadarVillages.Missing::name).containsExactly("Kaur Karang Anyar");
        assertThat(lapsed.missing()).extracting(DesaSadarVillages.Missing::nik).containsExactly(kaurNik);
        assertThat(sadarCount(LocalDate.of(2026, 10, 16))).isZero();
        assertThat(protection.ofWorker(kaur, LocalDate.of(2026, 10, 16), RegionScope.NATIONAL).programs())
                .allSatisfy(p -> assertThat(p.status()).hasToString("LAPSED"));

        // paid on 5 November, inside October's back-payment window: billing counts October as paid in time
        pay(self, YearMonth.of(2026, 10), LocalDate.of(2026, 11, 5));
        assertThat(village(LocalDate.of(2026, 10, 16)).status()).isEqualTo(DesaSadarVillages.Status.SADAR);
        assertThat(village(LocalDate.of(2026, 11, 15)).status()).isEqualTo(DesaSadarVillages.Status.SADAR);
        assertThat(sadarCount(LocalDate.of(2026, 10, 16))).isEqualTo(1);
        // November unpaid past its due date (15 November 2026 is a Sunday: due the next working day): a near miss again
        LocalDate novemberDue = jdbc.sql("select due_date from bill where payer_id = ? and month = date '2026-11-01'")
                .param(selfPayer).query(Date.class).single().toLocalDate();
        assertThat(village(novemberDue).status()).isEqualTo(DesaSadarVillages.Status.SADAR);
        assertThat(village(novemberDue.plusDays(1)).status()).isEqualTo(DesaSadarVillages.Status.NEAR);

        // a monitor sees the official's NIK masked; the filter keeps only near misses
        Http monitor = Http.withToken(port, TestUsers.token(accounts, "desa-sadar-monitor", Role.MONITOR, "18.06"));
        var response = monitor.get("/api/v1/coverage/desa-sadar?region=18.06.03&date=" + novemberDue.plusDays(1) + "&status=NEAR");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"code\":\"" + DESA + "\"", "\"status\":\"NEAR\"", "Kaur Karang Anyar",
                "\"nik\":\"" + kaurNik.substring(0, 6) + "********" + kaurNik.substring(14) + "\"", "\"category\":\"PERANGKAT_DESA\"")
                .doesNotContain(kaurNik).doesNotContain("\"status\":\"NO\"");
    }

    @Test
    void theApiAnswersTheIssuesShapeAndRefusesWhatIsOutsideTheScopeOrMalformed() {
        Http regency = Http.withToken(port, TestUsers.token(accounts, "coverage-api-dpmd", Role.DPMD, "18.06"));
        var own = regency.get("/api/v1/coverage?region=18.06&date=2026-11-01");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(own.body()).startsWith("{\"region\":\"18.06\",\"name\":").contains("\"date\":\"2026-11-01\"",
                "\"potential\":", "\"registered\":", "\"protected\":", "\"ratio\":", "\"bySegment\":{\"PU\":{\"registered\":",
                "\"BPU\":{", "\"byCategory\":{\"KEPALA_DESA\":{", "\"byPayerKind\":{\"APBDES\":{", "\"apparatus\":{\"registered\":",
                "\"desaSadar\":{\"villages\":", "\"desa\":", "\"money\":{\"from\":\"2026-01-01\",\"to\":\"2026-11-01\",\"billed\":",
                "\"paid\":", "\"outstanding\":", "\"benefitsPaid\":", "\"lossRatio\":", "\"benefitsSource\":\"CLAIMS\"");
        assertThat(regency.get("/api/v1/coverage?date=2026-11-01").body()).startsWith("{\"region\":\"18.06\"");
        assertThat(regency.get("/api/v1/coverage/children?region=18.06&date=2026-11-01").body()).startsWith("[{\"region\":\"18.06.");
        var trend = regency.get("/api/v1/coverage/trend?region=18.06&from=2026-09&to=2026-11");
        assertThat(trend.statusCode()).as(trend.body()).isEqualTo(200);
        assertThat(trend.body()).contains("\"date\":\"2026-09-30\"", "\"date\":\"2026-10-31\"", "\"date\":\"2026-11-30\"");

        for (String other : new String[] {"ID", "18", "18.07", "19.01.01.2001"}) {
            assertThat(regency.get("/api/v1/coverage?region=" + other).statusCode()).as(other).isEqualTo(404);
            assertThat(regency.get("/api/v1/coverage/children?region=" + other).statusCode()).as(other).isEqualTo(404);
            assertThat(regency.get("/api/v1/coverage/trend?region=" + other + "&from=2026-01&to=2026-02").statusCode()).as(other).isEqualTo(404);
            assertThat(regency.get("/api/v1/coverage/desa-sadar?region=" + other).statusCode()).as(other).isEqualTo(404);
        }
        assertThat(regency.get("/api/v1/coverage?region=18.06&date=2026-13-01").statusCode()).isEqualTo(400);
        assertThat(regency.get("/api/v1/coverage?region=18..06").statusCode()).isEqualTo(400);
        assertThat(regency.get("/api/v1/coverage/trend?region=18.06&from=2026-9&to=2026-11").statusCode()).isEqualTo(400);
        assertThat(regency.get("/api/v1/coverage/trend?region=18.06&from=2020-01&to=2026-11").statusCode()).isEqualTo(400);
        assertThat(regency.get("/api/v1/coverage/desa-sadar?region=18.06&status=MAYBE").statusCode()).isEqualTo(400);
        assertThat(regency.get("/api/v1/coverage?region=18.06&periodFrom=2026-05-01&periodTo=2026-04-01").statusCode()).isEqualTo(400);
    }
}
