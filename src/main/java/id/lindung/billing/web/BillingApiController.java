package id.lindung.billing.web;

import id.lindung.access.CurrentActor;
import id.lindung.billing.BillDocuments;
import id.lindung.billing.BillSummary;
import id.lindung.billing.BillingRuns;
import id.lindung.billing.Bills;
import id.lindung.billing.Escalations;
import id.lindung.billing.Payments;
import id.lindung.billing.Protection;
import id.lindung.platform.AmountJson;
import id.lindung.platform.ApiProblems;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.NotFoundException;
import id.lindung.shared.Rupiah;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Tagihan & pembayaran / Billing", description = "Monthly bills per payer, payments, arrears, protection")
class BillingApiController {

    private final id.lindung.platform.ProblemLanguage language;
    private final BillingRuns runs;
    private final Bills bills;
    private final BillDocuments documents;
    private final Payments payments;
    private final Protection protection;
    private final Escalations escalations;
    private final CurrentActor actor;
    private final PublicCheckLimiter limiter;
    private final Clock clock;
    private final String publicUrl;
    private final id.lindung.registry.Workers workers;
    private final id.lindung.billing.PersonalDataExport personalData;
    private final id.lindung.access.AuditLog audit;
    private final org.springframework.context.MessageSource messages;

    BillingApiController(BillingRuns runs, Bills bills, BillDocuments documents, Payments payments, Protection protection,
                         Escalations escalations, CurrentActor actor, PublicCheckLimiter limiter, Clock clock,
                         @org.springframework.beans.factory.annotation.Value("${lindung.public-url:}") String publicUrl,
                         id.lindung.registry.Workers workers, id.lindung.billing.PersonalDataExport personalData,
                         id.lindung.access.AuditLog audit, org.springframework.context.MessageSource messages,
                         id.lindung.platform.ProblemLanguage language) {
        this.language = language;
        this.audit = audit;
        this.messages = messages;
        this.publicUrl = publicUrl;
        this.workers = workers;
        this.personalData = personalData;
        this.runs = runs;
        this.bills = bills;
        this.documents = documents;
        this.payments = payments;
        this.protection = protection;
        this.escalations = escalations;
        this.actor = actor;
        this.limiter = limiter;
        this.clock = clock;
    }

    /** {@code backfill} confirms billing the past; {@code dryRun} answers what the run would do and writes nothing. */
    record RunRequest(String month, Boolean backfill, Boolean dryRun) {}

    @Operation(summary = "Run billing for a month (ADMIN, DPMD); idempotent: a re-run adds only corrections. A month older than "
            + "the billing window, or earlier than a payer's latest bill, is refused (422 BACKFILL_NOT_CONFIRMED) unless "
            + "\"backfill\":true; \"dryRun\":true answers what the run would do (bills, lines, totals, and the payers whose "
            + "months would change, the run's own among them: each month's amount paid, day paid in full and fine before and after, "
            + "and its worker programme months paid on another day) and writes nothing")
    @PostMapping("/billing/runs")
    Object run(@RequestBody RunRequest request) {
        YearMonth month = parseMonth(request.month());
        if (Boolean.TRUE.equals(request.dryRun())) {
            return runs.dryRun(month, actor.get());
        }
        return runs.run(month, actor.get(), Boolean.TRUE.equals(request.backfill()));
    }

    record BillView(String payer, String month, BigDecimal total, BigDecimal paid, BigDecimal outstanding, BigDecimal fine,
                    LocalDate dueDate, long lineCount, long id, String payerName, String verificationCode) {
        static BillView of(BillSummary b) {
            return new BillView(b.payer(), b.month().toString(), AmountJson.withSen(b.total()), AmountJson.summed(b.paid()),
                    AmountJson.withSen(b.outstanding()), b.fine().toNumber(), b.dueDate(),
                    b.lineCount(), b.id(), b.payerName(), b.verificationCode());
        }
    }

    @Operation(summary = "Bills in your scope, by payer code and/or month (YYYY-MM); paged with page and size "
            + "(at most 1000), the total count in the X-Total-Count header")
    @GetMapping("/bills")
    ResponseEntity<List<BillView>> bills(@RequestParam(required = false) String payer, @RequestParam(required = false) String month,
                                         @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "1000") int size) {
        requireAddressable(payer, actor.get());
        var result = bills.find(payer, month == null || month.isBlank() ? null : parseMonth(month), actor.get(), null, page, size);
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(result.total()))
                .body(result.items().stream().map(b -> BillView.of(b.shownTo(actor.get()))).toList());
    }

    /**
     * A payer filter as a masked role may give it: {@code SELF:<nik>} names a NIK, so for MONITOR and AUDITOR it answers
     * as an unknown payer code (docs/privacy.md); the bill list and the fine payments ask the same.
     */
    static void requireAddressable(String payer, id.lindung.access.Actor actor) {
        if (payer != null && payer.strip().toUpperCase(java.util.Locale.ROOT).startsWith("SELF")
                && !id.lindung.access.PersonalData.mayAddressByNik(actor)) {
            throw id.lindung.access.PersonalData.payerNotFound(payer);
        }
    }

    @Operation(summary = "One bill with its lines")
    @GetMapping("/bills/{id}")
    Object bill(@PathVariable long id) {
        BillSummary b = bills.get(id, actor.get(), null);
        return java.util.Map.of("bill", BillView.of(b.shownTo(actor.get())), "totalsByProgram", totalsWithSen(bills.totalsByProgram(id)),
                "lines", bills.lines(id, actor.get()), "amountDue", DueView.of(bills.amountDue(b, actor.get(), null)));
    }

    /** One earlier month behind a bill's amount due: its unpaid contribution and its fine still owed (either may be zero). */
    record OwingMonth(String month, BigDecimal outstanding, BigDecimal fine) {}

    /**
     * What the bill asks to pay, as the PDF's totals say it: the earlier months' unpaid contributions ({@code arrears}, over
     * {@code monthsInArrears}), every fine accrued so far ({@code finesAccrued}: the bill's own and each earlier month's,
     * also a month paid late but in full), what fine payments paid of them ({@code finesPaid}), the fines still owed
     * ({@code fines}), {@code toPay}, the earlier months they come from, and the fine payments no fine up to this month
     * takes ({@code finePaymentsLeft}: on the latest bill, fine money beyond every fine, see {@link id.lindung.billing.AmountDue}).
     */
    record DueView(BigDecimal arrears, long monthsInArrears, BigDecimal finesAccrued, BigDecimal finesPaid, BigDecimal fines,
                   BigDecimal toPay, List<OwingMonth> earlier, BigDecimal finePaymentsLeft) {
        static DueView of(id.lindung.billing.AmountDue due) {
            return new DueView(due.arrears().toNumber(), due.monthsInArrears(), due.finesAccrued().toNumber(),
                    due.finesPaid().toNumber(), due.fines().toNumber(), due.toPay().toNumber(),
                    due.earlier().stream().map(b -> new OwingMonth(b.month().toString(), b.outstanding().toNumber(), b.fine().toNumber()))
                            .toList(), due.finePaymentsLeft().toNumber());
        }
    }

    /** Each programme's total with two decimals, as the API has always written a sum of stored amounts. */
    private static java.util.Map<String, BigDecimal> totalsWithSen(java.util.Map<String, Rupiah> totals) {
        java.util.Map<String, BigDecimal> json = new java.util.LinkedHashMap<>();
        totals.forEach((program, amount) -> json.put(program, AmountJson.withSen(amount)));
        return json;
    }

    @Operation(summary = "A bill as PDF (in the language of the request: Indonesian by default), with the verification address and its QR code")
    @GetMapping(value = "/bills/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        BillSummary b = bills.get(id, actor.get(), null);
        byte[] pdf = documents.pdf(b.shownTo(actor.get()), bills.amountDue(b, actor.get(), null), actor.get(),
                verificationUrl(b.verificationCode()), LocaleContextHolder.getLocale());
        auditDocument(b, "pdf");
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=tagihan-" + b.month() + "-" + b.id() + ".pdf")
                .contentType(MediaType.APPLICATION_PDF).body(pdf);
    }

    /**
     * The public verification address printed on a bill and encoded in its QR code: {@code lindung.public-url} where
     * set (the address people reach the server by, behind a proxy), else the address of this request.
     */
    private String verificationUrl(String code) {
        String base = publicUrl.isBlank()
                ? org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
                : publicUrl.replaceAll("/+$", "");
        return base + "/public/verifikasi-tagihan?kode=" + code;
    }

    @Operation(summary = "A bill as XLSX (in the language of the request: Indonesian by default)")
    @GetMapping("/bills/{id}/xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id) {
        BillSummary b = bills.get(id, actor.get(), null);
        byte[] xlsx = documents.xlsx(b.shownTo(actor.get()), bills.amountDue(b, actor.get(), null), actor.get(),
                LocaleContextHolder.getLocale());
        auditDocument(b, "xlsx");
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=tagihan-" + b.month() + "-" + b.id() + ".xlsx")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(xlsx);
    }

    /** A bill's document lists the people it bills for: each one handed out is an audited disclosure. */
    private void auditDocument(BillSummary b, String format) {
        audit.exported("bill", String.valueOf(b.id()), bills.regionOf(b.id()),
                java.util.Map.of("format", format, "month", b.month().toString(), "rows", b.lineCount()));
    }

    @Operation(summary = "Record a payment; the same payer and reference twice stores one payment (200 with duplicate=true)")
    @PostMapping("/payments")
    ResponseEntity<PaymentResult> pay(@RequestBody Payments.PaymentRequest request) {
        var result = payments.record(request, actor.get());
        String message = messages.getMessage(result.reversed() ? "billing.payment.duplicateReversed"
                : result.duplicate() ? "billing.payment.duplicate" : "billing.payment.ok", null, LocaleContextHolder.getLocale());
        return ResponseEntity.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(PaymentResult.of(result, request, message));
    }

    /**
     * {@link Payments.PaymentResult} as the API has always written it: a new payment's amount is the number sent,
     * a duplicate's is the stored one with two decimals. The message is the payment form's sentence in the request's
     * language (Indonesian by default, docs/api-errors.md "Language"); until the audit of 7 December 2026 it was English
     * whatever the language.
     */
    record PaymentResult(long id, id.lindung.registry.PayerCode payer, String reference, LocalDate date, BigDecimal amount, String channel,
                         boolean duplicate, boolean reversed, String message) {
        static PaymentResult of(Payments.PaymentResult r, Payments.PaymentRequest request, String message) {
            return new PaymentResult(r.id(), r.payer(), r.reference(), r.date(),
                    r.duplicate() ? AmountJson.withSen(r.amount()) : request.amount(), r.channel(), r.duplicate(), r.reversed(), message);
        }
    }

    @Operation(summary = "Import a reconciliation CSV: payer,reference,date,amount; dryRun=true checks every row and writes nothing")
    @PostMapping(path = "/payments/imports", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ImportSummary importPayments(jakarta.servlet.http.HttpServletRequest request, @RequestParam(defaultValue = "false") boolean dryRun,
                                 @RequestParam(defaultValue = "" + ImportSummary.DEFAULT_LISTED) int rejectedLimit) throws java.io.IOException {
        // read from the request as it arrives, never copied whole into memory (issue 12 item 9)
        // each listed row's reason in the request's language, as the API's problems and the job's page give it; its code unchanged
        java.util.Locale locale = LocaleContextHolder.getLocale();
        return ImportSummary.of(payments.importCsv(request.getInputStream(), actor.get(), dryRun), rejectedLimit,
                r -> new Payments.Rejection(r.line(), r.problems().size() < 2 ? language.inLanguage(r.code(), r.reason(), locale)
                        // a row refused for several fields: each worded by its own code, as sentences (one sentence for all lost the others)
                        : String.join(" ", r.problems().stream()
                                .map(p -> language.inLanguage(p.code(), p.field() + ": " + p.message(), locale)).toList()),
                        r.code(), r.problems()));
    }

    /**
     * An import's answer with its rejected rows capped (issue 12 item 9: a 61 MB dry run answered 73 MB of JSON):
     * {@code rejected} lists the first {@code rejectedLimit} (default 1000, at most 10000), {@code rejectedTotal}
     * counts them all and {@code rejectedTruncated} says whether some were left out.
     */
    record ImportSummary(int accepted, int duplicates, List<Payments.Rejection> rejected, int rejectedTotal, boolean rejectedTruncated) {
        static final int DEFAULT_LISTED = 1000;
        static final int MAX_LISTED = 10_000;

        static ImportSummary of(Payments.ImportResult result, int limit, java.util.function.UnaryOperator<Payments.Rejection> worded) {
            int listed = Math.max(0, Math.min(limit, MAX_LISTED));
            List<Payments.Rejection> all = result.rejected();
            return new ImportSummary(result.accepted(), result.duplicates(), all.stream().limit(listed).map(worded).toList(),
                    all.size(), all.size() > listed);
        }
    }

    /** A reversal's reason (payments and fine payments). */
    record ReversalRequest(String reason) {}

    @Operation(summary = "Reverse a wrong payment (ADMIN, BPJS_OFFICER), with a reason")
    @PostMapping("/payments/{id}/reversal")
    ResponseEntity<Void> reverse(@PathVariable long id, @RequestBody ReversalRequest request) {
        payments.reverse(id, request.reason(), actor.get());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Protection of a worker's programmes on a date (default today), by NIK: for the roles that see NIKs; "
            + "404 for every NIK for MONITOR and AUDITOR (use /workers/by-id/{id}/protection); misses are rate-limited (429)")
    @GetMapping("/workers/{nik}/protection")
    Protection.Report protection(@PathVariable String nik,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        var scope = actor.get().scope();
        var worker = workers.get(nik, scope);
        var report = protection.ofWorker(worker.id(), date == null ? LocalDate.now(clock) : date, scope);
        return new Protection.Report(nik, report.date(), report.programs()).shownTo(actor.get());
    }

    @Operation(summary = "Protection of a worker's programmes on a date (default today), by the worker's opaque public id")
    @GetMapping("/workers/by-id/{id}/protection")
    Protection.Report protectionById(@PathVariable java.util.UUID id,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        var scope = actor.get().scope();
        var worker = workers.getByPublicId(id, scope);
        return protection.ofWorker(worker.id(), date == null ? LocalDate.now(clock) : date, scope).shownTo(actor.get());
    }

    @Operation(summary = "Payers of every kind more than one month in arrears, below your own region, grouped by the area one "
            + "level below it (groupCode, groupName), largest arrears first within a group; paged with page and size (at most "
            + "500), the total count in the X-Total-Count header; a page past the end answers the last page")
    @GetMapping("/arrears/escalations")
    ResponseEntity<List<Escalations.Escalation>> escalations(@RequestParam(defaultValue = "0") int page,
                                                             @RequestParam(defaultValue = "500") int size) {
        var who = actor.get();
        var result = escalations.forScope(who.scope(), LocalDate.now(clock), page, size);
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(result.total()))
                .body(result.items().stream().map(e -> e.shownTo(who)).toList());
    }

    record PublicStatus(String program, String status) {}

    record PublicReport(String nik, LocalDate date, List<PublicStatus> programs) {}

    /** Who a request for a person's data is about: the NIK in the body, never in the URL. */
    record PersonRequest(String nik) {}

    @Operation(summary = "Everything held about one person (UU 27/2022), ADMIN only, audited: NIK in the body")
    @PostMapping("/privacy/person-export")
    java.util.Map<String, Object> personExport(@RequestBody PersonRequest request) {
        if (request.nik() == null || request.nik().isBlank()) {
            throw new InvalidInputException("nik", "REQUIRED", "nik is required");
        }
        return personalData.of(request.nik().strip(), actor.get());
    }

    /** The public check's question: in the body, never in the URL. */
    record PublicCheckRequest(String nik, LocalDate birthDate) {}

    /** The old GET with the NIK in the query: a notice where to send it instead; the NIK is neither used nor repeated. */
    @Operation(summary = "Replaced by POST /api/v1/public/protection: answers 410 PUBLIC_CHECK_MOVED without using the query")
    @GetMapping("/public/protection")
    ResponseEntity<ProblemDetail> publicCheckMoved() {
        ProblemDetail body = ApiProblems.of(HttpStatus.GONE, "PUBLIC_CHECK_MOVED", "Send POST /api/v1/public/protection with "
                + "{\"nik\": ..., \"birthDate\": \"YYYY-MM-DD\"} in the body: a NIK is never sent in a URL");
        return ResponseEntity.status(HttpStatus.GONE).contentType(ApiProblems.PROBLEM_JSON).body(body);
    }

    @Operation(summary = "Public status check: NIK and birth date in the JSON body; statuses only, rate-limited")
    @PostMapping("/public/protection")
    ResponseEntity<?> publicCheck(@RequestBody PublicCheckRequest question, HttpServletRequest request) {
        List<InputProblem> missing = new java.util.ArrayList<>();
        if (question.nik() == null || question.nik().isBlank()) {
            missing.add(InputProblem.of("nik", "REQUIRED", "nik is required"));
        }
        if (question.birthDate() == null) {
            missing.add(InputProblem.of("birthDate", "REQUIRED", "birthDate is required"));
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
        String nik = question.nik();
        LocalDate birthDate = question.birthDate();
        if (!limiter.tryAcquire(request.getRemoteAddr())) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "60")
                    .contentType(ApiProblems.PROBLEM_JSON).body(ApiProblems.of(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS",
                            "Terlalu banyak permintaan; coba lagi dalam 1 menit"));
        }
        if (!limiter.mayCheck(nik)) {
            // the same answer whether the NIK exists or not: the limit itself tells nothing
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "86400")
                    .contentType(ApiProblems.PROBLEM_JSON).body(ApiProblems.of(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_FAILED_CHECKS",
                            "Terlalu banyak pengecekan gagal untuk NIK ini; coba lagi besok atau tanyakan operator desa"
                                    + " / Too many failed checks of this NIK; try again tomorrow or ask the village operator"));
        }
        LocalDate today = LocalDate.now(clock);
        var found = protection.publicCheck(nik.trim(), birthDate, today);
        if (found.isEmpty()) {
            limiter.failed(nik);
        }
        return found
                .<ResponseEntity<?>>map(r -> ResponseEntity.ok(new PublicReport(masked(r.nik()), r.date(),
                        r.programs().stream().map(p -> new PublicStatus(p.program(), p.status().name())).toList())))
                .orElseThrow(() -> new NotFoundException("No participant with that NIK and birth date", "billing.public.notFound.api"));
    }

    static String masked(String nik) {
        return nik.length() == 16 ? nik.substring(0, 6) + "********" + nik.substring(14) : "****";
    }

    /**
     * A month YYYY-MM of the years 1900 to 9999; beyond them OUT_OF_RANGE. Java parses years up to ±999,999,999 ("+999999999-12"),
     * which no bill can have and PostgreSQL refuses: the pages answered that with a 500 (security review).
     */
    static YearMonth parseMonth(String month) {
        if (month == null || month.isBlank()) {
            // the same code as every other missing field, not "got 'null'"
            throw new InvalidInputException("month", "REQUIRED", "month is required (YYYY-MM)");
        }
        YearMonth parsed;
        try {
            // strip(), not trim(): trim() also drops NUL and control characters, which would make "2026-12\u0000" a month
            parsed = YearMonth.parse(month.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("month", "INVALID_MONTH", "month must be YYYY-MM, got '"
                    + id.lindung.platform.InputProblem.shown(String.valueOf(month)) + "'");
        }
        if (parsed.getYear() < 1900 || parsed.getYear() > 9999) {
            throw new InvalidInputException("month", "OUT_OF_RANGE", "month " + parsed + " is outside 1900-01 to 9999-12");
        }
        return parsed;
    }
}
