package id.lindung.coverage.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The coverage rollups' tables as a refresh and a rebuild both use them: the advisory lock, the state row (the snapshot
 * applied, what the rollups were built with), the change logs read, the work tables emptied, the indexes a rebuild
 * drops and builds again, and the statements both run for the Desa Sadar days and the levelled groups. Always within
 * the caller's transaction ({@link CoverageRollups}).
 */
final class RollupTables {

    /**
     * The large rollup tables a rebuild loads with their indexes (and keys) dropped and builds them once at the end:
     * one sort per index instead of a random insertion per row (docs/benchmarks.md, "Rebuild").
     */
    private static final String[] LOADED = {"coverage_worker_span", "coverage_delta", "coverage_delta_month",
        "coverage_money_village", "coverage_money", "coverage_money_worker"};

    private final JdbcClient jdbc;
    private final Clock clock;
    /** A district or village with at least this many workers is kept as per-day changes (coverage_levelled_group). */
    private final int levelledWorkers;
    /** A refresh that staged at least this many rows in one step empties its work tables by truncation (see clear). */
    private final int truncateRows;

    RollupTables(JdbcClient jdbc, Clock clock, int levelledWorkers, int truncateRows) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.levelledWorkers = levelledWorkers;
        this.truncateRows = truncateRows;
    }

    void lock() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('coverage_rollups'))").query().listOfRows();
    }

    /**
     * Whether this transaction has written nothing yet (asked before the refresh's own writes to its work tables): only
     * then may the money be summed on a second connection, which sees committed rows only (the demo seeding's or a
     * test's transaction writes what it then reads).
     */
    boolean clean() {
        return jdbc.sql("select pg_current_xact_id_if_assigned() is null").query(Boolean.class).single();
    }

    /** What the rollups are built from besides the change logs: the Desa Sadar rules and the official region list. */
    record Reference(String rules, long regions) {}

    Reference reference() {
        return jdbc.sql("""
                select (select md5(string_agg(r::text, ',' order by r.valid_from)) from coverage_desa_sadar_rule r),
                       (select version from region_list_version)""")
                .query((rs, n) -> new Reference(rs.getString(1), rs.getLong(2))).single();
    }

    /**
     * The rows of the named change logs that this refresh applies: visible in its snapshot ({@code :s1}) and not in the
     * last refresh's ({@code :s0}), or written by the current transaction.
     */
    static String changedIn(String... logs) {
        return changedColumnsIn("tx, village_code, worker_id", logs);
    }

    /** {@link #changedIn(String...)} of logs that all have the {@code columns} (billing's from_month, V171). */
    static String changedColumnsIn(String columns, String... logs) {
        StringBuilder union = new StringBuilder();
        for (String view : logs) {
            union.append(union.isEmpty() ? "" : " union all ").append("select ").append(columns).append(" from ").append(view)
                    .append(" where tx >= pg_snapshot_xmin(cast(:s0 as pg_snapshot))");
        }
        return "from (" + union + """
                ) c
                where ((pg_visible_in_snapshot(c.tx, cast(:s1 as pg_snapshot)) and not pg_visible_in_snapshot(c.tx, cast(:s0 as pg_snapshot)))
                       or c.tx = pg_current_xact_id_if_assigned())
                """;
    }

    /**
     * The workers and villages with a span, from the planner's statistics of the spans (n_distinct, analysed by every
     * rebuild and by autovacuum): counting them costs a pass over every span (0.1 s per 400,000 spans, seconds at
     * national size), which every large refresh would pay. An estimate is enough for choosing between a refresh and a
     * rebuild (on the 241,210-worker database: 212,175 workers and 10,275 villages against 241,211 and 10,678). Without
     * statistics yet (a small register not analysed), the exact count.
     */
    RefreshSize.Held held() {
        return jdbc.sql("""
                select max(case when s.n_distinct < 0 then -s.n_distinct * c.reltuples else s.n_distinct end)
                           filter (where s.attname = 'worker_id'),
                       max(case when s.n_distinct < 0 then -s.n_distinct * c.reltuples else s.n_distinct end)
                           filter (where s.attname = 'village_code')
                from pg_class c
                join pg_stats s on s.schemaname = current_schema() and s.tablename = c.relname
                                and s.attname in ('worker_id', 'village_code')
                where c.oid = 'coverage_worker_span'::regclass and c.reltuples >= 0""")
                .query((rs, n) -> rs.getObject(1) == null || rs.getObject(2) == null ? null
                        : new RefreshSize.Held(rs.getDouble(1), rs.getDouble(2)))
                .optional()
                .orElseGet(() -> jdbc.sql("select count(distinct worker_id), count(distinct village_code) from coverage_worker_span")
                        .query((rs, n) -> new RefreshSize.Held(rs.getLong(1), rs.getLong(2))).single());
    }

    /** Every month from billing's first billed month to its last (billing_months(), V169). */
    Date[] billedMonths() {
        return jdbc.sql("select billing_months()").query((rs, n) -> {
            java.sql.Array months = rs.getArray(1);
            return months == null ? new Date[0] : (Date[]) months.getArray();
        }).single();
    }

    /** Sets a setting for the rest of the transaction (the reader's, when its refresh rebuilds). */
    void setLocal(String name, String value) {
        jdbc.sql("select set_config(:n, :v, true)").param("n", name).param("v", value).query().listOfRows();
    }

    /**
     * Drops the indexes and primary keys of the {@link #LOADED} tables (empty by then) and returns the statements that
     * build them again, read from the catalogue so they are exactly what the migrations made.
     */
    List<String> dropIndexes() {
        List<Map<String, Object>> found = jdbc.sql("""
                select c.relname as tbl, i.indexrelid::regclass::text as idx, pg_get_indexdef(i.indexrelid) as def,
                       k.conname as con, pg_get_constraintdef(k.oid) as condef
                from pg_index i
                join pg_class c on c.oid = i.indrelid
                left join pg_constraint k on k.conindid = i.indexrelid and k.conrelid = c.oid
                where c.oid in (select to_regclass(t) from unnest(cast(:t as text[])) t)
                order by 1, 2""").param("t", LOADED).query().listOfRows();
        List<String> build = new ArrayList<>();
        for (Map<String, Object> ix : found) {
            if (ix.get("con") != null) {
                jdbc.sql("alter table " + ix.get("tbl") + " drop constraint " + ix.get("con")).update();
                build.add("alter table " + ix.get("tbl") + " add constraint " + ix.get("con") + " " + ix.get("condef"));
            } else {
                jdbc.sql("drop index " + ix.get("idx")).update();
                build.add((String) ix.get("def"));
            }
        }
        return build;
    }

    /**
     * Levels the districts and villages the refresh took over the threshold: their whole history goes to the per-day
     * changes now (the changes just staged left them out, as they were not levelled then).
     */
    int promote() {
        List<String> promoted = jdbc.sql(CountRollupSql.PROMOTE).param("min", levelledWorkers).query(String.class).list();
        if (!promoted.isEmpty()) {
            jdbc.sql(CountRollupSql.PROMOTED_DELTAS).param("groups", promoted.toArray(String[]::new)).update();
        }
        return promoted.size();
    }

    void desaSadar(boolean full, CoverageRollups.Steps steps) {
        steps.run("desa sadar", () -> jdbc.sql(DesaSadarRollupSql.DESA_SADAR).update());
        steps.run("desa sadar changes", () -> jdbc.sql(DesaSadarRollupSql.DESA_SADAR_DELTAS).update());
        // the workers' changes and the desa's, staged together, go to the days and the months at once (a rebuild
        // loads the empty tables, a refresh adds to them)
        steps.run("days", () -> jdbc.sql(full ? CountRollupSql.LOAD_DAYS : CountRollupSql.UPSERT_DAYS).update());
        steps.run("months", () -> jdbc.sql(full ? CountRollupSql.LOAD_MONTHS : CountRollupSql.UPSERT_MONTHS).update());
        if (!full) {
            jdbc.sql("delete from coverage_desa_sadar_span o using coverage_refresh_village d where o.village_code = d.village_code")
                    .update();
        }
        steps.run("desa sadar kept", () -> jdbc.sql("insert into coverage_desa_sadar_span select * from coverage_desa_sadar_stage").update());
    }

    /**
     * The work tables emptied by truncation, not deletion, after a rebuild or a large refresh (see clear): deleted, the
     * rows they staged would stay as dead rows that every later refresh's statements scan until a vacuum.
     */
    void emptyWorkTables() {
        jdbc.sql("""
                truncate coverage_span_stage, coverage_delta_stage, coverage_desa_sadar_stage, coverage_money_stage,
                    coverage_money_worker_stage, coverage_refresh_village, coverage_refresh_worker""").update();
    }

    /**
     * Empties the work tables after a refresh. A small refresh deletes its few rows. A large one (a village logged
     * whole, thousands of workers) truncates, as a rebuild does: deleted, its rows would stay as dead pages until a
     * vacuum, the planner would count them as live (the work tables are never analysed), and every later refresh
     * would join the whole span table to a work table it believes holds thousands of workers: 300-780 ms per refresh
     * after one payment at 1,000,000 workers, 52 ms before (docs/benchmarks.md). Truncation is not used always: it
     * replaces seven files and their catalog rows, which a refresh after every payment should not pay.
     */
    void clear(long largestStep) {
        if (largestStep >= truncateRows) {
            emptyWorkTables();
            return;
        }
        jdbc.sql("delete from coverage_span_stage").update();
        jdbc.sql("delete from coverage_delta_stage").update();
        jdbc.sql("delete from coverage_desa_sadar_stage").update();
        jdbc.sql("delete from coverage_money_stage").update();
        jdbc.sql("delete from coverage_money_worker_stage").update();
        jdbc.sql("delete from coverage_refresh_village").update();
        jdbc.sql("delete from coverage_refresh_worker").update();
    }

    /**
     * Lets registry and billing delete the change-log rows this refresh applied (those of transactions older than the
     * snapshot's xmin), so the logs hold only what the next refresh still has to read. Only after a refresh that
     * applied something: an idle read stays a read.
     */
    void forgetApplied(String snapshot) {
        jdbc.sql("select registry_forget_village_changes(cast(:s as pg_snapshot)) + billing_forget_village_changes(cast(:s as pg_snapshot))")
                .param("s", snapshot).query(Long.class).single();
    }

    void saveState(String snapshot, Reference rules, String cal) {
        jdbc.sql("""
                insert into coverage_rollup_state (id, snapshot, rules_hash, calendar_hash, region_version, built_at)
                values (1, :s, :r, :c, :g, :at)
                on conflict (id) do update set snapshot = excluded.snapshot, rules_hash = excluded.rules_hash,
                    calendar_hash = excluded.calendar_hash, region_version = excluded.region_version, built_at = excluded.built_at""")
                .param("s", snapshot).param("r", rules.rules()).param("c", cal).param("g", rules.regions())
                .param("at", Timestamp.from(clock.instant())).update();
    }
}
