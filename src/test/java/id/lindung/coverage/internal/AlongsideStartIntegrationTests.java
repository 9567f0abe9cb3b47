package id.lindung.coverage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.IntegrationTest;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;

/**
 * A rebuild or a large refresh sums the money on a second connection only if that connection starts while the spans
 * are computed: when every pool connection is held (readers waiting for the rollups' lock), the second one would wait
 * for the pool's timeout while they wait for the refresh. Then the refresh sums the money itself, with the same result.
 */
@IntegrationTest
class AlongsideStartIntegrationTests {

    static final List<String> MONEY = List.of("coverage_money_worker", "coverage_money_village", "coverage_money");

    @Autowired JdbcClient jdbc;
    @Autowired CoverageRollups rollups;
    @Autowired PlatformTransactionManager transactions;
    @Autowired ProtectionCalendar calendar;
    @Autowired Clock clock;

    @Test
    void aRebuildWhoseSecondConnectionDoesNotStartSumsTheMoneyItselfWithTheSameResult() throws Exception {
        CoverageRollups.Refresh normal = rollups.rebuild();
        assertThat(normal.steps()).extracting(CoverageRollups.Step::name).contains("money alongside");
        List<String> expected = digests();

        // the second connection's transaction starts only once the refresh is over, as with every connection of the pool
        // held by readers waiting for the refresh. It started after a fixed 5 s before, and the rebuild had to finish
        // within 4.9 s: a busy CI machine's spans alone could take longer, and then the late connection was even in time
        java.util.concurrent.CountDownLatch refreshed = new java.util.concurrent.CountDownLatch(1);
        CoverageRollups starved = new CoverageRollups(jdbc, calendar, new SlowToStartNewTransactions(transactions, refreshed), clock, 40,
                "128MB", 40, 0.7, 10_000, 1_000_000, 1000, true);
        try {
            long t0 = System.nanoTime();
            // bounded: a rebuild that waited for the second connection would wait for ever
            CoverageRollups.Refresh own = java.util.concurrent.CompletableFuture.supplyAsync(starved::rebuild)
                    .get(5, java.util.concurrent.TimeUnit.MINUTES);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertThat(own.steps()).extracting(CoverageRollups.Step::name).doesNotContain("money alongside").contains("money");
            assertThat(millis).as("waits the grace of 2 s for the second connection")
                    .isGreaterThanOrEqualTo(MoneyAlongside.Task.START_GRACE_MILLIS);
            assertThat(digests()).isEqualTo(expected);
        } finally {
            refreshed.countDown();
            starved.stop();
        }
    }

    private List<String> digests() {
        return MONEY.stream().map(t -> jdbc.sql("select count(*) || ' ' || coalesce(md5(string_agg(x, E'\\n' order by x collate \"C\")), '') "
                + "from (select t::text as x from " + t + " t) d").query(String.class).single()).toList();
    }

    /** Holds every new transaction begun on the money thread until {@code refreshed}, as a pool with no free connection would. */
    private record SlowToStartNewTransactions(PlatformTransactionManager delegate, java.util.concurrent.CountDownLatch refreshed)
            implements PlatformTransactionManager {

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) throws TransactionException {
            if (Thread.currentThread().getName().equals("coverage-money")) {
                try {
                    refreshed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return delegate.getTransaction(definition);
        }

        @Override
        public void commit(TransactionStatus status) throws TransactionException {
            delegate.commit(status);
        }

        @Override
        public void rollback(TransactionStatus status) throws TransactionException {
            delegate.rollback(status);
        }
    }
}
