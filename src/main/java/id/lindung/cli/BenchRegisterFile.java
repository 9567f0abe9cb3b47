package id.lindung.cli;

import id.lindung.importing.WorkerFileGenerator;
import id.lindung.region.Region;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The suite's worker files, written with the import's own generator ({@link WorkerFileGenerator}): the register part
 * (imported first, not measured) and the measured import. The register part also holds one large village (the
 * village worker list of section 4 is measured on it) and the household poverty deciles that flag extreme-poverty
 * workers; the measured file keeps the generator's 12 columns, so the import and its floors (the raw {@code COPY}
 * reads those 12 columns) measure the same file as before.
 */
final class BenchRegisterFile {

    /** A realistic village: its apparatus (8–12 officials) and informal workers beside them. */
    static final int WORKERS_PER_VILLAGE = 24;
    /** One informal (BPU) worker in this many lives in a P3KE decile-1 household, as the coverage benchmark has it. */
    static final int EXTREME_POOR_ONE_IN = 7;
    /**
     * Added to the NIK serials of the large village: the generator counts serials from 1 per district and birth date
     * in each file it writes, so a second file in a district the first one used would repeat its NIKs. No district
     * gets near this many workers born on one day in the first file.
     */
    static final int LARGE_VILLAGE_SERIAL_OFFSET = 5_000;
    /** Its own seed, so the large village's names and wages do not repeat the first villages'. */
    private static final long LARGE_VILLAGE_SEED = 2027;

    /**
     * The register goes in as files of at most this many rows, as district offices send theirs: one file of the
     * whole country (9 million rows at 10,000,000 workers) would need more heap for its in-file duplicate check
     * than the suite's 512 MB. The measured import is one file of up to 1,000,000 rows, as the issue asks.
     */
    static final int REGISTER_PART_ROWS = 1_000_000;

    /** What was written: the register's files, the measured file, the villages, and the large village (null when none was asked for). */
    record Written(List<Path> register, Path measured, long rows, int villages, int perVillage, long measuredRows, Region largeVillage,
                   long largeVillageRows, long extremePoor) {}

    private BenchRegisterFile() {}

    /**
     * All villages when there are at least {@link #WORKERS_PER_VILLAGE} workers for each, otherwise an even spread of
     * villages over the whole country (every k-th in code order) with that many each; then the large village (a
     * village the spread left out, when there is one) with {@code largeVillageWorkers} workers of its own.
     */
    static Written write(List<Region> all, long workers, long importRows, int largeVillageWorkers, Path out) throws IOException {
        return write(all, workers, importRows, largeVillageWorkers, REGISTER_PART_ROWS, out);
    }

    static Written write(List<Region> all, long workers, long importRows, int largeVillageWorkers, int partRows, Path out)
            throws IOException {
        List<Region> villages;
        int perVillage;
        if (workers >= (long) all.size() * WORKERS_PER_VILLAGE) {
            villages = all;
            perVillage = (int) (workers / all.size());
        } else {
            int wanted = (int) Math.max(1, workers / WORKERS_PER_VILLAGE);
            double stride = (double) all.size() / wanted;
            villages = new ArrayList<>(wanted);
            for (int i = 0; i < wanted; i++) {
                villages.add(all.get((int) (i * stride)));
            }
            perVillage = (int) Math.max(1, workers / wanted);
        }
        Path whole = out.resolve("workers.csv");
        long rows;
        try (BufferedWriter w = Files.newBufferedWriter(whole, StandardCharsets.UTF_8)) {
            rows = WorkerFileGenerator.write(villages, perVillage, 2026, 0.0, w).rows();
        }
        long measured = Math.min(importRows, rows);
        Region large = largeVillageWorkers > 0 ? largeVillage(all, villages) : null;
        Path imported = out.resolve("import.csv");
        long extremePoor = 0;
        long largeRows = 0;
        List<Path> register;
        try (BufferedReader r = Files.newBufferedReader(whole, StandardCharsets.UTF_8);
             Parts a = new Parts(out, partRows);
             BufferedWriter b = Files.newBufferedWriter(imported, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            a.header = header + ",p3ke_decile";
            b.write(header);
            b.newLine();
            long n = 0;
            for (String line = r.readLine(); line != null; line = r.readLine(), n++) {
                if (n < rows - measured) {
                    extremePoor += writeWithDecile(a, line, n);
                } else {
                    b.write(line);
                    b.newLine();
                }
            }
            if (large != null) {
                StringWriter text = new StringWriter();
                WorkerFileGenerator.write(List.of(large), largeVillageWorkers, LARGE_VILLAGE_SEED, 0.0, text);
                BufferedReader lines = new BufferedReader(new StringReader(text.toString()));
                lines.readLine();
                for (String line = lines.readLine(); line != null; line = lines.readLine(), n++, largeRows++) {
                    extremePoor += writeWithDecile(a, offsetSerial(line), n);
                }
            }
            register = a.paths;
        }
        Files.delete(whole);
        return new Written(register, imported, rows + largeRows, villages.size(), perVillage, measured, large, largeRows, extremePoor);
    }

    /** A village of the country the spread did not take (the one after the first taken), else the first taken. */
    private static Region largeVillage(List<Region> all, List<Region> taken) {
        java.util.Set<String> codes = new java.util.HashSet<>();
        taken.forEach(v -> codes.add(v.code()));
        for (Region v : all) {
            if (!codes.contains(v.code())) {
                return v;
            }
        }
        return taken.get(0);
    }

    /** The row with its decile column: 1 (extreme poverty) for one informal worker in {@link #EXTREME_POOR_ONE_IN}. */
    private static int writeWithDecile(Parts to, String line, long n) throws IOException {
        // columns: nik,name,sex,birth_date,village_code,category,segment,...
        boolean informal = line.split(",", 8)[6].equals("BPU");
        boolean poor = informal && n % EXTREME_POOR_ONE_IN == 3;
        to.write(line, poor ? ",1" : ",");
        return poor ? 1 : 0;
    }

    /** register-1.csv, register-2.csv, ...: each with the header and at most {@code partRows} rows. */
    private static final class Parts implements AutoCloseable {
        private final Path dir;
        private final int partRows;
        private final List<Path> paths = new ArrayList<>();
        private String header;
        private BufferedWriter current;
        private long rowsInPart;

        Parts(Path dir, int partRows) {
            if (partRows < 1) {
                throw new IllegalArgumentException("partRows must be at least 1");
            }
            this.dir = dir;
            this.partRows = partRows;
        }

        /** The row and its last cell, written in two pieces so that no joined copy of each row is made. */
        void write(String row, String lastCell) throws IOException {
            if (current == null || rowsInPart == partRows) {
                close();
                Path next = dir.resolve("register-" + (paths.size() + 1) + ".csv");
                paths.add(next);
                current = Files.newBufferedWriter(next, StandardCharsets.UTF_8);
                current.write(header);
                current.newLine();
                rowsInPart = 0;
            }
            current.write(row);
            current.write(lastCell);
            current.newLine();
            rowsInPart++;
        }

        @Override
        public void close() throws IOException {
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }

    /** The line with its NIK's 4-digit serial raised by {@link #LARGE_VILLAGE_SERIAL_OFFSET}. */
    static String offsetSerial(String line) {
        int serial = Integer.parseInt(line.substring(12, 16));
        return line.substring(0, 12) + String.format(Locale.ROOT, "%04d", serial + LARGE_VILLAGE_SERIAL_OFFSET) + line.substring(16);
    }
}
