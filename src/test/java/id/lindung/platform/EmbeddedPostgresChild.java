package id.lindung.platform;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Runs in a separate JVM for {@link EmbeddedPostgresServerTests}: opens the embedded
 * server on a data directory, writes a marker row, says READY and waits to be killed.
 */
public final class EmbeddedPostgresChild {

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.open(Path.of(args[0]), 0, true, false);
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             Statement s = c.createStatement()) {
            s.execute("create table if not exists marker (note text)");
            s.execute("insert into marker values ('" + args[1] + "')");
        }
        System.out.println("READY " + server.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
