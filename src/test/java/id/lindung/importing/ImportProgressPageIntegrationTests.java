package id.lindung.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.region.RegionLevel;
import id.lindung.region.Regions;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A batch being imported shows its progress on its own page: the counters come from a small fragment the page polls
 * (htmx, every 2 s) while the batch is not finished, and the fragment stops asking once the batch is finished.
 */
@IntegrationTest
class ImportProgressPageIntegrationTests {

    static final Actor ADMIN = TestUsers.actor("progress-admin", Role.ADMIN, "ID");

    @LocalServerPort int port;
    @Autowired WorkerImports imports;
    @Autowired ImportChunks importChunks;
    @Autowired WorkerFileGenerator generator;
    @Autowired Regions regions;
    @Autowired UserAccounts accounts;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void theProgressFragmentShowsTheCountersAndPollsOnlyWhileTheBatchIsImporting() {
        StringWriter csv = new StringWriter();
        generator.write(regions.within(RegionScope.of("62.02.16"), RegionLevel.VILLAGE), 6, 91, 0, csv);
        int previousSize = importChunks.chunkSize;
        importChunks.chunkSize = 10;
        try {
            ImportBatch batch = CurrentActor.runAs(ADMIN, () -> imports.upload("progress.csv",
                    new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), WorkerImports.Options.none()));
            assertThat(batch.status()).isEqualTo("VALIDATED");
            int chunks = CurrentActor.runAs(ADMIN, () -> imports.chunksTotal(batch.id()));
            assertThat(chunks).isGreaterThan(2);
            Http page = Http.withToken(port, TestUsers.token(accounts, "progress-viewer", Role.MONITOR, "ID"));
            String path = "/impor/pekerja/" + batch.id() + "/progres";

            // validated, waiting for a confirm: nothing to poll for
            var validated = page.get(path);
            assertThat(validated.statusCode()).isEqualTo(200);
            assertThat(validated.body()).contains("id=\"import-progress\"").doesNotContain("hx-trigger", "<html");

            // stopped after its first chunk (as a long import looks between two chunks): IMPORTING, 1 of n chunks
            importChunks.chunkListener = (id, chunk) -> {
                if (id == batch.id() && chunk == 0) {
                    throw new IllegalStateException("stopped after chunk 0");
                }
            };
            assertThatThrownBy(() -> CurrentActor.runAs(ADMIN, () -> imports.confirm(batch.id()))).hasMessageContaining("chunk 0");
            importChunks.chunkListener = (id, chunk) -> { };
            ImportBatch importing = CurrentActor.runAs(ADMIN, () -> imports.get(batch.id()));
            assertThat(importing.status()).isEqualTo("IMPORTING");
            assertThat(importing.chunksDone()).isEqualTo(1);
            var polling = page.get(path);
            assertThat(polling.statusCode()).isEqualTo(200);
            assertThat(polling.body())
                    .contains("hx-trigger=\"every 2s\"", "hx-get=\"" + path + "\"", "hx-swap=\"outerHTML\"")
                    .contains("<progress", "max=\"" + chunks + "\"", "value=\"1\"")
                    .contains("Bagian 1 dari " + chunks)
                    .contains("<dd>" + importing.workersCreated() + "</dd>")
                    .doesNotContain("<script");
            // the whole page starts polling too, and can be left and found again from the list
            assertThat(page.get("/impor/pekerja/" + batch.id()).body()).contains("hx-trigger=\"every 2s\"", "hx-get=\"" + path + "\"");
            assertThat(page.get("/impor/pekerja").body()).contains("href=\"/impor/pekerja/" + batch.id() + "\"");

            // finished: the last answer shows the result and no longer asks to be polled, so the polling stops
            ImportBatch done = CurrentActor.runAs(ADMIN, () -> imports.confirm(batch.id()));
            assertThat(done.isFinished()).isTrue();
            var finished = page.get(path);
            assertThat(finished.body())
                    .contains("Bagian " + chunks + " dari " + chunks, "<dd>" + done.workersCreated() + "</dd>")
                    .doesNotContain("hx-trigger", "hx-get");
        } finally {
            importChunks.chunkSize = previousSize;
            importChunks.chunkListener = (id, chunk) -> { };
        }
    }

    @Test
    void confirmingOnThePageAnswersAtOnceAndTheImportGoesOnInTheBackground() throws Exception {
        StringWriter csv = new StringWriter();
        generator.write(regions.within(RegionScope.of("62.02.15"), RegionLevel.VILLAGE), 2, 92, 0, csv);
        ImportBatch batch = CurrentActor.runAs(ADMIN, () -> imports.upload("background.csv",
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), WorkerImports.Options.none()));
        assertThat(batch.status()).isEqualTo("VALIDATED");
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        // the import waits in its first chunk until the page has answered: a request that waited for it would never end
        importChunks.chunkListener = (id, chunk) -> {
            if (id == batch.id()) {
                try {
                    release.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Http dpmd = Http.withToken(port, TestUsers.token(accounts, "progress-confirmer", Role.ADMIN, "ID"));
        try {
            var confirmed = dpmd.postForm("/impor/pekerja/" + batch.id() + "/konfirmasi", java.util.Map.of());
            assertThat(confirmed.statusCode()).isEqualTo(302);
            assertThat(CurrentActor.runAs(ADMIN, () -> imports.get(batch.id())).status()).isEqualTo("IMPORTING");
            String importing = dpmd.get("/impor/pekerja/" + batch.id()).body();
            assertThat(importing).contains("hx-trigger=\"every 2s\"");
            // the confirm button goes as soon as the import has started, from the page and from the polled fragment
            assertThat(importing).doesNotContain("/konfirmasi");
            assertThat(dpmd.get("/impor/pekerja/" + batch.id() + "/progres").body()).doesNotContain("/konfirmasi");
            var twice = dpmd.postForm("/impor/pekerja/" + batch.id() + "/konfirmasi", java.util.Map.of());
            assertThat(twice.statusCode()).isEqualTo(302);
        } finally {
            release.countDown();
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        String status;
        while ((status = CurrentActor.runAs(ADMIN, () -> imports.get(batch.id())).status()).equals("IMPORTING")) {
            assertThat(System.nanoTime()).as("still importing").isLessThan(deadline);
            Thread.sleep(200);
        }
        importChunks.chunkListener = (id, chunk) -> { };
        assertThat(status).isIn("IMPORTED", "PARTIALLY_IMPORTED");
        assertThat(dpmd.get("/impor/pekerja/" + batch.id()).body()).doesNotContain("hx-trigger").doesNotContain("/konfirmasi");
    }

    @Test
    void anImportLeftImportingThatNoLongerRunsKeepsItsConfirmButtonToResumeIt() {
        StringWriter csv = new StringWriter();
        generator.write(regions.within(RegionScope.of("62.02.14"), RegionLevel.VILLAGE), 1, 93, 0, csv);
        ImportBatch batch = CurrentActor.runAs(ADMIN, () -> imports.upload("resumable.csv",
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), WorkerImports.Options.none()));
        assertThat(batch.status()).isEqualTo("VALIDATED");
        Http admin = Http.withToken(port, TestUsers.token(accounts, "progress-resumer", Role.ADMIN, "ID"));
        assertThat(admin.get("/impor/pekerja/" + batch.id() + "/progres").body()).contains("/konfirmasi");
        // as a process killed mid-import leaves it: IMPORTING, and no process importing it
        jdbc.sql("update import_batch set status = 'IMPORTING' where id = ?").param(batch.id()).update();
        assertThat(admin.get("/impor/pekerja/" + batch.id()).body()).contains("/konfirmasi");
        jdbc.sql("update import_batch set status = 'VALIDATED' where id = ?").param(batch.id()).update();
    }
}
