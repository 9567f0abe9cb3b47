package id.lindung.budget.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestClock;
import id.lindung.support.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A refused input on a budget form names the limit its English message names, in Indonesian as in English: the editor
 * said only "Isian terlalu panjang." (budget.code.TOO_LONG) for a plan name over its limit. Nothing is stored.
 */
@IntegrationTest
class BudgetFormProblemsNameTheirValuesIntegrationTests {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;

    @Test
    void aTooLongPlanNameNamesItsLimitInIndonesianAsInEnglish() {
        for (String language : new String[] {"id", "en"}) {
            Http dpmd = TestUsers.browser(port, accounts, "budget-lang-dpmd", Role.DPMD, "72.04");
            String form = dpmd.get("/anggaran/baru?lang=" + language).body();
            var page = dpmd.postForm("/anggaran/baru?lang=" + language, Map.of("_csrf", Http.csrfOf(form), "payer", "APBDES:72.04.02.2007",
                    "year", String.valueOf(TestClock.nextBusinessYear()), "name", "A".repeat(400), "rowCount", "0"));
            assertThat(page.statusCode()).as(page.body()).isBetween(200, 422);
            assertThat(page.body()).as(language).contains("id".equals(language) ? "Isian paling banyak " : "At most ")
                    .doesNotContain("Isian terlalu panjang.");
        }
    }
}
