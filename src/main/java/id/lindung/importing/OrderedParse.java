package id.lindung.importing;

import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Parses an upload's rows on worker threads, in batches of lines, and hands every outcome back on the caller's thread in
 * line order. Validation was one thread doing everything (read the file, parse and check each row, write the staging
 * COPY) while the second core had only the COPY's backend to run (issue 16): the parse is the bulk of that thread's CPU
 * and each row's parse depends on nothing but the row and the batch's read-only lookups. What needs the file's order
 * (a NIK seen earlier in the file, the staging COPY, the rejection list) stays with the caller, in {@link Sink}.
 */
final class OrderedParse implements AutoCloseable {

    /** Parses one row; called on a worker thread, so it must only read shared state. */
    interface Parser {
        WorkerRowParser.Outcome parse(long line, String[] fields);
    }

    /** Takes the outcomes, one row at a time, in the order the rows were added, on the thread that added them. */
    interface Sink {
        void accept(long line, String[] fields, WorkerRowParser.Outcome outcome);
    }

    /** Rows per task: large enough that handing a batch over costs nothing against parsing it. */
    static final int BATCH = 1_000;

    private final Parser parser;
    private final Sink sink;
    private final ExecutorService pool;
    private final int maxInFlight;
    private final ArrayDeque<Future<Batch>> inFlight = new ArrayDeque<>();
    private Batch filling = new Batch();

    OrderedParse(int threads, Parser parser, Sink sink) {
        this.parser = parser;
        this.sink = sink;
        int n = Math.max(1, threads);
        this.maxInFlight = 2 * n + 1; // bounded: a huge file never waits in memory for its staging
        this.pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "import-parse");
            t.setDaemon(true);
            return t;
        });
    }

    /** Adds the next row of the file. */
    void add(long line, String[] fields) {
        filling.lines[filling.size] = line;
        filling.fields[filling.size] = fields;
        if (++filling.size == BATCH) {
            submit();
        }
        while (!inFlight.isEmpty() && inFlight.peek().isDone()) {
            drainOne();
        }
    }

    /** Parses what is left and hands every remaining outcome to the sink. */
    void finish() {
        if (filling.size > 0) {
            submit();
        }
        while (!inFlight.isEmpty()) {
            drainOne();
        }
    }

    private void submit() {
        Batch b = filling;
        filling = new Batch();
        inFlight.add(pool.submit(() -> {
            for (int i = 0; i < b.size; i++) {
                b.outcomes[i] = parser.parse(b.lines[i], b.fields[i]);
            }
            return b;
        }));
        while (inFlight.size() > maxInFlight) {
            drainOne();
        }
    }

    private void drainOne() {
        Batch b;
        try {
            b = inFlight.poll().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Validation interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
        for (int i = 0; i < b.size; i++) {
            sink.accept(b.lines[i], b.fields[i], b.outcomes[i]);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private static final class Batch {
        final long[] lines = new long[BATCH];
        final String[][] fields = new String[BATCH][];
        final WorkerRowParser.Outcome[] outcomes = new WorkerRowParser.Outcome[BATCH];
        int size;
    }
}
