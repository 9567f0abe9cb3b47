package id.lindung.billing;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Settles a payer's bill lines from its payments: oldest month first and, within a month, JKK, JKM,
 * JP, JHT, JKP (protection against accidents and death first), then by worker and share. Partial
 * payments leave the rest as arrears. Allocation is derived data: it is rebuilt from the first month
 * that changed, so a new payment, a reversal or a new bill line all end in the same state.
 */
@Component
class Allocation {

    static final String PROGRAM_ORDER = "case program when 'JKK' then 1 when 'JKM' then 2 when 'JP' then 3 when 'JHT' then 4 else 5 end";

    private final JdbcClient jdbc;
    private final BillBalances balances;

    Allocation(JdbcClient jdbc, BillBalances balances) {
        this.jdbc = jdbc;
        this.balances = balances;
    }

    /** After a run: the new lines are all in the run's month, so earlier months stay settled as they are. */
    void reallocatePayersOfRun(long runId, LocalDate month) {
        // the reallocation below rebuilds the balances of the payers that have paid: the run's refresh takes the others
        // (it took every payer of the run, and most of them were then rebuilt a second time)
        balances.refreshRun(runId, month, "not exists (select 1 from payment p where p.payer_id = l.payer_id and p.reversed_at is null)");
        // only payers that have paid something can have lines to settle or credit to move
        List<Long> payers = jdbc.sql("""
                select distinct l.payer_id from bill_line l
                where l.month = ? and l.run_id = ? and exists (select 1 from payment p where p.payer_id = l.payer_id and p.reversed_at is null)""")
                .params(Date.valueOf(month), runId).query(Long.class).list();
        if (!payers.isEmpty()) {
            reallocate(payers, month);
        }
    }

    /**
     * @param fromStart true after a payment was reversed: everything is recomputed, not only the months
     *                  that are not yet settled
     */
    void reallocate(long payerId, boolean fromStart) {
        lockPayers(List.of(payerId));
        LocalDate from = fromStart ? EPOCH : firstUnsettledMonth(payerId);
        if (from != null) {
            reallocate(List.of(payerId), from);
        }
    }

    /** Rebuilds the allocation of many payers at once from their first month (bulk payment imports, demo data). */
    void reallocateFully(java.util.Collection<Long> payerIds) {
        if (!payerIds.isEmpty()) {
            reallocate(List.copyOf(payerIds), EPOCH);
        }
    }

    private static final LocalDate EPOCH = LocalDate.of(1900, 1, 1);

    /** Namespace of the per-payer advisory locks (the first key of the two-key form). */
    private static final int PAYER_LOCK = 4343;
    /** Namespace of the one lock that a bulk change takes alone and every per-payer change shares. */
    private static final int ALL_PAYERS_LOCK = 4344;
    /** Above this many payers one exclusive lock replaces the per-payer ones (each lock takes shared memory). */
    static final int BULK_PAYERS = 500;

    /**
     * Serialises everything that changes the payers' payments or allocation until the transaction ends: two
     * payments to one payer at once would otherwise both rebuild its allocation from the same snapshot. A few payers
     * are locked one by one, in payer order (so two transactions cannot deadlock), under a shared "all payers" lock;
     * a bulk change (a national billing run, a large reconciliation file) takes that lock exclusively instead, since
     * PostgreSQL's lock table has room for a few thousand locks, not one per payer of the country.
     */
    void lockPayers(java.util.Collection<Long> payerIds) {
        Long[] sorted = payerIds.stream().distinct().sorted().toArray(Long[]::new);
        if (sorted.length > BULK_PAYERS) {
            jdbc.sql("select pg_advisory_xact_lock(:ns, 0)").param("ns", ALL_PAYERS_LOCK).query().rowSet();
        } else if (sorted.length > 0) {
            jdbc.sql("select pg_advisory_xact_lock_shared(:ns, 0)").param("ns", ALL_PAYERS_LOCK).query().rowSet();
            jdbc.sql("select pg_advisory_xact_lock(:ns, cast(k % 2147483647 as int)) from (select unnest(:payers) as k order by 1) s")
                    .param("ns", PAYER_LOCK).param("payers", sorted).query().rowSet();
        }
    }

    /** Settles the lines of the payers from month {@code from} on, with what their payments leave after earlier months. */
    private void reallocate(List<Long> payerIds, LocalDate from) {
        lockPayers(payerIds);
        Long[] payers = payerIds.toArray(Long[]::new);
        jdbc.sql("delete from payment_allocation where payer_id = any(:payers) and month >= :from")
                .param("payers", payers).param("from", Date.valueOf(from)).update();
        // the payers' running payment totals, indexed so each line finds the payment that completed it
        jdbc.sql("drop table if exists alloc_pay").update();
        jdbc.sql("""
                create temp table alloc_pay on commit drop as
                select payer_id, paid_on,
                       sum(amount) over (partition by payer_id order by paid_on, id rows unbounded preceding) as cum_pay
                from payment where payer_id = any(:payers) and reversed_at is null""").param("payers", payers).update();
        jdbc.sql("create index on alloc_pay (payer_id, cum_pay)").update();
        jdbc.sql("analyze alloc_pay").update();
        jdbc.sql("""
                insert into payment_allocation (bill_line_id, payer_id, month, amount, paid_on)
                with total as (
                    select p.payer_id, max(p.cum_pay) as paid, max(p.paid_on) as last_paid,
                           coalesce((select sum(a.amount) from payment_allocation a where a.payer_id = p.payer_id and a.month < :from), 0) as before
                    from alloc_pay p group by p.payer_id
                ), lines as (
                    select l.id, l.payer_id, l.month, l.worker_id, l.program, l.share, l.eff
                    from bill_line_effective l
                    where l.payer_id = any(:payers) and l.month >= :from
                ), ordered as (
                    select id, payer_id, month, eff,
                           sum(eff) over (partition by payer_id order by month, %s, worker_id, share, id rows unbounded preceding) as cum
                    from lines where eff > 0
                )
                select o.id, o.payer_id, o.month, least(o.eff, t.paid - t.before - (o.cum - o.eff)),
                       coalesce((select p.paid_on from alloc_pay p where p.payer_id = o.payer_id and p.cum_pay >= t.before + o.cum
                                  order by p.cum_pay limit 1), t.last_paid)
                from ordered o join total t on t.payer_id = o.payer_id
                where t.paid - t.before - (o.cum - o.eff) > 0""".formatted(PROGRAM_ORDER))
                .param("payers", payers).param("from", Date.valueOf(from)).update();
        jdbc.sql("drop table alloc_pay").update();
        refreshPaidMonths(payers, from);
        balances.refresh(payers, from);
    }

    private LocalDate firstUnsettledMonth(long payerId) {
        return jdbc.sql("""
                select min(l.month) from bill_line_effective l
                left join payment_allocation a on a.bill_line_id = l.id
                where l.payer_id = ? and coalesce(a.amount, 0) <> greatest(0, l.eff)""")
                .param(payerId).query(LocalDate.class).optional().orElse(null);
    }

    /** A worker's programme month is paid when every live line of it, whoever pays it, is settled. */
    private void refreshPaidMonths(Long[] payers, LocalDate from) {
        String touched = "(select distinct worker_id, program, month from bill_line where payer_id = any(:payers) and month >= :from)";
        jdbc.sql("delete from paid_month p using " + touched + " t where p.worker_id = t.worker_id and p.program = t.program and p.month = t.month")
                .param("payers", payers).param("from", Date.valueOf(from)).update();
        jdbc.sql("""
                insert into paid_month (worker_id, program, month, village_code, paid_on)
                select l.worker_id, l.program, l.month, max(l.village_code), max(a.paid_on)
                from %s t
                join bill_line_effective l on l.worker_id = t.worker_id and l.program = t.program and l.month = t.month
                left join payment_allocation a on a.bill_line_id = l.id
                group by l.worker_id, l.program, l.month
                having bool_and(l.eff <= 0 or coalesce(a.amount, 0) >= l.eff) and bool_or(l.eff > 0)""".formatted(touched))
                .param("payers", payers).param("from", Date.valueOf(from)).update();
    }
}
