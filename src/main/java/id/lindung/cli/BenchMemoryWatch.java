package id.lindung.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Samples the heap in use every 100 ms through the whole run (the JVM's own figure), and reads the process's peak
 * resident memory from {@code /proc/self/status} at the end. The server, the import, billing and the load clients
 * share this JVM, so the figures are an upper bound for the server alone.
 */
final class BenchMemoryWatch {

    /** Issue 16: everything completes with the server at -Xmx512m. */
    static final double HEAP_MIB_TARGET = 512;

    private volatile boolean running;
    private volatile long peakHeap;
    private Thread thread;

    void start() {
        running = true;
        thread = new Thread(() -> {
            var bean = ManagementFactory.getMemoryMXBean();
            while (running) {
                peakHeap = Math.max(peakHeap, bean.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-memory");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    void report(BenchReport report) {
        double load = BenchReport.load();
        long max = Runtime.getRuntime().maxMemory();
        // the target is that everything completes at -Xmx512m: met when it did at that size or less (the run reached this)
        report.add(new BenchReport.Figure("6-memory", "peak heap in use (sampled every 100 ms)", peakHeap / 1048576.0, "MiB",
                null, null, "max heap as the JVM reports it " + max / 1048576 + " MiB (below -Xmx with ParallelGC, which leaves one "
                + "survivor space out); the server, the import, billing, the generator and the coverage section's client share the JVM, "
                + "and the load clients of sections 3 and 5 when they are not wrk (see loadClient)", load, load,
                max / 1048576.0 <= HEAP_MIB_TARGET ? HEAP_MIB_TARGET : null));
        long[] rss = residentKib();
        if (rss[0] > 0) {
            report.add(new BenchReport.Figure("6-memory", "peak resident memory of the JVM (VmHWM)", rss[0] / 1024.0, "MiB",
                    null, null, "resident now " + rss[1] / 1024 + " MiB; the PostgreSQL processes are not included", load, load));
        } else {
            report.notMeasured.put("6-memory rss", "no /proc/self/status on this system");
        }
    }

    private static long[] residentKib() {
        long hwm = 0;
        long rss = 0;
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmHWM:")) {
                    hwm = Long.parseLong(l.replaceAll("\\D", ""));
                } else if (l.startsWith("VmRSS:")) {
                    rss = Long.parseLong(l.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
        return new long[] {hwm, rss};
    }
}
