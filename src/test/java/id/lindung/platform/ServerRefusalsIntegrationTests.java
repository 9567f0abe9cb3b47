package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An address the web server refuses before Lindung sees it (an encoded slash or backslash, %00, broken
 * percent-encoding, raw bytes a request line may not hold, a line or header too long) is answered in Lindung's shapes:
 * a problem document with code REQUEST_REJECTED under /api/, a page in both languages elsewhere, and never the
 * server's own error page or name. Sent over a socket, since HTTP clients encode or refuse such addresses themselves.
 */
@IntegrationTest
class ServerRefusalsIntegrationTests {

    @LocalServerPort int port;

    static Stream<Arguments> refusedRequests() {
        String longHeader = "X-Long: " + "a".repeat(20_000) + "\r\n";
        return Stream.of(
                Arguments.of("encoded slash", "/12%2F34", ""),
                Arguments.of("encoded slash, lower case", "/12%2f34", ""),
                Arguments.of("encoded backslash", "/12%5C34", ""),
                Arguments.of("encoded NUL", "/12%0034", ""),
                Arguments.of("broken percent-encoding", "/x%ZZ", ""),
                Arguments.of("truncated percent-encoding", "/x%2", ""),
                Arguments.of("raw UTF-8 bytes", "/\u00c3\u00a9", ""),
                Arguments.of("raw byte 0xFF", "/\u00ff", ""),
                Arguments.of("raw brace", "/a{b}", ""),
                Arguments.of("raw bar in the query", "?x=a|b", ""),
                Arguments.of("address too long", "/" + "a".repeat(20_000), ""),
                Arguments.of("header too long", "/1", longHeader));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRequests")
    void aRequestTheServerRefusesIsAProblemUnderTheApiAndAPageInBothLanguagesElsewhere(String name, String rest, String header)
            throws Exception {
        String api = send("/api/v1/workers" + rest, header);
        assertThat(api).startsWith("HTTP/1.1 400").doesNotContainIgnoringCase("tomcat").doesNotContain("HTTP Status 400");
        assertThat(headers(api)).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(body(api)).contains("\"status\":400").contains("\"code\":\"REQUEST_REJECTED\"")
                // the members of every other problem (review of 6 December 2026): no "type", a title
                .contains("\"title\":\"Bad Request\"").doesNotContain("\"type\"");

        String page = send("/pekerja" + rest, header);
        assertThat(page).startsWith("HTTP/1.1 400").doesNotContainIgnoringCase("tomcat").doesNotContain("HTTP Status 400");
        assertThat(headers(page)).containsIgnoringCase("Content-Type: text/html");
        assertThat(body(page)).contains("Permintaan tidak valid").contains("Bad request");
    }

    /** The error page asked for directly has no error to show: it is an address that names nothing, not a 500. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/error", "/error?x=1", "/%65rror", "/%65%72%72%6f%72"})
    void theErrorAddressAskedForDirectlyIsNotFoundNotAServerError(String target) throws Exception {
        String json = send(target, "Accept-Language: id\r\n");
        assertThat(json).startsWith("HTTP/1.1 404").doesNotContain("999").doesNotContainIgnoringCase("tomcat");
        assertThat(body(json)).contains("\"code\":\"NOT_FOUND\"", "Tidak ditemukan");
        assertThat(body(send(target, "Accept-Language: en\r\n"))).contains("\"code\":\"NOT_FOUND\"", "Not found");
        String page = send(target, "Accept: text/html\r\n");
        assertThat(page).startsWith("HTTP/1.1 404").doesNotContain("999").doesNotContainIgnoringCase("tomcat");
    }

    /** Sends one GET with the target as bytes (each char one byte, ISO-8859-1) and reads the whole answer. */
    private String send(String target, String header) throws Exception {
        String request = "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\n" + header + "Connection: close\r\n\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            in.transferTo(got);
            return got.toString(StandardCharsets.UTF_8);
        }
    }

    private static String headers(String answer) {
        return answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n")));
    }

    private static String body(String answer) {
        return answer.substring(answer.indexOf("\r\n\r\n") + 4);
    }
}
