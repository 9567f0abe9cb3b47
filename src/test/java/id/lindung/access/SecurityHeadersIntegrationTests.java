package id.lindung.access;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 12 item 7: a content security policy without inline script, no framing, a referrer and permissions
 * policy; behind a TLS proxy (X-Forwarded-Proto: https) HSTS and a Secure session cookie; the API explorer for
 * signed-in users only.
 */
@IntegrationTest
class SecurityHeadersIntegrationTests {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;

    @Autowired org.springframework.core.env.Environment environment;

    @Test
    void onlyAProxyOnThisMachineIsBelievedAboutTheClientsAddress() {
        // Tomcat's own default believed X-Forwarded-For from any client on a private network (10/8, 172.16/12,
        // 192.168/16): such a client chose its address for sign-in throttling, the public check's limit and the audit
        java.util.regex.Pattern proxies = java.util.regex.Pattern.compile(environment.getProperty("server.tomcat.remoteip.internal-proxies"));
        assertThat(proxies.matcher("127.0.0.1").matches()).isTrue();
        assertThat(proxies.matcher("0:0:0:0:0:0:0:1").matches()).isTrue();
        for (String lan : new String[] {"10.0.0.5", "172.16.3.4", "192.168.1.20", "169.254.1.1", "127.0.0.10"}) {
            assertThat(proxies.matcher(lan).matches()).as(lan).isFalse();
        }
    }

    @Test
    void everyPageCarriesAStrictContentSecurityPolicyAndNoFraming() {
        var login = Http.anonymous(port).get("/login");
        String csp = login.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(login.headers().firstValue("Permissions-Policy").orElse("")).contains("camera=()").contains("geolocation=()");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        var api = Http.withToken(port, TestUsers.token(accounts, "headers-api", Role.MONITOR, "63")).get("/api/v1/regions/63");
        assertThat(api.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void signedInPagesHaveNoInlineScriptAndLoadHtmxFromTheWebjar() {
        TestUsers.token(accounts, "headers-page", Role.ADMIN, "ID");
        Http browser = Http.browser(port);
        browser.login("headers-page", TestUsers.PASSWORD);
        String home = browser.get("/").body();
        assertThat(home).containsPattern("src=\"/webjars/htmx.org/[^\"]*htmx.min.js\"").contains("/js/lindung.js");
        assertThat(home).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>").doesNotContainPattern("\\son[a-z]+=");
        assertThat(Http.anonymous(port).get("/js/lindung.js").statusCode()).isEqualTo(200);
    }

    @Test
    void plainHttpGetsNoHstsButARequestThroughATlsProxyGetsHstsAndASecureCookie() {
        var plain = Http.anonymous(port).get("/login");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(plain.headers().allValues("Set-Cookie")).allSatisfy(c -> assertThat(c).doesNotContainIgnoringCase("secure"));

        var proxied = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.7").GET().build());
        assertThat(proxied.headers().firstValue("Strict-Transport-Security").orElse("")).contains("max-age=");
        assertThat(proxied.headers().allValues("Set-Cookie")).isNotEmpty()
                .allSatisfy(c -> assertThat(c).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly"));
    }

    @Test
    void theApiExplorerIsForSignedInUsersOnly() {
        var anonymous = Http.anonymous(port).get("/api-docs/ui", "text/html");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/login");
        for (String path : new String[] {"/swagger-ui/index.html", "/api-docs/swagger-ui/index.html"}) {
            assertThat(Http.anonymous(port).get(path, "text/html").statusCode()).as(path).isEqualTo(302);
        }

        TestUsers.token(accounts, "headers-docs", Role.MONITOR, "63");
        Http browser = Http.browser(port);
        browser.login("headers-docs", TestUsers.PASSWORD);
        var ui = browser.get("/api-docs/ui", "text/html");
        String next = ui.headers().firstValue("Location").orElse(null);
        for (int hops = 0; next != null && hops < 3; hops++) {
            ui = browser.get(URI.create(next).getRawPath() + (URI.create(next).getRawQuery() == null ? "" : "?" + URI.create(next).getRawQuery()), "text/html");
            next = ui.headers().firstValue("Location").orElse(null);
        }
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("swagger");
        // the explorer alone may use inline styles (its bundle injects them); scripts stay 'self' only
        assertThat(ui.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self';")
                .contains("style-src 'self' 'unsafe-inline'");
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
