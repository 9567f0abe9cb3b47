package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 8: the embedded PostgreSQL trusted every local connection, and the application connected as the
 * superuser. Now every connection needs a password, kept in the data folder with mode 600, and the application's
 * role owns the database without being a superuser, also for a data folder made by an earlier version.
 */
class EmbeddedDatabasePasswordTests {

    @Test
    void aConnectionWithoutPasswordIsRefusedAndTheApplicationsRoleIsNoSuperuser() throws Exception {
        Path dir = Path.of("target", "pg-password-" + System.nanoTime());
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.open(dir, 0, false, true)) {
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "").close())
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), server.username(), "").close())
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "wrong").close())
                    .isInstanceOf(SQLException.class);
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password())) {
                assertThat(single(c, "select rolsuper from pg_roles where rolname = current_user")).isEqualTo("f");
                assertThat(single(c, "select pg_get_userbyid(datdba) from pg_database where datname = current_database()"))
                        .isEqualTo(server.username());
            }
            Path file = dir.resolve(DatabaseCredentials.FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(Files.readString(dir.resolve("pg").resolve("pg_hba.conf")))
                    .doesNotContainPattern("(?m)^[^#\\n]*\\btrust\\s*$").contains("scram-sha-256");
        }
    }

    @Test
    void aDataFolderOfAnEarlierVersionStartsAndIsHandedToTheApplicationsRole() throws Exception {
        Path dir = Path.of("target", "pg-upgrade-" + System.nanoTime());
        Files.createDirectories(dir.resolve("pg"));
        // what versions before issue 12 left: trust for everyone, everything owned by the superuser
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg").toFile())
                .setCleanDataDirectory(false).setLocaleConfig("locale", "C.UTF-8").setLocaleConfig("encoding", "UTF8").start()) {
            try (Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database lindung template template0 encoding 'UTF8' locale 'C.UTF-8'");
            }
            try (Connection c = old.getDatabase("postgres", "lindung").getConnection(); Statement s = c.createStatement()) {
                s.execute("create table kept (id bigint generated always as identity primary key, note text)");
                s.execute("insert into kept (note) values ('from before')");
                s.execute("create function kept_note() returns text language sql as $$ select note from kept limit 1 $$");
            }
        }
        assertThat(Files.exists(dir.resolve(DatabaseCredentials.FILE))).isFalse();
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.open(dir, 0, false, false)) {
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "").close())
                    .isInstanceOf(SQLException.class);
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
                 Statement s = c.createStatement()) {
                s.execute("insert into kept (note) values ('after')");
                s.execute("alter table kept add column added int");
                assertThat(single(c, "select kept_note()")).isEqualTo("from before");
                assertThat(single(c, "select count(*) from kept")).isEqualTo("2");
            }
        }
        // and it starts again with the same file
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.open(dir, 0, false, false);
             Connection c = DriverManager.getConnection(again.jdbcUrl(), again.username(), again.password())) {
            assertThat(single(c, "select count(*) from kept")).isEqualTo("2");
        }
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
