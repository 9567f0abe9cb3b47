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
 *
 * <p>Beside it, not instead of it, {@link #fairFloor}: every kind of row a first run writes, each by one plain statement
 * into the real tables, so the ratio to it says what the run pays beyond writing its rows.
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

    /** The floor's select: every active term's lines with the month's rates ({@code floor_rate}) and arithmetic. */
    private static final String FLOOR_LINES = """
            select case m.share when 'EMPLOYER' then t.employer_payer_id else t.worker_payer_id end, :start,
                   t.worker_id, t.village_code, t.id, t.program, t.segment, %s, m.share, 'ORIGINAL', b.base, m.rate,
                   case when m.flat is not null then m.flat else round(b.base * m.rate, 0) end, 'floor'
            from registry_membership_term t
            join floor_rate m on m.program = t.program and m.segment = t.segment
                 and (m.risk_group is null or m.risk_group = t.risk_group)
                 and (m.labour_intensive is null or m.labour_intensive = t.labour_intensive)
            cross join lateral (select case when m.band_step is not null then greatest(m.band_min, least(m.band_max,
                    floor(t.wage / m.band_step) * m.band_step)) when m.base_cap is not null then least(t.wage, m.base_cap)
                    else t.wage end as base) b
            where t.valid_from < :next and (t.valid_to is null or t.valid_to > :start)""";

    private void loadRates(MonthRules r) {
        jdbc.sql("""
                create temp table floor_rate (program text, segment text, share text, risk_group text, labour_intensive boolean,
                    rate numeric, flat numeric, base_cap numeric, band_step numeric, band_min numeric, band_max numeric)
                    on commit drop""").update();
        List<Object[]> rows = r.rates().stream().map(x -> new Object[] {x.program(), x.segment(), x.share(), x.riskGroup(),
                x.labourIntensive(), x.rate(), x.flat(), x.baseCap(), x.bandStep(), x.bandMin(), x.bandMax()}).toList();
        template.batchUpdate("insert into floor_rate values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /** Lines and nanoseconds of the statement into a {@code kind} ("table", "temp table") like bill_line, rolled back. */
    private long[] write(MonthRules r, YearMonth month, String kind) {
        return tx.execute(status -> {
            status.setRollbackOnly();
            jdbc.sql("create " + kind + " floor_line (like bill_line including defaults including identity including indexes)").update();
            loadRates(r);
            long start = System.nanoTime();
            long lines = jdbc.sql("""
                    insert into floor_line (payer_id, month, worker_id, village_code, term_id, program, segment, due_date, share,
                                            kind, base, rate, amount, regulation_version)
                    """ + FLOOR_LINES.formatted(":due"))
                    .param("start", Date.valueOf(month.atDay(1))).param("next", Date.valueOf(month.plusMonths(1).atDay(1)))
                    .param("due", Date.valueOf(r.puDueDate())).update();
            return new long[] {lines, System.nanoTime() - start};
        });
    }

    /**
     * The fair floor: seconds of its three parts, and the rows it wrote. Beside the floor's lines, the other rows a
     * first run must write, each by one plain statement: the bills with their final codes and their first versions
     * (total, live lines and digest per payer, with {@code bill_content}'s expressions), and the balances with the
     * month's totals per region.
     */
    public record FairFloor(long lines, long bills, long balances, double linesSeconds, double billsSeconds, double balancesSeconds) {

        public double seconds() {
            return linesSeconds + billsSeconds + balancesSeconds;
        }
    }

    /**
     * The fair floor of {@code month} (a month not billed yet): plain {@code INSERT ... SELECT}s that write the rows a
     * first run writes into the real tables ({@code bill_line}, {@code bill}, {@code bill_version}, {@code bill_balance},
     * {@code bill_month_total}) with all their indexes, constraints, foreign keys and change-log triggers, in a
     * transaction that is rolled back, as the import's fair floor copies into the real tables. What it leaves out is
     * what only a run does: the chunks, relief and deferred JP, the comparison with earlier runs, the checks, the
     * code collisions, the audit, {@code payer_arrears} and the allocation of payers who have paid. Afterwards the
     * identity sequences it drew from are set back and the tables vacuumed, so the run measured next draws the same
     * ids (the same bills, so the same codes) and writes into tables without the rolled-back rows.
     */
    public FairFloor fairFloor(YearMonth month) {
        MonthRules r = rules.forMonth(month);
        List<String> sequences = List.of("bill_line", "bill", "bill_version").stream()
                .map(t -> jdbc.sql("select pg_get_serial_sequence(?, 'id')").param(t).query(String.class).single()).toList();
        List<Object[]> drawn = sequences.stream().map(q -> jdbc.sql("select last_value, is_called from " + q)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getBoolean(2)}).single()).toList();
        FairFloor result = tx.execute(status -> {
            status.setRollbackOnly();
            loadRates(r);
            Date start = Date.valueOf(month.atDay(1));
            long after = jdbc.sql("select coalesce(max(id), 0) from bill_line").query(Long.class).single();
            long t0 = System.nanoTime();
            long lines = jdbc.sql("""
                    insert into bill_line (payer_id, month, worker_id, village_code, term_id, program, segment, due_date, share,
                                           kind, base, rate, amount, regulation_version)
                    """ + FLOOR_LINES.formatted("case t.segment when 'BPU' then cast(:bpuDue as date) else cast(:puDue as date) end"))
                    .param("start", start).param("next", Date.valueOf(month.plusMonths(1).atDay(1)))
                    .param("bpuDue", Date.valueOf(r.bpuDueDate())).param("puDue", Date.valueOf(r.puDueDate())).update();
            long t1 = System.nanoTime();
            jdbc.sql("""
                    create temp table floor_bill on commit drop as
                    select nextval('%s') as id, c.* from (
                        select l.payer_id, p.region_code, min(l.due_date) as due_date, sum(l.amount) as total, count(*) as line_count,
                               encode(sha256(convert_to(string_agg(
                                   l.worker_id || '|' || l.program || '|' || l.share || '|' || l.segment || '|' || l.base || '|'
                                       || coalesce(l.rate::text, '') || '|' || l.amount,
                                   E'\n' order by l.worker_id, l.program, l.share, l.segment, l.base, l.rate, l.amount), 'UTF8')), 'hex') as digest
                        from bill_line l join registry_payer p on p.id = l.payer_id
                        where l.id > :after group by l.payer_id, p.region_code order by l.payer_id) c"""
                    .formatted(sequences.get(1).replace("'", "''"))).param("after", after).update();
            long bills = jdbc.sql("""
                    insert into bill (id, payer_id, payer_region_code, month, due_date, verification_code) overriding system value
                    select id, payer_id, region_code, :month, due_date, bill_version_code(id, 1, total, digest, 0) from floor_bill order by id""")
                    .param("month", start).update();
            jdbc.sql("""
                    insert into bill_version (bill_id, version, code, total, line_count, digest, issued_on)
                    select id, 1, bill_version_code(id, 1, total, digest, 0), total, line_count, digest, current_date from floor_bill order by id""")
                    .update();
            long t2 = System.nanoTime();
            long balances = jdbc.sql("""
                    insert into bill_balance (payer_id, month, due_date, total, paid, owed)
                    select payer_id, month, due_date, sum(amount), 0, sum(amount) from bill_line where id > :after
                    group by payer_id, month, due_date""").param("after", after).update();
            jdbc.sql("""
                    insert into bill_month_total as t (month, region_code, kind, unpaid, bills, total, paid)
                    select :month, b.region_code, p.kind, b.total > 0, count(*), sum(b.total), 0
                    from floor_bill b join registry_payer p on p.id = b.payer_id
                    group by b.region_code, p.kind, b.total > 0
                    on conflict (month, region_code, kind, unpaid) do update
                    set bills = t.bills + excluded.bills, total = t.total + excluded.total""").param("month", start).update();
            long t3 = System.nanoTime();
            return new FairFloor(lines, bills, balances, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
        });
        for (int i = 0; i < sequences.size(); i++) {
            jdbc.sql("select setval(cast(? as regclass), ?, ?)").params(sequences.get(i), drawn.get(i)[0], drawn.get(i)[1]).query().rowSet();
        }
        for (String table : List.of("bill_line", "billed_month", "bill", "bill_version", "bill_balance", "bill_month_total",
                "billing_village_change")) {
            jdbc.sql("vacuum " + table).update();
        }
        return result;
    }
}
