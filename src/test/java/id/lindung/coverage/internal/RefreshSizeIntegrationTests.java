package id.lindung.coverage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How much a refresh recomputes follows what billing's change log names (V164): a write of up to 1,000,000 rows names
 * its workers, so a province's arrears file recomputes the workers whose money or months changed, not every worker of
 * every village it touched; a larger write names villages. A refresh rebuilds when more than 5,000 villages were
 * logged whole, not when more than 5,000 villages hold named workers.
 */
@IntegrationTest
class RefreshSizeIntegrationTests {

    /** Worker ids no test creates: the rows below are written in a transaction that is rolled back, or name nobody. */
    static final long NOBODY = 9_000_000_000L;

    @Autowired JdbcClient jdbc;
    @Autowired CoverageRollups rollups;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void aBillingWriteOfUpToAMillionRowsNamesItsWorkersALargerOneOnlyItsVillages() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(s -> {
            String[] villages = villages(3);
            jdbc.sql("""
                    insert into paid_month (worker_id, program, month, village_code, paid_on)
                    select :nobody + i, 'JKK', date '2001-01-01', (cast(:v as text[]))[1 + i % 3], date '2001-01-10'
                    from generate_series(1, 1500) i""").param("nobody", NOBODY).param("v", villages).update();
            assertThat(logged("worker_id is not null")).as("1,500 paid months name their 1,500 workers").isEqualTo(1500);
            assertThat(logged("worker_id is null")).isZero();

            jdbc.sql("""
                    insert into paid_month (worker_id, program, month, village_code, paid_on)
                    select :nobody + i, 'JKM', date '2001-01-01', (cast(:v as text[]))[1 + i % 3], date '2001-01-10'
                    from generate_series(1, 1000001) i""").param("nobody", NOBODY).param("v", villages).update();
            assertThat(logged("worker_id is null")).as("1,000,001 paid months name their 3 villages").isEqualTo(3);
            assertThat(logged("worker_id is not null")).isEqualTo(1500);
            s.setRollbackOnly();
        });
    }

    @Test
    void workersNamedInManyVillagesAreRecomputedButManyVillagesLoggedWholeRebuild() {
        rollups.refresh();
        jdbc.sql("""
                insert into billing_village_change (village_code, worker_id)
                select v.code, :nobody + row_number() over (order by v.code)
                from (select code from region_area where level = 'VILLAGE' order by code limit 5001) v""")
                .param("nobody", NOBODY).update();
        CoverageRollups.Refresh named = rollups.refresh();
        assertThat(named.full()).as("5,001 villages with named workers").isFalse();
        assertThat(named.workers()).isEqualTo(5001);

        jdbc.sql("insert into billing_village_change (village_code) select code from region_area where level = 'VILLAGE' order by code limit 5001")
                .update();
        assertThat(rollups.refresh().full()).as("5,001 villages logged whole").isTrue();
    }

    private String[] villages(int n) {
        return jdbc.sql("select code from region_area where level = 'VILLAGE' order by code limit ?").param(n)
                .query(String.class).list().toArray(String[]::new);
    }

    /** Rows of billing's change log written by the current transaction. */
    private long logged(String condition) {
        return jdbc.sql("select count(*) from billing_village_change where tx = pg_current_xact_id() and " + condition)
                .query(Long.class).single();
    }
}
