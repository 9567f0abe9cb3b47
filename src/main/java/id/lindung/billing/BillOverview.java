package id.lindung.billing;

import id.lindung.access.Actor;
import id.lindung.access.RegionScope;
import id.lindung.platform.InvalidInputException;
import id.lindung.access.PersonalData;
import id.lindung.shared.Rupiah;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The month's bills as a list a person pages through: filtered by area (a district or village inside the caller's
 * scope), payer kind and status, in region order, with names. Every query is limited to the caller's region in SQL.
 * Counts, sums and where a page starts come from the maintained per-region totals ({@code bill_month_total}), the
 * page's bills from {@code bill_balance}, so a national list costs about one row per village and a page, not every
 * bill of the country.
 */
@Service
public class BillOverview {

    /** Largest page a caller may ask for. */
    public static final int MAX_SIZE = 200;

    /** Which bills by what is still owed on them. */
    public enum Status { UNPAID, PAID }

    public static final Set<String> KINDS = Set.of("APBDES", "APBD", "SELF", "EMPLOYER", "DONOR");

    /**
     * @param region a region code inside the caller's scope (province, regency, district or village), or null for the
     *               whole scope
     */
    public record Filter(YearMonth month, String region, String kind, Status status) {}

    /** One bill with the names a person reads: the payer's, its area's and the district above a village. */
    public record Row(long id, String payer, String payerName, String kind, String regionCode, String regionName,
                      String districtName, Rupiah total, Rupiah paid, Rupiah outstanding, Rupiah fine, LocalDate dueDate) {}

    /** The month's figures over every bill the filter selects, not only this page. */
    public record Totals(long bills, Rupiah total, Rupiah paid, Rupiah outstanding) {}

    /** @param page the page shown (out-of-range requests get the last page) */
    public record Result(List<Row> rows, int page, int size, Totals totals) {

        public long pages() {
            return Math.max(1, (totals.bills() + size - 1) / size);
        }

        public boolean hasNext() {
            return page + 1 < pages();
        }

        public boolean hasPrevious() {
            return page > 0;
        }
    }

    private final JdbcClient jdbc;
    private final MonthRulesSource rules;
    private final Clock clock;
    private final id.lindung.access.RegionDirectory regions;

    BillOverview(JdbcClient jdbc, MonthRulesSource rules, Clock clock, id.lindung.access.RegionDirectory regions) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.clock = clock;
        this.regions = regions;
    }

    public Result find(Filter filter, Actor actor, int page, int size) {
        int limit = Math.max(1, Math.min(size, MAX_SIZE));
        MapSqlParameterSource params = params(filter, actor);
        String counted = countedWhere(filter, params);
        Totals totals = jdbc.sql(totalsSql(counted)).paramSource(params)
                .query((rs, n) -> new Totals(rs.getLong(1), Rupiah.of(rs.getBigDecimal(2)), Rupiah.of(rs.getBigDecimal(3)),
                        Rupiah.of(rs.getBigDecimal(2).subtract(rs.getBigDecimal(3)))))
                .single();
        // a page past the end shows the last one; arithmetic in long, so page=2147483647 cannot overflow
        long lastPage = Math.max(0, (totals.bills() - 1) / limit);
        int shown = (int) Math.min(Math.max(0, page), lastPage);
        if (totals.bills() == 0) {
            return new Result(List.of(), 0, limit, totals);
        }
        params.addValue("limit", limit).addValue("offset", (long) shown * limit);
        List<Row> rows = rows(filter, params, counted, actor);
        return new Result(rows, shown, limit, totals);
    }

    /** Most bills one download holds: a larger list is narrowed by area first. */
    public static final int MAX_DOWNLOAD = 100_000;

    /** Bills read per statement of a download. */
    private static final int DOWNLOAD_CHUNK = 5_000;

    /**
     * Every bill the filter selects, in the list's order, for a download: read a chunk at a time as the pages are, in
     * one repeatable-read transaction so the file is one moment's list even while payments arrive. More than
     * {@link #MAX_DOWNLOAD} bills is the {@code TOO_MANY_ROWS} error on {@code region}, before any bill is read.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<Row> all(Filter filter, Actor actor) {
        return all(filter, actor, DOWNLOAD_CHUNK, MAX_DOWNLOAD);
    }

    /** {@link #all(Filter, Actor)} with its chunk and its limit named, so a test can cross chunks and the limit on a few bills. */
    List<Row> all(Filter filter, Actor actor, int chunk, int max) {
        MapSqlParameterSource params = params(filter, actor);
        String counted = countedWhere(filter, params);
        long count = jdbc.sql(totalsSql(counted)).paramSource(params).query((rs, n) -> rs.getLong(1)).single();
        if (count > max) {
            throw new InvalidInputException("region", "TOO_MANY_ROWS", "the list holds " + count + " bills, more than the "
                    + max + " one download holds: choose a province, regency or district");
        }
        List<Row> all = new java.util.ArrayList<>((int) count);
        for (long offset = 0; offset < count; offset += chunk) {
            params.addValue("limit", chunk).addValue("offset", offset);
            all.addAll(rows(filter, params, counted, actor));
        }
        return all;
    }

    /** The bills at rows offset .. offset + limit of the list ({@code params} holds both), names masked as the caller sees them. */
    private List<Row> rows(Filter filter, MapSqlParameterSource params, String counted, Actor actor) {
        seek(counted, params);
        MonthRules monthRules = rules.forMonth(filter.month());
        return jdbc.sql(pageSql(where(filter, params))).paramSource(params)
                .query((rs, n) -> {
                    Rupiah total = Rupiah.of(rs.getBigDecimal("total"));
                    Rupiah paid = Rupiah.of(rs.getBigDecimal("paid"));
                    Rupiah fine = monthRules.puFine(rs.getBigDecimal("pu_late"));
                    return new Row(rs.getLong("id"), PersonalData.payerCode(actor, rs.getString("code")),
                            PersonalData.payerName(actor, rs.getString("code"), rs.getString("name")),
                            rs.getString("kind"), rs.getString("payer_region_code"), rs.getString("region_name"),
                            rs.getString("district_name"), total, paid, total.minus(paid), fine,
                            rs.getDate("due_date").toLocalDate());
                })
                .list();
    }

    /**
     * Which regions hold the page's rows, and how many of the first region's bills come before it ({@code regions},
     * {@code skip}): read from the per-region counts, so page 500 of the country reads its 50 bills and not the 25,000
     * before them.
     */
    void seek(String counted, MapSqlParameterSource params) {
        List<String> regions = new java.util.ArrayList<>();
        long[] before = {-1};
        jdbc.sql(regionsSql(counted)).paramSource(params).query((rs, n) -> {
            regions.add(rs.getString(1));
            if (before[0] < 0) {
                before[0] = rs.getLong(2);
            }
            return null;
        }).list();
        params.addValue("regions", regions.toArray(String[]::new))
                .addValue("skip", (Long) params.getValue("offset") - Math.max(0, before[0]));
    }

    /** The parameters of both statements, the caller's region (or the area inside it) first. */
    MapSqlParameterSource params(Filter filter, Actor actor) {
        // a well-formed code that is no region is 404 as out of scope is (docs/api-errors.md), never an empty list
        RegionScope area = actor.scope().narrow(filter.region(), regions);
        return new MapSqlParameterSource()
                .addValue("month", Date.valueOf(filter.month().atDay(1)))
                .addValue("lo", area.lo()).addValue("hi", area.hi()).addValue("kind", kind(filter.kind()))
                .addValue("asOf", Date.valueOf(LocalDate.now(clock)));
    }

    /** The rows of {@code bill_month_total} (V129) the filter selects: the month, the area, the kind, the status. */
    static String countedWhere(Filter filter, MapSqlParameterSource params) {
        return " where t.month = :month and t.region_code >= :lo and t.region_code < :hi"
                + (params.getValue("kind") == null ? "" : " and t.kind = :kind")
                + (filter.status() == null ? "" : filter.status() == Status.UNPAID ? " and t.unpaid" : " and not t.unpaid");
    }

    /** The bills of the page's regions (see {@link #seek}), still inside the caller's area, with the same filter. */
    static String where(Filter filter, MapSqlParameterSource params) {
        return " where b.month = :month and b.payer_region_code = any(cast(:regions as text[]))"
                + " and b.payer_region_code >= :lo and b.payer_region_code < :hi"
                + (params.getValue("kind") == null ? "" : " and p.kind = :kind")
                + (filter.status() == null ? "" : filter.status() == Status.UNPAID ? " and x.total > x.paid" : " and x.total <= x.paid");
    }

    /** Count and sums over every bill the filter selects, from the maintained per-region totals. */
    static String totalsSql(String counted) {
        return "select coalesce(sum(t.bills), 0), coalesce(sum(t.total), 0), coalesce(sum(t.paid), 0) from bill_month_total t"
                + counted;
    }

    /**
     * The regions, in list order, whose bills are rows offset .. offset + limit of the list, each with the count before
     * it. Every region kept has a bill, so the first offset + limit regions hold those rows: the regions are read in
     * key order and no further (the first national page reads 50 of about 84,000 villages).
     */
    static String regionsSql(String counted) {
        return """
                with c as (
                    select t.region_code, sum(t.bills) as n from bill_month_total t %s
                    group by t.region_code having sum(t.bills) > 0
                    order by t.region_code limit :offset + :limit
                ), w as (
                    select region_code, n, sum(n) over (order by region_code) - n as before from c
                )
                select region_code, before from w where before < :offset + :limit and before + n > :offset
                order by region_code""".formatted(counted);
    }

    /** One page: the bills of the page's regions in region order, then names and fines of that page only. */
    static String pageSql(String where) {
        return """
                with page as (
                    select b.id, b.payer_id, b.month, b.due_date, b.payer_region_code, p.code, p.name, p.kind, x.total, x.paid
                    from bill b join registry_payer p on p.id = b.payer_id
                    cross join lateral (select coalesce(sum(total), 0) as total, coalesce(sum(paid), 0) as paid from bill_balance
                                        where payer_id = b.payer_id and month = b.month) x
                    %s
                    order by b.payer_region_code, b.payer_id
                    limit :limit offset :skip
                )
                select g.id, g.code, g.name, g.kind, g.payer_region_code, r.name as region_name, d.name as district_name,
                       g.total, g.paid, g.due_date,
                       %s as pu_late
                from page g
                left join region_area r on r.code = g.payer_region_code
                left join region_area d on d.code = r.parent_code and r.level = 'VILLAGE'
                order by g.payer_region_code, g.payer_id""".formatted(where, LateFines.puLate("g.payer_id", "g.month"));
    }

    /** The named area inside the caller's scope; an area outside it is answered as unknown. */
    public static RegionScope area(String region, RegionScope scope) {
        return scope.narrow(region);
    }

    private static String kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        String k = kind.trim().toUpperCase(Locale.ROOT);
        if (!KINDS.contains(k)) {
            throw new InvalidInputException("kind", "KIND_INVALID", "kind '" + kind.strip() + "' is not one of "
                    + KINDS.stream().sorted().toList());
        }
        return k;
    }

    /** An area to drill down to: a code and its official name. */
    public record Area(String code, String name) {}

    /** The areas one level below {@code area} (none below a village), to narrow the list to a district or a village. */
    public List<Area> areasBelow(RegionScope area) {
        if (area.isNational()) {
            // a province is the area without a parent (region's check): read on region_parent_idx, not every village
            return jdbc.sql("select code, name from region_area where parent_code is null and active order by code")
                    .query((rs, n) -> new Area(rs.getString(1), rs.getString(2))).list();
        }
        return jdbc.sql("select code, name from region_area where parent_code = ? and active order by code")
                .param(area.code()).query((rs, n) -> new Area(rs.getString(1), rs.getString(2))).list();
    }

    /** The official name of an area, or null for the whole country. */
    public String nameOf(RegionScope area) {
        return area.isNational() ? null : jdbc.sql("select name from region_area where code = ?").param(area.code())
                .query(String.class).optional().orElse(area.code());
    }

    /** The area one level up from {@code area}, never above the caller's scope (the code, or "" for the scope itself). */
    public String parentWithin(RegionScope area, RegionScope scope) {
        String code = area.code();
        int dot = code.lastIndexOf('.');
        String parent = dot < 0 ? null : code.substring(0, dot);
        return parent == null || !scope.covers(RegionScope.of(parent)) || RegionScope.of(parent).equals(scope) ? "" : parent;
    }
}
