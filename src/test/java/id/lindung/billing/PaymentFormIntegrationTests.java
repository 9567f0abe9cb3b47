package id.lindung.billing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The payment form on /pembayaran refuses a payer code it does not know, or one outside the user's area, beside the
 * payer field with one wording for both, and keeps every typed value, the payment date included.
 */
@IntegrationTest
class PaymentFormIntegrationTests {

    static final String VILLAGE = "64.02.03.2003";

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired Payments payments;

    private static Map<String, String> form(String payer, String csrf) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("payer", payer);
        f.put("reference", "REF-FORM-77");
        f.put("date", "2025-03-04");
        f.put("amount", "Rp 21.600");
        f.put("channel", "BANK-DESA");
        f.put("prepayment", "true");
        f.put("_csrf", csrf);
        return f;
    }

    /** The text of the element with the id, up to its first closing tag of the same name. */
    private static String element(String html, String id) {
        Matcher m = Pattern.compile("<span id=\"" + id + "\">(.*?)</span></span>", Pattern.DOTALL).matcher(html);
        return m.find() ? m.group(1) : "";
    }

    @Test
    void anUnknownOrOutOfAreaPayerIsAProblemBesideItsFieldAndEveryValueStays() {
        Http operator = TestUsers.browser(port, accounts, "pay-form-op", Role.VILLAGE_OPERATOR, VILLAGE);
        String page = operator.get("/pembayaran").body();
        String absent = null;
        for (String payer : new String[] {"APBDES:64.02.03.2099", "APBDES:63.04.01.2001"}) {
            HttpResponse<String> answer = operator.postForm("/pembayaran", form(payer, Http.csrfOf(page)));
            assertThat(answer.statusCode()).as(payer + ": " + answer.body()).isEqualTo(200);
            String html = answer.body();
            String beside = element(html, "err-payer");
            assertThat(beside).as(payer).contains("class=\"field-error\"")
                    .contains("tidak dikenal atau di luar wilayah Anda.").contains(payer);
            assertThat(html).contains("value=\"" + payer + "\"").contains("value=\"REF-FORM-77\"")
                    .contains("value=\"2025-03-04\"").contains("value=\"Rp 21.600\"").contains("value=\"BANK-DESA\"")
                    .containsPattern("id=\"prepayment\"[^>]*checked");
            // the same words for a code that names no payer and one outside the area: the form tells neither apart
            String words = beside.replace(payer, "");
            if (absent == null) {
                absent = words;
            } else {
                assertThat(words).isEqualTo(absent);
            }
        }
        String english = operator.postForm("/pembayaran?lang=en", form("APBDES:63.04.01.2001", Http.csrfOf(page))).body();
        assertThat(element(english, "err-payer")).contains("The payer APBDES:63.04.01.2001 is unknown or outside your area.");
    }

    @Test
    void anEmptyFormNamesEveryEmptyFieldAtOnceNotTheDateAlone() {
        Http operator = TestUsers.browser(port, accounts, "pay-form-op3", Role.VILLAGE_OPERATOR, VILLAGE);
        String page = operator.get("/pembayaran").body();
        Map<String, String> empty = new LinkedHashMap<>();
        for (String field : new String[] {"payer", "reference", "date", "amount"}) {
            empty.put(field, "");
        }
        empty.put("_csrf", Http.csrfOf(page));
        String html = operator.postForm("/pembayaran", empty).body();
        for (String field : new String[] {"payer", "reference", "date", "amount"}) {
            assertThat(element(html, "err-" + field)).as(field).contains("class=\"field-error\"");
        }
    }

    @Test
    void theTypedDateStaysOnAnyProblemAndEveryLabelNamesItsField() {
        Http operator = TestUsers.browser(port, accounts, "pay-form-op2", Role.VILLAGE_OPERATOR, VILLAGE);
        String page = operator.get("/pembayaran").body();
        for (String field : new String[] {"payer", "reference", "date", "amount", "channel", "prepayment"}) {
            assertThat(page).as(field).contains("<label for=\"" + field + "\"").containsPattern("<input [^>]*id=\"" + field + "\"");
        }
        Map<String, String> bad = form("APBDES:" + VILLAGE, Http.csrfOf(page));
        bad.put("amount", "sejuta");
        String html = operator.postForm("/pembayaran", bad).body();
        assertThat(element(html, "err-amount")).contains("class=\"field-error\"");
        assertThat(html).containsPattern("id=\"date\"[^>]*value=\"2025-03-04\"").contains("value=\"sejuta\"");
    }

    @Test
    void aPaymentSentAgainAfterItWasReversedIsAWarningThatNothingIsInEffectNotASuccess() {
        String desa = "64.02.07.2005"; // this test's own village: other classes count the payments of theirs
        new BillingFixture(jdbc).payer("APBDES:" + desa, "APBDES", "Pemerintah Desa Sebulu Ilir", desa);
        Http operator = TestUsers.browser(port, accounts, "pay-form-op5", Role.VILLAGE_OPERATOR, desa);
        Map<String, String> sent = form("APBDES:" + desa, Http.csrfOf(operator.get("/pembayaran").body()));
        sent.put("reference", "REF-FORM-REVERSED");
        assertThat(operator.postForm("/pembayaran", sent).body()).contains("id=\"payment-result\"").contains("class=\"ok\"");
        long paymentId = jdbc.sql("select id from payment where reference = 'REF-FORM-REVERSED'").query(Long.class).single();
        id.lindung.access.Actor admin = TestUsers.actor("pay-form-admin5", Role.ADMIN, "ID");
        id.lindung.access.CurrentActor.runAs(admin, () -> payments.reverse(paymentId, "salah catat", admin));

        String again = operator.postForm("/pembayaran", sent).body();
        Matcher result = Pattern.compile("<div class=\"([^\"]*)\" id=\"payment-result\">([^<]*)</div>").matcher(again);
        assertThat(result.find()).as(again).isTrue();
        assertThat(result.group(1)).isEqualTo("notice warn");
        assertThat(result.group(2)).startsWith("Pembayaran dengan referensi ini sudah tercatat lalu dibatalkan");
        assertThat(jdbc.sql("select count(*) from payment where reference = 'REF-FORM-REVERSED'").query(Long.class).single()).isOne();
    }

    /** The payer input tag as served. */
    private static String payerInput(String html) {
        Matcher m = Pattern.compile("<input [^>]*id=\"payer\"[^>]*>").matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return m.group();
    }

    @Test
    void aVillageOperatorFindsTheVillagePayerFilledIn() {
        Http operator = TestUsers.browser(port, accounts, "pay-form-op3", Role.VILLAGE_OPERATOR, VILLAGE);
        String input = payerInput(operator.get("/pembayaran").body());
        assertThat(input).contains("value=\"APBDES:" + VILLAGE + "\"");
    }

    @Test
    void aWiderAreaPicksThePayerFromAListAndTheExampleSaysItIsOne() {
        Http operator = TestUsers.browser(port, accounts, "pay-form-dpmd4", Role.DPMD, "64.02.03");
        String html = operator.get("/pembayaran").body();
        String input = payerInput(html);
        // several villages: nothing filled in, and the grey text reads as an example, not as a value
        assertThat(input).contains("value=\"\"").containsPattern("placeholder=\"contoh: APBDES:64\\.02\\.03\\.\\d{4}\"")
                .contains("list=\"payer-list\"");
        assertThat(html).containsPattern("<datalist id=\"payer-list\">[\\s\\S]*value=\"APBDES:" + VILLAGE + "\"[\\s\\S]*</datalist>")
                .doesNotContain("value=\"APBDES:64.02.01.");
        assertThat(payerInput(operator.get("/pembayaran?lang=en").body())).contains("placeholder=\"e.g. APBDES:64.02.03.");
    }

    @Test
    void aRegencyWithMorePayersThanTheListHoldsIsOfferedThePayersMatchingWhatIsTyped() {
        // 301 employers in a regency no other test uses: more than the form lists when it opens
        String village = "82.04.01.2001";
        jdbc.sql("""
                insert into payer (code, kind, name, region_code)
                select 'EMPLOYER:' || :village || ':USAHA CARI ' || n, 'EMPLOYER', 'Usaha Cari ' || n, :village
                from generate_series(1, 301) n""").param("village", village).update();
        try {
            Http dpmd = TestUsers.browser(port, accounts, "pay-form-search", Role.DPMD, "82.04");
            String html = dpmd.get("/pembayaran").body();
            assertThat(payerInput(html)).contains("list=\"payer-list\"", "hx-get=\"/pembayaran/pembayar\"",
                    "hx-target=\"#payer-list\"");
            assertThat(html).contains("<datalist id=\"payer-list\">").doesNotContain("Usaha Cari 1<")
                    .contains("cocok ditawarkan untuk dipilih (paling banyak 20)");

            String found = dpmd.get("/pembayaran/pembayar?payer=usaha+cari+27").body();
            assertThat(found).contains("value=\"EMPLOYER:" + village + ":USAHA CARI 27\"", "value=\"EMPLOYER:" + village + ":USAHA CARI 270\"")
                    .doesNotContain("USAHA CARI 26\"").doesNotContain("<html");
            assertThat(Pattern.compile("<option ").matcher(dpmd.get("/pembayaran/pembayar?payer=usaha").body()).results().count())
                    .as("at most 20 a search").isEqualTo(20);
            assertThat(dpmd.get("/pembayaran/pembayar?payer=EMPLOYER:" + village + ":USAHA+CARI+301").body())
                    .as("a code's start").contains("USAHA CARI 301\"");
            assertThat(dpmd.get("/pembayaran/pembayar?payer=").body()).doesNotContain("<option");
            // the village's code, as an officer types it, without the payer kind before it
            assertThat(Pattern.compile("<option ").matcher(dpmd.get("/pembayaran/pembayar?payer=" + village).body()).results().count())
                    .as("a region code's start").isEqualTo(20);
            assertThat(dpmd.get("/pembayaran/pembayar?payer=82.04.01").body()).as("a district's code").contains("USAHA CARI");
            // another area's payers are never offered
            Http elsewhere = TestUsers.browser(port, accounts, "pay-form-search-kukar", Role.DPMD, "64.02");
            assertThat(elsewhere.get("/pembayaran/pembayar?payer=usaha+cari").body()).doesNotContain("<option");
        } finally {
            jdbc.sql("delete from payer where region_code = ? and kind = 'EMPLOYER' and name like 'Usaha Cari %'").param(village).update();
        }
    }

    @Test
    void theChannelFieldListsTheUsualChannelsInBothLanguages() {
        Http operator = TestUsers.browser(port, accounts, "pay-form-op5", Role.VILLAGE_OPERATOR, VILLAGE);
        String html = operator.get("/pembayaran").body();
        assertThat(html).containsPattern("<input [^>]*id=\"channel\"[^>]*list=\"channel-list\"")
                .containsPattern("<input [^>]*id=\"channel\"[^>]*aria-describedby=\"channel-help err-channel\"")
                .containsPattern("<datalist id=\"channel-list\">[\\s\\S]*value=\"TELLER\"[\\s\\S]*value=\"TRANSFER\"[\\s\\S]*value=\"VA\"")
                .contains("setor tunai di teller bank").contains("virtual account BPJS Ketenagakerjaan");
        String english = operator.get("/pembayaran?lang=en").body();
        assertThat(english).contains("How the money was paid").contains("cash paid in at a bank teller")
                .doesNotContain("setor tunai di teller bank");
    }
}
