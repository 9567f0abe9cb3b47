package id.lindung.coverage.internal;

import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The statements of the coverage rollups that keep the money billed and paid per worker, per village and per group
 * level (docs/decisions/0010-coverage-rollups.md).
 */
final class MoneyRollupSql {

    private MoneyRollupSql() {}

    /**
     * Money per village and worker ({@code %1$s}: the table written, {@code %2$s}: the lines, billing_line_money or a
     * part of it as a derived table): the worker's lines in
     * that village summed per month, settling day and the line payer's kind, as IndicatorSql.MONEY sums them, kept as
     * parallel arrays (one row per worker and village, not per month: coverage_money_worker, V157 and V160). Every array
     * is aggregated in the same order.
     */
    static final String MONEY_WORKERS = """
            insert into %1$s (village_code, worker_id, months, days, billed, paid, kinds)
            select m.village_code, m.worker_id, array_agg(m.month order by m.month, m.day, m.kind),
                   array_agg(m.day order by m.month, m.day, m.kind), array_agg(m.billed order by m.month, m.day, m.kind),
                   array_agg(m.paid order by m.month, m.day, m.kind), array_agg(m.kind order by m.month, m.day, m.kind)
            from (select l.village_code, l.worker_id, l.month, coalesce(l.paid_on, '-infinity') as day, p.kind,
                         sum(l.amount) as billed, coalesce(sum(l.paid), 0) as paid
                  from %2$s l join registry_payer p on p.id = l.payer_id
                  group by 1, 2, 3, 4, 5
                  %3$s) m
            group by 1, 2
            """;

    /**
     * The lines a refresh sums again (a derived table; its parameters are added to {@code params}): those of the
     * villages logged whole ({@code :v}), then those of the named workers elsewhere from the earliest month billing
     * changed for each (V171; their earlier months are kept, {@link #MONEY_KEPT_MONTHS}). The workers are read a group
     * per earliest month, each group's months and workers given as arrays the planner can count: a worker's lines are
     * then read through the lines' month index (billing keeps no worker index on them, V168). Joined to the workers
     * and their months as a table instead, the planner hashed every line of the history (4.7 s at 500,000 workers
     * against 1.6 s for every month of every worker). A December payment file reads December: before, every named
     * worker's thirteen months and their allocations were read, 7.5-8.2 s of a 9.8-10.5 s catch-up for 50,673 workers
     * (docs/benchmarks.md, "Money from the month a write changed"). The named workers' lines are read with their
     * allocations probed by key (billing_line_money_by_line, V172): joined, a group's 20,000 lines or more made the
     * planner hash them and read every allocation of the history (1.2-2.0 s a group at 500,000 workers).
     *
     * @param named each named worker and its earliest changed month (null: every month)
     */
    static String moneyLines(List<Object[]> named, Date[] billedMonths, MapSqlParameterSource params) {
        Map<Date, List<Long>> groups = new HashMap<>();
        for (Object[] worker : named) {
            groups.computeIfAbsent((Date) worker[1], k -> new ArrayList<>()).add((Long) worker[0]);
        }
        StringBuilder lines = new StringBuilder("(select * from billing_line_money where village_code = any(cast(:v as text[]))");
        int i = 0;
        for (Map.Entry<Date, List<Long>> group : groups.entrySet()) {
            Date from = group.getKey();
            Date[] months = Arrays.stream(billedMonths).filter(m -> from == null || !m.before(from)).toArray(Date[]::new);
            if (months.length == 0) {
                continue;
            }
            params.addValue("bm" + i, months).addValue("w" + i, group.getValue().toArray(Long[]::new));
            lines.append("""

                     union all
                     select * from billing_line_money_by_line where month = any(cast(:bm%1$d as date[])) and worker_id = any(cast(:w%1$d as bigint[]))
                       and not village_code = any(cast(:v as text[]))""".formatted(i));
            i++;
        }
        return lines.append(")").toString();
    }

    /**
     * For {@link #MONEY_WORKERS}' third argument in a refresh: the named workers' kept money of the months before the
     * earliest one billing changed for each ({@code :w} and {@code :wf}, null: every month changed), outside the
     * villages summed whole ({@code :v}), taken from their rows as they are. The lines read are those from that month
     * on (CoverageRollups.MONEY_LINES), so each row holds the worker's every month again.
     */
    static final String MONEY_KEPT_MONTHS = """
            union all
            select o.village_code, o.worker_id, x.month, x.day, x.kind, x.billed, x.paid
            from unnest(cast(:w as bigint[]), cast(:wf as date[])) k (worker_id, from_month)
            join coverage_money_worker o on o.worker_id = k.worker_id
            cross join lateral unnest(o.months, o.days, o.billed, o.paid, o.kinds) x (month, day, billed, paid, kind)
            where x.month < k.from_month and not o.village_code = any(cast(:v as text[]))
            """;

    /** A rebuild's money per village, month, settling day and payer kind: the sum of every worker's (the table is empty before). */
    static final String MONEY_VILLAGES = """
            insert into coverage_money_stage (village_code, month, day, billed, paid, kind)
            select w.village_code, m.month, m.day, sum(m.billed), sum(m.paid), m.kind
            from coverage_money_worker w
            cross join lateral unnest(w.months, w.days, w.billed, w.paid, w.kinds) m (month, day, billed, paid, kind)
            group by w.village_code, m.month, m.day, m.kind
            """;

    /**
     * A refresh's change of money per village, month, settling day and payer kind: the listed workers' new money minus their old
     * ({@code %s}: the filter of the old rows, the same workers and villages as the new ones were read for).
     */
    static final String MONEY_CHANGES = """
            insert into coverage_money_stage (village_code, month, day, billed, paid, kind)
            select s.village_code, m.month, m.day, sum(s.sign * m.billed), sum(s.sign * m.paid), m.kind
            from (select 1 as sign, n.village_code, n.months, n.days, n.billed, n.paid, n.kinds from coverage_money_worker_stage n
                  union all
                  select -1, o.village_code, o.months, o.days, o.billed, o.paid, o.kinds from coverage_money_worker o where %s) s
            cross join lateral unnest(s.months, s.days, s.billed, s.paid, s.kinds) m (month, day, billed, paid, kind)
            group by s.village_code, m.month, m.day, m.kind
            having sum(s.sign * m.billed) <> 0 or sum(s.sign * m.paid) <> 0
            """;

    /**
     * The staged money per village as rows of every group level: a rebuild's whole money into the empty table, a
     * refresh's changes added to what is there ({@link #UPSERT_MONEY}).
     */
    static final String LOAD_MONEY = """
            insert into coverage_money (grp, month, day, billed, paid, kind)
            select left(s.village_code, lv.len), s.month, s.day, sum(s.billed), sum(s.paid), s.kind
            from coverage_money_stage s
            cross join """ + CountRollupSql.LEVELS + """
            group by 1, 2, 3, s.kind
            having sum(s.billed) <> 0 or sum(s.paid) <> 0
            """;

    static final String UPSERT_MONEY = LOAD_MONEY + """
            on conflict (grp, month, day, kind) do update
            set billed = coverage_money.billed + excluded.billed, paid = coverage_money.paid + excluded.paid
            """;

    /** A refresh's changes added to the villages' money; rows left at zero are removed by {@link #MONEY_ZEROS}. */
    static final String UPSERT_MONEY_VILLAGE = """
            insert into coverage_money_village (village_code, month, day, billed, paid, kind)
            select village_code, month, day, billed, paid, kind from coverage_money_stage
            on conflict (village_code, month, day, kind) do update
            set billed = coverage_money_village.billed + excluded.billed, paid = coverage_money_village.paid + excluded.paid
            """;

    /**
     * The village rows a refresh brought to zero (typically the unsettled row of a month just paid), so they do not
     * pile up; a read sums them, so a zero row and no row answer the same.
     */
    static final String MONEY_ZEROS = """
            delete from coverage_money_village v using coverage_money_stage s
            where v.village_code = s.village_code and v.month = s.month and v.day = s.day and v.kind = s.kind
              and v.billed = 0 and v.paid = 0
            """;
}
