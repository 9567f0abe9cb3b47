package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a request says about its own encoding and language can never make the server fail: a parameter that is not
 * valid percent-encoded UTF-8 is a 400 (a problem document under /api/), and a language other than Indonesian or
 * English, in {@code ?lang=} or in the remembered cookie, is ignored. Each was a 500 with a logged stack trace, the
 * public protection check and the sign-in page included, before anyone signed in.
 */
@IntegrationTest
class RequestEncodingIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;

    @Test
    void aParameterThatIsNotUtf8IsABadRequestNeverAServerError() {
        Http anonymous = Http.anonymous(port);
        var publicCheck = anonymous.postJson("/api/v1/public/protection?x=%FF", "{\"nik\":\"1\",\"birthDate\":\"2000-01-01\"}");
        assertThat(publicCheck.statusCode()).isEqualTo(400);
        assertThat(publicCheck.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(publicCheck.body()).get("code").asString()).isEqualTo("PARAMETER_ENCODING_INVALID");

        Http dpmd = Http.withToken(port, TestUsers.token(accounts, "encoding-dpmd", Role.DPMD, "64.02"));
        for (String path : new String[] {"/api/v1/coverage?region=64.02&date=%FF", "/api/v1/coverage?region=%F0%9F",
                "/api/v1/workers?q=%FF", "/api/v1/regions?q=%C3"}) {
            var answer = dpmd.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(400);
            assertThat(JSON.readTree(answer.body()).get("code").asString()).as(path).isEqualTo("PARAMETER_ENCODING_INVALID");
            // the members of every other problem (review of 6 December 2026): the path as instance, no "type"
            assertThat(JSON.readTree(answer.body()).get("instance").asString()).as(path).isEqualTo(path.substring(0, path.indexOf('?')));
            assertThat(answer.body()).doesNotContain("\"type\"");
        }
        // a form's body, too
        var form = anonymous.post("/login", "application/x-www-form-urlencoded", "username=%FF&password=x".getBytes(StandardCharsets.US_ASCII));
        assertThat(form.statusCode()).isEqualTo(400);

        var page = Http.browser(port).get("/cakupan?date=%FF", "text/html");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Permintaan tidak valid").contains("Bad request");
    }

    @Test
    void aParameterNameOfThousandsOfCharactersIsEchoedShortenedWhenItsValueIsRefused() throws Exception {
        Http dpmd = Http.withToken(port, TestUsers.token(accounts, "encoding-long-name", Role.DPMD, "64.02"));
        var answer = dpmd.get("/api/v1/workers?" + "k".repeat(3000) + "=%01");
        assertThat(answer.statusCode()).isEqualTo(400);
        var problem = JSON.readTree(answer.body());
        assertThat(problem.get("code").asString()).isEqualTo("INVALID_CHARACTER");
        assertThat(problem.get("errors").get(0).get("field").asString()).hasSizeLessThanOrEqualTo(41).startsWith("kkk");
        assertThat(answer.body().length()).isLessThan(2_000);
    }

    @Test
    void aLanguageOtherThanIndonesianOrEnglishIsIgnored() throws Exception {
        Http browser = Http.browser(port);
        for (String lang : new String[] {"%3Cscript%3E", "xx", "de-DE", "english"}) {
            var login = browser.get("/login?lang=" + lang, "text/html");
            assertThat(login.statusCode()).as(lang).isEqualTo(200);
            assertThat(login.body()).as(lang).contains("<html lang=\"id\"");
        }
        // a control character is refused as in every parameter (RequestParameterGuard), with a page, not a 500
        assertThat(browser.get("/login?lang=%00", "text/html").statusCode()).isEqualTo(400);
        assertThat(browser.get("/login?lang=en", "text/html").body()).contains("<html lang=\"en\"");
        // the language stays English after a value it cannot use
        assertThat(browser.get("/login?lang=%3Cx%3E", "text/html").body()).contains("<html lang=\"en\"");

        Http dpmd = Http.withToken(port, TestUsers.token(accounts, "encoding-lang", Role.DPMD, "64.02"));
        assertThat(dpmd.get("/api/v1/coverage?region=64.02&lang=%3Cx%3E").statusCode()).isEqualTo(200);

        // a remembered language the server never wrote
        HttpClient client = HttpClient.newHttpClient();
        for (String cookie : new String[] {"lindung-lang=xx", "lindung-lang=a-b-c-d-e-!!", "lindung-lang=%3Cscript%3E"}) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                    .header("Cookie", cookie).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(cookie).isEqualTo(200);
            assertThat(answer.body()).as(cookie).contains("<html lang=\"id\"");
        }
    }
}
