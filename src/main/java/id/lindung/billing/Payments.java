package id.lindung.billing;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.access.Role;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.NotFoundException;
import id.lindung.platform.TextRules;
import id.lindung.registry.PayerCode;
import id.lindung.registry.RegisteredPayer;
import id.lindung.shared.Rupiah;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payments against a payer: idempotent by the payer's external reference, allocated to the oldest
 * unpaid month first, reversible by an authorised role with a reason.
 */
@Service
public class Payments {

    private final JdbcClient jdbc;
    private final Payers payers;
    private final Allocation allocation;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final PaymentBounds bounds;
    private final FinePayments fines;
    private final PaymentBatch batch;

    Payments(JdbcClient jdbc, Payers payers, Allocation allocation, AuditLog audit, TransactionTemplate tx,
             Clock clock, PaymentBounds bounds, FinePayments fines, PaymentBatch batch) {
        this.fines = fines;
        this.batch = batch;
        this.jdbc = jdbc;
        this.payers = payers;
        this.allocation = allocation;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.bounds = bounds;
    }

    /**
     * A payment as given (HTTP body, form, reconciliation file): the amount stays the number sent until it has
     * been checked (more than zero, at most two decimals), then it becomes {@link Rupiah}.
     */
    public record PaymentRequest(String payer, String reference, LocalDate date, BigDecimal amount, String channel,
                                 Boolean prepayment) {

        /**
         * The reference and channel as stored ({@link TextRules#normalise}): the reference is the payment's idempotency
         * key, so {@code REF-1}, {@code REF-1} with a no-break space and {@code REF-1} with a zero-width space copied from
         * a bank statement are one payment, not three.
         */
        public PaymentRequest {
            reference = TextRules.normalise(reference, TextRules.Kind.LINE);
            channel = TextRules.normalise(channel, TextRules.Kind.LINE);
        }

        public PaymentRequest(String payer, String reference, LocalDate date, BigDecimal amount, String channel) {
            this(payer, reference, date, amount, channel, null);
        }

        /** Paying ahead was asked for explicitly: the amount may exceed what is owed, and come before the first bill. */
        boolean isPrepayment() {
            return Boolean.TRUE.equals(prepayment);
        }

        /** The amount in rupiah; only for a request that passed {@link #validate}. */
        Rupiah rupiah() {
            return Rupiah.of(amount);
        }
    }

    /**
     * A payment as recorded or found again: {@code duplicate} for a retry of a reference already recorded, {@code reversed}
     * when that payment has since been reversed, so a retry does not read as money in effect.
     */
    public record PaymentResult(long id, PayerCode payer, String reference, LocalDate date, Rupiah amount, String channel,
                                boolean duplicate, boolean reversed, String message) {}

    @Transactional
    public PaymentResult record(PaymentRequest request, Actor actor) {
        requireRecorder(actor);
        List<String> problems = texts(validate(request));
        List<InputProblem> refused = problems.isEmpty() ? bounds.check(request) : List.of();
        if (!problems.isEmpty()) {
            // a malformed request answers 400 with every problem, the rules' ones included, as it always has
            List<String> all = new ArrayList<>(problems);
            bounds.check(request).forEach(p -> all.add(p.field() + ": " + p.message()));
            throw new InvalidInputException(all.stream()
                    .map(p -> InputProblem.of(p.substring(0, p.indexOf(':')), "INVALID", p.substring(p.indexOf(':') + 2)))
                    .toList());
        }
        if (!PaymentBounds.dateOutOfRange(request).isEmpty()) {
            // a date no payment can have is a value out of its range (400), the payer's and the day's bounds are 422
            throw new InvalidInputException(PaymentBounds.dateOutOfRange(request));
        }
        if (!refused.isEmpty()) {
            throw InvalidInputException.refused(refused);
        }
        RegisteredPayer payer = payers.get(request.payer(), actor.scope());
        return store(payer, request, request.rupiah(), actor);
    }

    /**
     * Whether {@code code} names a payer of the actor's area; the payment form answers "unknown or outside your area"
     * alike for both, beside the field, as the reconciliation file does.
     */
    public boolean knowsPayer(String code, Actor actor) {
        return payers.find(code).filter(p -> actor.scope().covers(p.regionCode())).isPresent();
    }

    private PaymentResult store(RegisteredPayer payer, PaymentRequest request, Rupiah amount, Actor actor) {
        // one payer's payments one at a time: the reference check, the bounds and the allocation see every earlier one
        allocation.lockPayersForPayment(List.of(payer.id()));
        String channel = request.channel() == null || request.channel().isBlank() ? "UNKNOWN" : request.channel().trim();
        // a retry of a recorded payment stays a duplicate even when it no longer fits what is owed
        Optional<PaymentResult> known = recorded(payer, request, amount);
        if (known.isPresent()) {
            return known.get();
        }
        List<InputProblem> refused = bounds.check(request, bounds.balanceOf(payer.id()), Rupiah.ZERO);
        if (!refused.isEmpty()) {
            throw InvalidInputException.refused(refused);
        }
        Optional<Long> id = jdbc.sql("""
                insert into payment (payer_id, payer_region_code, reference, paid_on, amount, channel, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (payer_id, reference) do nothing returning id""")
                .params(payer.id(), payer.regionCode(), request.reference().trim(), Date.valueOf(request.date()),
                        amount.toBigDecimal(), channel, actor.username())
                .query(Long.class).optional();
        if (id.isEmpty()) {
            return recorded(payer, request, amount).orElseThrow();
        }
        allocation.settleNewPayments(Map.of(payer.id(), request.date()));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("payer", payer.code());
        after.put("reference", request.reference().trim());
        after.put("date", request.date().toString());
        after.put("amount", request.amount());
        after.put("channel", channel);
        audit.record("CREATE", "payment", id.get().toString(), payer.regionCode(), null, after);
        return new PaymentResult(id.get(), payer.code(), request.reference().trim(), request.date(), amount,
                channel, false, false, "Payment recorded and allocated to the oldest unpaid months");
    }

    /** The payment already recorded under this payer and reference: a duplicate, or a conflict if it differs. */
    private Optional<PaymentResult> recorded(RegisteredPayer payer, PaymentRequest request, Rupiah amount) {
        Optional<PaymentResult> existing = jdbc.sql("""
                select id, paid_on, amount, channel, reversed_at is not null from payment where payer_id = ? and reference = ?""")
                .params(payer.id(), request.reference().trim())
                .query((rs, n) -> new PaymentResult(rs.getLong(1), payer.code(), request.reference().trim(),
                        rs.getDate(2).toLocalDate(), Rupiah.of(rs.getBigDecimal(3)), rs.getString(4), true, rs.getBoolean(5),
                        rs.getBoolean(5) ? "Payment with this reference was recorded and has since been reversed; nothing was added "
                                + "(money paid again needs a new reference)" : "Payment with this reference was already recorded; nothing was added"))
                .optional();
        existing.filter(e -> !e.amount().equals(amount) || !e.date().equals(request.date())).ifPresent(e -> {
            throw InvalidInputException.conflict("reference", "REFERENCE_REUSED", "Reference " + request.reference()
                    + " was already used for a payment of " + e.amount().toBigDecimal() + " on " + e.date());
        });
        return existing;
    }

    /** Reverses a wrong payment (ADMIN or BPJS_OFFICER); its allocation is undone and recomputed. */
    @Transactional
    public void reverse(long paymentId, String reason, Actor actor) {
        if (!actor.can(Role.ADMIN, Role.BPJS_OFFICER)) {
            throw new AccessDeniedException("Only ADMIN and BPJS_OFFICER may reverse a payment");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "REQUIRED", "A reversal needs a reason");
        }
        var row = jdbc.sql("""
                select p.payer_id, p.payer_region_code, p.reference, p.amount, p.reversed_at from payment p
                where p.id = :id and p.payer_region_code >= :lo and p.payer_region_code < :hi for update""")
                .param("id", paymentId).param("lo", actor.scope().lo()).param("hi", actor.scope().hi())
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getTimestamp(5)})
                .optional().orElseThrow(() -> new NotFoundException("Payment " + paymentId + " not found"));
        if (row[4] != null) {
            throw InvalidInputException.conflict("payment", "ALREADY_REVERSED", "Payment " + paymentId + " was already reversed");
        }
        jdbc.sql("update payment set reversed_at = ?, reversed_by = ?, reversal_reason = ? where id = ?")
                .params(Timestamp.from(clock.instant()), actor.username(), reason.trim(), paymentId).update();
        allocation.reallocateFromStart((Long) row[0]);
        audit.record("REVERSE", "payment", Long.toString(paymentId), (String) row[1],
                Map.of("reference", row[2], "amount", row[3], "reversed", false),
                Map.of("reference", row[2], "amount", row[3], "reversed", true, "reason", reason.trim()));
    }

    /** A refused row: its line, why, and the stable code of the first rule it broke ({@code INVALID} for a malformed row). */
    public record Rejection(long line, String reason, String code,
                            @com.fasterxml.jackson.annotation.JsonIgnore List<InputProblem> problems) {

        public Rejection(long line, String reason, String code) {
            this(line, reason, code, List.of());
        }

        public Rejection(long line, String reason) {
            this(line, reason, "INVALID");
        }
    }

    /** {@code accepted} is what was recorded, or in a dry run what would be. */
    public record ImportResult(int accepted, int duplicates, List<Rejection> rejected) {}

    /**
     * A bank or BPJS reconciliation file ({@code payer,reference,date,amount}). Every row is checked
     * first; good rows are recorded (each idempotent by reference), bad rows are listed with their line
     * and reason and change nothing.
     */
    public ImportResult importCsv(InputStream csv, Actor actor) {
        return importCsv(csv, actor, false);
    }

    /**
     * @param dryRun check every row and say what would be accepted, duplicated or rejected, writing nothing:
     *               the first stage of a reconciliation, before the treasurer confirms
     */
    public ImportResult importCsv(InputStream csv, Actor actor, boolean dryRun) {
        return importCsv(csv, actor, dryRun, BillingProgress.NONE, 0);
    }

    /**
     * {@link #importCsv(InputStream, Actor, boolean)}, telling {@code progress} how far it is.
     *
     * @param rows the file's rows if known (its lines less the header), else 0
     */
    public ImportResult importCsv(InputStream csv, Actor actor, boolean dryRun, BillingProgress progress, long rows) {
        requireRecorder(actor);
        PaymentFileRows.Read read = PaymentFileRows.read(csv, actor, payers, bounds, progress, rows);
        List<Map.Entry<Long, PaymentRequest>> good = read.contributions();
        List<Map.Entry<Long, PaymentRequest>> fineRows = read.fines();
        List<Rejection> rejected = read.rejected();
        Map<String, RegisteredPayer> payerCache = read.payers();
        // a dry run records nothing, and its progress says so (the CLI's line read "recording" in a dry run)
        String phase = dryRun ? BillingProgress.MATCHING : BillingProgress.RECORDING;
        progress.advanced(phase, 0, good.size());
        // a fine row is checked against the fines owed on its date, which the file's own contributions change (paid on
        // time, a month owes no fine): a dry run with fine rows records the file and rolls it back, so it says exactly
        // what the import will do; one without them checks the contributions without writing, as it always has
        boolean rehearse = dryRun && !fineRows.isEmpty();
        int[] counts = tx.execute(status -> {
            if (!dryRun || rehearse) {
                // every payer of the file in one sorted pass: the contribution rows' payers and then the fine rows' payers
                // locked one after the other could deadlock with a billing run locking the same payers in order
                allocation.lockPayersForPayment(java.util.stream.Stream.concat(good.stream(), fineRows.stream())
                        .map(e -> payerCache.get(e.getValue().payer()).id()).distinct().toList());
            }
            int[] paid = batch.store(good, payerCache, actor, rejected, dryRun && !rehearse);
            int[] fined = fines.recordFromFile(fineRows, payerCache, actor, rejected, dryRun && !rehearse);
            if (rehearse) {
                status.setRollbackOnly();
            }
            return new int[] {paid[0] + fined[0], paid[1] + fined[1]};
        });
        progress.advanced(phase, good.size(), good.size());
        int accepted = counts[0];
        int duplicates = counts[1] + read.repeated();
        rejected.sort(java.util.Comparator.comparingLong(Rejection::line));
        return new ImportResult(accepted, duplicates, rejected);
    }

    /**
     * Records many payments at once, each idempotent by payer and reference, and settles the payers'
     * bills in one set-based pass (demo data, reconciliation files).
     *
     * @return accepted and duplicate counts
     */
    @Transactional
    public int[] recordAll(List<PaymentRequest> requests, Actor actor) {
        requireRecorder(actor);
        Map<String, RegisteredPayer> payerCache = new HashMap<>();
        List<Map.Entry<Long, PaymentRequest>> numbered = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        long n = 0;
        for (PaymentRequest r : requests) {
            n++;
            List<String> problems = new ArrayList<>(texts(validate(r)));
            if (problems.isEmpty()) {
                bounds.check(r).forEach(p -> problems.add(p.field() + ": " + p.message()));
            }
            RegisteredPayer payer = payerCache.computeIfAbsent(r.payer(), code -> payers.find(code)
                    .filter(p -> actor.scope().covers(p.regionCode())).orElse(null));
            if (!problems.isEmpty() || payer == null) {
                throw new InvalidInputException("payments", "INVALID", "Payment " + n + ": "
                        + (payer == null ? "unknown payer " + r.payer() : String.join("; ", problems)));
            }
            numbered.add(Map.entry(n, r));
        }
        int[] counts = batch.store(numbered, payerCache, actor, rejected, false);
        if (!rejected.isEmpty()) {
            Rejection first = rejected.get(0);
            throw "REFERENCE_REUSED".equals(first.code())
                    ? InvalidInputException.conflict("payments", "REFERENCE_REUSED", first.reason())
                    : InvalidInputException.refused("payments", first.code(), "Payment " + first.line() + ": " + first.reason());
        }
        return counts;
    }

    /**
     * A request's own problems, each with a code of its own (a file's rejected row is written out by its code on
     * the job's page, in the page's language); the API's single payment answers them all as INVALID, as it always has.
     */
    public static List<InputProblem> validate(PaymentRequest r) {
        List<InputProblem> problems = new ArrayList<>();
        if (r.payer() == null || r.payer().isBlank()) {
            problems.add(InputProblem.of("payer", "PAYER_REQUIRED", "required (e.g. APBDES:64.02.03.2007)"));
        }
        if (r.reference() == null || r.reference().isBlank()) {
            problems.add(InputProblem.of("reference", "REFERENCE_REQUIRED", "required (the bank's or BPJS's transaction reference)"));
        } else if (hasControlCharacter(r.reference())) {
            problems.add(InputProblem.of("reference", "INVALID_CHARACTER", "contains a control or direction-changing character (such as NUL, a line break or U+202E)"));
        }
        if (r.channel() != null && hasControlCharacter(r.channel())) {
            problems.add(InputProblem.of("channel", "INVALID_CHARACTER", "contains a control or direction-changing character (such as NUL, a line break or U+202E)"));
        }
        if (r.date() == null) {
            problems.add(InputProblem.of("date", "PAYMENT_DATE_REQUIRED", "required"));
        }
        if (r.amount() == null) {
            problems.add(InputProblem.of("amount", "AMOUNT_REQUIRED", "required"));
        } else if (r.amount().stripTrailingZeros().scale() > 2) {
            problems.add(InputProblem.of("amount", "AMOUNT_DECIMALS", "at most 2 decimals (" + InputProblem.shown(r.amount()) + ")"));
        }
        return problems;
    }

    /** "field: message" of each problem, as the API and the CLI have always written them. */
    private static List<String> texts(List<InputProblem> problems) {
        return problems.stream().map(p -> p.field() + ": " + p.message()).toList();
    }

    /** A refused row: every problem as "field: message", under the first one's code. */
    static Rejection rejection(long line, List<InputProblem> refused) {
        return new Rejection(line, String.join("; ", refused.stream().map(p -> p.field() + ": " + p.message()).toList()),
                refused.get(0).code(), List.copyOf(refused));
    }

    /**
     * A control character, or one that makes the text read otherwise than it is stored (a direction override): PostgreSQL
     * text cannot hold NUL, and a line break in a reference breaks reconciliation files.
     */
    private static boolean hasControlCharacter(String text) {
        return TextRules.invalidCharacter(text, false);
    }

    static void requireRecorder(Actor actor) {
        if (!actor.can(Role.ADMIN, Role.DPMD, Role.BPJS_OFFICER, Role.VILLAGE_OPERATOR)) {
            throw new AccessDeniedException("Your role may not record payments");
        }
    }
}
