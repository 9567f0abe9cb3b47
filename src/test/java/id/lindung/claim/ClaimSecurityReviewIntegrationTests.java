package id.lindung.claim;

import static id.lindung.claim.ClaimWorkflowIntegrationTests.JPEG;
import static id.lindung.claim.ClaimWorkflowIntegrationTests.PDF;
import static id.lindung.claim.ClaimWorkflowIntegrationTests.codes;
import static id.lindung.claim.ClaimWorkflowIntegrationTests.expect;
import static id.lindung.claim.ClaimWorkflowIntegrationTests.json;
import static id.lindung.claim.ClaimWorkflowIntegrationTests.transition;
import static id.lindung.claim.ClaimWorkflowIntegrationTests.upload;
import static id.lindung.claim.ClaimWorkflowIntegrationTests.worker;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.Multipart;
import id.lindung.support.IntegrationTest;
import id.lindung.support.Niks;
import id.lindung.support.TestClock;
import id.lindung.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The attacker's review of the claims module (2 December 2026, docs/security.md "Review of the claims module"): scope by
 * id guessing on every claim endpoint and page, masking for MONITOR and AUDITOR, writes of the read-only roles, hostile
 * uploads, CSRF on the claim forms and bad input. Regency 71.08, which no other test uses; today is 2 December 2026.
 */
@IntegrationTest
class ClaimSecurityReviewIntegrationTests {

    static final String VILLAGE = "71.08.01.2001";
    static final Pattern WHOLE_NIK = Pattern.compile("(?<![0-9])[0-9]{16}(?![0-9])");
    static final String ACCOUNT = "5566778899";

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    Http dpmd;
    Http bpjs;
    Http bpjs2;

    @BeforeEach
    void setUp() {
        clock.fixAt(Instant.parse("2026-12-02T03:00:00Z"));
        dpmd = api("csr-dpmd", Role.DPMD, "71.08");
        bpjs = api("csr-bpjs", Role.BPJS_OFFICER, "71.08");
        bpjs2 = api("csr-bpjs-2", Role.BPJS_OFFICER, "71");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    Http api(String user, Role role, String scope) {
        return TestUsers.api(port, accounts, user, role, scope);
    }

    Http browser(String user, Role role, String scope) {
        return TestUsers.browser(port, accounts, user, role, scope);
    }

    /** A JKM death case with a spouse (bank account {@link #ACCOUNT}) and a school child; returns {id, worker NIK, heir NIK}. */
    Object[] deathCase() {
        String nik = worker(dpmd, VILLAGE, "PERANGKAT_DESA", "[\"JKK\",\"JKM\"]", "PU", "2500000", "APBDES", "2021-01-01");
        String spouse = Niks.unique("71.08.01", "P", LocalDate.of(1978, 2, 1));
        JsonNode opened = json(expect(dpmd.postJson("/api/v1/claims", """
                {"nik":"%s","case":"JKM_DEATH","incidentDate":"2026-11-20","reportedOn":"2026-11-23",
                 "children":[{"name":"Anak Review","birthDate":"2016-05-01","schoolLevel":"SD"}],
                 "heirs":[{"name":"Istri Review","nik":"%s","relationship":"SPOUSE","bankAccount":"%s"}]}"""
                .formatted(nik, spouse, ACCOUNT)), 201));
        long id = opened.get("id").asLong();
        expect(upload(dpmd, id, "KTP", "", "ktp.pdf", PDF), 201);
        return new Object[] {id, nik, spouse};
    }

    long documentId(long id) {
        return jdbc.sql("select max(id) from claim_document where case_id = ?").param(id).query(Long.class).single();
    }

    /** A multipart POST of a claim page's document form, with the session's CSRF token unless {@code csrf} is null. */
    static HttpResponse<String> pageUpload(Http browser, long id, String type, String fileName, byte[] content, String csrf) {
        Multipart form = Multipart.form();
        if (csrf != null) {
            form.field("_csrf", csrf);
        }
        form.field("type", type).file("file", fileName, "application/pdf", content);
        return browser.post("/klaim/" + id + "/dokumen", form.contentType(), form.body());
    }

    static Map<String, String> form(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void anotherRegencyFindsNoClaimDocumentOrScholarshipByGuessingIds() {
        Object[] c = deathCase();
        long id = (long) c[0];
        long doc = documentId(id);
        Http other = api("csr-dpmd-other", Role.DPMD, "71.07");
        Http otherBpjs = api("csr-bpjs-other", Role.BPJS_OFFICER, "71.07");
        for (String path : List.of("/api/v1/claims/" + id, "/api/v1/claims/" + id + "/pdf", "/api/v1/claims/" + id + "/documents/" + doc,
                "/klaim/" + id, "/klaim/" + id + "/berkas.pdf")) {
            assertThat(other.get(path).statusCode()).as(path).isEqualTo(404);
        }
        expect(otherBpjs.postJson("/api/v1/claims/" + id + "/transitions", transition("VERIFIED", "")), 404);
        expect(otherBpjs.postJson("/api/v1/claims/" + id + "/recomputations", "{\"reason\":\"tebak\"}"), 404);
        expect(otherBpjs.postJson("/api/v1/claims/" + id + "/scholarship-payments",
                "{\"child\":1,\"schoolYear\":\"2026/2027\",\"payment\":{\"reference\":\"X\",\"date\":\"2026-12-01\",\"amount\":1}}"), 404);
        expect(other.postJson("/api/v1/claims/" + id + "/children/1/stops", "{\"stop\":\"MARRIED\",\"on\":\"2026-12-01\"}"), 404);
        expect(upload(other, id, "KK", "", "kk.pdf", PDF), 404);
        // the pages' forms, with a valid token of the other regency's session
        Http page = browser("csr-bpjs-other-page", Role.BPJS_OFFICER, "71.07");
        String csrf = Http.csrfOf(page.get("/klaim").body());
        assertThat(page.postForm("/klaim/" + id + "/status", form("_csrf", csrf, "to", "VERIFIED")).statusCode()).isEqualTo(404);
        assertThat(page.postForm("/klaim/" + id + "/beasiswa", form("_csrf", csrf, "child", "1", "schoolYear", "2026/2027",
                "reference", "X", "date", "2026-12-01", "amount", "1")).statusCode()).isEqualTo(404);
        assertThat(pageUpload(page, id, "KK", "kk.pdf", PDF, csrf).statusCode()).isEqualTo(404);
        // the worker of the case: not found by its opaque id on the form, nor by its NIK when opening or previewing
        String publicId = jdbc.sql("select public_id::text from worker where nik = ?").param((String) c[1]).query(String.class).single();
        assertThat(page.get("/klaim/baru?pekerja=" + publicId).statusCode()).isEqualTo(404);
        assertThat(page.postForm("/klaim/baru/pratinjau", form("_csrf", csrf, "worker", publicId, "case", "JKM_DEATH",
                "incidentDate", "2026-11-20")).statusCode()).isEqualTo(404);
        String reopen = "{\"nik\":\"" + c[1] + "\",\"case\":\"JKK_TEMPORARY_DISABILITY\",\"incidentDate\":\"2026-11-20\",\"months\":1}";
        expect(other.postJson("/api/v1/claims/preview", reopen), 404);
        expect(other.postJson("/api/v1/claims", reopen), 404);
        // a document of another case of the same area is not reachable through this case's id
        Object[] second = deathCase();
        expect(dpmd.get("/api/v1/claims/" + second[0] + "/documents/" + doc), 404);
        expect(dpmd.get("/api/v1/claims/" + id + "/documents/" + doc), 200);
        assertThat(jdbc.sql("select status from claim_case where id = ?").param(id).query(String.class).single()).isEqualTo("SUBMITTED");
        assertThat(jdbc.sql("select count(*) from claim_document where case_id = ?").param(id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void monitorsAndAuditorsSeeNoWholeNikOrAccountAnywhereAndChangeNothing() throws Exception {
        Object[] c = deathCase();
        long id = (long) c[0];
        String nik = (String) c[1];
        String spouse = (String) c[2];
        for (Role role : List.of(Role.MONITOR, Role.AUDITOR)) {
            String scope = role == Role.AUDITOR ? "71" : "71.08";
            Http reader = api("csr-" + role.name().toLowerCase(), role, scope);
            Http page = browser("csr-page-" + role.name().toLowerCase(), role, scope);
            List<String> texts = new java.util.ArrayList<>(caseAsSeen(reader, page, role, scope, id));
            texts.add(expect(reader.get("/api/v1/claims?region=71.08"), 200).body());
            texts.add(expect(page.get("/klaim?region=71.08"), 200).body());
            texts.add(expect(page.get("/klaim/ekspor?region=71.08&format=csv"), 200).body());
            for (String text : texts) {
                assertThat(text).as(role + " sees the case").contains("Pegawai Klaim").doesNotContain(nik, spouse, ACCOUNT);
                assertThat(WHOLE_NIK.matcher(text).find()).as(role + ": a whole NIK").isFalse();
            }
            String key = role.name();
            assertThat(reader.postJson("/api/v1/claims", "{}").statusCode()).as(key).isEqualTo(403);
            assertThat(reader.postJson("/api/v1/claims/preview", "{}").statusCode()).as(key).isEqualTo(403);
            assertThat(reader.postJson("/api/v1/claims/" + id + "/transitions", transition("VERIFIED", "")).statusCode()).as(key).isEqualTo(403);
            assertThat(reader.postJson("/api/v1/claims/" + id + "/recomputations", "{\"reason\":\"x\"}").statusCode()).as(key).isEqualTo(403);
            assertThat(reader.postJson("/api/v1/claims/" + id + "/children/1/stops", "{\"stop\":\"MARRIED\",\"on\":\"2026-12-01\"}")
                    .statusCode()).as(key).isEqualTo(403);
            assertThat(reader.postJson("/api/v1/claims/" + id + "/scholarship-payments",
                    "{\"child\":1,\"schoolYear\":\"2026/2027\",\"payment\":{\"reference\":\"X\",\"date\":\"2026-12-01\",\"amount\":1}}")
                    .statusCode()).as(key).isEqualTo(403);
            assertThat(upload(reader, id, "KK", "", "kk.pdf", PDF).statusCode()).as(key).isEqualTo(403);
            assertThat(reader.get("/api/v1/claims/" + id + "/documents/" + documentId(id)).statusCode()).as(key).isEqualTo(403);
            String csrf = Http.csrfOf(page.get("/klaim/" + id).body());
            assertThat(page.postForm("/klaim/" + id + "/status", form("_csrf", csrf, "to", "VERIFIED")).statusCode()).as(key).isEqualTo(403);
            assertThat(page.postForm("/klaim/" + id + "/beasiswa", form("_csrf", csrf, "child", "1", "schoolYear", "2026/2027",
                    "reference", "X", "date", "2026-12-01", "amount", "1")).statusCode()).as(key).isEqualTo(403);
            assertThat(page.postForm("/klaim/baru/pekerja", form("_csrf", csrf, "nik", nik)).statusCode()).as(key).isEqualTo(403);
            assertThat(pageUpload(page, id, "KK", "kk.pdf", PDF, csrf).statusCode()).as(key).isEqualTo(403);
        }
        assertThat(jdbc.sql("select status from claim_case where id = ?").param(id).query(String.class).single()).isEqualTo("SUBMITTED");
        assertThat(jdbc.sql("select count(*) from claim_document where case_id = ?").param(id).query(Long.class).single()).isEqualTo(1);
    }

    /**
     * What people typed on a case (a file name, a recomputation's or a rejection's reason, a payment reference) may quote
     * a NIK: MONITOR and AUDITOR see it masked in the API answer, the page and the case file; the BPJS officer who typed
     * it sees it whole (security review of 3 December 2026, finding 1).
     */
    @Test
    void aNikTypedIntoAClaimsFileNameReasonOrReferenceIsMaskedForMonitorsAndAuditorsOnly() throws Exception {
        Object[] c = deathCase();
        long paid = (long) c[0];
        String nik = (String) c[1];
        String spouse = (String) c[2];
        String masked = nik.substring(0, 6) + "********" + nik.substring(14);
        expect(upload(bpjs, paid, "KTP", "", "KTP_" + nik + ".pdf", PDF), 201);
        expect(bpjs.postJson("/api/v1/claims/" + paid + "/recomputations", "{\"reason\":\"Cek ulang NIK " + nik + " upah\"}"), 200);
        for (String type : List.of("KK", "DEATH_CERTIFICATE", "HEIR_STATEMENT", "BANK_BOOK")) {
            expect(upload(bpjs, paid, type, "", type + ".pdf", PDF), 201);
        }
        expect(bpjs.postJson("/api/v1/claims/" + paid + "/transitions", transition("VERIFIED", "")), 200);
        JsonNode approved = json(expect(bpjs.postJson("/api/v1/claims/" + paid + "/transitions", transition("APPROVED", "")), 200));
        expect(bpjs.postJson("/api/v1/claims/" + paid + "/transitions", transition("PAID", ",\"payment\":{\"reference\":\"TRF-" + nik
                + "\",\"date\":\"2026-12-02\",\"amount\":" + approved.get("total").decimalValue() + ",\"heir\":\"" + spouse + "\"}")), 200);
        Object[] second = deathCase();
        long rejected = (long) second[0];
        String secondNik = (String) second[1];
        expect(bpjs.postJson("/api/v1/claims/" + rejected + "/transitions", transition("REJECTED",
                ",\"reason\":\"NIK " + secondNik + " tidak cocok\"")), 200);

        for (Role role : List.of(Role.MONITOR, Role.AUDITOR)) {
            String scope = role == Role.AUDITOR ? "71" : "71.08";
            Http reader = api("csr-typed-" + role.name().toLowerCase(), role, scope);
            Http page = browser("csr-typed-page-" + role.name().toLowerCase(), role, scope);
            for (long id : List.of(paid, rejected)) {
                for (String text : caseAsSeen(reader, page, role, scope, id)) {
                    assertThat(WHOLE_NIK.matcher(text).find()).as(role + " case " + id + ": a whole NIK in " + text).isFalse();
                }
            }
            JsonNode seen = json(reader.get("/api/v1/claims/" + paid));
            assertThat(seen.get("documents").findValuesAsString("fileName")).contains("KTP_" + masked + ".pdf");
            assertThat(seen.get("history").findValuesAsString("reason")).contains("Cek ulang NIK " + masked + " upah");
            assertThat(seen.get("payment").get("reference").asString()).isEqualTo("TRF-" + masked);
            assertThat(json(reader.get("/api/v1/claims/" + rejected)).get("rejectionReason").asString()).doesNotContain(secondNik)
                    .startsWith("NIK " + secondNik.substring(0, 6) + "********");
        }
        // the officer in scope sees what was typed, as typed
        for (String text : caseAsSeen(bpjs, browser("csr-typed-page-bpjs", Role.BPJS_OFFICER, "71.08"), Role.BPJS_OFFICER, "71.08", paid)) {
            assertThat(text).contains("KTP_" + nik + ".pdf", "Cek ulang NIK " + nik + " upah", "TRF-" + nik);
        }
        assertThat(expect(bpjs.get("/api/v1/claims/" + rejected), 200).body()).contains("NIK " + secondNik + " tidak cocok");
    }

    /** A case as a reader sees it: the API answer, the case page, and the case file (PDF text) of the API and of the page. */
    List<String> caseAsSeen(Http reader, Http page, Role role, String scope, long id) throws Exception {
        return List.of(expect(reader.get("/api/v1/claims/" + id), 200).body(), expect(page.get("/klaim/" + id), 200).body(),
                ClaimPagesUiTests.pdfText(bytes("/api/v1/claims/" + id + "/pdf", role, scope)),
                ClaimPagesUiTests.pdfText(bytes("/klaim/" + id + "/berkas.pdf", role, scope)));
    }

    /** A PDF as bytes (Http answers strings, which would mangle the binary). */
    byte[] bytes(String path, Role role, String scope) throws Exception {
        String token = TestUsers.token(accounts, "csr-pdf-" + role.name().toLowerCase(), role, scope);
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    @Test
    void anUploadedDocumentKeepsOnlyTheLastSegmentOfTheNameTheClientSent() {
        Object[] c = deathCase();
        long id = (long) c[0];
        expect(upload(dpmd, id, "KK", "", "..\\\\..\\\\windows\\\\system32\\\\kk.pdf", PDF), 201);
        expect(upload(dpmd, id, "DEATH_CERTIFICATE", "", "../../etc/akta.jpg", JPEG), 201);
        Http page = browser("csr-page-dpmd", Role.DPMD, "71.08");
        String csrf = Http.csrfOf(page.get("/klaim/" + id).body());
        assertThat(pageUpload(page, id, "HEIR_STATEMENT", "C:\\\\Users\\\\x\\\\ahli-waris.pdf", PDF, csrf).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select file_name from claim_document where case_id = ? order by id").param(id).query(String.class).list())
                .containsExactly("ktp.pdf", "kk.pdf", "akta.jpg", "ahli-waris.pdf");
        HttpResponse<String> download = expect(dpmd.get("/api/v1/claims/" + id + "/documents/" + documentId(id)), 200);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment").contains("ahli-waris.pdf")
                .doesNotContain("Users");
    }

    @Test
    void aDownloadedDocumentIsAnAuditedDisclosureAsTheCaseFileIs() {
        // attack8: the case file PDF was recorded as an EXPORT, the identity papers behind it (KTP, KK: every family
        // member's NIK) were handed out with no trace of who took them
        long id = (long) deathCase()[0];
        long doc = documentId(id);
        expect(bpjs.get("/api/v1/claims/" + id + "/documents/" + doc), 200);
        assertThat(jdbc.sql("""
                select count(*) from audit_event where action = 'EXPORT' and entity_type = 'claim_document'
                and entity_id = ? and username = 'csr-bpjs' and region_code = ?""")
                .params(id + ":" + doc, VILLAGE).query(Long.class).single()).isEqualTo(1);
        Http monitor = api("csr-doc-monitor", Role.MONITOR, "71.08");
        expect(monitor.get("/api/v1/claims/" + id + "/documents/" + doc), 403);
        expect(bpjs.get("/api/v1/claims/" + id + "/documents/" + (doc + 1_000_000)), 404);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'EXPORT' and entity_type = 'claim_document'"
                + " and entity_id like ?").param(id + ":%").query(Long.class).single())
                .as("a refused or missing document hands nothing out").isEqualTo(1);
    }

    @Test
    void everyClaimFormOfASignedInBrowserWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        Object[] c = deathCase();
        long id = (long) c[0];
        Http page = browser("csr-csrf-bpjs", Role.BPJS_OFFICER, "71.08");
        for (String path : List.of("/klaim/baru", "/klaim/baru/pratinjau", "/klaim/baru/pekerja", "/klaim/" + id + "/status",
                "/klaim/" + id + "/beasiswa", "/api/v1/claims", "/api/v1/claims/" + id + "/transitions")) {
            assertThat(page.postForm(path, form("to", "REJECTED", "reason", "csrf", "nik", (String) c[1])).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(pageUpload(page, id, "KK", "kk.pdf", PDF, null).statusCode()).isEqualTo(403);
        assertThat(pageUpload(page, id, "KK", "kk.pdf", PDF, "forged").statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select status from claim_case where id = ?").param(id).query(String.class).single()).isEqualTo("SUBMITTED");
        assertThat(jdbc.sql("select count(*) from claim_document where case_id = ?").param(id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theClaimFormReadsTheWageAsWrittenOnAReceiptAndGivesBackAWageItCannotRead() {
        String nik = worker(dpmd, "71.08.01.2002", "PERANGKAT_DESA", "[\"JKK\",\"JKM\"]", "PU", "2500000", "APBDES", "2024-01-01");
        Http page = browser("csr-typed-bpjs", Role.BPJS_OFFICER, "71.08");
        String publicId = jdbc.sql("select public_id::text from worker where nik = ?").param(nik).query(String.class).single();
        String csrf = Http.csrfOf(page.get("/klaim/baru?pekerja=" + publicId).body());
        Map<String, String> claim = form("_csrf", csrf, "worker", publicId, "case", "JKK_TEMPORARY_DISABILITY",
                "incidentDate", "2026-11-25", "months", "1", "wage", "1.50.000");

        HttpResponse<String> unreadable = page.postForm("/klaim/baru", claim);
        assertThat(unreadable.statusCode()).as(unreadable.body()).isEqualTo(200);
        assertThat(unreadable.body()).contains("value=\"1.50.000\"").contains("Bukan angka yang sah.");

        claim.put("wage", "Rp 1.500.000");
        HttpResponse<String> opened = page.postForm("/klaim/baru", claim);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(302);
        long id = Long.parseLong(opened.headers().firstValue("Location").orElseThrow().replaceAll(".*/klaim/", ""));
        assertThat(jdbc.sql("select wage from claim_case where id = ?").param(id).query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo("1500000");
    }

    @Test
    void badClaimInputGetsASpecificCodeNeverA500() {
        String nik = worker(dpmd, "71.08.01.2002", "PERANGKAT_DESA", "[\"JKK\",\"JKM\"]", "PU", "2500000", "APBDES", "2024-01-01");
        String open = "{\"nik\":\"%s\",\"case\":\"%s\",\"incidentDate\":\"%s\",\"reportedOn\":\"2026-11-26\",\"months\":2%s}";
        for (String[] bad : new String[][] {
                {"JKK_TEMPORARY_DISABILITY", "+999999999-12-31", ",\"submitIfIneligible\":true"},
                {"JKK_TEMPORARY_DISABILITY", "-999999999-01-01", ",\"submitIfIneligible\":true"},
                {"JKK_TEMPORARY_DISABILITY", "0001-01-01", ",\"submitIfIneligible\":true"},
                {"NOT_A_CASE", "2026-11-25", ""},
                {"JKK_TEMPORARY_DISABILITY", "2026-11-25", ",\"facts\":{\"wage\":1e999999}"},
                {"JKK_TEMPORARY_DISABILITY", "2026-11-25", ",\"months\":99999999999"},
                {"JKK_PARTIAL_DISABILITY", "2026-11-25", ",\"percent\":1e999999"},
                {"JKK_PARTIAL_DISABILITY", "2026-11-25", ",\"percent\":-5"},
                {"JKK_MEDICAL", "2026-11-25", ",\"claimedCosts\":{\"medical\":1e999999}"},
                {"JKK_TEMPORARY_DISABILITY", "2026-11-25", ",\"heirs\":[{\"name\":\"A\\u0000B\",\"nik\":\"x\"}]"}}) {
            HttpResponse<String> r = dpmd.postJson("/api/v1/claims", open.formatted(nik, bad[0], bad[1], bad[2]));
            assertThat(r.statusCode()).as(String.join(" ", bad) + " " + r.body()).isBetween(400, 499);
            assertThat(json(r).hasNonNull("code") || json(r).hasNonNull("errors")).as(r.body()).isTrue();
        }
        long id = json(expect(bpjs.postJson("/api/v1/claims", open.formatted(nik, "JKK_TEMPORARY_DISABILITY", "2026-11-25", "")), 201))
                .get("id").asLong();
        assertThat(codes(expect(bpjs.postJson("/api/v1/claims/" + id + "/transitions", transition("REJECTED", ",\"reason\":\"a\\u0000b\"")), 400)))
                .allMatch(code -> code.endsWith("@reason"));
        assertThat(bpjs.postJson("/api/v1/claims/" + id + "/transitions", transition("NOT_A_STEP", "")).statusCode()).isEqualTo(400);
        expect(bpjs.postJson("/api/v1/claims/" + id + "/transitions", transition("VERIFIED", "")), 200);
        for (String type : List.of("KTP", "KK", "BANK_BOOK", "ACCIDENT_REPORT", "MEDICAL_RESUME")) {
            expect(upload(bpjs, id, type, "", type + ".pdf", PDF), 201);
        }
        expect(bpjs2.postJson("/api/v1/claims/" + id + "/transitions", transition("APPROVED", "")), 200);
        String pay = ",\"payment\":{\"reference\":\"%s\",\"date\":\"%s\",\"amount\":%s}";
        for (String[] bad : new String[][] {{"TRF", "2026-12-01", "1e30"}, {"TRF", "2026-12-01", "1e999999"}, {"TRF", "2026-12-01", "-5000000"},
                {"TRF", "2026-12-01", "0.0000000000000000000001"}, {"TRF", "-999999999-01-01", "5000000"},
                {"TRF", "+999999999-01-01", "5000000"}, {"T\\u0000RF", "2026-12-01", "5000000"}}) {
            HttpResponse<String> r = bpjs.postJson("/api/v1/claims/" + id + "/transitions", transition("PAID", pay.formatted((Object[]) bad)));
            assertThat(r.statusCode()).as(String.join(" ", bad) + " " + r.body()).isBetween(400, 499);
        }
        expect(bpjs.postJson("/api/v1/claims/" + id + "/children/1/stops", "{\"stop\":\"MARRIED\",\"on\":\"2026-12-01\"}"), 404);
        assertThat(bpjs.postJson("/api/v1/claims/" + id + "/children/1/stops", "{\"stop\":\"DIVORCED\",\"on\":\"2026-12-01\"}").statusCode())
                .isEqualTo(400);
        assertThat(bpjs.get("/api/v1/claims?status=LOST").statusCode()).isEqualTo(400);
        assertThat(bpjs.get("/api/v1/claims?size=100000").statusCode()).isEqualTo(400);
        assertThat(bpjs.get("/api/v1/claims/99999999999999999999").statusCode()).isEqualTo(400);
        // the page's forms: a huge or odd amount, a missing child, a date out of range
        Http page = browser("csr-bad-bpjs", Role.BPJS_OFFICER, "71.08");
        String publicId = jdbc.sql("select public_id::text from worker where nik = ?").param(nik).query(String.class).single();
        String formCsrf = Http.csrfOf(page.get("/klaim/baru?pekerja=" + publicId).body());
        for (Map<String, String> bad : List.of(form("case", "JKK_PARTIAL_DISABILITY", "incidentDate", "2026-11-25", "percent", "1e999999"),
                form("case", "JKK_TEMPORARY_DISABILITY", "incidentDate", "+999999999-12-31", "months", "2", "submitIfIneligible", "true"),
                form("case", "JKK_TEMPORARY_DISABILITY", "incidentDate", "2026-11-25", "months", "99999999999"),
                form("case", "JKM_DEATH", "incidentDate", "2026-11-25", "heir0Name", "A\u0000B", "heir0Nik", "1", "heir0Relationship", "X"),
                form("case", "LOST", "incidentDate", "yesterday"))) {
            bad.put("_csrf", formCsrf);
            bad.put("worker", publicId);
            for (String path : List.of("/klaim/baru/pratinjau", "/klaim/baru")) {
                HttpResponse<String> r = page.postForm(path, bad);
                assertThat(r.statusCode()).as(path + " " + bad + " " + r.body()).isIn(200, 400, 422);
            }
        }
        String csrf = Http.csrfOf(page.get("/klaim/" + id).body());
        for (Map<String, String> bad : List.of(form("to", "PAID", "reference", "T", "date", "2026-12-01", "amount", "1e30"),
                form("to", "PAID", "reference", "T", "date", "2026-12-01", "amount", "1e999999"),
                form("to", "PAID", "reference", "T", "date", "+999999999-01-01", "amount", "5000000"),
                form("to", "PAID", "reference", "T", "date", "-999999999-01-01", "amount", "5000000"),
                form("to", "PAID", "reference", "T\u0000", "date", "2026-12-01", "amount", "5000000"),
                form("to", "LOST"))) {
            bad.put("_csrf", csrf);
            HttpResponse<String> r = page.postForm("/klaim/" + id + "/status", bad);
            assertThat(r.statusCode()).as(bad + " " + r.body()).isIn(200, 400);
        }
        for (Map<String, String> bad : List.of(form("child", "", "schoolYear", "2026/2027", "reference", "B", "date", "2026-12-01", "amount", "1"),
                form("child", "99999999999", "schoolYear", "2026/2027", "reference", "B", "date", "2026-12-01", "amount", "1"),
                form("child", "1", "schoolYear", "9999999999/1", "reference", "B", "date", "2026-12-01", "amount", "1"))) {
            bad.put("_csrf", csrf);
            HttpResponse<String> r = page.postForm("/klaim/" + id + "/beasiswa", bad);
            assertThat(r.statusCode()).as(bad + " " + r.body()).isBetween(200, 499);
        }
        assertThat(jdbc.sql("select status from claim_case where id = ?").param(id).query(String.class).single()).isEqualTo("APPROVED");
        // a death case's child: a stop dated before any calendar PostgreSQL keeps
        long death = (long) deathCase()[0];
        assertThat(codes(expect(dpmd.postJson("/api/v1/claims/" + death + "/children/1/stops",
                "{\"stop\":\"MARRIED\",\"on\":\"-999999999-01-01\"}"), 400))).containsExactly("OUT_OF_RANGE@on");
        assertThat(codes(expect(dpmd.postJson("/api/v1/claims", open.formatted(nik, "JKK_TEMPORARY_DISABILITY", "+999999999-12-31",
                ",\"submitIfIneligible\":true")), 400))).contains("OUT_OF_RANGE@incidentDate");
    }
}
