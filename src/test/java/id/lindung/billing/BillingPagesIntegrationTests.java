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
        // a past month shows what it would do before it can be confirmed (issue 11 item 2): the page offered a box to tick
        assertThat(refused.body()).contains("Penagihan Mar 2024 tidak dijalankan").contains("Tagih bulan lampau")
                .contains("Pratinjau penagihan Mar 2024 (belum ada yang dicatat)").contains("1 tagihan (1 baru), 1 baris, 0 pembatalan; total Rp 7.280.");
        assertThat(jdbc.sql("select count(*) from bill where payer_id = ?").param(village).query(Long.class).single()).isZero();
        assertThat(Http.csrfOf(overview)).isNotBlank();
        assertThat(overview).as("no backfill box before a preview").doesNotContain("name=\"backfill\"");
        var unseen = dpmd.postForm("/tagihan/jalankan", Map.of("month", "2024-03", "backfill", "true", "_csrf", Http.csrfOf(overview)));
        assertThat(unseen.statusCode()).as("a backfill not confirmed from its preview is refused again").isEqualTo(200);
        assertThat(unseen.body()).contains("Pratinjau penagihan Mar 2024");
        assertThat(jdbc.sql("select count(*) from bill where payer_id = ?").param(village).query(Long.class).single()).isZero();
        var ran = dpmd.postForm("/tagihan/jalankan", Map.of("month", "2024-03", "backfill", "true", "previewed", "2024-03",
                "_csrf", Http.csrfOf(refused.body())));
        // the run goes on in the background (issue 11 item 16): the answer is the run's page, which follows it live
        assertThat(ran.statusCode()).isEqualTo(302);
        assertThat(awaitJob(dpmd, ran)).contains("Penagihan Mar 2024:").contains("Lihat tagihan Mar 2024");
        assertThat(dpmd.get("/tagihan?month=2024-03").body()).contains("Tagihan bulan Mar 2024").contains("Pemerintah Desa Simpur");
        long billId = jdbc.sql("select id from bill where payer_id = ? and month = date '2024-03-01'").param(village)
                .query(Long.class).single();
        String bill = dpmd.get("/tagihan/" + billId).body();
        assertThat(bill).contains("Kepala Desa Simpur").contains("7.280").contains("2.426.640").contains("Kode verifikasi");
        // the English page groups digits the English way (it printed Indonesian points whatever the language)
        String english = dpmd.get("/tagihan/" + billId + "?lang=en").body();
        assertThat(english).contains("Rp 7,280").contains("2,426,640").doesNotContain("2.426.640").doesNotContain("7.280");
        assertThat(dpmd.get("/tagihan?month=2024-03&lang=en").body()).contains("7,280").doesNotContain("7.280");

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

    @Test
    void thePaymentFormReadsTheAmountAsWrittenOnAReceiptAndGivesBackWhatItCannotRead() {
        String desa = "62.02.01.2008";
        long village = new BillingFixture(jdbc).payer("APBDES:" + desa, "APBDES", "Pemerintah Desa Kandan", desa);
        TestUsers.token(accounts, "receipt-operator", Role.VILLAGE_OPERATOR, desa);
        Http operator = Http.browser(port);
        operator.login("receipt-operator", TestUsers.PASSWORD);
        String csrf = Http.csrfOf(operator.get("/pembayaran").body());
        for (String typed : new String[] {"Rp 1.500.000", "1.500.000,00"}) {
            var paid = operator.postForm("/pembayaran", Map.of("payer", "APBDES:" + desa, "reference", "RCPT " + typed,
                    "date", "2024-04-10", "amount", typed, "_csrf", csrf));
            assertThat(paid.body()).contains("Pembayaran dicatat");
            assertThat(jdbc.sql("select amount from payment where payer_id = ? and reference = ?").params(village, "RCPT " + typed)
                    .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("1500000");
        }

        var unreadable = operator.postForm("/pembayaran", Map.of("payer", "APBDES:" + desa, "reference", "RCPT-BAD",
                "date", "2024-04-10", "amount", "1.50.000", "_csrf", csrf));
        assertThat(unreadable.statusCode()).isEqualTo(200);
        // in the page's language, beside its field on the form, the English message kept as the hover text
        assertThat(unreadable.body()).containsPattern("<span id=\"err-amount\"><span class=\"field-error\"[^>]*>Jumlah bukan angka rupiah yang jelas")
                .doesNotContain("amount: ")
                .contains("title=\"amount &#39;1.50.000&#39; is not an amount in rupiah")
                .contains("value=\"1.50.000\"").contains("value=\"RCPT-BAD\"").doesNotContain("Pembayaran dicatat");
        var sen = operator.postForm("/pembayaran", Map.of("payer", "APBDES:" + desa, "reference", "RCPT-SEN",
                "date", "2024-04-10", "amount", "1.500.000,505", "_csrf", csrf));
        assertThat(sen.statusCode()).isEqualTo(200);
        assertThat(sen.body()).containsPattern("<span id=\"err-amount\"><span class=\"field-error\"[^>]*>Jumlah paling banyak dua angka di belakang koma");
        assertThat(jdbc.sql("select count(*) from payment where payer_id = ? and reference like 'RCPT-%'").param(village)
                .query(Long.class).single()).isZero();
    }

    /** The page a background job's start redirected to, once the job is no longer running. */
    static String awaitJob(Http browser, java.net.http.HttpResponse<String> started) {
        String location = started.headers().firstValue("Location").orElseThrow();
        String path = java.net.URI.create(location).getPath();
        assertThat(path).matches("/proses/\\d+");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        while (true) {
            var page = browser.get(path);
            assertThat(page.statusCode()).isEqualTo(200);
            if (!page.body().contains("hx-trigger=\"every 2s\"")) {
                return page.body();
            }
            assertThat(System.nanoTime()).as("job " + path + " still running").isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * A refused row of a payment file names on the job's page the value its reason names, in Indonesian as in English:
     * the page said "Pembayar tidak dikenal atau di luar wilayah Anda." without the payer the row gave. Checked only:
     * nothing is stored.
     */
    @Test
    void aRefusedPaymentRowOnTheJobPageNamesItsPayerInBothLanguages() {
        String desa = "62.02.01.2007";
        TestUsers.token(accounts, "job-lang-operator", Role.VILLAGE_OPERATOR, desa);
        Http operator = Http.browser(port);
        operator.login("job-lang-operator", TestUsers.PASSWORD);
        byte[] file = "payer,reference,date,amount\nAPBDES:62.02.01.2999,LANG-1,2024-04-10,5000\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (String[] language : new String[][] {{"id", "Pembayar APBDES:62.02.01.2999 tidak dikenal atau di luar wilayah Anda."},
                {"en", "The payer APBDES:62.02.01.2999 is unknown or outside your area."}}) {
            String csrf = Http.csrfOf(operator.get("/pembayaran?lang=" + language[0]).body());
            var checked = operator.upload("/pembayaran/impor?stage=check", "file", "lang.csv", file, csrf);
            assertThat(checked.statusCode()).as(checked.body()).isEqualTo(302);
            assertThat(awaitJob(operator, checked)).as(language[0]).contains(language[1]);
        }
    }

    @Test
    void aPaymentFileFromThePageRunsInTheBackgroundAndItsResultStaysOnItsPage() {
        String desa = "62.02.01.2007";
        BillingFixture fx = new BillingFixture(jdbc);
        long village = fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa Rekon", desa);
        TestUsers.token(accounts, "job-operator", Role.VILLAGE_OPERATOR, desa);
        Http operator = Http.browser(port);
        operator.login("job-operator", TestUsers.PASSWORD);
        String csrf = Http.csrfOf(operator.get("/pembayaran").body());
        byte[] file = ("payer,reference,date,amount\nAPBDES:" + desa + ",REKON-1,2024-04-10,5000\n"
                + "APBDES:" + desa + ",REKON-2,kemarin,5000\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);

        var checked = operator.upload("/pembayaran/impor?stage=check", "file", "rekon.csv", file, csrf);
        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(302);
        assertThat(awaitJob(operator, checked)).contains("Pemeriksaan saja", "1 pembayaran akan diterima", "kemarin");
        assertThat(jdbc.sql("select count(*) from payment where payer_id = ?").param(village).query(Long.class).single()).isZero();

        var imported = operator.upload("/pembayaran/impor", "file", "rekon.csv", file, csrf);
        assertThat(imported.statusCode()).isEqualTo(302);
        String done = awaitJob(operator, imported);
        assertThat(done).contains("Impor pembayaran", "rekon.csv", "Selesai", "1 pembayaran diterima", "1 ditolak")
                .doesNotContain("hx-get");
        assertThat(jdbc.sql("select count(*) from payment where payer_id = ?").param(village).query(Long.class).single()).isOne();
        // found later: listed on the payments page, and its page keeps the result
        String jobPath = java.net.URI.create(imported.headers().firstValue("Location").orElseThrow()).getPath();
        assertThat(operator.get("/pembayaran").body()).contains("href=\"" + jobPath + "\"");
        assertThat(operator.get(jobPath + "/progres").body()).contains("1 pembayaran diterima");

        Http other = Http.browser(port);
        TestUsers.token(accounts, "job-other", Role.VILLAGE_OPERATOR, "62.02.01.2006");
        other.login("job-other", TestUsers.PASSWORD);
        assertThat(other.get(jobPath).statusCode()).isEqualTo(404);
    }
}
