package id.lindung.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lindung.demo=true", "lindung.demo-areas=62.71"})
@ActiveProfiles("serve")
class ReadmeScreenshotsUiTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void theMainPagesAtAPhoneAndALaptopWidth() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("screenshots"), "run with -Dscreenshots=true");
        long worker = jdbc.sql("select min(id) from worker where village_code like '62.71.%' and status = 'ACTIVE'").query(Long.class).single();
        long bill = jdbc.sql("select id from bill where payer_region_code like '62.71%' order by month desc, id limit 1")
                .query(Long.class).single();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("beranda", "/");
        pages.put("wilayah", "/wilayah/62.71");
        pages.put("pekerja", "/pekerja");
        pages.put("pekerja-detail", "/pekerja/id/" + worker);
        pages.put("tagihan", "/tagihan");
        pages.put("tagihan-detail", "/tagihan/" + bill);
        pages.put("simulasi", "/simulasi");
        Path dir = Path.of("target", "screenshots", "readme");
        Files.createDirectories(dir);
        for (int width : new int[] {390, 1366}) {
            WebDriver driver = Browser.open(width == 390 ? 500 : 1366, 900);
            try {
                // one CSS pixel per image pixel keeps the files small
                ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                        Map.of("width", width, "height", width == 390 ? 844 : 900, "deviceScaleFactor", 1, "mobile", width == 390));
                Browser.signIn(driver, port, "dpmd.palangkaraya", "lindung-demo");
                for (var page : pages.entrySet()) {
                    driver.get("http://localhost:" + port + page.getValue() + (page.getValue().contains("?") ? "&" : "?") + "lang=id");
                    Thread.sleep(400);   // the protection card of the worker page loads by htmx
                    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
                    Files.write(dir.resolve(page.getKey() + "-" + width + ".png"), png);
                }
                driver.get("http://localhost:" + port + "/public/cek-perlindungan?lang=id");
                Files.write(dir.resolve("cek-perlindungan-" + width + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            } finally {
                driver.quit();
            }
        }
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(16);
        }
    }
}
