package id.lindung.access;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Hears the database's notice that a token or a user changed (migration V134: a trigger on {@code api_token} and
 * {@code app_user}, whoever wrote the change) and clears the {@link ApiTokenCache}. The cache is on only while this
 * listener holds its connection: a lost connection turns it off until the listener is back, so a revocation made
 * elsewhere is never missed, only waited for by reading the database again.
 */
final class ApiTokenChanges implements SmartLifecycle, Runnable {

    static final String CHANNEL = "lindung_access_change";
    private static final Logger log = LoggerFactory.getLogger(ApiTokenChanges.class);

    private final DataSource dataSource;
    private final ApiTokenCache cache;
    private volatile Thread thread;
    private final boolean wanted;
    private volatile boolean running;

    ApiTokenChanges(DataSource dataSource, ApiTokenCache cache, boolean wanted) {
        this.dataSource = dataSource;
        this.cache = cache;
        this.wanted = wanted;
    }

    @Override
    public void start() {
        running = true;
        if (!wanted) {
            return;
        }
        thread = new Thread(this, "lindung-token-changes");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        cache.enable(false);
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void run() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement s = connection.createStatement()) {
                    s.execute("listen " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                // listening before the cache is on: a change after this point is heard
                cache.enable(true);
                while (running) {
                    PGNotification[] notices = pg.getNotifications(1000);
                    if (notices != null && notices.length > 0) {
                        cache.clear();
                    }
                }
            } catch (Exception e) {
                cache.enable(false);
                if (!running) {
                    return;
                }
                log.warn("Token change notices lost, API tokens are read from the database on every request until they are back: {}",
                        e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            } finally {
                cache.enable(false);
            }
        }
    }
}
