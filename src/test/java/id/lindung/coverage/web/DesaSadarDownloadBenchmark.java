package id.lindung.coverage.web;

import id.lindung.platform.CsvDialect;
import id.lindung.platform.TableDownload;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The national Desa Sadar download's writers on a table of the nation's shape (75,266 desa rows as the demo database
 * has them, one in fifty with two missing people): wall and thread CPU time of the CSV and the XLSX, five runs each after a warm-up.
 * Asserts nothing about time. Run: {@code ./mvnw test -Dgroups=benchmark -Dsurefire.excludedGroups= -Dtest=DesaSadarDownloadBenchmark}
 */
@Tag("benchmark")
class DesaSadarDownloadBenchmark {

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    static TableDownload.Table nation(int desa) {
        List<List<Object>> rows = new ArrayList<>(desa);
        for (int i = 0; i < desa; i++) {
            String code = String.format("%02d.%02d.%02d.%04d", 11 + i % 80, i % 30, i % 40, 2001 + i % 500);
            boolean near = i % 50 == 0;
            rows.add(List.of(code, "Desa Nomor " + i, near ? "NEAR" : "NO", near ? 2L : 0L,
                    near ? "Budi Santoso (Kepala desa); Siti Aminah (Perangkat desa)" : ""));
        }
        return new TableDownload.Table("desa-sadar", List.of("dashboard.col.code", "dashboard.col.name", "dashboard.col.status",
                "dashboard.col.missingCount", "dashboard.col.missing"), rows);
    }

    @Test
    void theNationsWriters() {
        TableDownload.Table table = nation(75_266);
        for (int run = 0; run < 6; run++) {
            long t = System.nanoTime();
            long c = CPU.getCurrentThreadCpuTime();
            int csv = TableDownload.csv(table, k -> k, CsvDialect.COMMA).length;
            long csvMs = (System.nanoTime() - t) / 1_000_000;
            long csvCpu = (CPU.getCurrentThreadCpuTime() - c) / 1_000_000;
            t = System.nanoTime();
            c = CPU.getCurrentThreadCpuTime();
            int xlsx = TableDownload.xlsx(List.of(table), k -> k).length;
            long xlsxMs = (System.nanoTime() - t) / 1_000_000;
            long xlsxCpu = (CPU.getCurrentThreadCpuTime() - c) / 1_000_000;
            System.out.printf("run %d: csv %d ms (cpu %d ms, %,d bytes), xlsx %d ms (cpu %d ms, %,d bytes); load %s%n", run, csvMs,
                    csvCpu, csv, xlsxMs, xlsxCpu, xlsx, load());
        }
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).substring(0, 14);
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
