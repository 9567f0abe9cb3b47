package id.lindung.billing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.importing.ImportBatch;
import id.lindung.importing.WorkerFileGenerator;
import id.lindung.importing.WorkerImports;
import id.lindung.region.Region;
import id.lindung.region.RegionLevel;
import id.lindung.region.Regions;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A billing run and a payment file are each one transaction: a process killed with SIGKILL in the middle of one
 * leaves nothing behind, and running it again ends exactly like a run that was never interrupted.
 *
 * <p>"In the middle" is made deterministic rather than left to timing: the test holds an exclusive lock on the
 * audit table, so the child process (the real CLI, attached to this test's database) does all its work (lines,
 * bills, payments, the run's own row) and then waits at its audit entry, inside its open transaction. The test
 * checks that the waiting backend really is inside the run (it holds the run's advisory lock or the payment
 * table's write lock), kills the child, and compares.
 */
@IntegrationTest
class KilledBillingProcessIntegrationTests {

    static final Actor ADMIN = TestUsers.actor("crash-admin", Role.ADMIN, "ID");

    @Autowired WorkerImports imports;
    @Autowired Regions regions;
    @Autowired BillingRuns runs;
    @Autowired Payments payments;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired Clock clock;

    @Test
    void aBillingRunAndAPaymentFileKilledMidwayLeaveNothingAndTheirRerunEqualsAnUninterruptedRun(@TempDir Path dir) throws Exception {
        String[] twins = twinDistricts();
        String killed = twins[0];
        String twin = twins[1];
        for (String district : twins) {
            List<Region> villages = regions.within(RegionScope.of(district), RegionLevel.VILLAGE);
            Path file = dir.resolve(district + ".csv");
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                WorkerFileGenerator.write(villages, 12, 91, 0.0, w);
            }
            ImportBatch batch = CurrentActor.runAs(ADMIN, () -> imports.importFile(district + ".csv", file,
                    new WorkerImports.Options(null, null, true)));
            assertThat(batch.workersCreated()).isPositive();
        }
        YearMonth month = YearMonth.now(clock);

        // 1. billing: what an uninterrupted run would add, computed by the same statements and rolled back
        BillingPreview expected = CurrentActor.runAs(ADMIN, () -> runs.dryRun(month, Actor.system("cli")));
        assertThat(expected.lines()).as("the run has lines to write").isPositive();
        State beforeRun = state();
        killWhileInside(dir, "billing", "4242", "billing", "run", "--month", month.toString());
        assertThat(state()).as("nothing of the killed run remains").isEqualTo(beforeRun);

        BillingRuns.Result rerun = CurrentActor.runAs(ADMIN, () -> runs.run(month, Actor.system("cli")));
        assertThat(rerun.lines()).isEqualTo(expected.lines());
        assertThat(rerun.total().toBigDecimal()).isEqualByComparingTo(expected.total());
        assertThat(billSnapshot(killed, month)).isEqualTo(billSnapshot(twin, month)).isNotEmpty();

        // 2. payments: the same file for both districts (payer codes differ, amounts and references alike)
        Path killedFile = paymentFile(dir, killed, month);
        Path twinFile = paymentFile(dir, twin, month);
        State beforePayments = state();
        killWhileInside(dir, "payments", "payment", "payments", "import", killedFile.toString());
        assertThat(state()).as("nothing of the killed payment file remains").isEqualTo(beforePayments);

        byte[] killedRows = Files.readAllBytes(killedFile);
        byte[] twinRows = Files.readAllBytes(twinFile);
        Payments.ImportResult resumed = CurrentActor.runAs(ADMIN, () -> payments.importCsv(
                new ByteArrayInputStream(killedRows), Actor.system("cli")));
        Payments.ImportResult reference = CurrentActor.runAs(ADMIN, () -> payments.importCsv(
                new ByteArrayInputStream(twinRows), Actor.system("cli")));
        assertThat(resumed.rejected()).isEmpty();
        assertThat(resumed.accepted()).isEqualTo(reference.accepted()).isPositive();
        assertThat(allocationSnapshot(killed)).isEqualTo(allocationSnapshot(twin)).isNotEmpty();
        Payments.ImportResult again = CurrentActor.runAs(ADMIN, () -> payments.importCsv(
                new ByteArrayInputStream(killedRows), Actor.system("cli")));
        assertThat(again.accepted()).as("a file recorded once is recorded once").isZero();
        assertThat(again.duplicates()).isEqualTo(resumed.accepted());
    }

    /** Two districts with the same number of villages and no workers yet, so the same generated file fits both. */
    private String[] twinDistricts() {
        List<String> pair = jdbc.sql("""
                with d as (
                    select left(v.code, 8) as district, count(*) as villages from region v
                    where v.level = 'VILLAGE' and not exists (select 1 from worker w where w.village_code like left(v.code, 8) || '.%')
                    group by 1 having count(*) between 8 and 16)
                select a.district || ' ' || b.district from d a join d b on a.villages = b.villages and a.district < b.district
                order by a.district desc, b.district desc limit 1""").query(String.class).list();
        assertThat(pair).as("two districts of equal size without workers").hasSize(1);
        return pair.get(0).split(" ");
    }

    /** Starts the CLI with the audit table locked, waits until it blocks inside its transaction, kills it. */
    private void killWhileInside(Path dir, String logName, String heldLock, String... args) throws Exception {
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute("lock table audit_event in exclusive mode");
            }
            Process child = cli(dir, logName, args);
            try {
                long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
                boolean inside = false;
                while (!inside && System.nanoTime() < deadline && child.isAlive()) {
                    inside = jdbc.sql(heldLock.equals("4242") ? """
                            select exists (select 1 from pg_locks w join pg_locks a on a.pid = w.pid
                                where not w.granted and w.relation = 'audit_event'::regclass
                                  and a.locktype = 'advisory' and a.classid = 4242 and a.granted)""" : """
                            select exists (select 1 from pg_locks w join pg_locks a on a.pid = w.pid
                                where not w.granted and w.relation = 'audit_event'::regclass
                                  and a.relation = 'payment'::regclass and a.mode = 'RowExclusiveLock' and a.granted)""")
                            .query(Boolean.class).single();
                    Thread.sleep(20);
                }
                assertThat(inside).as("the child waited inside its transaction (see target/killed-" + logName + "-child.log)").isTrue();
                child.destroyForcibly(); // SIGKILL: no shutdown hook; the open transaction dies with the connection
                assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
            } finally {
                child.destroyForcibly();
                lock.rollback();
            }
        }
        // the server notices the dead client's connection on its own; wait until its backend is gone
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && jdbc.sql("""
                select count(*) from pg_locks where (locktype = 'advisory' and classid = 4242)
                    or relation in ('payment'::regclass, 'bill_line'::regclass, 'audit_event'::regclass)""")
                .query(Long.class).single() > 0) {
            Thread.sleep(20);
        }
    }

    /** {@code java -jar lindung.jar ARGS} in a new JVM on this test's classpath, attached to this test's database. */
    private static Process cli(Path dir, String logName, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        for (String property : System.getProperties().stringPropertyNames()) {
            if (property.startsWith("lindung.") || property.startsWith("spring.datasource.")) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        command.add("-Dlindung.db-clean=false"); // attach to this test's database, never wipe it
        command.add(id.lindung.LindungApplication.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "killed-" + logName + "-child.log").toAbsolutePath().toFile()).start();
    }

    record State(long runs, long bills, long lines, BigDecimal billed, long payments, BigDecimal paid, long allocations,
                 BigDecimal allocated, long paidMonths, long auditEvents) {}

    private State state() {
        return jdbc.sql("""
                select (select count(*) from billing_run), (select count(*) from bill), (select count(*) from bill_line),
                       (select coalesce(sum(amount), 0) from bill_line), (select count(*) from payment),
                       (select coalesce(sum(amount), 0) from payment), (select count(*) from payment_allocation),
                       (select coalesce(sum(amount), 0) from payment_allocation), (select count(*) from paid_month),
                       (select count(*) from audit_event)""")
                .query((rs, n) -> new State(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4), rs.getLong(5),
                        rs.getBigDecimal(6), rs.getLong(7), rs.getBigDecimal(8), rs.getLong(9), rs.getLong(10)))
                .single();
    }

    /** The district's bills of the month, by the payer's rank within its kind: what differs between twins is left out. */
    private List<String> billSnapshot(String district, YearMonth month) {
        return jdbc.sql("""
                select p.kind || '#' || dense_rank() over (partition by p.kind order by p.code) || '|' || l.program || '|'
                       || l.segment || '|' || l.share || '|' || l.kind || '|' || l.amount || '|' || l.regulation_version
                from bill_line l join payer p on p.id = l.payer_id
                where p.region_code like :district || '.%' and l.month = :month order by 1""")
                .param("district", district).param("month", java.sql.Date.valueOf(month.atDay(1)))
                .query(String.class).list();
    }

    private List<String> allocationSnapshot(String district) {
        return jdbc.sql("""
                select p.kind || '#' || dense_rank() over (partition by p.kind order by p.code) || '|' || a.month || '|'
                       || sum(a.amount)
                from payment_allocation a join payer p on p.id = a.payer_id
                where p.region_code like :district || '.%' group by p.kind, p.code, a.month order by 1""")
                .param("district", district).query(String.class).list();
    }

    /** Pays every payer of the district its month's bill: in full, or half of it for every other payer. */
    private Path paymentFile(Path dir, String district, YearMonth month) throws Exception {
        List<String> rows = new ArrayList<>();
        rows.add("payer,reference,date,amount");
        LocalDate today = LocalDate.now(clock);
        int[] n = {0};
        jdbc.sql("""
                select p.code, sum(l.amount) from bill_line l join payer p on p.id = l.payer_id
                where p.region_code like :district || '.%' and l.month = :month
                group by p.kind, p.code order by p.kind, p.code""")
                .param("district", district).param("month", java.sql.Date.valueOf(month.atDay(1)))
                .query((rs, i) -> {
                    BigDecimal total = rs.getBigDecimal(2);
                    BigDecimal amount = n[0]++ % 2 == 0 ? total : total.divide(BigDecimal.valueOf(2), 0, RoundingMode.DOWN);
                    return rows.add(rs.getString(1) + ",CRASH-" + i + "," + today + "," + amount.toPlainString());
                }).list();
        assertThat(rows).hasSizeGreaterThan(1);
        Path file = dir.resolve("payments-" + district + ".csv");
        Files.write(file, rows, StandardCharsets.UTF_8);
        return file;
    }
}
