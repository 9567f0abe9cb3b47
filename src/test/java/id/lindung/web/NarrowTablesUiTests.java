package id.lindung.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.region.PotentialWorkforce;
import id.lindung.support.Browser;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The national coverage table and the province table stand inside their box on a 390 px phone and on a 1366 px laptop,
 * with a province whose potential workforce is eight digits and a demo figure: "protected / potential" kept on one line
 * under the ratio, and "99.999.999 data demo" beside the region code in a column of its own, made each about 30 px wider
 * than a phone (review of 6 December 2026), their last column behind the box's edge.
 */
@IntegrationTest
class NarrowTablesUiTests {

    /** A province no other test uses, given the widest figure a province may plausibly have. */
    static final String PROVINCE = "96";

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired PotentialWorkforce workforce;
    @Autowired Clock clock;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void theNationalCoverageAndProvinceTablesFitAPhoneAndALaptop() throws Exception {
        int year = LocalDate.now(clock).getYear();
        // every regency of the province has a figure, so the province has one too (a partial sum is no denominator)
        List<String> regencies = jdbc.sql("select code from region_area where active and parent_code = ? order by code")
                .param(PROVINCE).query(String.class).list();
        StringBuilder csv = new StringBuilder("region_code,year,potential_workers,source\n");
        long each = 99_999_999L / regencies.size();
        for (int i = 0; i < regencies.size(); i++) {
            long figure = i == 0 ? 99_999_999L - each * (regencies.size() - 1) : each;
            csv.append(regencies.get(i)).append(',').append(year).append(',').append(figure).append(",Uji tata letak\n");
        }
        workforce.importCsv(new java.io.ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                TestUsers.actor("ui-narrow-admin", Role.ADMIN, "ID"), true);
        TestUsers.token(accounts, "ui-narrow-admin", Role.ADMIN, "ID");
        List<String> pages = List.of("/cakupan", "/cakupan?lang=en", "/wilayah?year=" + year, "/wilayah?year=" + year + "&lang=en");
        for (boolean phone : new boolean[] {true, false}) {
            WebDriver driver = phone ? Browser.openPhone() : Browser.open(1366, 768);
            try {
                Browser.signIn(driver, port, "ui-narrow-admin", TestUsers.PASSWORD);
                for (String page : pages) {
                    driver.get("http://localhost:" + port + page);
                    Browser.awaitLoadedParts(driver);
                    Browser.screenshot(driver, "narrow-tables-" + (phone ? "390" : "1366") + page.replaceAll("[^a-z0-9]+", "-"));
                    assertThat(driver.getPageSource()).as(page).containsAnyOf("99.999.999", "99,999,999");
                    Object wider = ((JavascriptExecutor) driver).executeScript("""
                            return Array.from(document.querySelectorAll('.table-wrap > table'))
                                .map(t => t.offsetWidth - t.parentElement.clientWidth).filter(px => px > 0);""");
                    assertThat((List<?>) wider).as("%s at %s px: tables wider than their box, px", page, phone ? 390 : 1366).isEmpty();
                    assertThat(Browser.overflow(driver)).as(page).isLessThanOrEqualTo(0);
                }
                if (phone) {
                    // what made room is still there: the region's code under its name, the ratio's fraction under the ratio
                    driver.get("http://localhost:" + port + "/wilayah?year=" + year);
                    assertThat(((JavascriptExecutor) driver).executeScript("""
                            const code = Array.from(document.querySelectorAll('.table-wrap td .sm-only')).find(s => s.textContent == '96');
                            return code != null && code.offsetParent != null;""")).as("the province's code under its name").isEqualTo(true);
                    driver.get("http://localhost:" + port + "/cakupan");
                    assertThat(((JavascriptExecutor) driver).executeScript("""
                            return Array.from(document.querySelectorAll('#children-table .ratio-of'))
                                .some(s => s.offsetParent != null && /99[.,]999[.,]999/.test(s.textContent));""")).as("protected / potential").isEqualTo(true);
                }
            } finally {
                driver.quit();
            }
        }
    }
}
