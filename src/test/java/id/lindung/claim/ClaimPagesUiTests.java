package id.lindung.claim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Browser;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.Niks;
import id.lindung.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
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

/**
 * The claim pages in a browser: the village opens a death case from the worker page, sees the eligibility decision and
 * the benefit before saving (and the preview stores nothing), uploads the documents; a BPJS officer who did not open it
 * verifies, approves and pays it from the case page; whoever opened a case is offered no approval; a monitor reads
 * without any form.
 */
@IntegrationTest
class ClaimPagesUiTests {

    private static final String VILLAGE = "64.02.03.2007";

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private final ObjectMapper json = new ObjectMapper();

    /** A village official (PU, paid by the village budget) who joined in 2021: a JKM death grants the scholarship. */
    private JsonNode official(Http admin, String name) throws Exception {
        String nik = Niks.unique("64.02.03", "L", LocalDate.of(1979, 4, 11));
        var created = admin.postJson("/api/v1/workers", """
                {"nik":"%s","name":"%s","sex":"L","birthDate":"1979-04-11","villageCode":"%s","category":"PERANGKAT_DESA",
                 "programs":["JKK","JKM"],"segment":"PU","wage":2500000,"riskGroup":"VERY_LOW","payer":"APBDES","startDate":"2021-01-01"}"""
                .formatted(nik, name, VILLAGE));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body());
    }

    /** The text of every page of a PDF, spaces collapsed. */
    static String pdfText(byte[] pdf) throws java.io.IOException {
        try (com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf)) {
            var extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append(' ');
            }
            return text.toString().replaceAll("\\s+", " ");
        }
    }

    private long claims() {
        return jdbc.sql("select count(*) from claim_case").query(Long.class).single();
    }

    private static void setValue(WebDriver driver, WebElement input, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", input, value);
    }

    private static WebDriverWait waiting(WebDriver driver) {
        return id.lindung.support.Browser.waitingThroughSwaps(driver, Duration.ofSeconds(15));
    }

    @Test
    void theVillageOpensADeathCaseWithAPreviewAndAnotherOfficerTakesItToPayment() throws Exception {
        Http admin = Http.withToken(port, TestUsers.token(accounts, "ui-claim-admin", Role.ADMIN, "ID"));
        JsonNode worker = official(admin, "Perangkat Klaim Layar");
        String publicId = worker.get("id").asText();
        TestUsers.token(accounts, "ui-claim-operator", Role.VILLAGE_OPERATOR, VILLAGE);
        TestUsers.token(accounts, "ui-claim-bpjs", Role.BPJS_OFFICER, "64.02");
        LocalDate today = LocalDate.now(clock);
        String spouseNik = Niks.unique("64.02.03", "P", LocalDate.of(1983, 6, 2));
        Path pdf = Files.createTempFile("dokumen-klaim", ".pdf");
        pdf.toFile().deleteOnExit();
        Files.writeString(pdf, "%PDF-1.4\n% dokumen uji\n%%EOF\n", StandardCharsets.US_ASCII);
        Path notPdf = Files.createTempFile("bukan-pdf", ".pdf");
        notPdf.toFile().deleteOnExit();
        Files.writeString(notPdf, "ini hanya teks biasa, bukan PDF", StandardCharsets.UTF_8);

        WebDriver driver = Browser.open(1280, 900);
        long id;
        try {
            Browser.signIn(driver, port, "ui-claim-operator", TestUsers.PASSWORD);
            driver.get("http://localhost:" + port + "/pekerja/p/" + publicId + "?lang=id");
            driver.findElement(By.id("open-claim")).click();
            waiting(driver).until(d -> d.getCurrentUrl().contains("/klaim/baru"));
            new Select(driver.findElement(By.name("case"))).selectByValue("JKM_DEATH");
            // the fields of a JKM death only: children and heirs, no disability percentage, no care costs
            assertThat(driver.findElement(By.name("child0Name")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.name("heir0Name")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.name("percent")).isDisplayed()).isFalse();
            assertThat(driver.findElement(By.name("medical")).isDisplayed()).isFalse();
            setValue(driver, driver.findElement(By.name("incidentDate")), today.minusDays(6).toString());
            setValue(driver, driver.findElement(By.name("reportedOn")), today.minusDays(2).toString());
            driver.findElement(By.name("child0Name")).sendKeys("Anak Pertama");
            setValue(driver, driver.findElement(By.name("child0BirthDate")), today.minusYears(9).toString());
            new Select(driver.findElement(By.name("child0SchoolLevel"))).selectByValue("SD");
            driver.findElement(By.name("heir0Name")).sendKeys("Istri Almarhum");
            driver.findElement(By.name("heir0Nik")).sendKeys(spouseNik);
            new Select(driver.findElement(By.name("heir0Relationship"))).selectByValue("SPOUSE");
            driver.findElement(By.name("heir0BankAccount")).sendKeys("BRI 0123 4567");

            long before = claims();
            driver.findElement(By.id("preview-button")).click();
            waiting(driver).until(d -> !d.findElements(By.id("preview-verdict")).isEmpty());
            assertThat(driver.findElement(By.id("preview-verdict")).getText()).isEqualTo("Memenuhi syarat");
            String preview = driver.findElement(By.id("claim-preview")).getText();
            assertThat(preview).contains("Pratinjau (belum disimpan)").contains("Rp 42.000.000").contains("PP 82/2019");
            assertThat(claims()).as("a preview stores nothing").isEqualTo(before);
            Browser.screenshot(driver, "claim-preview");

            driver.findElement(By.id("save-button")).click();
            waiting(driver).until(d -> d.getCurrentUrl().matches(".*/klaim/\\d+$"));
            id = Long.parseLong(driver.getCurrentUrl().replaceAll("^.*/klaim/(\\d+)$", "$1"));
            assertThat(driver.findElement(By.id("claim-status")).getText()).isEqualTo("Diajukan");
            assertThat(driver.findElement(By.id("claim-heirs")).getText()).contains("Istri Almarhum").contains("Penerima");
            assertThat(driver.findElement(By.id("claim-scholarships")).getText()).contains("Anak Pertama").contains("TK sampai SD");
            assertThat(driver.findElement(By.id("claim-components")).getText()).contains("Rp 42.000.000");
            assertThat(driver.findElements(By.id("verify-button"))).as("the village does not verify").isEmpty();
            assertThat(driver.findElement(By.id("claim-actions")).getText()).contains("petugas BPJS");

            // a text file named .pdf is refused by its content; the page says so in Indonesian
            new Select(driver.findElement(By.cssSelector("#upload-form select[name=type]"))).selectByValue("KTP");
            driver.findElement(By.cssSelector("#upload-form input[type=file]")).sendKeys(notPdf.toString());
            driver.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
            waiting(driver).until(d -> !d.findElements(By.cssSelector("main .error")).isEmpty());
            assertThat(driver.findElement(By.cssSelector("main .error")).getText()).contains("bukan PDF, JPEG atau PNG");

            // the required documents, uploaded from the page
            for (String type : List.of("KTP", "KK", "BANK_BOOK", "DEATH_CERTIFICATE", "HEIR_STATEMENT")) {
                driver.get("http://localhost:" + port + "/klaim/" + id);
                new Select(driver.findElement(By.cssSelector("#upload-form select[name=type]"))).selectByValue(type);
                driver.findElement(By.cssSelector("#upload-form input[type=file]")).sendKeys(pdf.toString());
                driver.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
                waiting(driver).until(d -> !d.findElements(By.cssSelector("main .ok")).isEmpty());
            }
            assertThat(driver.findElement(By.id("claim-documents")).findElements(By.cssSelector("tr.missing td .badge.bad")))
                    .as("no required document missing").isEmpty();
        } finally {
            driver.quit();
        }

        WebDriver officer = Browser.open(1280, 900);
        try {
            Browser.signIn(officer, port, "ui-claim-bpjs", TestUsers.PASSWORD);
            officer.get("http://localhost:" + port + "/klaim/" + id + "?lang=id");
            officer.findElement(By.id("verify-button")).click();
            waiting(officer).until(d -> d.findElement(By.id("claim-status")).getText().equals("Diverifikasi"));
            officer.findElement(By.id("approve-button")).click();
            waiting(officer).until(d -> d.findElement(By.id("claim-status")).getText().equals("Disetujui"));
            WebElement pay = officer.findElement(By.id("pay-button")).findElement(By.xpath("./ancestor::form"));
            pay.findElement(By.name("reference")).sendKeys("UI-KLAIM-" + id);
            assertThat(new Select(pay.findElement(By.name("heir"))).getFirstSelectedOption().getText()).isEqualTo("Istri Almarhum");
            officer.findElement(By.id("pay-button")).click();
            waiting(officer).until(d -> d.findElement(By.id("claim-status")).getText().equals("Dibayar"));
            assertThat(officer.findElement(By.id("claim-history")).getText()).contains("ui-claim-operator").contains("ui-claim-bpjs");
            Browser.screenshot(officer, "claim-paid");
            // the list of the officer's area shows it, filtered by status and type
            officer.get("http://localhost:" + port + "/klaim?status=PAID&case=JKM_DEATH&lang=id");
            assertThat(officer.findElement(By.tagName("main")).getText()).contains("Perangkat Klaim Layar").contains("Dibayar");
        } finally {
            officer.quit();
        }

        // the case file: one PDF, Indonesian, with the decision, the heirs and page numbers
        String token = TestUsers.token(accounts, "ui-claim-bpjs", Role.BPJS_OFFICER, "64.02");
        var file = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/klaim/" + id + "/berkas.pdf"))
                .header("Authorization", "Bearer " + token).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        String text = pdfText(file.body());
        assertThat(text).contains("Berkas Klaim No. " + id).contains("Keputusan kelayakan").contains("Istri Almarhum")
                .contains("Halaman 1 dari").contains("PP 82/2019").doesNotContain("JKM_DEATH");
    }

    @Test
    void whoeverOpenedACaseIsOfferedNoApprovalAndAMonitorSeesNoForm() throws Exception {
        Http admin = Http.withToken(port, TestUsers.token(accounts, "ui-claim-admin", Role.ADMIN, "ID"));
        JsonNode worker = official(admin, "Perangkat Pembuka Sendiri");
        Http maker = Http.withToken(port, TestUsers.token(accounts, "ui-claim-maker", Role.BPJS_OFFICER, "64.02"));
        TestUsers.token(accounts, "ui-claim-checker", Role.BPJS_OFFICER, "64.02");
        TestUsers.token(accounts, "ui-claim-monitor", Role.MONITOR, "64.02");
        LocalDate today = LocalDate.now(clock);
        var opened = maker.postJson("/api/v1/claims", """
                {"nik":"%s","case":"JKK_TEMPORARY_DISABILITY","incidentDate":"%s","reportedOn":"%s","months":1,"submitIfIneligible":false}"""
                .formatted(worker.get("nik").asText(), today.minusDays(8), today.minusDays(7)));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        long id = json.readTree(opened.body()).get("id").asLong();
        for (String type : List.of("KTP", "KK", "BANK_BOOK", "ACCIDENT_REPORT", "MEDICAL_RESUME")) {
            var up = maker.upload("/api/v1/claims/" + id + "/documents?type=" + type, "file", type + ".pdf",
                    "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), "");
            assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
        }
        assertThat(maker.postJson("/api/v1/claims/" + id + "/transitions", "{\"to\":\"VERIFIED\"}").statusCode()).isEqualTo(200);

        List<String> seen = new ArrayList<>();
        for (String user : List.of("ui-claim-maker", "ui-claim-checker", "ui-claim-monitor")) {
            WebDriver driver = Browser.open(1280, 900);
            try {
                Browser.signIn(driver, port, user, TestUsers.PASSWORD);
                driver.get("http://localhost:" + port + "/klaim/" + id + "?lang=id");
                boolean approve = !driver.findElements(By.id("approve-button")).isEmpty();
                boolean reject = !driver.findElements(By.id("reject-button")).isEmpty();
                seen.add(user + " approve=" + approve + " reject=" + reject);
                if (user.equals("ui-claim-maker")) {
                    assertThat(driver.findElement(By.id("claim-actions")).getText()).contains("tidak dapat menyetujuinya");
                    assertThat(driver.findElement(By.id("claim-clock")).getText()).contains("7 hari kerja");
                }
                if (user.equals("ui-claim-monitor")) {
                    for (WebElement form : driver.findElements(By.cssSelector("form[method=post]"))) {
                        assertThat(form.getAttribute("action")).as("a monitor's only form").endsWith("/logout");
                    }
                    assertThat(driver.findElements(By.cssSelector("input[type=file]"))).isEmpty();
                    assertThat(driver.findElement(By.id("claim-summary")).getText()).contains("*****");
                    driver.get("http://localhost:" + port + "/klaim?lang=id");
                    assertThat(driver.findElements(By.cssSelector("a[href='/klaim/baru']"))).isEmpty();
                    driver.get("http://localhost:" + port + "/klaim/baru?lang=id");
                    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Akses ditolak");
                }
            } finally {
                driver.quit();
            }
        }
        assertThat(seen).containsExactly("ui-claim-maker approve=false reject=true", "ui-claim-checker approve=true reject=true",
                "ui-claim-monitor approve=false reject=false");
    }

    /**
     * The claims list on a 390 px phone, in Indonesian (the longer labels): every amount is whole on the screen, none cut
     * at its edge behind a table that scrolled only a few pixels (review of 3 December 2026: "Rp 2.022.20").
     */
    @Test
    void everyAmountOfTheClaimsListIsWhollyOnAPhoneScreen() throws Exception {
        Http admin = Http.withToken(port, TestUsers.token(accounts, "ui-claim-phone-admin", Role.ADMIN, "ID"));
        JsonNode worker = official(admin, "Perangkat Desa Dengan Nama Panjang Untuk Daftar Klaim");
        TestUsers.token(accounts, "ui-claim-phone", Role.BPJS_OFFICER, "64.02");
        LocalDate today = LocalDate.now(clock);
        var opened = admin.postJson("/api/v1/claims", """
                {"nik":"%s","case":"JKK_TEMPORARY_DISABILITY","incidentDate":"%s","reportedOn":"%s","months":12}"""
                .formatted(worker.get("nik").asText(), today.minusDays(8), today.minusDays(7)));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        WebDriver driver = Browser.openPhone();
        try {
            Browser.signIn(driver, port, "ui-claim-phone", TestUsers.PASSWORD);
            for (String lang : List.of("id", "en")) {
                driver.get("http://localhost:" + port + "/klaim?lang=" + lang);
                Browser.screenshot(driver, "phone-claims-" + lang);
                Object cut = ((JavascriptExecutor) driver).executeScript("""
                        const wrap = document.querySelector('.table-wrap'), edge = wrap.getBoundingClientRect().right;
                        return [...wrap.querySelectorAll('td.num, th.num')].filter(c => c.getBoundingClientRect().right > edge + 0.5
                            || c.scrollWidth > c.clientWidth).map(c => c.textContent.trim());""");
                assertThat((List<?>) cut).as(lang + ": amounts past the screen's edge").isEmpty();
                assertThat(driver.findElement(By.tagName("main")).getText()).contains("Perangkat Desa Dengan Nama Panjang");
            }
        } finally {
            driver.quit();
        }
    }
}
