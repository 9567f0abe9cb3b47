package id.lindung.billing;

import id.lindung.platform.InvalidInputException;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * When a billing run bills the past and must be confirmed ({@code --backfill}, {@code "backfill":true}).
 *
 * <p>Billing a past month is not harmless: payments are allocated oldest month first, so new lines in an
 * earlier month take money that had paid later months, which become unpaid and fined. A run is a backfill
 * when its month is older than the window ({@code lindung.billing.backfill-window-months}, 2: the current
 * and the previous month are normal), or when it adds lines for a payer that already has a bill for a later
 * month. Months after the current one are limited elsewhere (MONTH_TOO_FAR).
 */
final class BackfillRule {

    static final String CODE = "BACKFILL_NOT_CONFIRMED";

    private final int windowMonths;

    BackfillRule(int windowMonths) {
        if (windowMonths < 1) {
            throw new IllegalArgumentException("lindung.billing.backfill-window-months must be at least 1, got " + windowMonths);
        }
        this.windowMonths = windowMonths;
    }

    /** The oldest month a run may bill without confirmation. */
    YearMonth oldestNormal(YearMonth current) {
        return current.minusMonths(windowMonths - 1L);
    }

    Optional<String> beforeWindow(YearMonth month, YearMonth current) {
        YearMonth oldest = oldestNormal(current);
        return month.isBefore(oldest)
                ? Optional.of(month + " is older than the billing window (" + windowMonths + " months: " + oldest + " to " + current + ")")
                : Optional.empty();
    }

    Optional<String> earlierThanLatest(long payers) {
        return payers == 0 ? Optional.empty()
                : Optional.of(payers + " payer(s) would get lines in this month although already billed for a later month;"
                        + " their payments would be re-allocated oldest month first");
    }

    /** Refuses the run (422 BACKFILL_NOT_CONFIRMED) when there is any reason. */
    void refuse(List<String> reasons) {
        if (!reasons.isEmpty()) {
            throw InvalidInputException.refused("backfill", CODE, "Billing this month is a backfill: " + String.join("; ", reasons)
                    + ". Check it with a dry run first, then confirm it with backfill (CLI --backfill).");
        }
    }
}
