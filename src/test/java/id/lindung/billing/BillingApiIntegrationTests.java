package id.lindung.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class BillingApiIntegrationTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts accounts;
    @Autowired BillingRuns runs;
    @Autowired id.lindung.support.TestClock clock;

    static final Actor ADMIN = TestUsers.actor("billing-api-admin", Role.ADMIN, "ID");

    /** A village of Bulukumba with one official billed for January and February 2025. */
    private String[] billedVillage(String desa) {
        BillingFixture fx = new BillingFixture(jdbc);
        long village = fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa " + desa, desa);
        long w = fx.worker(desa, "Perangkat " + desa, "PERANGKAT_DESA");
        fx.term(w, desa, "JKK", "PU", "2000000", "VERY_LOW", village, village, LocalDate.of(2025, 1, 1), null);
        fx.term(w, desa, "JKM", "PU", "2000000", null, village, village, LocalDate.of(2025, 1, 1), null);
        CurrentActor.runAs(ADMIN, () -> runs.run(YearMonth.of(2025, 1), ADMIN, true));
        CurrentActor.runAs(ADMIN, () -> runs.run(YearMonth.of(2025, 2), ADMIN, true));
        return new String[] {"APBDES:" + desa, fx.nik(w)};
    }

    @Test
    void billsAndPaymentsFollowTheInterfaceContract() {
        String payer = billedVillage("73.02.01.2004")[0];
        Http api = Http.withToken(port, TestUsers.token(accounts, "bill-dpmd", Role.DPMD, "73.02"));
        var list = api.get("/api/v1/bills?payer=" + payer + "&month=2025-01");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"payer\":\"" + payer + "\"", "\"month\":\"2025-01\"", "\"total\":10800",
                "\"paid\":0", "\"outstanding\":10800", "\"fine\":", "\"dueDate\":\"2025-02-17\"", "\"lineCount\":2");
        // amounts keep the JSON form of their numeric(18,2) columns: sums with two decimals, nothing paid as 0,
        // the fine in whole rupiah
        assertThat(list.body()).contains("\"total\":10800.00,", "\"paid\":0,", "\"outstanding\":10800.00,")
                .containsPattern("\"fine\":\\d+,");

        String body = "{\"payer\":\"" + payer + "\",\"reference\":\"BNI-778\",\"date\":\"2025-02-20\",\"amount\":10800,\"channel\":\"BANK\"}";
        var created = api.postJson("/api/v1/payments", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var duplicate = api.postJson("/api/v1/payments", body);
        assertThat(duplicate.statusCode()).isEqualTo(200);
        assertThat(duplicate.body()).contains("\"duplicate\":true");
        assertThat(api.get("/api/v1/bills?payer=" + payer + "&month=2025-01").body()).contains("\"outstanding\":0")
                .contains("\"paid\":10800.00,", "\"outstanding\":0.00,");
        var onePage = api.get("/api/v1/bills?month=2025-01&size=1");
        assertThat(onePage.body()).startsWith("[{").doesNotContain("},{");
        assertThat(Long.parseLong(onePage.headers().firstValue("X-Total-Count").orElse("0"))).isPositive();
        var bad = api.postJson("/api/v1/payments", "{\"payer\":\"" + payer + "\",\"reference\":\"\",\"date\":\"2025-02-20\",\"amount\":-5}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("reference").contains("amount");
    }

    /**
     * A payment's answer speaks the request's language, Indonesian first, as its problems do (docs/api-errors.md,
     * "Language"): until the audit of 7 December 2026 its {@code message} was English whatever the language.
     */
    @Test
    void aPaymentsMessageIsIndonesianByDefaultAndEnglishOnRequest() {
        String payer = billedVillage("73.02.06.2003")[0];
        Http api = Http.withToken(port, TestUsers.token(accounts, "bill-dpmd-language", Role.DPMD, "73.02"));
        String body = "{\"payer\":\"" + payer + "\",\"reference\":\"BRI-LANG-1\",\"date\":\"2025-02-20\",\"amount\":10800,\"channel\":\"BANK\"}";
        var created = api.postJson("/api/v1/payments", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"message\":\"Pembayaran dicatat dan dialokasikan ke bulan tertua yang belum lunas.\"");
        assertThat(api.postJson("/api/v1/payments", body).body())
                .contains("\"message\":\"Pembayaran dengan referensi ini sudah tercatat; tidak ada yang ditambahkan.\"");
        assertThat(api.postJson("/api/v1/payments", body, "Accept-Language", "en").body())
                .contains("\"message\":\"A payment with this reference was already recorded; nothing was added.\"");
    }

    /**
     * A malformed payment's field problems ({@code INVALID}) are Indonesian sentences by default and English on request
     * (docs/api-errors.md, "Language"): until the audit of 7 December 2026 an Indonesian answer kept "amount: at most 2
     * decimals" and "payer: required (e.g. APBDES:64.02.03.2007)" in English.
     */
    @Test
    void aPaymentsFieldProblemsAreIndonesianByDefaultAndEnglishOnRequest() {
        Http api = Http.withToken(port, TestUsers.token(accounts, "bill-dpmd-invalid-language", Role.DPMD, "73.02"));
        String long101 = "R".repeat(101);
        java.util.List<String> bodies = java.util.List.of(
                "{\"payer\":\"\",\"reference\":\"\",\"amount\":1.234}",
                "{\"payer\":\"APBDES:73.02.06.2003\",\"reference\":\"R\\u202E1\",\"channel\":\"" + "C".repeat(41)
                        + "\",\"date\":\"2099-01-01\",\"amount\":-5.123}",
                "{\"payer\":\"APBDES:73.02.06.2003\",\"reference\":\"" + long101
                        + "\",\"date\":\"2010-01-01\",\"amount\":1000000000000.123}");
        for (String body : bodies) {
            var indonesian = api.postJson("/api/v1/payments", body);
            assertThat(indonesian.statusCode()).as(indonesian.body()).isEqualTo(400);
            assertThat(indonesian.body()).as(body).contains("\"code\":\"INVALID\"")
                    .doesNotContain("required", "at most", "decimals", " characters", "in the future", "more than zero",
                            "above the largest", "is before", "such as");
            var english = api.postJson("/api/v1/payments", body, "Accept-Language", "en");
            assertThat(english.body()).as(body).contains("\"code\":\"INVALID\"").contains("decimals");
        }
        var first = api.postJson("/api/v1/payments", bodies.get(0)).body();
        assertThat(first).contains("Kode pembayar wajib diisi (misalnya APBDES:64.02.03.2007).",
                "Referensi transaksi bank atau BPJS wajib diisi.", "Wajib diisi.",
                "Jumlah paling banyak 2 angka di belakang koma (1.234).");
        assertThat(api.postJson("/api/v1/payments", bodies.get(0), "Accept-Language", "en").body())
                .contains("at most 2 decimals (1.234)", "required (e.g. APBDES:64.02.03.2007)");
    }

    /**
     * A reconciliation file's refused rows give their reasons in the request's language, Indonesian first, as the job's
     * page and the API's problems do; the codes never change: until the audit of 7 December 2026 the API's answer listed
     * "payer: required (e.g. APBDES:64.02.03.2007)" in an Indonesian answer.
     */
    @Test
    void aPaymentFilesRejectedRowsAreIndonesianByDefaultAndEnglishOnRequest() {
        Http api = Http.withToken(port, TestUsers.token(accounts, "bill-dpmd-import-language", Role.DPMD, "73.02"));
        byte[] csv = ("payer,reference,date,amount\n,IMP-LANG-1,2025-02-20,10800\n"
                + "APBDES:73.02.99.2999,IMP-LANG-2,2025-02-20,10800\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var indonesian = api.post("/api/v1/payments/imports?dryRun=true", "text/csv", csv);
        assertThat(indonesian.statusCode()).as(indonesian.body()).isEqualTo(200);
        assertThat(indonesian.body()).contains("\"code\":\"PAYER_REQUIRED\"", "\"code\":\"UNKNOWN_PAYER\"",
                        "Kode pembayar wajib diisi (misalnya APBDES:64.02.03.2007).",
                        "Pembayar APBDES:73.02.99.2999 tidak dikenal atau di luar wilayah Anda.")
                .doesNotContain("required", "unknown payer");
        var english = api.post("/api/v1/payments/imports?dryRun=true&lang=en", "text/csv", csv);
        assertThat(english.body()).contains("payer: required (e.g. APBDES:64.02.03.2007)",
                "payer: unknown payer APBDES:73.02.99.2999 (or outside your area)");
    }

    @Test
    void aPaymentFileRowRefusedForTwoFieldsNamesBothInIndonesian() {
        Http api = Http.withToken(port, TestUsers.token(accounts, "bill-dpmd-import-two", Role.DPMD, "73.02"));
        byte[] csv = "payer,reference,date,amount\n,,2025-02-20,10800\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var english = api.post("/api/v1/payments/imports?dryRun=true&lang=en", "text/csv", csv);
        assertThat(english.body()).as(english.body()).contains("payer: required").contains("reference: required")
                .doesNotContain("\"problems\"");
        var indonesian = api.post("/api/v1/payments/imports?dryRun=true", "text/csv", csv);
        String reason = tools.jackson.databind.json.JsonMapper.builder().build().readTree(indonesian.body()).get("rejected").get(0).get("reason").asString();
        assertThat(reason).as(indonesian.body()).contains("Kode pembayar wajib diisi (misalnya APBDES:64.02.03.2007). Referensi transaksi bank atau BPJS wajib diisi.")
                .doesNotContain("Nilai:").doesNotContain("required");
    }

    @Test
    void aPayerCodeIsReadInAnyCaseAndATextThatIsNoPayerCodeIsABadRequestNotANotFound() {
        String payer = billedVillage("73.02.06.2004")[0];
        Http api = Http.withToken(port, TestUsers.token(accounts, "bill-dpmd-code", Role.DPMD, "73.02"));
        var upper = api.get("/api/v1/bills?payer=" + payer + "&month=2025-01");
        var lower = api.get("/api/v1/bills?payer=" + payer.toLowerCase(java.util.Locale.ROOT) + "&month=2025-01");
        assertThat(upper.statusCode()).as(upper.body()).isEqualTo(200);
        assertThat(lower.statusCode()).as(lower.body()).isEqualTo(200);
        assertThat(lower.body()).isEqualTo(upper.body()).contains(payer);

        for (String path : java.util.List.of("/api/v1/bills?payer=FOO:1", "/api/v1/fine-payments?payer=FOO:1")) {
            var bad = api.get(path);
            assertThat(bad.statusCode()).as(path + " " + bad.body()).isEqualTo(400);
            assertThat(bad.body()).contains("\"code\":\"PAYER_CODE_INVALID\"").contains("\"field\":\"payer\"")
                    .contains("'FOO:1' bukan kode pembayar").doesNotContain("Nilai:");
        }
        var payment = api.postJson("/api/v1/payments",
                "{\"payer\":\"APBDES-73.02.06.2004\",\"reference\":\"BRI-CODE-1\",\"date\":\"2025-02-20\",\"amount\":10800,\"channel\":\"BANK\"}",
                "Accept-Language", "en");
        assertThat(payment.statusCode()).as(payment.body()).isEqualTo(400);
        assertThat(payment.body()).contains("PAYER_CODE_INVALID").contains("'APBDES-73.02.06.2004' is not a payer code");
        var noCode = api.get("/api/v1/payers/FOO:1");
        assertThat(noCode.statusCode()).as(noCode.body()).isEqualTo(400);
        assertThat(noCode.body()).contains("\"code\":\"PAYER_CODE_INVALID\"");
        assertThat(api.get("/api/v1/payers/" + payer.toLowerCase(java.util.Locale.ROOT)).statusCode()).isEqualTo(200);
        var blank = api.get("/api/v1/fine-payments?payer=");
        assertThat(blank.statusCode()).as(blank.body()).isEqualTo(400);
        assertThat(blank.body()).contains("\"code\":\"REQUIRED\"").doesNotContain("bukan kode pembayar");
        // a well-formed code that no payer in scope has stays a 404, as before
        assertThat(api.get("/api/v1/bills?payer=APBDES:73.02.06.2099").statusCode()).isEqualTo(404);
    }

    @Test
    void masksRolesSeeASelfPayersBillWithoutTheNik() {
        String desa = "73.02.02.1001";
        BillingFixture fx = new BillingFixture(jdbc);
        long w = fx.worker(desa, "Petani Mandiri", "PETANI");
        String nik = fx.nik(w);
        long self = fx.payer("SELF:" + nik, "SELF", "Peserta mandiri", desa);
        fx.term(w, desa, "JKK", "BPU", "1000000", null, null, self, LocalDate.of(2025, 1, 1), null);
        CurrentActor.runAs(ADMIN, () -> runs.run(YearMonth.of(2025, 1), ADMIN, true));
        long billId = jdbc.sql("select b.id from bill b join payer p on p.id = b.payer_id where p.code = ?")
                .param("SELF:" + nik).query(Long.class).single();

        Http monitor = Http.withToken(port, TestUsers.token(accounts, "bill-monitor-self", Role.MONITOR, "73.02"));
        Http dpmd = Http.withToken(port, TestUsers.token(accounts, "bill-dpmd-self", Role.DPMD, "73.02"));
        for (String path : java.util.List.of("/api/v1/bills?month=2025-01&size=1000", "/api/v1/bills/" + billId,
                "/tagihan?month=2025-01", "/tagihan/" + billId)) {
            var seen = monitor.get(path);
            assertThat(seen.statusCode()).as(path).isEqualTo(200);
            assertThat(seen.body()).as(path).doesNotContain(nik).contains("SELF");
        }
        assertThat(dpmd.get("/api/v1/bills/" + billId).body()).contains("SELF:" + nik);
    }

    @Test
    void anotherVillagesBillsAndWorkersAreNotFoundForAVillageOperator() {
        String[] other = billedVillage("73.02.01.2005");
        Http operator = Http.withToken(port, TestUsers.token(accounts, "bill-operator", Role.VILLAGE_OPERATOR, "73.02.01.2006"));
        assertThat(operator.get("/api/v1/bills?payer=" + other[0]).statusCode()).isEqualTo(404);
        assertThat(operator.get("/api/v1/workers/" + other[1] + "/protection?date=2025-01-20").statusCode()).isEqualTo(404);
        long billId = jdbc.sql("select b.id from bill b join payer p on p.id = b.payer_id where p.code = ? limit 1")
                .param(other[0]).query(Long.class).single();
        assertThat(operator.get("/api/v1/bills/" + billId + "/pdf").statusCode()).isEqualTo(404);
        assertThat(operator.postJson("/api/v1/payments", "{\"payer\":\"" + other[0]
                + "\",\"reference\":\"X\",\"date\":\"2025-02-20\",\"amount\":1}").statusCode()).isEqualTo(404);
    }

    @Test
    void theBillPdfOpensAndShowsTheTotalsAndTheXlsxHasTheLines() throws Exception {
        String payer = billedVillage("73.02.01.2007")[0];
        Http api = Http.withToken(port, TestUsers.token(accounts, "bill-pdf", Role.BPJS_OFFICER, "73.02"));
        long billId = jdbc.sql("select b.id from bill b join payer p on p.id = b.payer_id where p.code = ? and b.month = date '2025-02-01'")
                .param(payer).query(Long.class).single();
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/bills/" + billId + "/pdf"))
                .header("Authorization", "Bearer " + TestUsers.token(accounts, "bill-pdf", Role.BPJS_OFFICER, "73.02")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PdfReader reader = new PdfReader(pdf.body())) {
            String text = new PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(text).contains("TAGIHAN IURAN", payer, "Februari 2025", "Rp 10.800", "Jumlah JKK", "Rp 4.800",
                    "Tunggakan bulan sebelumnya (1 bulan)", "Kode verifikasi", "2025-02:");
        }
        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/bills/" + billId + "/xlsx"))
                .header("Authorization", "Bearer " + TestUsers.token(accounts, "bill-pdf", Role.BPJS_OFFICER, "73.02")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isGreaterThanOrEqualTo(7);
            assertThat(wb.getSheetAt(0).getRow(6).getCell(3).getStringCellValue()).isIn("JKK", "JKM");
        }
        assertThat(api.get("/api/v1/bills/" + billId).body()).contains("\"totalsByProgram\"");
        String nik = jdbc.sql("select w.nik from worker w where w.village_code = '73.02.01.2007' limit 1").query(String.class).single();
        Http monitor = Http.withToken(port, TestUsers.token(accounts, "bill-monitor", Role.MONITOR, "73.02"));
        assertThat(monitor.get("/api/v1/bills/" + billId).body()).doesNotContain(nik).contains(nik.substring(0, 6) + "********");
        String code = jdbc.sql("select verification_code from bill where id = ?").param(billId).query(String.class).single();
        String verified = Http.anonymous(port).get("/public/verifikasi-tagihan?kode=" + code.toLowerCase()).body();
        assertThat(verified).contains("Tagihan asli").contains(payer).contains("10.800").doesNotContain("Perangkat");
        assertThat(Http.anonymous(port).get("/public/verifikasi-tagihan?kode=000000000000").body()).contains("tidak dikenal");
    }

    @Test
    void thePublicCheckShowsStatusesOnlyAndIsRateLimited() {
        String[] billed = billedVillage("73.02.01.2008");
        // other tests use the public check from the same address: start past their minute of the rate limit
        clock.fixAt(clock.instant().plusSeconds(120));
        try {
            publicCheckShowsStatusesOnlyAndIsRateLimited(billed);
        } finally {
            clock.reset();
        }
    }

    private void publicCheckShowsStatusesOnlyAndIsRateLimited(String[] billed) {
        Http anonymous = Http.anonymous(port);
        var ok = anonymous.postJson("/api/v1/public/protection", "{\"nik\":\"" + billed[1] + "\",\"birthDate\":\"1990-01-01\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"program\":\"JKK\"").contains("\"status\":")
                .doesNotContain(billed[1]).doesNotContain("amount").doesNotContain("payer").doesNotContain("Perangkat");
        assertThat(anonymous.postJson("/api/v1/public/protection", "{\"nik\":\"" + billed[1] + "\",\"birthDate\":\"1991-01-01\"}")
                .statusCode()).isEqualTo(404);
        int limited = 0;
        for (int i = 0; i < 12; i++) {
            if (anonymous.postJson("/api/v1/public/protection", "{\"nik\":\"" + billed[1] + "\",\"birthDate\":\"1990-01-01\"}")
                    .statusCode() == 429) {
                limited++;
            }
        }
        assertThat(limited).isPositive();
    }

    @Test
    void thePublicCheckPageSaysWhoseStatusItIsAndTheDayItAppliesTo() {
        String nik = billedVillage("73.02.01.2021")[1];
        // other tests use the public check from the same address: start past their minutes of the rate limit
        clock.fixAt(clock.instant().plusSeconds(1500));
        String today = java.time.LocalDate.now(clock).format(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy",
                java.util.Locale.ENGLISH));
        try {
            Http visitor = Http.browser(port);
            String form = visitor.get("/public/cek-perlindungan?lang=id").body();
            String page = visitor.postForm("/public/cek-perlindungan", java.util.Map.of("nik", nik, "birthDate", "1990-01-01",
                    "_csrf", Http.csrfOf(form))).body();
            String masked = nik.substring(0, 6) + "********" + nik.substring(14);
            assertThat(page).containsPattern("Status perlindungan NIK " + java.util.regex.Pattern.quote(masked)
                    + " pada " + today.replaceAll("[A-Za-z]+", "\\\\p{L}+")).doesNotContain(nik);
            String english = visitor.postForm("/public/cek-perlindungan?lang=en", java.util.Map.of("nik", nik, "birthDate",
                    "1990-01-01", "_csrf", Http.csrfOf(form))).body();
            assertThat(english).contains("Protection status of NIK " + masked + " on " + today).doesNotContain(nik);
        } finally {
            clock.reset();
        }
    }

    @Test
    void guessingTheHiddenBirthDateOfOneMaskedNikStopsAfterTwentyFailedChecksFromAnyAddress() {
        String nik = billedVillage("73.02.01.2010")[1];
        Http anonymous = Http.anonymous(port);
        // later than any other test's clock: the per-address window must not still hold their checks (it counted them
        // when this clock stood before theirs)
        clock.fixAt(clock.instant().plusSeconds(3 * 24 * 3600));
        try {
            failTwentyGuessesOfTheBirthDate(anonymous, nik);
            var right = anonymous.postJson("/api/v1/public/protection", "{\"nik\":\"" + nik + "\",\"birthDate\":\"1990-01-01\"}");
            assertThat(right.statusCode()).as("the right answer is held back too: the limit tells nothing").isEqualTo(429);
            assertThat(right.body()).contains("TOO_MANY_FAILED_CHECKS");
            clock.fixAt(clock.instant().plusSeconds(24 * 3600 + 60));
            assertThat(anonymous.postJson("/api/v1/public/protection", "{\"nik\":\"" + nik + "\",\"birthDate\":\"1990-01-01\"}")
                    .statusCode()).as("a day later").isEqualTo(200);
        } finally {
            clock.reset();
        }
    }

    /** Twenty public checks of {@code nik}'s masked form with a wrong birth date, each answered 404. */
    private void failTwentyGuessesOfTheBirthDate(Http anonymous, String nik) {
        for (int day = 2; day < 22; day++) {
            // the masked form shows the region and the last two digits; the birth date in between is what is guessed
            String guess = nik.substring(0, 6) + String.format("%02d01", day) + nik.substring(10);
            var r = anonymous.postJson("/api/v1/public/protection", "{\"nik\":\"" + guess + "\",\"birthDate\":\"1990-01-"
                    + String.format("%02d", day) + "\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
            clock.fixAt(clock.instant().plusSeconds(7)); // under ten a minute: the per-address limit is not what stops it
        }
    }

    @Test
    void controlCharactersAroundANikDoNotGiveItAFreshCountOfFailedChecks() {
        // attack8: the failures were counted under the NIK stripped of whitespace, the lookup trimmed of every control
        // character, so U+0001 before a NIK was a fresh key for the same person: the twenty failures a day never ran out
        // a desa no other test uses: billedVillage gives it an APBDES payer, which a kelurahan (1xxx) may never have
        // (WorkerRegistryIntegrationTests.everyDesaHasItsVillageGovernmentPayerButNoKelurahanHas)
        String nik = billedVillage("73.02.04.2009")[1];
        Http anonymous = Http.anonymous(port);
        clock.fixAt(clock.instant().plusSeconds(6 * 24 * 3600));
        try {
            failTwentyGuessesOfTheBirthDate(anonymous, nik);
            for (String dressed : java.util.List.of("\\u0001" + nik, nik + "\\u001f", "\\u0000" + nik + "\\u0008")) {
                var r = anonymous.postJson("/api/v1/public/protection", "{\"nik\":\"" + dressed + "\",\"birthDate\":\"1990-01-01\"}");
                assertThat(r.statusCode()).as(dressed + ": " + r.body()).isEqualTo(429);
                clock.fixAt(clock.instant().plusSeconds(7));
            }
            Http visitor = Http.browser(port);
            String form = visitor.get("/public/cek-perlindungan?lang=en").body();
            String page = visitor.postForm("/public/cek-perlindungan?lang=en", java.util.Map.of("nik", "\u0002" + nik,
                    "birthDate", "1990-01-01", "_csrf", Http.csrfOf(form))).body();
            assertThat(page).as("the page's form counts the same way").doesNotContain("Protection status of NIK");
        } finally {
            clock.reset();
        }
    }

    @Test
    void aVillageMoreThanOneMonthInArrearsAppearsForItsDistrictOffice() {
        String payer = billedVillage("73.02.01.2009")[0];
        Http dpmd = Http.withToken(port, TestUsers.token(accounts, "bill-escalation", Role.DPMD, "73.02"));
        var escalations = dpmd.get("/api/v1/arrears/escalations");
        assertThat(escalations.statusCode()).isEqualTo(200);
        assertThat(escalations.body()).contains("\"payer\":\"" + payer + "\"").contains("\"monthsInArrears\":2");
        assertThat(escalations.body()).containsPattern("\"outstanding\":\\d+\\.\\d{2},");
    }
}
