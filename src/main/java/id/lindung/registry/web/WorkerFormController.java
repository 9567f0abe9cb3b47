package id.lindung.registry.web;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.NotFoundException;
import id.lindung.registry.DuplicateNikException;
import id.lindung.registry.NikChecker;
import id.lindung.registry.NikJson;
import id.lindung.shared.Programme;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Segment;
import id.lindung.registry.TransferRequests;
import id.lindung.registry.Worker;
import id.lindung.registry.WorkerCategories;
import id.lindung.registry.Workers;
import id.lindung.region.RegionLevel;
import id.lindung.region.Regions;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Registering a worker on screen, and what to do when the NIK is already registered: open the worker of this
 * village, move one from a village of the caller's area here, or ask the DPMD covering both villages to move one the
 * caller may not see. The registry decides everything; this only shows its answers.
 */
@Controller
class WorkerFormController {

    /** The fields of the form, as the registry names them in its problems. */
    private static final String[] FIELDS = {"nik", "name", "sex", "birthDate", "villageCode", "category", "phone", "kpj",
            "povertyDecile", "programs", "program", "segment", "wage", "riskGroup", "payer", "startDate"};

    /**
     * A NIK that is already registered, as the caller may know it.
     *
     * @param kind SAME_VILLAGE (open the worker), IN_AREA (transfer it here) or ELSEWHERE (ask for a transfer)
     */
    record Duplicate(String kind, Long workerId, DuplicateNikException.Location where, String nik, String targetVillage) {}

    private final Workers workers;
    private final TransferRequests transferRequests;
    private final NikChecker nikChecker;
    private final CurrentActor currentActor;

    private final WorkerCategories categories;
    private final Regions regions;

    WorkerFormController(Workers workers, TransferRequests transferRequests, NikChecker nikChecker, CurrentActor currentActor,
                         WorkerCategories categories, Regions regions) {
        this.categories = categories;
        this.regions = regions;
        this.workers = workers;
        this.transferRequests = transferRequests;
        this.nikChecker = nikChecker;
        this.currentActor = currentActor;
    }

    @GetMapping("/pekerja/baru")
    String newForm(Model model) {
        Actor actor = writer();
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", WorkerForm.blank(fixedVillage(actor), nikChecker.today()));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
        }
        WorkerForm form = (WorkerForm) model.getAttribute("form");
        if (form.nik() != null && !form.nik().isBlank()) {
            nikInfo(form.nik(), model);
        }
        model.addAttribute("fixedVillage", fixedVillage(actor));
        model.addAttribute("fixedVillageName", fixedVillage(actor) == null ? null : workers.villageName(fixedVillage(actor)));
        List<VillageChoice> villages = villageChoices(actor);
        model.addAttribute("villageChoices", villages);
        model.addAttribute("villageExample", villages.isEmpty() ? villageMask(actor.scope().code()) : villages.get(0).code());
        model.addAttribute("payer", new PayerInput(form.payerKind(), form.payerName()));
        model.addAttribute("noPayer", new PayerInput("", ""));
        model.addAttribute("categories", categories.active());
        model.addAttribute("programs", Programme.values());
        model.addAttribute("segments", Segment.values());
        model.addAttribute("risks", RiskGroup.values());
        model.addAttribute("payerKinds", PAYER_KINDS);
        return "registry/worker-new";
    }

    static final List<String> PAYER_KINDS = List.of("APBDES", "APBD", "SELF", "EMPLOYER", "DONOR");

    /** The htmx answer to the NIK field: what the NIK says (district, sex, birth date) or why it is wrong, and whether it is taken. */
    @org.springframework.web.bind.annotation.RequestMapping(value = "/pekerja/baru/nik",
            method = {org.springframework.web.bind.annotation.RequestMethod.GET, org.springframework.web.bind.annotation.RequestMethod.POST})
    String nikCheck(@RequestParam(defaultValue = "") String nik, Model model) {
        // the form posts the NIK (it stays out of URLs and access logs); GET answers too, for old pages
        writer();
        nikInfo(nik.trim(), model);
        return "registry/worker-new :: nikInfo";
    }

    private void nikInfo(String nik, Model model) {
        NikJson check = NikJson.of(nikChecker.check(nik));
        model.addAttribute("nikCheck", check);
        model.addAttribute("nikDistrict", check.districtCode() == null ? null : workers.villageName(check.districtCode()));
        model.addAttribute("nikRegistered", check.valid() ? workers.registration(nik, currentActor.get().scope()).orElse(null) : null);
    }

    @PostMapping("/pekerja/baru")
    String register(@ModelAttribute("form") WorkerForm submitted, Model model, RedirectAttributes redirect) {
        Actor actor = writer();
        WorkerForm form = fixedVillage(actor) == null ? submitted : submitted.withVillage(fixedVillage(actor));
        model.addAttribute("form", form);
        try {
            Workers.Registration registration = form.toRegistration(categories);
            Worker created = workers.register(registration, form.unreadable(categories));
            redirect.addFlashAttribute("flash", "worker.saved.registered");
            // registered as typed, and told what looks wrong (a PU wage of Rp 100), as the API's warnings tell a client
            redirect.addFlashAttribute("registrationWarnings", workers.warnings(registration));
            return "redirect:/pekerja/id/" + created.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FormErrors.of(e.problems(), FIELDS));
        } catch (NotFoundException e) {
            // the registry answers a village outside the scope as not found; on the form that is a problem of the field
            model.addAttribute("errors", FormErrors.of(List.of(InputProblem.of("villageCode", "VILLAGE_NOT_IN_AREA",
                    e.getMessage())), FIELDS));
        } catch (DuplicateNikException e) {
            model.addAttribute("duplicate", duplicate(e.nik(), e.where(), form.villageCode(), actor));
        }
        return newForm(model);
    }

    private Duplicate duplicate(String nik, DuplicateNikException.Location where, String targetVillage, Actor actor) {
        if (where == null) {
            return new Duplicate("ELSEWHERE", null, null, nik, targetVillage);
        }
        Long id = workers.registration(nik, actor.scope()).map(Workers.Registered::workerId).orElse(null);
        return new Duplicate(where.villageCode().equals(targetVillage) ? "SAME_VILLAGE" : "IN_AREA", id, where, nik, targetVillage);
    }

    /** "Pindahkan ke desa ini": moves a worker of the caller's area to the village of the form. */
    @PostMapping("/pekerja/pindah")
    String transfer(@RequestParam String nik, @RequestParam String villageCode, @RequestParam(required = false) String effectiveOn,
                    @RequestParam(required = false) String payerKind, @RequestParam(required = false) String payerName,
                    Model model, RedirectAttributes redirect) {
        Actor actor = writer();
        try {
            Worker moved = workers.transfer(nik, villageCode, WorkerForm.date(effectiveOn), new PayerInput(payerKind, payerName).spec());
            redirect.addFlashAttribute("flash", "worker.saved.transferred");
            return "redirect:/pekerja/id/" + moved.id();
        } catch (InvalidInputException e) {
            model.addAttribute("form", WorkerForm.of(nik, villageCode, nikChecker.today()));
            model.addAttribute("errors", FormErrors.of(e.problems(), FIELDS));
            model.addAttribute("transferErrors", e.problems());
            model.addAttribute("duplicate", duplicate(nik,
                    workers.registration(nik, actor.scope()).map(Workers.Registered::where).orElse(null), villageCode, actor));
            return newForm(model);
        }
    }

    /** Asks the DPMD covering both villages to move here a worker registered outside the caller's area. */
    @PostMapping("/pekerja/permintaan-pindah")
    String requestTransfer(@RequestParam String nik, @RequestParam String villageCode, RedirectAttributes redirect) {
        writer();
        try {
            boolean recorded = transferRequests.request(nik, villageCode);
            redirect.addFlashAttribute("flash", recorded ? "transferRequest.recorded" : "transferRequest.alreadyOpen");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("form", WorkerForm.of(nik, villageCode, nikChecker.today()));
            redirect.addFlashAttribute("errors", FormErrors.of(e.problems()));
        }
        return "redirect:/pekerja/baru";
    }

    /** Open transfer requests the caller's area can complete, each linking to the worker page where it is done. */
    @GetMapping("/pekerja/permintaan-pindah")
    String transferRequests(Model model) {
        Actor actor = currentActor.get();
        model.addAttribute("requests", transferRequests.open(actor.scope()).stream()
                .map(r -> new RequestRow(r, workers.getById(r.workerId(), actor.scope()))).toList());
        return "registry/transfer-requests";
    }

    /** A request with its worker, whom the list shows by name and village (not NIK). */
    record RequestRow(TransferRequests.Request request, Worker worker) {}

    /** A village the form suggests as the user types its name or code. */
    record VillageChoice(String code, String label) {}

    /**
     * The villages of a district or regency officer's area, "Loa Duri Ilir, Loa Janan", for the village field to suggest
     * by name: a new user knows the village's name, not its code. None for a village operator (the form fixes the village)
     * nor for a province or the nation, whose thousands of villages are looked up on the region pages.
     */
    private List<VillageChoice> villageChoices(Actor actor) {
        String scope = actor.scope().code();
        if (scope.length() != 5 && scope.length() != 8) {
            return List.of();
        }
        var districts = new java.util.HashMap<String, String>();
        regions.within(actor.scope(), RegionLevel.DISTRICT).forEach(d -> districts.put(d.code(), d.name()));
        if (scope.length() == 8) {
            districts.put(scope, workers.villageName(scope));
        }
        return regions.within(actor.scope(), RegionLevel.VILLAGE).stream()
                .map(v -> new VillageChoice(v.code(), v.name() + ", " + districts.getOrDefault(v.parentCode(), v.parentCode()))).toList();
    }

    /** The shape of a village code inside a scope, "63.__.__.____" for a province: never an example from another area. */
    static String villageMask(String scope) {
        String mask = "__.__.__.____";
        return "ID".equals(scope) || scope.length() >= mask.length() ? mask : scope + mask.substring(scope.length());
    }

    /** A village operator's village, which the form fixes; null for a user whose area holds many villages. */
    static String fixedVillage(Actor actor) {
        String code = actor.scope().code();
        return code.length() == 13 ? code : null;
    }

    private Actor writer() {
        Actor actor = currentActor.get();
        if (!actor.role().canChangeData()) {
            throw new AccessDeniedException("Read-only roles cannot register or move workers");
        }
        return actor;
    }
}
