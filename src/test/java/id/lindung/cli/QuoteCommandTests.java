package id.lindung.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The quote commands: one JSON document on stdout and exit 0, or a reason on stderr and exit 2. */
class QuoteCommandTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static JsonNode ok(String... args) {
        CommandLineTests.Run run = CommandLineTests.run(args);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().strip().lines()).as("one JSON document on one line").hasSize(1);
        return JSON.readTree(run.out());
    }

    @Test
    void puContributionPrintsLinesSharesTotalsAndReferences() {
        JsonNode doc = ok("quote", "contribution", "--segment", "PU", "--month", "2025-04", "--wage", "2000000", "--risk", "VERY_LOW",
                "--programs", "JKK,JKM,JHT,JP");
        assertThat(doc.get("segment").asString()).isEqualTo("PU");
        assertThat(doc.get("month").asString()).isEqualTo("2025-04");
        assertThat(doc.get("lines")).hasSize(4);
        JsonNode jkk = doc.get("lines").get(0);
        assertThat(jkk.get("program").asString()).isEqualTo("JKK");
        assertThat(jkk.get("base").isNumber()).isTrue();
        assertThat(jkk.get("employer").asLong()).isEqualTo(4800);
        assertThat(jkk.get("references").get(0).get("regulation").asString()).isEqualTo("PP 44/2015");
        assertThat(doc.get("employerTotal").asLong()).isEqualTo(124_800);
        assertThat(doc.get("workerTotal").asLong()).isEqualTo(60_000);
        assertThat(doc.get("total").asLong()).isEqualTo(184_800);
    }

    @Test
    void bpuPackageIsSixteenThousandEightHundredAndMarksUnverifiedBands() {
        JsonNode doc = ok("quote", "contribution", "--segment", "BPU", "--month", "2025-04", "--wage", "1000000", "--programs", "JKK,JKM");
        assertThat(doc.get("total").asLong()).isEqualTo(16_800);
        assertThat(doc.get("unverified").toString()).contains("bpu.income.bandWidth");
    }

    @Test
    void benefitCommandsPrintComponentsAndRejections() {
        JsonNode jkm = ok("quote", "benefit", "--case", "JKM_DEATH", "--date", "2025-05-10", "--segment", "BPU", "--wage", "1000000",
                "--membership-start", "2021-01-01", "--children", "2");
        assertThat(jkm.get("case").asString()).isEqualTo("JKM_DEATH");
        assertThat(jkm.get("eligible").asBoolean()).isTrue();
        assertThat(jkm.get("total").asLong()).as("Rp 42 million in cash; the scholarship ceiling is a separate component").isEqualTo(42_000_000);
        JsonNode partial = ok("quote", "benefit", "--case", "JKK_PARTIAL_DISABILITY", "--date", "2025-05-10", "--segment", "PU",
                "--wage", "2000000", "--percent", "10");
        assertThat(partial.get("components").get(0).get("code").asString()).isEqualTo("DISABILITY_COMPENSATION");
        assertThat(partial.get("total").asLong()).isEqualTo(16_000_000);
        JsonNode pension = ok("quote", "benefit", "--case", "JP_OLD_AGE", "--date", "2035-07-15", "--contribution-months", "240",
                "--average-wage", "6000000");
        assertThat(pension.get("total").asLong()).isEqualTo(1_200_000);
        JsonNode jkp = ok("quote", "benefit", "--case", "JKP", "--date", "2025-06-01", "--wage", "8000000", "--contribution-months-24", "18");
        assertThat(jkp.get("total").asLong()).isEqualTo(18_000_000);
        JsonNode temporary = ok("quote", "benefit", "--case", "JKK_TEMPORARY_DISABILITY", "--date", "2025-06-01", "--wage", "2000000",
                "--months", "15");
        assertThat(temporary.get("total").asLong()).isEqualTo(27_000_000);
    }

    @Test
    void belowOneHundredEightyMonthsQuoteBenefitPrintsTheJpLumpSumWithItsUnverifiedReturns() {
        // RULES.md 4.5: 100 months before January 2026 (September 2017 to December 2025) at 6M, under every month's JP
        // wage cap: 3% x 6M x 100 = 18,000,000, plus returns at jp.returnRate (0 %, unverified)
        JsonNode lumpSum = ok("quote", "benefit", "--case", "JP_OLD_AGE", "--date", "2026-01-15", "--contribution-months", "100",
                "--average-wage", "6000000");
        List<String> components = new ArrayList<>();
        lumpSum.get("components").forEach(c -> components.add(c.get("code").asString() + "=" + c.get("amount").asLong()));
        assertThat(components).containsExactly("JP_CONTRIBUTIONS=18000000", "JP_RETURNS=0");
        assertThat(lumpSum.get("eligible").asBoolean() && lumpSum.get("rejections").isEmpty()).as(lumpSum.toString()).isTrue();
        assertThat(lumpSum.get("total").asLong()).isEqualTo(18_000_000);
        assertThat(lumpSum.get("components").get(1).get("references").toString())
                .contains("jp.returnRate", "hasil pengembangan belum diverifikasi");
        assertThat(lumpSum.get("unverified").toString()).contains("jp.returnRate");
        // the same fields as every benefit quote
        assertThat(lumpSum.propertyNames()).containsExactly("case", "date", "eligible", "components", "rejections", "total", "unverified");
        // a first month and a birth date as for a JHT payout: 12 months from January 2016, the pension age checked
        JsonNode given = ok("quote", "benefit", "--case", "JP_OLD_AGE", "--date", "2026-01-15", "--contribution-months", "12",
                "--average-wage", "6000000", "--contribution-start", "2016-01", "--birth-date", "1966-03-20");
        assertThat(given.get("total").asLong()).isEqualTo(2_160_000);
        JsonNode young = ok("quote", "benefit", "--case", "JP_OLD_AGE", "--date", "2026-01-15", "--contribution-months", "100",
                "--average-wage", "6000000", "--birth-date", "1974-09-14");
        assertThat(young.get("rejections").get(0).get("code").asString()).isEqualTo("PENSION_AGE_NOT_REACHED");
    }

    @Test
    void labourIntensiveFlagHalvesJkkInTheWindow() {
        JsonNode doc = ok("quote", "contribution", "--segment", "PU", "--month", "2025-02", "--wage", "10000000", "--risk", "MEDIUM",
                "--programs", "JKK", "--labour-intensive");
        assertThat(doc.get("total").asLong()).isEqualTo(44_500);
    }

    @Test
    void badInputExitsWithStatus2AndSaysWhyOnStderr() {
        CommandLineTests.Run bpuJp = CommandLineTests.run("quote", "contribution", "--segment", "BPU", "--month", "2025-04", "--wage",
                "1000000", "--programs", "JKK,JKM,JP");
        assertThat(bpuJp.exit()).isEqualTo(2);
        assertThat(bpuJp.err()).contains("BPU_JP_NOT_AVAILABLE");
        assertThat(bpuJp.out()).isEmpty();
        CommandLineTests.Run badMonth = CommandLineTests.run("quote", "contribution", "--segment", "PU", "--month", "April", "--wage",
                "1000000", "--risk", "LOW", "--programs", "JKK");
        assertThat(badMonth.exit()).isEqualTo(2);
        assertThat(badMonth.err()).contains("month 'April' is not YYYY-MM");
        CommandLineTests.Run badCase = CommandLineTests.run("quote", "benefit", "--case", "FLOOD", "--date", "2025-01-01");
        assertThat(badCase.exit()).isEqualTo(2);
        assertThat(badCase.err()).contains("case 'FLOOD'");
        CommandLineTests.Run missing = CommandLineTests.run("quote", "contribution", "--segment", "PU");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required options");
        CommandLineTests.Run noWage = CommandLineTests.run("quote", "benefit", "--case", "JKK_DEATH", "--date", "2025-01-01");
        assertThat(noWage.exit()).isEqualTo(2);
        assertThat(noWage.err()).contains("wage");
    }

    @Test
    void aProgrammeNamedTwiceOrInOtherLettersExitsWithStatus2() {
        CommandLineTests.Run twice = CommandLineTests.run("quote", "contribution", "--segment", "PU", "--month", "2025-04", "--wage",
                "2000000", "--risk", "LOW", "--programs", "JKK,JKK");
        assertThat(twice.exit()).isEqualTo(2);
        assertThat(twice.out()).isEmpty();
        assertThat(twice.err()).contains("JKK more than once");
        CommandLineTests.Run lower = CommandLineTests.run("quote", "contribution", "--segment", "pu", "--month", "2025-04", "--wage",
                "2000000", "--risk", "LOW", "--programs", "JKK");
        assertThat(lower.exit()).isEqualTo(2);
        assertThat(lower.err()).contains("segment 'pu'");
    }

    @Test
    void impossibleInputsExitWithStatus2AndTheirCode() {
        CommandLineTests.Run jp = CommandLineTests.run("quote", "benefit", "--case", "JP_OLD_AGE", "--date", "2026-01-15",
                "--contribution-months", "240", "--average-wage", "6000000");
        assertThat(jp.exit()).isEqualTo(2);
        assertThat(jp.err()).contains("JP_MONTHS_IMPOSSIBLE").contains("126 months");
        CommandLineTests.Run huge = CommandLineTests.run("quote", "contribution", "--segment", "PU", "--month", "2025-04", "--wage", "1e20",
                "--risk", "LOW", "--programs", "JKK");
        assertThat(huge.exit()).isEqualTo(2);
        assertThat(huge.err()).contains("AMOUNT_TOO_LARGE").doesNotContain("decimals");
        CommandLineTests.Run early = CommandLineTests.run("quote", "benefit", "--case", "JKP", "--date", "2020-06-01", "--wage", "8000000",
                "--contribution-months-24", "18");
        assertThat(early.exit()).isEqualTo(2);
        assertThat(early.err()).contains("PROGRAMME_NOT_YET_IN_FORCE").contains("JKP").doesNotContain("jkp.");
        CommandLineTests.Run window = CommandLineTests.run("quote", "benefit", "--case", "JKP", "--date", "2025-06-01", "--wage", "8000000",
                "--contribution-months-24", "25");
        assertThat(window.exit()).isEqualTo(2);
        assertThat(window.err()).contains("JKP_MONTHS_IN_WINDOW_IMPOSSIBLE");
        // a day that does not exist in the right form is told as no date, not as a wrong form (audit13: "is not YYYY-MM-DD")
        CommandLineTests.Run noDay = CommandLineTests.run("quote", "benefit", "--case", "JKM_DEATH", "--date", "2025-02-29",
                "--segment", "BPU", "--wage", "1000000", "--membership-start", "2021-01-01");
        assertThat(noDay.exit()).isEqualTo(2);
        assertThat(noDay.err()).contains("'2025-02-29' is not a date (YYYY-MM-DD)");
    }

    @Test
    void consecutiveMonthsOptionChecksTheRuleOfSixConsecutiveMonths() {
        JsonNode short_ = ok("quote", "benefit", "--case", "JKP", "--date", "2025-06-01", "--wage", "8000000",
                "--contribution-months-24", "12", "--consecutive-months", "5");
        assertThat(short_.get("eligible").asBoolean()).isFalse();
        assertThat(short_.get("rejections").get(0).get("code").asString()).isEqualTo("JKP_CONSECUTIVE_MONTHS_BELOW_MINIMUM");
        JsonNode enough = ok("quote", "benefit", "--case", "JKP", "--date", "2025-06-01", "--wage", "8000000",
                "--contribution-months-24", "12", "--consecutive-months", "6");
        assertThat(enough.get("total").asLong()).isEqualTo(18_000_000);
    }

    @Test
    void jhtPayoutPrintsTheBalanceAsContributionsAndReturns() {
        // hand computation in JhtPayoutTests.balanceMatchesTheHandComputation
        JsonNode doc = ok("quote", "benefit", "--case", "JHT_PAYOUT", "--date", "2016-07-10", "--reason", "LEAVING_INDONESIA",
                "--contribution-start", "2015-11", "--contribution-months", "4", "--wage", "3000000");
        assertThat(doc.get("case").asString()).isEqualTo("JHT_PAYOUT");
        assertThat(doc.get("components").get(0).get("code").asString()).isEqualTo("CONTRIBUTIONS");
        assertThat(doc.get("components").get(0).get("amount").asLong()).isEqualTo(684_000);
        assertThat(doc.get("components").get(1).get("amount").asLong()).isEqualTo(22_236);
        assertThat(doc.get("total").asLong()).isEqualTo(706_236);
        assertThat(doc.get("unverified").toString()).contains("jht.returnRate");
        JsonNode perMonth = ok("quote", "benefit", "--case", "JHT_PAYOUT", "--date", "2016-07-10", "--reason", "DEATH",
                "--contribution-start", "2015-11", "--monthly-wages", "3000000,3000000,3000000,3000000");
        assertThat(perMonth.get("total").asLong()).isEqualTo(706_236);
        CommandLineTests.Run noStart = CommandLineTests.run("quote", "benefit", "--case", "JHT_PAYOUT", "--date", "2016-07-10",
                "--reason", "DEATH", "--contribution-months", "4", "--wage", "3000000");
        assertThat(noStart.exit()).isEqualTo(2);
        assertThat(noStart.err()).contains("contributionStart");
    }

    /**
     * In a fresh JVM with an unreachable database and an unwritable data folder: if the command started
     * Spring or PostgreSQL it would fail; it answers instead.
     */
    @Test
    void quoteNeedsNeitherSpringNorADatabase() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dlindung.data-dir=/proc/no-such-dir", "-Dspring.datasource.url=jdbc:postgresql://127.0.0.1:1/none",
                "id.lindung.LindungApplication", "quote", "contribution", "--segment", "BPU", "--month", "2025-04",
                "--wage", "1000000", "--programs", "JKK,JKM"));
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes());
        String err = new String(p.getErrorStream().readAllBytes());
        assertThat(p.exitValue()).as(err).isZero();
        assertThat(JSON.readTree(out).get("total").asLong()).isEqualTo(16_800);
        assertThat(out + err).doesNotContain("Spring").doesNotContain("HikariPool").doesNotContain("postgres");
    }
}
