package id.lindung.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server Lindung runs on when no external database is configured.
 *
 * <p>One data directory has exactly one server. The first Lindung process to reach it starts the
 * server and owns it; any other process (a CLI command while the server runs) connects to the
 * running server instead of failing. A server left behind by a process killed with SIGKILL is shut
 * down cleanly before a new one starts, so a crash never blocks the next start.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String DATABASE = "lindung";
    private static final String USER = "postgres";
    /** Servers this JVM owns, by data directory: several Spring contexts in one JVM share one. */
    private static final Map<Path, EmbeddedPostgresServer> OWNED = new ConcurrentHashMap<>();
    /** Directories already wiped by this JVM: "clean" means a fresh database per test run, not per context. */
    private static final java.util.Set<Path> CLEANED = ConcurrentHashMap.newKeySet();

    private final Path pgData;
    private final int port;
    private final EmbeddedPostgres owned;
    private int users = 1;

    private EmbeddedPostgresServer(Path pgData, int port, EmbeddedPostgres owned) {
        this.pgData = pgData;
        this.port = port;
        this.owned = owned;
    }

    /**
     * Starts the server for {@code dataDir}, or attaches to the one already running there.
     *
     * @param port the fixed port to start on; 0 picks a free port (tests)
     * @param durable fsync and synchronous_commit on; tests turn it off for speed
     * @param clean wipe the directory first (tests only)
     */
    public static synchronized EmbeddedPostgresServer open(Path dataDir, int port, boolean durable, boolean clean) {
        Path pgData = dataDir.toAbsolutePath().normalize().resolve("pg");
        EmbeddedPostgresServer mine = OWNED.get(pgData);
        if (mine != null) {
            mine.users++;
            return mine;
        }
        try {
            if (clean && CLEANED.add(pgData)) {
                deleteRecursively(pgData);
            }
            Files.createDirectories(pgData);
            if (heldByAnotherProcess(pgData)) {
                int running = runningPort(pgData).orElseThrow(() -> new IllegalStateException(
                        "Database directory " + pgData + " is used by another Lindung process, but its port is unknown"));
                log.info("Database in {} is run by another Lindung process; connecting to port {}", pgData, running);
                return new EmbeddedPostgresServer(pgData, running, null);
            }
            stopOrphan(pgData);
            int chosen = port == 0 ? freePort() : port;
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData.toFile())
                    .setCleanDataDirectory(false)
                    .setPort(chosen)
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setLocaleConfig("encoding", "UTF8")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off")
                    .setServerConfig("max_connections", "60")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("work_mem", "32MB")
                    .setServerConfig("maintenance_work_mem", "256MB")
                    .setServerConfig("max_wal_size", "2GB")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(pgData, chosen, pg);
            server.ensureDatabase();
            OWNED.put(pgData, server);
            log.info("Embedded PostgreSQL started on port {} with data in {}", chosen, pgData);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + pgData + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public String username() {
        return USER;
    }

    public int port() {
        return port;
    }

    public boolean isOwner() {
        return owned != null;
    }

    @Override
    public synchronized void close() {
        if (owned == null) {
            return;
        }
        synchronized (EmbeddedPostgresServer.class) {
            if (--users > 0) {
                return;
            }
            OWNED.remove(pgData);
        }
        try {
            owned.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    private void ensureDatabase() {
        String admin = "jdbc:postgresql://localhost:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, USER, "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
            if (!rs.next()) {
                try (Statement create = c.createStatement()) {
                    create.execute("create database " + DATABASE + " template template0 encoding 'UTF8' locale 'C.UTF-8'");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    /** zonky holds a lock on {@code epg-lock} for as long as the owning JVM lives. */
    private static boolean heldByAnotherProcess(Path pgData) throws IOException {
        Path lockFile = pgData.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    private static Optional<Integer> runningPort(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        return lines.size() > 3 ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
    }

    /**
     * A postmaster whose owning JVM was killed keeps running and keeps its pid file; starting another
     * one on the same directory would fail, so it is asked for a fast shutdown first. A pid file whose
     * process is gone (or is not a postgres) is removed.
     */
    private static void stopOrphan(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            Files.deleteIfExists(pidFile);
            return;
        }
        long pid = Long.parseLong(lines.get(0).trim());
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(cmd -> cmd.contains("postgres")).orElse(true));
        if (process.isEmpty()) {
            log.warn("Removing stale {} (process {} is gone)", pidFile, pid);
            Files.deleteIfExists(pidFile);
            return;
        }
        log.warn("A PostgreSQL server (pid {}) from an earlier run that did not stop cleanly still holds {}; stopping it", pid, pgData);
        try {
            if (System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows")) {
                // no signals on Windows: terminating the postmaster is what pg_ctl's immediate mode does there too
                process.get().destroy();
            } else {
                // SIGINT is PostgreSQL's fast shutdown: open transactions roll back, the data stays consistent
                new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (process.get().isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping the old PostgreSQL server", e);
        }
        if (process.get().isAlive()) {
            throw new IOException("The old PostgreSQL server (pid " + pid + ") did not stop; stop it and start again");
        }
        Files.deleteIfExists(pidFile);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        stopOrphan(dir);
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
