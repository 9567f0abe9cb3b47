package id.lindung.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Browser;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.Multipart;
import id.lindung.support.Niks;
import id.lindung.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A table is read on a 390 px phone without scrolling it sideways, and nothing it holds is dropped to make it fit (ui3
 * sweep of 7 December 2026): a worker's memberships (455 px wider than their box) and the heirs of a claim (152 px, the
 * bank account hidden) become cards of labelled lines, as do the scholarship schedule, the worker categories and the
 * recent imports, the protection table (73 px) and the audit trail (390 px, its states and address hidden); the national
 * worker list puts the village under the name (67 px), a category breaks after its slash ("Pedagang/UMKM", 14 px), the
 * arrears list the months and oldest due date under the payer (6 px), and a sample file's lines wrap (738 px). At 1366 px
 * they are tables, in Indonesian and in English.
 */
@IntegrationTest
class WideTablesFitAPhoneUiTests {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void wideTablesBecomeCardsOrFoldOnAPhoneAndKeepEveryValue() throws Exception {
        // a village no other test uses, so its payer and workers are this test's own
        String village = jdbc.sql("select code from region_area where active and code like '65.04.%' and length(code) = 13 order by code limit 1")
                .query(String.class).single();
        String district = village.substring(0, 8);
        Http admin = Http.withToken(port, TestUsers.token(accounts, "ui-wide-admin", Role.ADMIN, "ID"));
        // a village official paid by the village budget whose wage changed once: two membership versions, one ended
        String nik = Niks.unique(district, "L", LocalDate.of(1978, 2, 3));
        var official = admin.postJson("/api/v1/workers", """
                {"nik":"%s","name":"Perangkat Desa Tabel Lebar","sex":"L","birthDate":"1978-02-03","villageCode":"%s",
                 "category":"PERANGKAT_DESA","programs":["JKK","JKM"],"segment":"PU","wage":2500000,"riskGroup":"VERY_LOW",
                 "payer":"APBDES","startDate":"2020-01-01"}""".formatted(nik, village));
        assertThat(official.statusCode()).as(official.body()).isEqualTo(201);
        var changed = admin.postJson("/api/v1/workers/" + nik + "/memberships", """
                {"program":"JKK","segment":"PU","wage":2750000,"riskGroup":"VERY_LOW","payer":"APBDES","validFrom":"2022-01-01"}""");
        assertThat(changed.statusCode()).as(changed.body()).isIn(200, 201);
        // a self-paying farmer with January's and February's bills unpaid: more than one month in arrears, named by his NIK
        String farmer = Niks.unique(district, "L", LocalDate.of(1981, 6, 1));
        var self = admin.postJson("/api/v1/workers", """
                {"nik":"%s","name":"Petani Menunggak","sex":"L","birthDate":"1981-06-01","villageCode":"%s","category":"PETANI",
                 "programs":["JKK","JKM"],"segment":"BPU","wage":1000000,"payer":"SELF:%s","startDate":"2026-01-01"}"""
                .formatted(farmer, village, farmer));
        assertThat(self.statusCode()).as(self.body()).isIn(200, 201);
        for (String month : List.of("2026-01", "2026-02")) {
            var run = admin.postJson("/api/v1/billing/runs", "{\"month\":\"" + month + "\",\"backfill\":true}");
            assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        }
        // a JKM death with a child at school (scholarship) and heirs, one with a bank account
        String died = LocalDate.now(clock).minusDays(10).toString();
        var claim = admin.postJson("/api/v1/claims", """
                {"nik":"%s","case":"JKM_DEATH","incidentDate":"%s","reportedOn":"%s","submitIfIneligible":false,
                 "children":[{"name":"Anak Sekolah Tabel Lebar","birthDate":"2016-05-01","schoolLevel":"SD"}],
                 "heirs":[{"name":"Istri Dengan Nama Yang Cukup Panjang","nik":"%s","relationship":"SPOUSE","bankAccount":"BRI 0123-01-004567-53-1"},
                          {"name":"Anak Sekolah Tabel Lebar","nik":"%s","relationship":"CHILD"}]}"""
                .formatted(nik, died, died, Niks.unique(district, "P", LocalDate.of(1980, 1, 2)),
                        Niks.unique(district, "P", LocalDate.of(2016, 5, 1))));
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(201);
        String claimId = json.readTree(claim.body()).get("id").asText();
        // a trader, whose category "Pedagang/UMKM" is one long word
        var trader = admin.postJson("/api/v1/workers", """
                {"nik":"%s","name":"Pedagang Pasar","sex":"P","birthDate":"1985-07-01","villageCode":"%s","category":"PEDAGANG_UMKM",
                 "programs":["JKK","JKM"],"segment":"BPU","wage":1000000,"payer":"APBDES","startDate":"2026-01-01"}"""
                .formatted(Niks.unique(district, "P", LocalDate.of(1985, 7, 1)), village));
        assertThat(trader.statusCode()).as(trader.body()).isEqualTo(201);
        // a recent import with a long file name
        String csv = "nik,name,sex,birth_date,village_code,category,segment,wage,risk,programs,payer,start_date\n"
                + Niks.unique(district, "P", LocalDate.of(1990, 3, 4)) + ",Warga Impor,P,1990-03-04," + village
                + ",RT_RW,BPU,1000000,,JKK;JKM,APBDES,2026-01-01\n";
        Multipart file = Multipart.form().file("file", "daftar-pekerja-desa-dengan-nama-berkas-yang-panjang-sekali.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        var imported = admin.post("/api/v1/imports", file.contentType(), file.body());
        assertThat(imported.statusCode()).as(imported.body()).isIn(201, 422);

        String worker = "/pekerja/" + nik;
        String claimPage = "/klaim/" + claimId;
        List<String> pages = List.of(worker, claimPage, "/pekerja/kategori", "/impor/pekerja", "/pekerja", "/desa/" + village + "/pekerja",
                "/tagihan", "/audit", "/wilayah/tenaga-kerja/impor");
        List<String> problems = new ArrayList<>();
        for (boolean phone : new boolean[] {true, false}) {
            WebDriver driver = phone ? Browser.openPhone() : Browser.open(1366, 768);
            try {
                Browser.signIn(driver, port, "ui-wide-admin", TestUsers.PASSWORD);
                for (String lang : List.of("id", "en")) {
                    for (String page : pages) {
                        driver.get("http://localhost:" + port + page + "?lang=" + lang);
                        if (page.equals(worker)) {
                            // the protection card comes by htmx after the page
                            id.lindung.support.Browser.waitingThroughSwaps(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector("#protection-status table")).isEmpty());
                        }
                        String where = page + " " + lang + " at " + (phone ? 390 : 1366) + " px";
                        Browser.screenshot(driver, "wide-tables-" + (phone ? "390-" : "1366-") + lang + page.replaceAll("[^a-z0-9]+", "-"));
                        Object sideways = script(driver, """
                                return Array.from(document.querySelectorAll('.table-wrap, pre')).filter(w => w.offsetParent !== null
                                    && w.scrollWidth > w.clientWidth + 1).map(w => (w.querySelector('table') || w).id + ' by '
                                    + (w.scrollWidth - w.clientWidth) + ' px');""");
                        if (!((List<?>) sideways).isEmpty()) {
                            problems.add(where + ": tables scrolling sideways " + sideways);
                        }
                        if (Browser.overflow(driver) > 0) {
                            problems.add(where + ": page " + Browser.overflow(driver) + " px wider than the screen");
                        }
                    }
                    // what made room is still on the page, where one can see it
                    driver.get("http://localhost:" + port + worker + "?lang=" + lang);
                    id.lindung.support.Browser.waitingThroughSwaps(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector("#protection-status table")).isEmpty());
                    assertThat(shown(driver, "#terms td").replace(',', '.')).as("every membership value shown")
                            .contains("Rp 2.750.000", "Rp 2.500.000", "APBDES:" + village);
                    assertThat(script(driver, "return document.querySelector('#protection-status td.payer-code').textContent.trim()"))
                            .as("the payer code whole").isEqualTo("APBDES:" + village);
                    driver.get("http://localhost:" + port + claimPage + "?lang=" + lang);
                    assertThat(shown(driver, "#heirs td")).as("the heir's bank account").contains("BRI 0123-01-004567-53-1");
                    assertThat(shown(driver, "#scholarships td")).as("the scholarship's level").contains(lang.equals("id") ? "TK sampai SD" : "Kindergarten to primary");
                    driver.get("http://localhost:" + port + "/audit?lang=" + lang);
                    assertThat(shown(driver, "#audit-trail td code.json")).as("the states of the trail's events").contains("{");
                    driver.get("http://localhost:" + port + "/pekerja/kategori?lang=" + lang);
                    assertThat(shown(driver, "#categories td")).as("a category's OpenSID code and segment").contains("PU", "BPU");
                    if (phone) {
                        driver.get("http://localhost:" + port + "/pekerja?lang=" + lang);
                        assertThat(shown(driver, ".worker-list .village-sm")).as("the village under the worker's name").isNotBlank();
                        driver.get("http://localhost:" + port + "/tagihan?lang=" + lang);
                        assertThat(shown(driver, "#arrears .arrears-sm")).as("months in arrears under the payer")
                                .contains(lang.equals("id") ? "Bulan menunggak" : "Months in arrears");
                    } else {
                        driver.get("http://localhost:" + port + "/tagihan?lang=" + lang);
                        assertThat(driver.findElement(By.cssSelector("#arrears thead")).isDisplayed()).as("a table on a laptop").isTrue();
                    }
                }
            } finally {
                driver.quit();
            }
        }
        assertThat(problems).isEmpty();
    }

    private static Object script(WebDriver driver, String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** The text of the matching elements a person sees (offsetParent: not hidden), joined by " | ". */
    private static String shown(WebDriver driver, String css) {
        return (String) ((JavascriptExecutor) driver).executeScript("""
                return Array.from(document.querySelectorAll(arguments[0])).filter(e => e.offsetParent !== null)
                    .map(e => e.innerText.trim()).join(' | ');""", css);
    }
}
