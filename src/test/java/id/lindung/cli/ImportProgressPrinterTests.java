package id.lindung.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** How often an import's progress is printed: redrawn in place on a terminal, plain lines every 5 s otherwise. */
class ImportProgressPrinterTests {

    final AtomicLong now = new AtomicLong();
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    ImportProgressPrinter printer(boolean terminal) {
        return new ImportProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), terminal, now::get);
    }

    String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    void after(long seconds) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    @Test
    void withoutATerminalAPlainLineIsWrittenAtMostEveryFiveSecondsAndTheLastOneAtTheEnd() {
        var p = printer(false);
        p.applied(7, 0, 10, 0, 1000);
        after(1);
        p.applied(7, 1, 10, 100, 1000); // too soon after the first line
        after(4);
        p.applied(7, 5, 10, 500, 1000);
        after(1);
        p.applied(7, 6, 10, 600, 1000);
        after(1);
        p.applied(7, 10, 10, 1000, 1000);
        assertThat(printed().lines()).containsExactly(
                "importing: 0 of 1000 rows (0%), 0 rows/s",
                "importing: 500 of 1000 rows (50%), 100 rows/s, 0:05 left",
                "importing: 1000 of 1000 rows (100%), 142 rows/s, 0:00 left");
        assertThat(printed()).doesNotContain("\r");
    }

    @Test
    void aCheckNotYetPrintedIsPrintedWhenTheImportStarts() {
        var p = printer(false);
        p.checked(10_000);
        after(2);
        p.checked(20_000);
        p.applied(7, 0, 2, 0, 20_000);
        p.finish();
        assertThat(printed().lines()).containsExactly(
                "checking: 10000 rows, 0 rows/s",
                "checking: 20000 rows, 5000 rows/s",
                "importing: 0 of 20000 rows (0%), 0 rows/s");
    }

    @Test
    void onATerminalOneLineIsRedrawnInPlaceAndEndedWhenTheImportEnds() {
        var p = printer(true);
        p.applied(7, 0, 2, 0, 1000);
        after(1);
        p.applied(7, 1, 2, 500, 1000);
        after(1);
        p.applied(7, 2, 2, 1000, 1000);
        p.finish(); // a second end adds nothing
        String out = printed();
        assertThat(out).startsWith("\rimporting [").endsWith("0:00 left\n");
        assertThat(out.chars().filter(c -> c == '\r')).hasSize(3);
        assertThat(out.chars().filter(c -> c == '\n')).hasSize(1);
        assertThat(out).contains("500/1,000 rows  500 rows/s  0:01 left");
    }

    @Test
    void aBillingRunPrintsItsCountedPhaseWithRateAndTimeLeftAndItsStepsByName() {
        var p = printer(false);
        p.advanced("billing", 0, 90_000);
        after(2);
        p.advanced("billing", 30_000, 90_000);
        after(4);
        p.advanced("billing", 90_000, 90_000);
        p.advanced("bills", 0, 0);
        p.advanced("settling", 0, 0);
        p.finish();
        assertThat(printed().lines()).containsExactly(
                "billing: 0 of 90000 rows (0%), 0 rows/s",
                "billing: 90000 of 90000 rows (100%), 15000 rows/s, 0:00 left",
                "bills ...",
                "settling ...");
    }

    @Test
    void onATerminalAPaymentFileIsOneBarRedrawnWithRowsPerSecondAndTimeLeft() {
        var p = printer(true);
        p.advanced("checking", 0, 1000);
        after(1);
        p.advanced("checking", 250, 1000);
        p.finish();
        assertThat(printed()).contains("\rchecking [------------------------]   0%  0/1,000 rows")
                .contains("\rchecking [######------------------]  25%  250/1,000 rows  250 rows/s  0:03 left").endsWith("\n");
    }
}
