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
 * A table heading on a 390 px phone breaks between its words, never inside one ("Terdafta|r", "Wil|aya|h" under
 * overflow-wrap:anywhere), and the table still scrolls inside its box instead of widening the page.
 */
@IntegrationTest
class TableHeadingsUiTests {

    /** Each word of a visible heading whose letters stand on more than one line, as "text of the heading: word". */
    private static final String BROKEN_WORDS = """
            const broken = [];
            for (const th of document.querySelectorAll('main th')) {
              if (th.offsetParent === null) continue;
              const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                for (const m of node.data.matchAll(/\\S+/g)) {
                  const range = document.createRange();
                  range.setStart(node, m.index);
                  range.setEnd(node, m.index + m[0].length);
                  const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                  if (lines.size > 1) broken.push(th.textContent.trim() + ': ' + m[0]);
                }
              }
            }
            return broken;""";

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;

    @Test
    void headingsOfTheCoverageAndRegionTablesKeepTheirWordsWholeOnAPhone() throws Exception {
        TestUsers.token(accounts, "ui-headings-admin", Role.ADMIN, "ID");
        WebDriver driver = Browser.openPhone();
        List<String> broken = new ArrayList<>();
        List<String> tooWide = new ArrayList<>();
        try {
            Browser.signIn(driver, port, "ui-headings-admin", TestUsers.PASSWORD);
            for (String page : List.of("/cakupan", "/wilayah", "/cakupan?lang=en", "/wilayah?lang=en")) {
                driver.get("http://localhost:" + port + page);
                Browser.awaitLoadedParts(driver);
                assertThat(driver.findElements(org.openqa.selenium.By.cssSelector("main .table-wrap th"))).as(page).isNotEmpty();
                @SuppressWarnings("unchecked")
                List<String> words = (List<String>) ((JavascriptExecutor) driver).executeScript(BROKEN_WORDS);
                words.forEach(w -> broken.add(page + " " + w));
                if (Browser.overflow(driver) > 0) {
                    tooWide.add(page + ": " + Browser.overflow(driver));
                }
                Browser.screenshot(driver, "headings" + page.replace('/', '-').replace('?', '-').replace('=', '-'));
            }
        } finally {
            driver.quit();
        }
        assertThat(broken).as("heading words broken across lines on a 390 px phone").isEmpty();
        assertThat(tooWide).as("pages wider than the phone").isEmpty();
    }
}
