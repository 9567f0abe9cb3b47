package id.lindung.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Browser;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An import page's sample file (a header and an example row) wraps on a 390 px phone at its separators, never inside a
 * value: the example row broke "PERANGKAT_DESA" and "birth_date" mid-word, which reads as two columns.
 */
@IntegrationTest
class SampleFileRowsWrapAtSeparatorsUiTests {

    /** The values of the page's sample whose characters lie on more than one line, space-separated. */
    private static final String BROKEN_VALUES = """
            const broken = [];
            for (const pre of document.querySelectorAll('main pre')) {
              const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const value = /[^,;\\s]+/g;
                for (let m = value.exec(node.data); m; m = value.exec(node.data)) {
                  const range = document.createRange();
                  range.setStart(node, m.index);
                  range.setEnd(node, m.index + m[0].length);
                  const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                  if (lines.size > 1) broken.push(m[0]);
                }
              }
            }
            return broken.join(' ');""";

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;

    @Test
    void anImportPagesSampleRowWrapsAtItsSeparatorsNotInsideAValueOnAPhone() throws Exception {
        TestUsers.token(accounts, "ui-sample-dpmd", Role.DPMD, "64.02");
        WebDriver driver = Browser.openPhone();
        try {
            Browser.signIn(driver, port, "ui-sample-dpmd", TestUsers.PASSWORD);
            for (String page : new String[] {"/impor/pekerja", "/wilayah/tenaga-kerja/impor"}) {
                driver.get("http://localhost:" + port + page);
                Object lines = ((JavascriptExecutor) driver).executeScript(
                        "return document.querySelector('main pre') ? document.querySelector('main pre').getClientRects()[0].height : 0");
                assertThat(((Number) lines).doubleValue()).as(page + ": has a sample").isPositive();
                assertThat(((JavascriptExecutor) driver).executeScript(BROKEN_VALUES)).as(page).isEqualTo("");
                assertThat(Browser.overflow(driver)).as(page + ": nothing wider than the screen").isZero();
                Browser.screenshot(driver, "sample-file" + page.replace('/', '-'));
            }
            // copied from the page, the sample is the file's text
            assertThat(((JavascriptExecutor) driver).executeScript("return document.querySelector('main pre').textContent"))
                    .isEqualTo("region_code,year,potential_workers,source\n64.02.03.2007,2025,2140,BPS Sakernas 2024");
        } finally {
            driver.quit();
        }
    }
}
