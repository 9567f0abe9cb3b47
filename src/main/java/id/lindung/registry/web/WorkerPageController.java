package id.lindung.registry.web;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.MoneyField;
import id.lindung.platform.Page;
import id.lindung.registry.EndReason;
import id.lindung.registry.LikelyDuplicate;
import id.lindung.registry.LikelyDuplicates;
import id.lindung.registry.MembershipTerm;
import id.lindung.registry.NikChecker;
import id.lindung.registry.ProtectionOnDate;
import id.lindung.access.PersonalData;
import id.lindung.shared.Programme;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Segment;
import id.lindung.registry.TransferRequests;
import id.lindung.registry.Worker;
import id.lindung.registry.WorkerCategories;
import id.lindung.registry.WorkerCategory;
import id.lindung.registry.WorkerStatus;
import id.lindung.registry.Workers;
import id.lindung.registry.WorkerVersion;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class WorkerPageController {

    private final Workers workers;
    private final LikelyDuplicates likelyDuplicates;
    private final TransferRequests transferRequests;
    private final NikChecker nikChecker;
    private final CurrentActor currentActor;
    private final WorkerCategories categories;
    private final ObjectProvider<ProtectionOnDate> protection;

    WorkerPageController(Workers workers, LikelyDuplicates likelyDuplicates, TransferRequests transferRequests,
                         NikChecker nikChecker, CurrentActor currentActor, WorkerCategories categories,
                         ObjectProvider<ProtectionOnDate> protection) {
        this.categories = categories;
        this.protection = protection;
        this.workers = workers;
        this.nikChecker = nikChecker;
        this.likelyDuplicates = likelyDuplicates;
        this.transferRequests = transferRequests;
        this.currentActor = currentActor;
    }

    @GetMapping("/pekerja")
    String list(@RequestParam(required = false) String region, @RequestParam(required = false) String category,
                @RequestParam(required = false) Programme program, @RequestParam(required = false) String payer,
                @RequestParam(required = false) String status, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page, Model model) {
        Actor actor = currentActor.get();
        // a category not in the list: the 400 error page naming the value (ApiExceptionHandler)
        WorkerCategory chosen = categories.parse("category", category);
        var query = new Workers.Query(region, chosen, program, payer, status, q);
        Page<Workers.Listed> result;
        try {
            result = workers.list(query, actor.scope(), page, 50);
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            result = new Page<>(List.of(), 0, 50, 0);
        }
        model.addAttribute("result", result);
        model.addAttribute("rows", result.items().stream().map(l -> WorkerRow.of(l, actor)).toList());
        addProtection(result.items(), model);
        model.addAttribute("query", query);
        String listed = region == null || region.isBlank() ? actor.scope().code() : region;
        model.addAttribute("regionCode", listed);
        // a village's list names its village in the heading: on a phone its column is only width the status lacks
        model.addAttribute("oneVillage", listed.chars().filter(c -> c == '.').count() == 3);
        model.addAttribute("regionName", region == null || region.isBlank() ? null : workers.villageName(region));
        model.addAttribute("categories", categories.all());
        model.addAttribute("programs", Programme.values());
        return "registry/workers";
    }

    /**
     * Each listed worker's JKK/JKM protection today (business time zone), in one read for the page: only the workers
     * already listed, which the scope chose; without billing's answer the column is left out.
     */
    private void addProtection(List<Workers.Listed> listed, Model model) {
        ProtectionOnDate source = protection.getIfAvailable();
        if (source == null) {
            return;
        }
        LocalDate today = nikChecker.today();
        List<Long> ids = listed.stream().map(l -> l.worker().id()).toList();
        model.addAttribute("protection", ListedProtection.of(ids.isEmpty() ? java.util.Map.of() : source.of(ids, today)));
        model.addAttribute("protectionDate", today);
    }

    /**
     * The search form posts, so that a NIK typed in it never lands in a URL (address bar, history, proxy and server
     * logs). A search by NIK digits is answered here, on the first page; a search by name is redirected to the list's
     * ordinary address, which can be bookmarked and paged.
     */
    @PostMapping("/pekerja/cari")
    String search(@RequestParam(required = false) String region, @RequestParam(required = false) String category,
                  @RequestParam(required = false) Programme program, @RequestParam(required = false) String payer,
                  @RequestParam(required = false) String status, @RequestParam(required = false) String q, Model model) {
        if (isNikSearch(q)) {
            model.addAttribute("nikSearch", true);
            return list(region, category, program, payer, status, q.strip(), 0, model);
        }
        return "redirect:" + org.springframework.web.util.UriComponentsBuilder.fromPath("/pekerja")
                .queryParamIfPresent("region", blankless(region))
                .queryParamIfPresent("category", blankless(category))
                .queryParamIfPresent("program", java.util.Optional.ofNullable(program))
                .queryParamIfPresent("payer", blankless(payer)).queryParamIfPresent("status", blankless(status))
                .queryParamIfPresent("q", blankless(q)).encode().build().toUriString();
    }

    static boolean isNikSearch(String q) {
        return q != null && !q.isBlank() && q.strip().chars().allMatch(Character::isDigit);
    }

    private static java.util.Optional<String> blankless(String value) {
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value.strip());
    }

    @GetMapping("/desa/{code}/pekerja")
    String village(@PathVariable String code, @RequestParam(required = false) String category,
                   @RequestParam(required = false) Programme program, @RequestParam(required = false) String payer,
                   @RequestParam(required = false) String status, @RequestParam(required = false) String q,
                   @RequestParam(defaultValue = "0") int page, Model model) {
        return list(code, category, program, payer, status, q, page, model);
    }

    /** A likely duplicate on the worker page: the flag, the other worker and the birth date as the role may see it. */
    record DuplicateRow(long flagId, Worker other, String birthDate) {}

    /** Pages link workers by internal id: a NIK never appears in a URL, so masking it on screen means something. */
    @GetMapping("/pekerja/id/{id}")
    String workerById(@PathVariable long id, Model model) {
        return worker(workers.getById(id, currentActor.get().scope()), model);
    }

    /** The worker page by the opaque public id: the link of the worker list and of likely duplicates. */
    @GetMapping("/pekerja/p/{publicId}")
    String workerByPublicId(@PathVariable java.util.UUID publicId, Model model) {
        return worker(workers.getByPublicId(publicId, currentActor.get().scope()), model);
    }

    /** The status form of the worker page. */
    @PostMapping("/pekerja/id/{id}/status")
    String changeStatus(@PathVariable long id, @RequestParam(required = false) WorkerStatus status,
                        @RequestParam(required = false) String reason,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveOn,
                        @RequestParam(required = false) String version, Model model, RedirectAttributes redirect) {
        return onWorkerPage(id, "status", model, redirect, versioned(version, nik -> workers.changeStatus(nik, status, reason, effectiveOn)));
    }

    /** The two answers to a likely duplicate on the worker page. */
    @PostMapping("/pekerja/id/{id}/kemungkinan-ganda/{flagId}")
    String resolveDuplicate(@PathVariable long id, @PathVariable long flagId,
                            @RequestParam(required = false) LikelyDuplicate.Verdict status,
                            @RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
        return onWorkerPage(id, "duplicate", model, redirect, nik -> likelyDuplicates.resolve(flagId, status, note));
    }

    /** The membership form: opens a programme or starts a new version of its terms (wage, risk, payer, segment). */
    @PostMapping("/pekerja/id/{id}/kepesertaan")
    String changeTerms(@PathVariable long id, @RequestParam(required = false) String program,
                       @RequestParam(required = false) String segment, @RequestParam(required = false) String wage,
                       @RequestParam(required = false) String riskGroup, @RequestParam(required = false) String payerKind,
                       @RequestParam(required = false) String payerName, @RequestParam(required = false) String validFrom,
                       @RequestParam(required = false) String version, Model model, RedirectAttributes redirect) {
        model.addAttribute("termForm", new TermForm(program, segment, wage, riskGroup, new PayerInput(payerKind, payerName), validFrom));
        return onWorkerPage(id, "terms", model, redirect, versioned(version, nik -> workers.changeTerms(nik, new Workers.TermChange(
                WorkerForm.parse(Programme.class, program), WorkerForm.parse(Segment.class, segment), MoneyField.readOrThrow("wage", wage, "WAGE_INVALID", "WAGE_SCALE"),
                WorkerForm.parse(RiskGroup.class, riskGroup), new PayerInput(payerKind, payerName).spec(), WorkerForm.date(validFrom)))));
    }

    /** The end form: a programme ends on a date, for a reason. */
    @PostMapping("/pekerja/id/{id}/kepesertaan/akhiri")
    String endTerm(@PathVariable long id, @RequestParam(required = false) String program,
                   @RequestParam(required = false) String reason, @RequestParam(required = false) String endDate,
                   @RequestParam(required = false) String version, Model model, RedirectAttributes redirect) {
        Programme p = WorkerForm.parse(Programme.class, program);
        return onWorkerPage(id, "end", model, redirect, versioned(version, nik -> {
            if (p == null) {
                throw new InvalidInputException("program", "REQUIRED", "Choose the programme to end");
            }
            workers.endTerm(nik, p, WorkerForm.date(endDate), WorkerForm.parse(EndReason.class, reason));
        }));
    }

    /** Completes a transfer request: moves the worker to the village that asked for it. */
    @PostMapping("/pekerja/id/{id}/pindah")
    String transfer(@PathVariable long id, @RequestParam(required = false) String villageCode,
                    @RequestParam(required = false) String effectiveOn, @RequestParam(required = false) String payerKind,
                    @RequestParam(required = false) String payerName, @RequestParam(required = false) String version,
                    Model model, RedirectAttributes redirect) {
        return onWorkerPage(id, "transfer", model, redirect, versioned(version, nik -> workers.transfer(nik, villageCode,
                WorkerForm.date(effectiveOn), new PayerInput(payerKind, payerName).spec())));
    }

    /** Declines a transfer request. */
    @PostMapping("/pekerja/id/{id}/pindah/tolak")
    String declineTransfer(@PathVariable long id, @RequestParam(required = false) String villageCode, Model model,
                           RedirectAttributes redirect) {
        return onWorkerPage(id, "declined", model, redirect, nik -> transferRequests.decline(id, villageCode));
    }

    /** The membership form as typed, so that a refused change comes back as entered. */
    record TermForm(String program, String segment, String wage, String riskGroup, PayerInput payer, String validFrom) {

        /** Prefilled from an open term: the change most often made is a new wage or payer from a later date. */
        static TermForm of(MembershipTerm t, LocalDate today) {
            // "2022200", not "2022200.00": a whole wage as an officer types it (review of 6 December 2026)
            String wage = (t.wage().isWhole() ? t.wage().toBigDecimal().setScale(0) : t.wage().toBigDecimal()).toPlainString();
            return new TermForm(t.program().name(), t.segment().name(), wage,
                    t.riskGroup() == null ? "" : t.riskGroup().name(), PayerInput.ofCode(t.workerPayerCode()), today.toString());
        }

        static TermForm blank(LocalDate today) {
            return new TermForm("", "", "", "", new PayerInput("", ""), today.toString());
        }
    }

    /** The fields of the membership, end and transfer forms, as the registry names them in its problems. */
    private static final String[] FORM_FIELDS = {"program", "segment", "wage", "riskGroup", "payer", "startDate", "validFrom",
            "reason", "endDate", "villageCode", "effectiveOn"};

    /**
     * Makes a change from a form of the worker page: back to the page with a note of what was saved, or the page again
     * with the reasons it was refused, next to the fields of {@code form} (the status and duplicate forms list them above).
     */
    /** A change of the worker page's forms, based on the version of the worker the page showed (optimistic locking). */
    private static Consumer<String> versioned(String version, Consumer<String> change) {
        return nik -> WorkerVersion.expecting(WorkerVersion.ofForm(version), () -> {
            change.accept(nik);
            return null;
        });
    }

    private String onWorkerPage(long id, String form, Model model, RedirectAttributes redirect, Consumer<String> change) {
        Worker w = workers.getById(id, currentActor.get().scope());
        try {
            change.accept(w.nik());
            redirect.addFlashAttribute("flash", "worker.saved." + form);
            return "redirect:/pekerja/id/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("failedForm", form);
            model.addAttribute("errors", FormErrors.of(e.problems(), FORM_FIELDS));
            return worker(w, model);
        }
    }

    /** Old links by NIK: for the roles that see NIKs; every NIK is not found for the others (and counted, see NikLookups). */
    @GetMapping("/pekerja/{nik:\\d{16}}")
    String worker(@PathVariable String nik, Model model) {
        return worker(workers.get(nik, currentActor.get().scope()), model);
    }

    private String worker(Worker w, Model model) {
        Actor actor = currentActor.get();
        model.addAttribute("worker", w);
        model.addAttribute("workerVersion", workers.version(w.nik(), actor.scope()));
        model.addAttribute("nikShown", PersonalData.nik(actor, w.nik()));
        model.addAttribute("birthDateShown", PersonalData.birthDate(actor, w.birthDate()));
        model.addAttribute("fullNik", PersonalData.seesFull(actor));
        model.addAttribute("villageName", workers.villageName(w.villageCode()));
        List<MembershipTerm> terms = workers.terms(w, actor.scope());
        model.addAttribute("terms", terms.stream().map(t -> t.shownTo(actor)).toList());
        model.addAttribute("history", workers.history(w).stream().map(e -> e.shownTo(actor)).toList());
        model.addAttribute("duplicates", likelyDuplicates.openOf(w, actor.scope()).stream()
                .map(d -> new DuplicateRow(d.id(), d.otherThan(w.id()), PersonalData.birthDate(actor, d.otherThan(w.id()).birthDate())))
                .toList());
        model.addAttribute("verdicts", LikelyDuplicate.Verdict.values());
        model.addAttribute("statuses", WorkerStatus.values());
        if (actor.role().canChangeData()) {
            LocalDate today = nikChecker.today();
            List<MembershipTerm> open = terms.stream().filter(MembershipTerm::isOpen).toList();
            if (!model.containsAttribute("termForm")) {
                model.addAttribute("termForm", open.isEmpty() ? TermForm.blank(today) : TermForm.of(open.get(0), today));
            }
            model.addAttribute("openTerms", open);
            model.addAttribute("today", today);
            model.addAttribute("programs", Programme.values());
            model.addAttribute("segments", Segment.values());
            model.addAttribute("risks", RiskGroup.values());
            model.addAttribute("payerKinds", WorkerFormController.PAYER_KINDS);
            model.addAttribute("noPayer", new PayerInput("", ""));
            model.addAttribute("emptyErrors", FormErrors.none());
            model.addAttribute("endReasons", List.of(EndReason.DECEASED, EndReason.RESIGNED, EndReason.END_OF_TERM,
                    EndReason.LAPSED, EndReason.OTHER));
        }
        model.addAttribute("transferRequests", transferRequests.openFor(w, actor.scope()));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
        }
        return "registry/worker";
    }
}
