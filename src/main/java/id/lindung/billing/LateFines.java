package id.lindung.billing;

/**
 * The late weight of a bill's PU contribution in SQL ({@code pu_late}: rupiah times months late), which times the month's
 * fine rate is the bill's fine (docs/rounding.md). Each rupiah is late from the due date until the day it was paid, or
 * until {@code :asOf} while unpaid: RULES.md 1.5, "2% per month of delay, on the contribution that should have been
 * paid".
 *
 * <p>A line can be settled by several payments, each on its own date, and each pays its part of the line late by its own
 * months: reading the whole line as paid on the date of the payment that completed it made a Rp 1 payment raise the fine
 * on money paid months before (review of 6 December 2026: a Rp 1 payment on 7 December moved a September bill's fine
 * from 11,272 to 11,494). The allocation knows which payments paid each line (it fills the lines from the payer's
 * payments in date order) and keeps the paid part's weight in {@code payment_allocation.late} when it writes the line
 * ({@link Allocation#ALLOC_NEW}, V177); the part still unpaid is late until {@code :asOf}.
 *
 * <p>Why kept and not traced when read: tracing each line's money back to its payments on every read made an 11,776-line
 * APBD bill take 1.10-2.21 s instead of 0.15-0.53 s, and a page of 50 bills 0.41-0.97 s instead of 0.16-0.62 s
 * (docs/benchmarks.md, "A bill's fine kept with the allocation").
 */
final class LateFines {

    private LateFines() {}

    /** The expression, for the bill of payer {@code payer} and month {@code month} (SQL expressions of the outer query). */
    static String puLate(String payer, String month) {
        return """
                coalesce((select sum(greatest(x.eff - coalesce(a.amount, 0), 0) * months_late(x.due_date, :asOf) + coalesce(a.late, 0))
                          from bill_line_effective x left join payment_allocation a on a.bill_line_id = x.id
                          where x.payer_id = {payer} and x.month = {month} and x.eff > 0 and x.segment = 'PU'), 0)"""
                .replace("{payer}", payer).replace("{month}", month);
    }
}
