package id.lindung.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A bill as the API shows it: {@code total} is net of reversals, {@code paid} what allocations settled,
 * {@code fine} the late fine as of today on what is still unpaid (PU only).
 */
public record BillSummary(long id, String payer, String payerName, String month, BigDecimal total, BigDecimal paid,
                          BigDecimal outstanding, BigDecimal fine, LocalDate dueDate, long lineCount,
                          String verificationCode) {}
