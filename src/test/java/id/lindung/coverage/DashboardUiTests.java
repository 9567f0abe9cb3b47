package id.lindung.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Browser;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The coverage dashboard in a browser: a district office lands on it after signing in, its big numbers are the API's,
 * the child regions sort by a column and drill down regency → district → village → the village's workers, the trend
 * is drawn by Chart.js from its own table of numbers, and the date picker moves every figure to another day.
 */
@IntegrationTest
class DashboardUiTests {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;

    private static String grouped(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n).replace(',', '.');
    }

    @Test
    void aDistrictOfficeLandsOnItsDashboardSortsDrillsDownAndChangesTheDate() throws Exception {
        String token = TestUsers.token(accounts, "ui-dash-dpmd", Role.DPMD, "64.02");
        JsonNode api = JsonMapper.builder().build().readTree(Http.withToken(port, token).get("/api/v1/coverage?region=64.02").body());
        WebDriver driver = Browser.open(1280, 900);
        try {
            Browser.signIn(driver, port, "ui-dash-dpmd", TestUsers.PASSWORD);
            assertThat(driver.getCurrentUrl()).as("the landing page of a district office").endsWith("/cakupan");
            assertThat(driver.findElement(By.cssSelector("#figure-registered .stat")).getText())
                    .isEqualTo(grouped(api.path("registered").asLong()));
            assertThat(driver.findElement(By.cssSelector("#figure-protected .stat")).getText())
                    .isEqualTo(grouped(api.path("protected").asLong()));
            assertThat(driver.findElement(By.cssSelector("#figure-registered p.muted")).getText()).contains("masa kepesertaan");

            List<WebElement> rows = driver.findElements(By.cssSelector("#children-table tbody tr"));
            assertThat(rows).hasSizeGreaterThan(5);
            WebElement registeredHeading = driver.findElement(By.cssSelector("#children-table button.sort[data-col='1']"));
            registeredHeading.click();
            registeredHeading.click();
            assertThat(registeredHeading.getAttribute("aria-sort")).isEqualTo("descending");
            List<Long> sorted = driver.findElements(By.cssSelector("#children-table tbody tr td:nth-child(2)")).stream()
                    .map(td -> Long.parseLong(td.getAttribute("data-value"))).toList();
            assertThat(sorted).isSortedAccordingTo(java.util.Comparator.reverseOrder());

            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> !d.findElements(By.cssSelector("#trend-chart[data-drawn]")).isEmpty());
            assertThat(driver.findElements(By.cssSelector("#trend-table tbody tr"))).hasSize(24);
            assertThat(driver.findElement(By.id("trend-table")).isDisplayed()).as("the numbers are one click away").isFalse();
            driver.findElement(By.cssSelector("#trend details summary")).click();
            assertThat(driver.findElement(By.id("trend-table")).isDisplayed()).isTrue();

            driver.findElement(By.cssSelector("#children-table a[href*='region=64.02.03&']")).click();
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("region=64.02.03&"));
            driver.findElement(By.cssSelector("#children-table a[href*='region=64.02.03.2007']")).click();
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("region=64.02.03.2007"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).contains("64.02.03.2007");
            driver.findElement(By.cssSelector("a[href$='/desa/64.02.03.2007/pekerja']")).click();
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/desa/64.02.03.2007/pekerja"));

            driver.get("http://localhost:" + port + "/cakupan?region=64.02");
            WebElement date = driver.findElement(By.cssSelector("#date-form input[name=date]"));
            ((JavascriptExecutor) driver).executeScript("arguments[0].value = '2026-01-31';", date);
            driver.findElement(By.cssSelector("#date-form button[type=submit]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("date=2026-01-31"));
            JsonNode then = JsonMapper.builder().build().readTree(Http.withToken(port, token)
                    .get("/api/v1/coverage?region=64.02&date=2026-01-31").body());
            assertThat(driver.findElement(By.cssSelector("#figure-protected .stat")).getText())
                    .isEqualTo(grouped(then.path("protected").asLong()));
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("31 Jan 2026");
            Browser.screenshot(driver, "coverage-dashboard");
        } finally {
            driver.quit();
        }
    }
}
