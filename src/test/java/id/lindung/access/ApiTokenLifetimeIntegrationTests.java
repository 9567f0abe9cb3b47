package id.lindung.access;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 12 item 6: API tokens have a name, an expiry (90 days unless told), a last-used time, and can be revoked
 * one by one or all at once, taking effect on the very next request.
 */
@IntegrationTest
class ApiTokenLifetimeIntegrationTests {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    @Test
    void aNewTokenExpiresAfterNinetyDaysByDefaultAndCarriesItsName() {
        TestUsers.token(accounts, "tok-default", Role.MONITOR, "63");
        var issued = CurrentActor.runAs(Actor.system("test"), () -> accounts.issueToken("tok-default", "laptop kantor", null));
        var listed = accounts.tokens("tok-default").stream().filter(t -> t.id() == issued.id()).findFirst().orElseThrow();
        assertThat(listed.name()).isEqualTo("laptop kantor");
        assertThat(Duration.between(Instant.now(), listed.expiresAt()).toDays()).isBetween(89L, 90L);
        assertThat(listed.lastUsedAt()).isNull();
        assertThat(Http.withToken(port, issued.token()).get("/api/v1/regions/63").statusCode()).isEqualTo(200);
        var used = accounts.tokens("tok-default").stream().filter(t -> t.id() == issued.id()).findFirst().orElseThrow();
        assertThat(used.lastUsedAt()).isNotNull();
    }

    @Test
    void anExpiredTokenIsRefused() {
        TestUsers.token(accounts, "tok-expired", Role.MONITOR, "63");
        var issued = CurrentActor.runAs(Actor.system("test"), () -> accounts.issueToken("tok-expired", "short", 1));
        Http api = Http.withToken(port, issued.token());
        assertThat(api.get("/api/v1/regions/63").statusCode()).isEqualTo(200);
        // changed behind the server's back: the server hears it from the database's notice (V134), not at once
        jdbc.sql("update api_token set expires_at = now() - interval '1 second' where id = ?").param(issued.id()).update();
        var refused = untilRefused(api);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("TOKEN_INVALID");
    }

    /**
     * Issue 16: the server keeps live tokens for a few seconds. A token revoked from another process (the command line,
     * another server, plain SQL) is refused as soon as the database's notice arrives, well before the cache's own
     * time to live; a revocation through this server is refused on the very next request (the tests above).
     */
    @Test
    void aCachedTokenRevokedElsewhereIsRefusedOnTheNoticeNotAfterTheCachesLifetime() {
        TestUsers.token(accounts, "tok-elsewhere", Role.MONITOR, "63");
        var issued = CurrentActor.runAs(Actor.system("test"), () -> accounts.issueToken("tok-elsewhere", "cli", 5));
        Http api = Http.withToken(port, issued.token());
        assertThat(api.get("/api/v1/regions/63").statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/regions/63").statusCode()).isEqualTo(200); // now served from the cache
        long t0 = System.nanoTime();
        jdbc.sql("update api_token set revoked_at = now() where id = ?").param(issued.id()).update();
        assertThat(untilRefused(api).statusCode()).isEqualTo(401);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aCachedTokenOfAUserDisabledElsewhereIsRefused() {
        String token = TestUsers.token(accounts, "tok-disabled", Role.MONITOR, "63");
        Http api = Http.withToken(port, token);
        assertThat(api.get("/api/v1/regions/63").statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/regions/63").statusCode()).isEqualTo(200);
        jdbc.sql("update app_user set enabled = false where username = 'tok-disabled'").update();
        try {
            assertThat(untilRefused(api).statusCode()).isEqualTo(401);
        } finally {
            jdbc.sql("update app_user set enabled = true where username = 'tok-disabled'").update();
        }
    }

    /** Asks until refused, for at most 3 s (the cache lives 5 s): a change made outside the server arrives as a notice. */
    private static java.net.http.HttpResponse<String> untilRefused(Http api) {
        long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        var answer = api.get("/api/v1/regions/63");
        while (answer.statusCode() != 401 && System.nanoTime() < end) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            answer = api.get("/api/v1/regions/63");
        }
        return answer;
    }

    @Test
    void revokingOneTokenStopsItAtOnceAndLeavesTheOthers() {
        String first = TestUsers.token(accounts, "tok-revoke-one", Role.MONITOR, "63");
        var second = CurrentActor.runAs(Actor.system("test"), () -> accounts.issueToken("tok-revoke-one", "second", 30));
        assertThat(Http.withToken(port, second.token()).get("/api/v1/regions/63").statusCode()).isEqualTo(200);
        int revoked = CurrentActor.runAs(Actor.system("test"), () -> accounts.revokeToken("tok-revoke-one", second.id()));
        assertThat(revoked).isOne();
        assertThat(Http.withToken(port, second.token()).get("/api/v1/regions/63").statusCode()).isEqualTo(401);
        assertThat(Http.withToken(port, first).get("/api/v1/regions/63").statusCode()).isEqualTo(200);
        assertThat(accounts.tokens("tok-revoke-one")).filteredOn(t -> t.id() == second.id())
                .singleElement().satisfies(t -> assertThat(t.revokedAt()).isNotNull());
    }

    @Test
    void revokingAllStopsEveryTokenOfThatUserOnly() {
        String a = TestUsers.token(accounts, "tok-revoke-all", Role.MONITOR, "63");
        String b = TestUsers.token(accounts, "tok-revoke-all", Role.MONITOR, "63");
        String other = TestUsers.token(accounts, "tok-bystander", Role.MONITOR, "63");
        int revoked = CurrentActor.runAs(Actor.system("test"), () -> accounts.revokeAllTokens("tok-revoke-all"));
        assertThat(revoked).isEqualTo(2);
        assertThat(Http.withToken(port, a).get("/api/v1/regions/63").statusCode()).isEqualTo(401);
        assertThat(Http.withToken(port, b).get("/api/v1/regions/63").statusCode()).isEqualTo(401);
        assertThat(Http.withToken(port, other).get("/api/v1/regions/63").statusCode()).isEqualTo(200);
    }

    @Test
    void anotherUsersTokenCannotBeRevokedThroughYourName() {
        TestUsers.token(accounts, "tok-owner", Role.MONITOR, "63");
        TestUsers.token(accounts, "tok-stranger", Role.MONITOR, "63");
        var owned = CurrentActor.runAs(Actor.system("test"), () -> accounts.issueToken("tok-owner", "mine", 10));
        int revoked = CurrentActor.runAs(Actor.system("test"), () -> accounts.revokeToken("tok-stranger", owned.id()));
        assertThat(revoked).isZero();
        assertThat(Http.withToken(port, owned.token()).get("/api/v1/regions/63").statusCode()).isEqualTo(200);
    }

    @Test
    void anAdministratorListsAndRevokesTokensOnTheAdminPage() {
        TestUsers.token(accounts, "tok-admin", Role.ADMIN, "ID");
        var target = CurrentActor.runAs(Actor.system("test"), () -> {
            if (!accounts.exists("tok-page-user")) {
                accounts.create("tok-page-user", TestUsers.PASSWORD, Role.DPMD, "64.02", null, false);
            }
            return accounts.issueToken("tok-page-user", "skrip harian", 30);
        });
        Http browser = Http.browser(port);
        browser.login("tok-admin", TestUsers.PASSWORD);
        var page = browser.get("/admin/tokens?username=tok-page-user");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("skrip harian");
        // times the Indonesian way, in the business zone with its name (issue 11 item 7), not "2026-12-01 14:05"
        assertThat(page.body()).contains(" WIB<").doesNotContainPattern(">[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}<");
        var revoke = browser.postForm("/admin/tokens/revoke", Map.of("username", "tok-page-user",
                "token", Long.toString(target.id()), "_csrf", Http.csrfOf(page.body())));
        assertThat(revoke.statusCode()).isEqualTo(302);
        assertThat(Http.withToken(port, target.token()).get("/api/v1/regions/64").statusCode()).isEqualTo(401);
    }

    @Test
    void onlyAnAdministratorMayOpenTheTokenPage() {
        TestUsers.token(accounts, "tok-not-admin", Role.DPMD, "64.02");
        Http browser = Http.browser(port);
        browser.login("tok-not-admin", TestUsers.PASSWORD);
        assertThat(browser.get("/admin/tokens?username=tok-not-admin").statusCode()).isEqualTo(403);
    }
}
