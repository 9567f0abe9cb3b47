package id.lindung.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI against the test database, run in this JVM as {@code java -jar lindung.jar ...} would run it. */
class CommandLineTests {

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        // stderr is captured before the command line exists, so whatever writer picocli makes for it lands here too
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream captureErr = new PrintStream(stderr, true, StandardCharsets.UTF_8);
        PrintStream originalErr = System.err;
        System.setErr(captureErr);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream original = System.out;
        System.setOut(capture);
        try {
            CommandLine cl = LindungCommandLine.newCommandLine(id.lindung.LindungApplication.class, args);
            StringWriter err = new StringWriter();
            cl.setErr(new PrintWriter(err, true));
            cl.setOut(new PrintWriter(capture, true));
            int exit = cl.execute(args);
            capture.flush();
            captureErr.flush();
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err + stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
            System.setErr(originalErr);
        }
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run("--help").exit()).isZero();
        String usage = LindungCommandLine.newCommandLine(id.lindung.LindungApplication.class).getUsageMessage();
        assertThat(usage).contains("serve", "users", "regions", "workforce", "Exit status", "3");
    }

    /** Review of 6 December 2026: {@code bench --help} printed "Missing required option" and exited 2. */
    @Test
    void everyCommandAndSubcommandAnswersHelpOnStdoutWithStatus0() {
        for (String[] args : List.of(new String[] {"bench", "--help"}, new String[] {"bench", "-h"},
                new String[] {"users", "create", "--help"}, new String[] {"regions", "import", "--help"},
                new String[] {"quote", "contribution", "-h"}, new String[] {"quote", "benefit", "-h"}, new String[] {"nik", "check", "--help"},
                new String[] {"serve", "--help"}, new String[] {"help", "bench"})) {
            Run help = run(args);
            assertThat(help.exit()).as(String.join(" ", args)).isZero();
            assertThat(help.out()).as(String.join(" ", args)).startsWith("Usage: lindung " + args[0].replace("help", "bench"))
                    .contains("-h, --help");
            assertThat(help.err()).as(String.join(" ", args)).isEmpty();
        }
        assertThat(run("bench", "--help").out()).contains("--workers", "--out");
        assertThat(run("--version").out()).contains("Lindung");
        // --version is the top level's: regions import keeps its own (the list's name)
        assertThat(run("regions", "import", "--help").out()).contains("--version=<version>");
    }

    @Test
    void aNamedCommandBuildsOnlyItsOwnSubcommandsAndUnknownNamesStillGetSuggestions() {
        CommandLine quote = LindungCommandLine.newCommandLine(id.lindung.LindungApplication.class, "quote", "contribution");
        assertThat(quote.getSubcommands()).containsOnlyKeys("quote");
        assertThat(LindungCommandLine.newCommandLine(id.lindung.LindungApplication.class, "--help").getSubcommands())
                .containsKeys("serve", "users", "quote", "nik", "billing", "payments", "help");
        assertThat(LindungCommandLine.newCommandLine(id.lindung.LindungApplication.class, "quotee").getSubcommands())
                .containsKeys("quote", "nik");
    }

    @Test
    void badArgumentsExitWithStatus2AndSayWhy() {
        Run unknown = run("no-such-command");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no-such-command");
        Run missing = run("users", "create", "--username", "x");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required options");
        Run badRole = run("users", "create", "--username", "someone", "--password", "long-enough", "--role", "KING", "--region", "ID");
        assertThat(badRole.exit()).isEqualTo(2);
        assertThat(badRole.err()).contains("Unknown role 'KING'");
    }

    @Test
    void usersCreateThenTokenPrintsOnlyTheToken() {
        Run created = run("users", "create", "--username", "cli.dpmd", "--password", "secret-123", "--role", "DPMD", "--region", "62.02");
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).contains("\"username\":\"cli.dpmd\"").contains("\"region\":\"62.02\"");
        Run token = run("users", "token", "--username", "cli.dpmd");
        assertThat(token.exit()).as(token.err()).isZero();
        assertThat(token.out().strip()).matches("ldg_[A-Za-z0-9_-]{40,}");
        Run unknownRegion = run("users", "create", "--username", "cli.bad", "--password", "secret-123", "--role", "DPMD", "--region", "62.99");
        assertThat(unknownRegion.exit()).isEqualTo(2);
        assertThat(unknownRegion.err()).contains("Unknown region code 62.99");
    }

    @Test
    void workforceImportAcceptsAGoodFileAndRejectsABadOneWithLines(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.csv");
        Files.writeString(good, "region_code,year,potential_workers,source\n62.02.02,2020,12000,BPS Sakernas\n");
        Run ok = run("workforce", "import", good.toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("\"rows\":1");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "region_code,year,potential_workers,source\n62.02.03,2020,-1,BPS\n62.02.04,2020,5,\n");
        Run rejected = run("workforce", "import", bad.toString());
        assertThat(rejected.exit()).isEqualTo(2);
        assertThat(rejected.err()).contains("line 2").contains("line 3").contains("potential_workers");
        Run missing = run("workforce", "import", dir.resolve("nope.csv").toString());
        assertThat(missing.exit()).isEqualTo(2);
    }

    @Test
    void regionsImportReloadsTheOfficialListWithoutChangingCounts() {
        Run r = run("regions", "import");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"provinces\":38", "\"regencies\":514", "\"districts\":7285", "\"villages\":83762", "\"retired\":0");
    }

    @Test
    void nikCheckPrintsTheSameJsonAsTheApiAndExits0EvenWhenInvalid() {
        Run ok = run("nik", "check", "6402031708850001");
        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).contains("\"valid\":true", "\"districtCode\":\"64.02.03\"", "\"birthDate\":\"1985-08-17\"");
        Run invalid = run("nik", "check", "6402031708850000");
        assertThat(invalid.exit()).isZero();
        assertThat(invalid.out()).contains("\"valid\":false", "NIK_SERIAL_ZERO");
        assertThat(run("nik", "check", "64.02.03").exit()).isEqualTo(2);
    }

    @Test
    void generateThenImportWorkersFromTheCommandLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("w.csv");
        Run gen = run("generate", "workers", "--regions", "62.02.08", "--per-village", "3", "--seed", "4", "--out", file.toString());
        assertThat(gen.exit()).as(gen.err()).isZero();
        assertThat(Files.readAllLines(file)).hasSize(10 * 3 + 1);
        run("users", "create", "--username", "cli-importer", "--password", "long-enough", "--role", "DPMD", "--region", "62.02");
        Run imported = run("import", "workers", file.toString(), "--as", "cli-importer", "--confirm");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("\"status\":\"IMPORTED\"", "\"workersCreated\":30");
    }

    @Test
    void aValidatedBatchIsConfirmedFromTheCommandLineWithoutItsFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("w.csv");
        assertThat(run("generate", "workers", "--regions", "62.05.05", "--per-village", "2", "--seed", "5", "--out", file.toString()).exit()).isZero();
        run("users", "create", "--username", "cli-resumer", "--password", "long-enough", "--role", "DPMD", "--region", "62.05");
        Run validated = run("import", "workers", file.toString(), "--as", "cli-resumer");
        assertThat(validated.out()).as(validated.err()).contains("\"status\":\"VALIDATED\"");
        String id = validated.out().replaceAll("(?s).*\"id\":(\\d+).*", "$1").trim();
        Run confirmed = run("import", "workers", "--batch", id, "--as", "cli-resumer");
        assertThat(confirmed.exit()).as(confirmed.err()).isZero();
        assertThat(confirmed.out()).contains("\"status\":\"IMPORTED\"");
        Run neither = run("import", "workers", "--as", "cli-resumer");
        assertThat(neither.exit()).isEqualTo(2);
        assertThat(neither.err()).contains("--batch");
    }

    @Test
    void billingRunPrintsItsSummaryAndARerunAddsNoLines() {
        Run first = run("billing", "run", "--month", "2023-07", "--backfill");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("\"month\":\"2023-07\"", "\"bills\":", "\"lines\":", "\"total\":");
        // not a terminal: plain progress lines on stderr, stdout keeps only the JSON
        assertThat(first.err()).containsPattern("billing(: \\d+ of \\d+ rows| \\.\\.\\.)").contains("bills ...");
        Run again = run("billing", "run", "--month", "2023-07", "--backfill");
        assertThat(again.out()).contains("\"lines\":0", "\"newLines\":0", "\"newTotal\":0");
        // the month's own figures are the same after a re-run that added nothing; "lines" may exceed the month's own
        // lines, since any run also reverses months billed after a recorded death (issue 13), and other tests sharing
        // this database record deaths
        assertThat(number(again.out(), "monthLines")).isEqualTo(number(first.out(), "monthLines"));
        assertThat(amount(again.out(), "monthTotal")).isEqualByComparingTo(amount(first.out(), "monthTotal"));
        if (number(again.out(), "monthLines") > 0) {
            assertThat(again.err()).contains("already billed");
        }
        Run bad = run("billing", "run", "--month", "July");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("YYYY-MM");
        Run unconfirmed = run("billing", "run", "--month", "2023-08");
        assertThat(unconfirmed.exit()).isEqualTo(2);
        assertThat(unconfirmed.err()).contains("older than the billing window", "--backfill");
        Run dry = run("billing", "run", "--month", "2023-08", "--dry-run");
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("\"month\":\"2023-08\"", "\"backfillRequired\":true", "\"lines\":", "\"paidMonthsChanged\":");
    }

    static long number(String json, String key) {
        return amount(json, key).longValueExact();
    }

    static java.math.BigDecimal amount(String json, String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + key + "\":(-?[0-9.]+)").matcher(json);
        assertThat(m.find()).as(key + " in " + json).isTrue();
        return new java.math.BigDecimal(m.group(1));
    }

    @Test
    void importWorkersWithRejectedRowsExits3AndListsThemWithTheRejectionFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("w.csv");
        assertThat(run("generate", "workers", "--regions", "62.02.09", "--per-village", "5", "--seed", "9", "--bad-share", "0.5",
                "--out", file.toString()).exit()).isZero();
        run("users", "create", "--username", "cli-rejects", "--password", "long-enough", "--role", "DPMD", "--region", "62.02");
        Run imported = run("import", "workers", file.toString(), "--as", "cli-rejects");
        assertThat(imported.exit()).as(imported.err()).isEqualTo(3);
        assertThat(imported.out()).contains("\"status\":\"VALIDATED\"");
        long rejected = number(imported.out(), "rejectedRows");
        assertThat(rejected).isPositive();
        assertThat(imported.err()).contains(rejected + " row(s) rejected").containsPattern("line \\d+ ");
        String id = imported.out().replaceAll("(?s).*\"id\":(\\d+).*", "$1").trim();
        Path csv = dir.resolve("import-" + id + "-rejections.csv");
        assertThat(imported.err()).contains(csv.toAbsolutePath().toString());
        assertThat(Files.readAllLines(csv)).hasSizeGreaterThan(1);
    }

    @Test
    void paymentsImportReportsAcceptedDuplicatesAndRejectedLines(@TempDir Path dir) throws Exception {
        Run migrate = run("users", "create", "--username", "cli.payer.setup", "--password", "secret-123", "--role", "ADMIN", "--region", "ID");
        assertThat(migrate.exit()).as(migrate.err()).isZero();
        try (var db = id.lindung.platform.EmbeddedPostgresServer.open(Path.of(System.getProperty("lindung.data-dir")), 0, false, true);
             var c = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             var st = c.createStatement()) {
            st.execute("insert into payer (code, kind, name, region_code) values ('APBD:62.02', 'APBD', "
                    + "'Pemerintah Kabupaten Kotawaringin Timur', '62.02') on conflict (code) do nothing");
        }
        Path file = dir.resolve("rekon.csv");
        Files.writeString(file, """
                payer,reference,date,amount
                APBD:62.02,REK-1,2024-01-05,100000
                APBD:62.02,REK-1,2024-01-05,100000
                APBD:99.99,REK-2,2024-01-05,100
                APBD:62.02,REK-3,2024-01-05,-1
                APBD:62.02,REK-4,05/01/2024,10
                APBD:62.02,REK-5,01/31/2024,10
                """);
        // DD/MM/YYYY (line 6) is accepted as bank statements write it; month first (line 7) is not a date
        Run dry = run("payments", "import", file.toString(), "--dry-run");
        assertThat(dry.out()).contains("\"accepted\":2", "\"duplicates\":1", "\"dryRun\":true");
        assertThat(dry.err()).contains("nothing was recorded");
        assertThat(dry.exit()).isEqualTo(3);
        Run r = run("payments", "import", file.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(3);
        assertThat(r.out()).contains("\"accepted\":2", "\"duplicates\":1", "\"rejected\":[{\"line\":4", "\"dryRun\":false")
                .contains("\"line\":5").contains("\"line\":7").doesNotContain("\"line\":3").doesNotContain("\"line\":6");
        assertThat(r.err()).contains("3 row(s) rejected", "line 4: ", "line 5: ", "line 7: ").doesNotContain("nothing was recorded");
        assertThat(r.err()).contains("checking: 0 of 6 rows (0%)", "recording: 0 of 2 rows (0%)");
        Run again = run("payments", "import", file.toString());
        assertThat(again.out()).contains("\"accepted\":0", "\"duplicates\":3");
    }

    /** Issue 12 item 11: a user who may not import is bad input (2), not a failure (1). */
    @Test
    void importWorkersAsAReadOnlyUserExits2(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("w.csv");
        Files.writeString(file, "nik,name,sex,birth_date\n6402051708850001,Budi,L,1985-08-17\n");
        run("users", "create", "--username", "cli-monitor", "--password", "long-enough", "--role", "MONITOR", "--region", "ID");
        Run imported = run("import", "workers", file.toString(), "--as", "cli-monitor");
        assertThat(imported.exit()).as(imported.err()).isEqualTo(2);
        assertThat(imported.err()).contains("error: ").doesNotContain("Exception", "SQL");
    }
}
