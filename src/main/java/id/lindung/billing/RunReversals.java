package id.lindung.billing;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reversals a run has written so far (lines above {@code after} that reverse another), summed per reversed line in
 * the temporary table {@code run_reversal}, keyed by the reversed line, for the statements that sum a run's lines with
 * their reversals (a new bill's first version, the balances of the bills a run created).
 *
 * <p>Written inline as a grouped subquery, the reversals were planned on the estimate of the run's lines, which is
 * one row before the month is analysed (every billed month is in the month column's common values, so a new one has
 * none): a nested loop that scanned every reversal ever written once per line of the run. 20.3 s of a run's 27 s
 * "bills with their first versions" at 500,000 workers with a year of history and 110 reversals, growing with both
 * (docs/benchmarks.md, "Twelve months of history"). Staged here, a run with no reversals (a first run: a death's
 * reversals come after its bills) joins nothing, and one with reversals probes this table's key.
 */
final class RunReversals {

    private RunReversals() {}

    /** Stages the run's reversals; returns how many lines they reverse. */
    static long stage(JdbcClient jdbc, long after) {
        jdbc.sql("drop table if exists run_reversal").update();
        long reversed = jdbc.sql("""
                create temp table run_reversal on commit drop as
                select reverses_line_id, sum(amount) as reversed from bill_line
                where id > :after and reverses_line_id is not null group by reverses_line_id""")
                .param("after", after).update();
        if (reversed > 0) {
            jdbc.sql("alter table run_reversal add primary key (reverses_line_id)").update();
            jdbc.sql("analyze run_reversal").update();
        }
        return reversed;
    }

    /**
     * The join giving each line {@code l} its reversed amount as {@code x.reversed} (null when not reversed), or
     * nothing when {@code reversed} (what {@link #stage} returned) is 0: then {@code x.reversed} is a null constant.
     */
    static String join(long reversed) {
        return reversed > 0 ? "left join run_reversal x on x.reverses_line_id = l.id"
                : "cross join (select cast(null as numeric) as reversed) x";
    }
}
