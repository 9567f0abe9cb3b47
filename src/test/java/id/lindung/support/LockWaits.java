package id.lindung.support;

import java.util.concurrent.Future;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waiting, in a test that holds a row or a key in a transaction of its own, until the request under test has reached it
 * and waits for it: then committing the held transaction shows what the request does with the change it waited for.
 */
public final class LockWaits {

    private LockWaits() {}

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
