package id.lindung.billing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.support.Browser;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestClock;
import id.lindung.support.TestUsers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Someone holding a printed bill, on a phone, without an account: the old code of a recomputed bill says replaced. */
@IntegrationTest
class BillVerificationUiTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired BillingRuns runs;
    @Autowired TestClock clock;

    static final Actor ADMIN = TestUsers.actor("bill-verification-ui-admin", Role.ADMIN, "ID");

    @Test
    void theCodeOfAReplacedBillSaysReplacedWithTheDateAndTheNewCodeSaysGenuine() throws Exception {
        String desa = "73.02.04.2004";
        BillingFixture fx = new BillingFixture(jdbc);
        long village = fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa Uji Verifikasi", desa);
        long w = fx.worker(desa, "Perangkat Uji Verifikasi", "PERANGKAT_DESA");
        fx.term(w, desa, "JKK", "PU", "2000000", "VERY_LOW", village, village, LocalDate.of(2025, 1, 1), null);
        CurrentActor.runAs(ADMIN, () -> runs.run(YearMonth.of(2025, 1), ADMIN, true));
        String old = code(village);
        jdbc.sql("update membership_term set wage = 2500000 where worker_id = ?").param(w).update();
        clock.fixAt(Instant.parse("2026-12-03T03:00:00Z"));
        try {
            CurrentActor.runAs(ADMIN, () -> runs.run(YearMonth.of(2025, 1), ADMIN, true));
        } finally {
            clock.reset();
        }
        String current = code(village);

        WebDriver driver = Browser.openPhone();
        try {
            driver.get("http://localhost:" + port + "/public/cek-perlindungan");
            Browser.clickAndLoad(driver, driver.findElement(By.linkText("Verifikasi tagihan")));
            driver.findElement(By.id("kode")).sendKeys(old);
            Browser.clickAndLoad(driver, driver.findElement(By.cssSelector("form button[type=submit]")));
            var answer = driver.findElement(By.id("verification"));
            assertThat(answer.getAttribute("data-standing")).isEqualTo("REPLACED");
            assertThat(answer.getText()).contains("sudah diganti", "3 Desember 2026", "Pemerintah Desa Uji Verifikasi", "4.800")
                    .doesNotContain("Perangkat Uji Verifikasi");
            assertThat(Browser.overflow(driver)).as("fits a phone").isLessThanOrEqualTo(0);
            Browser.screenshot(driver, "phone-bill-verification-replaced");

            driver.findElement(By.id("kode")).clear();
            driver.findElement(By.id("kode")).sendKeys(current);
            Browser.clickAndLoad(driver, driver.findElement(By.cssSelector("form button[type=submit]")));
            answer = driver.findElement(By.id("verification"));
            assertThat(answer.getAttribute("data-standing")).isEqualTo("CURRENT");
            assertThat(answer.getText()).contains("Tagihan asli", "Versi 2", "6.000");
            assertThat(driver.getCurrentUrl()).contains("kode=" + current).doesNotContainPattern("\\d{16}");
        } finally {
            driver.quit();
        }
    }

    private String code(long payer) {
        return jdbc.sql("select verification_code from bill where payer_id = ? and month = date '2025-01-01'")
                .param(payer).query(String.class).single();
    }
}
