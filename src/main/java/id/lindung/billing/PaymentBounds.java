package id.lindung.billing;

import id.lindung.platform.InputProblem;
import id.lindung.shared.Rupiah;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The bounds of a payment, the same for the API, the form, the reconciliation file and the CLI: an amount above zero,
 * at most the payer's outstanding plus a configurable ceiling (unless paying ahead was asked for) and never above an
 * absolute maximum; a date not in the future (business clock), never before 1 July 2015 and not before the payer's first
 * billed month (unless paying ahead); a reference and a channel of bounded length. Each broken rule has its own code (docs/api-errors.md).
 */
@Component
class PaymentBounds {

    static final int REFERENCE_MAX = 100;
    static final int CHANNEL_MAX = 40;

    /**
     * The earliest date any payment may carry, a prepayment too: 1 July 2015, when JKK, JKM, JHT and JP began under BPJS
     * Ketenagakerjaan (PP 44/2015, 45/2015, 46/2015) and the regulation data begins, so no month before it can be billed.
     * A prepayment skips the payer's first bill as a bound and had none: {@code -0001-01-01} was stored as 2 BC (review
     * of 6 December 2026).
     */
    static final LocalDate EARLIEST = LocalDate.of(2015, 7, 1);

    /** What a payer's payments are measured against: its first billed month (null: none yet) and what it owes now. */
    record Balance(LocalDate firstBill, Rupiah outstanding) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Rupiah ceiling;
    private final Rupiah maximum;

    PaymentBounds(JdbcClient jdbc, Clock clock,
                  @Value("${lindung.payments.ceiling-above-outstanding:10000000}") BigDecimal ceiling,
                  @Value("${lindung.payments.max-amount:1000000000000}") BigDecimal maximum) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ceiling = Rupiah.of(ceiling);
        this.maximum = Rupiah.of(maximum);
    }

    /**
     * A date outside every date a payment can have ({@link #EARLIEST}), whoever pays and whether ahead or not: a value out
     * of the field's range, answered 400 by the API (docs/api-errors.md), where the other bounds depend on the payer
     * or the day and answer 422. Also part of {@link #check(Payments.PaymentRequest)}, so a file's row names it.
     */
    static List<InputProblem> dateOutOfRange(Payments.PaymentRequest r) {
        if (r.date() != null && r.date().isBefore(EARLIEST)) {
            return List.of(InputProblem.of("date", "DATE_BEFORE_PROGRAMMES", "date " + r.date() + " is before " + EARLIEST
                    + ", when the BPJS Ketenagakerjaan programmes and Lindung's regulation data begin; a payment, a prepayment"
                    + " too, is dated from then on"));
        }
        return List.of();
    }

    /** The rules that need nothing but the request (checked before the payer is looked up). */
    List<InputProblem> check(Payments.PaymentRequest r) {
        List<InputProblem> problems = new ArrayList<>(dateOutOfRange(r));
        if (r.reference() != null && r.reference().strip().length() > REFERENCE_MAX) {
            problems.add(InputProblem.of("reference", "REFERENCE_TOO_LONG",
                    "reference has " + r.reference().strip().length() + " characters; at most " + REFERENCE_MAX));
        }
        if (r.channel() != null && r.channel().strip().length() > CHANNEL_MAX) {
            problems.add(InputProblem.of("channel", "CHANNEL_TOO_LONG",
                    "channel has " + r.channel().strip().length() + " characters; at most " + CHANNEL_MAX));
        }
        if (r.date() != null && r.date().isAfter(LocalDate.now(clock))) {
            problems.add(InputProblem.of("date", "DATE_IN_FUTURE", "date " + r.date() + " is in the future"));
        }
        if (r.amount() != null && r.amount().signum() <= 0) {
            problems.add(InputProblem.of("amount", "AMOUNT_NOT_POSITIVE", "amount must be more than zero ("
                    + InputProblem.shown(r.amount()) + ")"));
        } else if (r.amount() != null && r.amount().compareTo(maximum.toBigDecimal()) > 0) {
            problems.add(InputProblem.of("amount", "AMOUNT_ABOVE_MAXIMUM", "amount " + InputProblem.shown(r.amount())
                    + " is above the largest payment accepted (" + maximum.toBigDecimal().toPlainString() + ")"));
        }
        return problems;
    }

    /**
     * The rules that need the payer's state, checked with the payer locked.
     *
     * @param before what earlier rows of the same file already pay to this payer
     */
    List<InputProblem> check(Payments.PaymentRequest r, Balance balance, Rupiah before) {
        List<InputProblem> problems = new ArrayList<>();
        if (r.isPrepayment()) {
            return problems;
        }
        if (balance.firstBill() != null && r.date().isBefore(balance.firstBill())) {
            problems.add(InputProblem.of("date", "DATE_BEFORE_FIRST_BILL", "date " + r.date()
                    + " is before the payer's first bill (" + balance.firstBill() + "); mark it as a prepayment if it is one"));
        }
        Rupiah limit = balance.outstanding().minus(before).plus(ceiling);
        if (r.rupiah().isGreaterThan(limit)) {
            problems.add(InputProblem.of("amount", "AMOUNT_ABOVE_OUTSTANDING", "amount " + InputProblem.shown(r.amount())
                    + " is more than the payer owes (" + balance.outstanding().minus(before).toBigDecimal().toPlainString()
                    + ") plus " + ceiling.toBigDecimal().toPlainString() + "; mark it as a prepayment to pay ahead"));
        }
        return problems;
    }

    /** Outstanding: every live line billed less every payment not reversed (credit makes it negative). */
    /**
     * The balances of many payers in one statement (a reconciliation file): asked one by one, a month's file of 186,000
     * payers paid 186,000 round trips before its first row was written. Every payer asked for has an entry.
     */
    java.util.Map<Long, Balance> balancesOf(java.util.Collection<Long> payerIds) {
        java.util.Map<Long, Balance> result = new java.util.HashMap<>();
        jdbc.sql("""
                select k.payer_id,
                       (select min(month) from bill where payer_id = k.payer_id),
                       coalesce((select sum(owed + paid) from bill_balance where payer_id = k.payer_id), 0)
                       - coalesce((select sum(amount) from payment where payer_id = k.payer_id and reversed_at is null), 0)
                from unnest(cast(:payers as bigint[])) as k(payer_id)""")
                .param("payers", payerIds.stream().distinct().toArray(Long[]::new))
                .query((rs, n) -> {
                    Date first = rs.getDate(2);
                    return result.put(rs.getLong(1), new Balance(first == null ? null : first.toLocalDate(), Rupiah.of(rs.getBigDecimal(3))));
                })
                .list();
        return result;
    }

    Balance balanceOf(long payerId) {
        return balancesOf(List.of(payerId)).get(payerId);
    }

    /** A yes in a file's prepayment column: true, yes, ya, y, 1. */
    static boolean isYes(String text) {
        return text != null && List.of("true", "yes", "ya", "y", "1").contains(text.strip().toLowerCase(Locale.ROOT));
    }
}
