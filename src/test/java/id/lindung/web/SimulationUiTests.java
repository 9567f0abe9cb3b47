package id.lindung.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Browser;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * /simulasi on a 390 px phone: each benefit case shows only the fields it needs (static script, no inline script),
 * the JHT payout and the JP old-age lump sum can be quoted from the form, and the cash total is explained beside the
 * scholarship maximum, the unverified JP returns beside the lump sum.
 */
@IntegrationTest
class SimulationUiTests {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;

    /** The fields each case needs besides the case and the date. */
    static final Map<String, Set<String>> FIELDS = Map.of(
            "JKM_DEATH", Set.of("segment", "membershipStart", "children"),
            "JKK_DEATH", Set.of("segment", "wage", "membershipStart", "children"),
            "JKK_TOTAL_DISABILITY", Set.of("segment", "wage", "children"),
            "JKK_PARTIAL_DISABILITY", Set.of("segment", "wage", "percent"),
            "JKK_TEMPORARY_DISABILITY", Set.of("segment", "wage", "months"),
            // a birth date (pension age) and the first month of the months paid back as a lump sum, both optional
            "JP_OLD_AGE", Set.of("contributionMonths", "averageWage", "birthDate", "contributionStart"),
            "JKP", Set.of("wage", "contributionMonths24", "consecutiveMonths"),
            // reason RESIGNATION (the first reason is AGE_56, chosen below)
            "JHT_PAYOUT", Set.of("segment", "reason", "employmentEnd", "contributionStart", "wage", "contributionMonths",
                    "monthlyWages", "membershipStart"));

    private static Set<String> visibleFields(WebDriver driver) {
        Set<String> names = new TreeSet<>();
        for (WebElement e : driver.findElements(By.cssSelector("#benefit-form [name]"))) {
            String name = e.getAttribute("name");
            if (e.isDisplayed() && e.isEnabled() && !List.of("case", "date", "_csrf").contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    @Test
    void eachCaseShowsOnlyItsFieldsTheJhtPayoutIsQuotedAndTheCashTotalIsExplainedOnAPhone() throws Exception {
        TestUsers.token(accounts, "ui-simulation", Role.VILLAGE_OPERATOR, "64.02.03.2007");
        WebDriver driver = Browser.openPhone();
        try {
            Browser.signIn(driver, port, "ui-simulation", TestUsers.PASSWORD);
            driver.get("http://localhost:" + port + "/simulasi");
            assertThat(driver.findElements(By.cssSelector("script:not([src])")).stream()
                    .filter(s -> !s.getAttribute("innerHTML").contains("htmx:configRequest")).toList())
                    .as("the simulation page adds no inline script").isEmpty();
            var wait = id.lindung.support.Browser.waitingThroughSwaps(driver, Duration.ofSeconds(10));
            Select kind = new Select(driver.findElement(By.cssSelector("#benefit-form select[name=case]")));
            for (var entry : FIELDS.entrySet()) {
                kind.selectByValue(entry.getKey());
                if (entry.getKey().equals("JHT_PAYOUT")) {
                    new Select(driver.findElement(By.name("reason"))).selectByValue("RESIGNATION");
                }
                assertThat(visibleFields(driver)).as(entry.getKey()).isEqualTo(new TreeSet<>(entry.getValue()));
                assertThat(Browser.overflow(driver)).as(entry.getKey() + " fits a phone").isLessThanOrEqualTo(0);
            }
            // the contribution form: a BPU participant has no employer risk group
            new Select(driver.findElement(By.cssSelector("#contribution-form select[name=segment]"))).selectByValue("BPU");
            assertThat(driver.findElement(By.cssSelector("#contribution-form select[name=risk]")).isDisplayed()).isFalse();
            new Select(driver.findElement(By.cssSelector("#contribution-form select[name=segment]"))).selectByValue("PU");
            assertThat(driver.findElement(By.cssSelector("#contribution-form select[name=risk]")).isDisplayed()).isTrue();

            // a JHT payout after resignation: a missing last day of work is named from the bundle
            kind.selectByValue("JHT_PAYOUT");
            new Select(driver.findElement(By.name("reason"))).selectByValue("RESIGNATION");
            setValue(driver, "date", "2025-08-01");
            setValue(driver, "contributionStart", "2019-01");
            setValue(driver, "contributionMonths", "78");
            setValue(driver, "wage", "2500000");
            driver.findElement(By.cssSelector("#benefit-form button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("benefit-result"), "Hari terakhir bekerja wajib diisi."));
            setValue(driver, "employmentEnd", "2025-06-30");
            driver.findElement(By.cssSelector("#benefit-form button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("benefit-result"), "Hasil pengembangan JHT"));
            String jht = driver.findElement(By.id("benefit-result")).getText();
            assertThat(jht).contains("Iuran JHT yang terkumpul", "Jumlah tunai", "Berhak").doesNotContain("RETURNS", "??");
            assertThat(Browser.overflow(driver)).as("the JHT result fits a phone").isLessThanOrEqualTo(0);

            // per-month wages instead of a constant wage; a word among them is refused in Indonesian
            setValue(driver, "wage", "");
            setValue(driver, "contributionMonths", "");
            setValue(driver, "monthlyWages", "2500000, dua juta");
            driver.findElement(By.cssSelector("#benefit-form button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("benefit-result"), "Upah per bulan iuran: ada isian yang bukan angka."));
            setValue(driver, "monthlyWages", "2500000\n2500000\n2600000");
            driver.findElement(By.cssSelector("#benefit-form button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("benefit-result"), "Hasil pengembangan JHT"));

            // JP old age below 180 months (RULES.md 4.5): the lump sum of the months just before the date, the unverified
            // returns said in words; the birth date is asked whatever JHT reason was chosen before
            kind.selectByValue("JP_OLD_AGE");
            assertThat(driver.findElement(By.name("birthDate")).isDisplayed()).isTrue();
            setValue(driver, "date", "2026-12-01");
            setValue(driver, "contributionStart", "");
            setValue(driver, "contributionMonths", "120");
            setValue(driver, "averageWage", "4.000.000");
            String lumpSum = submitUntil(driver, wait, ".unverified-returns-note");
            assertThat(lumpSum).contains("Iuran JP (pemberi kerja dan pekerja), dibayar kembali sekaligus", "Hasil pengembangan iuran JP",
                    "14.400.000", "Hasil pengembangan belum diverifikasi", "Berhak").doesNotContain("JP_RETURNS", "??");
            assertThat(Browser.overflow(driver)).as("the JP lump sum fits a phone").isLessThanOrEqualTo(0);
            Browser.screenshot(driver, "simulation-jp-lump-sum-phone");

            // a death with two children: the scholarship maximum is not part of the cash total, and the page says so
            kind.selectByValue("JKM_DEATH");
            setValue(driver, "date", "2025-05-10");
            setValue(driver, "membershipStart", "2019-01-01");
            setValue(driver, "children", "2");
            String death = submitUntil(driver, wait, ".scholarship-note");
            assertThat(death).contains("Beasiswa (paling banyak)", "bukan tunai sekaligus", "Jumlah tunai", "42.000.000",
                    "Beasiswa tidak termasuk jumlah tunai");
            assertThat(Browser.overflow(driver)).as("the death result fits a phone").isLessThanOrEqualTo(0);
            Browser.screenshot(driver, "simulation-phone");
        } finally {
            driver.quit();
        }
    }

    /** Sends the benefit form and answers the result's text once it holds {@code note} (a CSS selector). */
    private static String submitUntil(WebDriver driver, WebDriverWait wait, String note) {
        driver.findElement(By.cssSelector("#benefit-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#benefit-result " + note)));
        return driver.findElement(By.id("benefit-result")).getText();
    }

    /** Sets a field's value as a person would, also for date and month inputs whose typing depends on the locale. */
    private static void setValue(WebDriver driver, String name, String value) {
        WebElement e = driver.findElement(By.cssSelector("#benefit-form [name=" + name + "]"));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", e, value);
    }
}
