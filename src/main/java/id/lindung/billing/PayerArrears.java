package id.lindung.billing;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code payer_arrears} (V130): the payers more than one month in arrears as of one day, per payer, so the
 * arrears escalation sorts the payers in arrears instead of summing every overdue balance of the scope per request.
 * Billing recomputes the payers whose balances it rebuilds ({@link #refresh}); a request for a day that a due date
 * separates from the rows' day rebuilds them all ({@link #usableFor}), which the daily job ({@link PayerArrearsJob})
 * does ahead of the first request, so a request rebuilds only when the job could not (billing held the lock, the
 * server was down at 00:05).
 */
@Component
class PayerArrears {

    /** Advisory lock namespace: billing's refreshes share it, a rebuild takes it alone. */
    private static final int LOCK = 4343;

    /*
     * The same figures the direct statement (Escalations.SQL) gives: per payer-month the balances due before the day,
     * of the payer-months with something owed on one of them (bill_balance_owed_idx), counted where still owed.
     */
    private static final String COMPUTE = """
            insert into payer_arrears (payer_id, region_code, kind, code, months, outstanding, oldest_due)
            with owed as (
                select bb.payer_id, bb.month, min(bb.due_date) as due_date, sum(bb.owed) as outstanding
                from bill_balance bb
                where bb.due_date < :asOf and %1$s
                  and (bb.payer_id, bb.month) in (%2$s)
                group by bb.payer_id, bb.month
            )
            select p.id, p.region_code, p.kind, p.code, count(*), sum(o.outstanding), min(o.due_date)
            from owed o join registry_payer p on p.id = o.payer_id
            where o.outstanding > 0
            group by p.id, p.region_code, p.kind, p.code
            having count(*) > 1""";

    /** Every payer-month with something owed before the day: a rebuild's. */
    private static final String OWED = "select u.payer_id, u.month from bill_balance u where u.owed <> 0 and u.due_date < :asOf";

    /*
     * The listed payers' months with something owed, read per payer through the balances' key (a lateral subquery kept
     * apart by offset 0). As a semi join with the list, the planner read every balance of the history to hash it
     * against a payment file's payers (1,024,518 rows for 3,998 payers at 500,000 workers with thirteen months).
     */
    private static final String OWED_OF_LISTED = """
            select u.payer_id, u.month from arrears_payer ap
            cross join lateral (select u.payer_id, u.month from bill_balance u
                                where u.payer_id = ap.payer_id and u.owed <> 0 and u.due_date < :asOf offset 0) u""";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    PayerArrears(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * After billing rebuilt balances: the payers of the rebuilt rows ({@code touched}, an SQL condition on
     * {@code bill_balance t}) are computed again as of the rows' day, in the caller's transaction; only those with a
     * rebuilt row due before that day. A payer's rows are computed from its balances due before the day, and a rebuild
     * never removes a balance row: lines are append-only and balances are grouped from them by payer, month and due
     * date, so every row there was is there again. A rebuilt row due later was due later before, and the payer's
     * arrears stand; so a month's run before its due dates (the scheduled run) recomputes none (it recomputed every
     * payer of the month: 2.0 s at 57,404 payers).
     */
    void refresh(String touched, Map<String, ?> params) {
        // a rebuild changes the day and every row: it waits for refreshes in progress, and they for it
        jdbc.sql("select pg_advisory_xact_lock_shared(:ns, 0)").param("ns", LOCK).query().rowSet();
        LocalDate asOf = jdbc.sql("select as_of from payer_arrears_state where id = 1").query(LocalDate.class).single();
        jdbc.sql("drop table if exists arrears_payer").update();
        long payers = jdbc.sql("create temp table arrears_payer on commit drop as select distinct t.payer_id from bill_balance t where ("
                        + touched + ") and t.due_date < :asOf").params(params).param("asOf", Date.valueOf(asOf)).update();
        if (payers > 0) {
            jdbc.sql("analyze arrears_payer").update();
            String in = "%s in (select payer_id from arrears_payer)";
            jdbc.sql("delete from payer_arrears where " + in.formatted("payer_id")).update();
            jdbc.sql(COMPUTE.formatted(in.formatted("bb.payer_id"), OWED_OF_LISTED)).param("asOf", Date.valueOf(asOf)).update();
        }
        jdbc.sql("drop table arrears_payer").update();
    }

    /**
     * Whether the rows answer for {@code asOf}: no balance falls due between their day and it. When one does and
     * {@code rebuild} is set, they are rebuilt as of {@code asOf} first (in a transaction of their own), unless billing
     * is changing them right now.
     */
    boolean usableFor(LocalDate asOf, boolean rebuild) {
        if (sameAs(asOf)) {
            return true;
        }
        if (!rebuild) {
            return false;
        }
        // a billing run holds the shared lock until it commits (minutes): the request does not wait for it, it is
        // answered directly and a later request rebuilds
        return Boolean.TRUE.equals(tx.execute(s -> {
            if (!jdbc.sql("select pg_try_advisory_xact_lock(:ns, 0)").param("ns", LOCK).query(Boolean.class).single()) {
                return false;
            }
            if (!sameAs(asOf)) { // another request may have rebuilt them meanwhile
                rebuild(asOf);
            }
            return true;
        }));
    }

    /**
     * Ahead of the day's requests (the daily job, start-up): the rows rebuilt as of {@code asOf} unless no due date
     * separates them from it. Unlike a request it waits for a billing run in progress to commit. True when rebuilt.
     */
    boolean rebuildIfStale(LocalDate asOf) {
        if (sameAs(asOf)) {
            return false;
        }
        return Boolean.TRUE.equals(tx.execute(s -> {
            jdbc.sql("select pg_advisory_xact_lock(:ns, 0)").param("ns", LOCK).query().rowSet();
            if (sameAs(asOf)) { // a request rebuilt them while this waited
                return false;
            }
            rebuild(asOf);
            return true;
        }));
    }

    /** The day the rows were computed for. */
    LocalDate asOf() {
        return jdbc.sql("select as_of from payer_arrears_state where id = 1").query(LocalDate.class).single();
    }

    /** Every row again as of {@code asOf}; the caller holds the exclusive lock. */
    private void rebuild(LocalDate asOf) {
        jdbc.sql("delete from payer_arrears").update();
        jdbc.sql(COMPUTE.formatted("true", OWED)).param("asOf", Date.valueOf(asOf)).update();
        jdbc.sql("update payer_arrears_state set as_of = ? where id = 1").param(Date.valueOf(asOf)).update();
    }

    private boolean sameAs(LocalDate asOf) {
        return jdbc.sql("""
                select s.as_of = :asOf or not exists (
                    select 1 from bill_balance b where b.due_date >= least(s.as_of, :asOf) and b.due_date < greatest(s.as_of, :asOf))
                from payer_arrears_state s where s.id = 1""").param("asOf", Date.valueOf(asOf)).query(Boolean.class).single();
    }
}
