package id.lindung.budget;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Browser;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestClock;
import id.lindung.support.TestUsers;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A village operator drives the budget forms in a browser, on a 390 px phone in Indonesian and on a 1366 px screen in
 * English: a cohort with joiners and leavers in the editor (live totals, then saved), a named list uploaded (a bad file
 * refused by line, then a good one), the draft edited with its list kept, and the prioritisation over the list with the
 * category rank set on the page and kept as the payer's ranking. Each step checks what the page and the API then show.
 */
@IntegrationTest
class BudgetFormsUiTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String HEADER = "nik,name,sex,birth_date,category,segment,wage,programs,p3ke_decile";
    /** BPU at Rp 1,000,000 with JKK+JKM: JKK 1% + JKM Rp 6,800 a month. */
    static final long BPU_MONTH = 16_800;

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    private final int year = TestClock.nextBusinessYear();

    @Test
    void onAPhoneInIndonesianTheOperatorPlansWithJoinersUploadsAListEditsKeepingItAndRanksCategories() throws Exception {
        drive(Browser.openPhone(), "id", desa(0));
    }

    @Test
    void onAWideScreenInEnglishTheOperatorPlansWithJoinersUploadsAListEditsKeepingItAndRanksCategories() throws Exception {
        drive(Browser.open(1366, 900), "en", desa(1));
    }

    /** A desa of West Sulawesi no other budget test plans for (one per test, so the two never share a payer). */
    private String desa(int n) {
        return jdbc.sql("""
                select code from region where level = 'VILLAGE' and kind = 'DESA' and active and code like '76.%'
                order by code offset ? limit 1""").param(40 + n).query(String.class).single();
    }

    private void drive(WebDriver driver, String lang, String desa) throws Exception {
        boolean id = lang.equals("id");
        new BudgetFixture(jdbc).payer("APBDES:" + desa, "APBDES", "Pemerintah Desa Uji " + lang, desa);
        String user = "ui-forms-" + lang;
        TestUsers.token(accounts, user, Role.VILLAGE_OPERATOR, desa);
        Http api = Http.withToken(port, TestUsers.token(accounts, "ui-forms-api-" + lang, Role.ADMIN, "ID"));
        String base = "http://localhost:" + port;
        try {
            Browser.signIn(driver, port, user, TestUsers.PASSWORD);

            // 1. the editor: 10 fishers from March, 3 join and 1 leaves a month: 10, 12, ... 28 = 190 person-months, 37 people
            driver.get(base + "/anggaran/baru?payer=APBDES:" + desa + "&year=" + year + "&lang=" + lang);
            long before = waiting(driver).until(d -> Long.valueOf(digits(d.findElement(By.id("total-year")).getText())));
            assertThat(driver.findElement(By.id("payer-list")).getCssValue("display"))
                    .as("the payer suggestions are offered by the field, not printed in the form").isEqualTo("none");
            long peopleBefore = waiting(driver).until(d -> Long.valueOf(digits(d.findElement(By.id("total-people")).getText())));
            new Select(driver.findElement(By.name("cohorts[0].category"))).selectByValue("NELAYAN");
            new Select(driver.findElement(By.name("cohorts[0].segment"))).selectByValue("BPU");
            driver.findElement(By.name("cohorts[0].count")).sendKeys("10");
            driver.findElement(By.name("cohorts[0].wage")).sendKeys("1000000");
            type(driver, By.name("cohorts[0].monthFrom"), year + "-03");
            driver.findElement(By.name("cohorts[0].joiners")).sendKeys("3");
            driver.findElement(By.name("cohorts[0].leavers")).sendKeys("1");
            long expected = before + 190 * BPU_MONTH;
            waiting(driver).until(d -> !d.findElements(By.id("total-year")).isEmpty()
                    && digits(d.findElement(By.id("total-year")).getText()) == expected);
            long people = waiting(driver).until(d -> Long.valueOf(digits(d.findElement(By.id("total-people")).getText())));
            assertThat(people).isEqualTo(peopleBefore + 37);
            assertThat(Browser.overflow(driver)).as("the editor fits the screen").isLessThanOrEqualTo(0);
            Browser.clickAndLoad(driver, driver.findElement(By.id("save-plan")));
            assertThat(driver.getCurrentUrl()).matches(".*/anggaran/\\d+$");
            String plan = driver.getCurrentUrl().replaceAll("^.*/anggaran/(\\d+)$", "$1");
            assertThat(driver.findElement(By.cssSelector("main .ok")).getText())
                    .isEqualTo(id ? "Rencana tersimpan sebagai draf." : "Plan saved as a draft.");
            assertThat(texts(driver, "main ul li")).as("dates and months as every page writes them, never as stored")
                    .noneMatch(a -> a.matches("(?s).*\\d{4}-\\d{2}.*"));
            assertThat(texts(driver, "main ul li")).anySatisfy(a -> assertThat(a)
                    .contains(id ? "3 masuk dan 1 keluar setiap bulan" : "3 join and 1 leave every month").contains("28"));
            // the plan names its desa, district and regency; the code is secondary
            assertThat(driver.findElement(By.id("plan-region")).getText()).startsWith("Desa ").contains(", Kec. ")
                    .doesNotContain(desa);
            JsonNode saved = JSON.readTree(api.get("/api/v1/budget-plans/" + plan).body());
            assertThat(saved.get("plannedPeople").asLong()).isEqualTo(37);
            assertThat(saved.get("cohorts").get(0).get("joiners").asLong()).isEqualTo(3);

            // 2. the named list: a file with a bad row is refused by line and nothing is stored; then a good one
            String district = desa.substring(0, 8).replace(".", "");
            String trader = nik(district, 1, 0), fisher = nik(district, 2, 1), farmer = nik(district, 3, 2);
            upload(driver, HEADER + "\n" + trader + ",Pedagang Satu,L,1981-05-01,PEDAGANG_UMKM,BPU,1000000,JKK;JKM;JP,1\n");
            assertThat(driver.findElement(By.id("list-problems")).getText()).startsWith(id ? "Baris 2" : "Line 2")
                    // the refused programme named, as the API names it (the page's own sentence named the three allowed)
                    .contains(id ? "JP tidak tersedia untuk peserta BPU." : "JP is not available to BPU participants.");
            assertThat(driver.findElements(By.id("list-summary"))).isEmpty();
            assertThat(jdbc.sql("select count(*) from budget_list where plan_id = ?").param(Long.parseLong(plan)).query(Long.class).single())
                    .isZero();
            upload(driver, HEADER + "\n"
                    + trader + ",Pedagang Satu,L,1981-05-01,PEDAGANG_UMKM,BPU,1000000,JKK;JKM,1\n"
                    + fisher + ",Nelayan Dua,L,1982-05-02,NELAYAN,BPU,1000000,JKK;JKM,1\n"
                    + farmer + ",Petani Tiga,L,1983-05-03,PETANI,BPU,1000000,JKK;JKM,1\n");
            assertThat(driver.findElement(By.cssSelector("main .ok")).getText())
                    .isEqualTo(id ? "Daftar nama tersimpan; rencana dihitung ulang." : "Named list saved; the plan is costed again.");
            assertThat(driver.findElements(By.cssSelector("#list-people tbody tr"))).hasSize(3);
            BigDecimal withList = new BigDecimal(JSON.readTree(api.get("/api/v1/budget-plans/" + plan).body()).get("total").asString());
            assertThat(withList).isEqualByComparingTo(BigDecimal.valueOf(expected + 3 * 12 * BPU_MONTH));
            assertThat(Browser.overflow(driver)).as("the plan with its list fits the screen").isLessThanOrEqualTo(0);

            // 3. the draft edited with its list: the editor says the list stays; 12 fishers instead of 10 (+2 a month)
            Browser.clickAndLoad(driver, driver.findElement(By.id("edit-plan")));
            assertThat(driver.findElement(By.id("named-list-choice")).getText()).contains("daftar.csv");
            assertThat(driver.findElement(By.id("list-keep")).isSelected()).isTrue();
            WebElement count = driver.findElement(By.name("cohorts[0].count"));
            count.clear();
            count.sendKeys("12");
            long edited = expected + 3 * 12 * BPU_MONTH + 2 * 10 * BPU_MONTH;
            waiting(driver).until(d -> !d.findElements(By.id("total-year")).isEmpty()
                    && digits(d.findElement(By.id("total-year")).getText()) == edited);
            Browser.clickAndLoad(driver, driver.findElement(By.id("save-plan")));
            assertThat(driver.findElements(By.cssSelector("#list-people tbody tr"))).as("the list kept").hasSize(3);
            JsonNode after = JSON.readTree(api.get("/api/v1/budget-plans/" + plan).body());
            assertThat(after.get("listPeople").asLong()).isEqualTo(3);
            assertThat(new BigDecimal(after.get("total").asString())).isEqualByComparingTo(BigDecimal.valueOf(edited));

            // 4. prioritisation over the list: traders ranked before fishers and farmers, kept as the payer's ranking;
            //    Rp 201,600 a person for the year, so Rp 403,200 covers two and the budget runs out at rank 3
            Browser.clickAndLoad(driver, driver.findElement(By.id("priority-link")));
            new Select(driver.findElement(By.id("candidates"))).selectByValue("IMPORTED_LIST");
            driver.findElement(By.id("budget")).sendKeys("403200");
            driver.findElement(By.cssSelector("details summary")).click();
            rank(driver, "PEDAGANG_UMKM", "1");
            rank(driver, "NELAYAN", "2");
            rank(driver, "PETANI", "3");
            driver.findElement(By.id("save-rank")).click();
            Browser.clickAndLoad(driver, driver.findElement(By.id("run-priority")));
            assertThat(texts(driver, "#chosen tbody tr td:nth-child(3)")).containsExactly("Pedagang Satu", "Nelayan Dua");
            assertThat(texts(driver, "#left tbody tr td:nth-child(3)")).containsExactly("Petani Tiga");
            assertThat(driver.findElement(By.id("exhausted")).getText())
                    .isEqualTo(id ? "anggaran habis pada peringkat 3" : "budget exhausted at rank 3");
            assertThat(digits(driver.findElement(By.id("priority-cost")).getText())).isEqualTo(2 * 12 * BPU_MONTH);
            assertThat(Browser.overflow(driver)).as("the in/out list fits the screen").isLessThanOrEqualTo(0);
            JsonNode ranking = JSON.readTree(api.get("/api/v1/budget-payers/APBDES:" + desa + "/category-rank").body());
            assertThat(ranking.get("source").asString()).isEqualTo("PAYER");
            List<String> ranked = new java.util.ArrayList<>();
            ranking.get("categoryRank").forEach(n -> ranked.add(n.asString()));
            assertThat(ranked.indexOf("PEDAGANG_UMKM")).isLessThan(ranked.indexOf("NELAYAN"));
            assertThat(ranked.indexOf("NELAYAN")).isLessThan(ranked.indexOf("PETANI"));
            Browser.screenshot(driver, "budget-forms-" + lang);
        } finally {
            driver.quit();
        }
    }

    /** A man's NIK of the district born in May 198x, serial {@code n}: valid for the import's checks. */
    private static String nik(String district, int day, int yearOffset) {
        return district + String.format("%02d05%02d", day, 81 + yearOffset) + String.format("%04d", 1000 + day);
    }

    private static void upload(WebDriver driver, String csv) throws Exception {
        Path dir = Files.createTempDirectory("budget-list");
        Path file = dir.resolve("daftar.csv");
        try {
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            driver.findElement(By.cssSelector("#upload-list input[type=file]")).sendKeys(file.toAbsolutePath().toString());
            Browser.clickAndLoad(driver, driver.findElement(By.id("upload-list-button")));
        } finally {
            // the page has loaded the answer to the upload: the browser has read the file (every run left a folder in /tmp)
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static void rank(WebDriver driver, String category, String place) {
        WebElement field = driver.findElement(By.name("rank." + category));
        field.clear();
        field.sendKeys(place);
    }

    /** A month field set as a person picks it (Chromium's month input takes no typed text reliably). */
    private static void type(WebDriver driver, By field, String value) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                driver.findElement(field), value);
    }

    private static List<String> texts(WebDriver driver, String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private static WebDriverWait waiting(WebDriver driver) {
        return id.lindung.support.Browser.waitingThroughSwaps(driver, Duration.ofSeconds(30));
    }

    private static long digits(String text) {
        String d = text.replaceAll("[^0-9]", "");
        return d.isEmpty() ? -1 : Long.parseLong(d);
    }
}
