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
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A monitoring officer (MONITOR) and an auditor only look: no page shows them a form that changes data or a link
 * to one, and a write page opened by its address is a clear 403 page in their language with a way back.
 */
@IntegrationTest
class ReadOnlyRolesUiTests {

    private static final List<String> WRITE_PAGES = List.of("/pekerja/baru", "/pembayar/baru", "/pembayaran", "/wilayah/tenaga-kerja/impor",
            "/klaim/baru", "/anggaran/baru");

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;

    @Test
    void aMonitorSeesNoWriteFormAndNoLinkToAWritePage() throws Exception {
        TestUsers.token(accounts, "ui-ro-monitor", Role.MONITOR, "64.02");
        // i15-pages: a plan of the village, whose page, prioritisation and comparison the monitor opens
        var api = id.lindung.support.Http.withToken(port, TestUsers.token(accounts, "ui-ro-admin", Role.ADMIN, "ID"));
        var created = api.postJson("/api/v1/budget-plans", "{\"payer\":\"APBDES:64.02.03.2007\",\"year\":"
                + (java.time.LocalDate.now().getYear() + 1) + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String plan = created.body().replaceAll("(?s)^.*?\"id\":(\\d+).*$", "$1");
        WebDriver driver = Browser.open(1366, 900);
        List<String> writable = new ArrayList<>();
        try {
            Browser.signIn(driver, port, "ui-ro-monitor", TestUsers.PASSWORD);
            for (String page : List.of("/", "/wilayah/64.02", "/pekerja", "/desa/64.02.03.2007/pekerja", "/pembayar",
                    "/pembayar/APBDES:64.02.03.2007", "/impor/pekerja", "/tagihan", "/simulasi", "/regulasi", "/klaim",
                    "/anggaran", "/anggaran/" + plan, "/anggaran/" + plan + "/prioritas", "/anggaran/" + plan + "/prioritas?budget=3000000",
                    "/anggaran/bandingkan?ids=" + plan)) {
                driver.get("http://localhost:" + port + page);
                for (WebElement form : driver.findElements(By.cssSelector("form[method=post], form[method=POST]"))) {
                    String action = form.getAttribute("action");
                    // the search form posts so that a NIK typed in it stays out of the URL: it changes nothing
                    if (action == null || !(action.endsWith("/logout") || action.endsWith("/pekerja/cari"))) {
                        writable.add(page + ": form " + action);
                    }
                }
                for (String write : List.of("/anggaran/baru", "/anggaran/" + plan + "/ubah")) {
                    if (!driver.findElements(By.cssSelector("a[href^='" + write + "']")).isEmpty()) {
                        writable.add(page + ": link to " + write);
                    }
                }
                for (String write : WRITE_PAGES) {
                    if (!driver.findElements(By.cssSelector("a[href='" + write + "']")).isEmpty()) {
                        writable.add(page + ": link to " + write);
                    }
                }
                assertThat(driver.findElements(By.cssSelector("input[type=file]"))).as("%s has no upload", page).isEmpty();
            }
        } finally {
            driver.quit();
        }
        assertThat(writable).as("write forms or links a MONITOR sees").isEmpty();
    }

    @Test
    void aWritePageOpenedByItsAddressIsAClearForbiddenPageInTheUsersLanguage() throws Exception {
        TestUsers.token(accounts, "ui-ro-auditor", Role.AUDITOR, "ID");
        TestUsers.token(accounts, "ui-ro-monitor2", Role.MONITOR, "64.02");
        for (String user : List.of("ui-ro-monitor2", "ui-ro-auditor")) {
            WebDriver driver = Browser.open(1366, 900);
            try {
                Browser.signIn(driver, port, user, TestUsers.PASSWORD);
                for (String page : WRITE_PAGES) {
                    driver.get("http://localhost:" + port + page + "?lang=id");
                    assertThat(driver.findElement(By.tagName("h1")).getText()).as(user + " " + page).isEqualTo("Akses ditolak");
                    assertThat(driver.findElement(By.tagName("main")).getText()).as(user + " " + page)
                            .contains("hanya dapat melihat data").doesNotContain("Terjadi kesalahan");
                    assertThat(driver.findElement(By.cssSelector("main a[href='/']")).getText()).isEqualTo("Kembali ke beranda");
                }
                driver.get("http://localhost:" + port + "/pekerja/baru?lang=en");
                assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
                assertThat(driver.findElement(By.tagName("main")).getText()).contains("may only look at data");
                Browser.screenshot(driver, "forbidden-" + user);
            } finally {
                driver.quit();
            }
        }
    }
}
