package id.lindung.budget;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Browser;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestClock;
import id.lindung.support.TestUsers;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The budget pages in a browser: the editor's totals follow the form as it is typed (recomputed on the server, nothing
 * stored) and equal what the API computes for the same input, problems show at their fields in Indonesian, a draft is
 * saved, edited and marked final; the prioritisation covers the poorest first within the budget, says where the budget
 * ran out and enrols the chosen once; scenarios side by side; the national what-if for a national role with its
 * download; a monitor sees NIKs masked and no form that changes anything.
 */
@IntegrationTest
class BudgetPagesUiTests {

    private static final String VILLAGE = "64.02.03.2007";

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    private final ObjectMapper json = new ObjectMapper();
    private final int year = TestClock.nextBusinessYear();

    @Test
    void theEditorsTotalsFollowTheFormLiveEqualTheApiAndADraftIsSavedEditedAndMarkedFinal() throws Exception {
        TestUsers.token(accounts, "ui-budget-op", Role.VILLAGE_OPERATOR, VILLAGE);
        Http api = Http.withToken(port, TestUsers.token(accounts, "ui-budget-api", Role.ADMIN, "ID"));
        WebDriver driver = Browser.open(1280, 1000);
        try {
            Browser.signIn(driver, port, "ui-budget-op", TestUsers.PASSWORD);
            driver.get("http://localhost:" + port + "/anggaran?lang=id");
            Browser.clickAndLoad(driver, driver.findElement(By.id("new-plan")));
            WebElement payer = driver.findElement(By.id("payer"));
            assertThat(payer.getAttribute("value")).as("a desa's operator starts from the desa's APBDes").isEqualTo("APBDES:" + VILLAGE);
            payer.clear();
            payer.sendKeys("APBDES:" + VILLAGE);
            WebElement yearField = driver.findElement(By.id("year"));
            yearField.clear();
            yearField.sendKeys(Integer.toString(year));
            String registeredOnly = apiTotal(api, "[]");
            waitForTotal(driver, registeredOnly);

            // a cohort: 24 RT/RW heads as BPU at Rp 1,000,000, JKK+JKM (checked by default)
            new Select(driver.findElement(By.name("cohorts[0].category"))).selectByValue("RT_RW");
            new Select(driver.findElement(By.name("cohorts[0].segment"))).selectByValue("BPU");
            driver.findElement(By.name("cohorts[0].count")).sendKeys("24");
            driver.findElement(By.name("cohorts[0].wage")).sendKeys("1000000");
            String withCohort = apiTotal(api, """
                    [{"category":"RT_RW","segment":"BPU","count":24,"wage":1000000,"programs":["JKK","JKM"]}]""");
            waitForTotal(driver, withCohort);
            // JKK 1% of Rp 1,000,000 + JKM Rp 6,800, twelve months, 24 people
            assertThat(new BigDecimal(withCohort).subtract(new BigDecimal(registeredOnly))).isEqualByComparingTo("4838400");
            assertThat(driver.findElements(By.cssSelector("#months tbody tr"))).hasSize(12);

            // JP for a BPU cohort: its code as an Indonesian sentence at the programmes of that row, no totals
            driver.findElement(By.cssSelector("input[name='cohorts[0].programs'][value=JP]")).click();
            waiting(driver).until(d -> !d.findElement(By.id("err-cohorts-0-programs")).getText().isBlank());
            assertThat(driver.findElement(By.id("err-cohorts-0-programs")).getText()).isEqualTo("Peserta BPU tidak dapat ikut JP.");
            assertThat(driver.findElements(By.id("total-year"))).isEmpty();
            driver.findElement(By.cssSelector("input[name='cohorts[0].programs'][value=JP]")).click();
            waiting(driver).until(d -> d.findElement(By.id("err-cohorts-0-programs")).getText().isBlank()
                    && !d.findElements(By.id("total-year")).isEmpty());

            // a second row added and removed again, the first row kept as typed
            driver.findElement(By.id("add-row")).click();
            waiting(driver).until(d -> !d.findElements(By.name("cohorts[1].category")).isEmpty());
            assertThat(driver.findElement(By.name("cohorts[0].count")).getAttribute("value")).isEqualTo("24");
            driver.findElements(By.cssSelector("button.remove-row")).get(1).click();
            waiting(driver).until(d -> d.findElements(By.name("cohorts[1].category")).isEmpty());

            Browser.clickAndLoad(driver, driver.findElement(By.id("save-plan")));
            assertThat(driver.getCurrentUrl()).matches(".*/anggaran/\\d+$");
            String id = driver.getCurrentUrl().replaceAll("^.*/anggaran/(\\d+)$", "$1");
            assertThat(driver.findElement(By.cssSelector("main .ok")).getText()).isEqualTo("Rencana tersimpan sebagai draf.");
            JsonNode saved = json.readTree(api.get("/api/v1/budget-plans/" + id).body());
            assertThat(saved.get("status").asText()).isEqualTo("DRAFT");
            assertThat(saved.get("plannedPeople").asLong()).isEqualTo(24);
            assertThat(new BigDecimal(saved.get("total").asText()).toBigInteger().toString()).isEqualTo(withCohort);

            // the draft edited: 30 people instead of 24
            Browser.clickAndLoad(driver, driver.findElement(By.id("edit-plan")));
            WebElement count = driver.findElement(By.name("cohorts[0].count"));
            assertThat(count.getAttribute("value")).isEqualTo("24");
            count.clear();
            count.sendKeys("30");
            Browser.clickAndLoad(driver, driver.findElement(By.id("save-plan")));
            JsonNode edited = json.readTree(api.get("/api/v1/budget-plans/" + id).body());
            assertThat(edited.get("plannedPeople").asLong()).isEqualTo(30);
            assertThat(new BigDecimal(edited.get("total").asText()).subtract(new BigDecimal(saved.get("total").asText())))
                    .isEqualByComparingTo("1209600");
            assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'budget_plan' and entity_id = ? and action = 'UPDATE'")
                    .param(id).query(Long.class).single()).isEqualTo(1);

            Browser.clickAndLoad(driver, driver.findElement(By.id("finalise")));
            assertThat(driver.findElement(By.cssSelector("main .ok")).getText()).isEqualTo("Rencana ditandai final.");
            assertThat(driver.findElements(By.id("edit-plan"))).isEmpty();
            assertThat(json.readTree(api.get("/api/v1/budget-plans/" + id).body()).get("status").asText()).isEqualTo("FINAL");
            driver.get("http://localhost:" + port + "/anggaran/" + id + "/ubah?lang=id");
            assertThat(driver.getCurrentUrl()).as("a final plan is not edited").endsWith("/anggaran/" + id);
            assertThat(driver.findElement(By.cssSelector("main .ok")).getText()).isEqualTo("Rencana ini sudah final; angkanya tidak diubah lagi.");
            Browser.screenshot(driver, "budget-final");
        } finally {
            driver.quit();
        }
    }

    @Test
    void thePrioritisationPageCoversThePoorestFirstSaysWhereTheBudgetRanOutAndEnrolsOnce() throws Exception {
        String desa = jdbc.sql("""
                select r.code from region r where r.level = 'VILLAGE' and r.kind = 'DESA' and r.active and r.code like '73.%'
                  and not exists (select 1 from worker w where w.village_code = r.code) order by r.code desc limit 1""")
                .query(String.class).single();
        BudgetFixture fx = new BudgetFixture(jdbc);
        fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa Prioritas", desa);
        long decile3 = fx.worker(desa, "Petani Desil Tiga", "PETANI", LocalDate.of(1970, 1, 1), 3);
        long decile1 = fx.worker(desa, "Nelayan Desil Satu", "NELAYAN", LocalDate.of(1980, 1, 1), 1);
        long decile2 = fx.worker(desa, "Petani Desil Dua", "PETANI", LocalDate.of(1960, 1, 1), 2);
        fx.worker(desa, "Petani Tanpa Desil", "PETANI", LocalDate.of(1950, 1, 1), null);
        String regency = desa.substring(0, 5);
        Http api = Http.withToken(port, TestUsers.token(accounts, "ui-prio-api", Role.DPMD, regency));
        var plan = api.postJson("/api/v1/budget-plans", "{\"payer\":\"APBDES:" + desa + "\",\"year\":" + year + "}");
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);
        String id = json.readTree(plan.body()).get("id").asText();

        TestUsers.token(accounts, "ui-prio-dpmd", Role.DPMD, regency);
        WebDriver driver = Browser.openPhone();
        try {
            Browser.signIn(driver, port, "ui-prio-dpmd", TestUsers.PASSWORD);
            driver.get("http://localhost:" + port + "/anggaran/" + id + "?lang=id");
            Browser.clickAndLoad(driver, driver.findElement(By.id("priority-link")));
            List<String> order = driver.findElements(By.name("order")).stream()
                    .map(e -> new Select(e).getFirstSelectedOption().getAttribute("value")).toList();
            assertThat(order).as("the default order, shown").containsExactly("P3KE_DECILE", "CATEGORY", "OLDEST");
            // Rp 201,600 a person for the year: two fit in Rp 450,000
            driver.findElement(By.id("budget")).sendKeys("450000");
            Browser.clickAndLoad(driver, driver.findElement(By.id("run-priority")));
            assertThat(names(driver, "#chosen")).containsExactly("Nelayan Desil Satu", "Petani Desil Dua");
            assertThat(names(driver, "#left")).containsExactly("Petani Desil Tiga", "Petani Tanpa Desil");
            assertThat(driver.findElement(By.id("exhausted")).getText()).isEqualTo("anggaran habis pada peringkat 3");
            assertThat(driver.findElement(By.cssSelector("#left tbody tr td.reason")).getText()).isEqualTo("anggaran habis pada peringkat 3");
            assertThat(digits(driver.findElement(By.id("priority-cost")).getText())).isEqualTo("403200");
            assertThat(driver.findElement(By.cssSelector("#chosen tbody tr td.code")).getText()).isEqualTo(fx.nik(decile1));
            assertThat(Browser.overflow(driver)).as("the in/out list fits a phone").isLessThanOrEqualTo(0);
            Browser.screenshot(driver, "phone-budget-priority-result");

            driver.findElement(By.id("enrol-confirm")).click();
            Browser.clickAndLoad(driver, driver.findElement(By.id("enrol")));
            assertThat(driver.findElement(By.id("enrol-done")).getText()).isEqualTo("2 orang didaftarkan; 0 orang sudah didaftarkan sebelumnya.");
            long terms = terms(decile1, decile2);
            assertThat(terms).isEqualTo(4);
            driver.findElement(By.id("enrol-confirm")).click();
            Browser.clickAndLoad(driver, driver.findElement(By.id("enrol")));
            assertThat(driver.findElement(By.id("enrol-done")).getText()).isEqualTo("0 orang didaftarkan; 2 orang sudah didaftarkan sebelumnya.");
            assertThat(terms(decile1, decile2)).as("enrolling again creates nothing").isEqualTo(terms);
            assertThat(terms(decile3)).isZero();
        } finally {
            driver.quit();
        }

        // a monitor runs it by GET: NIKs masked, nothing kept, no form that changes anything
        TestUsers.token(accounts, "ui-prio-monitor", Role.MONITOR, regency);
        driver = Browser.open(1280, 900);
        try {
            Browser.signIn(driver, port, "ui-prio-monitor", TestUsers.PASSWORD);
            driver.get("http://localhost:" + port + "/anggaran/" + id + "/prioritas?budget=450000&lang=id");
            assertThat(driver.findElements(By.cssSelector("form[method=post], form[method=POST]")).stream()
                    .map(f -> f.getAttribute("action")).filter(a -> a == null || !a.endsWith("/logout")).toList()).isEmpty();
            assertThat(driver.findElements(By.id("enrol"))).isEmpty();
            assertThat(driver.findElement(By.cssSelector("#chosen tbody tr td.code")).getText()).contains("******");
            assertThat(driver.getPageSource()).doesNotContain(fx.nik(decile3));
        } finally {
            driver.quit();
        }
    }

    @Test
    void twoScenariosOfOnePayerAndYearSideBySide() throws Exception {
        Http api = Http.withToken(port, TestUsers.token(accounts, "ui-scen-api", Role.ADMIN, "ID"));
        String a = plan(api, "Skenario JKK JKM", "[\"JKK\",\"JKM\"]");
        String b = plan(api, "Skenario dengan JHT", "[\"JKK\",\"JKM\",\"JHT\"]");
        TestUsers.token(accounts, "ui-scen-dpmd", Role.DPMD, "64.02");
        WebDriver driver = Browser.open(1280, 900);
        try {
            Browser.signIn(driver, port, "ui-scen-dpmd", TestUsers.PASSWORD);
            driver.get("http://localhost:" + port + "/anggaran/" + a + "?lang=id");
            // waited for, not found at once: on a busy CI run (2026-12-05) the plan page was not there yet once
            WebElement compare = waiting(driver).until(d -> {
                List<WebElement> found = d.findElements(By.id("compare-plan"));
                return found.isEmpty() ? null : found.get(0);
            });
            Browser.clickAndLoad(driver, compare);
            driver.findElement(By.cssSelector("input[name=ids][value='" + b + "']")).click();
            Browser.clickAndLoad(driver, driver.findElement(By.id("compare-button")));
            List<WebElement> costs = driver.findElements(By.cssSelector("#scenarios tr.cost-row td"));
            List<String> columns = driver.findElements(By.cssSelector("#scenarios thead th a")).stream().map(e -> digits(e.getText())).toList();
            assertThat(columns).containsExactlyInAnyOrder(a, b);
            assertThat(costs).hasSize(2);
            assertThat(digits(costs.get(columns.indexOf(a)).getText())).isEqualTo(total(api, a));
            assertThat(digits(costs.get(columns.indexOf(b)).getText())).isEqualTo(total(api, b));
            assertThat(new BigDecimal(total(api, b))).isGreaterThan(new BigDecimal(total(api, a)));
            assertThat(driver.findElements(By.cssSelector("#scenarios tr.people-row td")).stream().map(WebElement::getText).toList())
                    .hasSize(2).allMatch(t -> t.equals(driver.findElements(By.cssSelector("#scenarios tr.people-row td")).get(0).getText()));
        } finally {
            driver.quit();
        }
    }

    @Test
    void theNationalWhatIfIsForNationalRolesWithItsTablesToDownload() throws Exception {
        TestUsers.token(accounts, "ui-whatif-auditor", Role.AUDITOR, "ID");
        WebDriver driver = Browser.open(1280, 900);
        try {
            Browser.signIn(driver, port, "ui-whatif-auditor", TestUsers.PASSWORD);
            driver.get("http://localhost:" + port + "/anggaran?lang=id");
            Browser.clickAndLoad(driver, driver.findElement(By.id("whatif-link")));
            WebElement vulnerable = driver.findElement(By.name("vulnerablePerDesa"));
            vulnerable.clear();
            vulnerable.sendKeys("10");
            Browser.clickAndLoad(driver, driver.findElement(By.id("run-whatif")));
            assertThat(digits(driver.findElement(By.id("whatif-total")).getText())).isNotEmpty();
            assertThat(driver.findElements(By.cssSelector("#whatif-provinces tbody tr"))).isNotEmpty();
            assertThat(driver.findElements(By.cssSelector("#whatif-regencies tbody tr"))).isNotEmpty();
            String csv = driver.findElement(By.id("csv-provinces")).getAttribute("href");
            Http auditor = Http.withToken(port, TestUsers.token(accounts, "ui-whatif-auditor-api", Role.AUDITOR, "ID"));
            var download = auditor.get(csv.substring(csv.indexOf("/anggaran")) + "&lang=id");
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).startsWith("\uFEFFKode,Nama,Desa,Jumlah orang");
            assertThat(download.body().lines().count()).isEqualTo(1 + driver.findElements(By.cssSelector("#whatif-provinces tbody tr")).size());
            var xlsx = auditor.get(driver.findElement(By.id("xlsx-link")).getAttribute("href").replaceAll("^https?://[^/]+", ""));
            assertThat(xlsx.statusCode()).isEqualTo(200);
            assertThat(xlsx.body()).startsWith("PK");
        } finally {
            driver.quit();
        }
        Http regency = Http.browser(port);
        TestUsers.token(accounts, "ui-whatif-dpmd", Role.DPMD, "64.02");
        assertThat(regency.login("ui-whatif-dpmd", TestUsers.PASSWORD).statusCode()).isEqualTo(302);
        assertThat(regency.get("/anggaran/simulasi-kebijakan", "text/html").statusCode()).as("the nation is outside a regency").isEqualTo(404);
        assertThat(regency.get("/anggaran", "text/html").body()).doesNotContain("whatif-link");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private String plan(Http api, String name, String programs) throws Exception {
        var plan = api.postJson("/api/v1/budget-plans", """
                {"payer":"APBDES:%s","year":%d,"name":"%s",
                 "cohorts":[{"category":"PERANGKAT_DESA","segment":"PU","count":8,"wage":2500000,"programs":%s}]}"""
                .formatted(VILLAGE, year, name, programs));
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);
        return json.readTree(plan.body()).get("id").asText();
    }

    private String total(Http api, String id) throws Exception {
        return new BigDecimal(json.readTree(api.get("/api/v1/budget-plans/" + id).body()).get("total").asText()).toBigInteger().toString();
    }

    /** A wait that reads the page again when htmx has just replaced what it was reading. */
    private static WebDriverWait waiting(WebDriver driver) {
        return id.lindung.support.Browser.waitingThroughSwaps(driver, Duration.ofSeconds(30));
    }

    /** Waits until the live total shows {@code expected} rupiah (the typing's intermediate states pass by first). */
    private static void waitForTotal(WebDriver driver, String expected) {
        waiting(driver).until(d -> {
            List<WebElement> total = d.findElements(By.id("total-year"));
            return !total.isEmpty() && digits(total.get(0).getText()).equals(expected);
        });
    }

    /** The API's total for the village's plan of next year with these cohorts (a plan it stores; the page stores none). */
    private String apiTotal(Http api, String cohorts) throws Exception {
        var plan = api.postJson("/api/v1/budget-plans", "{\"payer\":\"APBDES:" + VILLAGE + "\",\"year\":" + year + ",\"cohorts\":"
                + cohorts.strip() + "}");
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);
        return new BigDecimal(json.readTree(plan.body()).get("total").asText()).toBigInteger().toString();
    }

    private static List<String> names(WebDriver driver, String table) {
        return driver.findElements(By.cssSelector(table + " tbody tr td:nth-child(3)")).stream().map(WebElement::getText).toList();
    }

    private long terms(long... workers) {
        long n = 0;
        for (long w : workers) {
            n += jdbc.sql("select count(*) from membership_term where worker_id = ?").param(w).query(Long.class).single();
        }
        return n;
    }

    private static String digits(String text) {
        return text.replaceAll("[^0-9]", "");
    }
}
