package id.lindung.claim;

import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.TextRules;
import id.lindung.shared.Rupiah;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a payment, of a case or of a scholarship year: a reference, a date not in the future (and, for a case, not
 * before its file was complete), the exact amount.
 */
final class PaymentRules {

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    private PaymentRules() {}

    /** Refuses (400) a payment without reference, date or amount, or dated after today. */
    static void requireComplete(ClaimRequests.PaymentInput p, LocalDate today) {
        if (p == null) {
            throw new InvalidInputException("payment", "REQUIRED", "payment (reference, date, amount) is required");
        }
        List<InputProblem> problems = new ArrayList<>();
        TextRules.check("payment.reference", p.reference(), TextRules.Kind.LINE, 100, true).ifPresent(problems::add);
        if (p.date() == null) {
            problems.add(InputProblem.of("payment.date", "REQUIRED", "payment.date is required"));
        } else if (p.date().isAfter(today)) {
            problems.add(InputProblem.of("payment.date", "PAYMENT_IN_FUTURE", "payment.date is after today"));
        } else if (ClaimInputRules.outOfRange(p.date(), today)) {
            problems.add(InputProblem.of("payment.date", "OUT_OF_RANGE", "payment.date must be from 1900-01-01"));
        }
        if (p.amount() == null) {
            problems.add(InputProblem.of("payment.amount", "REQUIRED", "payment.amount is required"));
        } else if (p.amount().signum() <= 0 || p.amount().compareTo(MAX_AMOUNT) > 0) {
            // before any rounding: "1e30" overflowed Rupiah (a 500) and "1e999999999" would make setScale build a
            // billion-digit number (claims review, docs/security.md)
            problems.add(InputProblem.of("payment.amount", "OUT_OF_RANGE", "payment.amount must be more than 0 and at most 1,000,000,000,000"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /**
     * Refuses (422 PAYMENT_BEFORE_FILE_COMPLETE) a case's payment dated before its file was complete: the case is approved,
     * and so paid, only on a complete file, and the JKK clock counts from that day (a payment before it showed "paid on
     * 25 Oct" beside "complete since 4 Dec", review of 3 December 2026). No date yet (older cases): nothing to compare.
     */
    static void requireNotBefore(ClaimRequests.PaymentInput p, LocalDate fileCompleteOn) {
        if (fileCompleteOn != null && p.date().isBefore(fileCompleteOn)) {
            throw InvalidInputException.refused("payment.date", "PAYMENT_BEFORE_FILE_COMPLETE", "payment.date " + p.date()
                    + " is before the file was complete (" + fileCompleteOn + ")");
        }
    }

    /** The amount, refused (422 PAYMENT_AMOUNT_MISMATCH) unless it is exactly {@code expected}. */
    static Rupiah requireAmount(ClaimRequests.PaymentInput p, Rupiah expected, String what) {
        Rupiah amount = Rupiah.of(p.amount(), RoundingMode.HALF_UP);
        if (p.amount().stripTrailingZeros().scale() > 2 || !amount.equals(expected)) {
            throw InvalidInputException.refused("payment.amount", "PAYMENT_AMOUNT_MISMATCH", "The payment of " + p.amount()
                    + " differs from " + (what + " " + expected.toBigDecimal().toPlainString())); // the amount due in the caller's words
        }
        return amount;
    }

    static String reference(ClaimRequests.PaymentInput p) {
        return TextRules.normalise(p.reference(), TextRules.Kind.LINE);
    }
}
