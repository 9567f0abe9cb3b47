package id.lindung.billing;

import id.lindung.access.Actor;
import id.lindung.shared.Rupiah;
import java.util.List;

/**
 * What a bill asks the payer to pay: its own outstanding contribution, the contributions still unpaid of earlier
 * months, and every late fine accrued so far, its own and the earlier months'. A fine stays owed once it has accrued,
 * also on a month whose contribution was later paid in full (RULES.md 1.5: the fine is paid by the employer "together
 * with the next month's contributions"; issue 5: "shown on the next bill"); payments are never allocated to fines
 * (decision 0003), so a later bill keeps showing it. The PDF, the XLSX, the bill page and the bill API all show this.
 *
 * @param earlier          the earlier months of the payer with an unpaid contribution or a fine, oldest first
 * @param arrears          the unpaid contributions of {@code earlier}
 * @param monthsInArrears  how many of {@code earlier} still have an unpaid contribution (the others only a fine)
 * @param fines            the bill's own fine plus the fines of {@code earlier}
 * @param toPay            the bill's outstanding, the arrears and the fines
 */
public record AmountDue(List<BillSummary> earlier, Rupiah arrears, long monthsInArrears, Rupiah fines, Rupiah toPay) {

    /** The amount due on {@code bill} given the payer's earlier bills (any order; those owing nothing are left out). */
    public static AmountDue of(BillSummary bill, List<BillSummary> earlierBills) {
        List<BillSummary> earlier = earlierBills.stream()
                .filter(b -> b.month().isBefore(bill.month()))
                .filter(b -> b.outstanding().isGreaterThan(Rupiah.ZERO) || b.fine().isGreaterThan(Rupiah.ZERO))
                .sorted(java.util.Comparator.comparing(BillSummary::month)).toList();
        Rupiah arrears = Rupiah.ZERO;
        Rupiah fines = bill.fine();
        long months = 0;
        for (BillSummary b : earlier) {
            if (b.outstanding().isGreaterThan(Rupiah.ZERO)) {
                arrears = arrears.plus(b.outstanding());
                months++;
            }
            fines = fines.plus(b.fine());
        }
        Rupiah own = bill.outstanding().isGreaterThan(Rupiah.ZERO) ? bill.outstanding() : Rupiah.ZERO;
        return new AmountDue(earlier, arrears, months, fines, own.plus(arrears).plus(fines));
    }

    /** The same amounts with the earlier bills as {@code actor} may see them. */
    public AmountDue shownTo(Actor actor) {
        return new AmountDue(earlier.stream().map(b -> b.shownTo(actor)).toList(), arrears, monthsInArrears, fines, toPay);
    }
}
