package id.lindung.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Browser;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API explorer, the navigation's "API", on a 390 px phone. Swagger UI's page declared no viewport, so the phone laid
 * it out 980 px wide and shrank it to 40 %: its text 4-5 px high (UI sweep of 7 December 2026); its top bar's address box
 * had no label.
 */
@IntegrationTest
class ApiExplorerFitsAPhoneUiTests {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;

    @Test
    void theApiExplorerIsLaidOutAtThePhonesWidth() throws Exception {
        TestUsers.token(accounts, "ui-explorer-phone", Role.DPMD, "64.02");
        WebDriver driver = Browser.openPhoneSignedIn(port, "ui-explorer-phone");
        try {
            driver.get("http://localhost:" + port + "/api-docs/ui");
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> !d.findElements(By.cssSelector(".opblock-tag")).isEmpty());
            Browser.screenshot(driver, "phone-api-explorer");
            assertThat((Long) ((JavascriptExecutor) driver).executeScript("return window.innerWidth;")).as("the explorer's layout width, CSS px").isEqualTo(390L);
            assertThat(Browser.overflow(driver)).as("the explorer wider than the phone, px").isLessThanOrEqualTo(0L);
            // Swagger UI's top bar held one field, an address box for another description, with no label
            assertThat(driver.findElements(By.cssSelector("input:not([type=hidden]):not([aria-label]):not([id])")))
                    .as("fields of the explorer without a name a screen reader can say").isEmpty();
            assertThat(driver.findElements(By.id("download-url-input"))).as("the top bar's address box").isEmpty();
        } finally {
            driver.quit();
        }
    }
}
