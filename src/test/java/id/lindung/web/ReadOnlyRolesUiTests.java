package id.lindung.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.billing.BillingJobs;
import id.lindung.support.BackgroundJobs;
import id.lindung.support.Browser;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.Niks;
import id.lindung.support.TestClock;
import id.lindung.support.TestUsers;
import java.time.LocalDate;
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
                + TestClock.nextBusinessYear() + "}");
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
                for (String page : forbiddenToReaders()) {
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

    // i11-ui: the pages added since this test was written (claims, coverage and its register of regional regulations,
    // budget, the page of a job run in the background), for both read-only roles

    /** Pages that change data, or their forms, on the newer pages. */
    private static final List<String> NEWER_WRITE_PAGES = List.of("/klaim/baru", "/cakupan/regulasi/baru", "/pembayaran",
            "/tagihan/jalankan");

    @Autowired BillingJobs jobs;

    @Test
    void onTheClaimCoverageBudgetAndJobPagesAReaderSeesNoWriteFormButtonOrLink() throws Exception {
        List<String> pages = newerPages();
        TestUsers.token(accounts, "ui-ro-newer-monitor", Role.MONITOR, "64.02");
        TestUsers.token(accounts, "ui-ro-newer-auditor", Role.AUDITOR, "ID");
        List<String> writable = new ArrayList<>();
        for (String user : List.of("ui-ro-newer-monitor", "ui-ro-newer-auditor")) {
            WebDriver driver = Browser.open(1366, 900);
            try {
                Browser.signIn(driver, port, user, TestUsers.PASSWORD);
                for (String page : pages) {
                    driver.get("http://localhost:" + port + page);
                    assertThat(driver.findElement(By.tagName("h1")).getText()).as("%s %s opens", user, page).isNotEqualTo("Akses ditolak");
                    for (WebElement form : driver.findElements(By.cssSelector("form[method=post], form[method=POST]"))) {
                        String action = form.getAttribute("action");
                        if (action == null || !action.endsWith("/logout")) {
                            writable.add(user + " " + page + ": form " + action);
                        }
                    }
                    for (WebElement trigger : driver.findElements(By.cssSelector("[hx-post], [hx-put], [hx-patch], [hx-delete]"))) {
                        writable.add(user + " " + page + ": " + trigger.getTagName() + " posting by htmx");
                    }
                    for (WebElement link : driver.findElements(By.cssSelector("a[href]"))) {
                        String href = link.getAttribute("href").replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*$", "");
                        if (NEWER_WRITE_PAGES.contains(href)) {
                            writable.add(user + " " + page + ": link to " + href);
                        }
                    }
                    if (!driver.findElements(By.cssSelector("input[type=file]")).isEmpty()) {
                        writable.add(user + " " + page + ": upload");
                    }
                }
            } finally {
                driver.quit();
            }
        }
        assertThat(writable).as("write forms, buttons or links a MONITOR or an AUDITOR sees").isEmpty();
    }

    /** The write pages whose address a reader gets the clear 403 page for: the first ones, and the register's form. */
    private static List<String> forbiddenToReaders() {
        List<String> pages = new ArrayList<>(WRITE_PAGES);
        pages.add("/cakupan/regulasi/baru");
        return pages;
    }

    /**
     * An open claim of the area, next year's plan of a village, and a payment file a district office checked in the
     * background (its page links to the payments page, which only writers may open).
     */
    private List<String> newerPages() throws Exception {
        Http admin = Http.withToken(port, TestUsers.token(accounts, "ui-ro-setup", Role.ADMIN, "ID"));
        String nik = Niks.unique("64.02.03", "L", LocalDate.of(1979, 6, 5));
        var registered = admin.postJson("/api/v1/workers", """
                {"nik":"%s","name":"Perangkat Hanya Dilihat","sex":"L","birthDate":"1979-06-05","villageCode":"64.02.03.2007",
                 "category":"PERANGKAT_DESA","programs":["JKK","JKM"],"segment":"PU","wage":2500000,"riskGroup":"VERY_LOW",
                 "payer":"APBDES","startDate":"2020-01-01"}""".formatted(nik));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String hurt = TestClock.businessToday().minusDays(5).toString();
        var claim = admin.postJson("/api/v1/claims", """
                {"nik":"%s","case":"JKK_TEMPORARY_DISABILITY","incidentDate":"%s","reportedOn":"%s","months":1,
                 "submitIfIneligible":true}""".formatted(nik, hurt, hurt));
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(201);
        int next = TestClock.nextBusinessYear();
        var plan = admin.postJson("/api/v1/budget-plans", """
                {"payer":"APBDES:64.02.03.2007","year":%d,"cohorts":[{"category":"RT_RW","segment":"BPU","count":24,"wage":1000000,
                 "programs":["JKK","JKM"],"monthFrom":"%d-01"}]}""".formatted(next, next));
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);
        var dpmd = TestUsers.actor("ui-ro-dpmd", Role.DPMD, "64.02");
        long job = jobs.startPaymentImport("rekon.csv", new java.io.ByteArrayInputStream(
                "payer,reference,date,amount\nAPBDES:64.02.03.2007,RO-1,31/31/2026,1000\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                true, dpmd);
        BackgroundJobs.finished(jobs, job, dpmd);
        String id = "(?s)^\\{\"id\":(\\d+).*$";
        return List.of("/klaim", "/klaim/" + claim.body().replaceAll(id, "$1"), "/cakupan?region=64.02", "/cakupan?region=64.02.03",
                "/cakupan/regulasi?region=64.02", "/cakupan/monev?region=64.02", "/anggaran", "/anggaran/" + plan.body().replaceAll(id, "$1"),
                "/anggaran/wilayah/64.02", "/proses/" + job);
    }
}
