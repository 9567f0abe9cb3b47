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
    void aRebuildWhoseSecondConnectionDoesNotStartSumsTheMoneyItselfWithTheSameResult() {
        CoverageRollups.Refresh normal = rollups.rebuild();
        assertThat(normal.steps()).extracting(CoverageRollups.Step::name).contains("money alongside");
        List<String> expected = digests();

        // the second connection's transaction starts only after 5 s, as it would with no connection free in the pool
        CoverageRollups starved = new CoverageRollups(jdbc, calendar, new SlowToStartNewTransactions(transactions), clock, 40,
                "128MB", 40, 0.7, 10_000, 1_000_000, 1000, true);
        long t0 = System.nanoTime();
        CoverageRollups.Refresh own = starved.rebuild();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(own.steps()).extracting(CoverageRollups.Step::name).doesNotContain("money alongside").contains("money");
        assertThat(millis).as("waits the grace of 2 s, not the 5 s of the connection").isLessThan(4_900);
        assertThat(digests()).isEqualTo(expected);
        starved.stop();
    }

    private List<String> digests() {
        return MONEY.stream().map(t -> jdbc.sql("select count(*) || ' ' || coalesce(md5(string_agg(x, E'\\n' order by x collate \"C\")), '') "
                + "from (select t::text as x from " + t + " t) d").query(String.class).single()).toList();
    }

    /** Delays every new transaction begun on the money thread, as a pool with no free connection would. */
    private record SlowToStartNewTransactions(PlatformTransactionManager delegate) implements PlatformTransactionManager {

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) throws TransactionException {
            if (Thread.currentThread().getName().equals("coverage-money")) {
                try {
                    Thread.sleep(5_000);
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
