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

        long copyStart = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("""
                    create unlogged table if not exists bench_raw_copy (nik text, name text, sex text, birth_date text, village_code text,
                        category text, segment text, wage text, risk text, programs text, payer text, start_date text)""");
            c.createStatement().execute("truncate bench_raw_copy");
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_raw_copy from stdin with (format csv, header true)", r);
            }
        }
        double copySeconds = (System.nanoTime() - copyStart) / 1e9;
        // an unlogged table is the most favourable baseline; say so in the output
        System.out.printf("raw COPY into an unindexed unlogged table: %.2f s, %,.0f rows/s%n", copySeconds, rows / copySeconds);

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
        assertThat(done.status()).isEqualTo("IMPORTED");
        assertThat(done.workersCreated()).isEqualTo(rows);
        Files.deleteIfExists(file);
    }
}
