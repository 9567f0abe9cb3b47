package id.lindung.billing;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.access.Role;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.NotFoundException;
import id.lindung.registry.PayerCode;
import id.lindung.registry.RegisteredPayer;
import id.lindung.shared.Rupiah;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Late fines paid (RULES.md 1.5: the PU employer pays the fine "together with the next month's contributions"). A fine
 * payment is money the payer names as paying fines: it never pays a contribution, and a contribution payment never pays
 * a fine (decision 0003, amendment "Fines paid"). A bill's amount due subtracts the fine payments dated up to its date,
 * oldest fine first ({@link AmountDue}).
 *
 * <p>The same bounds as a contribution payment (amount, date, reference, channel: {@link PaymentBounds}), the same roles,
 * idempotent by the payer's reference, and one more rule: a fine payment may not pay more than the fines accrued up to
 * its date less the fines already paid ({@code FINE_ABOVE_OUTSTANDING}), so fine money never silently becomes credit.
 */
@Service
public class FinePayments {

    private final JdbcClient jdbc;
    private final Payers payers;
    private final Bills bills;
    private final Allocation allocation;
    private final PaymentBounds bounds;
    private final AuditLog audit;
    private final Clock clock;

    FinePayments(JdbcClient jdbc, Payers payers, Bills bills, Allocation allocation, PaymentBounds bounds, AuditLog audit,
                 Clock clock) {
        this.jdbc = jdbc;
        this.payers = payers;
        this.bills = bills;
        this.allocation = allocation;
        this.bounds = bounds;
        this.audit = audit;
        this.clock = clock;
    }

    /** A fine payment as recorded or found again (a retry of the same reference, {@code duplicate}). */
    public record FinePayment(long id, PayerCode payer, String reference, LocalDate date, Rupiah amount, String channel,
                              boolean reversed, String reversalReason, boolean duplicate) {}

    @Transactional
    public FinePayment record(Payments.PaymentRequest request, Actor actor) {
        Payments.requireRecorder(actor);
        List<InputProblem> problems = new ArrayList<>(Payments.validate(request));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!PaymentBounds.dateOutOfRange(request).isEmpty()) {
            throw new InvalidInputException(PaymentBounds.dateOutOfRange(request));
        }
        List<InputProblem> refused = bounds.check(request);
        if (!refused.isEmpty()) {
            throw InvalidInputException.refused(refused);
        }
        RegisteredPayer payer = payers.get(request.payer(), actor.scope());
        // the payer's payments, fine payments and runs one at a time: the bound below sees every earlier one
        allocation.lockPayersForPayment(List.of(payer.id()));
        return store(payer, request, Rupiah.ZERO, true, actor);
    }

    /**
     * The fine rows of a reconciliation file (column {@code purpose}: {@code denda}/{@code fine}), after its contribution
     * rows, in the file's order; each as {@link #record} takes it, a refused one as a rejection of its line.
     *
     * @return how many were accepted (or would be, in a dry run) and how many were duplicates
     */
    int[] recordFromFile(List<Map.Entry<Long, Payments.PaymentRequest>> rows, Map<String, RegisteredPayer> payerCache, Actor actor,
                         List<Payments.Rejection> rejected, boolean dryRun) {
        if (rows.isEmpty()) {
            return new int[] {0, 0};
        }
        if (!dryRun) {
            allocation.lockPayersForPayment(rows.stream().map(e -> payerCache.get(e.getValue().payer()).id()).distinct().toList());
        }
        Map<Long, Rupiah> inFile = new java.util.HashMap<>();
        int accepted = 0;
        int duplicates = 0;
        for (var row : rows) {
            RegisteredPayer payer = payerCache.get(row.getValue().payer());
            try {
                FinePayment f = store(payer, row.getValue(), inFile.getOrDefault(payer.id(), Rupiah.ZERO), !dryRun, actor);
                if (f.duplicate()) {
                    duplicates++;
                } else {
                    accepted++;
                    inFile.merge(payer.id(), f.amount(), Rupiah::plus);
                }
            } catch (InvalidInputException e) {
                InputProblem p = e.problems().get(0);
                rejected.add(new Payments.Rejection(row.getKey(), p.field() + ": " + p.message(), p.code()));
            }
        }
        return new int[] {accepted, duplicates};
    }

    /**
     * Stores one fine payment of a locked payer (or, with {@code write} false, only checks it), beyond {@code before}
     * already accepted from the same file: a known reference is a duplicate, or a conflict if it differs.
     */
    private FinePayment store(RegisteredPayer payer, Payments.PaymentRequest request, Rupiah before, boolean write, Actor actor) {
        Rupiah amount = request.rupiah();
        String reference = request.reference().trim();
        String channel = request.channel() == null || request.channel().isBlank() ? "UNKNOWN" : request.channel().trim();
        Optional<FinePayment> known = find(payer, reference);
        if (known.isPresent()) {
            FinePayment e = known.get();
            if (!e.amount().equals(amount) || !e.date().equals(request.date())) {
                throw InvalidInputException.conflict("reference", "REFERENCE_REUSED", "Reference " + reference
                        + " was already used for a fine payment of " + e.amount().toBigDecimal() + " on " + e.date());
            }
            return e;
        }
        Rupiah open = accrued(payer, request.date(), actor).minus(paidSoFar(payer.id())).minus(before);
        if (amount.isGreaterThan(open)) {
            throw InvalidInputException.refused("amount", "FINE_ABOVE_OUTSTANDING", "amount " + InputProblem.shown(request.amount())
                    + " is more than the fines owed on " + request.date() + " (" + max(open).toBigDecimal().toPlainString()
                    + "); pay contributions as a payment, not as a fine");
        }
        if (!write) {
            return new FinePayment(0, payer.code(), reference, request.date(), amount, channel, false, null, false);
        }
        long id = jdbc.sql("""
                insert into fine_payment (payer_id, payer_region_code, reference, paid_on, amount, channel, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(payer.id(), payer.regionCode(), reference, Date.valueOf(request.date()), amount.toBigDecimal(), channel,
                        actor.username())
                .query(Long.class).single();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("payer", payer.code().toString());
        after.put("reference", reference);
        after.put("date", request.date().toString());
        after.put("amount", amount.toBigDecimal());
        after.put("channel", channel);
        audit.record("CREATE", "fine_payment", Long.toString(id), payer.regionCode(), null, after);
        return new FinePayment(id, payer.code(), reference, request.date(), amount, channel, false, null, false);
    }

    /** The payer's fine payments, newest first, reversed ones too (with their reason). */
    public List<FinePayment> of(String payerCode, Actor actor) {
        RegisteredPayer payer = payers.get(payerCode, actor.scope());
        return jdbc.sql("""
                select id, reference, paid_on, amount, channel, reversed_at is not null, reversal_reason from fine_payment
                where payer_id = ? order by paid_on desc, id desc""")
                .param(payer.id())
                .query((rs, n) -> new FinePayment(rs.getLong(1), payer.code(), rs.getString(2), rs.getDate(3).toLocalDate(),
                        Rupiah.of(rs.getBigDecimal(4)), rs.getString(5), rs.getBoolean(6), rs.getString(7), false))
                .list();
    }

    /** Reverses a wrong fine payment (ADMIN or BPJS_OFFICER, as a payment), with a reason; the fines it paid are owed again. */
    @Transactional
    public void reverse(long id, String reason, Actor actor) {
        if (!actor.can(Role.ADMIN, Role.BPJS_OFFICER)) {
            throw new AccessDeniedException("Only ADMIN and BPJS_OFFICER may reverse a fine payment");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "REQUIRED", "A reversal needs a reason");
        }
        var row = jdbc.sql("""
                select payer_region_code, reference, amount, reversed_at from fine_payment
                where id = :id and payer_region_code >= :lo and payer_region_code < :hi for update""")
                .param("id", id).param("lo", actor.scope().lo()).param("hi", actor.scope().hi())
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getTimestamp(4)})
                .optional().orElseThrow(() -> new NotFoundException("Fine payment " + id + " not found"));
        if (row[3] != null) {
            throw InvalidInputException.conflict("finePayment", "ALREADY_REVERSED", "Fine payment " + id + " was already reversed");
        }
        jdbc.sql("update fine_payment set reversed_at = ?, reversed_by = ?, reversal_reason = ? where id = ?")
                .params(Timestamp.from(clock.instant()), actor.username(), reason.trim(), id).update();
        audit.record("REVERSE", "fine_payment", Long.toString(id), (String) row[0],
                Map.of("reference", row[1], "amount", row[2], "reversed", false),
                Map.of("reference", row[1], "amount", row[2], "reversed", true, "reason", reason.trim()));
    }

    /** What the payer's fine payments not reversed paid, whatever their date. */
    private Rupiah paidSoFar(long payerId) {
        return Rupiah.of(jdbc.sql("select coalesce(sum(amount), 0) from fine_payment where payer_id = ? and reversed_at is null")
                .param(payerId).query(BigDecimal.class).single());
    }

    /**
     * Every fine the payer's bills had accrued on {@code date}: a bill's fine accrues only after its due date, and only
     * grows until its contribution is paid. The fine of money paid after {@code date} is kept with its allocation
     * ({@link LateFines}) and read whole, so for such a month this is at most what it is today.
     */
    private Rupiah accrued(RegisteredPayer payer, LocalDate date, Actor actor) {
        return bills.find(payer.code().toString(), null, actor, date).stream().filter(b -> b.dueDate().isBefore(date))
                .map(BillSummary::fine).reduce(Rupiah.ZERO, Rupiah::plus);
    }

    private Optional<FinePayment> find(RegisteredPayer payer, String reference) {
        return jdbc.sql("select id, paid_on, amount, channel, reversed_at is not null, reversal_reason from fine_payment where payer_id = ? and reference = ?")
                .params(payer.id(), reference)
                .query((rs, n) -> new FinePayment(rs.getLong(1), payer.code(), reference, rs.getDate(2).toLocalDate(),
                        Rupiah.of(rs.getBigDecimal(3)), rs.getString(4), rs.getBoolean(5), rs.getString(6), true))
                .optional();
    }

    private static Rupiah max(Rupiah open) {
        return open.isGreaterThan(Rupiah.ZERO) ? open : Rupiah.ZERO;
    }
}
