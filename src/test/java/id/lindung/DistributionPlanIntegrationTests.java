package id.lindung;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Citus placement recorded on every table (V108, V109, V188–V196; docs/scaling.md) is one the schema can keep: a
 * table distributed by the province of a column has that column, as a region code in the C collation (so its
 * province is its first two characters and its ranges are the scoped queries' ranges); one distributed by the
 * province of its payer, plan, worker or case has that parent's id to find it by. And every region code compares in
 * the C collation, so a scoped range holds the same rows on any server.
 */
@IntegrationTest
class DistributionPlanIntegrationTests {

    private static final Pattern PLAN = Pattern.compile("distribution: (province of ([a-z_]+)|reference|coordinator)(;.*)?");
    private static final List<String> WORKER_LEVEL = List.of("worker", "membership_term", "worker_status_event", "likely_duplicate",
            "payer", "worker_stage", "bill", "bill_line", "payment", "paid_month", "billed_month", "payment_allocation", "bill_balance", "bill_version",
            "claim_case", "claim_heir", "claim_document", "budget_choice", "budget_list_person", "coverage_worker_span");

    @Autowired JdbcClient jdbc;

    @Test
    void everyTableRecordsWhereItWouldLiveOnACluster() {
        List<String> without = jdbc.sql("""
                select c.relname from pg_class c
                where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
                  and coalesce(obj_description(c.oid, 'pg_class'), '') not like 'distribution:%'
                  and c.relname <> 'flyway_schema_history'
                order by 1""").query(String.class).list();
        assertThat(without).as("tables without a 'distribution:' comment (docs/scaling.md)").isEmpty();
    }

    /**
     * Scoped reads compare region codes by range ('64.02' <= code < '64.02/'), which holds only where '.' and '/'
     * compare as bytes. In a collation that ignores punctuation (glibc's en_US.UTF-8, the default of many external
     * servers) '64.02.03.2007' sorts after '64.02/', and a regency would not see its own villages' rows (V188, V189).
     */
    @Test
    void everyRegionCodeColumnComparesInTheCCollationSoAScopedRangeHoldsTheSameRowsOnAnyServer() {
        List<String> others = jdbc.sql("""
                select c.relname || '.' || a.attname || ' ' || coalesce(co.collname, '-')
                from pg_class c
                join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                left join pg_collation co on co.oid = a.attcollation
                where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm')
                  and a.atttypid = 'text'::regtype
                  and (a.attname ~ '(^|_)(region|village|scope|parent|province|regency|district)_code$'
                       or a.attname in ('grp', 'region_code', 'village_code') or (c.relname = 'region' and a.attname = 'code'))
                  and coalesce(co.collname, '-') <> 'C'
                order by 1""").query(String.class).list();
        assertThat(others).isEmpty();
    }

    @Test
    void everyWorkerLevelTableNamesAProvinceItCanBeDistributedBy() {
        Map<String, String> plans = jdbc.sql("""
                select c.relname, obj_description(c.oid, 'pg_class') from pg_class c
                where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
                  and obj_description(c.oid, 'pg_class') like 'distribution:%'""")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(plans).containsKeys(WORKER_LEVEL.toArray(String[]::new));
        assertThat(plans).containsEntry("worker_category", "distribution: reference");

        for (var plan : plans.entrySet()) {
            Matcher m = PLAN.matcher(plan.getValue());
            assertThat(m.matches()).as(plan.getKey() + ": " + plan.getValue()).isTrue();
            String column = m.group(2);
            if (column == null) {
                assertThat(WORKER_LEVEL).as(plan.getKey() + " holds workers' data: it cannot be a reference table")
                        .doesNotContain(plan.getKey());
            } else if (column.equals("payer")) {
                assertThat(columns(plan.getKey())).as(plan.getKey()).containsAnyOf("payer_id", "bill_id");
            } else if (!columns(plan.getKey()).contains(column)) {
                assertThat(columns(plan.getKey())).as(plan.getKey() + " is placed by its " + column).contains(column + "_id");
            } else {
                assertThat(collation(plan.getKey(), column)).as(plan.getKey() + "." + column + " is a region code in the C collation")
                        .isEqualTo("text C");
            }
        }
    }

    private List<String> columns(String table) {
        return jdbc.sql("select attname from pg_attribute where attrelid = ?::regclass and attnum > 0 and not attisdropped")
                .param(table).query(String.class).list();
    }

    private String collation(String table, String column) {
        return jdbc.sql("""
                select format_type(a.atttypid, a.atttypmod) || ' ' || coalesce(co.collname, '-')
                from pg_attribute a left join pg_collation co on co.oid = a.attcollation
                where a.attrelid = ?::regclass and a.attname = ? and not a.attisdropped""")
                .params(table, column).query(String.class).optional().orElse("missing");
    }
}
