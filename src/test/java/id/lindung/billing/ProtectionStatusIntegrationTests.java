package id.lindung.billing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Protection through GET /api/v1/workers/{nik}/protection?date=..., at the boundaries, for terms that began
 * (January 2025) long before billing did (July 2026), as in the demo. Regency 62.03, billed by its own office.
 */
@IntegrationTest
class ProtectionStatusIntegrationTests {

    private static final LocalDate TERM_START = LocalDate.of(2025, 1, 1);
    private static final YearMonth FIRST_BILLED = YearMonth.of(2026, 7);
    private static final YearMonth LAST_BILLED = YearMonth.of(2026, 11);

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts accounts;
    @Autowired BillingRuns runs;
    @Autowired Payments payments;

    private final Actor dpmd = TestUsers.actor("protection-dpmd", Role.DPMD, "62.03");
    private Http api;

    @BeforeEach
    void setUp() {
        api = Http.withToken(port, TestUsers.token(accounts, "protection-api-dpmd", Role.DPMD, "62.03"));
    }

    private void bill() {
        for (YearMonth m = FIRST_BILLED; !m.isAfter(LAST_BILLED); m = m.plusMonths(1)) {
            YearMonth month = m;
            CurrentActor.runAs(dpmd, () -> runs.run(month, dpmd, true));
        }
    }

    private LocalDate due(long payer, YearMonth month) {
        return jdbc.sql("select due_date from bill where payer_id = ? and month = ?").params(payer, Date.valueOf(month.atDay(1)))
                .query(Date.class).single().toLocalDate();
    }

    private String on(String nik, LocalDate date) {
        var response = api.get("/api/v1/workers/" + nik + "/protection?date=" + date);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    @Test
    void aPuOfficialPaidThroughNovemberIsProtectedOnTheFirstOfDecemberAndAnEmployerInArrearsIsFlagged() {
        String paidVillage = "62.03.01.2011";
        String owingVillage = "62.03.01.2020";
        BillingFixture fx = new BillingFixture(jdbc);
        long paidPayer = fx.payer("APBDES:" + paidVillage, "APBDES", "Pemerintah Desa Pulau Telo", paidVillage);
        long owingPayer = fx.payer("APBDES:" + owingVillage, "APBDES", "Pemerintah Desa Pulau Telo Baru", owingVillage);
        long paidOfficial = fx.worker(paidVillage, "Kepala Desa Pulau Telo", "KEPALA_DESA");
        long owingOfficial = fx.worker(owingVillage, "Kepala Desa Pulau Telo Baru", "KEPALA_DESA");
        fx.term(paidOfficial, paidVillage, "JKM", "PU", "2000000", null, paidPayer, paidPayer, TERM_START, null);
        fx.term(owingOfficial, owingVillage, "JKM", "PU", "2000000", null, owingPayer, owingPayer, TERM_START, null);
        bill();
        // July to November, 6,000 a month, paid on 1 December
        CurrentActor.runAs(dpmd, () -> payments.record(new Payments.PaymentRequest("APBDES:" + paidVillage, "TELO-2026",
                LocalDate.of(2026, 12, 1), new BigDecimal("30000"), "BANK"), dpmd));
        String paid = fx.nik(paidOfficial);
        String owing = fx.nik(owingOfficial);

        // eighteen months never billed are not arrears: the demo's date
        assertThat(on(paid, LocalDate.of(2026, 12, 1))).contains("\"status\":\"PROTECTED\"", "\"employerInArrears\":false",
                "\"paidThrough\":\"2026-11\"");
        assertThat(on(paid, LocalDate.of(2026, 11, 30))).contains("\"status\":\"PROTECTED\"", "\"employerInArrears\":false");
        assertThat(on(paid, LocalDate.of(2026, 6, 30))).contains("\"status\":\"PROTECTED\"", "\"employerInArrears\":false");
        assertThat(on(paid, due(paidPayer, LAST_BILLED).plusDays(1))).contains("\"employerInArrears\":false");

        // the other village never paid: protected by law, its employer in arrears from the day after July's due date
        LocalDate julyDue = due(owingPayer, FIRST_BILLED);
        assertThat(on(owing, LocalDate.of(2026, 6, 30))).contains("\"status\":\"PROTECTED\"", "\"employerInArrears\":false");
        assertThat(on(owing, julyDue)).contains("\"status\":\"PROTECTED\"", "\"employerInArrears\":false");
        assertThat(on(owing, julyDue.plusDays(1))).contains("\"status\":\"PROTECTED\"", "\"employerInArrears\":true");
        assertThat(on(owing, LocalDate.of(2026, 12, 1))).contains("\"status\":\"PROTECTED\"", "\"employerInArrears\":true")
                .doesNotContain("LAPSED");
    }

    @Test
    void aSelfPayerIsJudgedOnBilledMonthsOnlyAndADeathDayIsCovered() {
        // a village the other test does not bill or pay for: the tests may run in any order
        String desa = "62.03.02.2006";
        BillingFixture fx = new BillingFixture(jdbc);
        long farmer = fx.worker(desa, "Petani Bakungin", "PETANI");
        String nik = fx.nik(farmer);
        long self = fx.payer("SELF:" + nik, "SELF", "Peserta mandiri", desa);
        fx.term(farmer, desa, "JKM", "BPU", "1000000", null, null, self, TERM_START, null);
        long official = fx.worker(desa, "Sekretaris Bakungin", "PERANGKAT_DESA");
        long village = fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa Bakungin", desa);
        long term = fx.term(official, desa, "JKM", "PU", "2000000", null, village, village, TERM_START, null);
        fx.close(term, LocalDate.of(2026, 10, 10), "DECEASED");
        bill();

        // before billing began nothing was owed: not yet due, where counting every month would say ENDED
        assertThat(on(nik, LocalDate.of(2026, 6, 30))).contains("\"status\":\"IN_GRACE\"");
        LocalDate julyDue = due(self, FIRST_BILLED);
        assertThat(on(nik, julyDue)).contains("\"status\":\"IN_GRACE\"");
        assertThat(on(nik, julyDue.plusDays(1))).contains("\"status\":\"LAPSED\"");

        String deceased = fx.nik(official);
        assertThat(on(deceased, LocalDate.of(2026, 10, 9))).contains("\"status\":\"PROTECTED\"");
        assertThat(on(deceased, LocalDate.of(2026, 10, 10))).contains("\"status\":\"PROTECTED\"");
        assertThat(on(deceased, LocalDate.of(2026, 10, 11))).contains("\"status\":\"ENDED\"");
    }
}
