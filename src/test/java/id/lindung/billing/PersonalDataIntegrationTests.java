package id.lindung.billing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.access.CurrentActor;
import id.lindung.access.PersonalData;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11 item 5 and the "Personal data" bullet of issue 12: one masking rule ({@link PersonalData}) on every page,
 * API answer, export and audit entry. For each masked role every response that shows a self-paying worker is scanned
 * for a 16-digit run; a writer sees the NIK whole in the payer's code and name alike.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataIntegrationTests {

    static final String VILLAGE = "73.02.01.2011";
    static final Actor ADMIN = TestUsers.actor("pd-admin", Role.ADMIN, "ID");
    private static final Pattern SIXTEEN_DIGITS = Pattern.compile("(?<![0-9])[0-9]{16}(?![0-9])");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts accounts;
    @Autowired BillingRuns runs;
    @Autowired AuditLog audit;

    String nik;
    long workerId;
    String publicId;
    long billId;

    @BeforeAll
    void aSelfPayingWorkerBilledForJanuary() {
        BillingFixture fx = new BillingFixture(jdbc);
        workerId = fx.worker(VILLAGE, "Sumiati Mandiri", "PETANI");
        nik = fx.nik(workerId);
        publicId = jdbc.sql("select public_id::text from worker where id = ?").param(workerId).query(String.class).single();
        long self = fx.payer("SELF:" + nik, "SELF", PersonalData.SELF_PAYER_NAME + PersonalData.mask(nik), VILLAGE);
        fx.term(workerId, VILLAGE, "JKK", "BPU", "1000000", null, null, self, LocalDate.of(2025, 1, 1), null);
        CurrentActor.runAs(ADMIN, () -> runs.run(YearMonth.of(2025, 1), ADMIN, true));
        billId = jdbc.sql("select b.id from bill b join payer p on p.id = b.payer_id where p.code = ?").param("SELF:" + nik)
                .query(Long.class).single();
        // a status reason is typed by whoever changed the status: a NIK typed in it is masked like any typed text
        jdbc.sql("insert into worker_status_event (worker_id, village_code, status, reason, effective_on, created_by) "
                + "values (?, ?, 'ACTIVE', ?, date '2025-01-02', 'pd-admin')")
                .params(workerId, VILLAGE, "Data diperbaiki: NIK lama " + nik + ", lahir 1990-01-01").update();
        CurrentActor.runAs(ADMIN, () -> audit.record("UPDATE", "worker", nik, VILLAGE, null,
                Map.of("nik", nik, "birthDate", "1990-01-01", "phone", "081234567890", "payer", "SELF:" + nik)));
    }

    private Map<String, String> responses(Role role, String scope) {
        String user = "pd-" + role.name().toLowerCase();
        Http api = Http.withToken(port, TestUsers.token(accounts, user, role, scope));
        Http browser = Http.browser(port);
        browser.login(user, TestUsers.PASSWORD);
        Map<String, String> seen = new LinkedHashMap<>();
        for (String path : new String[] {"/api/v1/villages/" + VILLAGE + "/workers", "/api/v1/workers?region=" + VILLAGE,
                "/api/v1/workers/by-id/" + publicId, "/api/v1/workers/by-id/" + publicId + "/protection?date=2025-01-20",
                "/api/v1/workers/export.csv?region=" + VILLAGE, "/api/v1/bills?month=2025-01&size=1000", "/api/v1/bills/" + billId,
                "/api/v1/arrears/escalations", "/api/v1/audit?region=" + VILLAGE}) {
            var r = api.get(path);
            seen.put("API " + path + " " + r.statusCode(), r.body());
        }
        for (String path : new String[] {"/pekerja?region=" + VILLAGE, "/desa/" + VILLAGE + "/pekerja", "/pekerja/p/" + publicId,
                "/perlindungan/pekerja/" + workerId + "?date=2025-01-20", "/tagihan?month=2025-01", "/tagihan/" + billId,
                "/pekerja/ekspor.csv?region=" + VILLAGE, "/audit?region=" + VILLAGE,
                // the worker page's two tables and the arrears list, as files
                "/perlindungan/pekerja/" + workerId + "/ekspor?date=2025-01-20&format=csv",
                "/pekerja/id/" + workerId + "/kepesertaan/ekspor?format=csv", "/tagihan/tunggakan/ekspor?format=csv"}) {
            var r = browser.get(path);
            seen.put("PAGE " + path + " " + r.statusCode(), r.body());
        }
        for (String path : new String[] {"/api/v1/workers/export.xlsx?region=" + VILLAGE, "/api/v1/bills/" + billId + "/xlsx",
                "/perlindungan/pekerja/" + workerId + "/ekspor?date=2025-01-20&format=xlsx",
                "/pekerja/id/" + workerId + "/kepesertaan/ekspor?format=xlsx", "/tagihan/tunggakan/ekspor?format=xlsx"}) {
            seen.put("XLSX " + path, xlsxText(TestUsers.token(accounts, user, role, scope), path));
        }
        return seen;
    }

    /** Every XML part of an XLSX as text: the cells, shared strings and sheet names. */
    private String xlsxText(String token, String path) {
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
            StringBuilder text = new StringBuilder("status " + r.statusCode() + "\n");
            java.nio.file.Path file = java.nio.file.Files.createTempFile("privacy-scan", ".xlsx");
            java.nio.file.Files.write(file, r.body());
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
                for (var e : java.util.Collections.list(zip.entries())) {
                    text.append(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                }
            } finally {
                java.nio.file.Files.deleteIfExists(file);
            }
            return text.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void noMaskedRoleGetsA16DigitNumberFromAnyPageApiExportOrAuditEntry() {
        for (var role : Map.of(Role.MONITOR, "73.02", Role.AUDITOR, "ID").entrySet()) {
            Map<String, String> seen = responses(role.getKey(), role.getValue());
            for (var response : seen.entrySet()) {
                assertThat(response.getValue()).as(role.getKey() + " " + response.getKey()).doesNotContain(nik)
                        .doesNotContainPattern(SIXTEEN_DIGITS);
            }
            // the worker was there to be seen: masked, not absent
            assertThat(String.join("\n", seen.values())).contains(PersonalData.mask(nik), "Sumiati Mandiri");
            assertThat(seen.get("PAGE /tagihan/" + billId + " 200")).as("bill page").contains(PersonalData.mask(nik));
            assertThat(seen.get("PAGE /pekerja/id/" + workerId + "/kepesertaan/ekspor?format=csv 200")).as("memberships file")
                    .contains("Sumiati Mandiri," + PersonalData.mask(nik) + ",JKK,BPU,1000000,");
            assertThat(seen.get("PAGE /perlindungan/pekerja/" + workerId + "/ekspor?date=2025-01-20&format=csv 200"))
                    .as("protection file").contains("2025-01-20,JKK,").contains(",SELF,");
            assertThat(seen.get("API /api/v1/workers/by-id/" + publicId + " 200")).as("status history")
                    .contains("Data diperbaiki: NIK lama " + PersonalData.mask(nik) + ", lahir 1990\"");
        }
    }

    @Test
    void aWriterSeesTheSelfPayersCodeAndNameWithTheSameWholeNik() {
        Http dpmd = Http.browser(port);
        TestUsers.token(accounts, "pd-dpmd", Role.DPMD, "73.02");
        dpmd.login("pd-dpmd", TestUsers.PASSWORD);
        String page = dpmd.get("/tagihan/" + billId).body();
        assertThat(page).contains("SELF:" + nik, PersonalData.SELF_PAYER_NAME + nik).doesNotContain(PersonalData.mask(nik));
        String overview = dpmd.get("/tagihan?month=2025-01").body();
        assertThat(overview).doesNotContain(PersonalData.SELF_PAYER_NAME + PersonalData.mask(nik));
        // the worker's terms as well: the stored name has the NIK masked, the code beside it is whole
        Http api = Http.withToken(port, TestUsers.token(accounts, "pd-dpmd", Role.DPMD, "73.02"));
        String worker = api.get("/api/v1/workers/by-id/" + publicId).body();
        assertThat(worker).contains("\"workerPayerCode\":\"SELF:" + nik + "\"", "\"workerPayerName\":\"" + PersonalData.SELF_PAYER_NAME + nik + "\"")
                .doesNotContain(PersonalData.mask(nik));
        // and so do the worker page's tables as files: the NIK and the self-payer's code whole
        Http browser = Http.browser(port);
        browser.login("pd-dpmd", TestUsers.PASSWORD);
        assertThat(browser.get("/pekerja/id/" + workerId + "/kepesertaan/ekspor?format=csv").body())
                .contains("Sumiati Mandiri," + nik + ",JKK,BPU,").contains("SELF:" + nik).doesNotContain(PersonalData.mask(nik));
        assertThat(browser.get("/perlindungan/pekerja/" + workerId + "/ekspor?date=2025-01-20&format=csv").body()).contains(",SELF:" + nik + ",");
    }

    @Test
    void anAdminExportsEverythingHeldAboutOnePersonAndTheExportIsAudited() {
        Http admin = Http.withToken(port, TestUsers.token(accounts, "pd-admin", Role.ADMIN, "ID"));
        var export = admin.postJson("/api/v1/privacy/person-export", "{\"nik\":\"" + nik + "\"}");
        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        assertThat(export.body()).contains("\"worker\"", nik, "Sumiati Mandiri", "\"memberships\"", "\"billLines\"", "\"paidMonths\"",
                "\"selfPayments\"", "\"auditEvents\"", "081234567890");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'PERSONAL_DATA_EXPORT' and entity_id = ?").param(nik)
                .query(Long.class).single()).isEqualTo(1L);
        Http dpmd = Http.withToken(port, TestUsers.token(accounts, "pd-dpmd", Role.DPMD, "73.02"));
        assertThat(dpmd.postJson("/api/v1/privacy/person-export", "{\"nik\":\"" + nik + "\"}").statusCode()).isEqualTo(403);
    }
}
