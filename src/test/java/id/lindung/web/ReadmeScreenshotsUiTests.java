package id.lindung.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.billing.BillingJobs;
import id.lindung.support.BackgroundJobs;
import id.lindung.support.Browser;
import id.lindung.support.Http;
import id.lindung.support.TestClock;
import id.lindung.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The README's screenshots: the main pages with the demo data (one small area, Kota Palangkaraya, as the run command
 * seeds it), signed in as the district office, at 390 px (a phone) and 1366 px (a laptop), written to
 * target/screenshots/readme/. Not part of the ordinary build (it seeds its own demo database); run it with
 * {@code ./mvnw test -Dtest=ReadmeScreenshotsUiTests -Dscreenshots=true} and copy the files to docs/screenshots/.
 * Each image is the first screen of its page (844 px high on the phone, 900 on the laptop), as a person opening it sees.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lindung.demo=true", "lindung.demo-areas=62.71"})
@ActiveProfiles("serve")
class ReadmeScreenshotsUiTests {

    private static final String OFFICE = "dpmd.palangkaraya";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts accounts;
    @Autowired BillingJobs jobs;

    @Test
    void theMainPagesAtAPhoneAndALaptopWidth() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("screenshots"), "run with -Dscreenshots=true");
        long worker = jdbc.sql("select min(id) from worker where village_code like '62.71.%' and status = 'ACTIVE'").query(Long.class).single();
        long bill = jdbc.sql("select id from bill where payer_region_code like '62.71%' order by month desc, id limit 1")
                .query(Long.class).single();
        String code = jdbc.sql("select verification_code from bill where id = ?").param(bill).query(String.class).single();
        // the claim with the most to show: a death case (heirs, scholarships) before an accident, the furthest in its workflow
        long claim = jdbc.sql("""
                select id from claim_case where region_code like '62.71.%'
                order by case_type like '%DEATH' desc, case status when 'PAID' then 0 when 'APPROVED' then 1 when 'VERIFIED' then 2
                         when 'SUBMITTED' then 3 else 4 end, id limit 1""").query(Long.class).single();
        long plan = budgetPlan();
        long job = paymentFileChecked();

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("beranda", "/");
        pages.put("wilayah", "/wilayah/62.71");
        pages.put("pekerja", "/pekerja");
        pages.put("pekerja-detail", "/pekerja/id/" + worker);
        pages.put("tagihan", "/tagihan");
        pages.put("tagihan-detail", "/tagihan/" + bill);
        pages.put("proses", "/proses/" + job);
        pages.put("klaim", "/klaim");
        pages.put("klaim-detail", "/klaim/" + claim);
        pages.put("cakupan", "/cakupan");
        pages.put("monev", "/cakupan/monev");
        pages.put("anggaran", "/anggaran");
        pages.put("anggaran-detail", "/anggaran/" + plan);
        pages.put("simulasi", "/simulasi");
        pages.put("verifikasi-tagihan", "/public/verifikasi-tagihan?kode=" + code);
        pages.put("cek-perlindungan", "/public/cek-perlindungan");
        Path dir = Path.of("target", "screenshots", "readme");
        Files.createDirectories(dir);
        for (int width : new int[] {390, 1366}) {
            WebDriver driver = Browser.open(width == 390 ? 500 : 1366, 900);
            try {
                // one CSS pixel per image pixel keeps the files small
                ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                        Map.of("width", width, "height", width == 390 ? 844 : 900, "deviceScaleFactor", 1, "mobile", width == 390));
                Browser.signIn(driver, port, OFFICE, "lindung-demo");
                for (var page : pages.entrySet()) {
                    driver.get("http://localhost:" + port + page.getValue() + (page.getValue().contains("?") ? "&" : "?") + "lang=id");
                    Browser.awaitLoadedParts(driver);   // the trend chart and the protection card load by htmx
                    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
                    Files.write(dir.resolve(page.getKey() + "-" + width + ".png"), png);
                    assertThat(Browser.overflow(driver)).as("%s at %d px fits the screen", page.getKey(), width).isLessThanOrEqualTo(0);
                }
            } finally {
                driver.quit();
            }
        }
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(pages.size() * 2L);
        }
    }

    /** The demo plans are Kutai Kartanegara's: the city's own plan for next year, drawn up as its office would. */
    private long budgetPlan() throws Exception {
        Http office = Http.withToken(port, accounts.issueToken(OFFICE));
        int next = TestClock.nextBusinessYear();
        var plan = office.postJson("/api/v1/budget-plans", """
                {"payer":"APBD:62.71","year":%d,"name":"Pekerja rentan Kota Palangka Raya","cohorts":[
                 {"category":"NELAYAN","segment":"BPU","count":400,"wage":1000000,"programs":["JKK","JKM"],"monthFrom":"%d-01","budgetLine":"Dinas Sosial"},
                 {"category":"PETANI","segment":"BPU","count":250,"wage":1000000,"programs":["JKK","JKM"],"monthFrom":"%d-04","budgetLine":"Dinas Pertanian"}]}"""
                .formatted(next, next, next));
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);
        return Long.parseLong(plan.body().replaceAll("(?s)^\\{\"id\":(\\d+).*$", "$1"));
    }

    /** The office checks a bank statement (a dry run) in the background: two payments it would record, one row it refuses. */
    private long paymentFileChecked() throws Exception {
        List<String> payers = jdbc.sql("""
                select p.code from bill b join payer p on p.id = b.payer_id
                where (b.payer_region_code = '62.71' and p.kind = 'APBD') or (b.payer_region_code like '62.71.%' and p.kind = 'SELF')
                group by p.code order by p.code limit 2""").query(String.class).list();
        String yesterday = TestClock.businessToday().minusDays(1).toString();
        StringBuilder file = new StringBuilder("payer,reference,date,amount\n");
        for (String payer : payers) {
            file.append(payer).append(",BRI-").append(Math.abs(payer.hashCode())).append(',').append(yesterday).append(",16800\n");
        }
        file.append(payers.get(0)).append(",BRI-TANGGAL-SALAH,31/11/2026,16800\n");
        Actor office = TestUsers.actor(OFFICE, Role.DPMD, "62.71");
        long job = jobs.startPaymentImport("rekening-koran-november.csv",
                new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)), true, office);
        BackgroundJobs.finished(jobs, job, office);
        return job;
    }
}
