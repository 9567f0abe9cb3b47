package id.lindung.coverage.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The indicators' reads of the coverage rollups, after {@link CoverageRollups#refresh()} brought them up to every
 * committed write: counts of the nation, provinces and regencies from their per-day changes, of districts and villages
 * from levelled groups' changes or their spans; money from the levels or the villages; Desa Sadar people from the spans.
 */
@Component
public class RollupReads {

    private final JdbcClient jdbc;

    RollupReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }


    /** Whether every group of this length is kept as per-day changes (nation, province, regency). */
    static boolean levelled(int glen) {
        return glen <= 5;
    }

    /** The same rows as IndicatorSql.counts for the groups (the codes of length {@code glen} in lo..hi). */
    public List<IndicatorSql.Row> counts(String lo, String hi, int glen, List<String> groups, LocalDate date) {
        MapSqlParameterSource p = countParams(lo, hi, glen, groups, date);
        List<IndicatorSql.Row> rows = new ArrayList<>(jdbc.sql(levelled(glen) ? RollupReadSql.COUNTS_FROM_DELTAS
                        : RollupReadSql.COUNTS_BELOW_REGENCY)
                .paramSource(p)
                .query((rs, n) -> new IndicatorSql.Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)))
                .list());
        if (!levelled(glen)) {
            // the per-day changes hold the desa of their groups; a district's or village's are a short range of codes
            rows.addAll(jdbc.sql(RollupReadSql.DESA).paramSource(p)
                    .query((rs, n) -> new IndicatorSql.Row(rs.getString(1), "DESA", null, rs.getLong(2), 0)).list());
        }
        return rows;
    }

    /**
     * The parameters of {@link #countsSql}: below a regency, which of the groups are levelled (read from their per-day
     * changes) and which are small (read from their spans).
     */
    public MapSqlParameterSource countParams(String lo, String hi, int glen, List<String> groups, LocalDate date) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("lo", lo).addValue("hi", hi).addValue("glen", glen)
                .addValue("groups", groups.toArray(String[]::new)).addValue("d", Date.valueOf(date))
                .addValue("m", Date.valueOf(date.withDayOfMonth(1)));
        if (!levelled(glen)) {
            List<String> levelledGroups = jdbc.sql("select grp from coverage_levelled_group where grp = any(cast(:groups as text[]))")
                    .paramSource(p).query(String.class).list();
            p.addValue("levelled", levelledGroups.toArray(String[]::new))
                    .addValue("small", groups.stream().filter(g -> !levelledGroups.contains(g)).toArray(String[]::new));
        }
        return p;
    }

    public Map<String, IndicatorSql.MoneyRow> money(String lo, String hi, int glen, List<String> groups, LocalDate from, LocalDate to) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("lo", lo).addValue("hi", hi).addValue("glen", glen)
                .addValue("groups", groups.toArray(String[]::new)).addValue("to", Date.valueOf(to))
                .addValue("mfrom", Date.valueOf(from.withDayOfMonth(1))).addValue("mto", Date.valueOf(to.withDayOfMonth(1)));
        return IndicatorSql.MoneyRow.collect(jdbc.sql(levelled(glen) ? RollupReadSql.MONEY_FROM_LEVELS
                        : RollupReadSql.MONEY_FROM_VILLAGES)
                .paramSource(p));
    }

    /** One person of a Desa Sadar category in a desa on a date, by worker id (named later, if missing). */
    public record Official(String villageCode, String category, boolean protectedOnDate, long workerId) {}

    /**
     * The people of the criterion's categories in every desa of lo..hi on the date, in no order; with
     * {@code nearOnly}, in the desa the rollups judged near misses on the date only.
     */
    public List<Official> desaSadarOfficials(String lo, String hi, LocalDate date, IndicatorSql.Criterion criterion, boolean nearOnly) {
        return jdbc.sql(nearOnly ? RollupReadSql.DESA_NEAR_OFFICIALS : RollupReadSql.DESA_SADAR_OFFICIALS)
                .param("lo", lo).param("hi", hi).param("d", Date.valueOf(date))
                .param("cats", criterion.categories().toArray(String[]::new))
                .query((rs, n) -> new Official(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getLong(4)))
                .list();
    }

    /** A worker's NIK and name, and its place in the database's order of names (then ids). */
    public record Named(String nik, String name, int rank) {}

    /** The NIK, name and name order of each worker id. */
    public Map<Long, Named> names(java.util.Collection<Long> workerIds) {
        Map<Long, Named> names = new java.util.HashMap<>();
        if (!workerIds.isEmpty()) {
            jdbc.sql(RollupReadSql.NAMES).param("ids", workerIds.toArray(Long[]::new))
                    .query(rs -> {
                        names.put(rs.getLong(1), new Named(rs.getString(2), rs.getString(3), names.size()));
                    });
        }
        return names;
    }

    /** The criterion's categories in the database's order (the direct read sorts by category in SQL). */
    public Map<String, Integer> categoryOrder(IndicatorSql.Criterion criterion) {
        Map<String, Integer> order = new java.util.HashMap<>();
        jdbc.sql("select c from unnest(cast(:cats as text[])) c order by c").param("cats", criterion.categories().toArray(String[]::new))
                .query(rs -> {
                    order.put(rs.getString(1), order.size());
                });
        return order;
    }

    /** The read statements with their parameters, for the benchmark's EXPLAIN ANALYZE. */
    public static String countsSql(int glen) {
        return levelled(glen) ? RollupReadSql.COUNTS_FROM_DELTAS : RollupReadSql.COUNTS_BELOW_REGENCY;
    }

    public static String moneySql(int glen) {
        return levelled(glen) ? RollupReadSql.MONEY_FROM_LEVELS : RollupReadSql.MONEY_FROM_VILLAGES;
    }

    public static String desaSql() {
        return RollupReadSql.DESA;
    }
}
