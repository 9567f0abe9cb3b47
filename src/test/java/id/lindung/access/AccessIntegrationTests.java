package id.lindung.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class AccessIntegrationTests {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    @ParameterizedTest(name = "{0} scoped to {1}: own {2} is 200, other {3} is 404")
    @CsvSource({
            "VILLAGE_OPERATOR, 64.02.03.2007, 64.02.03.2007, 64.02.03.2008",
            "DPMD,             64.02,         64.02.03.2008, 64.03.01",
            "MONITOR,          63,            63.01.01,      62.02",
            "BPJS_OFFICER,     64.02,         64.02.03,      73.02",
            "AUDITOR,          73.02,         73.02.01,      64.02.03.2007",
            "ADMIN,            ID,            64.02.03.2007, 99.99.99.9999"})
    void eachRoleSeesOnlyItsScopeThroughTheApi(Role role, String scope, String inside, String outside) {
        String token = TestUsers.token(accounts, ("scope-" + role + "-" + scope).toLowerCase().replace('_', '-'), role, scope);
        Http api = Http.withToken(port, token);
        assertThat(api.get("/api/v1/regions/" + inside).statusCode()).isEqualTo(200);
        var other = api.get("/api/v1/regions/" + outside);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("\"name\"");
        assertThat(api.get("/api/v1/regions/" + outside + "/children").statusCode()).isEqualTo(404);
    }

    /**
     * attack8: a page form refused by the module's own check (a read-only role marking a plan final, with a valid CSRF
     * token) answered 403 but left no ACCESS_DENIED entry: the servlet wraps the controller's AccessDeniedException, so
     * the refusal went past the audit filter, while the same refusal by address or through the API was recorded.
     */
    @Test
    void aPageFormRefusedByTheModulesOwnCheckIsInTheAuditTrail() {
        Http monitor = TestUsers.browser(port, accounts, "denied-page-monitor", Role.MONITOR, "64");
        String csrf = Http.csrfOf(monitor.get("/anggaran").body());
        var refused = monitor.postForm("/anggaran/987654321/final", java.util.Map.of("_csrf", csrf));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select entity_id from audit_event where username = ? and action = 'ACCESS_DENIED'")
                .param("denied-page-monitor").query(String.class).list()).containsExactly("POST /anggaran/{id}/final");
    }

    /** attack8: a page address opened signed out without Accept: text/html (a download link) was sent to /login?lang=null. */
    @Test
    void aSignedOutDownloadWithoutALanguageIsSentToThePlainSignInPage() {
        var r = Http.anonymous(port).get("/klaim/1/berkas.pdf", "*/*");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(Http.anonymous(port).get("/klaim/1/berkas.pdf?lang=en", "text/html").headers().firstValue("Location")
                .orElseThrow()).endsWith("/login?lang=en");
    }

    @Test
    void aVillageOperatorSearchingFindsNothingOutsideTheirVillage() {
        String token = TestUsers.token(accounts, "search-operator", Role.VILLAGE_OPERATOR, "64.02.03.2007");
        String body = Http.withToken(port, token).get("/api/v1/regions?q=loa").body();
        assertThat(body).contains("64.02.03.2007").doesNotContain("64.02.03.2008").doesNotContain("64.02.02");
    }

    @Test
    void theApiWithoutCredentialsOrWithAWrongTokenIs401() {
        assertThat(Http.anonymous(port).get("/api/v1/regions/64").statusCode()).isEqualTo(401);
        assertThat(Http.withToken(port, "ldg_not-a-token").get("/api/v1/regions/64").statusCode()).isEqualTo(401);
    }

    /**
     * Requests with a token have their own stateless chain (SecurityConfiguration.apiTokenFilterChain): they need no
     * CSRF token, open no session, and still get the security headers and the role rules.
     */
    @Test
    void aTokenRequestNeedsNoCsrfTokenAndOpensNoSession() {
        String body = "{\"segment\":\"BPU\",\"month\":\"2026-01\",\"wage\":1000000,\"programs\":[\"JKK\",\"JKM\"]}";
        var quote = Http.withToken(port, TestUsers.token(accounts, "stateless-api", Role.MONITOR, "63"))
                .postJson("/api/v1/quotes/contribution", body);
        assertThat(quote.statusCode()).isEqualTo(200);
        assertThat(quote.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(quote.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        var upload = Http.withToken(port, TestUsers.token(accounts, "stateless-reader", Role.AUDITOR, "ID"))
                .post("/api/v1/imports", "text/csv", "nik\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(upload.statusCode()).isEqualTo(403);
        assertThat(upload.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    /** A browser's own calls to the API (session cookie, no token) stay in the main chain: a POST needs the CSRF token. */
    @Test
    void aSignedInBrowserPostingToTheApiWithoutTheCsrfTokenIsRefused() {
        Http browser = TestUsers.browser(port, accounts, "csrf-api-user", Role.ADMIN, "ID");
        var refused = browser.postJson("/api/v1/quotes/contribution",
                "{\"segment\":\"BPU\",\"month\":\"2026-01\",\"wage\":1000000,\"programs\":[\"JKK\"]}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(browser.get("/api/v1/regions/64").statusCode()).isEqualTo(200);
    }

    @Test
    void onlyAHashOfTheTokenIsStored() {
        String token = TestUsers.token(accounts, "hash-check", Role.MONITOR, "ID");
        long plain = jdbc.sql("select count(*) from api_token where token_hash = ?").param(token).query(Long.class).single();
        long hashed = jdbc.sql("select count(*) from api_token where token_hash = ?").param(UserAccounts.sha256(token))
                .query(Long.class).single();
        assertThat(plain).isZero();
        assertThat(hashed).isOne();
    }

    @Test
    void signingInThroughTheFormOpensTheBrowser() {
        TestUsers.token(accounts, "form-user", Role.DPMD, "64.02");
        Http browser = Http.browser(port);
        var login = browser.login("form-user", TestUsers.PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        var page = browser.get("/wilayah/64.02");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Kabupaten Kutai Kartanegara").contains("Loa Janan");
    }

    @Test
    void aWrongPasswordDoesNotSignIn() {
        TestUsers.token(accounts, "wrong-pass", Role.DPMD, "64.02");
        var login = Http.browser(port).login("wrong-pass", "not-the-password");
        assertThat(login.headers().firstValue("Location").orElse("")).contains("/login?error");
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() {
        Http browser = TestUsers.browser(port, accounts, "csrf-user", Role.ADMIN, "ID");
        var refused = browser.postForm("/logout", Map.of());
        assertThat(refused.statusCode()).isEqualTo(403);
        var loginWithoutToken = Http.browser(port).postForm("/login", Map.of("username", "csrf-user", "password", TestUsers.PASSWORD));
        assertThat(loginWithoutToken.statusCode()).isEqualTo(403);
    }

    @Test
    void fiveFailedSignInsLockTheAccountEvenForTheRightPassword() {
        TestUsers.token(accounts, "throttled", Role.MONITOR, "63");
        for (int i = 0; i < UserAccounts.MAX_FAILED_LOGINS; i++) {
            Http.browser(port).login("throttled", "guess-" + i);
        }
        var login = Http.browser(port).login("throttled", TestUsers.PASSWORD);
        assertThat(login.headers().firstValue("Location").orElse("")).contains("/login?error");
        assertThat(accounts.findByUsername("throttled").orElseThrow().isAccountNonLocked()).isFalse();
    }

    @Test
    void passwordsAreHashedWithBcrypt() {
        TestUsers.token(accounts, "bcrypt-user", Role.MONITOR, "63");
        String hash = accounts.findByUsername("bcrypt-user").orElseThrow().passwordHash();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(TestUsers.PASSWORD);
    }

    @Test
    void aUserScopeMustBeAKnownRegionAndAnOperatorsScopeOneVillage() {
        assertThatThrownBy(() -> CurrentActor.runAs(Actor.system("test"),
                () -> accounts.create("bad-scope", "long-enough", Role.DPMD, "99.99", null, false)))
                .hasMessageContaining("Unknown region code 99.99");
        assertThatThrownBy(() -> CurrentActor.runAs(Actor.system("test"),
                () -> accounts.create("bad-operator", "long-enough", Role.VILLAGE_OPERATOR, "64.02", null, false)))
                .hasMessageContaining("one village");
    }

    /**
     * A link that asks for a language, opened signed out (a page shared in English), signs in in that language: the
     * redirect to the sign-in page dropped {@code ?lang=en} and the page read Indonesian (ui4 sweep of 7 December 2026).
     * After signing in the browser returns to the address as asked, with its {@code ?lang=}.
     */
    @Test
    void aSignedOutLinkThatAsksForALanguageSignsInInThatLanguage() {
        Http anonymous = Http.anonymous(port);
        String[][] links = {{"/tagihan?lang=en", "/login?lang=en"}, {"/tagihan?month=2026-01&lang=EN-gb", "/login?lang=en"},
                {"/cakupan?lang=id", "/login?lang=id"}, {"/tagihan", "/login"}, {"/tagihan?lang=fr", "/login"}};
        for (String[] link : links) {
            var refused = anonymous.get(link[0], "text/html");
            assertThat(refused.statusCode()).as(link[0]).isEqualTo(302);
            assertThat(refused.headers().firstValue("Location").orElse("")).as(link[0]).endsWith(link[1]);
        }
        assertThat(anonymous.get("/login?lang=en", "text/html").body()).contains("lang=\"en\"");
        // the API keeps its problem, whatever the address asks
        assertThat(anonymous.get("/api/v1/bills?lang=en", "text/html").statusCode()).isEqualTo(401);
    }
}
