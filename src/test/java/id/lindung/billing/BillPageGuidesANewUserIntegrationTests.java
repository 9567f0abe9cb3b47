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
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A bill read by someone who has never seen Lindung: it leads to the payment form with its payer filled in, and on a
 * phone, where the share column is hidden, each line still says whose share it is (a PU worker's JP shows twice).
 */
@IntegrationTest
class BillPageGuidesANewUserIntegrationTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts accounts;
    @Autowired BillingRuns runs;
    @Autowired Payments payments;

    /**
     * A desa of regency 53.10, which no other test bills (in 62.02 a district's run of March 2024 in another test counted
     * these bills): one perangkat desa with JKK and JP, billed for March 2024, paid in April.
     */
    private long billedVillage(String desa, YearMonth month) {
        BillingFixture fx = new BillingFixture(jdbc);
        long village = fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa " + desa, desa);
        long w = fx.worker(desa, "Perangkat " + desa, "PERANGKAT_DESA");
        fx.term(w, desa, "JKK", "PU", "2000000", "VERY_LOW", village, village, month.atDay(1), null);
        fx.term(w, desa, "JP", "PU", "2000000", null, village, village, month.atDay(1), null);
        Actor dpmd = TestUsers.actor("bill-guide-dpmd", Role.DPMD, desa);
        CurrentActor.runAs(dpmd, () -> runs.run(month, dpmd, true));
        return jdbc.sql("select id from bill where payer_id = ? and month = ?").params(village, java.sql.Date.valueOf(month.atDay(1)))
                .query(Long.class).single();
    }

    @Test
    void aBillStillOwingOffersToRecordAPaymentForItsPayerAndAPaidOneDoesNot() {
        String desa = "53.10.01.2001";
        YearMonth month = YearMonth.of(2024, 3);
        long billId = billedVillage(desa, month);
        Http operator = TestUsers.browser(port, accounts, "bill-guide-operator", Role.VILLAGE_OPERATOR, desa);

        String owing = operator.get("/tagihan/" + billId).body();
        assertThat(owing).contains("id=\"record-payment\"").contains("href=\"/pembayaran?payer=APBDES:" + desa + "\"");
        assertThat(operator.get("/pembayaran?payer=APBDES:" + desa).body()).contains("value=\"APBDES:" + desa + "\"");

        BigDecimal total = jdbc.sql("select sum(amount) from bill_line l join bill b on b.payer_id = l.payer_id and b.month = l.month where b.id = ?")
                .param(billId).query(BigDecimal.class).single();
        Actor admin = TestUsers.actor("bill-guide-admin", Role.ADMIN, "ID");
        CurrentActor.runAs(admin, () -> payments.record(new Payments.PaymentRequest("APBDES:" + desa, "GUIDE-1",
                LocalDate.of(2024, 4, 10), total, "BANK"), admin));
        assertThat(operator.get("/tagihan/" + billId).body()).as("nothing left to pay").doesNotContain("id=\"record-payment\"");

        Http monitor = TestUsers.browser(port, accounts, "bill-guide-monitor", Role.MONITOR, desa);
        assertThat(monitor.get("/tagihan/" + billId).body()).as("a read-only role records nothing").doesNotContain("id=\"record-payment\"");
    }

    @Test
    void onAPhoneEachBillLineNamesWhoseShareItIsUnderItsProgramme() {
        String desa = "53.10.01.2002";
        long billId = billedVillage(desa, YearMonth.of(2024, 3));
        Http operator = TestUsers.browser(port, accounts, "bill-share-operator", Role.VILLAGE_OPERATOR, desa);

        String bill = operator.get("/tagihan/" + billId).body();
        // JP of a PU worker is two lines, the employer's 2 % and the worker's 1 %: the phone shows which is which
        assertThat(bill).contains("<div class=\"muted sm-only\">Pemberi kerja</div>").contains("<div class=\"muted sm-only\">Peserta</div>");
        assertThat(operator.get("/tagihan/" + billId + "?lang=en").body()).contains("<div class=\"muted sm-only\">Employer</div>")
                .contains("<div class=\"muted sm-only\">Worker</div>");
    }
}
