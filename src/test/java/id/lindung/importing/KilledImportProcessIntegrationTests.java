package id.lindung.importing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.region.Region;
import id.lindung.region.RegionLevel;
import id.lindung.region.Regions;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import's crash guarantee with a real crash: {@code import workers --confirm} runs in a second JVM (attached to
 * this test's database, as the CLI attaches to a running server), is killed with SIGKILL while chunks are being
 * applied, and the batch is then confirmed again. The result must equal an uninterrupted import of the same rows.
 */
@IntegrationTest
class KilledImportProcessIntegrationTests {

    static final Actor ADMIN = TestUsers.actor("kill-admin", Role.ADMIN, "ID");

    @Autowired WorkerImports imports;
    @Autowired WorkerFileGenerator generator;
    @Autowired Regions regions;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    @Test
    void anImportProcessKilledMidwayAndConfirmedAgainEndsLikeAnUninterruptedOne(@TempDir Path dir) throws Exception {
        // two districts with 14 villages each: the same generated rows, only NIKs and village codes differ
        List<Region> killedVillages = regions.within(RegionScope.of("62.06.04"), RegionLevel.VILLAGE);
        List<Region> twinVillages = regions.within(RegionScope.of("62.06.06"), RegionLevel.VILLAGE);
        assertThat(twinVillages).hasSameSizeAs(killedVillages);
        Path killedFile = dir.resolve("killed.csv");
        Path twinFile = dir.resolve("twin.csv");
        try (BufferedWriter w = Files.newBufferedWriter(killedFile, StandardCharsets.UTF_8)) {
            generator.write(killedVillages, 50, 77, 0.05, w);
        }
        try (BufferedWriter w = Files.newBufferedWriter(twinFile, StandardCharsets.UTF_8)) {
            generator.write(twinVillages, 50, 77, 0.05, w);
        }
        TestUsers.token(accounts, "kill-importer", Role.DPMD, "62.06");

        Process child = cli(dir, "import", "workers", killedFile.toString(), "--as", "kill-importer", "--confirm");
        long chunksWhenKilled = -1;
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < deadline && child.isAlive()) {
                List<Map<String, Object>> batch = jdbc.sql("select status, chunks_done from import_batch where file_name = 'killed.csv'")
                        .query().listOfRows();
                if (!batch.isEmpty() && ((Number) batch.get(0).get("chunks_done")).longValue() >= 3) {
                    child.destroyForcibly(); // SIGKILL: no shutdown hook, the open chunk transaction dies with the connection
                    chunksWhenKilled = ((Number) batch.get(0).get("chunks_done")).longValue();
                    break;
                }
                Thread.sleep(5);
            }
            assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(chunksWhenKilled).as("the child was killed while importing (see its output in target/)").isPositive();

        long id = jdbc.sql("select id from import_batch where file_name = 'killed.csv'").query(Long.class).single();
        ImportBatch interrupted = CurrentActor.runAs(ADMIN, () -> imports.get(id));
        assertThat(interrupted.status()).isEqualTo("IMPORTING");
        long maxLine = jdbc.sql("select max_line from import_batch where id = ?").param(id).query(Long.class).single();
        assertThat(interrupted.chunksDone()).isGreaterThanOrEqualTo((int) chunksWhenKilled).isLessThan((int) ((maxLine - 1 + 9) / 10));

        ImportBatch resumed = CurrentActor.runAs(ADMIN, () -> imports.confirm(id));
        ImportBatch reference = CurrentActor.runAs(ADMIN, () -> imports.importFile("twin.csv", twinFile, new WorkerImports.Options(null, null, true)));
        assertThat(resumed.status()).isEqualTo(reference.status()).isEqualTo("PARTIALLY_IMPORTED");
        assertThat(resumed.workersCreated()).isEqualTo(reference.workersCreated()).isPositive();
        assertThat(resumed.termsOpened()).isEqualTo(reference.termsOpened());
        assertThat(resumed.rejectedRows()).isEqualTo(reference.rejectedRows());
        assertThat(snapshot("62.06.04")).isEqualTo(snapshot("62.06.06")).isNotEmpty();
        assertThat(jdbc.sql("select count(*) - count(distinct nik) from worker where village_code like '62.06.04.%'").query(Long.class).single()).isZero();
    }

    /** {@code java -jar lindung.jar ARGS} in a new JVM on this test's classpath and database, chunks of 10 lines. */
    private static Process cli(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        // the same database as this test: the embedded one (attached to, never wiped) or the external one CI points at
        for (String property : System.getProperties().stringPropertyNames()) {
            if (property.startsWith("lindung.") || property.startsWith("spring.datasource.")) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        command.add("-Dlindung.db-clean=false"); // attach to this test's database, never wipe it
        command.add("-Dlindung.import.chunk=10");
        command.add("-Dlindung.import.threads=1");
        command.add(id.lindung.LindungApplication.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "killed-import-child.log").toFile()).start();
    }

    private List<String> snapshot(String region) {
        return jdbc.sql("""
                select w.full_name || '|' || w.sex || '|' || w.birth_date || '|' || w.category || '|' || t.program || '|'
                       || t.segment || '|' || t.wage || '|' || p.kind || '|' || t.valid_from || '|' || coalesce(t.valid_to::text, '-')
                from worker w join membership_term t on t.worker_id = w.id join payer p on p.id = t.worker_payer_id
                where w.village_code >= ? and w.village_code < ? order by 1""")
                .params(region, region + "/").query(String.class).list();
    }
}
