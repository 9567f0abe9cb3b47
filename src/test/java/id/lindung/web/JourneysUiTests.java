package id.lindung.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.billing.BillingRuns;
import id.lindung.billing.Escalations;
import id.lindung.support.Browser;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.Niks;
import id.lindung.support.TestClock;
import id.lindung.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What people do with Lindung, end to end in a browser, each journey ending with a screenshot under
 * target/screenshots/journeys/. The journeys work in a regency of Central Sulawesi (72) that has no workers when the
 * suite reaches them, so no other test's data changes what they see.
 */
@IntegrationTest
class JourneysUiTests {

    private static final String PASSWORD = TestUsers.PASSWORD;

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired BillingRuns runs;
    @Autowired Escalations escalations;
    @Autowired TestClock clock;

    /** The regency and its villages: A (the operator's), B (in arrears), C (someone else's). Set up once. */
    private static Area area;

    record Area(String regency, String villageA, String villageB, String villageC, String citizenNik, LocalDate citizenBirth,
                long workerOfA, long workerOfC) {
        String districtOf(String village) {
            return village.substring(0, 8);
        }
    }

    private synchronized Area area() {
        if (area != null) {
            return area;
        }
        String regency = jdbc.sql("""
                select r.code from region r
                where r.level = 'REGENCY' and r.code like '72.%'
                  and not exists (select 1 from worker w where w.village_code >= r.code and w.village_code < r.code || '/')
                  and (select count(*) from region v where v.level = 'VILLAGE' and v.kind = 'DESA' and v.parent_code like r.code || '.%') >= 3
                order by r.code desc limit 1""").query(String.class).single();
        List<String> villages = jdbc.sql("""
                select code from region where level = 'VILLAGE' and kind = 'DESA' and code like ? order by code limit 3""")
                .param(regency + ".%").query(String.class).list();
        Http dpmd = Http.withToken(port, TestUsers.token(accounts, "jr-dpmd", Role.DPMD, regency));
        LocalDate born = LocalDate.of(1976, 4, 12);
        String citizen = Niks.unique(villages.get(1).substring(0, 8), "L", born);
        // village B: its head since January 2025, billed for January and February and never paid
        register(dpmd, citizen, "Kepala Tunggak", born, villages.get(1), "KEPALA_DESA", "2025-01-01");
        Actor dpmdActor = TestUsers.actor("jr-dpmd", Role.DPMD, regency);
        for (int m = 1; m <= 2; m++) {
            YearMonth month = YearMonth.of(2025, m);
            CurrentActor.runAs(dpmdActor, () -> runs.run(month, dpmdActor, true));
        }
        LocalDate kaderBorn = LocalDate.of(1990, 2, 3);
        String kaderOfA = Niks.unique(villages.get(0).substring(0, 8), "P", kaderBorn);
        register(dpmd, kaderOfA, "Kader Sendiri", kaderBorn, villages.get(0), "KADER", null);
        String workerOfC = Niks.unique(villages.get(2).substring(0, 8), "P", kaderBorn);
        register(dpmd, workerOfC, "Kader Tetangga", kaderBorn, villages.get(2), "KADER", null);
        area = new Area(regency, villages.get(0), villages.get(1), villages.get(2), citizen, born, workerId(kaderOfA), workerId(workerOfC));
        return area;
    }

    private static void register(Http dpmd, String nik, String name, LocalDate born, String village, String category, String start) {
        String json = """
                {"nik":"%s","name":"%s","sex":"%s","birthDate":"%s","villageCode":"%s","category":"%s"%s}"""
                .formatted(nik, name, nik.charAt(6) >= '4' ? "P" : "L", born, village, category,
                        start == null ? "" : ",\"programs\":[\"JKK\",\"JKM\"],\"segment\":\"PU\",\"wage\":2500000,"
                                + "\"riskGroup\":\"VERY_LOW\",\"payer\":\"APBDES\",\"startDate\":\"" + start + "\"");
        var created = dpmd.postJson("/api/v1/workers", json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private long workerId(String nik) {
        return jdbc.sql("select id from worker where nik = ?").param(nik).query(Long.class).single();
    }

    private long workersOf(String village, String category) {
        return jdbc.sql("select count(*) from worker where village_code = ? and category = ?").params(village, category)
                .query(Long.class).single();
    }

    private static Path screenshot(WebDriver driver, String name) throws Exception {
        Files.createDirectories(Path.of("target", "screenshots", "journeys"));
        return Browser.screenshot(driver, "journeys/" + name);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String invalidFields(WebDriver driver) {
        return String.valueOf(((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll(':invalid')).map(e => e.name + ': ' + e.validationMessage).join('; ');"));
    }

    private static String mainText(WebDriver driver) {
        return driver.findElements(By.tagName("main")).stream().map(WebElement::getText).findFirst().orElse(driver.getPageSource());
    }

    private static void setValue(WebDriver driver, WebElement input, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", input, value);
    }

    @Test
    void aVillageOperatorRegistersTheApparatusImportsFishersFixesTheRejectedRowsAndSeesTheMonthsBill() throws Exception {
        Area a = area();
        String operator = "jr-op-" + a.villageA();
        TestUsers.token(accounts, operator, Role.VILLAGE_OPERATOR, a.villageA());
        LocalDate firstOfMonth = YearMonth.now(clock).atDay(1);
        WebDriver driver = Browser.open(1366, 900);
        try {
            Browser.signIn(driver, port, operator, PASSWORD);
            // the head of the village and two officials, through the registration form
            String[][] apparatus = {{"Kepala Jurnal", "KEPALA_DESA", "L"}, {"Sekretaris Jurnal", "PERANGKAT_DESA", "P"},
                    {"Kaur Jurnal", "PERANGKAT_DESA", "L"}};
            for (String[] p : apparatus) {
                LocalDate born = LocalDate.of(1980, 6, 15);
                driver.get(url("/pekerja/baru?lang=id"));
                driver.findElement(By.id("nik")).sendKeys(Niks.unique(a.districtOf(a.villageA()), p[2], born));
                // the NIK is checked as it is typed: wait for its answer before going on
                id.lindung.support.Browser.waitingThroughSwaps(driver, Duration.ofSeconds(10)).until(d -> !d.findElement(By.id("nik-info")).getText().isBlank());
                driver.findElement(By.id("name")).sendKeys(p[0]);
                new Select(driver.findElement(By.id("sex"))).selectByValue(p[2]);
                setValue(driver, driver.findElement(By.id("birthDate")), born.toString());
                new Select(driver.findElement(By.id("category"))).selectByValue(p[1]);
                setValue(driver, driver.findElement(By.id("startDate")), firstOfMonth.toString());
                Browser.clickAndLoad(driver, driver.findElement(By.cssSelector("form[action='/pekerja/baru'] button[type=submit]")));
                assertThat(driver.getCurrentUrl()).as("%s: invalid %s; %s", p[0], invalidFields(driver), mainText(driver))
                        .contains("/pekerja/id/");
                assertThat(driver.findElement(By.cssSelector(".ok")).getText()).isEqualTo("Pekerja terdaftar.");
                assertThat(driver.findElement(By.tagName("main")).getText()).contains(p[0]);
            }
            assertThat(workersOf(a.villageA(), "KEPALA_DESA")).isEqualTo(1);
            assertThat(workersOf(a.villageA(), "PERANGKAT_DESA")).isEqualTo(2);

            // fifty fishers, three of them with a mistake: a short NIK, an unknown sex, the 30th of February
            Map<String, String> goodRows = new LinkedHashMap<>();
            StringBuilder csv = new StringBuilder("nik,name,sex,birth_date,village_code,category,start_date\n");
            for (int i = 1; i <= 50; i++) {
                String sex = i % 3 == 0 ? "P" : "L";
                LocalDate born = LocalDate.of(1970 + i % 30, 1 + i % 12, 1 + i % 28);
                String name = String.format("Nelayan Jurnal %02d", i);
                String good = String.join(",", Niks.unique(a.districtOf(a.villageA()), sex, born), name, sex, born.toString(),
                        a.villageA(), "NELAYAN", firstOfMonth.toString());
                goodRows.put(name, good);
                String row = switch (i) {
                    case 10 -> good.replaceFirst("^(\\d{15})\\d", "$1");
                    case 20 -> good.replace("," + sex + ",", ",X,");
                    case 30 -> good.replace("," + born + ",", "," + born.getYear() + "-02-30,");
                    default -> good;
                };
                csv.append(row).append('\n');
            }
            Path file = Files.createTempFile("nelayan-", ".csv");
            file.toFile().deleteOnExit();
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            String batch = upload(driver, file);
            assertThat(batchFact(driver, "Status")).isEqualTo("Terimpor sebagian");
            assertThat(batchFact(driver, "Ditolak")).isEqualTo("3");
            assertThat(workersOf(a.villageA(), "NELAYAN")).isEqualTo(47);

            // the rejection file, fixed row by row and sent again
            WebElement link = driver.findElement(By.cssSelector("a[href$='/rejections.csv']"));
            assertThat(link.getAttribute("href")).endsWith("/api/v1/imports/" + batch + "/rejections.csv");
            String rejections = download(driver, link.getAttribute("href"));
            List<String> rejected = rejections.lines().skip(1).filter(l -> !l.isBlank()).toList();
            assertThat(rejected).hasSize(3);
            List<String> fixedRows = new ArrayList<>();
            for (String line : rejected) {
                String name = line.split(",", 3)[1];
                assertThat(goodRows).as(line).containsKey(name);
                fixedRows.add(goodRows.get(name));
            }
            Path fixed = Files.createTempFile("nelayan-perbaikan-", ".csv");
            fixed.toFile().deleteOnExit();
            Files.writeString(fixed, "nik,name,sex,birth_date,village_code,category,start_date\n"
                    + fixedRows.stream().collect(Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);
            upload(driver, fixed);
            assertThat(batchFact(driver, "Status")).isEqualTo("Terimpor");
            assertThat(batchFact(driver, "Ditolak")).isEqualTo("0");
            assertThat(workersOf(a.villageA(), "NELAYAN")).isEqualTo(50);

            // the office runs the month's billing; the operator finds the village's bill
            Actor dpmd = TestUsers.actor("jr-dpmd", Role.DPMD, a.regency());
            CurrentActor.runAs(dpmd, () -> runs.run(YearMonth.now(clock), dpmd, true));
            long bill = jdbc.sql("""
                    select b.id from bill b join registry_payer p on p.id = b.payer_id where p.code = ? and b.month = ?""")
                    .params("APBDES:" + a.villageA(), firstOfMonth).query(Long.class).single();
            driver.get(url("/tagihan"));
            Browser.clickAndLoad(driver, driver.findElement(By.cssSelector("a[href='/tagihan/" + bill + "']")));
            assertThat(driver.getCurrentUrl()).endsWith("/tagihan/" + bill);
            String page = driver.findElement(By.tagName("main")).getText();
            assertThat(page).contains(a.villageA()).doesNotContain("Terjadi kesalahan");
            screenshot(driver, "1-operator-sees-the-months-bill");
        } finally {
            driver.quit();
        }
    }

    /** Uploads a worker file through /impor/pekerja, imported at once; answers the batch id of the page it lands on. */
    private String upload(WebDriver driver, Path file) {
        driver.get(url("/impor/pekerja?lang=id"));
        driver.findElement(By.cssSelector("input[type=file][name=file]")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.cssSelector("input[name=autoConfirm]")).click();
        Browser.clickAndLoad(driver, driver.findElement(By.cssSelector("form[action='/impor/pekerja'] button[type=submit]")));
        assertThat(driver.getCurrentUrl()).matches(".*/impor/pekerja/\\d+$");
        return driver.getCurrentUrl().replaceAll(".*/", "");
    }

    private static String batchFact(WebDriver driver, String term) {
        List<WebElement> dts = driver.findElements(By.cssSelector("dl dt"));
        for (WebElement dt : dts) {
            if (dt.getText().equals(term)) {
                return dt.findElement(By.xpath("following-sibling::dd[1]")).getText();
            }
        }
        throw new AssertionError("no " + term + " on " + driver.getCurrentUrl());
    }

    /** What the browser would download from a link: the same request with the browser's session cookie. */
    private static String download(WebDriver driver, String href) throws Exception {
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    @Test
    void aDpmdOfficerFindsAVillageInArrearsAndRecordsItsPayment() throws Exception {
        Area a = area();
        String payer = "APBDES:" + a.villageB();
        Actor officer = TestUsers.actor("jr-dpmd", Role.DPMD, a.regency());
        var owed = escalations.forScope(officer.scope(), LocalDate.now(clock)).stream()
                .filter(e -> e.payer().equals(payer)).findFirst().orElseThrow(() -> new AssertionError("not in arrears: " + jdbc.sql(
                        "select b.month || ' ' || b.due_date || ' ' || p.code || ' ' || p.region_code from bill b join registry_payer p on p.id = b.payer_id where p.region_code like ?")
                        .param(a.regency() + "%").query(String.class).list()));
        assertThat(owed.monthsInArrears()).isEqualTo(2);
        WebDriver driver = Browser.open(1366, 900);
        try {
            Browser.signIn(driver, port, "jr-dpmd", PASSWORD);
            driver.get(url("/tagihan?lang=id"));
            WebElement row = driver.findElement(By.xpath("//span[@class='code' and text()='" + payer + "']/ancestor::tr"));
            assertThat(row.findElement(By.cssSelector(".badge")).getText()).isEqualTo("2");
            Browser.clickAndLoad(driver, driver.findElement(By.cssSelector("main a[href='/pembayaran']")));
            driver.findElement(By.name("payer")).sendKeys(payer);
            driver.findElement(By.name("reference")).sendKeys("JURNAL-" + a.villageB());
            driver.findElement(By.name("amount")).sendKeys(owed.outstanding().toBigDecimal().toPlainString());
            Browser.clickAndLoad(driver, driver.findElement(By.cssSelector("form[action='/pembayaran'] button[type=submit]")));
            assertThat(driver.findElement(By.cssSelector(".ok")).getText())
                    .isEqualTo("Pembayaran dicatat dan dialokasikan ke bulan tertua yang belum lunas.");
            screenshot(driver, "2-dpmd-payment-recorded");
            driver.get(url("/tagihan"));
            assertThat(driver.findElements(By.xpath("//span[@class='code' and text()='" + payer + "']"))).as("still in arrears").isEmpty();
            screenshot(driver, "2-dpmd-arrears-cleared");
        } finally {
            driver.quit();
        }
        assertThat(escalations.forScope(officer.scope(), LocalDate.now(clock)).stream().filter(e -> e.payer().equals(payer))).isEmpty();
    }

    @Test
    void aCitizenChecksTheirProtectionWithNikAndBirthDate() throws Exception {
        Area a = area();
        // other tests use the public check from this address: start past their minutes of the rate limit
        clock.fixAt(clock.instant().plusSeconds(600));
        WebDriver driver = Browser.openPhone();
        try {
            driver.get(url("/public/cek-perlindungan?lang=id"));
            driver.findElement(By.id("nik")).sendKeys(a.citizenNik());
            setValue(driver, driver.findElement(By.id("birthDate")), a.citizenBirth().plusDays(1).toString());
            Browser.clickAndLoad(driver, driver.findElement(By.cssSelector("form button[type=submit]")));
            assertThat(driver.findElement(By.cssSelector("main .error")).getText()).isEqualTo("Tidak ada peserta dengan NIK dan tanggal lahir itu.");

            driver.findElement(By.id("nik")).sendKeys(a.citizenNik());
            setValue(driver, driver.findElement(By.id("birthDate")), a.citizenBirth().toString());
            Browser.clickAndLoad(driver, driver.findElement(By.cssSelector("form button[type=submit]")));
            List<String> programs = driver.findElements(By.cssSelector("main table tr td:first-child")).stream()
                    .map(WebElement::getText).toList();
            assertThat(programs).as(mainText(driver)).contains("JKK", "JKM");
            assertThat(driver.findElements(By.cssSelector("main table .badge"))).allSatisfy(b -> assertThat(b.getText()).isNotBlank());
            assertThat(driver.getPageSource()).doesNotContain(a.citizenNik()).doesNotContain("Kepala Tunggak");
            assertThat(driver.getCurrentUrl()).doesNotContain(a.citizenNik());
            assertThat(Browser.overflow(driver)).isLessThanOrEqualTo(0);
            screenshot(driver, "3-citizen-public-check");
        } finally {
            driver.quit();
            clock.reset();
        }
    }

    @Test
    void aVillageOperatorOpeningAnotherVillagesWorkerByAddressGetsNotFound() throws Exception {
        Area a = area();
        String operator = "jr-op-" + a.villageA();
        TestUsers.token(accounts, operator, Role.VILLAGE_OPERATOR, a.villageA());
        WebDriver driver = Browser.open(1366, 900);
        try {
            Browser.signIn(driver, port, operator, PASSWORD);
            driver.get(url("/pekerja/id/" + a.workerOfA() + "?lang=id"));
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Kader Sendiri");
            driver.get(url("/pekerja/id/" + a.workerOfC() + "?lang=id"));
            String page = driver.findElement(By.tagName("main")).getText();
            assertThat(page).contains("Halaman atau data tidak ditemukan").doesNotContain("Kader Tetangga");
            assertThat(driver.getPageSource()).doesNotContain("Kader Tetangga").doesNotContain(a.villageC());
            screenshot(driver, "4-operator-other-village-not-found");
        } finally {
            driver.quit();
        }
    }
}
