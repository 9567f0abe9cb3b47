package id.lindung.billing;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a dry run tells of the payments: the payers whose money would settle other months than before. Only a payer
 * with money for a month of the run ({@code run_payer.paying}, {@link RunPayers}) has its allocation recomputed, and
 * only from that month on ({@link Allocation}); every other payer's allocation stays as it is. So the allocations of
 * those payers from that month are kept in the run's transaction just before they are recomputed, and compared in SQL
 * with what the run leaves.
 *
 * <p>Before, the dry run read every allocation of every payer of the run, before and after, into the heap and compared
 * them there: two scans of {@code bill_line} by run (it has no index on it) and two of the payers' whole history,
 * 6.0-6.1 s each at 500,000 workers with a year of history, 1.6 million map entries in the heap, and at 10,000,000
 * workers more than a 512 MB server holds (docs/benchmarks.md, "A month settled again").
 */
final class DryRunAllocations {

    private final JdbcClient jdbc;

    private DryRunAllocations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts keeping, in temporary tables of the run's transaction. */
    static DryRunAllocations begin(JdbcClient jdbc) {
        jdbc.sql("drop table if exists dry_alloc_payer, dry_alloc_before").update();
        jdbc.sql("create temp table dry_alloc_payer (payer_id bigint primary key, from_month date not null) on commit drop").update();
        jdbc.sql("create temp table dry_alloc_before (payer_id bigint, month date, amount numeric, primary key (payer_id, month)) on commit drop")
                .update();
        return new DryRunAllocations(jdbc);
    }

    /**
     * Before the payers with money for {@code month} ({@code run_payer}) are settled from it: keeps the allocations from
     * {@code month} on of those not kept yet. A payer kept at an earlier month of the run is kept from there: its
     * allocations from this month were already recomputed once. The run settles its months oldest first, so the
     * payers kept from {@code month} are exactly those this call added.
     */
    void beforeSettling(LocalDate month) {
        long kept = jdbc.sql("""
                insert into dry_alloc_payer (payer_id, from_month)
                select payer_id, :month from run_payer where %s
                on conflict (payer_id) do nothing""".formatted(RunPayers.PAYING))
                .param("month", Date.valueOf(month)).update();
        if (kept > 0) {
            // unanalysed, the few payers kept were estimated at a page's worth, and their allocations read by a scan of
            // every allocation (1.0 s at 500,000 workers with a year of history) instead of through the payer index
            jdbc.sql("analyze dry_alloc_payer").update();
            jdbc.sql("""
                    insert into dry_alloc_before (payer_id, month, amount)
                    select a.payer_id, a.month, sum(a.amount)
                    from dry_alloc_payer k join payment_allocation a on a.payer_id = k.payer_id and a.month >= k.from_month
                    where k.from_month = :month
                    group by a.payer_id, a.month""").param("month", Date.valueOf(month)).update();
        }
    }

    /**
     * The payers whose allocation of a month other than {@code start} (the run's own) differs from what was kept, each
     * with those months (yyyy-MM, oldest first), in payer order.
     */
    List<BillingPreview.PaidMonthsChange> changes(LocalDate start) {
        return jdbc.sql("""
                with now as (
                    select a.payer_id, a.month, sum(a.amount) as amount
                    from dry_alloc_payer k join payment_allocation a on a.payer_id = k.payer_id and a.month >= k.from_month
                    group by a.payer_id, a.month),
                moved as (
                    select coalesce(n.payer_id, b.payer_id) as payer_id, coalesce(n.month, b.month) as month
                    from now n full join dry_alloc_before b on b.payer_id = n.payer_id and b.month = n.month
                    where coalesce(n.amount, 0) <> coalesce(b.amount, 0))
                select m.payer_id, p.code, array_agg(to_char(m.month, 'YYYY-MM') order by m.month) as months
                from moved m join registry_payer p on p.id = m.payer_id
                where m.month <> :start
                group by m.payer_id, p.code
                order by m.payer_id""")
                .param("start", Date.valueOf(start))
                .query((rs, n) -> new BillingPreview.PaidMonthsChange(rs.getString(2),
                        List.of((String[]) rs.getArray(3).getArray())))
                .list();
    }
}
