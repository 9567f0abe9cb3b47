package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every pooled connection runs without PostgreSQL's JIT compilation unless {@code lindung.db.jit} says otherwise: on an
 * external server with LLVM, a batch statement planned at millions spent seconds compiling (docs/decisions/0011-jit-off.md).
 * The session's business time zone, set by the same connection-init statement, is kept.
 */
@IntegrationTest
class DatabaseJitIntegrationTests {

    @Autowired DataSource dataSource;

    @Test
    void everyPooledConnectionHasJitOffAndKeepsTheBusinessTimeZone() throws Exception {
        // several connections at once, so that more than the first one the pool opened is seen
        List<java.sql.Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                held.add(dataSource.getConnection());
            }
            for (java.sql.Connection connection : held) {
                assertThat(setting(connection, "jit")).isEqualTo("off");
                assertThat(setting(connection, "TimeZone")).isEqualTo("Asia/Jakarta");
            }
        } finally {
            for (java.sql.Connection connection : held) {
                connection.close();
            }
        }
    }

    @Test
    void theSettingIsOffOnOrTheServersOwnAndNothingElse() {
        assertThat(DatabaseJit.sessionSql("off")).contains("set jit = off");
        assertThat(DatabaseJit.sessionSql(" ON ")).contains("set jit = on");
        assertThat(DatabaseJit.sessionSql("server")).isEmpty();
        assertThatThrownBy(() -> DatabaseJit.sessionSql("sometimes")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lindung.db.jit");
    }

    private static String setting(java.sql.Connection connection, String name) throws java.sql.SQLException {
        try (var statement = connection.createStatement(); var rs = statement.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
