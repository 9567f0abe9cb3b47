package id.lindung.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Browser;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestClock;
import id.lindung.support.TestUsers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The budget plan list on a 390 px phone: a plan of a regency's size (an amount of ten digits) with its "projection" and
 * "unverified" badges pushed the amount column 7 px past its box, "Rp 417.348.000" cut at the screen's edge in
 * Indonesian (ui4 sweep of 7 December 2026, dpmd.kukar's demo plans). On a phone the year stands under the payer.
 */
@IntegrationTest
class BudgetPlanListFitsAPhoneUiTests {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;

    @Test
    void everyPlansAmountIsInsideTheScreenOnAPhoneInBothLanguages() throws Exception {
        Http api = Http.withToken(port, TestUsers.token(accounts, "ui-budget-list-phone", Role.DPMD, "64.02"));
        int year = TestClock.nextBusinessYear();
        var plan = api.postJson("/api/v1/budget-plans", """
                {"payer":"APBDES:64.02.09.2002","year":%d,"name":"Perangkat dan pekerja rentan",
                 "cohorts":[{"category":"PERANGKAT_DESA","segment":"PU","count":400,"wage":5000000,"programs":["JKK","JKM","JHT"]}]}"""
                .formatted(year));
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);
        WebDriver driver = Browser.openPhoneSignedIn(port, "ui-budget-list-phone");
        try {
            for (String lang : List.of("id", "en")) {
                driver.get("http://localhost:" + port + "/anggaran?lang=" + lang);
                Browser.screenshot(driver, "phone-budget-plans-" + lang);
                List<?> cut = (List<?>) ((JavascriptExecutor) driver).executeScript("""
                        return Array.from(document.querySelectorAll('.table-wrap')).flatMap(w => {
                            const right = w.getBoundingClientRect().right + 1;
                            return Array.from(w.querySelectorAll('td.num, th.num')).filter(td => td.offsetParent !== null
                                && td.getBoundingClientRect().right > right).map(td => td.textContent.trim());
                        });""");
                assertThat(cut).as("amounts past the edge of the plan list's box, " + lang).isEmpty();
                assertThat(driver.getPageSource()).as("the plan's year still shown, " + lang).contains(String.valueOf(year));
            }
        } finally {
            driver.quit();
        }
    }
}
