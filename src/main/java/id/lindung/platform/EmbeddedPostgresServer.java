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
    /** The superuser initdb creates: used only here, to set up the database and the application's role. */
    private static final String SUPERUSER = "postgres";
    /** The role the application connects as: owner of the database and its objects, not a superuser. */
    static final String APP_USER = "lindung_app";
    /** Servers this JVM owns, by data directory: several Spring contexts in one JVM share one. */
    private static final Map<Path, EmbeddedPostgresServer> OWNED = new ConcurrentHashMap<>();
    /** Directories already wiped by this JVM: "clean" means a fresh database per test run, not per context. */
    private static final java.util.Set<Path> CLEANED = ConcurrentHashMap.newKeySet();

    private final Path pgData;
    private final int port;
    private final EmbeddedPostgres owned;
    private final DatabaseCredentials credentials;
    private int users = 1;

    private EmbeddedPostgresServer(Path pgData, int port, EmbeddedPostgres owned, DatabaseCredentials credentials) {
        this.pgData = pgData;
        this.port = port;
        this.owned = owned;
        this.credentials = credentials;
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
            // issue 12 item 8: passwords made at the first start (or the first start after the upgrade), kept
            // beside the database in a file only the owner may read
            DatabaseCredentials credentials = DatabaseCredentials.loadOrCreate(pgData.getParent());
            if (heldByAnotherProcess(pgData)) {
                int running = runningPort(pgData).orElseThrow(() -> new IllegalStateException(
                        "Database directory " + pgData + " is used by another Lindung process, but its port is unknown"));
                log.info("Database in {} is run by another Lindung process; connecting to port {}", pgData, running);
                return new EmbeddedPostgresServer(pgData, running, null, credentials);
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
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setConnectConfig("password", credentials.superuserPassword())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(pgData, chosen, pg, credentials);
            server.ensureDatabase();
            server.secure();
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

    /** The application's role: owns the database, is not a superuser. */
    public String username() {
        return APP_USER;
    }

    public String password() {
        return credentials.appPassword();
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
        try (Connection c = DriverManager.getConnection(admin, SUPERUSER, credentials.superuserPassword());
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

    /**
     * Makes the server refuse anyone without a password (issue 12 item 8). zonky's initdb trusts every local
     * connection; at each start this sets the superuser's password, creates (or re-passwords) the application's
     * role as a non-superuser, hands it the database and every object in it (data folders of earlier versions
     * were owned by the superuser), and turns every pg_hba.conf line to scram-sha-256. All of it is idempotent:
     * a start interrupted half-way finishes at the next one.
     */
    private void secure() {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), SUPERUSER, credentials.superuserPassword());
             Statement s = c.createStatement()) {
            s.execute("set password_encryption = 'scram-sha-256'");
            s.execute("alter role " + SUPERUSER + " password " + literal(credentials.superuserPassword()));
            boolean exists;
            try (ResultSet rs = s.executeQuery("select 1 from pg_roles where rolname = '" + APP_USER + "'")) {
                exists = rs.next();
            }
            s.execute((exists ? "alter" : "create") + " role " + APP_USER
                    + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password "
                    + literal(credentials.appPassword()));
            s.execute("alter database " + DATABASE + " owner to " + APP_USER);
            s.execute("alter schema public owner to " + APP_USER);
            // what an earlier version created as the superuser: tables, views, sequences, functions, types
            s.execute("""
                    do $$
                    declare r record;
                    begin
                      for r in
                        select format('alter %s %s owner to %I',
                                 case c.relkind when 'v' then 'view' when 'm' then 'materialized view' when 'S' then 'sequence'
                                                when 'f' then 'foreign table' else 'table' end,
                                 c.oid::regclass, '{app}') as stmt
                        from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
                          and pg_get_userbyid(c.relowner) <> '{app}'
                          and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype in ('e', 'i', 'a'))
                        union all
                        select format('alter routine %s owner to %I', p.oid::regprocedure, '{app}')
                        from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                        where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> '{app}'
                          and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
                        union all
                        select format('alter type %s owner to %I', t.oid::regtype, '{app}')
                        from pg_type t join pg_namespace n on n.oid = t.typnamespace
                        where n.nspname = 'public' and t.typtype in ('e', 'd', 'r') and pg_get_userbyid(t.typowner) <> '{app}'
                          and not exists (select 1 from pg_depend d where d.classid = 'pg_type'::regclass and d.objid = t.oid and d.deptype = 'e')
                      loop
                        execute r.stmt;
                      end loop;
                    end $$""".replace("{app}", APP_USER));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot secure the embedded database: " + e.getMessage(), e);
        }
        requirePasswords();
    }

    /** Every pg_hba.conf rule asks for a scram-sha-256 password; the server rereads the file. */
    private void requirePasswords() {
        Path hba = pgData.resolve("pg_hba.conf");
        try {
            String before = Files.readString(hba, StandardCharsets.UTF_8);
            StringBuilder after = new StringBuilder();
            for (String line : before.split("\n", -1)) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    line = line.replaceAll("\\b(trust|md5|password|peer|ident)\\s*$", "scram-sha-256");
                }
                after.append(line).append('\n');
            }
            String text = after.substring(0, after.length() - 1);
            if (!text.equals(before)) {
                Files.writeString(hba, text, StandardCharsets.UTF_8);
                try (Connection c = DriverManager.getConnection(jdbcUrl(), SUPERUSER, credentials.superuserPassword());
                     Statement s = c.createStatement()) {
                    s.execute("select pg_reload_conf()");
                }
                log.info("Embedded PostgreSQL now asks every connection for a password (scram-sha-256)");
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Cannot make the embedded database ask for passwords: " + e.getMessage(), e);
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
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
