package id.lindung.billing;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import id.lindung.access.Actor;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.registry.RegisteredPayer;
import id.lindung.shared.RupiahText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of a bank or BPJS reconciliation file, read and checked before anything is written: each row a payment
 * to record (a contribution or, by its {@code purpose}, a fine), a rejection with its line and code, or a repeat of an
 * earlier row of the same file. A file without a usable header or without rows is refused as a whole.
 */
final class PaymentFileRows {

    /** The file's rows by their line: contributions and fines to record, rejections, repeats, and the payers they name. */
    record Read(List<Map.Entry<Long, Payments.PaymentRequest>> contributions, List<Map.Entry<Long, Payments.PaymentRequest>> fines,
                List<Payments.Rejection> rejected, int repeated, Map<String, RegisteredPayer> payers) {}

    private PaymentFileRows() {}

    static Read read(InputStream csv, Actor actor, Payers payers, PaymentBounds bounds, BillingProgress progress, long rows) {
        long checked = 0;
        List<Payments.Rejection> rejected = new ArrayList<>();
        List<Map.Entry<Long, Payments.PaymentRequest>> good = new ArrayList<>();
        // rows whose purpose column says "denda": fine payments, recorded after the file's contributions (FinePayments)
        List<Map.Entry<Long, Payments.PaymentRequest>> fineRows = new ArrayList<>();
        Map<String, RegisteredPayer> payerCache = new HashMap<>();
        Map<String, Map.Entry<Long, Payments.PaymentRequest>> seen = new HashMap<>();
        int repeated = 0;
        try (CsvReader<CsvRecord> records = id.lindung.platform.CsvDialect.records(csv)) {
            Map<String, Integer> index = null;
            for (CsvRecord rec : records) {
                long line = rec.getStartingLineNumber();
                if (index != null) {
                    progress.advanced(BillingProgress.CHECKING, checked++, rows);
                }
                if (index == null && rec.getFields().stream().allMatch(f -> f.replace("\uFEFF", "").isBlank())) {
                    // nothing before the header but a byte-order mark or blanks: no header yet
                    continue;
                }
                if (index == null) {
                    index = new HashMap<>();
                    for (int i = 0; i < rec.getFieldCount(); i++) {
                        // a UTF-8 BOM (Excel's "CSV UTF-8") before the first name: FastCSV drops it only when it reads bytes
                        index.put(rec.getField(i).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT), i);
                    }
                    for (String col : List.of("payer", "reference", "date", "amount")) {
                        if (!index.containsKey(col)) {
                            throw new InvalidInputException(List.of(new InputProblem(1, col, "HEADER_MISSING_COLUMN",
                                    "Header lacks column " + col + "; expected payer,reference,date,amount")));
                        }
                    }
                    continue;
                }
                Payments.PaymentRequest request;
                try {
                    request = new Payments.PaymentRequest(field(rec, index, "payer"), field(rec, index, "reference"),
                            statementDate(field(rec, index, "date")), RupiahText.parse(field(rec, index, "amount")),
                            index.containsKey("channel") ? field(rec, index, "channel") : "RECONCILIATION",
                            index.containsKey("prepayment") && PaymentBounds.isYes(field(rec, index, "prepayment")));
                } catch (DateTimeParseException e) {
                    rejected.add(new Payments.Rejection(line, "date '" + field(rec, index, "date") + "' is not a date (YYYY-MM-DD or DD/MM/YYYY)",
                            "PAYMENT_DATE_INVALID"));
                    continue;
                } catch (RupiahText.Unreadable e) {
                    rejected.add(e.reason() == RupiahText.Reason.MORE_THAN_TWO_DECIMALS
                            ? new Payments.Rejection(line, "amount: at most 2 decimals (" + InputProblem.shown(field(rec, index, "amount")) + ")", "AMOUNT_DECIMALS")
                            : new Payments.Rejection(line, "amount '" + InputProblem.shown(field(rec, index, "amount")) + "' is not an amount such as 1500000, "
                                    + "Rp 1.500.000 or 1.500.000,50", "AMOUNT_INVALID"));
                    continue;
                }
                Boolean fine = index.containsKey("purpose") ? finePurpose(field(rec, index, "purpose")) : Boolean.FALSE;
                if (fine == null) {
                    rejected.add(new Payments.Rejection(line, "purpose '" + InputProblem.shown(field(rec, index, "purpose"))
                            + "' is neither iuran (contribution) nor denda (fine)", "PURPOSE_INVALID"));
                    continue;
                }
                if (fine && request.isPrepayment()) {
                    rejected.add(new Payments.Rejection(line, "prepayment: a fine is paid after it accrued, never ahead", "FINE_PREPAYMENT"));
                    continue;
                }
                List<InputProblem> problems = Payments.validate(request);
                if (!problems.isEmpty()) {
                    rejected.add(Payments.rejection(line, problems));
                    continue;
                }
                List<InputProblem> refused = bounds.check(request);
                if (!refused.isEmpty()) {
                    rejected.add(Payments.rejection(line, refused));
                    continue;
                }
                RegisteredPayer payer = payerCache.computeIfAbsent(request.payer(), code -> payers.find(code)
                        .filter(p -> actor.scope().covers(p.regionCode())).orElse(null));
                if (payer == null) {
                    rejected.add(new Payments.Rejection(line, "payer: unknown payer " + request.payer() + " (or outside your area)", "UNKNOWN_PAYER"));
                    continue;
                }
                Map.Entry<Long, Payments.PaymentRequest> first = seen.putIfAbsent(payer.code() + "|" + request.reference() + (fine ? "|fine" : ""),
                        Map.entry(line, request));
                if (first != null) {
                    if (first.getValue().rupiah().equals(request.rupiah()) && first.getValue().date().equals(request.date())) {
                        repeated++;
                    } else {
                        rejected.add(new Payments.Rejection(line, "reference: " + request.reference() + " is used on line " + first.getKey()
                                + " for another amount or date", "REFERENCE_REUSED"));
                    }
                    continue;
                }
                (fine ? fineRows : good).add(Map.entry(line, request));
            }
            if (index == null || checked == 0) {
                // nothing to reconcile is the file's fault, as the worker import says (FILE_EMPTY): an empty or header-only
                // file answered 200 {"accepted":0}, which reads as "every payment was already there"
                throw new InvalidInputException(List.of(new InputProblem(1, null, "FILE_EMPTY", index == null
                        ? "The file is empty; expected a header payer,reference,date,amount and a row per payment"
                        : "The file has a header but no rows")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        progress.advanced(BillingProgress.CHECKING, checked, Math.max(rows, checked));
        return new Read(good, fineRows, rejected, repeated, payerCache);
    }

    /**
     * A file's {@code purpose}: true for a fine payment ({@code denda}, {@code fine}), false for contributions (empty,
     * {@code iuran}, {@code contribution}), null for anything else.
     */
    static Boolean finePurpose(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("iuran") || t.equals("contribution")) {
            return Boolean.FALSE;
        }
        return t.equals("denda") || t.equals("fine") ? Boolean.TRUE : null;
    }

    private static final java.time.format.DateTimeFormatter STATEMENT_DATE = java.time.format.DateTimeFormatter
            .ofPattern("d/M/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /** ISO dates, and DD/MM/YYYY as Indonesian bank statements write them (never month first). */
    static LocalDate statementDate(String text) {
        String t = text == null ? "" : text.trim();
        return t.indexOf('/') >= 0 ? LocalDate.parse(t, STATEMENT_DATE) : LocalDate.parse(t);
    }

    private static String field(CsvRecord rec, Map<String, Integer> index, String name) {
        int i = index.get(name);
        return i < rec.getFieldCount() ? rec.getField(i).trim() : "";
    }
}
