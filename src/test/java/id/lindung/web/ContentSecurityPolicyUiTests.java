package id.lindung.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Browser;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 12 item 7 in a real browser: under the content security policy no page (nor the API explorer) has a
 * script, style or image the browser refuses, and htmx still loads from its webjar.
 */
@IntegrationTest
class ContentSecurityPolicyUiTests {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;

    @Test
    void noPageBreaksTheContentSecurityPolicy() throws Exception {
        TestUsers.token(accounts, "ui-csp-admin", Role.ADMIN, "ID");
        WebDriver driver = Browser.open(1280, 900);
        try {
            // recorded by a script DevTools adds to every document: the page's own policy does not apply to it
            ((ChromeDriver) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "window.__csp = []; document.addEventListener('securitypolicyviolation',"
                            + " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));"));
            Browser.signIn(driver, port, "ui-csp-admin", TestUsers.PASSWORD);
            List<String> violations = new ArrayList<>();
            for (String page : List.of("/", "/wilayah/64.02", "/wilayah/cari?q=loa", "/pekerja", "/tagihan", "/pembayaran", "/simulasi",
                    "/audit", "/admin/tokens?username=ui-csp-admin", "/api-docs/ui")) {
                driver.get("http://localhost:" + port + page);
                Browser.awaitLoadedParts(driver);
                if (page.startsWith("/api-docs")) {
                    // the explorer draws itself from the API's description, fetched after the page
                    Browser.waitingThroughSwaps(driver, java.time.Duration.ofSeconds(60))
                            .until(d -> !d.findElements(org.openqa.selenium.By.cssSelector(".swagger-ui .opblock")).isEmpty());
                }
                Object found = ((JavascriptExecutor) driver).executeScript("return window.__csp || [];");
                for (Object v : (List<?>) found) {
                    violations.add(page + ": " + v);
                }
                if (page.equals("/")) {
                    assertThat(((JavascriptExecutor) driver).executeScript("return typeof htmx;")).isEqualTo("object");
                }
            }
            Browser.screenshot(driver, "csp-api-explorer");
            assertThat(violations).isEmpty();
        } finally {
            driver.quit();
        }
    }
}
