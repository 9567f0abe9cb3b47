package id.lindung.billing;

import java.sql.Date;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The floor a billing run is measured against in the benchmark suite (issue 16): one {@code INSERT ... SELECT} that
 * writes a month's lines for every active membership with the same rates and arithmetic into a table shaped and
 * indexed like {@code bill_line}, in a transaction that is rolled back. It is what any run must at least pay: it reads
 * the active terms once and writes each line once, with no bills, no comparison with earlier runs, no balances and no
 * audit.
 *
 * <p>The table is an ordinary (logged) table, as in {@code BillingRunBenchmark}, whose 1.33x the target was set
 * from: the run writes {@code bill_line}, whose every row and index entry goes through the write-ahead log, so a floor
 * that does not is not the same work. The same statement into a temporary table (no write-ahead log, the session's own
 * buffers), the suite's floor until 2 December 2026, is measured first and reported beside it.
 */
@Service
public class BillingFloor {

    /**
     * Lines the floor wrote and its seconds into an ordinary table like {@code bill_line}; {@code temporarySeconds}: the
     * same statement into a temporary table.
     */
    public record Floor(long lines, double seconds, double temporarySeconds) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;
    private final MonthRulesSource rules;

    BillingFloor(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, MonthRulesSource rules) {
        this.jdbc = jdbc;
        this.template = template;
        this.tx = tx;
        this.rules = rules;
    }

    public Floor measure(YearMonth month) {
        MonthRules r = rules.forMonth(month);
        long[] temporary = write(r, month, "temp table");
        long[] logged = write(r, month, "table");
        return new Floor(logged[0], logged[1] / 1e9, temporary[1] / 1e9);
    }

    /** Lines and nanoseconds of the statement into a {@code kind} ("table", "temp table") like bill_line, rolled back. */
    private long[] write(MonthRules r, YearMonth month, String kind) {
        return tx.execute(status -> {
            status.setRollbackOnly();
            jdbc.sql("create " + kind + " floor_line (like bill_line including defaults including identity including indexes)").update();
            jdbc.sql("""
                    create temp table floor_rate (program text, segment text, share text, risk_group text, labour_intensive boolean,
                        rate numeric, flat numeric, base_cap numeric, band_step numeric, band_min numeric, band_max numeric)
                        on commit drop""").update();
            List<Object[]> rows = r.rates().stream().map(x -> new Object[] {x.program(), x.segment(), x.share(), x.riskGroup(),
                    x.labourIntensive(), x.rate(), x.flat(), x.baseCap(), x.bandStep(), x.bandMin(), x.bandMax()}).toList();
            template.batchUpdate("insert into floor_rate values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
            long start = System.nanoTime();
            long lines = jdbc.sql("""
                    insert into floor_line (payer_id, month, worker_id, village_code, term_id, program, segment, due_date, share,
                                            kind, base, rate, amount, regulation_version)
                    select case m.share when 'EMPLOYER' then t.employer_payer_id else t.worker_payer_id end, :start,
                           t.worker_id, t.village_code, t.id, t.program, t.segment, :due, m.share, 'ORIGINAL', b.base, m.rate,
                           case when m.flat is not null then m.flat else round(b.base * m.rate, 0) end, 'floor'
                    from registry_membership_term t
                    join floor_rate m on m.program = t.program and m.segment = t.segment
                         and (m.risk_group is null or m.risk_group = t.risk_group)
                         and (m.labour_intensive is null or m.labour_intensive = t.labour_intensive)
                    cross join lateral (select case when m.band_step is not null then greatest(m.band_min, least(m.band_max,
                            floor(t.wage / m.band_step) * m.band_step)) when m.base_cap is not null then least(t.wage, m.base_cap)
                            else t.wage end as base) b
                    where t.valid_from < :next and (t.valid_to is null or t.valid_to > :start)""")
                    .param("start", Date.valueOf(month.atDay(1))).param("next", Date.valueOf(month.plusMonths(1).atDay(1)))
                    .param("due", Date.valueOf(r.puDueDate())).update();
            return new long[] {lines, System.nanoTime() - start};
        });
    }
}
