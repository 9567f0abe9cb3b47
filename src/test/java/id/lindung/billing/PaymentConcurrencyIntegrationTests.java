package id.lindung.billing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Payments to one payer that arrive at the same moment are each recorded exactly once, and the payer's
 * allocation is the same as if they had come one by one (issue 12, item 2: 15 of 20 parallel payments
 * failed with a duplicate key on payment_allocation).
 */
@IntegrationTest
class PaymentConcurrencyIntegrationTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts accounts;
    @Autowired BillingRuns runs;
    @Autowired Payments payments;
    @Autowired Allocation allocation;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

    static final Actor ADMIN = TestUsers.actor("pay-concurrency-admin", Role.ADMIN, "ID");

    /** A village of Boalemo with three officials billed January to June 2025 (Rp 374,400 a month). */
    private String billedVillage(String desa) {
        BillingFixture fx = new BillingFixture(jdbc);
        long village = fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa " + desa, desa);
        for (int i = 0; i < 3; i++) {
            long w = fx.worker(desa, "Perangkat " + i + " " + desa, "PERANGKAT_DESA");
            for (String program : List.of("JKK", "JKM", "JHT")) {
                fx.term(w, desa, program, "PU", "2000000", "JKK".equals(program) ? "VERY_LOW" : null, village, village,
                        LocalDate.of(2025, 1, 1), null);
            }
        }
        for (int m = 1; m <= 6; m++) {
            YearMonth month = YearMonth.of(2025, m);
            CurrentActor.runAs(ADMIN, () -> runs.run(month, ADMIN, true));
        }
        return "APBDES:" + desa;
    }

    private Http api() {
        return Http.withToken(port, TestUsers.token(accounts, "pay-concurrency-dpmd", Role.DPMD, "75.01"));
    }

    /** The payer's allocation, line by line in allocation order, without ids (so two payers can be compared). */
    private List<String> allocationOf(String payer) {
        return jdbc.sql("""
                select to_char(l.month, 'YYYY-MM') || ' ' || l.program || ' ' || l.share || ' ' || a.amount || ' ' || a.paid_on
                from payment_allocation a join bill_line l on l.id = a.bill_line_id join payer p on p.id = a.payer_id
                where p.code = ? order by l.month, %s, l.worker_id, l.share, l.id"""
                        .formatted(Allocation.PROGRAM_ORDER.replace("program", "l.program")))
                .param(payer).query(String.class).list();
    }

    private List<String[]> paymentsOf(String payer) {
        return jdbc.sql("""
                select x.reference, x.paid_on::text, x.amount::text from payment x join payer p on p.id = x.payer_id
                where p.code = ? order by x.id""")
                .param(payer).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
    }

    private static <T> List<T> all(int threads, List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String body(String payer, String reference, String date, String amount) {
        return "{\"payer\":\"" + payer + "\",\"reference\":\"" + reference + "\",\"date\":\"" + date + "\",\"amount\":" + amount
                + ",\"channel\":\"BANK\"}";
    }

    @Test
    void twentyParallelPaymentsToOnePayerAreEachRecordedOnceAndAllocatedAsIfOneByOne() throws Exception {
        String payer = billedVillage("75.01.02.2011");
        String twin = billedVillage("75.01.02.2014");
        Http api = api();
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String reference = "PAR-" + i;
            String date = "2025-07-" + String.format("%02d", 1 + i % 10);
            calls.add(() -> api.postJson("/api/v1/payments", body(payer, reference, date, "100000")));
        }
        List<HttpResponse<String>> responses = all(20, calls);

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(201));
        List<String[]> recorded = paymentsOf(payer);
        assertThat(recorded).hasSize(20);
        // the same payments, one by one in the order the database numbered them, to a payer billed the same way
        for (String[] p : recorded) {
            var r = api.postJson("/api/v1/payments", body(twin, p[0], p[1], p[2]));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
        assertThat(allocationOf(payer)).isNotEmpty().isEqualTo(allocationOf(twin));
        assertThat(jdbc.sql("select sum(a.amount) from payment_allocation a join payer p on p.id = a.payer_id where p.code = ?")
                .param(payer).query(BigDecimal.class).single()).isEqualByComparingTo("2000000");
    }

    @Test
    void theSameReferenceSentTenTimesAtOnceIsOnePayment() throws Exception {
        String payer = billedVillage("75.01.02.2015");
        Http api = api();
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(() -> api.postJson("/api/v1/payments", body(payer, "SAME-1", "2025-07-03", "374400")));
        }
        List<HttpResponse<String>> responses = all(10, calls);

        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200, 201);
        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.statusCode() == 200)
                .allSatisfy(r -> assertThat(r.body()).contains("\"duplicate\":true"));
        assertThat(paymentsOf(payer)).hasSize(1);
        assertThat(jdbc.sql("select sum(a.amount) from payment_allocation a join payer p on p.id = a.payer_id where p.code = ?")
                .param(payer).query(BigDecimal.class).single()).isEqualByComparingTo("374400");
    }

    /**
     * A reference copied from a bank statement often carries a no-break or zero-width space: the same payment sent again
     * that way was a second payment, allocated twice. The reference is the payment's idempotency key, so it is compared
     * as stored (TextRules), in the API and in the reconciliation file alike.
     */
    @Test
    void aReferenceWithInvisibleOrNoBreakSpacesIsTheSamePaymentNotASecondOne() throws Exception {
        String payer = billedVillage("75.01.02.2018");
        Http api = api();
        assertThat(api.postJson("/api/v1/payments", body(payer, "BANK-77", "2025-07-03", "374400")).statusCode()).isEqualTo(201);
        for (String same : List.of("BANK-77\\u00a0", "\\u200bBANK-77", "BANK\\u2060-77", " BANK-77\\ufeff")) {
            var r = api.postJson("/api/v1/payments", body(payer, same, "2025-07-03", "374400"));
            assertThat(r.statusCode()).as(same + ": " + r.body()).isEqualTo(200);
            assertThat(r.body()).contains("\"duplicate\":true", "\"reference\":\"BANK-77\"");
        }
        Actor dpmd = TestUsers.actor("pay-concurrency-dpmd", Role.DPMD, "75.01");
        var file = CurrentActor.runAs(dpmd, () -> payments.importCsv(new ByteArrayInputStream(
                ("payer,reference,date,amount\n" + payer + ",BANK-77\u00a0,2025-07-03,374400\n").getBytes(StandardCharsets.UTF_8)),
                dpmd, false));
        assertThat(file.accepted()).isZero();
        assertThat(file.duplicates()).isOne();
        assertThat(paymentsOf(payer)).hasSize(1);
        var bidi = api.postJson("/api/v1/payments", body(payer, "BANK-78\\u202e", "2025-07-03", "1000"));
        assertThat(bidi.statusCode()).as(bidi.body()).isEqualTo(400);
        assertThat(bidi.body()).contains("\"field\":\"reference\"", "pengubah arah tulisan");
        assertThat(paymentsOf(payer)).hasSize(1);
    }

    /**
     * A billing run holds every payer's lock for its whole transaction. A payment sent meanwhile waited for it holding a
     * database connection, with no bound; it now waits {@link Allocation#PAYMENT_LOCK_WAIT} and is answered 503
     * SERVICE_BUSY with Retry-After, recording nothing, so connections stay free for reads.
     */
    @Test
    void aPaymentWaitingLongerThanItsBoundForItsPayersLockIsBusyAndRecordsNothing() throws Exception {
        String payer = billedVillage("75.01.02.2021");
        long payerId = jdbc.sql("select id from payer where code = ?").param(payer).query(Long.class).single();
        HttpResponse<String> busy = whilePayerLocked(payerId,
                () -> api().postJson("/api/v1/payments", body(payer, "BUSY-1", "2025-07-03", "1000")));
        assertThat(busy.statusCode()).as(busy.body()).isEqualTo(503);
        assertThat(busy.body()).contains("\"code\":\"SERVICE_BUSY\"");
        assertThat(busy.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(paymentsOf(payer)).isEmpty();
        // once the run is over the same payment goes through
        assertThat(api().postJson("/api/v1/payments", body(payer, "BUSY-1", "2025-07-03", "1000")).statusCode()).isEqualTo(201);
    }

    /** {@code request}'s answer, sent while another transaction holds the payer's lock as a billing run does. */
    private <T> T whilePayerLocked(long payerId, java.util.function.Supplier<T> request) throws InterruptedException {
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread run = new Thread(() -> new org.springframework.transaction.support.TransactionTemplate(transactions)
                .executeWithoutResult(status -> {
                    allocation.lockPayers(List.of(payerId));
                    held.countDown();
                    try {
                        release.await(60, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        run.start();
        assertThat(held.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        try {
            return request.get();
        } finally {
            release.countDown();
            run.join();
        }
    }

    /**
     * The payment form behind a billing run's payer lock: the API's 503 SERVICE_BUSY was the generic error page there, and
     * the typed payment was lost. The form comes back as typed with "Sedang sibuk, coba lagi sebentar" (English with
     * ?lang=en), nothing recorded, and the same form sent again once the lock is free records the payment.
     */
    @Test
    void aPaymentFormWaitingPastItsPayersLockShowsTheFormAgainBusyAndRecordsNothing() throws Exception {
        String payer = billedVillage("75.01.02.2020");
        long payerId = jdbc.sql("select id from payer where code = ?").param(payer).query(Long.class).single();
        TestUsers.token(accounts, "pay-busy-form", Role.DPMD, "75.01");
        Http browser = Http.browser(port);
        browser.login("pay-busy-form", TestUsers.PASSWORD);
        java.util.Map<String, String> form = new java.util.HashMap<>(java.util.Map.of("payer", payer, "reference", "BUSY-FORM-1",
                "date", "2025-07-03", "amount", "Rp 1.000", "_csrf", Http.csrfOf(browser.get("/pembayaran?lang=id").body())));
        HttpResponse<String> busy = whilePayerLocked(payerId, () -> browser.postForm("/pembayaran", form));
        assertThat(busy.statusCode()).as(busy.body()).isEqualTo(200);
        assertThat(busy.body()).contains("Sedang sibuk, coba lagi sebentar").contains("value=\"BUSY-FORM-1\"")
                .contains("value=\"Rp 1.000\"").contains("action=\"/pembayaran\"");
        assertThat(paymentsOf(payer)).isEmpty();
        form.put("_csrf", Http.csrfOf(busy.body()));
        var recorded = browser.postForm("/pembayaran", form);
        assertThat(recorded.body()).doesNotContain("Sedang sibuk");
        assertThat(paymentsOf(payer)).hasSize(1);
    }

    /**
     * References stored before normalisation were only trimmed: V178 brings them into the stored form, so a statement
     * imported again after the upgrade is a duplicate, not a second payment. A reference whose normalised form the
     * payer already holds stays as it was (two payments were recorded; merging them is not the migration's to decide).
     */
    @Test
    void aReferenceStoredBeforeNormalisationMatchesTheSameReferenceSentAgain() throws Exception {
        String payer = billedVillage("75.01.02.2019");
        long payerId = jdbc.sql("select id from payer where code = ?").param(payer).query(Long.class).single();
        for (String old : List.of("TRF  0042", "BANK-79\u00a0", "\u200bBANK-80", "DUP 1", "DUP\u00a01")) {
            jdbc.sql("""
                    insert into payment (payer_id, payer_region_code, reference, paid_on, amount, channel, recorded_by)
                    values (:payer, '75.01.02.2019', :reference, date '2025-07-03', 1000, 'BANK', 'before-v178')""")
                    .param("payer", payerId).param("reference", old).update();
        }
        String migration;
        try (var in = getClass().getResourceAsStream("/db/migration/V178__billing_payment_reference_normalised.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        jdbc.sql(migration.replaceAll("(?m)^--.*$", "").strip().replaceAll(";$", "")).update();

        assertThat(jdbc.sql("select reference from payment where payer_id = ? order by reference").param(payerId)
                .query(String.class).list()).containsExactlyInAnyOrder("BANK-79", "BANK-80", "DUP 1", "DUP\u00a01", "TRF 0042");
        Http api = api();
        for (String again : List.of("TRF  0042", "BANK-79", "BANK-80\u00a0")) {
            var r = api.postJson("/api/v1/payments", body(payer, again, "2025-07-03", "1000"));
            assertThat(r.statusCode()).as(again + ": " + r.body()).isEqualTo(200);
            assertThat(r.body()).contains("\"duplicate\":true");
        }
        // a new payment settles the payer with every payment, the five written directly too
        assertThat(api.postJson("/api/v1/payments", body(payer, "NEW-1", "2025-07-04", "1000")).statusCode()).isEqualTo(201);
        assertThat(paymentsOf(payer)).hasSize(6);
    }

    @Test
    void fiveParallelPaymentImportsForOnePayerAreEachRecordedAndAllocatedAsIfOneByOne() throws Exception {
        String payer = billedVillage("75.01.02.2016");
        String twin = billedVillage("75.01.02.2017");
        Http api = api();
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int file = 0; file < 5; file++) {
            StringBuilder csv = new StringBuilder("payer,reference,date,amount\n");
            for (int row = 0; row < 4; row++) {
                csv.append(payer).append(",IMP-").append(file).append('-').append(row).append(",2025-07-0")
                        .append(1 + (file + row) % 9).append(",90000\n");
            }
            byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
            calls.add(() -> api.post("/api/v1/payments/imports", "text/csv", bytes));
        }
        List<HttpResponse<String>> responses = all(5, calls);

        assertThat(responses).allSatisfy(r -> {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).contains("\"accepted\":4", "\"rejected\":[]");
        });
        List<String[]> recorded = paymentsOf(payer);
        assertThat(recorded).hasSize(20);
        Actor dpmd = TestUsers.actor("pay-concurrency-dpmd", Role.DPMD, "75.01");
        for (String[] p : recorded) {
            String one = "payer,reference,date,amount\n" + twin + "," + p[0] + "," + p[1] + "," + p[2] + "\n";
            var r = CurrentActor.runAs(dpmd, () -> payments.importCsv(new ByteArrayInputStream(one.getBytes(StandardCharsets.UTF_8)), dpmd));
            assertThat(r.accepted()).isEqualTo(1);
        }
        assertThat(allocationOf(payer)).isNotEmpty().isEqualTo(allocationOf(twin));
    }
}
