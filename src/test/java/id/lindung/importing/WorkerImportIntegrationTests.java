package id.lindung.importing;

import id.lindung.support.Categories;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.platform.InvalidInputException;
import id.lindung.region.Region;
import id.lindung.region.RegionLevel;
import id.lindung.region.Regions;
import id.lindung.registry.NikCheck;
import id.lindung.registry.NikChecker;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class WorkerImportIntegrationTests {

    static final Actor ADMIN = TestUsers.actor("imp-admin", Role.ADMIN, "ID");

    @LocalServerPort int port;
    @Autowired WorkerImports imports;
    @Autowired ImportChunks importChunks;
    @Autowired WorkerFileGenerator generator;
    @Autowired Regions regions;
    @Autowired NikChecker nikChecker;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired javax.sql.DataSource dataSource;
    @Autowired id.lindung.registry.Workers workers;
    @Autowired WorkerLists lists;

    private String generate(String region, int perVillage, long seed, double badShare) {
        StringWriter out = new StringWriter();
        generator.write(regions.within(RegionScope.of(region), RegionLevel.VILLAGE), perVillage, seed, badShare, out);
        return out.toString();
    }

    private ImportBatch upload(Actor actor, String csv, WorkerImports.Options options) {
        return CurrentActor.runAs(actor, () -> imports.upload("test.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), options));
    }

    private ImportBatch confirm(Actor actor, long id) {
        return CurrentActor.runAs(actor, () -> imports.confirm(id));
    }

    private long workersIn(String region) {
        return jdbc.sql("select count(*) from worker where village_code >= ? and village_code < ?")
                .params(region, region + "/").query(Long.class).single();
    }

    /** What was registered in a region, independent of which NIKs and villages: for comparing two runs. */
    private List<String> snapshot(String region) {
        return jdbc.sql("""
                select w.full_name || '|' || w.sex || '|' || w.birth_date || '|' || w.category || '|' || t.program || '|'
                       || t.segment || '|' || t.wage || '|' || p.kind || '|' || t.valid_from || '|' || coalesce(t.valid_to::text, '-')
                from worker w join membership_term t on t.worker_id = w.id join payer p on p.id = t.worker_payer_id
                where w.village_code >= ? and w.village_code < ? order by 1""")
                .params(region, region + "/").query(String.class).list();
    }

    @Test
    void aBatchIsValidatedWithoutWritingAndImportedOnConfirm() {
        String csv = generate("62.02.02", 12, 1, 0);
        ImportBatch validated = upload(ADMIN, csv, WorkerImports.Options.none());
        assertThat(validated.status()).isEqualTo("VALIDATED");
        assertThat(validated.validRows()).isEqualTo(8 * 12);
        assertThat(workersIn("62.02.02")).isZero();
        ImportBatch imported = confirm(ADMIN, validated.id());
        assertThat(imported.status()).isEqualTo("IMPORTED");
        assertThat(imported.workersCreated()).isEqualTo(96);
        assertThat(workersIn("62.02.02")).isEqualTo(96);
        assertThatThrownBy(() -> confirm(ADMIN, validated.id())).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.kind()).isEqualTo(InvalidInputException.Kind.CONFLICT));
    }

    @Test
    void aBatchWithBadRowsIsPartiallyImportedAndListsEveryRejectedRow() {
        String csv = generate("62.02.07", 10, 2, 0.2);
        ImportBatch batch = upload(ADMIN, csv, new WorkerImports.Options(null, null, true));
        assertThat(batch.status()).isEqualTo("PARTIALLY_IMPORTED");
        assertThat(batch.rejectedRows()).isPositive();
        assertThat(batch.validRows() + batch.rejectedRows()).isEqualTo(batch.totalRows());
        assertThat(batch.workersCreated()).isEqualTo(batch.validRows());
        StringWriter out = new StringWriter();
        CurrentActor.runAs(ADMIN, () -> imports.writeRejectionsCsv(batch.id(), out));
        String[] lines = out.toString().split("\r?\n");
        assertThat(lines[0]).isEqualTo("nik,name,sex,birth_date,village_code,category,segment,wage,risk,programs,payer,start_date,error,error_code,line");
        assertThat(lines).hasSize((int) batch.rejectedRows() + 1);
        assertThat(out.toString()).contains("nik: ").doesNotContain(",-");
    }

    /** The file name a client sends is kept by its last segment, as every other upload's: a path was stored and shown whole. */
    @Test
    void anUploadKeepsOnlyTheLastSegmentOfTheFileNameTheClientSent() {
        for (String sent : new String[] {"..\\..\\windows\\daftar.csv", "../../etc/daftar.csv", "C:\\Users\\x\\daftar.csv"}) {
            ImportBatch batch = CurrentActor.runAs(ADMIN, () -> imports.upload(sent,
                    new ByteArrayInputStream("foo,bar\n1,2\n".getBytes(StandardCharsets.UTF_8)), WorkerImports.Options.none()));
            assertThat(batch.fileName()).as(sent).isEqualTo("daftar.csv");
        }
    }

    @Test
    void aFileWithoutTheRequiredColumnsFails() {
        ImportBatch batch = upload(ADMIN, "foo,bar\n1,2\n", WorkerImports.Options.none());
        assertThat(batch.status()).isEqualTo("FAILED");
        assertThat(batch.failure()).contains("nik", "name");
        assertThatThrownBy(() -> confirm(ADMIN, batch.id())).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.code()).isEqualTo("BATCH_NOT_VALIDATED"));
    }

    @Test
    void theSameFileTwiceAddsNothingTheSecondTimeAndAChangedWageIsADatedVersion() {
        String csv = generate("62.02.11", 9, 3, 0);
        ImportBatch first = upload(ADMIN, csv, new WorkerImports.Options(null, null, true));
        List<String> before = snapshot("62.02.11");
        ImportBatch second = upload(ADMIN, csv, new WorkerImports.Options(null, null, true));
        assertThat(second.status()).isEqualTo("IMPORTED");
        assertThat(second.workersCreated()).isZero();
        assertThat(second.termsOpened()).isZero();
        assertThat(snapshot("62.02.11")).isEqualTo(before);
        String[] lines = csv.split("\n");
        String changed = lines[0] + "\n" + lines[1].replaceFirst(",2426640,", ",2600000,").replace(",2025-01-01", ",2025-07-01") + "\n";
        ImportBatch third = upload(ADMIN, changed, new WorkerImports.Options(null, null, true));
        assertThat(third.termsClosed()).isEqualTo(third.termsOpened()).isPositive();
        String nik = lines[1].substring(0, 16);
        assertThat(jdbc.sql("""
                select t.wage || '/' || t.valid_from || '/' || coalesce(t.end_reason, 'OPEN') from membership_term t join worker w on w.id = t.worker_id
                where w.nik = ? and t.program = 'JKK' order by t.valid_from""").param(nik).query(String.class).list())
                .containsExactly("2426640.00/2025-01-01/CHANGED", "2600000.00/2025-07-01/OPEN");
        assertThat(first.workersCreated()).isEqualTo(first.validRows());
    }

    @Test
    void aKilledImportRunAgainEndsLikeAnUninterruptedOne() {
        Regions r = regions;
        List<Region> crashedVillages = r.within(RegionScope.of("62.02.09"), RegionLevel.VILLAGE);
        // an uninterrupted run of the same rows in a twin district gives the reference result
        List<Region> twin = r.within(RegionScope.of("62.02.15"), RegionLevel.VILLAGE);
        assertThat(twin).hasSize(crashedVillages.size());
        StringWriter a = new StringWriter();
        generator.write(crashedVillages, 15, 42, 0.05, a);
        StringWriter b = new StringWriter();
        generator.write(twin, 15, 42, 0.05, b);
        int previousSize = importChunks.chunkSize;
        importChunks.chunkSize = 20;
        try {
            ImportBatch reference = upload(ADMIN, b.toString(), new WorkerImports.Options(null, null, true));
            ImportBatch crashed = upload(ADMIN, a.toString(), WorkerImports.Options.none());
            importChunks.chunkListener = (batch, chunk) -> {
                if (batch == crashed.id() && chunk == 1) {
                    throw new IllegalStateException("simulated crash after chunk 1");
                }
            };
            assertThatThrownBy(() -> confirm(ADMIN, crashed.id())).hasMessageContaining("simulated crash");
            importChunks.chunkListener = (batch, chunk) -> { };
            ImportBatch interrupted = CurrentActor.runAs(ADMIN, () -> imports.get(crashed.id()));
            assertThat(interrupted.status()).isEqualTo("IMPORTING");
            assertThat(interrupted.chunksDone()).isEqualTo(2);
            assertThat(workersIn("62.02.09")).isBetween(1L, reference.workersCreated() - 1);
            ImportBatch resumed = confirm(ADMIN, crashed.id());
            assertThat(resumed.status()).isEqualTo(reference.status());
            assertThat(resumed.workersCreated()).isEqualTo(reference.workersCreated());
            assertThat(resumed.termsOpened()).isEqualTo(reference.termsOpened());
            assertThat(snapshot("62.02.09")).isEqualTo(snapshot("62.02.15"));
        } finally {
            importChunks.chunkSize = previousSize;
            importChunks.chunkListener = (batch, chunk) -> { };
        }
    }

    @Test
    void twoConfirmsOfOneBatchAtOnceApplyEveryChunkOnce() throws Exception {
        int previousSize = importChunks.chunkSize;
        importChunks.chunkSize = 15;
        try {
            ImportBatch batch = upload(ADMIN, generate("62.02.10", 12, 7, 0.05), WorkerImports.Options.none());
            assertThat(batch.status()).isEqualTo("VALIDATED");
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var a = pool.submit(() -> confirm(ADMIN, batch.id()));
                var b = pool.submit(() -> confirm(ADMIN, batch.id()));
                for (var f : List.of(a, b)) {
                    try {
                        f.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        // the later confirm may only start once the batch is finished: then it is refused, nothing else
                        assertThat(e.getCause()).hasMessageContaining("only a VALIDATED batch can be imported");
                    }
                }
            } finally {
                pool.shutdown();
            }
            ImportBatch done = CurrentActor.runAs(ADMIN, () -> imports.get(batch.id()));
            assertThat(done.status()).isEqualTo("PARTIALLY_IMPORTED");
            assertThat(done.workersCreated()).isEqualTo(done.validRows()).isEqualTo(workersIn("62.02.10"));
            assertThat(done.termsOpened()).isEqualTo(jdbc.sql("select count(*) from membership_term where village_code >= ? and village_code < ?")
                    .params("62.02.10", "62.02.10/").query(Long.class).single());
            assertThat(done.chunksDone()).isEqualTo((int) ((jdbc.sql("select max_line from import_batch where id = ?").param(batch.id())
                    .query(Long.class).single() - 1 + 14) / 15));
        } finally {
            importChunks.chunkSize = previousSize;
        }
    }

    @Test
    void aNikRegisteredBetweenValidationAndConfirmIsTreatedAsARegisteredWorker() {
        String csv = generate("62.02.12", 3, 11, 0);
        String[] lines = csv.split("\n");
        ImportBatch batch = upload(ADMIN, csv, WorkerImports.Options.none());
        assertThat(batch.status()).isEqualTo("VALIDATED");
        // meanwhile another file registers the first NIK, with another wage, from an earlier date
        String[] f = lines[1].split(",");
        String nik = f[0];
        String fileWage = f[7];
        String fileStart = f[11];
        f[7] = new BigDecimal(fileWage).add(BigDecimal.valueOf(1000)).toPlainString();
        f[11] = LocalDate.parse(fileStart).minusMonths(6).toString();
        ImportBatch earlier = upload(ADMIN, lines[0] + "\n" + String.join(",", f) + "\n", new WorkerImports.Options(null, null, true));
        assertThat(earlier.workersCreated()).isOne();
        ImportBatch done = confirm(ADMIN, batch.id());
        assertThat(done.status()).isEqualTo("IMPORTED");
        assertThat(done.workersCreated()).isEqualTo(batch.validRows() - 1);
        assertThat(done.termsClosed()).isEqualTo(earlier.termsOpened()).isPositive();
        // the worker's terms: the earlier version CHANGED at the file's start date, then the file's version, open
        assertThat(jdbc.sql("""
                select t.wage || '/' || t.valid_from || '/' || coalesce(t.end_reason, 'OPEN') from membership_term t join worker w on w.id = t.worker_id
                where w.nik = ? and t.program = 'JKK' order by t.valid_from""").param(nik).query(String.class).list())
                .containsExactly(new BigDecimal(f[7]).setScale(2) + "/" + f[11] + "/CHANGED",
                        new BigDecimal(fileWage).setScale(2) + "/" + fileStart + "/OPEN");
        assertThat(jdbc.sql("select count(*) from worker where nik = ?").param(nik).query(Long.class).single()).isOne();
    }

    @Test
    void aDeceasedWorkerGetsNoNewMembershipsFromAnImport() {
        String[] lines = generate("62.06.02", 1, 21, 0).split("\n");
        assertThat(upload(ADMIN, String.join("\n", lines) + "\n", new WorkerImports.Options(null, null, true)).status()).isEqualTo("IMPORTED");
        String[] f = lines[1].split(",");
        String nik = f[0];
        CurrentActor.runAs(ADMIN, () -> workers.changeStatus(nik, id.lindung.registry.WorkerStatus.DECEASED, "Meninggal dunia",
                LocalDate.parse(f[11]).plusMonths(2)));
        List<String> before = jdbc.sql("select program || '/' || wage || '/' || coalesce(end_reason, 'OPEN') from membership_term t "
                + "join worker w on w.id = t.worker_id where w.nik = ? order by 1").param(nik).query(String.class).list();
        f[7] = new BigDecimal(f[7]).add(BigDecimal.valueOf(50_000)).toPlainString();
        f[11] = LocalDate.parse(f[11]).plusMonths(4).toString();
        ImportBatch again = upload(ADMIN, lines[0] + "\n" + String.join(",", f) + "\n", new WorkerImports.Options(null, null, true));
        assertThat(again.status()).isEqualTo("FAILED");
        assertThat(CurrentActor.runAs(ADMIN, () -> imports.rejections(again.id(), 5)))
                .extracting(WorkerImports.RejectedRow::code).containsExactly("WORKER_NOT_ACTIVE");
        assertThat(jdbc.sql("select program || '/' || wage || '/' || coalesce(end_reason, 'OPEN') from membership_term t "
                + "join worker w on w.id = t.worker_id where w.nik = ? order by 1").param(nik).query(String.class).list())
                .isEqualTo(before).allMatch(t -> t.endsWith("/DECEASED"));
    }

    @Test
    void aWorkerWhoDiesOrMovesBetweenValidationAndConfirmIsRefusedNotChanged() {
        String[] lines = generate("62.06.03", 1, 23, 0).split("\n");
        assertThat(upload(ADMIN, String.join("\n", lines) + "\n", new WorkerImports.Options(null, null, true)).status()).isEqualTo("IMPORTED");
        // a file that raises the wage of the first two workers from a later date, validated but not yet confirmed
        StringBuilder change = new StringBuilder(lines[0]).append('\n');
        String[][] rows = {lines[1].split(","), lines[2].split(",")};
        for (String[] f : rows) {
            f[7] = new BigDecimal(f[7]).add(BigDecimal.valueOf(75_000)).toPlainString();
            f[11] = LocalDate.parse(f[11]).plusMonths(5).toString();
            change.append(String.join(",", f)).append('\n');
        }
        ImportBatch pending = upload(ADMIN, change.toString(), WorkerImports.Options.none());
        assertThat(pending.status()).isEqualTo("VALIDATED");
        assertThat(pending.validRows()).isEqualTo(2);
        String died = rows[0][0];
        String moved = rows[1][0];
        String elsewhere = regions.within(RegionScope.of("62.06.01"), RegionLevel.VILLAGE).get(0).code();
        CurrentActor.runAs(ADMIN, () -> workers.changeStatus(died, id.lindung.registry.WorkerStatus.DECEASED, "Meninggal dunia",
                LocalDate.parse(rows[0][11]).minusMonths(2)));
        CurrentActor.runAs(ADMIN, () -> workers.transfer(moved, elsewhere, LocalDate.parse(rows[1][11]).minusMonths(3), null));
        String termsBefore = terms(died) + terms(moved);

        ImportBatch done = confirm(ADMIN, pending.id());
        assertThat(done.rejectedRows()).isEqualTo(2);
        assertThat(done.validRows()).isZero();
        assertThat(done.termsOpened()).isZero();
        assertThat(CurrentActor.runAs(ADMIN, () -> imports.rejections(pending.id(), 5)))
                .extracting(r -> r.line() + ":" + r.code()).containsExactly("2:WORKER_NOT_ACTIVE", "3:NIK_REGISTERED_ELSEWHERE");
        assertThat(terms(died) + terms(moved)).isEqualTo(termsBefore);
    }

    private String terms(String nik) {
        return String.join(",", jdbc.sql("""
                select t.program || '/' || t.wage || '/' || t.valid_from || '/' || coalesce(t.end_reason, 'OPEN')
                from membership_term t join worker w on w.id = t.worker_id where w.nik = ? order by t.id""").param(nik).query(String.class).list());
    }

    @Test
    void nikFoundOutsideTheImportersAreaAreLookupsCountedAndAuditedAndPastTheLimitTheFileAnswersNoRow() {
        String csv = generate("62.06.02", 40, 41, 0);
        assertThat(upload(ADMIN, csv, new WorkerImports.Options(null, null, true)).status()).isEqualTo("IMPORTED");
        // the self-payers: their rows are valid in any village, so only where the NIK is registered can refuse them
        String[] lines = java.util.stream.Stream.of(csv.split("\n")).filter(l -> l.startsWith("nik,") || l.split(",", -1)[10].equals("SELF"))
                .toArray(String[]::new);
        assertThat(lines.length - 1).as("more registered NIKs than the lookups allowed (30)").isGreaterThan(31);
        String village = regions.within(RegionScope.of("62.05.07"), RegionLevel.VILLAGE).get(0).code();
        // a village operator of another regency names them in a file for their own village
        java.util.function.IntFunction<String> file = n -> {
            StringBuilder b = new StringBuilder(lines[0]).append('\n');
            for (int i = 1; i <= n; i++) {
                String[] f = lines[i].split(",", -1);
                f[4] = village;
                b.append(String.join(",", f)).append('\n');
            }
            return b.toString();
        };
        Actor few = TestUsers.actor("import-probe-few", Role.VILLAGE_OPERATOR, village);
        ImportBatch two = upload(few, file.apply(2), WorkerImports.Options.none());
        assertThat(CurrentActor.runAs(few, () -> imports.rejections(two.id(), 5)))
                .extracting(WorkerImports.RejectedRow::code).containsExactly("NIK_REGISTERED_ELSEWHERE", "NIK_REGISTERED_ELSEWHERE");
        assertThat(probes("import-probe-few")).as("each answer audited, as a single lookup's is").isEqualTo(2);

        Actor many = TestUsers.actor("import-probe-many", Role.VILLAGE_OPERATOR, village);
        ImportBatch refused = upload(many, file.apply(lines.length - 1), WorkerImports.Options.none());
        assertThat(refused.status()).isEqualTo("FAILED");
        assertThat(CurrentActor.runAs(many, () -> imports.rejections(refused.id(), 50)))
                .extracting(WorkerImports.RejectedRow::code).containsExactly("TOO_MANY_NIK_LOOKUPS");
        assertThat(probes("import-probe-many")).isEqualTo(30);
        // and held off like a single prober: the next file with one such NIK is refused too
        assertThat(upload(many, file.apply(1), WorkerImports.Options.none()).status()).isEqualTo("FAILED");
        assertThat(jdbc.sql("select count(*) from worker w where w.village_code = ? and w.nik = any(?)").param(village)
                .param(java.util.Arrays.stream(lines).skip(1).map(l -> l.split(",")[0]).toArray(String[]::new))
                .query(Long.class).single()).isZero();
    }

    private long probes(String username) {
        return jdbc.sql("select count(*) from audit_event where username = ? and action = 'NIK_LOOKUP_OUTSIDE_SCOPE'")
                .param(username).query(Long.class).single();
    }

    @Test
    void aNikRegisteredInAnotherVillageBetweenValidationAndConfirmIsRefusedNotDropped() {
        String csv = generate("62.05.01", 3, 12, 0);
        String[] lines = csv.split("\n");
        ImportBatch batch = upload(ADMIN, csv, WorkerImports.Options.none());
        assertThat(batch.status()).isEqualTo("VALIDATED");
        // meanwhile the first NIK is registered in another village of another district
        String[] f = lines[1].split(",");
        String nik = f[0];
        f[4] = regions.within(RegionScope.of("62.05.02"), RegionLevel.VILLAGE).get(0).code();
        ImportBatch elsewhere = upload(ADMIN, lines[0] + "\n" + String.join(",", f) + "\n", new WorkerImports.Options(null, null, true));
        assertThat(elsewhere.workersCreated()).isOne();

        ImportBatch done = confirm(ADMIN, batch.id());
        assertThat(done.status()).isEqualTo("PARTIALLY_IMPORTED");
        assertThat(done.workersCreated()).isEqualTo(batch.validRows() - 1);
        assertThat(done.validRows()).isEqualTo(batch.validRows() - 1);
        assertThat(done.rejectedRows()).isEqualTo(batch.rejectedRows() + 1);
        assertThat(CurrentActor.runAs(ADMIN, () -> imports.rejections(batch.id(), 10)))
                .singleElement().satisfies(r -> {
                    assertThat(r.line()).isEqualTo(2);
                    assertThat(r.code()).isEqualTo("NIK_REGISTERED_ELSEWHERE");
                    assertThat(r.message()).contains(f[4]);
                });
        StringWriter rejected = new StringWriter();
        CurrentActor.runAs(ADMIN, () -> imports.writeRejectionsCsv(batch.id(), rejected));
        assertThat(rejected.toString()).contains(nik, lines[1].split(",")[4]); // the row as it was in the file, to fix and re-upload
        assertThat(jdbc.sql("select village_code from worker where nik = ?").param(nik).query(String.class).single()).isEqualTo(f[4]);
    }

    @Test
    void readOnlyRolesMayNeitherConfirmNorDownloadRejectedRows() {
        Http dpmd = Http.withToken(port, TestUsers.token(accounts, "imp-ro-dpmd", Role.DPMD, "62.05"));
        Http monitor = Http.withToken(port, TestUsers.token(accounts, "imp-ro-monitor", Role.MONITOR, "62.05"));
        Http auditor = Http.withToken(port, TestUsers.token(accounts, "imp-ro-auditor", Role.AUDITOR, "ID"));
        var created = dpmd.upload("/api/v1/imports", "file", "w.csv", generate("62.05.03", 2, 8, 0.5).getBytes(StandardCharsets.UTF_8), "");
        String id = created.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1");
        for (Http readOnly : List.of(monitor, auditor)) {
            assertThat(readOnly.get("/api/v1/imports/" + id).statusCode()).isEqualTo(200);
            assertThat(readOnly.post("/api/v1/imports/" + id + "/confirm", "application/json", new byte[0]).statusCode()).isEqualTo(403);
            assertThat(readOnly.get("/api/v1/imports/" + id + "/rejections.csv").statusCode()).isEqualTo(403);
            assertThat(readOnly.get("/impor/pekerja/" + id).body()).doesNotContain("konfirmasi", "rejections.csv");
        }
        assertThat(dpmd.get("/api/v1/imports/" + id).body()).contains("\"status\":\"VALIDATED\"", "\"workersCreated\":0");
        assertThat(dpmd.get("/impor/pekerja/" + id).body()).contains("konfirmasi", "rejections.csv");
    }

    @Test
    void masksRolesReadRejectionReasonsWithoutTheNikOrBirthDateTheyQuote() {
        String nik = id.lindung.support.Niks.unique("62.06.07", "L", LocalDate.of(1980, 5, 12));
        String csv = "nik,name,sex,birth_date,village_code,category\n"
                + nik + ",Agus,L,1980-05-13,62.06.07.2001,KADER\n"
                + nik.substring(0, 15) + ",Budi,L,1980-05-12,62.06.07.2001,KADER\n";
        ImportBatch batch = upload(ADMIN, csv, WorkerImports.Options.none());
        Actor monitor = TestUsers.actor("imp-mask-monitor", Role.MONITOR, "ID");
        List<WorkerImports.RejectedRow> seen = CurrentActor.runAs(monitor, () -> imports.rejections(batch.id(), 10));
        assertThat(seen).isNotEmpty().allSatisfy(r -> assertThat(r.message())
                .doesNotContain(nik.substring(6, 12), "1980-05-12", "1980-05-13", nik.substring(0, 15)));
        assertThat(CurrentActor.runAs(ADMIN, () -> imports.rejections(batch.id(), 10)))
                .anySatisfy(r -> assertThat(r.message()).contains("1980-05-13"));
    }

    @Test
    void confirmingABatchTwiceOnThePageShowsItsStatusInsteadOfAnError() {
        Http dpmd = Http.withToken(port, TestUsers.token(accounts, "imp-twice", Role.DPMD, "62.05"));
        var created = dpmd.upload("/api/v1/imports", "file", "w.csv", generate("62.05.04", 1, 9, 0).getBytes(StandardCharsets.UTF_8), "");
        String id = created.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1");
        assertThat(dpmd.postForm("/impor/pekerja/" + id + "/konfirmasi", java.util.Map.of()).statusCode()).isEqualTo(302);
        var again = dpmd.postForm("/impor/pekerja/" + id + "/konfirmasi", java.util.Map.of());
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("/impor/pekerja/" + id);
    }

    @Test
    void aValidationInterruptedByACrashEndsFailedInsteadOfPendingForever() throws Exception {
        long crashed = jdbc.sql("""
                insert into import_batch (file_name, file_sha256, format, status, created_by, scope_code, created_at)
                values ('crashed.csv', 'x', 'CSV', 'PENDING', 'imp-admin', 'ID', now() - interval '10 minutes') returning id""")
                .query(Long.class).single();
        long running = jdbc.sql("""
                insert into import_batch (file_name, file_sha256, format, status, created_by, scope_code, created_at)
                values ('running.csv', 'x', 'CSV', 'PENDING', 'imp-admin', 'ID', now() - interval '10 minutes') returning id""")
                .query(Long.class).single();
        // a validation still running holds its batch's lock
        try (var c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var st = c.prepareStatement("select pg_advisory_xact_lock((x'494D5056'::bigint << 32) | ?)")) {
                st.setLong(1, running);
                st.execute();
            }
            CurrentActor.runAs(ADMIN, () -> imports.recent(5));
            c.rollback();
        }
        ImportBatch failed = CurrentActor.runAs(ADMIN, () -> imports.get(crashed));
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.failure()).contains("interrupted");
        assertThat(CurrentActor.runAs(ADMIN, () -> imports.get(running)).status()).isEqualTo("PENDING");
        jdbc.sql("update import_batch set status = 'FAILED' where id = ?").param(running).update();
    }

    @Test
    void aVillageOperatorImportsOnlyIntoTheirVillage() {
        Actor operator = TestUsers.actor("imp-op", Role.VILLAGE_OPERATOR, "62.02.16.2001");
        String csv = generate("62.02.16", 3, 5, 0);
        ImportBatch batch = upload(operator, csv, new WorkerImports.Options(null, null, true));
        assertThat(batch.status()).isEqualTo("PARTIALLY_IMPORTED");
        assertThat(batch.validRows()).isEqualTo(3);
        assertThat(workersIn("62.02.16")).isEqualTo(3);
        assertThat(workersIn("62.02.16.2001")).isEqualTo(3);
        assertThat(CurrentActor.runAs(operator, () -> imports.rejections(batch.id(), 5)))
                .allSatisfy(rr -> assertThat(rr.code()).isEqualTo("VILLAGE_OUT_OF_SCOPE"));
    }

    @Test
    void importEndpointsAreScopedAndDownloadTheRejections() {
        Http dpmd = Http.withToken(port, TestUsers.token(accounts, "imp-dpmd", Role.DPMD, "62.02"));
        Http other = Http.withToken(port, TestUsers.token(accounts, "imp-dpmd-other", Role.DPMD, "73.02"));
        byte[] csv = generate("62.02.05", 4, 6, 0.5).getBytes(StandardCharsets.UTF_8);
        var created = dpmd.upload("/api/v1/imports", "file", "w.csv", csv, "");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = created.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1");
        assertThat(dpmd.get("/api/v1/imports/" + id).body()).contains("\"status\":\"VALIDATED\"");
        assertThat(other.get("/api/v1/imports/" + id).statusCode()).isEqualTo(404);
        assertThat(other.get("/api/v1/imports/" + id + "/rejections.csv").statusCode()).isEqualTo(404);
        assertThat(other.post("/api/v1/imports/" + id + "/confirm", "application/json", new byte[0]).statusCode()).isEqualTo(404);
        var rejections = dpmd.get("/api/v1/imports/" + id + "/rejections.csv");
        assertThat(rejections.statusCode()).isEqualTo(200);
        assertThat(rejections.body()).startsWith("nik,name,sex");
        // the refused rows hold whole NIKs: the one download is audited, the refused ones above are not
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'EXPORT' and entity_type = 'import_rejections' and entity_id = ?")
                .param(id).query(Long.class).single()).isEqualTo(1);
        var confirmed = dpmd.post("/api/v1/imports/" + id + "/confirm", "application/json", new byte[0]);
        assertThat(confirmed.body()).contains("\"status\":\"PARTIALLY_IMPORTED\"");
    }

    @Test
    void xlsxFilesAreReadLikeCsv() throws Exception {
        String[] lines = generate("62.02.01", 3, 7, 0).split("\n");
        ByteArrayOutputStream bytes = workbook(new XSSFWorkbook(), lines, "dd/mm/yyyy", "0");
        ImportBatch batch = CurrentActor.runAs(ADMIN, () -> imports.upload("w.xlsx", new ByteArrayInputStream(bytes.toByteArray()),
                new WorkerImports.Options(null, null, true)));
        assertThat(batch.format()).isEqualTo("XLSX");
        assertThat(batch.status()).isEqualTo("IMPORTED");
        assertThat(batch.workersCreated()).isEqualTo(lines.length - 1);
    }

    /**
     * A file named as an Excel workbook that holds none (random bytes, a CSV renamed) is FILE_UNREADABLE saying so, as an
     * unreadable workbook is: until the audit of issue 4 (7 December 2026) it was read as CSV and refused as a header
     * lacking columns (HEADER_MISSING_COLUMN), which sent the user looking for columns.
     */
    @Test
    void aFileNamedAsAnExcelWorkbookThatIsNoneIsUnreadableNotAHeaderLackingColumns() {
        Http dpmd = Http.withToken(port, TestUsers.token(accounts, "imp-dpmd", Role.DPMD, "62.02"));
        byte[] random = new byte[2048];
        new java.util.Random(7).nextBytes(random);
        byte[] csv = generate("62.02.01", 1, 9, 0).getBytes(StandardCharsets.UTF_8);
        for (Object[] c : new Object[][] {{"daftar.xlsx", random, "XLSX"}, {"daftar.xlsx", csv, "XLSX"}, {"Daftar.XLS", csv, "XLS"}}) {
            var r = dpmd.upload("/api/v1/imports", "file", (String) c[0], (byte[]) c[1], "-");
            assertThat(r.statusCode()).as(c[0] + " " + r.body()).isEqualTo(422);
            assertThat(r.body()).contains("\"code\":\"FILE_UNREADABLE\"", "buku kerja Excel (" + c[2] + ") tetapi bukan buku kerja")
                    .doesNotContain("HEADER_MISSING_COLUMN").doesNotContain("Nilai:");
        }
        ImportBatch batch = CurrentActor.runAs(ADMIN, () -> imports.upload("w.xlsx", new ByteArrayInputStream(csv),
                new WorkerImports.Options(null, null, false)));
        assertThat(batch.status()).isEqualTo("FAILED");
        assertThat(batch.failure()).contains("is named as an Excel workbook (XLSX) but is none");
    }

    /**
     * A budget plan's named list read by its file's name refuses a file named as an Excel workbook that holds none as the
     * import does (FILE_UNREADABLE, saying so): until 7 December 2026 the list was read by its content alone, so a renamed
     * CSV was taken as a list and random bytes were refused for the header's columns.
     */
    @Test
    void aNamedListNamedAsAnExcelWorkbookThatIsNoneIsUnreadableAsAnImportIs() {
        byte[] random = new byte[2048];
        new java.util.Random(11).nextBytes(random);
        byte[] csv = generate("62.02.01", 1, 12, 0).getBytes(StandardCharsets.UTF_8);
        var options = new WorkerLists.Options(null, null);
        for (Object[] c : new Object[][] {{"daftar.xlsx", random, "XLSX"}, {"daftar.xlsx", csv, "XLSX"}, {"Daftar.XLS", csv, "XLS"}}) {
            WorkerLists.Read read = lists.read(new ByteArrayInputStream((byte[]) c[1]), (String) c[0], options, RegionScope.of("62.02"));
            assertThat(read.rows()).as((String) c[0]).isEmpty();
            assertThat(read.problems()).as((String) c[0]).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo("FILE_UNREADABLE");
                assertThat(p.message()).contains("is named as an Excel workbook (" + c[2] + ") but is none");
            });
        }
        // the same CSV named as one is a list
        assertThat(lists.read(new ByteArrayInputStream(csv), "daftar.csv", options, RegionScope.of("62.02")).ok()).isTrue();
    }

    /** The CSV lines as the first sheet of a workbook, with a real date cell (column 4) and a number cell (wage). */
    private static ByteArrayOutputStream workbook(org.apache.poi.ss.usermodel.Workbook wb, String[] lines, String dateFormat,
                                                  String numberFormat) throws java.io.IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (wb) {
            var sheet = wb.createSheet("pekerja");
            var dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat(dateFormat));
            var numberStyle = wb.createCellStyle();
            numberStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat(numberFormat));
            for (int i = 0; i < lines.length; i++) {
                var row = sheet.createRow(i);
                String[] f = lines[i].split(",");
                for (int c = 0; c < f.length; c++) {
                    if (i > 0 && c == 3) {
                        var cell = row.createCell(c);
                        cell.setCellValue(LocalDate.parse(f[c]));
                        cell.setCellStyle(dateStyle);
                    } else if (i > 0 && (c == 7 || c == 11)) {
                        var cell = row.createCell(c);
                        if (c == 7) {
                            cell.setCellValue(Double.parseDouble(f[c]));
                            cell.setCellStyle(numberStyle);
                        } else {
                            cell.setCellValue(LocalDate.parse(f[c])); // start_date in the workbook's date format too
                            cell.setCellStyle(dateStyle);
                        }
                    } else {
                        row.createCell(c).setCellValue(f[c]);
                    }
                }
            }
            wb.write(bytes);
        }
        return bytes;
    }

    @Test
    void anOpenSidResidentExportIsMappedByPekerjaan() {
        String village = "62.02.17.2001";
        String petani = id.lindung.support.Niks.unique("62.02.17", "L", java.time.LocalDate.of(1975, 3, 9));
        String pedagang = id.lindung.support.Niks.unique("62.02.17", "P", java.time.LocalDate.of(1982, 11, 30));
        String pelajar = id.lindung.support.Niks.unique("62.02.17", "L", java.time.LocalDate.of(2008, 5, 1));
        String csv = "No;NIK;NAMA;JENIS KELAMIN;TEMPAT LAHIR;TANGGAL LAHIR;PEKERJAAN;AGAMA\n"
                + "1;" + petani + ";Slamet Riyadi;LAKI-LAKI;Sampit;09-03-1975;PETANI/PEKEBUN;ISLAM\n"
                + "2;" + pedagang + ";Sri Wahyuni;PEREMPUAN;Sampit;30-11-1982;PEDAGANG;ISLAM\n"
                + "3;" + pelajar + ";Dimas;LAKI-LAKI;Sampit;01-05-2008;PELAJAR/MAHASISWA;ISLAM\n";
        ImportBatch batch = upload(ADMIN, csv, new WorkerImports.Options(village, java.time.LocalDate.of(2025, 2, 1), true));
        assertThat(batch.status()).isEqualTo("PARTIALLY_IMPORTED");
        assertThat(batch.workersCreated()).isEqualTo(2);
        assertThat(jdbc.sql("select category from worker where nik = ?").param(petani).query(String.class).single()).isEqualTo("PETANI");
        assertThat(jdbc.sql("select category from worker where nik = ?").param(pedagang).query(String.class).single()).isEqualTo("PEDAGANG_UMKM");
        assertThat(CurrentActor.runAs(ADMIN, () -> imports.rejections(batch.id(), 5)))
                .extracting(WorkerImports.RejectedRow::code).containsExactly("NOT_A_TARGET_WORKER");
        assertThat(Occupations.category("BURUH HARIAN LEPAS", Categories.shipped())).contains(Categories.of("BURUH"));
        assertThat(Occupations.category("NELAYAN/PERIKANAN", Categories.shipped())).contains(Categories.of("NELAYAN"));
        assertThat(Occupations.category("MENGURUS RUMAH TANGGA", Categories.shipped())).isEmpty();
    }

    @Test
    void openSidsExcelExportAnHtmlTableWithOccupationCodesIsImported() {
        String village = "62.05.06.2001";
        String petani = id.lindung.support.Niks.unique("62.05.06", "L", LocalDate.of(1970, 1, 15));
        String buruhTani = id.lindung.support.Niks.unique("62.05.06", "P", LocalDate.of(1988, 7, 2));
        String pns = id.lindung.support.Niks.unique("62.05.06", "L", LocalDate.of(1979, 12, 31));
        String unknown = id.lindung.support.Niks.unique("62.05.06", "L", LocalDate.of(1990, 2, 3));
        // the shape of OpenSID's donjo-app/views/export/penduduk_excel.php: an HTML page sent as .xls, ids for coded columns
        String row = "<tr><td>JL. MAWAR</td><td>DUSUN I</td><td>001</td><td>002</td><td>%s</td><td>6205060101010001 </td>"
                + "<td>%s</td><td>%s</td><td>SAMPIT</td><td>%s</td><td>1</td><td>4</td><td>1</td><td>%s</td></tr>\n";
        String html = "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\">\n<html><head><title>Data Penduduk</title>"
                + "<style>td,th { mso-number-format:\"\\@\"; }</style></head><body><div id=\"body\">\n"
                + "<table border=1 class=\"border thick\"><thead><tr class=\"border thick\"><th>Alamat</th><th>Dusun</th><th>RW</th>"
                + "<th>RT</th><th>Nama</th><th>Nomor KK</th><th>NIK</th><th>Jenis Kelamin</th><th>Tempat Lahir</th>"
                + "<th>Tanggal Lahir</th><th>Agama</th><th>Pendidikan (dLm KK)</th><th>Pendidikan (sdg ditemph)</th>"
                + "<th>Pekerjaan</th></tr></thead><tbody>\n"
                + row.formatted("SLAMET &amp; SONS", petani, "1", "1970-01-15", "9")
                + row.formatted("SITI AMINAH", buruhTani, "2", "1988-07-02", "20")
                + row.formatted("BUDI", pns, "1", "1979-12-31", "5")
                + row.formatted("ANTO", unknown, "1", "1990-02-03", "95")
                + "</tbody></table></div></body></html>";
        ImportBatch batch = CurrentActor.runAs(ADMIN, () -> imports.upload("penduduk.xls",
                new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)), new WorkerImports.Options(village, LocalDate.of(2025, 3, 1), true)));
        assertThat(batch.format()).isEqualTo("HTML");
        assertThat(batch.status()).isEqualTo("PARTIALLY_IMPORTED");
        assertThat(batch.workersCreated()).isEqualTo(2);
        assertThat(jdbc.sql("select full_name || '/' || category from worker where nik = ?").param(petani).query(String.class).single())
                .isEqualTo("SLAMET & SONS/PETANI");
        assertThat(jdbc.sql("select category from worker where nik = ?").param(buruhTani).query(String.class).single())
                .as("OpenSID 20 BURUH TANI/PERKEBUNAN: farm labourers apart from other labourers since issue 10").isEqualTo("BURUH_TANI");
        assertThat(CurrentActor.runAs(ADMIN, () -> imports.rejections(batch.id(), 5)))
                .extracting(r -> r.line() + ":" + r.code()).containsExactly("4:NOT_A_TARGET_WORKER", "5:UNKNOWN_PEKERJAAN_CODE");
    }

    @Test
    void theRejectionFileFixedAndUploadedAgainImportsTheCorrectedRows() {
        String good = id.lindung.support.Niks.unique("62.05.09", "L", LocalDate.of(1980, 6, 7));
        String man = id.lindung.support.Niks.unique("62.05.09", "L", LocalDate.of(1984, 2, 9));
        String csv = "nik,nama,jenis_kelamin,tanggal_lahir,kode_desa,kategori,catatan\n"
                + good + ",Agus,L,1980-06-07,62.05.09.2001,KADER,ok\n"
                + man + ",Bambang,P,1984-02-09,62.05.09.2001,KADER,wrong sex\n";
        ImportBatch first = upload(ADMIN, csv, new WorkerImports.Options(null, LocalDate.of(2025, 1, 1), true));
        assertThat(first.status()).isEqualTo("PARTIALLY_IMPORTED");
        StringWriter rejected = new StringWriter();
        CurrentActor.runAs(ADMIN, () -> imports.writeRejectionsCsv(first.id(), rejected));
        String[] lines = rejected.toString().split("\r?\n");
        assertThat(lines[0]).isEqualTo("nik,nama,jenis_kelamin,tanggal_lahir,kode_desa,kategori,catatan,error,error_code,line");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith(man + ",Bambang,P,1984-02-09,62.05.09.2001,KADER,wrong sex,").contains("SEX_MISMATCH").endsWith(",3");

        String corrected = lines[0] + "\n" + lines[1].replace(",Bambang,P,", ",Bambang,L,") + "\n";
        ImportBatch second = upload(ADMIN, corrected, new WorkerImports.Options(null, LocalDate.of(2025, 1, 1), true));
        assertThat(second.status()).isEqualTo("IMPORTED");
        assertThat(second.workersCreated()).isOne();
        assertThat(jdbc.sql("select sex from worker where nik = ?").param(man).query(String.class).single()).isEqualTo("L");
    }

    @Test
    void namesWithCopyControlCharactersAreStoredExactly() {
        String nik = id.lindung.support.Niks.unique("62.05.08", "P", LocalDate.of(1991, 4, 5));
        String name = "Siti \\N Aminah\\t \"Ibu\"";
        String csv = "nik,name,sex,birth_date,village_code,category\n"
                + nik + ",\"" + name.replace("\"", "\"\"") + "\",P,1991-04-05,62.05.08.2001,KADER\n";
        ImportBatch batch = upload(ADMIN, csv, new WorkerImports.Options(null, LocalDate.of(2025, 1, 1), true));
        assertThat(batch.status()).isEqualTo("IMPORTED");
        assertThat(jdbc.sql("select full_name from worker where nik = ?").param(nik).query(String.class).single()).isEqualTo(name);
    }

    @Test
    void aRowWithoutAWageBeforeAnyDefaultWageIsInForceIsRefusedNotTheFile() {
        String kades = id.lindung.support.Niks.unique("62.06.08", "L", LocalDate.of(1970, 2, 2));
        String kader = id.lindung.support.Niks.unique("62.06.08", "P", LocalDate.of(1982, 8, 8));
        String csv = "nik,name,sex,birth_date,village_code,category,tmt\n"
                + kades + ",Pak Kades,L,1970-02-02,62.06.08.2001,KEPALA_DESA,2017-03-01\n"
                + kader + ",Bu Kader,P,1982-08-08,62.06.08.2001,KADER,2020-01-01\n";
        ImportBatch batch = upload(ADMIN, csv, WorkerImports.Options.none());
        assertThat(batch.status()).isEqualTo("VALIDATED");
        assertThat(CurrentActor.runAs(ADMIN, () -> imports.rejections(batch.id(), 5)))
                .extracting(r -> r.line() + ":" + r.field() + ":" + r.code()).containsExactly("2:wage:WAGE_REQUIRED");
        ImportBatch done = confirm(ADMIN, batch.id());
        assertThat(jdbc.sql("select t.wage from membership_term t join worker w on w.id = t.worker_id where w.nik = ? and t.program = 'JKK'")
                .param(kader).query(BigDecimal.class).single()).isEqualByComparingTo("1000000");
        assertThat(done.workersCreated()).isOne();
    }

    @Test
    void oneBrokenCharacterRefusesItsRowNotTheFile() {
        String good = id.lindung.support.Niks.unique("62.06.05", "L", LocalDate.of(1983, 3, 3));
        String nul = id.lindung.support.Niks.unique("62.06.05", "L", LocalDate.of(1984, 4, 4));
        String csv = "nik,name,sex,birth_date,village_code,category\n"
                + good + ",Agus,L,1983-03-03,62.06.05.2001,KADER\n"
                + nul + ",Ba\u0000du,L,1984-04-04,62.06.05.2001,KADER\n";
        ImportBatch batch = upload(ADMIN, csv, new WorkerImports.Options(null, LocalDate.of(2025, 1, 1), true));
        assertThat(batch.status()).isEqualTo("PARTIALLY_IMPORTED");
        assertThat(batch.workersCreated()).isOne();
        assertThat(CurrentActor.runAs(ADMIN, () -> imports.rejections(batch.id(), 5)))
                .extracting(r -> r.line() + ":" + r.field() + ":" + r.code()).containsExactly("3:name:INVALID_CHARACTER");
    }

    @Test
    void aWindows1252HtmlExportWithOddEntitiesIsRead() {
        String nik = id.lindung.support.Niks.unique("62.06.05", "P", LocalDate.of(1986, 6, 6));
        String html = "<html><body><table><tr><th>NIK</th><th>Nama</th><th>Jenis Kelamin</th><th>Tanggal Lahir</th><th>Pekerjaan</th>"
                + "<th>Catatan</th></tr><tr><td>" + nik + "</td><td>Ren\u00e9 &#0;&#99999999999;&#x110000;</td><td>2</td>"
                + "<td>06-06-1986</td><td>PEDAGANG</td><td>&#xZZ;</td></tr></table></body></html>";
        ImportBatch batch = CurrentActor.runAs(ADMIN, () -> imports.upload("penduduk.xls",
                new ByteArrayInputStream(html.getBytes(java.nio.charset.Charset.forName("windows-1252"))),
                new WorkerImports.Options("62.06.05.2002", LocalDate.of(2025, 1, 1), true)));
        assertThat(batch.status()).isEqualTo("IMPORTED");
        assertThat(jdbc.sql("select full_name from worker where nik = ?").param(nik).query(String.class).single())
                .isEqualTo("Ren\u00e9 &#0;&#99999999999;&#x110000;");
    }

    @Test
    void anExcel97WorkbookIsReadLikeCsv() throws Exception {
        String[] lines = generate("62.05.07", 2, 13, 0).split("\n");
        ByteArrayOutputStream bytes = workbook(new org.apache.poi.hssf.usermodel.HSSFWorkbook(), lines, "m/d/yy", "#,##0");
        ImportBatch batch = CurrentActor.runAs(ADMIN, () -> imports.upload("w.xls", new ByteArrayInputStream(bytes.toByteArray()),
                new WorkerImports.Options(null, null, true)));
        assertThat(batch.format()).isEqualTo("XLS");
        assertThat(batch.status()).isEqualTo("IMPORTED");
        assertThat(batch.workersCreated()).isEqualTo(lines.length - 1);
        String[] first = lines[1].split(",");
        assertThat(jdbc.sql("""
                select w.birth_date || '/' || t.valid_from || '/' || t.wage from worker w join membership_term t on t.worker_id = w.id
                where w.nik = ? and t.program = 'JKK'""").param(first[0]).query(String.class).single())
                .isEqualTo(first[3] + "/" + first[11] + "/" + new BigDecimal(first[7]).setScale(2));
    }

    @Test
    void openSidOccupationCodesMapLikeTheirNames() {
        assertThat(Occupations.category("9", Categories.shipped())).contains(Categories.of("PETANI"));
        assertThat(Occupations.category("8", Categories.shipped())).as("PERDAGANGAN").contains(Categories.of("PEDAGANG_UMKM"));
        assertThat(Occupations.category("11", Categories.shipped())).contains(Categories.of("NELAYAN"));
        assertThat(Occupations.category("85", Categories.shipped())).contains(Categories.of("PERANGKAT_DESA"));
        assertThat(Occupations.category("86", Categories.shipped())).contains(Categories.of("KEPALA_DESA"));
        assertThat(Occupations.category("1", Categories.shipped())).isEmpty();
        assertThat(Occupations.category("5", Categories.shipped())).isEmpty();
        assertThat(Occupations.category("58", Categories.shipped())).as("BUPATI").isEmpty();
        assertThat(Occupations.category("BURUH TANI/PERKEBUNAN", Categories.shipped())).contains(Categories.of("BURUH_TANI"));
        assertThat(Occupations.category("RT_RW", Categories.shipped())).contains(Categories.of("RT_RW"));
        assertThat(Occupations.category("KADER", Categories.shipped())).contains(Categories.of("KADER"));
        assertThat(Occupations.name("90")).isEmpty();
        assertThat(Occupations.name("PETANI")).contains("PETANI");
    }

    @Test
    void theGeneratorIsDeterministicAndItsGoodRowsPassTheNikCheck() {
        String one = generate("62.02.13", 20, 99, 0);
        assertThat(generate("62.02.13", 20, 99, 0)).isEqualTo(one);
        assertThat(generate("62.02.13", 20, 100, 0)).isNotEqualTo(one);
        String[] lines = one.split("\n");
        java.util.Set<String> niks = new java.util.HashSet<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            var check = NikCheck.check(f[0], nikChecker.districtCodes()::contains, f[2].charAt(0), java.time.LocalDate.parse(f[3]),
                    nikChecker.today());
            assertThat(check.valid()).as(lines[i]).isTrue();
            assertThat(niks.add(f[0])).as("unique " + f[0]).isTrue();
        }
        long officials = java.util.Arrays.stream(lines).filter(l -> l.contains(",PU,")).count();
        assertThat(officials).isBetween(8L * 11, 12L * 11);
    }
}
