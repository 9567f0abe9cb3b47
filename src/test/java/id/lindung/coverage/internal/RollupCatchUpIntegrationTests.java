package id.lindung.coverage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.IntegrationTest;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The server applies committed writes to the coverage rollups off the request path (RollupWarmUp.catchUp), so the
 * read after a bulk write does not pay for it; but not before its start-up warm-up has run (the demo seeding).
 */
@IntegrationTest
class RollupCatchUpIntegrationTests {

    @Autowired JdbcClient jdbc;
    @Autowired CoverageRollups rollups;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void aRefreshWithNothingToApplyWritesNothingSoEveryReadStaysARead() {
        rollups.refresh();
        String applied = snapshot();

        String xid = new TransactionTemplate(transactions).execute(s -> {
            CoverageRollups.Refresh idle = rollups.refresh();
            assertThat(idle.full()).isFalse();
            assertThat(idle.villages()).isZero();
            return jdbc.sql("select pg_current_xact_id_if_assigned()::text").query((rs, n) -> rs.getString(1)).list().get(0);
        });

        // a read that wrote would take a transaction id, write WAL and wait for its flush at commit, and could not run
        // on a read replica
        assertThat(xid).as("no transaction id taken by the idle refresh").isNull();
        assertThat(snapshot()).as("the state is the last applied refresh's").isEqualTo(applied);
    }

    @Test
    void theCatchUpAppliesCommittedWritesSoTheNextReadRefreshesNothingButWaitsForTheStartUpWarmUp() {
        RollupWarmUp warmUp = new RollupWarmUp(rollups);
        rollups.refresh();
        String village = jdbc.sql("select min(code) from region_area where level = 'VILLAGE' and active and code like '17.07.%'")
                .query(String.class).single();

        write(village, 1);
        String before = snapshot();
        warmUp.catchUp();
        assertThat(snapshot()).as("no catch-up before the start-up warm-up").isEqualTo(before);
        warmUp.warm();
        assertThat(snapshot()).as("the warm-up applied the write").isNotEqualTo(before);

        write(village, 2);
        warmUp.catchUp();
        CoverageRollups.Refresh read = rollups.refresh();
        assertThat(read.full()).isFalse();
        assertThat(read.villages()).as("villages left for the reader").isZero();
        assertThat(read.workers()).as("workers left for the reader").isZero();
        assertThat(jdbc.sql("select count(*) from coverage_worker_span s join worker w on w.id = s.worker_id where w.full_name like 'Kejar Rollup %'")
                .query(Long.class).single()).as("both workers' spans are kept").isGreaterThanOrEqualTo(2);
    }

    private String snapshot() {
        return jdbc.sql("select snapshot::text from coverage_rollup_state").query(String.class).single();
    }

    private void write(String village, int n) {
        String nik = village.substring(0, 8).replace(".", "") + "0101" + "77" + String.format("%04d", n);
        long worker = jdbc.sql("""
                insert into worker (nik, full_name, sex, birth_date, village_code, category, created_by)
                values (?, ?, 'L', date '1980-01-01', ?, 'PETANI', 'test') returning id""")
                .params(nik, "Kejar Rollup " + n, village).query(Long.class).single();
        long payer = jdbc.sql("insert into payer (code, kind, name, region_code) values (?, 'SELF', 'Peserta mandiri', ?) returning id")
                .params("SELF:" + nik, village).query(Long.class).single();
        jdbc.sql("""
                insert into membership_term (worker_id, village_code, program, segment, wage, worker_payer_id, valid_from, created_by)
                values (?, ?, 'JKK', 'BPU', ?, ?, date '2026-06-01', 'test')""")
                .params(worker, village, new BigDecimal("1000000"), payer).update();
    }
}
