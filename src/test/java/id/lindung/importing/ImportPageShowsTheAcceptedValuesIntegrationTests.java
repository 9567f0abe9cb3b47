package id.lindung.importing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.registry.PayerKind;
import id.lindung.registry.WorkerCategories;
import id.lindung.registry.WorkerCategory;
import id.lindung.shared.Programme;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Segment;
import id.lindung.support.Browser;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The worker import page lists, folded under the example row, the values every coded column accepts (category,
 * sex, segment, risk, programmes, payer), read from what the import checks a row against (the registry's active
 * categories and the enums), in the page's language, and the list fits a 390 px phone once opened.
 */
@IntegrationTest
class ImportPageShowsTheAcceptedValuesIntegrationTests {

    static final String VILLAGE = "64.02.03.2004";

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired WorkerCategories categories;

    /** The folded list of accepted values as served. */
    private static String acceptedValues(String html) {
        Matcher m = Pattern.compile("<details id=\"accepted-values\"[\\s\\S]*?</details>").matcher(html);
        assertThat(m.find()).as("the page has the accepted values").isTrue();
        return m.group();
    }

    @Test
    void everyCodedColumnListsWhatTheImportAcceptsInThePagesLanguage() {
        Http operator = TestUsers.browser(port, accounts, "import-values-op", Role.VILLAGE_OPERATOR, VILLAGE);
        String id = acceptedValues(operator.get("/impor/pekerja").body());
        String en = acceptedValues(operator.get("/impor/pekerja?lang=en").body());
        assertThat(categories.active()).extracting(WorkerCategory::code).contains("KEPALA_DESA", "PERANGKAT_DESA");
        for (WorkerCategory c : categories.active()) {
            assertThat(id).contains("<code>" + c.code() + "</code> <span>" + c.name(Locale.forLanguageTag("id")) + "</span>");
            assertThat(en).contains("<code>" + c.code() + "</code> <span>" + c.name(Locale.ENGLISH) + "</span>");
        }
        for (Object value : List.of(Segment.values(), RiskGroup.values(), Programme.values()).stream()
                .flatMap(java.util.Arrays::stream).toList()) {
            assertThat(id).contains("<code>" + value + "</code>");
        }
        for (PayerKind kind : PayerKind.values()) {
            assertThat(id).contains("<code>" + kind.name());
        }
        assertThat(id).contains("Nilai yang diterima kolom berkode").contains("Sangat rendah").contains("<code>SANGAT_TINGGI</code>").contains("Penerima upah")
                .contains("APBD:&lt;kode kabupaten/provinsi&gt;").contains("Peserta BPU hanya boleh JKK, JKM, JHT.");
        assertThat(en).contains("Values the coded columns accept").contains("Very low").contains("Wage earner")
                .contains("APBD:&lt;regency/province code&gt;").contains("BPU members may hold only JKK, JKM, JHT.")
                .doesNotContain("Sangat rendah");
    }

    @Test
    void theOpenedListFitsAPhone() throws Exception {
        TestUsers.token(accounts, "import-values-phone", Role.VILLAGE_OPERATOR, VILLAGE);
        WebDriver driver = Browser.openPhone();
        try {
            Browser.signIn(driver, port, "import-values-phone", TestUsers.PASSWORD);
            for (String lang : List.of("id", "en")) {
                driver.get("http://localhost:" + port + "/impor/pekerja?lang=" + lang);
                driver.findElement(By.cssSelector("#accepted-values > summary")).click();
                assertThat(driver.findElement(By.cssSelector("#accepted-values dl")).isDisplayed()).as("opens").isTrue();
                Object widest = ((JavascriptExecutor) driver).executeScript("""
                        return Math.max(...Array.from(document.querySelectorAll('#accepted-values *'))
                            .map(e => e.getBoundingClientRect().right));""");
                assertThat(((Number) widest).doubleValue()).as("the accepted values inside the screen, " + lang).isLessThanOrEqualTo(390);
                assertThat(Browser.overflow(driver)).as("no sideways scroll, " + lang).isLessThanOrEqualTo(0);
                Browser.screenshot(driver, "import-accepted-values-" + lang);
            }
        } finally {
            driver.quit();
        }
    }
}
