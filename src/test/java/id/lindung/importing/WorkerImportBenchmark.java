package id.lindung.importing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.region.Region;
import id.lindung.region.RegionLevel;
import id.lindung.region.Regions;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.io.BufferedWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Not a timed test: prints rows per second of a full worker import (parse, validate, stage, apply) and of a
 * raw PostgreSQL COPY of the same file into an unindexed all-text table, measured in the same run.
 * Run: {@code ./mvnw test -Dgroups=benchmark -Dsurefire.excludedGroups= -Dtest=WorkerImportBenchmark [-Dbenchmark.rows=N]}.
 */
@Tag("benchmark")
@IntegrationTest
class WorkerImportBenchmark {

    @Autowired WorkerImports imports;
    @Autowired WorkerFileGenerator generator;
    @Autowired Regions regions;
    @Autowired DataSource dataSource;

    @Test
    void importSpeedAgainstRawCopy() throws Exception {
        long wanted = Long.getLong("benchmark.rows", 1_000_000);
        List<Region> villages = regions.within(RegionScope.of("64"), RegionLevel.VILLAGE);
        int perVillage = (int) Math.max(1, wanted / villages.size());
        Path file = Files.createTempFile("lindung-bench-", ".csv");
        long rows;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            rows = generator.write(villages, perVillage, 2026, 0.0, w).rows();
        }
        System.out.printf("benchmark file: %,d rows, %,d bytes, %d villages of province 64%n", rows, Files.size(file), villages.size());

        // best of two: the first COPY also pays for extending a new relation file
        double copySeconds = Math.min(copy(file, "bench_raw_copy", RAW_TABLE), copy(file, "bench_raw_copy", RAW_TABLE));
        // an unlogged table is the most favourable baseline; say so in the output
        System.out.printf("raw COPY into an unindexed unlogged table: %.2f s, %,.0f rows/s%n", copySeconds, rows / copySeconds);
        // the least any registry table can cost: the same COPY into a table with only what the issue and the
        // architecture demand of it (a key, one worker per NIK nationally as a database constraint, an index on the
        // village code for scoped queries), without parsing, checks, memberships or payers
        double floorSeconds = copy(file, "bench_registry_floor", FLOOR_TABLE);
        System.out.printf("COPY into a table with only a key, the unique NIK and a village-code index: %.2f s, %,.0f rows/s, ratio %.2f%n",
                floorSeconds, rows / floorSeconds, copySeconds / floorSeconds);

        Actor admin = TestUsers.actor("bench-admin", Role.ADMIN, "ID");
        long validateStart = System.nanoTime();
        ImportBatch validated = CurrentActor.runAs(admin, () -> imports.importFile("bench.csv", file, WorkerImports.Options.none()));
        double validateSeconds = (System.nanoTime() - validateStart) / 1e9;
        long applyStart = System.nanoTime();
        ImportBatch done = CurrentActor.runAs(admin, () -> imports.confirm(validated.id()));
        double applySeconds = (System.nanoTime() - applyStart) / 1e9;
        double total = validateSeconds + applySeconds;
        System.out.printf("validate (parse, check, COPY to staging, registry checks): %.2f s, %,.0f rows/s%n", validateSeconds, rows / validateSeconds);
        System.out.printf("apply (payers, workers, %,d membership terms, likely duplicates): %.2f s%n", done.termsOpened(), applySeconds);
        System.out.printf("IMPORT TOTAL: %,d rows in %.2f s = %,.0f rows/s; raw COPY %,.0f rows/s; ratio %.2f%n",
                rows, total, rows / total, rows / copySeconds, copySeconds / total);
        System.out.printf("registry floor ratio %.2f; import against the floor %.2f%n", copySeconds / floorSeconds, floorSeconds / total);
        assertThat(done.status()).isEqualTo("IMPORTED");
        assertThat(done.workersCreated()).isEqualTo(rows);
        Files.deleteIfExists(file);
    }

    private static final String RAW_TABLE = """
            create unlogged table bench_raw_copy (nik text, name text, sex text, birth_date text, village_code text,
                category text, segment text, wage text, risk text, programs text, payer text, start_date text)""";

    private static final String FLOOR_TABLE = """
            create table bench_registry_floor (id bigint generated always as identity primary key,
                nik text collate "C" not null unique, name text, sex text, birth_date text, village_code text collate "C",
                category text, segment text, wage text, risk text, programs text, payer text, start_date text);
            create index on bench_registry_floor (village_code)""";

    /** Seconds to COPY the file into a freshly created {@code table}. */
    private double copy(Path file, String table, String ddl) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("drop table if exists " + table);
            for (String statement : ddl.split(";")) {
                c.createStatement().execute(statement);
            }
            long start = System.nanoTime();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table
                        + " (nik, name, sex, birth_date, village_code, category, segment, wage, risk, programs, payer, start_date)"
                        + " from stdin with (format csv, header true)", r);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            c.createStatement().execute("drop table " + table);
            return seconds;
        }
    }
}
