package id.lindung.billing;

import id.lindung.access.Actor;
import id.lindung.registry.NikPolicy;
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

    /** The bill as the actor may see it: a self-paying worker's code ({@code SELF:<nik>}) only as {@code SELF} for masked roles. */
    public BillSummary shownTo(Actor actor) {
        String shown = NikPolicy.showPayer(actor, payer);
        return shown.equals(payer) ? this : new BillSummary(id, shown, payerName, month, total, paid, outstanding, fine, dueDate,
                lineCount, verificationCode);
    }
}
