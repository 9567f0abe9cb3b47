package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The embedded database's life: data survives restarts, a server orphaned by a JVM killed with
 * SIGKILL does not block the next start, and a second process attaches to a running server.
 */
class EmbeddedPostgresServerTests {

    private final Path dir = Path.of("target", "lifecycle-" + System.nanoTime());

    @Test
    void afterTheOwningJvmIsKilledTheNextStartRecoversAndKeepsTheData() throws Exception {
        Process child = startChild("before-kill");
        long postmaster = postmasterPid();
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).as("orphaned postmaster").contains(true);

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.open(dir, 0, true, false)) {
            assertThat(server.isOwner()).isTrue();
            assertThat(markers(server)).containsExactly("before-kill");
            assertThat(setting(server, "fsync")).isEqualTo("on");
            assertThat(setting(server, "synchronous_commit")).isEqualTo("on");
        }
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)).isFalse();

        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.open(dir, 0, true, false)) {
            assertThat(markers(again)).containsExactly("before-kill");
        }
    }

    @Test
    void aSecondProcessAttachesToTheRunningServerInsteadOfFailing() throws Exception {
        Process child = startChild("held");
        try (EmbeddedPostgresServer attached = EmbeddedPostgresServer.open(dir, 0, true, false)) {
            assertThat(attached.isOwner()).isFalse();
            assertThat(markers(attached)).contains("held");
        } finally {
            child.destroy();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process startChild(String marker) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmbeddedPostgresChild.class.getName(), dir.toString(), marker)
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String line;
        while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
            if (line.startsWith("READY")) {
                Thread drain = new Thread(() -> {
                    try {
                        out.lines().forEach(l -> { });
                    } catch (java.io.UncheckedIOException closed) {
                        // the child was killed: nothing more to read
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return p;
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("child did not start the database");
    }

    private long postmasterPid() throws Exception {
        return Long.parseLong(Files.readAllLines(dir.toAbsolutePath().resolve("pg").resolve("postmaster.pid")).get(0).trim());
    }

    private static List<String> markers(EmbeddedPostgresServer server) throws Exception {
        List<String> result = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select note from marker order by note")) {
            while (rs.next()) {
                result.add(rs.getString(1));
            }
        }
        return result;
    }

    private static String setting(EmbeddedPostgresServer server, String name) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
