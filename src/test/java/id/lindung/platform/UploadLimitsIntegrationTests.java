package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 12 item 9: every upload endpoint has a size limit, checked from the declared length before the body is
 * read (413, UPLOAD_TOO_LARGE, RFC 9457), and a long import answer lists a capped number of rows with the counts.
 */
@IntegrationTest
class UploadLimitsIntegrationTests {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/imports", "/api/v1/payments/imports", "/api/v1/workforce/imports"})
    void anUploadDeclaredLargerThanItsEndpointsLimitIsRefusedBeforeItsBodyIsRead(String path) throws Exception {
        String token = TestUsers.token(accounts, "upload-limit-admin", Role.ADMIN, "ID");
        // a 50 MB upload is announced but never sent: the answer must come from the declared length alone
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: 52428800\r\n\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readAnswer(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json")
                    .contains("\"code\":\"UPLOAD_TOO_LARGE\"").contains("lindung.uploads.")
                    .contains("\"instance\":\"" + path + "\"").doesNotContain("\"type\"");
        }
    }

    /**
     * The refusal, written before any controller runs, is in the request's language and names the command line only
     * for the imports it takes: a claim's document over its limit was told in English to "send larger files with the
     * command line", which has no command for documents (audit13).
     */
    @Test
    void anOversizedUploadIsRefusedInTheClientsLanguageAndOnlyAnImportIsSentToTheCommandLine() throws Exception {
        String token = TestUsers.token(accounts, "upload-limit-admin", Role.ADMIN, "ID");
        String document = declaredOnly("/api/v1/claims/1/documents", token, "id");
        assertThat(document).startsWith("HTTP/1.1 413").contains("\"code\":\"DOCUMENT_TOO_LARGE\"")
                .contains("Berkas yang diunggah lebih dari 10 MB, batas untuk alamat ini (pengaturan lindung.claims.document-max-size).")
                .doesNotContain("baris perintah").doesNotContain("command line");
        assertThat(declaredOnly("/api/v1/imports", token, "id")).contains("kirim berkas yang lebih besar lewat baris perintah");
        assertThat(declaredOnly("/api/v1/imports", token, "en")).contains("The upload is larger than 20 MB, the limit for this "
                + "endpoint (setting lindung.uploads.worker-import-max-size); send larger files with the command line");
    }

    /** The answer to a 50 MB upload announced with its length and never sent. */
    private String declaredOnly(String path, String token, String language) throws Exception {
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token + "\r\nAccept-Language: "
                + language + "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: 52428800\r\n\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return readAnswer(socket.getInputStream());
        }
    }

    @Test
    void anAnonymousOversizedUploadIsRefusedToo() throws Exception {
        String head = "POST /api/v1/imports HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\nContent-Length: 900000000\r\n\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            assertThat(readAnswer(socket.getInputStream())).startsWith("HTTP/1.1 413");
        }
    }

    /**
     * A body sent without a length (chunked) is refused with the same 413 once it passes the limit: a JSON body whose
     * parser was reading a field when the limit tripped (it answered "note has the wrong type"), and a multipart body,
     * which the servlet container parses itself (it was read whole and answered FILE_TOO_LARGE); nothing is stored.
     */
    @Test
    void aChunkedBodyPastItsEndpointsLimitIsRefusedAsTooLargeWhateverItCarries() throws Exception {
        String token = TestUsers.token(accounts, "upload-limit-dpmd", Role.DPMD, "64.02");
        int past = 11 * 1024 * 1024 + 4096;
        byte[] json = ("{\"kind\":\"PERBUP\",\"regionCode\":\"64.02\",\"number\":\"CHUNK/1\",\"title\":\"Chunked\","
                + "\"signedOn\":\"2026-01-05\",\"inForceFrom\":\"2026-01-05\",\"note\":\"" + "a".repeat(past) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] pdf = new byte[past];
        byte[] head = ("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"besar.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\r\n--x--\r\n".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream multipart = new ByteArrayOutputStream();
        multipart.write(head);
        multipart.write(pdf);
        multipart.write(tail);
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        for (Object[] body : new Object[][] {{"application/json", json}, {"multipart/form-data; boundary=x", multipart.toByteArray()}}) {
            byte[] bytes = (byte[]) body[1];
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/local-regulations"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", (String) body[0])
                    // a stream of unknown length: HTTP/1.1 sends it chunked
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
                    .build();
            var answer = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(body[0] + ": " + answer.body()).isEqualTo(413);
            assertThat(answer.body()).contains("\"code\":\"UPLOAD_TOO_LARGE\"");
        }
        assertThat(Http.withToken(port, token).get("/api/v1/local-regulations?region=64.02").body()).doesNotContain("CHUNK/1");

        // the same multipart body to the register's page (a signed-in browser with its token): the 413 page, not a 500
        Http browser = Http.browser(port);
        TestUsers.token(accounts, "upload-limit-page", Role.DPMD, "64.02");
        browser.login("upload-limit-page", TestUsers.PASSWORD);
        String csrf = Http.csrfOf(browser.get("/cakupan/regulasi/baru").body());
        var page = browser.postStream("/cakupan/regulasi?_csrf=" + csrf, "multipart/form-data; boundary=x", multipart.toByteArray());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(413);
    }

    @Test
    void aPaymentDryRunWithManyBadRowsListsAThousandAndCountsThemAll() {
        Http api = Http.withToken(port, TestUsers.token(accounts, "upload-dry-run", Role.ADMIN, "ID"));
        StringBuilder csv = new StringBuilder("payer,reference,date,amount\n");
        for (int i = 0; i < 1500; i++) {
            csv.append("APBDES:99.99.99.9999,DRY-").append(i).append(",2025-02-20,100\n");
        }
        var answer = api.post("/api/v1/payments/imports?dryRun=true", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"rejectedTotal\":1500").contains("\"rejectedTruncated\":true").contains("\"accepted\":0");
        assertThat(answer.body().split("\"line\":", -1).length - 1).isEqualTo(1000);
        var fewer = api.post("/api/v1/payments/imports?dryRun=true&rejectedLimit=10", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(fewer.body().split("\"line\":", -1).length - 1).isEqualTo(10);
    }

    private static String readAnswer(InputStream in) throws Exception {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while ((n = in.read(buffer)) > 0) {
                got.write(buffer, 0, n);
                String text = got.toString(StandardCharsets.UTF_8);
                if (text.contains("\r\n\r\n") && text.contains("}")) {
                    break;
                }
            }
        } catch (java.net.SocketTimeoutException e) {
            // whatever arrived is the answer
        }
        return got.toString(StandardCharsets.UTF_8);
    }

    /**
     * Every endpoint that takes a file, API and page form, refuses MONITOR and AUDITOR with 403 whatever they send: a CSV,
     * JSON, plain text or a proper multipart body. Authorisation comes before the body's type is looked at: the claim
     * document and named-list uploads answered a read-only role's plain-text body with 415.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"MONITOR", "AUDITOR"})
    void readOnlyRolesAreRefusedEveryUploadWhateverTheTypeOfWhatTheySend(Role role) {
        Http api = Http.withToken(port, TestUsers.token(accounts, "upload-ro-" + role.name().toLowerCase(), role, "ID"));
        byte[] multipart = ("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nnik\r\n--x--\r\n").getBytes(StandardCharsets.US_ASCII);
        java.util.Map<String, String> refused = new java.util.TreeMap<>();
        for (String path : new String[] {"/api/v1/imports", "/api/v1/workforce/imports", "/api/v1/payments/imports",
                "/api/v1/local-regulations", "/api/v1/claims/1/documents", "/api/v1/budget-plans/1/named-list",
                "/impor/pekerja", "/wilayah/tenaga-kerja/impor", "/pembayaran/impor", "/cakupan/regulasi",
                "/klaim/1/dokumen", "/anggaran/1/daftar-nama"}) {
            for (String type : new String[] {"text/plain", "text/csv", "application/json", "multipart/form-data; boundary=x"}) {
                var answer = api.post(path, type, type.startsWith("multipart") ? multipart : "{}".getBytes(StandardCharsets.UTF_8));
                // the page forms' refusal is the 403 error answer, the API's a problem with its code
                if (answer.statusCode() != 403 || (path.startsWith("/api/") && !answer.body().contains("\"code\":\"FORBIDDEN\""))) {
                    refused.put(path + " " + type, answer.statusCode() + " " + answer.body());
                }
            }
        }
        assertThat(refused).isEmpty();
    }

    /**
     * An upload form's address posted as an ordinary form (a script, a form without its enctype) was the 500 page: Spring
     * gives a MultipartException no status. It is the 400 page naming the file and MULTIPART_REQUIRED; the API's answer
     * is unchanged.
     */
    @Test
    void anUploadFormPostedWithoutItsFileAsMultipartIsA400PageNamingTheFileNotA500() {
        TestUsers.token(accounts, "upload-not-multipart", Role.DPMD, "64.02");
        Http browser = Http.browser(port);
        browser.login("upload-not-multipart", TestUsers.PASSWORD);
        String csrf = Http.csrfOf(browser.get("/pembayaran").body());
        for (String path : new String[] {"/impor/pekerja", "/pembayaran/impor", "/wilayah/tenaga-kerja/impor"}) {
            var page = browser.postForm(path + "?lang=id", java.util.Map.of("stage", "check", "_csrf", csrf), "text/html");
            assertThat(page.statusCode()).as(path).isEqualTo(400);
            assertThat(page.body()).as(path).contains("Permintaan tidak dapat diproses", "MULTIPART_REQUIRED",
                    "Kirim berkas lewat formulir unggah");
        }
        var api = Http.withToken(port, TestUsers.token(accounts, "upload-not-multipart", Role.DPMD, "64.02"))
                .post("/api/v1/imports", "application/x-www-form-urlencoded", "a=b".getBytes(StandardCharsets.UTF_8));
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("\"code\":\"MULTIPART_REQUIRED\"");
    }
}
