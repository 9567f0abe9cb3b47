package id.lindung.coverage.internal;

import static id.lindung.coverage.internal.CoverageRollups.moneyWorkers;

import id.lindung.coverage.internal.CoverageRollups.Refresh;
import id.lindung.coverage.internal.CoverageRollups.Steps;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The coverage rollups rebuilt whole (docs/decisions/0010-coverage-rollups.md): when no state is kept, the rules, the
 * calendar or the regions changed, everything is logged, the change is too large to apply, or a rebuild is asked for.
 * Apart from {@link CoverageRollups}, which decides when and applies a refresh's changes, because a rebuild reads every
 * published view and shares none of a refresh's steps; it runs in the caller's transaction, under its lock. Its log is
 * {@link CoverageRollups}'s, where an operator has always found it.
 *
 * @param levelledWorkers a district or village with at least this many workers is kept as per-day changes
 *                        (coverage_levelled_group)
 * @param rebuildWorkMem  work_mem of a rebuild's statements: their sorts and hashes of every span and bill line fit in
 *                        memory longer
 */
record RollupRebuild(JdbcClient jdbc, ProtectionCalendar calendar, RollupTables tables, MoneyAlongside alongside,
                     int levelledWorkers, String rebuildWorkMem) {

    private static final Logger log = LoggerFactory.getLogger(CoverageRollups.class);

    /**
     * Everything from the published views, set-based: one statement per rollup over every worker, village and bill
     * line. The large tables are truncated and loaded without their indexes, which are built once at the end (the
     * refresh's upserts become plain inserts); the statements run with {@link #rebuildWorkMem}. Transactional like the
     * rest: a failure leaves the old rollups and indexes as they were.
     */
    Refresh run(String snapshot, RollupTables.Reference rules, String cal, boolean clean, String why) {
        long t0 = System.nanoTime();
        Steps steps = new Steps();
        String workMem = jdbc.sql("select current_setting('work_mem')").query(String.class).single();
        tables.setLocal("work_mem", rebuildWorkMem);
        MoneyAlongside.Task money = clean ? alongside.start(moneyWorkers("coverage_money_worker_load", "billing_line_money", ""),
                new MapSqlParameterSource()) : null;
        jdbc.sql("""
                truncate coverage_worker_span, coverage_delta, coverage_delta_month, coverage_desa_sadar_span,
                    coverage_money_village, coverage_money, coverage_money_worker, coverage_levelled_group""").update();
        tables.emptyWorkTables();
        List<String> indexes = tables.dropIndexes();
        int workers = steps.run("spans", () -> jdbc.sql(String.format(CountRollupSql.SPANS, "true", "true", "true"))
                .paramSource(calendar.rollupCalendar().addTo(new MapSqlParameterSource())).update());
        steps.run("levelled groups", () -> jdbc.sql("""
                insert into coverage_levelled_group (grp)
                select left(village_code, lv.len) from coverage_span_stage cross join (values (8), (13)) lv (len)
                group by 1 having count(distinct worker_id) >= :min""").param("min", levelledWorkers).update());
        steps.run("span changes", () -> jdbc.sql(CountRollupSql.SPAN_DELTAS).update());
        steps.run("desa counts", () -> jdbc.sql(CountRollupSql.DESA_COUNTS).update());
        steps.run("spans kept", () -> jdbc.sql("insert into coverage_worker_span select * from coverage_span_stage").update());
        int villages = steps.run("villages listed", () -> jdbc.sql(
                "insert into coverage_refresh_village select code from region_area where level = 'VILLAGE'").update());
        tables.desaSadar(true, steps);
        steps.run("money", () -> alongside.copy(money, steps.done::add, "coverage_money_worker",
                () -> jdbc.sql(moneyWorkers("coverage_money_worker", "billing_line_money", "")).update()));
        steps.run("money villages", () -> jdbc.sql(MoneyRollupSql.MONEY_VILLAGES).update());
        steps.run("money levels", () -> jdbc.sql(MoneyRollupSql.LOAD_MONEY).update());
        steps.run("money kept", () -> jdbc.sql("insert into coverage_money_village select * from coverage_money_stage").update());
        steps.run("indexes", () -> {
            indexes.forEach(ddl -> jdbc.sql(ddl).update());
            return indexes.size();
        });
        tables.emptyWorkTables();
        steps.run("analyze", () -> jdbc.sql("analyze coverage_worker_span, coverage_delta, coverage_delta_month, "
                + "coverage_desa_sadar_span, coverage_money_village, coverage_money, coverage_money_worker, coverage_levelled_group").update());
        tables.saveState(snapshot, rules, cal);
        tables.forgetApplied(snapshot);
        tables.setLocal("work_mem", workMem);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        log.info("Coverage rollups rebuilt ({}) in {} ms: {}", why, millis, steps.done);
        return new Refresh(true, villages, workers, millis, steps.done, why);
    }
}
