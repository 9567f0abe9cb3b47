package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Page links are written as the templates give them, not offered one by one to the static resource handlers (a
 * classpath lookup per link: most of a 50-row page's CPU), and the version-less webjar scripts still load.
 */
@IntegrationTest
class PageLinksIntegrationTests {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired java.util.List<FilterRegistrationBean<?>> registrations;

    @Test
    void pageLinksAreNotResolvedAgainstTheStaticResources() {
        assertThat(registrations).filteredOn(r -> r.getFilter() instanceof ResourceUrlEncodingFilter)
                .isNotEmpty().allMatch(r -> !r.isEnabled());
        Http browser = TestUsers.browser(port, accounts, "page-links-admin", Role.ADMIN, "ID");
        String page = browser.get("/pekerja").body();
        assertThat(page).contains("/webjars/htmx.org/dist/htmx.min.js").contains("/css/lindung.css");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/webjars/htmx.org/dist/htmx.min.js", "/webjars/chart.js/dist/chart.umd.js", "/css/lindung.css",
            "/js/lindung.js"})
    void theScriptsAndStylesThePagesLinkAreServedAsLinked(String path) {
        HttpResponse<String> r = Http.anonymous(port).get(path);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isNotBlank();
    }
}
