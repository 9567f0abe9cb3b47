package id.lindung.claim.web;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.PersonalData;
import id.lindung.benefit.JhtReason;
import id.lindung.claim.ClaimCase;
import id.lindung.claim.ClaimRequests;
import id.lindung.claim.ClaimType;
import id.lindung.claim.Claims;
import id.lindung.claim.HeirRelationship;
import id.lindung.claim.SchoolLevel;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.NotFoundException;
import id.lindung.registry.Worker;
import id.lindung.registry.Workers;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Opening a claim ({@code /klaim/baru}): the worker found by NIK, the form, its htmx preview of the decision and the
 * benefit before anything is stored, and the case opened. Its own controller because opening is a use case of its own,
 * for the roles that change data, with a form and rules the case page never uses.
 */
@Controller
class ClaimOpeningController {

    private final Claims claims;
    private final Workers workers;
    private final CurrentActor currentActor;
    private final MessageSource messages;
    private final id.lindung.platform.ProblemLanguage language;
    private final Clock clock;

    ClaimOpeningController(Claims claims, Workers workers, CurrentActor currentActor, MessageSource messages, Clock clock,
                           id.lindung.platform.ProblemLanguage language) {
        this.language = language;
        this.claims = claims;
        this.workers = workers;
        this.currentActor = currentActor;
        this.messages = messages;
        this.clock = clock;
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
}
