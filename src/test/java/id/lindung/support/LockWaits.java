package id.lindung.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waiting, in a test that holds a row or a key in a transaction of its own, until the request under test has reached it
 * and waits for it: then committing the held transaction shows what the request does with the change it waited for.
 */
public final class LockWaits {

    private LockWaits() {}

    /** A change another transaction has made and not yet committed: its statements on that transaction's connection. */
    @FunctionalInterface
    public interface HeldChange {
        void make(Connection held) throws SQLException;
    }

    /**
     * Makes {@code change} in a transaction of its own, runs {@code request} on another thread, waits until the request
     * waits for a lock ({@link #untilWaiting}), commits the change and answers what the request returned, or the
     * RuntimeException it threw.
     */
    public static Object afterCommitOf(DataSource dataSource, JdbcClient jdbc, HeldChange change, String statement,
                                       Supplier<?> request) throws Exception {
        CompletableFuture<Object> outcome;
        try (Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            change.make(held);
            outcome = CompletableFuture.supplyAsync(() -> {
                try {
                    return request.get();
                } catch (RuntimeException e) {
                    return e;
                }
            });
            untilWaiting(jdbc, outcome, statement);
            held.commit();
        }
        return outcome.get();
    }

    /** Runs one statement of a held change (a select ... for update, an insert, an update, a delete). */
    public static void execute(Connection held, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = held.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            st.execute();
        }
    }

    /**
     * Returns once a backend whose statement holds {@code statement} waits for a lock, or {@code request} has ended (it did
     * not wait: the test's assertions then say what it did instead), or a minute has passed.
     */
    public static void untilWaiting(JdbcClient jdbc, Future<?> request, String statement) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!request.isDone() && System.nanoTime() < deadline && jdbc.sql("""
                select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like ?""")
                .param("%" + statement + "%").query(Long.class).single() == 0) {
            Thread.sleep(20);
        }
    }
}
