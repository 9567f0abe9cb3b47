package id.lindung.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Browser;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every field a page shows has a name a screen reader reads out, in the page's language: a label, or an aria-label where
 * the filter row has no room for one. The list filters (worker, payer, region search, budget year) had a placeholder
 * only, the three file uploads nothing at all (ui3 sweep of 7 December 2026).
 */
@IntegrationTest
class EveryFormFieldHasALabelUiTests {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;

    @Test
    void everyVisibleFieldOfTheListsAndUploadsHasALabelInBothLanguages() throws Exception {
        TestUsers.token(accounts, "ui-labels-admin", Role.ADMIN, "ID");
        List<String> pages = List.of("/pekerja", "/desa/64.02.03.2007/pekerja", "/pembayar", "/wilayah", "/wilayah/64.02",
                "/anggaran", "/impor/pekerja", "/pembayaran", "/wilayah/tenaga-kerja/impor",
                // the region search's own page (the typeahead's address without htmx): its field had a placeholder only
                // (ui4 sweep of 7 December 2026)
                "/wilayah/cari");
        List<String> unlabelled = new ArrayList<>();
        WebDriver driver = Browser.open(1366, 768);
        try {
            Browser.signIn(driver, port, "ui-labels-admin", TestUsers.PASSWORD);
            for (String lang : List.of("id", "en")) {
                for (String page : pages) {
                    driver.get("http://localhost:" + port + page + "?lang=" + lang);
                    List<?> found = (List<?>) ((JavascriptExecutor) driver).executeScript("""
                            return Array.from(document.querySelectorAll('main input, main select, main textarea')).filter(f =>
                                !['hidden', 'submit', 'button', 'reset'].includes(f.type) && f.offsetParent !== null
                                && !(f.getAttribute('aria-label') || '').trim() && !f.getAttribute('aria-labelledby') && !f.closest('label')
                                && !(f.id && document.querySelector('label[for="' + CSS.escape(f.id) + '"]')))
                                .map(f => f.tagName.toLowerCase() + '[name=' + f.name + ']');""");
                    for (Object field : found) {
                        unlabelled.add(page + " (" + lang + "): " + field);
                    }
                }
            }
        } finally {
            driver.quit();
        }
        assertThat(unlabelled).as("fields with no label").isEmpty();
    }
}
