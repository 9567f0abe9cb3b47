package id.lindung.billing.web;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.billing.BillOverview;
import id.lindung.billing.BillSummary;
import id.lindung.billing.BillVersions;
import id.lindung.billing.BillingRuns;
import id.lindung.billing.Bills;
import id.lindung.billing.Escalations;
import id.lindung.billing.Payments;
import id.lindung.billing.Protection;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.NotFoundException;
import id.lindung.platform.MoneyField;
import id.lindung.registry.PayerKind;
import id.lindung.registry.PayerRegister;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

@Controller
class BillingPageController {

    private final Bills bills;
    private final BillOverview overview;
    private final BillingRuns runs;
    private final Payments payments;
    private final Escalations escalations;
    private final Protection protection;
    private final CurrentActor currentActor;
    private final PublicCheckLimiter limiter;
    private final Clock clock;
    private final BillVersions versions;
    private final id.lindung.billing.BillingJobs jobs;
    private final id.lindung.billing.FinePayments fines;
    private final PayerRegister payerRegister;

    BillingPageController(Bills bills, BillOverview overview, BillingRuns runs, Payments payments, Escalations escalations,
                          Protection protection, CurrentActor currentActor, PublicCheckLimiter limiter, Clock clock,
                          BillVersions versions, id.lindung.billing.BillingJobs jobs, id.lindung.billing.FinePayments fines,
                          PayerRegister payerRegister) {
        this.payerRegister = payerRegister;
        this.fines = fines;
        this.jobs = jobs;
        this.versions = versions;
        this.bills = bills;
        this.overview = overview;
        this.runs = runs;
        this.payments = payments;
        this.escalations = escalations;
        this.protection = protection;
        this.currentActor = currentActor;
        this.limiter = limiter;
        this.clock = clock;
    }

    /** Rows per page of the bill list and of the arrears list. */
    static final int PAGE_SIZE = 50;

    /**
     * The month's bills, a page at a time, filtered by area (drilling down from the caller's region to a district and a
     * village), payer kind and status; the arrears escalation below it, paged on its own.
     */
    @GetMapping("/tagihan")
    String overview(@RequestParam(required = false) String month, @RequestParam(required = false) String region,
                    @RequestParam(required = false) String kind, @RequestParam(required = false) String status,
                    @RequestParam(defaultValue = "0") int page, @RequestParam(name = "apage", defaultValue = "0") int arrearsPage,
                    Model model) {
        Actor actor = currentActor.get();
        YearMonth m;
        BillOverview.Status st;
        String k = kind == null || kind.isBlank() ? null : kind.strip();
        BillOverview.Result result;
        // a bad filter is an InvalidInputException: the error page with its status, naming the value (ApiExceptionHandler)
        m = month == null || month.isBlank() ? YearMonth.now(clock) : BillingApiController.parseMonth(month);
        st = parseStatus(status);
        result = overview.find(new BillOverview.Filter(m, region, k, st), actor, page, PAGE_SIZE);
        var area = BillOverview.area(region, actor.scope());
        model.addAttribute("page", result);
        model.addAttribute("month", m.toString());
        model.addAttribute("region", area.equals(actor.scope()) ? "" : area.code());
        model.addAttribute("kind", k == null ? "" : k);
        model.addAttribute("status", st == null ? "" : st.name());
        model.addAttribute("kinds", BillOverview.KINDS.stream().sorted().toList());
        model.addAttribute("areas", overview.areasBelow(area));
        model.addAttribute("areaName", overview.nameOf(area));
        model.addAttribute("parentArea", area.equals(actor.scope()) ? null : overview.parentWithin(area, actor.scope()));
        model.addAttribute("bills", result.rows());
        model.addAttribute("total", result.totals().total().toBigDecimal());
        model.addAttribute("paid", result.totals().paid().toBigDecimal());
        model.addAttribute("outstanding", result.totals().outstanding().toBigDecimal());
        var arrears = escalations.forScope(actor.scope(), LocalDate.now(clock), arrearsPage, PAGE_SIZE);
        model.addAttribute("arrearsPage", arrears);
        model.addAttribute("escalations", arrears.items().stream().map(e -> e.shownTo(actor)).toList());
        model.addAttribute("canRun", actor.can(Role.ADMIN, Role.DPMD));
        return "billing/overview";
    }

    static BillOverview.Status parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return id.lindung.platform.EnumNames.parse(BillOverview.Status.class, status, "status");
    }

    /**
     * Starts the run in the background and shows its page, which follows it live (issue 11 item 16); what refuses a
     * run at once (a month too far ahead, a past month not confirmed) is said on this page as before.
     */
    @PostMapping("/tagihan/jalankan")
    String run(@RequestParam String month, @RequestParam(defaultValue = "false") boolean backfill,
               @RequestParam(required = false) String previewed, Model model) {
        try {
            // a past month is billed from this page only from its preview's confirmation: the page showed a box to tick
            // and started the backfill without ever saying what it would do (issue 11 item 2, contract review)
            YearMonth m = BillingApiController.parseMonth(month);
            return "redirect:/proses/" + jobs.startRun(m, backfill && m.toString().equals(previewed), currentActor.get());
        } catch (id.lindung.platform.InvalidInputException e) {
            if (e.problems().stream().anyMatch(p -> "BACKFILL_NOT_CONFIRMED".equals(p.code()))) {
                model.addAttribute("backfillRefused", true);
                model.addAttribute("preview", runs.dryRun(BillingApiController.parseMonth(month), currentActor.get()));
            } else {
                // a month too far ahead or not a month: said on the page, not a server error
                model.addAttribute("runRefused", e.problems().isEmpty() ? "" : e.problems().get(0).code());
            }
        }
        return overview(month, null, null, null, 0, 0, model);
    }

    /** Lines on one page of a bill; the PDF and XLSX hold them all. */
    static final int LINES_PER_PAGE = 100;

    @GetMapping("/tagihan/{id}")
    String bill(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        Actor actor = currentActor.get();
        BillSummary bill = bills.get(id, actor, null);
        if (page < 0) {
            throw new InvalidInputException("page", "OUT_OF_RANGE", "page must be 0 or more");
        }
        model.addAttribute("bill", bill.shownTo(actor));
        var lines = bills.lines(id, actor, page, LINES_PER_PAGE);
        model.addAttribute("lines", lines.items());
        model.addAttribute("linesPage", lines);
        model.addAttribute("byProgram", bills.totalsByProgram(id));
        model.addAttribute("due", bills.amountDue(bill, actor, null).shownTo(actor));
        return "billing/bill";
    }

    /** The form, empty or, from a bill's "record a fine payment", with its payer and purpose filled in. */
    @GetMapping("/pembayaran")
    String paymentForm(@RequestParam(required = false) String payer, @RequestParam(required = false) String purpose, Model model) {
        if (payer != null && !payer.isBlank() && currentActor.get().role().canChangeData()) {
            model.addAttribute("typed", new TypedPayment(payer.strip(), null, LocalDate.now(clock).toString(), null, "TELLER", false,
                    "FINE".equals(purpose)));
        }
        return paymentForm(model);
    }

    private String paymentForm(Model model) {
        if (!currentActor.get().role().canChangeData()) {
            // a page of forms only: a read-only role that opens it by its address gets the 403 page
            throw new org.springframework.security.access.AccessDeniedException("Read-only roles cannot record payments");
        }
        model.addAttribute("today", LocalDate.now(clock));
        payerChoices(currentActor.get(), model);
        model.addAttribute("channels", CHANNELS);
        model.addAttribute("recentImports", jobs.recent("PAYMENT_IMPORT", currentActor.get(), 5));
        return "billing/payment";
    }

    /**
     * Most payers the payer field lists when the form opens; a wider area (a regency or more) is offered the payers that
     * match what is typed instead, {@link #PAYER_MATCHES} at a time ({@code /pembayaran/pembayar}).
     */
    static final int PAYER_CHOICES = 300;

    /** Most payers one search of the payer field offers. */
    static final int PAYER_MATCHES = 20;

    /** The channels a payment usually comes through, offered beside the free-text field (billing.channel.option.*). */
    static final List<String> CHANNELS = List.of("TELLER", "TRANSFER", "VA", "PPOB");

    /**
     * What the payer field offers: the payers of the caller's area to pick from (when few enough to list), the village's
     * own budget filled in when the area has exactly one village payer (APBDES), and a real code of the area as the
     * example, so an empty field never looks filled in.
     */
    private void payerChoices(Actor actor, Model model) {
        var villages = payerRegister.list(new PayerRegister.Query(PayerKind.APBDES, null, null), actor.scope(), 0, 2);
        model.addAttribute("onlyVillagePayer", villages.total() == 1 ? villages.items().get(0).code() : null);
        model.addAttribute("payerExample", villages.items().isEmpty() ? "APBDES:64.02.03.2007" : villages.items().get(0).code());
        var inScope = payerRegister.list(new PayerRegister.Query(null, null, null), actor.scope(), 0, PAYER_CHOICES);
        boolean few = inScope.total() <= PAYER_CHOICES;
        model.addAttribute("payerChoices", few ? inScope.items() : List.of());
        model.addAttribute("payerSearch", !few);
        model.addAttribute("payerMatches", PAYER_MATCHES);
    }

    /**
     * The payers of the caller's area whose name holds, or whose code starts with, what the payer field holds: the
     * field's list, asked for as the user types when the area has too many payers to list (htmx, the register's own
     * scoped search, {@link #PAYER_MATCHES} at most). Nothing for an empty field.
     */
    @GetMapping("/pembayaran/pembayar")
    String payerMatches(@RequestParam(defaultValue = "") String payer, Model model) {
        model.addAttribute("payerChoices", payer.isBlank() ? List.of() : payerRegister.list(
                new PayerRegister.Query(null, null, payer.strip()), currentActor.get().scope(), 0, PAYER_MATCHES).items());
        return "billing/payment :: payerOptions";
    }

    @PostMapping("/pembayaran")
    String pay(@RequestParam String payer, @RequestParam String reference, @RequestParam(defaultValue = "") String date,
               @RequestParam String amount, @RequestParam(defaultValue = "TELLER") String channel,
               @RequestParam(defaultValue = "false") boolean prepayment,
               @RequestParam(defaultValue = "CONTRIBUTION") String purpose, Model model) {
        Actor actor = currentActor.get();
        // every problem the form can find before recording, each shown beside its field; the typed values stay
        List<InputProblem> problems = new ArrayList<>();
        LocalDate day = paymentDate(date, problems);
        BigDecimal rupiah = null;
        try {
            // typed as on a receipt (Rp 1.500.000), read as the reconciliation file's amount is
            rupiah = MoneyField.readOrThrow("amount", amount, "AMOUNT_INVALID", "AMOUNT_DECIMALS");
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (!payer.isBlank() && !payments.knowsPayer(payer, actor)) {
            problems.add(unknownPayer(payer));
        }
        // a fine payment pays fines only, never ahead (FinePayments); the form's other fields are the same
        boolean fine = "FINE".equals(purpose);
        if (fine && prepayment) {
            problems.add(InputProblem.of("prepayment", "FINE_PREPAYMENT", "a fine is paid after it accrued, never ahead"));
        }
        if (!problems.isEmpty()) {
            // the record's own checks (an empty payer, reference or amount) ran only once these were mended, so an
            // empty form named the date alone: every field's problem is shown at once, one per field
            java.util.Set<String> named = new java.util.HashSet<>();
            problems.forEach(p -> named.add(p.field()));
            Payments.validate(new Payments.PaymentRequest(payer, reference, day, rupiah, channel, prepayment)).stream()
                    .filter(p -> !named.contains(p.field())).forEach(problems::add);
        }
        if (problems.isEmpty()) {
            try {
                if (fine) {
                    model.addAttribute("fineResult", fines.record(new Payments.PaymentRequest(payer, reference, day, rupiah, channel), actor));
                } else {
                    model.addAttribute("result", payments.record(new Payments.PaymentRequest(payer, reference, day, rupiah, channel,
                            prepayment), actor));
                }
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            } catch (NotFoundException e) {
                // the payer left the area between the check and the record: the same answer as an unknown one
                problems.add(unknownPayer(payer));
            } catch (RuntimeException e) {
                if (!id.lindung.platform.DatabaseBusy.is(e)) {
                    throw e;
                }
                // the payer's lock stayed held past its wait (a billing run) or no connection came free: the transaction
                // was rolled back whole, so the form comes back as typed, to be sent again, not the error page
                problems.add(InputProblem.of(null, id.lindung.platform.DatabaseBusy.CODE,
                        "Lindung is busy and recorded nothing; send the same payment again in a few seconds"));
            }
        }
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            model.addAttribute("typed", new TypedPayment(payer, reference, date, amount, channel, prepayment, fine));
        }
        return paymentForm(model);
    }

    /** One answer for a payer code that names no payer and for one outside the user's area, so the form is no oracle. */
    private static InputProblem unknownPayer(String payer) {
        return InputProblem.of("payer", "UNKNOWN_PAYER", "unknown payer " + InputProblem.shown(payer.strip()) + " (or outside your area)");
    }

    /** The typed payment date (a date field sends YYYY-MM-DD), or null with its problem. */
    private static LocalDate paymentDate(String date, List<InputProblem> problems) {
        if (date.isBlank()) {
            problems.add(InputProblem.of("date", "PAYMENT_DATE_REQUIRED", "required"));
            return null;
        }
        try {
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            problems.add(InputProblem.of("date", "PAYMENT_DATE_INVALID", "date '" + InputProblem.shown(date) + "' is not a date (YYYY-MM-DD)"));
            return null;
        }
    }

    /**
     * Two stages: "check" shows what the file would do and writes nothing; "import" records it. Either runs in the
     * background: the answer is the job's page, which follows it live and keeps its result (issue 11 item 16).
     */
    @PostMapping("/pembayaran/impor")
    String importPayments(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "import") String stage)
            throws IOException {
        boolean check = "check".equals(stage);
        try (var in = file.getInputStream()) {
            return "redirect:/proses/" + jobs.startPaymentImport(file.getOriginalFilename(), in, check, currentActor.get());
        }
    }

    /** The protection card of a worker page, loaded by htmx (the registry page knows nothing of billing). */
    @GetMapping("/perlindungan/pekerja/{workerId}")
    String protectionCard(@PathVariable long workerId,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                          Model model) {
        LocalDate on = date == null ? LocalDate.now(clock) : date;
        model.addAttribute("report", protection.ofWorker(workerId, on, currentActor.get().scope()));
        model.addAttribute("workerId", workerId);
        return "billing/protection :: card";
    }

    /**
     * Public page: whoever holds a bill confirms it is genuine with the code printed on it (and in its QR code). A
     * code names one version of the bill; an older version's code answers that it was replaced, and when.
     */
    @GetMapping("/public/verifikasi-tagihan")
    String verifyBill(@RequestParam(required = false) String kode, jakarta.servlet.http.HttpServletRequest request, Model model) {
        if (kode != null && !kode.isBlank()) {
            if (!limiter.tryAcquire("verify:" + request.getRemoteAddr())) {
                model.addAttribute("limited", true);
            } else {
                model.addAttribute("checked", true);
                versions.verify(kode).ifPresent(v -> model.addAttribute("verified", v));
            }
        }
        model.addAttribute("kode", kode);
        return "billing/verify";
    }

    /**
     * Public page: a worker or a village confirms protection with NIK and birth date only. The form posts them (with
     * CSRF); an old address that carries them in its query is sent to the bare page with a notice, the NIK unused and
     * not repeated.
     */
    @GetMapping("/public/cek-perlindungan")
    String publicCheckForm(jakarta.servlet.http.HttpServletRequest request,
                           org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        if (request.getParameter("nik") != null || request.getParameter("birthDate") != null) {
            // an old link or bookmark with the NIK in it: never echoed, the form is shown without it
            redirect.addFlashAttribute("moved", true);
            return "redirect:/public/cek-perlindungan";
        }
        return "billing/public-check";
    }

    @PostMapping("/public/cek-perlindungan")
    String publicCheck(@RequestParam(required = false) String nik, @RequestParam(required = false) String birthDate,
                       jakarta.servlet.http.HttpServletRequest request, Model model) {
        LocalDate born = parseDate(birthDate);
        if (nik != null && !nik.isBlank() && born != null) {
            LocalDate birthDateValue = born;
            if (!limiter.tryAcquire(request.getRemoteAddr()) || !limiter.mayCheck(nik)) {
                model.addAttribute("limited", true);
            } else {
                model.addAttribute("checked", true);
                var found = protection.publicCheck(nik.trim(), birthDateValue, LocalDate.now(clock));
                found.ifPresentOrElse(r -> {
                    model.addAttribute("report", r);
                    model.addAttribute("checkedNik", id.lindung.access.PersonalData.mask(r.nik()));
                }, () -> limiter.failed(nik));
            }
        } else {
            model.addAttribute("incomplete", true);
        }
        return "billing/public-check";
    }

    private static LocalDate parseDate(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** What a refused payment form held, shown again so nothing has to be typed twice. */
    record TypedPayment(String payer, String reference, String date, String amount, String channel, boolean prepayment,
                        boolean fine) {}
}
