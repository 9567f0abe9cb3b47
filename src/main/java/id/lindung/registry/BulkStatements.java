package id.lindung.registry;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs the bulk load's set-based statements timed, and explained on request, so that the check, the chunks and the
 * likely duplicates all answer to the same two switches: {@code BulkRegistration}'s logger at DEBUG (as
 * docs/benchmarks-import.md tells) and {@code -Dlindung.bulk.explain=true}.
 */
@Component
class BulkStatements {

    /** {@link BulkRegistration}'s logger, so that the documented switch still times every statement. */
    static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BulkRegistration.class);
    private static final boolean EXPLAIN = Boolean.getBoolean("lindung.bulk.explain");

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    BulkStatements(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    long timed(String name, String sql, MapSqlParameterSource params, boolean query) {
        explain(name, sql, params);
        long start = System.nanoTime();
        long n = query ? jdbc.sql(sql).paramSource(params).query(Long.class).single() : jdbc.sql(sql).paramSource(params).update();
        log.debug("{}: {} rows in {} ms", name, n, (System.nanoTime() - start) / 1_000_000);
        return n;
    }

    /** With {@code -Dlindung.bulk.explain=true}: logs EXPLAIN (ANALYZE, BUFFERS) of the statement, run in a savepoint rolled back. */
    void explain(String name, String sql, MapSqlParameterSource params) {
        if (EXPLAIN) {
            Connection c = DataSourceUtils.getConnection(dataSource);
            try {
                var sp = c.setSavepoint();
                try {
                    jdbc.sql("explain (analyze, buffers) " + sql).paramSource(params).query(String.class).list()
                            .forEach(l -> log.info("{} | {}", name, l));
                } catch (org.springframework.dao.DataAccessException e) {
                    log.info("{} | not explained: {}", name, e.getMostSpecificCause().getMessage());
                }
                c.rollback(sp);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
