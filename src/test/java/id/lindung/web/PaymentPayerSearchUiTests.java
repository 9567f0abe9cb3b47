package id.lindung.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Browser;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In a real browser, the payment form of a regency with more payers than it lists fills the payer field's list with the
 * payers matching what is typed (htmx swaps the options into the datalist).
 */
@IntegrationTest
class PaymentPayerSearchUiTests {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    @Test
    void typingInThePayerFieldOfABigRegencyOffersTheMatchingPayers() throws Exception {
        String village = "81.05.01.2003";
        jdbc.sql("""
                insert into payer (code, kind, name, region_code)
                select 'EMPLOYER:' || :village || ':TOKO LAYAR ' || n, 'EMPLOYER', 'Toko Layar ' || n, :village
                from generate_series(1, 301) n""").param("village", village).update();
        TestUsers.token(accounts, "ui-payer-search", Role.DPMD, "81.05");
        WebDriver driver = Browser.openPhone();
        try {
            Browser.signIn(driver, port, "ui-payer-search", TestUsers.PASSWORD);
            driver.get("http://localhost:" + port + "/pembayaran");
            assertThat(driver.findElements(By.cssSelector("#payer-list option"))).isEmpty();
            driver.findElement(By.id("payer")).sendKeys("toko layar 29");
            new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(d -> !d.findElements(By.cssSelector("#payer-list option")).isEmpty());
            List<String> offered = driver.findElements(By.cssSelector("#payer-list option")).stream()
                    .map(o -> o.getDomAttribute("value")).toList();
            assertThat(offered).contains("EMPLOYER:" + village + ":TOKO LAYAR 29", "EMPLOYER:" + village + ":TOKO LAYAR 290")
                    .hasSize(11).as("29 and 290 to 299").doesNotContain("EMPLOYER:" + village + ":TOKO LAYAR 28");
        } finally {
            driver.quit();
            jdbc.sql("delete from payer where region_code = ? and kind = 'EMPLOYER' and name like 'Toko Layar %'").param(village).update();
        }
    }
}
