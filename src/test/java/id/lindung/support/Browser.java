package id.lindung.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian Chromium for browser tests (CI installs chromium and chromium-driver). */
public final class Browser {

    private Browser() {}

    public static WebDriver open(int width, int height) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromedriver")), "chromium-driver is not installed");
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height);
        Path profile = Files.createTempDirectory("chromium-profile");
        o.addArguments("--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
        return new ChromeDriver(service, o) {
            /** Chromium's profile goes with the browser: each was 2-3 MB left in /tmp by every browser of every run. */
            @Override
            public void quit() {
                try {
                    super.quit();
                } finally {
                    deleteTree(profile);
                }
            }
        };
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // a file Chromium still held: the folder stays in /tmp, which the system cleans
        }
    }

    /**
     * A phone as the page sees it: a 390 x 844 CSS-pixel viewport at 3x, touch and the mobile flag, set through the
     * DevTools protocol. A headless window cannot be narrower than about 500 px, so "--window-size=390,..." alone
     * renders a wider page than a phone shows.
     */
    public static WebDriver openPhone() throws Exception {
        WebDriver driver = open(500, 900);
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 390, "height", 844, "deviceScaleFactor", 3, "mobile", true));
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setTouchEmulationEnabled", java.util.Map.of("enabled", true));
        return driver;
    }

    /** {@link #openPhone()} signed in as a test user ({@link TestUsers#PASSWORD}); the browser is closed if the sign-in fails. */
    public static WebDriver openPhoneSignedIn(int port, String username) throws Exception {
        WebDriver driver = openPhone();
        try {
            signIn(driver, port, username, TestUsers.PASSWORD);
            return driver;
        } catch (RuntimeException e) {
            driver.quit();
            throw e;
        }
    }

    /** How far the page is wider than the screen, in CSS pixels (0 or less: it fits). */
    public static long overflow(WebDriver driver) {
        return (Long) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth;");
    }

    /** Saves a screenshot under target/screenshots/ for a person to look at after the run. */
    public static Path screenshot(WebDriver driver, String name) throws java.io.IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        byte[] png;
        try {
            png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
        } catch (org.openqa.selenium.TimeoutException e) {
            // Chromium on a loaded machine (CI beside a benchmark, 2026-12-05): "timeout from aborted by navigation: Not
            // attached to an active page" right after a page load. The picture is for people, not an assertion: once
            // the page has settled, taken again
            new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(30)).until(d ->
                    "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
            png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
        }
        return Files.write(dir.resolve(name + ".png"), png);
    }

    public static void signIn(WebDriver driver, int port, String username, String password) {
        driver.get("http://localhost:" + port + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /**
     * Clicks what leads to another page and waits until the browser has left this one: a click returns as soon as
     * the event is sent, so reading the URL or the page straight after it races the navigation (seen on busy CI).
     */
    public static void clickAndLoad(WebDriver driver, org.openqa.selenium.WebElement element) {
        org.openqa.selenium.WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        // The old page is gone when asking about its root fails. Selenium's stalenessOf expects exactly a
        // StaleElementReferenceException, but Chromium 156 sometimes answers mid-navigation with "Node with given id
        // does not belong to the document" (a plain WebDriverException), which failed BillVerificationUiTests on CI.
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> "complete".equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * Waits until the page has loaded and htmx has put in what it loads after it (hx-trigger="load": the dashboard's
     * trend, a worker's protection card): no request of htmx in flight, nothing being swapped or settled. htmx sends a
     * load-triggered request on DOMContentLoaded, before the page is complete, and marks the element htmx-request until
     * its answer is swapped in. A page checked straight after {@code driver.get} was checked with or without those parts,
     * as the machine's load decided; a fixed sleep only made that less likely.
     */
    public static void awaitLoadedParts(WebDriver driver) {
        waitingThroughSwaps(driver, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.readyState === 'complete'"
                        + " && document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling') === null;")));
    }

    /**
     * A wait that reads the page again when htmx has just replaced what it was reading. An element read as it is
     * swapped is either stale (StaleElementReferenceException) or, in Chromium 156, "Node with given id does not
     * belong to the document" (a plain WebDriverException, which failed ClaimPagesUiTests on CI): both mean "not yet".
     */
    public static WebDriverWait waitingThroughSwaps(WebDriver driver, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout) {
            @Override
            public <V> V until(java.util.function.Function<? super WebDriver, ? extends V> isTrue) {
                return super.until(d -> {
                    try {
                        return isTrue.apply(d);
                    } catch (org.openqa.selenium.StaleElementReferenceException swapped) {
                        return null;
                    } catch (org.openqa.selenium.WebDriverException e) {
                        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                            return null;
                        }
                        throw e;
                    }
                });
            }
        };
        return wait;
    }
}
