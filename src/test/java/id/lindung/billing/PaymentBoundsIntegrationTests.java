package id.lindung.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A payment is bounded (issue 12, item 4): above zero, not above what the payer owes plus the ceiling unless it is a
 * prepayment, never above the maximum, dated between the payer's first bill and today, with bounded texts. The API,
 * the form and the reconciliation file give the same codes.
 */
@IntegrationTest
class PaymentBoundsIntegrationTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts accounts;
    @Autowired BillingRuns runs;
    @Autowired Payments payments;

    static final Actor ADMIN = TestUsers.actor("pay-bounds-admin", Role.ADMIN, "ID");

    /** A village of Pohuwato (75.03) with one official billed January and February 2025: Rp 21,600 owed. */
    private String billedVillage(String desa) {
        new BillingFixture(jdbc).villageWithOneOfficial(desa, "Perangkat " + desa, "PERANGKAT_DESA", LocalDate.of(2025, 1, 1));
        CurrentActor.runAs(ADMIN, () -> runs.run(YearMonth.of(2025, 1), ADMIN, true));
        CurrentActor.runAs(ADMIN, () -> runs.run(YearMonth.of(2025, 2), ADMIN, true));
        return "APBDES:" + desa;
    }

    private static String body(String payer, String reference, String date, String amount, String extra) {
        return "{\"payer\":\"" + payer + "\",\"reference\":\"" + reference + "\",\"date\":\"" + date + "\",\"amount\":" + amount
                + extra + "}";
    }

    @Test
    void eachBoundHasItsOwnCodeInTheApi() {
        String payer = billedVillage("75.03.01.2004");
        Http api = Http.withToken(port, TestUsers.token(accounts, "pay-bounds-dpmd", Role.DPMD, "75.03"));
        String tomorrow = id.lindung.support.TestClock.businessToday().plusDays(2).toString();
        String[][] cases = {
                {body(payer, "B-1", "2025-03-01", "0", ""), "AMOUNT_NOT_POSITIVE"},
                {body(payer, "B-2", "2025-03-01", "1000000000000000", ""), "AMOUNT_ABOVE_MAXIMUM"},
                {body(payer, "B-3", "2025-03-01", "50000000", ""), "AMOUNT_ABOVE_OUTSTANDING"},
                {body(payer, "B-4", "2024-12-31", "10800", ""), "DATE_BEFORE_FIRST_BILL"},
                {body(payer, "B-5", tomorrow, "10800", ""), "DATE_IN_FUTURE"},
                {body(payer, "R".repeat(101), "2025-03-01", "10800", ""), "REFERENCE_TOO_LONG"},
                {body(payer, "B-7", "2025-03-01", "10800", ",\"channel\":\"" + "C".repeat(41) + "\""), "CHANNEL_TOO_LONG"},
        };
        for (String[] c : cases) {
            var r = api.postJson("/api/v1/payments", c[0]);
            assertThat(r.statusCode()).as(c[1] + " " + r.body()).isEqualTo(422);
            assertThat(r.body()).as(c[1]).contains("\"code\":\"" + c[1] + "\"");
        }
        assertThat(jdbc.sql("select count(*) from payment p join payer x on x.id = p.payer_id where x.code = ?")
                .param(payer).query(Long.class).single()).isZero();

        // what is owed plus the ceiling is accepted; a prepayment may exceed it and come before the first bill
        assertThat(api.postJson("/api/v1/payments", body(payer, "OK-1", "2025-03-01", "21600", "")).statusCode()).isEqualTo(201);
        assertThat(api.postJson("/api/v1/payments", body(payer, "OK-2", "2024-12-20", "50000000", ",\"prepayment\":true"))
                .statusCode()).isEqualTo(201);
        // a retry of a recorded payment stays an idempotent duplicate, although it no longer fits what is owed
        var retry = api.postJson("/api/v1/payments", body(payer, "OK-1", "2025-03-01", "21600", ""));
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).contains("\"duplicate\":true");
    }

    /**
     * No payment, a prepayment neither, is dated before 1 July 2015, when the programmes and the regulation data begin: a
     * prepayment skips the first bill as its bound, and "-0001-01-01" was stored as 2 BC (review of 6 December 2026). A
     * date out of the field's range is 400, with its own code, in the API and the form; the file lists the row.
     */
    @Test
    void noPaymentNotEvenAPrepaymentIsDatedBeforeTheProgrammesBegan() {
        String payer = billedVillage("75.03.01.2007");
        Http api = Http.withToken(port, TestUsers.token(accounts, "pay-bounds-dpmd", Role.DPMD, "75.03"));
        for (String date : new String[] {"-0001-01-01", "0001-01-01", "1900-01-01", "2015-06-30"}) {
            var r = api.postJson("/api/v1/payments", body(payer, "P-" + date, date, "10800", ",\"prepayment\":true"));
            assertThat(r.statusCode()).as(date + " " + r.body()).isEqualTo(400);
            assertThat(r.body()).contains("\"code\":\"DATE_BEFORE_PROGRAMMES\"", "\"field\":\"date\"");
        }
        // a payer with no bill yet has no first bill to bound an ordinary payment either
        long unbilled = new BillingFixture(jdbc).payer("APBDES:75.03.01.2028", "APBDES", "Pemerintah Desa 75.03.01.2028", "75.03.01.2028");
        var r = api.postJson("/api/v1/payments", body("APBDES:75.03.01.2028", "U-1", "1900-01-01", "10800", ""));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("DATE_BEFORE_PROGRAMMES");
        assertThat(jdbc.sql("select count(*) from payment where payer_id in (?, (select id from payer where code = ?))")
                .params(unbilled, payer).query(Long.class).single()).isZero();
        // from the first day on, a prepayment is accepted
        assertThat(api.postJson("/api/v1/payments", body(payer, "P-OK", "2015-07-01", "10800", ",\"prepayment\":true"))
                .statusCode()).isEqualTo(201);

        Actor dpmd = TestUsers.actor("pay-bounds-dpmd", Role.DPMD, "75.03");
        String csv = "payer,reference,date,amount,prepayment\n" + payer + ",PF-1,0001-01-01,100,ya\n";
        var file = CurrentActor.runAs(dpmd, () -> payments.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), dpmd));
        assertThat(file.rejected()).extracting(Payments.Rejection::line, Payments.Rejection::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "DATE_BEFORE_PROGRAMMES"));
    }

    /**
     * A payment file with nothing to reconcile (empty, blank lines, a header alone) is the file's fault, FILE_EMPTY as the
     * worker import says it, in the service the CLI calls and in the API (400); it answered 200 {"accepted":0}, which reads
     * as if every payment had been recorded before.
     */
    @Test
    void anEmptyOrHeaderOnlyPaymentFileIsRefusedAsEmpty() {
        Actor dpmd = TestUsers.actor("pay-bounds-dpmd", Role.DPMD, "75.03");
        for (String csv : new String[] {"", "\n\n", "\uFEFF", "payer,reference,date,amount\n", "payer;reference;date;amount\r\n\r\n"}) {
            for (boolean dryRun : new boolean[] {false, true}) {
                assertThatThrownBy(() -> CurrentActor.runAs(dpmd, () -> payments.importCsv(
                        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), dpmd, dryRun)))
                        .as("'%s'", csv).isInstanceOfSatisfying(id.lindung.platform.InvalidInputException.class,
                                e -> assertThat(e.problems()).extracting(id.lindung.platform.InputProblem::code).containsExactly("FILE_EMPTY"));
            }
        }
        Http api = Http.withToken(port, TestUsers.token(accounts, "pay-bounds-dpmd", Role.DPMD, "75.03"));
        for (String csv : new String[] {"", "payer,reference,date,amount\n"}) {
            var r = api.post("/api/v1/payments/imports", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as("'%s' %s", csv, r.body()).isEqualTo(400);
            assertThat(r.body()).contains("\"code\":\"FILE_EMPTY\"").doesNotContain("accepted");
        }
    }

    @Test
    void theReconciliationFileAndTheFormApplyTheSameBounds() {
        String payer = billedVillage("75.03.01.2005");
        Actor dpmd = TestUsers.actor("pay-bounds-dpmd", Role.DPMD, "75.03");
        String csv = "payer,reference,date,amount,prepayment\n"
                + payer + ",F-1,2025-03-01,15000,\n"
                + payer + ",F-2,2025-03-02,15000000,\n"      // with F-1: more than owed plus the ceiling
                + payer + ",F-3,2024-12-31,100,\n"
                + payer + ",F-4,2025-03-03,0,\n"
                + payer + ",F-5,2025-03-04,30000000,ya\n";
        var result = CurrentActor.runAs(dpmd, () -> payments.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), dpmd));
        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.rejected()).extracting(Payments.Rejection::line, Payments.Rejection::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, "AMOUNT_ABOVE_OUTSTANDING"),
                org.assertj.core.groups.Tuple.tuple(4L, "DATE_BEFORE_FIRST_BILL"),
                org.assertj.core.groups.Tuple.tuple(5L, "AMOUNT_NOT_POSITIVE"));

        // the same rows saved by Excel with Indonesian settings (semicolons, a byte-order mark) are read as the comma file
        // is: a dry run of each now gives the same answers, row by row
        String commas = csv.replace("F-", "S-");
        String semicolons = "\uFEFF" + commas.replace(',', ';');
        var byComma = CurrentActor.runAs(dpmd, () -> payments.importCsv(new ByteArrayInputStream(commas.getBytes(StandardCharsets.UTF_8)), dpmd, true));
        var bySemicolon = CurrentActor.runAs(dpmd, () -> payments.importCsv(new ByteArrayInputStream(semicolons.getBytes(StandardCharsets.UTF_8)), dpmd, true));
        assertThat(bySemicolon.accepted()).isEqualTo(byComma.accepted());
        assertThat(bySemicolon.rejected()).extracting(Payments.Rejection::line, Payments.Rejection::code)
                .isNotEmpty().containsExactlyElementsOf(byComma.rejected().stream().map(x -> org.assertj.core.groups.Tuple.tuple(x.line(), x.code())).toList());
        assertThat(bySemicolon.accepted() + bySemicolon.rejected().size()).isEqualTo(5);

        Http browser = Http.browser(port);
        TestUsers.token(accounts, "pay-bounds-form", Role.DPMD, "75.03");
        browser.login("pay-bounds-form", TestUsers.PASSWORD);
        String form = browser.get("/pembayaran").body();
        String answer = browser.postForm("/pembayaran", java.util.Map.of("payer", payer, "reference", "FORM-1", "date", "2025-03-05",
                "amount", "90000000", "channel", "TELLER", "_csrf", Http.csrfOf(form))).body();
        assertThat(answer).contains("amount 90000000 is more than the payer owes").doesNotContain("Pembayaran dicatat");
    }

    @Test
    void theReconciliationFileReadsAmountsAsExcelWritesThemAndRefusesIrregularGroups() {
        String payer = billedVillage("75.03.01.2006");
        Actor dpmd = TestUsers.actor("pay-bounds-dpmd", Role.DPMD, "75.03");
        // saved by Excel with Indonesian settings: semicolons, a byte-order mark, amounts in the sheet's currency format
        String csv = "\uFEFFpayer;reference;date;amount\n"
                + payer + ";X-1;2025-03-01;Rp 1.500.000\n"
                + payer + ";X-2;2025-03-01;Rp1.500.000,00\n"
                + payer + ";X-3;2025-03-02;1.50.000\n"           // a group of two: 150,000 or 1,500,000?
                + payer + ";X-4;2025-03-02;1.500\n"              // fifteen hundred rupiah, as Indonesian prices are written
                + payer + ";X-5;2025-03-03;1.500.000,50\n";
        var result = CurrentActor.runAs(dpmd, () -> payments.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), dpmd));

        assertThat(result.accepted()).isEqualTo(4);
        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(4L);
            assertThat(r.code()).isEqualTo("AMOUNT_INVALID");
            assertThat(r.reason()).startsWith("amount '1.50.000'");
        });
        assertThat(jdbc.sql("select p.reference, p.amount from payment p join payer x on x.id = p.payer_id where x.code = ? order by p.reference")
                .param(payer).query((rs, n) -> rs.getString(1) + "=" + rs.getBigDecimal(2).stripTrailingZeros().toPlainString()).list())
                .containsExactly("X-1=1500000", "X-2=1500000", "X-4=1500", "X-5=1500000.5");
    }

    /**
     * A dry run's progress says what it does: it matches the file's good rows with the payers' bills and records nothing,
     * so its phase is never "recording" (the CLI's {@code payments import --dry-run} line read "recording" until the audit
     * of 7 December 2026).
     */
    @Test
    void aDryRunsProgressNeverSaysRecording() {
        java.util.List<String> phases = new java.util.concurrent.CopyOnWriteArrayList<>();
        String csv = "payer,reference,date,amount\nAPBDES:73.02.99.2998,DRY-PHASE-1,2025-02-20,1000\n";
        CurrentActor.runAs(ADMIN, () -> payments.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), ADMIN,
                true, (phase, done, total) -> phases.add(phase), 1));
        assertThat(phases).contains("checking", "matching").doesNotContain("recording");
    }
}
