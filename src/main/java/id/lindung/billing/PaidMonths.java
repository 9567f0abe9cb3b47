package id.lindung.billing;

import java.sql.Date;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The paid facts of workers' programme months ({@code paid_month}), recomputed for the months an allocation or a
 * billing run touched. Apart from {@link Allocation} because a month's fact depends on every payer's lines of it, not
 * on one payer's money, and a run's payers with nothing to allocate change these facts without any allocation.
 */
@Component
class PaidMonths {

    private final JdbcClient jdbc;

    PaidMonths(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /*
     * A worker's programme month is paid when every live line of it is settled, whoever pays them; its lines can come
     * from several payers (a move during the month, billed in both areas). A new line of a payer with nothing to
     * allocate (RunPayers.of) changes no allocation, yet it decides whether such a month is paid: a new unpaid line
     * makes a paid month unpaid, and a reversal of the only unpaid line makes it paid, on the date of its last
     * allocation. Only a month with an allocated line can be or have been paid, so only those months are recomputed.
     * A first run's month has no earlier line in the run's area: its candidates are the month's few allocations
     * (V151's index; none in a national first run), each probed for a new line of such a payer, instead of the
     * run's every line. A re-run's new lines are few: each month of one is probed for an allocated line. The paying
     * payers' own months are settled by their allocation after this.
     */
    void settleMonthsOfUnpayingLines(LocalDate month, long linesAfter, boolean firstRunMonth) {
        String unpaying = RunPayers.in(RunPayers.UNPAYING).formatted("l.payer_id");
        String touched = firstRunMonth ? """
                select distinct x.worker_id, x.program, x.month from payment_allocation a join bill_line x on x.id = a.bill_line_id
                where a.month = :month
                  and exists (select 1 from bill_line l where l.month = x.month and l.worker_id = x.worker_id and l.program = x.program
                                and l.id > :after and %s)""".formatted(unpaying) : """
                select distinct l.worker_id, l.program, l.month from bill_line l
                where l.id > :after and l.month = :month and %s
                  and exists (select 1 from bill_line x join payment_allocation a on a.bill_line_id = x.id
                              where x.month = l.month and x.worker_id = l.worker_id and x.program = l.program)""".formatted(unpaying);
        refreshPaidMonths(touched, java.util.Map.of("month", Date.valueOf(month), "after", linesAfter), false);
    }

    /**
     * A worker's programme month is paid when every live line of it, whoever pays it, is settled. The facts of the
     * touched months are computed once (each line's reversals summed once) and only those that change are written:
     * a payment usually completes one month, and the history's facts stay as they are.
     *
     * <p>After a billing run the touched keys are every line of the paying payers from the run's month: mostly new,
     * unpaid lines. A paid key has a line with a positive effective amount that is allocated at least that amount, so
     * only keys with an allocated line can be paid: those are found from the allocations since {@code from}
     * (V151's index) and only they are computed line by line; every other touched key is not paid, and the delete
     * below removes its fact as before. The same facts as computing every touched key (issue 16: the run computed
     * every line of the month of every paying payer, three index probes each, to find the few with credit).
     *
     * @param touched       the (worker, programme, month) keys to recompute, a select with the named {@code params}
     * @param allocatedOnly compute only the touched keys with an allocated line since the parameter {@code from} (see above)
     */
    void refreshPaidMonths(String touched, java.util.Map<String, ?> params, boolean allocatedOnly) {
        jdbc.sql("drop table if exists paid_touched, paid_new, paid_candidate").update();
        long touchedKeys = jdbc.sql("""
                create temp table paid_touched on commit drop as
                """ + touched).params(params).update();
        jdbc.sql("analyze paid_touched").update();
        String candidates = "paid_touched";
        if (allocatedOnly) {
            // from the smaller side: the allocations since `from` (few in a run's new month) probed for a touched key,
            // or each touched key probed for an allocated line (a run that also settles an earlier month, a death's
            // reversals: a month of allocations against a few payers' keys). Left to the planner, the second was a
            // hash of every allocation since that month, 1.2-1.8 s for 16-19 payers at 200,000 workers; counting stops
            // at the number of keys, so the choice costs at most that many rows of the month index
            long allocations = jdbc.sql("select count(*) from (select 1 from payment_allocation where month >= :from limit :keys) a")
                    .param("from", params.get("from")).param("keys", touchedKeys + 1).query(Long.class).single();
            jdbc.sql(allocations <= touchedKeys ? """
                    create temp table paid_candidate on commit drop as
                    select t.worker_id, t.program, t.month from paid_touched t
                    where (t.worker_id, t.program, t.month) in (
                        select x.worker_id, x.program, x.month from payment_allocation a join bill_line x on x.id = a.bill_line_id
                        where a.month >= :from)""" : """
                    create temp table paid_candidate on commit drop as
                    select t.worker_id, t.program, t.month from paid_touched t
                    -- a subquery with a limit runs once per key, through the lines' month index and the allocations' key
                    where t.month >= :from
                      and (select 1 from bill_line x join payment_allocation a on a.bill_line_id = x.id
                           where x.month = t.month and x.worker_id = t.worker_id and x.program = t.program limit 1) is not null""")
                    .param("from", params.get("from")).update();
            jdbc.sql("analyze paid_candidate").update();
            candidates = "paid_candidate";
        }
        // each line's allocation by one key probe (BillBalances.ALLOCATION_PER_LINE): joined, the planner hashed a
        // province file's 138,783 lines and read every allocation of the history to probe them (12.9 million rows,
        // 1.3 s of 2.0 s at 500,000 workers with thirteen months); the keys are the change's, never the history's
        jdbc.sql("""
                create temp table paid_new on commit drop as
                select l.worker_id, l.program, l.month, max(l.village_code) as village_code, max(a.paid_on) as paid_on
                from %s t
                join bill_line l on l.worker_id = t.worker_id and l.program = t.program and l.month = t.month and l.kind <> 'REVERSAL'
                cross join lateral (select l.amount + coalesce(sum(x.amount), 0) as eff from bill_line x where x.reverses_line_id = l.id) r
                %s
                group by l.worker_id, l.program, l.month
                having bool_and(r.eff <= 0 or coalesce(a.amount, 0) >= r.eff) and bool_or(r.eff > 0)""".formatted(candidates,
                BillBalances.ALLOCATION_PER_LINE)).update();
        // the touched facts no longer paid, as a set difference (hashed once): written as a "not exists" after the join
        // with paid_month, whose estimate for the run's recent months was one row, it was planned as a nested loop
        // scanning every new fact once per touched fact (6,318 x 3,160 rows, 1.8 s for 35 payers whose December was
        // settled again at 500,000 workers; analysing and keying paid_new did not change that plan)
        jdbc.sql("""
                delete from paid_month p
                using (select worker_id, program, month from paid_touched
                       except select worker_id, program, month from paid_new) t
                where p.worker_id = t.worker_id and p.program = t.program and p.month = t.month""")
                .update();
        // An update and an insert rather than "on conflict (worker_id, program, month)": distributed by region (the
        // partitioned shape, Citus) the unique key also holds village_code, and no conflict target fits both shapes.
        jdbc.sql("""
                update paid_month p set village_code = n.village_code, paid_on = n.paid_on
                from paid_new n
                where p.worker_id = n.worker_id and p.program = n.program and p.month = n.month
                  and (p.village_code, p.paid_on) is distinct from (n.village_code, n.paid_on)""").update();
        jdbc.sql("""
                insert into paid_month (worker_id, program, month, village_code, paid_on)
                select n.worker_id, n.program, n.month, n.village_code, n.paid_on from paid_new n
                where not exists (select 1 from paid_month p where p.worker_id = n.worker_id and p.program = n.program and p.month = n.month)
                order by n.worker_id, n.program, n.month""").update();
        jdbc.sql("drop table if exists paid_touched, paid_new, paid_candidate").update();
    }
}
