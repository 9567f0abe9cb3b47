package id.lindung.registry;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An import analyses the registry's tables before a chunk when the planner counts fewer workers than half of those the
 * import has already committed (a chunk planned with {@code worker} as empty ran for 39 minutes), and only then.
 */
@IntegrationTest
class PlannerStatisticsIntegrationTests {

    @Autowired BulkRegistration bulk;
    @Autowired JdbcClient jdbc;

    private double plannedWorkers() {
        return jdbc.sql("select reltuples from pg_class where oid = 'worker'::regclass").query(Double.class).single();
    }

    private long analyses(String table) {
        return jdbc.sql("select analyze_count from pg_stat_user_tables where relid = cast(? as regclass)").param(table)
                .query(Long.class).single();
    }

    @Test
    void statisticsBehindTheCommittedWorkersAreRefreshedForEveryTableTheImportGrows() {
        long known = Math.max(PlannerStatistics.MIN_ROWS, 2 * (long) Math.max(0, plannedWorkers()) + 2);
        long workerAnalyses = analyses("worker");
        long termAnalyses = analyses("membership_term");
        long eventAnalyses = analyses("worker_status_event");

        assertThat(bulk.refreshStatisticsIfBehind(known)).isTrue();

        assertThat(analyses("worker")).isGreaterThan(workerAnalyses);
        assertThat(analyses("membership_term")).isGreaterThan(termAnalyses);
        assertThat(analyses("worker_status_event")).isGreaterThan(eventAnalyses);
        long workers = jdbc.sql("select count(*) from worker").query(Long.class).single();
        assertThat(plannedWorkers()).isEqualTo((double) workers); // ANALYZE counts a table this small exactly
    }

    @Test
    void statisticsThatKnowTheCommittedWorkersAreLeftAlone() {
        bulk.refreshStatisticsIfBehind(Long.MAX_VALUE / 4); // now the planner knows the table as it is
        long workerAnalyses = analyses("worker");
        long known = Math.max(1, (long) plannedWorkers());

        assertThat(bulk.refreshStatisticsIfBehind(known)).isFalse();
        assertThat(bulk.refreshStatisticsIfBehind(0)).isFalse();

        assertThat(analyses("worker")).isEqualTo(workerAnalyses);
    }
}
