package id.lindung.coverage.internal;

import id.lindung.coverage.internal.CoverageRollups.Step;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The money per worker summed on a second connection ({@code insert}: into coverage_money_worker_load) while a rebuild's
 * or a large refresh's own transaction computes the spans: the two largest statements read different views and
 * otherwise run one after the other on one core (spans 235-286 s and money 130-181 s of a province's 540 s rebuild;
 * spans 2.3-9.2 s and money 4.5-9.8 s of a refresh of 10-58 % of 241,210 workers; docs/benchmarks.md). The task's
 * snapshot is taken after the caller's, so a write it sees that the refresh does not apply is applied again by the next
 * refresh, which recomputes the named workers' money from their lines (new minus what is kept). Only for a transaction
 * that has written nothing itself (the second connection sees committed rows only).
 */
final class MoneyAlongside {

    private static final Logger log = LoggerFactory.getLogger(MoneyAlongside.class);

    private final JdbcClient jdbc;
    private final PlatformTransactionManager transactions;
    private final String workMem;
    private final boolean enabled;
    /** The second connection's thread: one, so that two refreshes' sums never interleave in the load table. */
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "coverage-money");
        t.setDaemon(true);
        return t;
    });

    MoneyAlongside(JdbcClient jdbc, PlatformTransactionManager transactions, String workMem, boolean enabled) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.workMem = workMem;
        this.enabled = enabled;
    }

    /**
     * The money summed on the second connection, and whether that connection has started: a refresh whose own
     * statements are done before the task got a connection waits {@link #START_GRACE_MILLIS} for it, then sums the
     * money itself. With every connection of the pool (10) held by readers waiting for this refresh's lock, the task
     * would otherwise wait for the pool's timeout (30 s) while they wait for it.
     */
    record Task(Future<Step> future, AtomicInteger state, CountDownLatch started) {
        static final int QUEUED = 0;
        static final int RUNNING = 1;
        static final int GIVEN_UP = 2;
        static final long START_GRACE_MILLIS = 2_000;

        /** True when the task had not started within the grace: it never will, and the caller sums the money itself. */
        boolean giveUpIfNotStarted() {
            try {
                started.await(START_GRACE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return state.compareAndSet(QUEUED, GIVEN_UP);
        }
    }

    /** Starts the sum; null when turned off (lindung.coverage.rebuild-money-alongside). */
    Task start(String insert, MapSqlParameterSource params) {
        if (!enabled) {
            return null;
        }
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        AtomicInteger state = new AtomicInteger(Task.QUEUED);
        CountDownLatch started = new CountDownLatch(1);
        Future<Step> future = thread.submit(() -> tx.execute(s -> {
            // the transaction holds its connection here; a task given up while it waited for one does nothing
            if (!state.compareAndSet(Task.QUEUED, Task.RUNNING)) {
                return null;
            }
            started.countDown();
            long t = System.nanoTime();
            jdbc.sql("truncate coverage_money_worker_load").update();
            jdbc.sql("select set_config('work_mem', :v, true)").param("v", workMem).query().listOfRows();
            int rows = jdbc.sql(insert).paramSource(params).update();
            return new Step("money alongside", rows, (System.nanoTime() - t) / 1_000_000);
        }));
        Task money = new Task(future, state, started);
        // a refresh that fails before it copies the money gives the task up too, or it could still start later, refill
        // the load table while another process's refresh uses it, and that refresh would copy these rows
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    money.state().compareAndSet(Task.QUEUED, Task.GIVEN_UP);
                }
            });
        }
        return money;
    }

    /**
     * Waits for the money summed alongside and copies it into {@code target} (coverage_money_worker with its indexes
     * dropped, or a refresh's stage), its step given to {@code done}; sums it {@code here} instead when nothing was
     * started ({@code money} null), or the second connection had not started by now (see {@link Task}) or failed.
     */
    int copy(Task money, Consumer<Step> done, String target, IntSupplier here) {
        if (money == null) {
            return here.getAsInt();
        }
        if (money.giveUpIfNotStarted()) {
            log.info("Coverage money summed in the refresh itself: no second connection was free while its spans were computed");
            return here.getAsInt();
        }
        Step summed;
        try {
            summed = money.future().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the coverage money was summed", e);
        } catch (ExecutionException e) {
            log.warn("Coverage money could not be summed on a second connection, summing it here: {}", e.getCause().toString());
            return here.getAsInt();
        }
        done.accept(summed);
        int rows = jdbc.sql("insert into " + target + """
                 (village_code, worker_id, months, days, billed, paid, kinds)
                select village_code, worker_id, months, days, billed, paid, kinds from coverage_money_worker_load""").update();
        jdbc.sql("truncate coverage_money_worker_load").update();
        return rows;
    }

    void stop() {
        thread.shutdownNow();
    }
}
