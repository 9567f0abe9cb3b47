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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A district officer on a phone: sign in, search a village, drill down, switch language. */
@IntegrationTest
class RegionBrowserUiTests {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;

    @Test
    void aDistrictOfficerFindsAVillageBySearchOnAPhoneAndSeesTheBreadcrumb() throws Exception {
        TestUsers.token(accounts, "ui-dpmd", Role.DPMD, "64.02");
        WebDriver driver = Browser.open(390, 844);
        try {
            Browser.signIn(driver, port, "ui-dpmd", TestUsers.PASSWORD);
            driver.get("http://localhost:" + port + "/wilayah/64.02");
            assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Kabupaten Kutai Kartanegara");
            driver.findElement(By.cssSelector("input[type=search]")).sendKeys("duri ilir");
            var wait = id.lindung.support.Browser.waitingThroughSwaps(driver, Duration.ofSeconds(10));
            var hit = wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Loa Duri Ilir")));
            hit.click();
            wait.until(ExpectedConditions.urlContains("/wilayah/64.02.03.2007"));
            assertThat(driver.findElement(By.cssSelector(".crumbs")).getText())
                    .contains("Kalimantan Timur").contains("Kabupaten Kutai Kartanegara").contains("Loa Janan");
            assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Loa Duri Ilir").contains("Desa");
            long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth - window.innerWidth;");
            assertThat(overflow).as("no horizontal scrolling on a phone").isLessThanOrEqualTo(0);

            driver.findElement(By.linkText("English")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Potential workforce"));
            driver.get("http://localhost:" + port + "/wilayah/64.02");
            assertThat(driver.findElement(By.tagName("body")).getText()).contains("Sign out");
        } finally {
            driver.quit();
        }
    }

    @Test
    void aVillageOutsideTheScopeShowsANotFoundPage() throws Exception {
        TestUsers.token(accounts, "ui-operator", Role.VILLAGE_OPERATOR, "64.02.03.2007");
        WebDriver driver = Browser.open(1280, 900);
        try {
            Browser.signIn(driver, port, "ui-operator", TestUsers.PASSWORD);
            driver.get("http://localhost:" + port + "/wilayah/64.02.03.2008");
            assertThat(driver.findElement(By.tagName("body")).getText()).contains("tidak ditemukan").doesNotContain("Tani Harapan");
        } finally {
            driver.quit();
        }
    }
}
