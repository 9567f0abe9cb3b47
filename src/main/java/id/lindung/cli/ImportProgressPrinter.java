package id.lindung.cli;

import id.lindung.importing.WorkerImports;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Prints a long command's progress (a worker import, a billing run, a payment file) on stderr (stdout keeps only the command's JSON): on a terminal one bar redrawn in place
 * at most {@link #TERMINAL_EVERY} apart, otherwise a plain line at most every {@link #PLAIN_EVERY}, and the last
 * state when the import ends.
 */
final class ImportProgressPrinter implements WorkerImports.Progress, id.lindung.billing.BillingProgress {

    static final Duration TERMINAL_EVERY = Duration.ofMillis(250);
    static final Duration PLAIN_EVERY = Duration.ofSeconds(5);

    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private String phase;
    private long phaseStart;
    private long phaseFirstDone;
    private boolean printedInPhase;
    private long lastPrinted;
    private int lastWidth;
    private ProgressLine.State pending;

    ImportProgressPrinter(PrintStream out, boolean terminal, LongSupplier nanoTime) {
        this.out = out;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
    }

    /** On stderr, as a bar when the command runs on a terminal. */
    static ImportProgressPrinter forStderr() {
        return new ImportProgressPrinter(System.err, System.console() != null, System::nanoTime);
    }

    @Override
    public synchronized void checked(long rows) {
        report("checking", rows, 0);
    }

    @Override
    public synchronized void applied(long batchId, int chunksDone, int chunks, long linesDone, long lines) {
        report("importing", linesDone, lines);
        if (chunksDone >= chunks) {
            finish();
        }
    }

    /** A billing run's or a payment file's step: a new phase starts a new line. */
    @Override
    public synchronized void advanced(String phase, long done, long total) {
        report(phase, done, total);
    }

    /** Prints the last state if it was not printed yet, and ends the terminal's line. */
    synchronized void finish() {
        if (pending != null) {
            print(pending);
        }
        if (terminal && lastWidth > 0) {
            out.println();
            out.flush();
        }
        lastWidth = 0;
        phase = null;
    }

    private void report(String phase, long done, long total) {
        long now = nanoTime.getAsLong();
        if (!phase.equals(this.phase)) {
            finish();
            this.phase = phase;
            phaseStart = now;
            phaseFirstDone = done;
            printedInPhase = false;
        }
        ProgressLine.State state = new ProgressLine.State(phase, done, total, done - phaseFirstDone, Duration.ofNanos(now - phaseStart));
        long every = (terminal ? TERMINAL_EVERY : PLAIN_EVERY).toNanos();
        if (!printedInPhase || now - lastPrinted >= every || (total > 0 && done >= total)) {
            print(state);
            printedInPhase = true;
            lastPrinted = now;
        } else {
            pending = state;
        }
    }

    private void print(ProgressLine.State state) {
        if (terminal) {
            String line = ProgressLine.bar(state);
            // redrawn in place; blanks wipe what a longer previous line left
            out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            lastWidth = line.length();
        } else {
            out.println(ProgressLine.plain(state));
        }
        out.flush();
        pending = null;
    }
}
