package id.lindung.billing;

import id.lindung.access.Actor;
import id.lindung.access.PersonalData;
import id.lindung.shared.Rupiah;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A bill as the API shows it: {@code total} is net of reversals, {@code paid} what allocations settled,
 * {@code fine} the late fine as of today on what is still unpaid (PU only).
 */
public record BillSummary(long id, String payer, String payerName, YearMonth month, Rupiah total, Rupiah paid,
                          Rupiah outstanding, Rupiah fine, LocalDate dueDate, long lineCount,
                          String verificationCode) {

    /**
     * The bill as the actor may see it ({@link PersonalData}): a self-paying worker's code ({@code SELF:<nik>}) only as
     * {@code SELF} for masked roles, and its name with the NIK as the same role sees it, so code and name agree.
     */
    public BillSummary shownTo(Actor actor) {
        return new BillSummary(id, PersonalData.payerCode(actor, payer), PersonalData.payerName(actor, payer, payerName), month,
                total, paid, outstanding, fine, dueDate, lineCount, verificationCode);
    }

    /** The same bill with {@code owed} as its fine: what is still owed of it once fine payments paid the rest ({@link AmountDue}). */
    public BillSummary withFine(Rupiah owed) {
        return new BillSummary(id, payer, payerName, month, total, paid, outstanding, owed, dueDate, lineCount, verificationCode);
    }
}
