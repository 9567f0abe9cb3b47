package id.lindung.claim.web;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.PersonalData;
import id.lindung.access.Role;
import id.lindung.benefit.JhtReason;
import id.lindung.claim.ClaimCase;
import id.lindung.claim.ClaimRequests;
import id.lindung.claim.ClaimStatus;
import id.lindung.claim.ClaimType;
import id.lindung.claim.Claims;
import id.lindung.claim.DocumentType;
import id.lindung.claim.HeirRelationship;
import id.lindung.claim.SchoolLevel;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.MoneyField;
import id.lindung.platform.NotFoundException;
import id.lindung.platform.Page;
import id.lindung.registry.Worker;
import id.lindung.registry.Workers;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The claim pages: the case list of the caller's area, the form that opens a case (with a preview of the decision and
 * the benefit before anything is stored), the case page with its workflow, documents and scholarship schedule, and the
 * case file as PDF. The claim module decides everything (scope, roles, rules); this shows its answers, and offers an
 * action only to the roles that may take it.
 */
@Controller
class ClaimPageController {

    private static final int PAGE_SIZE = 50;

    private final Claims claims;
    private final Workers workers;
    private final CurrentActor currentActor;
    private final MessageSource messages;
    private final id.lindung.platform.ProblemLanguage language;
    private final ClaimCaseFile caseFile;
    private final Clock clock;
    private final id.lindung.region.Regions regions;

    ClaimPageController(Claims claims, Workers workers, CurrentActor currentActor, MessageSource messages,
                        ClaimCaseFile caseFile, Clock clock, id.lindung.region.Regions regions,
                        id.lindung.platform.ProblemLanguage language) {
        this.language = language;
        this.regions = regions;
        this.claims = claims;
        this.workers = workers;
        this.currentActor = currentActor;
        this.messages = messages;
        this.caseFile = caseFile;
        this.clock = clock;
    }

    @GetMapping("/klaim")
    String list(@RequestParam(required = false) String region, @RequestParam(required = false) ClaimStatus status,
                @RequestParam(name = "case", required = false) ClaimType type,
                @RequestParam(required = false) Boolean overdue, @RequestParam(defaultValue = "0") int page, Model model) {
        Actor actor = currentActor.get();
        String area = region == null || region.isBlank() ? null : region.strip();
        var filter = new ClaimRequests.Filter(area, status, type, Boolean.TRUE.equals(overdue) ? Boolean.TRUE : null,
                Math.max(0, page), PAGE_SIZE);
        Page<id.lindung.claim.ClaimSummary> result = claims.list(filter);
        model.addAttribute("query", filter);
        model.addAttribute("result", result);
        model.addAttribute("rows", result.items());
        // the village's name, as every other list shows it; its code stays beside it for those who search by code
        model.addAttribute("villageNames", regions.names(result.items().stream().map(id.lindung.claim.ClaimSummary::region).toList()));
        // the area's name beside its code (the caller's whole scope when no area is asked), as the other lists head themselves
        String code = area == null ? actor.scope().code() : area;
        String name = actor.scope().isNational() && area == null ? null : workers.villageName(code);
        model.addAttribute("regionName", code.equals(name) ? null : name);
        model.addAttribute("regionCode", code);
        model.addAttribute("statuses", ClaimStatus.values());
        model.addAttribute("cases", ClaimType.values());
        model.addAttribute("canOpen", actor.role().canChangeData());
        return "claim/list";
    }

    /** The form, for a worker chosen by opaque id (the worker page's link) or, without one, the NIK search first. */
    @GetMapping("/klaim/baru")
    String newForm(@RequestParam(name = "pekerja", required = false) UUID workerId, Model model) {
        Actor actor = opener();
        if (workerId != null) {
            Worker w = workers.getByPublicId(workerId, actor.scope());
            return form(w, ClaimForm.blank(LocalDate.now(clock)), model);
        }
        model.addAttribute("worker", null);
        return "claim/new";
    }

    /** The NIK search posts, so that the NIK stays out of URLs; a worker found leads to the form by its opaque id. */
    @PostMapping("/klaim/baru/pekerja")
    String findWorker(@RequestParam(defaultValue = "") String nik, Model model) {
        Actor actor = opener();
        String digits = nik.strip();
        try {
            if (digits.matches("\\d{16}")) {
                Worker w = workers.get(digits, actor.scope());
                return "redirect:/klaim/baru?pekerja=" + w.publicId();
            }
        } catch (NotFoundException notInArea) {
            // answered below as any NIK that is not a worker of the area
        }
        model.addAttribute("worker", null);
        model.addAttribute("nik", digits);
        model.addAttribute("workerNotFound", true);
        return "claim/new";
    }

    /** The htmx preview: what opening would decide, computed by the module and not stored. */
    @PostMapping("/klaim/baru/pratinjau")
    String preview(@RequestParam Map<String, String> params, Model model, Locale locale) {
        Actor actor = opener();
        Worker w = worker(params, actor);
        try {
            model.addAttribute("preview", claims.preview(ClaimForm.of(params).toRequest(w.nik())));
        } catch (InvalidInputException e) {
            model.addAttribute("previewProblems", ProblemText.of(e.problems(), messages, language, locale));
        }
        return "claim/new :: preview";
    }

    @PostMapping("/klaim/baru")
    String open(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect, Locale locale) {
        Actor actor = opener();
        Worker w = worker(params, actor);
        ClaimForm form = ClaimForm.of(params);
        try {
            ClaimCase opened = claims.open(form.toRequest(w.nik()));
            redirect.addFlashAttribute("flash", "claim.case.saved");
            return "redirect:/klaim/" + opened.id();
        } catch (InvalidInputException e) {
            model.addAttribute("problems", ProblemText.of(e.problems(), messages, language, locale));
            return form(w, form, model);
        }
    }

    @GetMapping("/klaim/{id}")
    String caseFile(@PathVariable long id, Model model) {
        return casePage(claims.get(id), model);
    }

    /** A workflow step from the case page's buttons. */
    @PostMapping("/klaim/{id}/status")
    String transition(@PathVariable long id, @RequestParam(required = false) String to, @RequestParam(required = false) String reason,
                      @RequestParam(required = false) String reference, @RequestParam(required = false) String date,
                      @RequestParam(required = false) String amount, @RequestParam(required = false) String heir,
                      Model model, RedirectAttributes redirect, Locale locale) {
        return onCasePage(id, "claim.case.saved.transition", model, redirect, locale, () -> {
            ClaimStatus target = parse("to", to, ClaimStatus.class);
            ClaimRequests.PaymentInput payment = target == ClaimStatus.PAID
                    ? new ClaimRequests.PaymentInput(blankless(reference), date("date", date), amount("amount", amount), blankless(heir))
                    : null;
            claims.transition(id, new ClaimRequests.Transition(target, blankless(reason), payment));
        });
    }

    /** A document of the case's checklist (the module checks its size and its bytes). */
    @PostMapping("/klaim/{id}/dokumen")
    String upload(@PathVariable long id, @RequestParam(required = false) String type, @RequestParam(required = false) String child,
                  @RequestParam(required = false) String schoolYear, @RequestParam(required = false) MultipartFile file,
                  Model model, RedirectAttributes redirect, Locale locale) {
        if (!currentActor.get().role().canChangeData()) {
            throw new AccessDeniedException("Read-only roles cannot upload claim documents");
        }
        return onCasePage(id, "claim.case.saved.document", model, redirect, locale, () -> {
            DocumentType documentType = parse("type", type, DocumentType.class);
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "REQUIRED", "Choose the file to upload");
            }
            Integer childNo = documentType.perChildAndYear() ? whole("child", child) : null;
            try (InputStream content = file.getInputStream()) {
                claims.addDocument(id, documentType, childNo, documentType.perChildAndYear() ? blankless(schoolYear) : null,
                        file.getOriginalFilename(), content);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** A scholarship year's payment, for the year's amount. */
    @PostMapping("/klaim/{id}/beasiswa")
    String payScholarship(@PathVariable long id, @RequestParam(required = false) String child,
                          @RequestParam(required = false) String schoolYear, @RequestParam(required = false) String reference,
                          @RequestParam(required = false) String date, @RequestParam(required = false) String amount,
                          Model model, RedirectAttributes redirect, Locale locale) {
        return onCasePage(id, "claim.case.saved.scholarship", model, redirect, locale, () -> {
            // the request's child is an int: a blank child unboxed to a NullPointerException, a 500 (claims review)
            Integer childNo = whole("child", child);
            if (childNo == null) {
                throw new InvalidInputException("child", "REQUIRED", "child (its number on the case) is required");
            }
            claims.payScholarship(id, new ClaimRequests.ScholarshipPayment(childNo, blankless(schoolYear),
                    new ClaimRequests.PaymentInput(blankless(reference), date("date", date), amount("amount", amount), null)));
        });
    }

    /** The case file: one document with everything the case page shows, page-numbered, in the page's language. */
    @GetMapping("/klaim/{id}/berkas.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, Locale locale) {
        ClaimCase c = claims.get(id);
        byte[] pdf = caseFile.pdf(c, locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("klaim-" + id + ".pdf").build().toString())
                .body(pdf);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private String form(Worker w, ClaimForm form, Model model) {
        Actor actor = currentActor.get();
        model.addAttribute("worker", w);
        model.addAttribute("nikShown", PersonalData.nik(actor, w.nik()));
        model.addAttribute("villageName", workers.villageName(w.villageCode()));
        model.addAttribute("form", form);
        model.addAttribute("cases", ClaimType.values());
        model.addAttribute("casesFor", fieldsPerCase());
        model.addAttribute("levels", SchoolLevel.values());
        model.addAttribute("relationships", HeirRelationship.values());
        model.addAttribute("jhtReasons", JhtReason.values());
        model.addAttribute("transportModes", ClaimRequests.TransportMode.values());
        return "claim/new";
    }

    /** Which case types each optional field belongs to, as the form's data-cases attributes name them. */
    static Map<String, String> fieldsPerCase() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("wage", casesWhere(t -> t.workAccident() && t != ClaimType.JKK_MEDICAL || t == ClaimType.JKP || t == ClaimType.JHT));
        fields.put("percent", ClaimType.JKK_PARTIAL_DISABILITY.name());
        fields.put("months", ClaimType.JKK_TEMPORARY_DISABILITY.name());
        fields.put("costs", ClaimType.JKK_MEDICAL.name());
        fields.put("jht", ClaimType.JHT.name());
        fields.put("contributionMonths", ClaimType.JHT.name() + " " + ClaimType.JP_OLD_AGE.name());
        fields.put("jp", ClaimType.JP_OLD_AGE.name());
        fields.put("jkp", ClaimType.JKP.name());
        fields.put("children", casesWhere(ClaimType::grantsScholarship));
        fields.put("heirs", casesWhere(ClaimType::death));
        return fields;
    }

    private static String casesWhere(Predicate<ClaimType> which) {
        return Arrays.stream(ClaimType.values()).filter(which).map(Enum::name).collect(Collectors.joining(" "));
    }

    private String casePage(ClaimCase c, Model model) {
        Actor actor = currentActor.get();
        model.addAttribute("c", c);
        model.addAttribute("villageName", villageName(c.region()));
        model.addAttribute("today", LocalDate.now(clock));
        Set<ClaimStatus> steps = transitions(c, actor);
        model.addAttribute("transitions", steps.stream().map(Enum::name).toList());
        model.addAttribute("transitionNote", transitionNote(c, actor));
        model.addAttribute("canUpload", actor.role().canChangeData() && c.status() != ClaimStatus.REJECTED);
        model.addAttribute("canDownload", PersonalData.seesFull(actor));
        model.addAttribute("canPayScholarship", actor.role() == Role.BPJS_OFFICER);
        model.addAttribute("documentTypes", documentTypes(c));
        model.addAttribute("reasonTexts", reasonTexts(c, messages, LocaleContextHolder.getLocale()));
        return "claim/case";
    }

    /**
     * The steps this reader may take from here: a BPJS officer's, never an approval of a case they opened
     * (maker-checker); nothing for the other roles, which only read the workflow.
     */
    static Set<ClaimStatus> transitions(ClaimCase c, Actor actor) {
        if (actor.role() != Role.BPJS_OFFICER) {
            return Set.of();
        }
        Set<ClaimStatus> next = EnumSet.noneOf(ClaimStatus.class);
        next.addAll(c.status().next());
        if (actor.username().equals(c.openedBy())) {
            next.remove(ClaimStatus.APPROVED);
        }
        return next;
    }

    /** Why a writer sees fewer buttons than the case's status allows; none for the read-only roles. */
    static String transitionNote(ClaimCase c, Actor actor) {
        if (!actor.role().canChangeData() || !c.status().open()) {
            return null;
        }
        if (actor.role() != Role.BPJS_OFFICER) {
            return "claim.transition.onlyBpjs";
        }
        if (c.status().canMoveTo(ClaimStatus.APPROVED) && actor.username().equals(c.openedBy())) {
            return "claim.transition.makerChecker";
        }
        return null;
    }

    /**
     * The reasons of the case (its rejection, its history's steps) as the page shows them: a case stored as rejected
     * carries its policies' codes ("INCIDENT_BEFORE_MEMBERSHIP, ...", the calculator's too), written out in the page's
     * language (a calculator's code by the simulation's text, as the case file does); a reason a person typed is shown
     * as typed.
     */
    static Map<String, String> reasonTexts(ClaimCase c, MessageSource messages, Locale locale) {
        Map<String, String> texts = new java.util.HashMap<>();
        java.util.stream.Stream.concat(java.util.stream.Stream.of(c.rejectionReason()), c.history().stream().map(ClaimCase.HistoryEntry::reason))
                .filter(java.util.Objects::nonNull)
                .forEach(reason -> texts.put(reason, reasonText(reason, messages, locale)));
        return texts;
    }

    static String reasonText(String reason, MessageSource messages, Locale locale) {
        String[] parts = reason.split("\\s*,\\s*");
        if (!Arrays.stream(parts).allMatch(p -> p.matches("[A-Z][A-Z0-9_]+"))) {
            return reason;
        }
        return Arrays.stream(parts).map(code -> messages.getMessage("claim.code." + code, null,
                        messages.getMessage("simulation.rejection." + code, null, code, locale), locale))
                .collect(Collectors.joining(" "));
    }

    /** The documents of the case's checklist first, then the other types. */
    private static List<DocumentType> documentTypes(ClaimCase c) {
        Set<DocumentType> ordered = new java.util.LinkedHashSet<>();
        c.documents().forEach(d -> ordered.add(d.type()));
        ordered.addAll(Arrays.asList(DocumentType.values()));
        return List.copyOf(ordered);
    }

    /**
     * A change from a form of the case page: back to the page with a note of what was saved, or the page again with the
     * reasons it was refused.
     */
    private String onCasePage(long id, String saved, Model model, RedirectAttributes redirect, Locale locale, Runnable change) {
        ClaimCase before = claims.get(id); // 404 outside the caller's area, before anything else
        try {
            change.run();
            redirect.addFlashAttribute("flash", saved);
            return "redirect:/klaim/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("problems", ProblemText.of(e.problems(), messages, language, locale));
            return casePage(claims.get(before.id()), model);
        }
    }

    private Actor opener() {
        Actor actor = currentActor.get();
        if (!actor.role().canChangeData()) {
            throw new AccessDeniedException("Read-only roles cannot open claims");
        }
        return actor;
    }

    private Worker worker(Map<String, String> params, Actor actor) {
        String id = params.get("worker");
        UUID publicId;
        try {
            publicId = UUID.fromString(id == null ? "" : id.strip());
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No worker " + id);
        }
        return workers.getByPublicId(publicId, actor.scope());
    }

    private String villageName(String code) {
        return code == null ? null : workers.villageName(code);
    }

    private static String blankless(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static <E extends Enum<E>> E parse(String field, String text, Class<E> type) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "REQUIRED", field + " is required");
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "INVALID_VALUE", field + " '" + text + "' is not one of the list");
        }
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(field, "INVALID_DATE", field + " '" + text + "' is not a date (YYYY-MM-DD)");
        }
    }

    /** Rupiah as typed on a receipt ({@code 1.500.000}, {@code Rp 1.500.000}); more than two decimals is out of range. */
    private static BigDecimal amount(String field, String text) {
        return MoneyField.readOrThrow(field, text, "INVALID_NUMBER", "OUT_OF_RANGE");
    }

    private static Integer whole(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "INVALID_NUMBER", field + " '" + text + "' is not a whole number");
        }
    }
}
