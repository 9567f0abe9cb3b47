package id.lindung.access;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 12 item 5: the sign-in lockout locks only the password sign-in (API tokens keep working), answers the
 * same for accounts that exist and accounts that do not, and slows down one source address guessing many names.
 */
@IntegrationTest
class LoginLockoutIntegrationTests {

    private static final Pattern ERROR_BOX = Pattern.compile("<div class=\"error\">([^<]*)</div>");

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;

    @Test
    void aLockedPasswordSignInLeavesTheApiTokenWorking() {
        String token = TestUsers.token(accounts, "lock-keeps-token", Role.MONITOR, "63");
        for (int i = 0; i < UserAccounts.MAX_FAILED_LOGINS; i++) {
            new Browser("10.9.0.1").login("lock-keeps-token", "guess-" + i);
        }
        assertThat(accounts.findByUsername("lock-keeps-token").orElseThrow().isAccountNonLocked()).isFalse();
        assertThat(Http.withToken(port, token).get("/api/v1/regions/63").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownAccountIsAnsweredExactlyLikeALockedOne() {
        TestUsers.token(accounts, "lock-real", Role.MONITOR, "63");
        for (int i = 0; i < UserAccounts.MAX_FAILED_LOGINS; i++) {
            new Browser("10.9.1.1").login("lock-real", "guess-" + i);
            new Browser("10.9.1.2").login("lock-nobody", "guess-" + i);
        }
        Browser real = new Browser("10.9.1.1");
        Browser nobody = new Browser("10.9.1.2");
        var realPost = real.login("lock-real", "guess-again");
        var nobodyPost = nobody.login("lock-nobody", "guess-again");
        assertThat(realPost.statusCode()).isEqualTo(nobodyPost.statusCode());
        assertThat(realPost.headers().firstValue("Location")).isEqualTo(nobodyPost.headers().firstValue("Location"));
        String realMessage = errorOf(real.get("/login?error").body());
        String nobodyMessage = errorOf(nobody.get("/login?error").body());
        assertThat(realMessage).isNotBlank().isEqualTo(nobodyMessage);
        // and before any lock, one wrong password reads the same for both too
        TestUsers.token(accounts, "lock-fresh", Role.MONITOR, "63");
        Browser fresh = new Browser("10.9.1.3");
        Browser ghost = new Browser("10.9.1.4");
        fresh.login("lock-fresh", "wrong");
        ghost.login("lock-ghost", "wrong");
        assertThat(errorOf(fresh.get("/login?error").body())).isEqualTo(errorOf(ghost.get("/login?error").body()));
    }

    @Test
    void oneAddressGuessingManyNamesIsSlowedDownWithoutLockingTheAccountsOrOtherAddresses() {
        TestUsers.token(accounts, "lock-victim", Role.MONITOR, "63");
        for (int i = 0; i < LoginThrottle.DEFAULT_MAX_FAILURES_PER_ADDRESS; i++) {
            new Browser("10.9.2.1").login("spray-" + i, "password-" + i);
        }
        Browser attacker = new Browser("10.9.2.1");
        var refused = attacker.login("lock-victim", TestUsers.PASSWORD);
        assertThat(refused.headers().firstValue("Location").orElse("")).contains("/login?error");
        // the victim signs in from elsewhere: the address was slowed down, not the account
        var elsewhere = new Browser("10.9.2.2").login("lock-victim", TestUsers.PASSWORD);
        assertThat(elsewhere.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(accounts.findByUsername("lock-victim").orElseThrow().isAccountNonLocked()).isTrue();
    }

    private static String errorOf(String html) {
        Matcher m = ERROR_BOX.matcher(html);
        return m.find() ? m.group(1) : "";
    }

    /** A browser behind the local proxy that says which address it came from (X-Forwarded-For). */
    /** After a wrong password the form keeps the name typed, once, and the password is typed again. */
    @Test
    void aRefusedSignInKeepsTheNameTypedForTheNextTry() {
        TestUsers.token(accounts, "lock-kept-name", Role.MONITOR, "63");
        Browser browser = new Browser("10.9.0.7");
        var refused = browser.login("lock-kept-name", "not-the-password");
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("/login?error");
        String again = browser.get("/login?error").body();
        assertThat(again).contains("value=\"lock-kept-name\"");
        assertThat(again).doesNotContain("not-the-password");
        assertThat(browser.get("/login").body()).as("kept for the next page only").doesNotContain("value=\"lock-kept-name\"");
        // the page names its icon, which anyone may fetch (browsers asked for /favicon.ico and got a 404)
        assertThat(again).contains("rel=\"icon\" type=\"image/svg+xml\" href=\"/img/favicon.svg\"");
        var icon = browser.get("/img/favicon.svg");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        // a name with a control character is not echoed
        browser.login("evil\u0007name", "x");
        assertThat(browser.get("/login?error").body()).doesNotContain("evil");
    }

    private final class Browser {
        private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager()).build();
        private final String address;

        Browser(String address) {
            this.address = address;
        }

        HttpResponse<String> get(String path) {
            return send(request(path).GET());
        }

        HttpResponse<String> login(String username, String password) {
            String csrf = Http.csrfOf(get("/login").body());
            String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf);
            return send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Forwarded-For", address);
        }

        private HttpResponse<String> send(HttpRequest.Builder b) {
            try {
                return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
