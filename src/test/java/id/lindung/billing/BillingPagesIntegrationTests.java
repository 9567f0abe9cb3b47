package id.lindung.billing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A district officer runs billing from the page, opens a bill, and a village records a payment. */
@IntegrationTest
class BillingPagesIntegrationTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts accounts;

    @Test
    void aDistrictOfficerRunsBillingFromThePageAndAVillageRecordsItsPayment() {
        String desa = "62.02.01.2005";
        BillingFixture fx = new BillingFixture(jdbc);
        long village = fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa Simpur", desa);
        long w = fx.worker(desa, "Kepala Desa Simpur", "KEPALA_DESA");
        fx.term(w, desa, "JKM", "PU", "2426640", null, village, village, LocalDate.of(2024, 1, 1), null);

        TestUsers.token(accounts, "page-dpmd", Role.DPMD, "62.02");
        Http dpmd = Http.browser(port);
        dpmd.login("page-dpmd", TestUsers.PASSWORD);
        String overview = dpmd.get("/tagihan?month=2024-03").body();
        var refused = dpmd.postForm("/tagihan/jalankan", Map.of("month", "2024-03", "_csrf", Http.csrfOf(overview)));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Penagihan Mar 2024 tidak dijalankan").contains("Tagih bulan lampau");
        assertThat(jdbc.sql("select count(*) from bill where payer_id = ?").param(village).query(Long.class).single()).isZero();
        var ran = dpmd.postForm("/tagihan/jalankan", Map.of("month", "2024-03", "backfill", "true", "_csrf", Http.csrfOf(overview)));
        assertThat(ran.statusCode()).isEqualTo(200);
        assertThat(ran.body()).contains("Penagihan Mar 2024:").contains("Tagihan bulan Mar 2024").contains("Pemerintah Desa Simpur");
        long billId = jdbc.sql("select id from bill where payer_id = ? and month = date '2024-03-01'").param(village)
                .query(Long.class).single();
        String bill = dpmd.get("/tagihan/" + billId).body();
        assertThat(bill).contains("Kepala Desa Simpur").contains("7.280").contains("Kode verifikasi");

        TestUsers.token(accounts, "page-operator", Role.VILLAGE_OPERATOR, desa);
        Http operator = Http.browser(port);
        operator.login("page-operator", TestUsers.PASSWORD);
        String form = operator.get("/pembayaran").body();
        var paid = operator.postForm("/pembayaran", Map.of("payer", "APBDES:" + desa, "reference", "SIMPUR-03",
                "date", "2024-04-10", "amount", "7280", "channel", "BANK", "_csrf", Http.csrfOf(form)));
        assertThat(paid.body()).contains("Pembayaran dicatat");
        String card = operator.get("/perlindungan/pekerja/" + w + "?date=2024-03-20").body();
        assertThat(card).contains("JKM").contains("Terlindungi").contains("Mar 2024").doesNotContain(">2024-03<");
        assertThat(operator.get("/tagihan/" + billId).statusCode()).isEqualTo(200);
        String page = operator.get("/pekerja/id/" + w).body();
        assertThat(page).contains("Kepala Desa Simpur").contains("/perlindungan/pekerja/" + w);
        TestUsers.token(accounts, "page-monitor", Role.MONITOR, "62.02");
        Http monitor = Http.browser(port);
        monitor.login("page-monitor", TestUsers.PASSWORD);
        String masked = monitor.get("/pekerja/id/" + w).body() + monitor.get("/desa/" + desa + "/pekerja").body();
        assertThat(masked).contains("Kepala Desa Simpur").doesNotContain(fx.nik(w));
        Http other = Http.browser(port);
        TestUsers.token(accounts, "page-other", Role.VILLAGE_OPERATOR, "62.02.01.2006");
        other.login("page-other", TestUsers.PASSWORD);
        assertThat(other.get("/tagihan/" + billId).statusCode()).isEqualTo(404);
        assertThat(other.get("/perlindungan/pekerja/" + w).statusCode()).isEqualTo(404);
        assertThat(other.get("/pekerja/id/" + w).statusCode()).isEqualTo(404);
    }
}
