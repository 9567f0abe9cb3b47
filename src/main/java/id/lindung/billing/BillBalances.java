package id.lindung.billing;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code bill_balance}: per bill and due date, its total, what is paid and what is owed. Rebuilt from the
 * lines and allocations of the payers and months that changed, in the same transaction as the change, so a list of
 * bills never sums the lines of a whole country to answer.
 */
@Component
class BillBalances {

    /*
     * owed: a live line's effective amount (bill_line_effective.eff: the amount and its reversals) less its allocation.
     * The reversals are summed per line by a lateral aggregate (one probe of bill_line_reverses_idx) instead of joining
     * bill_line_effective back to each line (a primary-key probe more per line and a plan built around it; issue 16,
     * docs/benchmarks.md "Billing in the suite"). Same values.
     */
    private static final String AGGREGATE = """
            insert into bill_balance (payer_id, month, due_date, total, paid, owed)
            select l.payer_id, l.month, l.due_date, sum(l.amount), coalesce(sum(a.amount), 0),
                   coalesce(sum(l.amount + r.reversed - coalesce(a.amount, 0)) filter (where l.kind <> 'REVERSAL'), 0)
            from bill_line l
            left join payment_allocation a on a.bill_line_id = l.id
            cross join lateral (select coalesce(sum(x.amount), 0) as reversed from bill_line x where x.reverses_line_id = l.id) r
            where %s
            group by l.payer_id, l.month, l.due_date""";

    private final JdbcClient jdbc;

    BillBalances(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** After allocation changed: the payers' bills from month {@code from} on. */
    void refresh(Long[] payers, LocalDate from) {
        jdbc.sql("delete from bill_balance where payer_id = any(:payers) and month >= :from")
                .param("payers", payers).param("from", Date.valueOf(from)).update();
        jdbc.sql(AGGREGATE.formatted("l.payer_id = any(:payers) and l.month >= :from"))
                .param("payers", payers).param("from", Date.valueOf(from)).update();
    }

    /** After a billing run added lines: the bills of the month that the run touched, of the payers {@code which} keeps. */
    void refreshRun(long runId, LocalDate month, String which) {
        String touched = "(select distinct l.payer_id from bill_line l where l.month = :month and l.run_id = :run and " + which + ")";
        jdbc.sql("delete from bill_balance b where b.month = :month and b.payer_id in " + touched)
                .param("month", Date.valueOf(month)).param("run", runId).update();
        jdbc.sql(AGGREGATE.formatted("l.month = :month and l.payer_id in " + touched))
                .param("month", Date.valueOf(month)).param("run", runId).update();
    }

    /** Every payer's bills, e.g. after demo data was written directly. */
    void refreshAll(Collection<Long> payers) {
        if (!payers.isEmpty()) {
            refresh(payers.toArray(Long[]::new), LocalDate.of(1900, 1, 1));
        }
    }
}
