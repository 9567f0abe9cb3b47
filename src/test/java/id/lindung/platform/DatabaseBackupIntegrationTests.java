package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Backup and restore of the whole database (issue 12, personal data): dump, change or wipe, restore, and every
 * table holds the same rows (counts, and a digest of every row, so every sum too) as when it was dumped.
 */
@IntegrationTest
class DatabaseBackupIntegrationTests {

    @Autowired DatabaseBackup backup;
    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts accounts;

    @Test
    void aRestoredDatabaseHoldsExactlyWhatWasBackedUp() throws Exception {
        TestUsers.token(accounts, "backup-before", Role.ADMIN, "ID");
        Map<String, String> before = fingerprints();
        String paymentsBefore = jdbc.sql("select coalesce(sum(amount), 0)::text from payment").query(String.class).single();
        Path file = Path.of("target", "backup-" + System.nanoTime() + ".zip");
        var written = backup.backup(file);
        assertThat(Files.size(file)).isPositive();
        assertThat(written.rows()).containsKeys("app_user", "api_token", "audit_event", "region");
        assertThat(written.rows().get("app_user")).isEqualTo(Long.parseLong(before.get("app_user").split(":")[0]));

        // changes after the backup (a user, a token, their audit entries), then wipe a table outright
        TestUsers.token(accounts, "backup-after", Role.MONITOR, "63");
        jdbc.sql("delete from api_token").update();
        assertThat(fingerprints()).isNotEqualTo(before);

        var restored = backup.restore(file);
        // every table but the migration history, which a restore leaves as the running version wrote it
        Map<String, Long> expected = new LinkedHashMap<>(written.rows());
        expected.remove("flyway_schema_history");
        assertThat(restored.rows()).isEqualTo(expected);
        assertThat(fingerprints()).isEqualTo(before);
        assertThat(jdbc.sql("select coalesce(sum(amount), 0)::text from payment").query(String.class).single()).isEqualTo(paymentsBefore);
        assertThat(accounts.exists("backup-after")).isFalse();
        // identities continue after the restored rows, and the audit trail is append-only again
        TestUsers.token(accounts, "backup-later", Role.MONITOR, "63");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update()).hasMessageContaining("append-only");
    }

    @Test
    void aFileThatIsNoBackupIsRefusedAndChangesNothing() throws Exception {
        Path file = Path.of("target", "not-a-backup-" + System.nanoTime() + ".zip");
        Files.writeString(file, "payer,reference\n");
        Map<String, String> before = fingerprints();
        assertThatThrownBy(() -> backup.restore(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a Lindung backup");
        assertThat(fingerprints()).isEqualTo(before);
    }

    /** Per table: the row count and a digest of all rows in a fixed order. */
    private Map<String, String> fingerprints() throws Exception {
        Map<String, String> result = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (String table : DatabaseBackup.tablesInDependencyOrder(c)) {
                if (table.equals("flyway_schema_history")) {
                    continue;
                }
                result.put(table, jdbc.sql("select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from \""
                        + table + "\" t").query(String.class).single());
            }
        }
        return result;
    }
}
