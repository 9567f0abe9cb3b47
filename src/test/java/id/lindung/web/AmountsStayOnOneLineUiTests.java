package id.lindung.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Browser;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.Niks;
import id.lindung.support.TestClock;
import id.lindung.support.TestUsers;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On a 1366 px laptop an amount, a month with its marks and a regulation's value stay on one line in their cells
 * (newuser8 sweep of 7 December 2026): a plan's year total read "Rp / 12.976.236" in the table's foot, six of its months
 * put their dagger on a second line ("Mar 2027 * / †"), and the regulation catalog broke "Rp / 20.700.000" beside the
 * legal notes, and a worker's memberships "Rp / 2,022,200" beside the payer's name.
 */
@IntegrationTest
class AmountsStayOnOneLineUiTests {

    /** For each element the selector finds: its text when the text takes more than one line or may wrap, else nothing. */
    private static final String WRAPPED = """
            return [...document.querySelectorAll(arguments[0])].filter(e => e.innerText.trim() !== '').map(e => {
              const r = document.createRange(); r.selectNodeContents(e);
              const lines = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top))).size;
              return (lines > 1 || getComputedStyle(e).whiteSpace !== 'nowrap') ? e.innerText + ' (' + lines + ' lines, '
                  + getComputedStyle(e).whiteSpace + ')' : null;
            }).filter(x => x !== null);""";

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    @Test
    void aPlansMonthsAndYearTotalAWorkersWagesAndTheRegulationValuesStayOnOneLineAt1366Px() throws Exception {
        Http api = Http.withToken(port, TestUsers.token(accounts, "ui-oneline-api", Role.ADMIN, "ID"));
        int year = TestClock.nextBusinessYear();
        // a village no other test uses; a large cohort, so the year total has ten digits
        String village = jdbc.sql("select code from region_area where active and code like '65.01.%' and length(code) = 13 order by code desc limit 1")
                .query(String.class).single();
        var plan = api.postJson("/api/v1/budget-plans", """
                {"payer":"APBDES:%s","year":%d,"name":"Satu baris",
                 "cohorts":[{"category":"RT_RW","segment":"BPU","count":9000,"wage":1000000,"programs":["JKK","JKM"]}]}"""
                .formatted(village, year));
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);
        String id = plan.body().replaceAll("(?s)^\\{\"id\":(\\d+).*$", "$1");
        // a village official with a wage, paid by the village: the membership table's wage and dates
        String nik = Niks.unique(village.substring(0, 8), "L", LocalDate.of(1979, 3, 4));
        var official = api.postJson("/api/v1/workers", """
                {"nik":"%s","name":"Perangkat Desa Satu Baris","sex":"L","birthDate":"1979-03-04","villageCode":"%s",
                 "category":"PERANGKAT_DESA","programs":["JKK","JKM"],"segment":"PU","wage":2500000,"riskGroup":"VERY_LOW",
                 "payer":"APBDES","startDate":"2020-01-01"}""".formatted(nik, village));
        assertThat(official.statusCode()).as(official.body()).isEqualTo(201);
        long worker = jdbc.sql("select id from worker where nik = ?").param(nik).query(Long.class).single();
        TestUsers.token(accounts, "ui-oneline-dpmd", Role.DPMD, "65.01");
        WebDriver driver = Browser.open(1366, 900);
        try {
            Browser.signIn(driver, port, "ui-oneline-dpmd", TestUsers.PASSWORD);
            for (String language : List.of("id", "en")) {
                driver.get("http://localhost:" + port + "/anggaran/" + id + "?lang=" + language);
                new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("plan-year")).isEmpty());
                assertThat(driver.findElements(By.cssSelector("main table tbody td.month"))).hasSize(12);
                assertThat(wrapped(driver, "main table tbody td.month")).as("months, " + language).isEmpty();
                assertThat(wrapped(driver, "#plan-year th.num, #plan-year td.num")).as("year total, " + language).isEmpty();

                driver.get("http://localhost:" + port + "/pekerja/id/" + worker + "?lang=" + language);
                new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("terms")).isEmpty());
                assertThat(driver.findElements(By.cssSelector("#terms td.nowrap"))).hasSizeGreaterThanOrEqualTo(6);
                assertThat(wrapped(driver, "#terms td.nowrap")).as("wages and dates of the memberships, " + language).isEmpty();

                driver.get("http://localhost:" + port + "/regulasi?lang=" + language);
                new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector("table.stack-sm")).isEmpty());
                assertThat(wrapped(driver, "table.stack-sm span.nowrap, table.stack-sm td.nowrap"))
                        .as("regulation values and dates, " + language).isEmpty();
                assertThat(driver.findElements(By.cssSelector("table.stack-sm span.nowrap")).size())
                        .as("amounts and rates in the catalog").isGreaterThan(20);
            }
        } finally {
            driver.quit();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> wrapped(WebDriver driver, String selector) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(WRAPPED, selector);
    }
}
