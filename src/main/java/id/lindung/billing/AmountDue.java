package id.lindung.billing;

import id.lindung.access.Actor;
import id.lindung.shared.Rupiah;
import java.util.List;

/**
 * What a bill asks the payer to pay: its own outstanding contribution, the contributions still unpaid of earlier
 * months, and every late fine accrued so far, its own and the earlier months', less the fines paid. A fine stays owed
 * once it has accrued, also on a month whose contribution was later paid in full (RULES.md 1.5: the fine is paid by the
 * employer "together with the next month's contributions"; issue 5: "shown on the next bill"), until a fine payment
 * ({@link FinePayments}) pays it. Contribution payments are never allocated to fines (decision 0003); fine payments
 * settle the fines oldest month first, so an earlier month whose fine is paid leaves the list. The PDF, the XLSX, the
 * bill page and the bill API all show this.
 *
 * @param earlier          the earlier months of the payer with an unpaid contribution or a fine still owed, oldest
 *                         first; each one's {@code fine} is what is still owed of it
 * @param arrears          the unpaid contributions of {@code earlier}
 * @param monthsInArrears  how many of {@code earlier} still have an unpaid contribution (the others only a fine)
 * @param finesAccrued     the bill's own fine plus the fines of every earlier month, paid or not
 * @param finesPaid        what fine payments paid of {@code finesAccrued}
 * @param fines            the fines still owed: {@code finesAccrued} less {@code finesPaid}
 * @param toPay            the bill's outstanding, the arrears and the fines still owed
 * @param finePaymentsLeft the fine payments up to the reading date that the fines up to this bill's month do not take:
 *                         on the payer's latest bill, money paid as fines beyond every fine, which happens when a
 *                         contribution payment recorded later but dated earlier lowered a fine already paid; shown,
 *                         never turned into credit (a BPJS officer reverses it and records it as a payment)
 */
public record AmountDue(List<BillSummary> earlier, Rupiah arrears, long monthsInArrears, Rupiah finesAccrued,
                        Rupiah finesPaid, Rupiah fines, Rupiah toPay, Rupiah finePaymentsLeft) {

    /** The amount due on {@code bill} given the payer's earlier bills (any order), with no fine paid. */
    public static AmountDue of(BillSummary bill, List<BillSummary> earlierBills) {
        return of(bill, earlierBills, Rupiah.ZERO);
    }

    /**
     * The amount due on {@code bill} given the payer's earlier bills (any order; those owing nothing are left out) and
     * the payer's fine payments up to the bill's reading date ({@code finePayments}), which pay the oldest fines first.
     * What they pay beyond the fines up to this bill's month stays with later months' fines.
     */
    public static AmountDue of(BillSummary bill, List<BillSummary> earlierBills, Rupiah finePayments) {
        List<BillSummary> earlier = new java.util.ArrayList<>();
        Rupiah arrears = Rupiah.ZERO;
        Rupiah accrued = bill.fine();
        Rupiah unspent = finePayments;
        long months = 0;
        for (BillSummary b : earlierBills.stream().filter(b -> b.month().isBefore(bill.month()))
                .sorted(java.util.Comparator.comparing(BillSummary::month)).toList()) {
            accrued = accrued.plus(b.fine());
            Rupiah paid = min(b.fine(), unspent);
            unspent = unspent.minus(paid);
            Rupiah owed = b.fine().minus(paid);
            if (b.outstanding().isGreaterThan(Rupiah.ZERO)) {
                arrears = arrears.plus(b.outstanding());
                months++;
            }
            if (b.outstanding().isGreaterThan(Rupiah.ZERO) || owed.isGreaterThan(Rupiah.ZERO)) {
                earlier.add(b.withFine(owed));
            }
        }
        Rupiah paidOwn = min(bill.fine(), unspent);
        Rupiah paid = finePayments.minus(unspent).plus(paidOwn);
        Rupiah fines = accrued.minus(paid);
        Rupiah own = bill.outstanding().isGreaterThan(Rupiah.ZERO) ? bill.outstanding() : Rupiah.ZERO;
        return new AmountDue(List.copyOf(earlier), arrears, months, accrued, paid, fines, own.plus(arrears).plus(fines),
                finePayments.minus(paid));
    }

    /**
     * {@code bill} with its own fine still owed (fine payments pay the earlier months' fines first): the last row of the
     * months a fine or an arrear comes from, under the totals.
     */
    public BillSummary owing(BillSummary bill) {
        return bill.withFine(earlier.stream().map(BillSummary::fine).reduce(fines, Rupiah::minus));
    }

    private static Rupiah min(Rupiah a, Rupiah b) {
        return a.isGreaterThan(b) ? b : a;
    }

    /** The same amounts with the earlier bills as {@code actor} may see them. */
    public AmountDue shownTo(Actor actor) {
        return new AmountDue(earlier.stream().map(b -> b.shownTo(actor)).toList(), arrears, monthsInArrears, finesAccrued,
                finesPaid, fines, toPay, finePaymentsLeft);
    }
}
