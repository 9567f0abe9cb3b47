package id.lindung.billing;

import id.lindung.access.RegionScope;
import id.lindung.platform.AmountJson;
import id.lindung.shared.Rupiah;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Payers more than one month in arrears, for the level above them: every kind of payer (villages, regencies and
 * provinces, employers, donors, self-paying workers) below the caller's own region, grouped by area and paged.
 */
@Service
public class Escalations {

    private final JdbcClient jdbc;
    private final PayerArrears arrears;
    private final java.time.Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate read;

    Escalations(JdbcClient jdbc, PayerArrears arrears, java.time.Clock clock,
                org.springframework.transaction.PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.arrears = arrears;
        this.clock = clock;
        this.read = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.read.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.read.setReadOnly(true);
    }

    /**
     * @param groupCode the area one level below the caller's scope that holds the payer (a province for the national
     *                  level, a regency for a province, ...): the list is grouped by it
     */
    public record Escalation(String payer, String payerName, String regionCode, int monthsInArrears,
                             @JsonSerialize(using = AmountJson.WithSen.class) Rupiah outstanding, LocalDate oldestDue,
                             String kind, String groupCode, String groupName) {

        /** As the actor may see it (a self-payer's code without the NIK for masked roles). */
        public Escalation shownTo(id.lindung.access.Actor actor) {
            return new Escalation(id.lindung.access.PersonalData.payerCode(actor, payer),
                    id.lindung.access.PersonalData.payerName(actor, payer, payerName), regionCode, monthsInArrears,
                    outstanding, oldestDue, kind, groupCode, groupName);
        }
    }

    /** Every payer in arrears in the scope, the first 500 (see {@link #forScope(RegionScope, LocalDate, int, int)}). */
    public List<Escalation> forScope(RegionScope scope, LocalDate asOf) {
        return forScope(scope, asOf, 0, 500).items();
    }

    /**
     * Payers of every kind more than one month in arrears, below the caller's own level (a regency office does not
     * escalate its own APBD), grouped by the area one level below the scope, largest arrears first within a group.
     * What is overdue is the unpaid part of lines past their due date ({@code bill_balance}).
     */
    public id.lindung.platform.Page<Escalation> forScope(RegionScope scope, LocalDate asOf, int page, int size) {
        int limit = Math.max(1, Math.min(size, 500));
        var params = params(scope, asOf, limit);
        // today's list (every page of the application asks for today) comes from the payers kept in arrears
        // (payer_arrears, V130), rebuilt first when a due date has passed since they were computed; another day's is
        // computed directly. The rows and their day are read in one snapshot, so a rebuild in between cannot mix days.
        boolean kept = arrears.usableFor(asOf, asOf.equals(LocalDate.now(clock)));
        return read.execute(s -> kept && arrears.usableFor(asOf, false)
                ? keptPage(params, page, limit)
                : paged(SQL, SQL.substring(0, SQL.indexOf("), counted as")) + ") select count(*) from arrears", params, page, limit));
    }

    /**
     * From payer_arrears: the count alone, then the page in list order. At national scope the order is the order of
     * payer_arrears_national_idx (V140), so the first page reads 50 rows instead of sorting every payer in arrears.
     */
    private id.lindung.platform.Page<Escalation> keptPage(org.springframework.jdbc.core.namedparam.MapSqlParameterSource params,
                                                         int page, int limit) {
        long total = jdbc.sql(KEPT_COUNT).paramSource(params).query(Long.class).single();
        int shown = (int) Math.min(Math.max(0, page), Math.max(0, (total - 1) / limit));
        List<Escalation> items = total == 0 ? List.of() : page(kept((Integer) params.getValue("group")), params, shown, limit, null);
        return new id.lindung.platform.Page<>(items, shown, limit, total);
    }

    private id.lindung.platform.Page<Escalation> paged(String sql, String countSql,
                                                       org.springframework.jdbc.core.namedparam.MapSqlParameterSource params,
                                                       int page, int limit) {
        long[] total = {0};
        int shown = Math.max(0, page);
        List<Escalation> items = page(sql, params, shown, limit, total);
        if (items.isEmpty() && shown > 0) {
            // a page past the end shows the last page: its rows carry no count, so the count is asked for alone
            long count = jdbc.sql(countSql).paramSource(params).query(Long.class).single();
            shown = (int) Math.max(0, (count - 1) / limit);
            items = page(sql, params, shown, limit, total);
        }
        return new id.lindung.platform.Page<>(items, shown, limit, total[0]);
    }

    /**
     * The list from payer_arrears: the scope's payers in arrears (not the scope's own), the page's names only. The
     * group's length is written into the statement (2, 5, 8 or 13, never input) so that the national order is the
     * expression of payer_arrears_national_idx.
     */
    static String kept(int group) {
        return """
                with counted as (
                    select a.payer_id, a.code, a.region_code, a.kind, a.months, a.outstanding, a.oldest_due,
                           left(a.region_code, %d) as group_code
                    from payer_arrears a
                    where a.region_code >= :lo and a.region_code < :hi and a.region_code <> :scope
                    order by left(a.region_code, %1$d), a.outstanding desc, a.code
                    limit :limit offset :offset
                )
                select c.code, p.name, c.region_code, c.months, c.outstanding, c.oldest_due, c.kind, c.group_code, g.name
                from counted c join registry_payer p on p.id = c.payer_id left join region_area g on g.code = c.group_code
                order by c.group_code, c.outstanding desc, c.code
                """.formatted(group);
    }

    static final String KEPT_COUNT = """
                select count(*) from payer_arrears a where a.region_code >= :lo and a.region_code < :hi and a.region_code <> :scope""";

    static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(RegionScope scope, LocalDate asOf, int limit) {
        // the group: the code prefix one level below the scope (2, 5, 8 characters; a village groups by itself)
        int groupLength = scope.isNational() ? 2 : switch (scope.code().length()) {
            case 2 -> 5;
            case 5 -> 8;
            default -> 13;
        };
        return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("lo", scope.lo()).addValue("hi", scope.hi()).addValue("asOf", Date.valueOf(asOf))
                .addValue("scope", scope.code()).addValue("group", groupLength).addValue("limit", limit);
    }

    /**
     * The list computed directly from the balances: one statement gives the page and the count. Only payer-months with
     * something owed on a due date already past can be in arrears: they are found on bill_balance_owed_idx (V128).
     */
    static final String SQL = """
                with owed as (
                    select bb.payer_id, bb.month, min(bb.due_date) as due_date, sum(bb.owed) as outstanding
                    from bill_balance bb join registry_payer p on p.id = bb.payer_id
                    where p.region_code >= :lo and p.region_code < :hi and bb.due_date < :asOf
                      and (bb.payer_id, bb.month) in (select u.payer_id, u.month from bill_balance u
                                                      where u.owed <> 0 and u.due_date < :asOf)
                    group by bb.payer_id, bb.month
                ), arrears as (
                    select p.code, p.name, p.region_code, p.kind, count(*) as months, sum(o.outstanding) as outstanding,
                           min(o.due_date) as oldest, left(p.region_code, :group) as group_code
                    from owed o join registry_payer p on p.id = o.payer_id
                    where o.outstanding > 0 and p.region_code <> :scope
                    group by p.code, p.name, p.region_code, p.kind
                    having count(*) > 1
                ), counted as (
                    select a.*, count(*) over () as total from arrears a
                    order by a.group_code, a.outstanding desc, a.code
                    limit :limit offset :offset
                )
                select c.code, c.name, c.region_code, c.months, c.outstanding, c.oldest, c.kind, c.group_code, g.name, c.total
                from counted c left join region_area g on g.code = c.group_code
                order by c.group_code, c.outstanding desc, c.code
                """;

    private List<Escalation> page(String sql, org.springframework.jdbc.core.namedparam.MapSqlParameterSource params,
                                  int page, int limit, long[] total) {
        return jdbc.sql(sql).paramSource(params.addValue("offset", (long) page * limit))
                .query((rs, n) -> {
                    if (total != null) {
                        total[0] = rs.getLong(10);
                    }
                    return new Escalation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            Rupiah.of(rs.getBigDecimal(5)), rs.getDate(6).toLocalDate(), rs.getString(7), rs.getString(8),
                            rs.getString(9));
                })
                .list();
    }
}
