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
                    .contains("\"code\":\"UPLOAD_TOO_LARGE\"").contains("lindung.uploads.");
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
}
